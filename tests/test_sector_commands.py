"""Sectors at the command line: `sectors`, `sector NAME`, `--sector` on the lists, and
sectors found by `search`; each answer checked against the dataset's classification."""

from kcluster.model import MiniCluster


def ids(rows) -> list[str]:
    return [row["id"] for row in rows]


def test_mini_by_sector_in_everyday_words(run, catalog):
    automotive = ids(run.json("mini", "--sector", "automotive", "--json"))
    assert "ulsan-car-body-and-sash" in automotive and "gyungsan-jinryang-auto-parts" in automotive
    assert not {"noksan-shipbuilding-apparatus", "daebul-shipbuilding"} & set(automotive)  # ships are not cars
    assert ids(run.json("mini", "--sector", "car", "--json")) == automotive
    medical = ids(run.json("mini", "--sector", "medical devices", "--json"))
    assert "wonju-image-medical-equipment" in medical and "gumi-mobile" not in medical  # phones are not medical
    both = set(ids(run.json("mini", "--sector", "automotive", "--sector", "medical devices", "--json")))
    assert both == set(automotive) | set(medical)
    assert all(isinstance(m, MiniCluster) for m in catalog.records("mini_clusters", sector="LED"))


def test_complexes_and_regions_by_sector(run):
    assert "wonju" in ids(run.json("complexes", "--sector", "medical devices", "--json"))
    assert set(ids(run.json("regions", "--sector", "shipbuilding", "--json"))) == {"dongnam", "honam"}


def test_an_unknown_sector_is_a_usage_error_naming_the_closest(run):
    result = run("mini", "--sector", "automotiv")  # a typo is taken ...
    assert result.exit_code == 0 and "Car body and sash" in result.stdout
    result = run("mini", "--sector", "quantum widgets")  # ... nonsense is not
    assert result.exit_code == 2 and "no sector 'quantum widgets'" in result.stderr and "Closest" in result.stderr
    assert run("sector", "quantum", "widgets").exit_code == 2


def test_a_known_sector_with_no_korean_record_says_so(run):
    result = run("sector", "tobacco", "--json")
    assert (result.exit_code, result.stdout.strip()) == (0, "[]")
    assert "no Korean record is in Tobacco" in result.stderr


def test_the_sector_page_json(run, catalog):
    page = run.json("sector", "medical", "devices", "--json")
    assert [s["id"] for s in page["sectors"]] == ["medical-devices", "emerging-medical-devices"]
    assert set(page) == {
        "sectors",
        "note",
        "members",
        "regions",
        "complexes",
        "mini_clusters",
        "offices",
        "partnerships",
        "events",
        "stories",
        "facts",
        "hub_names",
    }
    assert ids(page["regions"]) == ["gangwon"] and "wonju" in ids(page["complexes"])
    mini = next(m for m in page["mini_clusters"] if m["id"] == "wonju-image-medical-equipment")
    assert mini["phone"] == catalog.get("mini_clusters", mini["id"]).phone and mini["office"]["id"] == "wonju-branch"
    assert mini["classification"] == [
        {"sector": "medical-devices", "name": "Medical Devices", "words": "medical equipment", "derived": True},
        {
            "sector": "emerging-medical-devices",
            "name": "Medical Devices",
            "words": "medical equipment",
            "derived": True,
        },
    ]
    assert "wonju-branch" in ids(page["offices"]) and "laser-go-global" in ids(page["partnerships"])
    assert "2019-03-11-eu-healthcare-medical-technologies-korea" in ids(page["events"])
    assert "saving-lives-wonju" in ids(page["stories"])


def test_the_sector_page_prints_contact_cards(run):
    cards = run("sector", "medical devices", "--format", "vcard").stdout
    assert cards.count("BEGIN:VCARD") == len(run.json("mini", "--sector", "medical devices", "--json"))


def test_sectors_lists_the_vocabulary_with_counts(run):
    shown = run.json("sectors", "--json")
    everything = run.json("sectors", "--all", "--json")
    assert len(everything) == 61 and len(shown) < len(everything)
    automotive = next(s for s in shown if s["id"] == "automotive")
    assert automotive["counts"]["mini_clusters"] == len(run.json("mini", "--sector", "automotive", "--json"))
    assert all(any(s["counts"].values()) for s in shown)


def test_search_lists_a_sector_first(run):
    hits = run.json("search", "medical devices", "--json")
    assert [h["id"] for h in hits[:2]] == ["medical-devices", "emerging-medical-devices"]
    assert all(h["type"] == "sectors" for h in hits[:2]) and hits[2]["type"] != "sectors"
    assert all(h["type"] != "sectors" for h in run.json("search", "Changwon", "--json"))


def test_a_record_page_carries_its_derived_sectors(run):
    page = run.json("show", "ulsan-car-body-and-sash", "--json")
    assert {s["sector"] for s in page["sectors"]} == {"automotive", "mobility-technologies"}
    assert all(s["derived"] for s in page["sectors"])
    unclassified = run.json("show", "gumi-e-h", "--json")
    assert unclassified["sectors"] == [] and "E&H" in unclassified["sectors_note"]

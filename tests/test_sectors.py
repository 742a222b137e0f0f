"""The sector classification (kcluster/sectors.py, data/sectors.toml): the vocabulary, the
members of sectors pinned against the dataset, everyday words, and the file's checks."""

import copy
import subprocess
import sys
from importlib import resources

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib  # type: ignore[no-redef, unused-ignore]

from kcluster.catalog import Catalog
from kcluster.kinds import KIND_NAMES
from kcluster.model import Event, MiniCluster, Partnership, Story
from kcluster.sectors import (
    CLASSIFIED_FIELDS,
    Assignment,
    check_sectors,
    classify,
    closest_sectors,
    find_sectors,
    fold_words,
    folded,
    in_scope,
    members,
    parse_sectors,
)

# The sector names the eccp-korea ESCP-4i table prints: the ECCP's own spelling.
ECCP_PRINTED = (
    "Aerospace Vehicles and Defence",
    "Biopharmaceuticals",
    "Electric Power Generation and Transmission",
    "Lighting and Electrical Equipment",
    "Food Processing and Manufacturing",
    "Transportation and Logistics",
)
EMERGING = (
    "Advanced Packaging",
    "Biopharmaceuticals",
    "Blue Growth Industries",
    "Creative Industries",
    "Digital Industries",
    "Environmental Industries",
    "Experience Industries",
    "Logistical Services",
    "Medical Devices",
    "Mobility Technologies",
)


@pytest.fixture(scope="module")
def document() -> dict:
    return tomllib.loads(resources.files("kcluster.data").joinpath("sectors.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def table(document):
    return parse_sectors(document)


@pytest.fixture(scope="module")
def records(catalog) -> Catalog:
    return catalog


@pytest.fixture(scope="module")
def ids(records) -> dict[str, set[str]]:
    return {kind: set(records.ids(kind)) for kind in KIND_NAMES}


@pytest.fixture(scope="module")
def classification(table, records):
    return classify(table, records.all_records())


def sectors_of(classification, ref: str) -> set[str]:
    kind, _, record_id = ref.partition(":")
    return {a.sector for a in classification[(kind, record_id)]}


# --- the file --------------------------------------------------------------------------


def test_the_shipped_file_has_no_problems(document, ids):
    assert check_sectors(document, ids) == []


def test_the_vocabulary_is_the_ecos_51_sectoral_and_10_emerging_industries(table):
    sectoral = [s for s in table.sectors if s.group == "sectoral"]
    emerging = [s for s in table.sectors if s.group == "emerging"]
    assert len(sectoral) == 51 and len(emerging) == 10
    assert set(ECCP_PRINTED) <= {s.name for s in sectoral}
    assert sorted(s.name for s in emerging) == sorted(EMERGING)


# --- every record is decided ------------------------------------------------------------


def test_every_mini_cluster_has_a_sector_or_says_why_not(table, records, classification):
    minis = records.every(MiniCluster)
    assert len(minis) == 81
    for mini in minis:
        ref = f"mini_clusters:{mini.id}"
        assigned = classification[("mini_clusters", mini.id)]
        assert bool(assigned) != table.is_unclassified(ref), ref  # one or the other, never both
    notes = {u.record: u.note for u in table.unclassified}
    assert all(note.strip() for note in notes.values())


def test_every_record_in_scope_is_classified_or_listed_as_unclassified(table, classification):
    undecided = [
        f"{kind}:{rid}"
        for (kind, rid), assigned in classification.items()
        if not assigned and not table.is_unclassified(f"{kind}:{rid}")
    ]
    assert undecided == []


def test_an_unclassified_record_gets_no_sector_even_where_a_rule_would_match(table, records):
    mini = next(m for m in records.every(MiniCluster) if m.id == "gumi-e-h")
    renamed = type(mini)(**{**mini.__dict__, "name": "E&H automobile parts"})
    assert table.is_unclassified("mini_clusters:gumi-e-h")
    assert classify(table, [renamed])[("mini_clusters", "gumi-e-h")] == ()


def test_only_eu_korea_events_are_classified(records, classification):
    events = {rid for (kind, rid) in classification if kind == "events"}
    expected = {
        e.id
        for e in records.every(Event)
        if e.kind == "matchmaking" or any(c.source == "eccp-korea" for c in e.sources)
    }
    assert events == expected and len(events) == 13
    assert "2020-05-06-eu-korea-cluster-matchmaking-world-it-show" in events
    assert {kind for kind, _ in classification} == set(CLASSIFIED_FIELDS)


def test_every_assignment_quotes_the_records_own_words(table, records, classification):
    by_ref = {(r.KIND, r.id): r for r in records.all_records() if in_scope(r)}
    for key, assigned in classification.items():
        record = by_ref[key]
        text = " ".join(
            folded(value) for field in CLASSIFIED_FIELDS[key[0]] for value in _values(getattr(record, field))
        )
        for assignment in assigned:
            for words in assignment.words.split("; "):
                assert f" {folded(words)} " in f" {text} ", (key, assignment)


def _values(value) -> tuple:
    return value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()


def test_a_partnerships_eccp_sector_maps_to_the_sector_of_that_name(table, records, classification):
    names = {s.name: s.id for s in table.sectors if s.group == "sectoral"}
    for partnership in records.every(Partnership):
        printed = partnership.sectors[0]  # the ECO name printed after the name
        assigned = {a.sector: a.words for a in classification[("partnerships", partnership.id)]}
        assert printed in names, printed
        assert printed in assigned[names[printed]].split("; ")


# --- sectors' members, pinned -------------------------------------------------------------

PINNED = {
    "automotive": (
        [
            "mini_clusters:ulsan-car-body-and-sash",
            "mini_clusters:ulsan-design-module",
            "mini_clusters:gunsan-auto-parts-material",
            "mini_clusters:iksan-auto-electric-parts",
            "mini_clusters:banwol-sihwa-auto-parts",
            "mini_clusters:namdong-automobile-module",
            "mini_clusters:seongseo-smart-cars",
            "mini_clusters:gyungsan-jinryang-auto-parts",
            "complexes:ulsan",
            "regions:honam",
            "stories:eco-friendly-auto-parts-research-cluster-ulsan",
        ],
        [
            "mini_clusters:noksan-shipbuilding-apparatus",
            "mini_clusters:daebul-shipbuilding",
            "mini_clusters:daebul-shipbuilding-parts",
            "mini_clusters:sacheon-aerospace",
            "mini_clusters:changwon-transportation-machine",
            "complexes:daebul",
            "partnerships:alliance",
            "stories:core-technology-fusion-ochang",
        ],
    ),
    "water-transportation": (
        [
            "mini_clusters:noksan-shipbuilding-apparatus",
            "mini_clusters:daebul-shipbuilding",
            "mini_clusters:daebul-shipbuilding-parts",
            "mini_clusters:daebul-ocean-leisure",
            "complexes:daebul",
            "complexes:noksan",
            "regions:dongnam",
            "stories:marine-equipment-export-marketing-noksan",
        ],
        [
            "mini_clusters:ulsan-car-body-and-sash",
            "mini_clusters:daebul-ocean-energy",
            "stories:industry-university-rd-collaboration",
        ],
    ),
    "medical-devices": (
        [
            "mini_clusters:wonju-measuring-medical-instruments",
            "mini_clusters:wonju-image-medical-equipment",
            "mini_clusters:wonju-green-health-care",
            "mini_clusters:wonju-rehabilitation-medical-equipment",
            "mini_clusters:donghae-fusion-medical-equipment",
            "complexes:wonju",
            "regions:gangwon",
            "partnerships:laser-go-global",
            "events:2019-03-11-eu-healthcare-medical-technologies-korea",
            "events:2020-03-16-eu-gateway-korean-healthcare",
            "stories:saving-lives-wonju",
        ],
        [
            "mini_clusters:gumi-mobile",
            "mini_clusters:seoul-information-and-communications",
            "partnerships:bioxclusters-plus",
            "mini_clusters:daebul-bio-industry-jeju-agro-industrial-complex",
        ],
    ),
    "information-technology-and-analytical-instruments": (
        [
            "mini_clusters:gumi-it-equipment",
            "mini_clusters:gumi-it-fusion-materials",
            "mini_clusters:ochang-semiconductor",
            "mini_clusters:cheonan-asan-displays",
            "mini_clusters:gumi-energy-display",
            "mini_clusters:seongseo-it-electric-electronics",
            "complexes:seoul",
            "complexes:suwon",
            "events:2020-05-06-eu-korea-cluster-matchmaking-world-it-show",
        ],
        # Their texts say "it" and "its", the pronoun.
        [
            "stories:pan-regional-rd-projects-changwon",
            "stories:mentoring-for-problem-solution-gunsan",
            "stories:saving-lives-wonju",
            "mini_clusters:gwangju-led",
        ],
    ),
    "lighting-and-electrical-equipment": (
        [
            "mini_clusters:gwangju-led",
            "mini_clusters:gwangju-photonics-application",
            "mini_clusters:gwangju-photonics-communication",
            "mini_clusters:gwangju-electric-parts",
            "mini_clusters:ochang-renewable-batteries",
            "complexes:gwangju",
            "partnerships:laser-go-global",
        ],
        # "It was led by DongHwa Entec": led, not LED.
        ["stories:pan-regional-rd-projects-changwon", "mini_clusters:ochang-semiconductor"],
    ),
    "electric-power-generation-and-transmission": (
        [
            "mini_clusters:noksan-renewable-energy",
            "mini_clusters:daebul-ocean-energy",
            "partnerships:elbe",
            "events:2020-02-03-european-green-energy-korea",
        ],
        [
            "mini_clusters:gumi-energy-display",
            "mini_clusters:ochang-renewable-batteries",
            "stories:conditional-customized-technology-development-daebul",
        ],
    ),
    "biopharmaceuticals": (
        [
            "mini_clusters:daebul-bio-industry-jeju-agro-industrial-complex",
            "mini_clusters:seongseo-bio-fusion-materials",
            "partnerships:bioxclusters-plus",
            "regions:jeju",
            "complexes:kumneung",
            "complexes:ochang",
        ],
        ["mini_clusters:changwon-gimhae-agro-industrial-complex", "partnerships:laser-go-global"],
    ),
    "food-processing-and-manufacturing": (
        [
            "partnerships:new-frontier-in-food",
            "partnerships:foodnet",
            "events:2019-11-18-organic-food-beverage-korea",
            "events:2015-eu-korea-cluster-exchanges",
        ],
        ["mini_clusters:gunsan-gimje-agro-industrial-complex", "mini_clusters:gumi-pohang-agro-industrial-complex"],
    ),
    "production-technology-and-heavy-machinery": (
        [
            "mini_clusters:changwon-mechatronics",
            "mini_clusters:changwon-machine-parts",
            "mini_clusters:gwangju-industrial-machines",
            "mini_clusters:namdong-industrial-machine-parts",
            "mini_clusters:noksan-plant",
            "complexes:changwon",
        ],
        # The longest phrase wins: "Machine tools", "Transportation machine" are not machinery.
        ["mini_clusters:changwon-machine-tools", "mini_clusters:changwon-transportation-machine"],
    ),
    "metalworking-technology": (
        [
            "mini_clusters:changwon-machine-tools",
            "mini_clusters:yangsan-egok-molding",
            "mini_clusters:gwangju-synthetic-molds",
            "mini_clusters:banwol-sihwa-clean-surface-treatment",
            "mini_clusters:gumi-electronic-mold-parts",
        ],
        ["mini_clusters:changwon-machine-parts"],
    ),
    "communications-equipment-and-services": (
        [
            "mini_clusters:gumi-mobile",
            "mini_clusters:seoul-information-and-communications",
            "mini_clusters:gwangju-photonics-communication",
            "complexes:ochang",
        ],
        ["stories:conditional-customized-technology-development-daebul"],
    ),
    "blue-growth-industries": (
        [
            "mini_clusters:daebul-ocean-energy",
            "mini_clusters:daebul-ocean-leisure",
            "mini_clusters:daebul-shipbuilding",
            "partnerships:elbe",
        ],
        ["mini_clusters:ulsan-car-body-and-sash"],
    ),
    "environmental-industries": (
        [
            "mini_clusters:seoul-green-technology",
            "mini_clusters:noksan-renewable-energy",
            "events:2019-09-23-environment-water-technologies-korea",
            "stories:removing-bad-smells-namdong",
        ],
        ["mini_clusters:wonju-green-health-care"],
    ),
    "mobility-technologies": (
        [
            "mini_clusters:changwon-transportation-machine",
            "mini_clusters:yangsan-egok-transportation-machine",
            "mini_clusters:sacheon-aerospace",
            "mini_clusters:seongseo-smart-cars",
        ],
        ["mini_clusters:daebul-shipbuilding"],
    ),
    "creative-industries": (
        [
            "mini_clusters:seoul-digital-contents",
            "complexes:cheonan-asan",
            "events:2020-05-25-european-design-companies-korea",
        ],
        ["mini_clusters:ulsan-design-module"],
    ),
    # "building" in "shipbuilding", "Bando Construction Co." a company name: nothing is construction.
    "construction-products-and-services": ([], ["mini_clusters:daebul-shipbuilding", "complexes:ulsan"]),
}


@pytest.mark.parametrize("sector", PINNED)
def test_a_sectors_members(sector, table, classification):
    table.sector(sector)  # a known id
    inside, outside = PINNED[sector]
    found = {f"{kind}:{rid}" for kind, rid in members(classification, sector)}
    assert set(inside) <= found, set(inside) - found
    assert not set(outside) & found, set(outside) & found
    if not inside:
        assert found == set()


def test_the_pronoun_traps_are_in_the_texts(records):
    """The 'must not' cases above are traps only if the texts hold the words."""
    stories = {s.id: s for s in records.every(Story)}
    assert " led by " in stories["pan-regional-rd-projects-changwon"].summary
    assert " it " in f" {stories['mentoring-for-problem-solution-gunsan'].summary} "
    assert "car navigation" in stories["core-technology-fusion-ochang"].summary


def test_assignments_give_words_per_sector(classification):
    assigned = classification[("mini_clusters", "ulsan-car-body-and-sash")]
    assert Assignment("automotive", "Car") in assigned
    hand = classification[("mini_clusters", "ulsan-design-module")]
    assert [a.sector for a in hand] == ["automotive", "mobility-technologies"]
    assert all(a.words == "Design module" for a in hand)


# --- the rules on made-up names ------------------------------------------------------------


def _mini(name: str) -> MiniCluster:
    return MiniCluster(
        id="x",
        sources=(),
        name=name,
        complex="x",
        region="x",
        url="http://x.kr",
        extension="0000",
        phone="+82-70-8895-0000",
    )


@pytest.mark.parametrize(
    "name, wanted, unwanted",
    [
        ("Shipbuilding", {"water-transportation"}, {"construction-products-and-services", "automotive"}),
        ("Carbon materials", set(), {"automotive"}),
        ("It parts", set(), {"information-technology-and-analytical-instruments"}),
        ("IT parts", {"information-technology-and-analytical-instruments"}, set()),
        ("LEDs", {"lighting-and-electrical-equipment"}, set()),
        ("Medical devices", {"medical-devices", "emerging-medical-devices"}, set()),
        ("Auto & electric parts", {"automotive", "lighting-and-electrical-equipment"}, set()),
        ("Semiconductors", {"information-technology-and-analytical-instruments"}, set()),
        ("Mobile phones", {"communications-equipment-and-services"}, {"medical-devices", "emerging-medical-devices"}),
    ],
)
def test_rules_match_whole_folded_words(table, name, wanted, unwanted):
    got = {a.sector for a in classify(table, [_mini(name)])[("mini_clusters", "x")]}
    assert wanted <= got and not unwanted & got, got


def test_folding():
    assert fold_words("Auto & Electric Parts") == ("auto", "electric", "part")
    assert fold_words("batteries, machines, Molds") == ("battery", "machine", "mold")
    assert fold_words("glass bus analysis") == ("glass", "bus", "analysis")


# --- what people type -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, first",
    [
        ("automotive", "automotive"),
        ("Automotive", "automotive"),
        ("car", "automotive"),
        ("cars", "automotive"),
        ("auto", "automotive"),
        ("vehicle", "automotive"),
        ("automobile", "automotive"),
        ("IT", "information-technology-and-analytical-instruments"),
        ("semiconductors", "information-technology-and-analytical-instruments"),
        ("chips", "information-technology-and-analytical-instruments"),
        ("displays", "information-technology-and-analytical-instruments"),
        ("LED", "lighting-and-electrical-equipment"),
        ("photonics", "lighting-and-electrical-equipment"),
        ("laser", "lighting-and-electrical-equipment"),
        ("optics", "lighting-and-electrical-equipment"),
        ("medical devices", "medical-devices"),
        ("medical equipment", "medical-devices"),
        ("health", "medical-devices"),
        ("shipbuilding", "water-transportation"),
        ("marine", "water-transportation"),
        ("maritime", "water-transportation"),
        ("ocean", "blue-growth-industries"),
        ("energy", "electric-power-generation-and-transmission"),
        ("renewable", "electric-power-generation-and-transmission"),
        ("bio", "biopharmaceuticals"),
        ("food", "food-processing-and-manufacturing"),
        ("textiles", "textile-manufacturing"),
        ("machinery", "production-technology-and-heavy-machinery"),
        ("machine tools", "metalworking-technology"),
        ("molds", "metalworking-technology"),
        ("metals", "upstream-metal-manufacturing"),
        ("materials", "upstream-metal-manufacturing"),
        ("digital", "digital-industries"),
        ("Aerospace Vehicles and Defence", "aerospace-vehicles-and-defence"),
        ("aerospace", "aerospace-vehicles-and-defence"),
        ("mobility-technologies", "mobility-technologies"),
        ("we are a medical devices cluster", "medical-devices"),
    ],
)
def test_everyday_words_find_their_sector(table, typed, first):
    found = [s.id for s in find_sectors(table, typed)]
    assert found and found[0] == first, found


def test_a_word_two_sectors_share_finds_both(table):
    assert [s.id for s in find_sectors(table, "medical devices")] == ["medical-devices", "emerging-medical-devices"]
    assert {s.id for s in find_sectors(table, "ICT")} == {
        "information-technology-and-analytical-instruments",
        "communications-equipment-and-services",
        "digital-industries",
    }
    assert {s.id for s in find_sectors(table, "chemicals")} == {
        "upstream-chemical-products",
        "downstream-chemical-products",
    }


@pytest.mark.parametrize(
    "typed, wanted",
    [
        ("autmotive", ["automotive"]),
        ("semiconducter", ["information-technology-and-analytical-instruments"]),
        ("shipbulding", ["water-transportation"]),
        ("medcal devices", ["medical-devices", "emerging-medical-devices"]),
        ("automotve industry", ["automotive"]),
    ],
)
def test_a_typo_finds_the_clearly_closest_sector(table, typed, wanted):
    assert [s.id for s in find_sectors(table, typed)] == wanted


@pytest.mark.parametrize("typed", ["xyz", "", "and", "the industry", "fotonics", "cra"])
def test_nothing_close_finds_nothing(table, typed):
    assert find_sectors(table, typed) == []


def test_closest_sectors_for_error_messages(table):
    assert closest_sectors(table, "autmobile")[0].id == "automotive"
    assert len(closest_sectors(table, "autmobile", n=2)) == 2
    assert closest_sectors(table, "qqqq") == []


# --- the checker finds planted mistakes ---------------------------------------------------


@pytest.mark.parametrize(
    "plant, expected",
    [
        (
            lambda d: d["rules"][0]["sectors"].append("automobile"),
            ("sectors.toml", "rules #1 (auto)", "sectors", "unknown sector 'automobile'"),
        ),
        (
            lambda d: d["rules"].append({"words": ["boat"], "sectors": ["water-transportation"]}),
            ("sectors.toml", "rules #%d (boat)", "words", "'boat' is also a word of rules #5 (shipbuilding)"),
        ),
        (
            lambda d: d["rules"].append({"words": [], "sectors": ["automotive"]}),
            ("sectors.toml", "rules #%d", "words", "no words: the rule matches nothing"),
        ),
        (
            lambda d: d["rules"].append({"words": ["tyres"], "sectors": ["automotive"], "fields": ["address"]}),
            (
                "sectors.toml",
                "rules #%d (tyres)",
                "fields",
                "'address' is not a classified field "
                "(description, industries, name, sectors, summary, technologies, title)",
            ),
        ),
        (
            lambda d: d["sectors"].append({"id": "automotive", "name": "Cars", "group": "sectoral"}),
            ("sectors.toml", "automotive", "id", "duplicate id 'automotive'"),
        ),
        (
            lambda d: d["sectors"].append({"id": "toys", "name": "Toys", "group": "hobby"}),
            ("sectors.toml", "toys", "group", "'hobby' is not one of sectoral, emerging"),
        ),
        (
            lambda d: d["sectors"][0]["words"].append(" - "),
            ("sectors.toml", "aerospace-vehicles-and-defence", "words", "' - ' is empty once folded"),
        ),
        (lambda d: d["sectors"][3].pop("name"), ("sectors.toml", "automotive", "name", "missing required field")),
        (
            lambda d: d["assignments"][0].update(record="mini_clusters:changwon-nothing"),
            (
                "sectors.toml",
                "assignments #1 (mini_clusters:changwon-nothing)",
                "record",
                "unknown mini_clusters record 'changwon-nothing'",
            ),
        ),
        (
            lambda d: d["assignments"][0].update(record="organisations:kicox"),
            (
                "sectors.toml",
                "assignments #1 (organisations:kicox)",
                "record",
                "'organisations' records are not classified "
                "(mini_clusters, complexes, regions, partnerships, events, stories)",
            ),
        ),
        (
            lambda d: d["assignments"][0].update(sectors=["green"]),
            (
                "sectors.toml",
                "assignments #1 (mini_clusters:changwon-masan-green-fusion-technology-development)",
                "sectors",
                "unknown sector 'green'",
            ),
        ),
        (
            lambda d: d["unclassified"][0].update(note=" "),
            (
                "sectors.toml",
                "unclassified #1 (mini_clusters:changwon-gimhae-agro-industrial-complex)",
                "note",
                "is empty",
            ),
        ),
        (
            lambda d: d["unclassified"].append({"record": "mini_clusters:ulsan-design-module", "note": "?"}),
            (
                "sectors.toml",
                "unclassified #%d (mini_clusters:ulsan-design-module)",
                "record",
                "'mini_clusters:ulsan-design-module' also has [[assignments]]: it can't be both",
            ),
        ),
        (lambda d: d["rules"][0].update(exact=True), ("sectors.toml", "rules #1 (auto)", "exact", "unknown field")),
        (
            lambda d: d.update(sector=[]),
            (
                "sectors.toml",
                None,
                None,
                "unexpected top-level key 'sector' (expected sectors, rules, assignments, unclassified)",
            ),
        ),
    ],
)
def test_check_sectors_finds_planted_mistakes(document, ids, plant, expected):
    broken = copy.deepcopy(document)
    plant(broken)
    file, record, field, message = expected
    if record and "%d" in record:  # the appended table's position
        table_name = "unclassified" if record.startswith("unclassified") else "rules"
        record = record % len(broken[table_name])
    problems = {(p.file, p.record, p.field, p.message) for p in check_sectors(broken, ids)}
    assert (file, record, field, message) in problems, sorted(problems)


def test_a_kind_that_could_not_be_read_is_not_checked(document, ids):
    assert check_sectors(document, {k: v for k, v in ids.items() if k != "mini_clusters"}) == []


# --- a pure core module -------------------------------------------------------------------


def test_the_module_imports_nothing_of_the_interface():
    code = (
        "import sys, kcluster.sectors; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('click', 'rich', 'rapidfuzz') "
        "or m.startswith('kcluster.render')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

"""The Python API: the core the commands use, as README's "Use from Python" shows it."""

import json

import pytest

import kcluster
from kcluster.model import Complex, MiniCluster


@pytest.fixture(scope="module")
def loaded():
    return kcluster.load()


def test_get_a_record_by_kind_and_id(loaded):
    assert loaded.get("complexes", "changwon").name == "Changwon"
    assert loaded.get("complex", "changwon") == loaded.get(Complex, "changwon")  # singular, plural, type
    with pytest.raises(kcluster.NotFound):
        loaded.get("complexes", "atlantis")


def test_resolve_opens_what_show_opens(loaded, run):
    for query in ("Changwon", "honam", "gumi-mobile", "Taegu"):
        shown = run.json("show", query, "--json")
        record = loaded.resolve(query)
        assert (record.KIND, record.id) == (shown["type"], shown["id"])


def test_resolve_raises_not_found_with_the_candidates_show_prints(loaded, run):
    with pytest.raises(kcluster.NotFound) as miss:
        loaded.resolve("Mechatronics")
    ids = [c.id for c in miss.value.candidates]
    assert len(ids) > 1 and all(i.endswith("mechatronics") for i in ids)
    printed = run("show", "Mechatronics").stderr
    assert all(c.name in printed for c in miss.value.candidates)
    with pytest.raises(kcluster.NotFound) as nothing:
        loaded.resolve("qwxzv")
    assert nothing.value.candidates == ()


def test_search_gives_hits_best_first_with_their_records(loaded):
    hits = loaded.search("aerospace", limit=5)
    assert 0 < len(hits) <= 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert (hits[0].kind, hits[0].id) == ("sectors", "aerospace-vehicles-and-defence")  # a sector's word
    assert hits[0].record["name"] == "Aerospace Vehicles and Defence"  # a sector: kcluster's, not a record
    hit = next(h for h in hits if h.kind != "sectors")
    assert hit.record == loaded.get(hit.kind, hit.id)
    assert hit.record.KIND == hit.kind
    assert {h.kind for h in loaded.search("aerospace", kinds=["mini cluster"])} == {"mini_clusters"}


def test_records_are_what_the_list_commands_list(loaded, run):
    listed = run.json("mini", "--region", "honam", "--json")
    chosen = loaded.records("mini_clusters", region="honam")
    assert all(isinstance(m, MiniCluster) for m in chosen)
    assert [m.to_dict() for m in chosen] == listed == loaded.rows("mini_clusters", region="Honam")
    assert [c.id for c in loaded.records(Complex, pilot=1)] == [
        c["id"] for c in run.json("complexes", "--pilot", "--json") if c["pilot_round"] == 1
    ]
    with pytest.raises(kcluster.UnknownValue) as unknown:
        loaded.records("mini_clusters", region="Atlantis")
    assert "honam" in unknown.value.valid


def test_to_dict_is_the_export_shape(loaded, run):
    exported = json.loads(run("export").stdout)
    for kind in ("complexes", "mini_clusters", "facts"):
        assert [r.to_dict() for r in loaded.every(kind)] == exported[kind]


def test_the_relations_of_a_complex_and_an_office(loaded):
    changwon = loaded.get(Complex, "changwon")
    minis = loaded.mini_clusters_of(changwon)
    assert minis and all(m.complex == "changwon" for m in minis)
    office = loaded.office_of(changwon)
    assert office is not None and office.id == "changwon-branch"
    assert changwon in loaded.complexes_served_by(office)
    assert set(loaded.mini_clusters_served_by(office)) >= set(minis)
    assert all("changwon" in s.complexes for s in loaded.stories_of(changwon))


def test_a_broken_dataset_raises_one_error_listing_every_problem(data_copy, run):
    (data_copy / "mini_clusters.toml").write_text(
        (data_copy / "mini_clusters.toml").read_text(encoding="utf-8").replace('complex = "changwon"', 'complex = "x"'),
        encoding="utf-8",
    )
    with pytest.raises(kcluster.DatasetError) as broken:
        kcluster.load(str(data_copy))
    printed = run("--data-dir", str(data_copy), "validate").stderr
    assert printed == f"Error: {broken.value}\n"
    assert "record 'changwon-mechatronics': field 'complex'" in str(broken.value)

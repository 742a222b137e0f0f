"""The shipped dataset: integrity, and facts pinned to what the sources print."""

import re

import pytest

from kcluster.kinds import KIND_NAMES
from kcluster.model import KINDS

SOURCE_IDS = {"eccp-korea", "eccp-briefing-2018", "kicox-2010", "bmbf-de-kr", "tci-2015"}


def test_every_kind_has_records(catalog):
    assert {kind for kind, records in ((k, catalog.every(k)) for k in KIND_NAMES) if records} == set(KINDS)


def test_sources_are_the_five_documents(catalog):
    assert {s.id for s in catalog.every("sources")} == SOURCE_IDS


def test_every_record_cites_a_known_source_and_a_section(catalog):
    for record in catalog.all_records():
        assert record.sources, record.id
        for citation in record.sources:
            assert citation.source in SOURCE_IDS, (record.id, citation)
            assert citation.section.strip(), record.id


def test_derived_phone_numbers_are_marked_and_follow_the_list_header(catalog):
    for mini in catalog.every("mini_clusters"):
        assert "phone" in mini.derived
        assert re.fullmatch(r"\+82-70-8895-\d{4}", mini.phone)
        assert mini.phone.endswith(mini.extension)


def test_the_mini_cluster_list_is_complete(catalog):
    minis = catalog.every("mini_clusters")
    assert len(minis) == 81  # 81 rows, as the list and section 5.1's table count them
    assert len({m.url for m in minis}) == 81


@pytest.mark.parametrize(
    "mini_id, url, extension",
    [
        ("changwon-mechatronics", "http://mini.e-cluster.net/mecha", "7820"),
        ("changwon-machine-tools", "http://mini.e-cluster.net/crafts", "7812"),
        ("ulsan-car-body-and-sash", "http://mini.e-cluster.net/VBC", "7876"),
        ("noksan-shipbuilding-apparatus", "http://mini.e-cluster.net/me", "7845"),
        ("sacheon-aerospace", "http://mini.e-cluster.net/aerospace", "7865"),
        ("gwangju-led", "http://mini.e-cluster.net/LED", "7913"),
        ("daebul-ocean-leisure", "http://mini.e-cluster.net/yacht", "7943"),
        ("wonju-measuring-medical-instruments", "http://mini.e-cluster.net/electro", "7659"),
        ("seoul-digital-contents", "http://mini.e-cluster.net/DC", "7316"),
        ("namdong-ecological-nano", "http://mini.e-cluster.net/FINP", "7411"),
        ("ochang-semiconductor", "http://mini.e-cluster.net/semi", "7648"),
        ("cheonan-asan-displays", "http://mini.e-cluster.net/display", "7624"),
        ("gumi-mobile", "http://mini.e-cluster.net/Mobile", "7719"),
        ("gyungsan-jinryang-industrial-machine-metal", "http://mini.e-cluster.net/i2m", "7754"),
    ],
)
def test_mini_cluster_url_and_extension_as_printed(catalog, mini_id, url, extension):
    mini = catalog.get("mini_clusters", mini_id)
    assert mini is not None, mini_id
    assert (mini.url, mini.extension, mini.phone) == (url, extension, f"+82-70-8895-{extension}")


def test_pilot_complexes_and_their_rounds(catalog):
    rounds = {c.id: c.pilot_round for c in catalog.every("complexes") if c.pilot_round is not None}
    assert rounds == {
        "gumi": 1,
        "changwon": 1,
        "ulsan": 1,
        "banwol-sihwa": 1,
        "gwangju": 1,
        "wonju": 1,
        "gunsan": 1,
        "namdong": 2,
        "noksan": 2,
        "seongseo": 2,
        "daebul": 2,
        "ochang": 2,
    }


def _periods(catalog, number):
    phase = next(p for p in catalog.every("phases") if p.number == number)
    return {(p.source, p.start, p.end) for p in phase.periods}


def test_phases_as_each_source_dates_them(catalog):
    # The 2018 briefing dates the third phase twice: 2013-2016 (3.2) and 2013-2018 (later in 3.2).
    assert {("eccp-briefing-2018", "2005", "2008")} <= _periods(catalog, 1)
    assert {("eccp-briefing-2018", "2009", "2012")} <= _periods(catalog, 2)
    assert {("eccp-briefing-2018", "2013", "2016"), ("eccp-briefing-2018", "2013", "2018")} <= _periods(catalog, 3)
    assert any(source == "kicox-2010" for source, _, _ in _periods(catalog, 3))


def test_every_hub_of_the_list_is_named_a_hub_by_the_list(catalog):
    hubs = {m.complex for m in catalog.every("mini_clusters")}
    assert len(hubs) == 21
    named_by_the_list = {
        c.id for c in catalog.every("complexes") if any(h.section == "Mini cluster list" for h in c.hub_in)
    }
    assert named_by_the_list == hubs


def test_hubs_are_recorded_per_listing(catalog):
    """No source gives one count of hubs: each listing's are its own (kicox-2010)."""

    def named_by(section: str) -> set[str]:
        return {c.id for c in catalog.every("complexes") if any(h.section == section for h in c.hub_in)}

    assert len(named_by("Mini cluster list")) == 21
    assert "changwon" in named_by("Mini cluster list") and "onsan" not in named_by("Mini cluster list")
    assert "wanju" not in named_by("Mini cluster list") and "wanju" in {
        c.id for c in catalog.every("complexes") if c.hub_in
    }
    assert len({c.id for c in catalog.every("complexes") if c.hub_in}) == 27


def test_the_gwangju_complex_has_no_office_of_its_own(catalog):
    """The list prints Gunsan's address under Gwangju: kept on its mini clusters, not on the complex."""
    gwangju = catalog.get("complexes", "gwangju")
    assert gwangju.branch is None and catalog.office_of(gwangju) is None
    assert any("Gunsan" in note for note in gwangju.notes)
    assert {m.branch for m in catalog.mini_clusters_of(gwangju)} == {"gunsan-branch"}

"""The gaps the audit found, closed in the data (issue 15): each pinned against the records."""

from kcluster.sectors import parse_sectors


def test_the_comparison_table_as_the_study_prints_it(catalog):
    rows = sorted(catalog.every("comparisons"), key=lambda row: row.position)
    assert [row.characteristic for row in rows] == [
        "Establishment background",
        "Motivation",
        "Cluster management",
        "Characteristics of co-operation",
        "Co-operation commitment",
        "Subject areas",
        "Projects/activities",
        "Sustainability",
    ]
    first = rows[0]
    assert first.korean_mini_clusters == "Initiated by central government through 5-year plans"
    assert first.german_bottom_up.startswith("Usually developed organically")
    assert first.german_top_down == "Usually initiated by politics or business development agencies"
    assert all(c.source == "bmbf-de-kr" and c.quote for row in rows for c in row.sources)


def test_the_compare_command_prints_every_cell(run, catalog):
    printed = " ".join(run("compare", env={"COLUMNS": "2000"}).stdout.split())  # every item on one line
    for row in catalog.every("comparisons"):
        for cell in (row.german_bottom_up, row.german_top_down, row.korean_mini_clusters):
            for item in cell.split("; "):
                assert " ".join(item.split()) in printed, (row.id, item)


def test_escp4i_sectors_are_sector_names_and_technologies_apart(catalog, store):
    alliance = catalog.get("partnerships", "alliance")
    assert alliance.sectors == ("Aerospace Vehicles and Defence",)
    assert "Textiles Technology" in alliance.technologies and "OTHER INDUSTRIAL TECHNOLOGIES" in alliance.technologies
    names = {s.name for s in parse_sectors(store.value("sectors:table")).sectors}
    for partnership in catalog.every("partnerships"):
        assert len(partnership.sectors) == 1 and partnership.sectors[0] in names, partnership.id


def test_each_kicox_dating_of_a_phase_names_its_scheme(catalog):
    for phase in catalog.every("phases"):
        for period in phase.periods:
            if period.source == "kicox-2010":
                assert period.scheme in {"plan", "management stages", "map legend"}, (phase.id, period)
    second = catalog.get("phases", "phase-2")
    by_scheme = {p.scheme: (p.start, p.end) for p in second.periods if p.source == "kicox-2010"}
    assert by_scheme == {"plan": ("2009", "2012"), "management stages": ("2008", "2009"), "map legend": ("2008", None)}
    assert "number" in catalog.get("phases", "phase-4").derived  # "the next phase": numbered nowhere


def test_every_population_is_in_persons(catalog):
    populations = [
        f
        for f in catalog.every("facts")
        if f.subject.startswith("population-") and not f.subject.startswith("population-share")
    ]
    assert len(populations) == 7  # the 5+2 regions
    assert all(f.unit == "persons" and isinstance(f.value, int) for f in populations), [
        (f.id, f.value, f.unit) for f in populations
    ]


def test_qualifiers_are_apart_from_numeric_values(catalog):
    kasic = catalog.get("facts", "kasic-members-2010")
    assert (kasic.qualifier, kasic.value) == ("about", 200)
    money = {f.unit for f in catalog.every("facts") if f.unit and "dollar" in f.unit.casefold()}
    assert money == set()  # one spelling: "million USD"


def test_the_top_down_bottom_up_disagreement_is_kept_with_both_sources(catalog):
    versions = {f.sources[0].source: f.value for f in catalog.every("facts") if f.subject == "mini-clusters-approach"}
    assert versions["bmbf-de-kr"] == "top-down"
    assert versions["kicox-2010"] == versions["eccp-briefing-2018"] == "bottom-up"


def test_milestones_from_the_success_stories_are_on_the_timeline(catalog):
    hoist = catalog.get("events", "2009-03-daebul-energy-saving-hoist-project")
    assert hoist.date == "2009-03" and "daebul" in hoist.related


def test_the_same_entity_of_two_kinds_is_linked_both_ways(catalog):
    koranet = catalog.get("programmes", "koranet")
    assert koranet.same_as == ("organisations:koranet",)
    assert "programmes:koranet" in catalog.get("organisations", "koranet").same_as
    assert catalog.get("branches", "gangwon-hq").same_as == ("organisations:gangwon-regional-headquarters",)


def test_every_citation_names_a_section_its_source_lists(catalog):
    from kcluster.evidence import citations_of

    sections = {s.id: set(s.sections) for s in catalog.every("sources")}
    assert all(sections.values())
    for record in catalog.all_records():
        for path, citation in citations_of(record.to_dict()):
            assert citation["section"] in sections[citation["source"]], (record.id, path)

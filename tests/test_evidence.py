"""Quotes: every citation carries one, and the checker finds those not in their source.

The source texts are not part of a checkout: the checker is tested on planted texts here,
and CI runs `kcluster validate --sources` on the real ones where they are present."""

from pathlib import Path

from kcluster.evidence import check_quotes, citations_of, normalise, read_texts, source_files

TEXT = "The Industrial Complex\nCluster Program of   Korea\n\nMechatronics http://mini.e-cluster.net/mecha 7820\n"


def planted(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "002_abc.txt").write_text(TEXT, encoding="utf-8")
    (folder / "README.md").write_text("| id | file |\n|---|---|\n| `kicox-2010` | `002_abc.txt` | the report |\n")
    return folder


def record(*quotes: str | None) -> dict:
    cited = [{"source": "kicox-2010", "section": "Mini cluster list"} | ({"quote": q} if q else {}) for q in quotes]
    return {"id": "changwon-mechatronics", "sources": cited}


def test_source_files_are_found_by_the_readme_table(tmp_path):
    folder = planted(tmp_path)
    assert source_files(str(folder)) == {"kicox-2010": str(folder / "002_abc.txt")}


def test_a_quote_that_is_there_passes_whitespace_aside(tmp_path):
    texts = read_texts(str(planted(tmp_path)))
    report = check_quotes({"mini_clusters": [record("Cluster Program of Korea Mechatronics")]}, texts)
    assert (report.problems, report.citations, report.quoted, report.found) == ([], 1, 1, 1)


def test_a_quote_that_is_not_there_is_reported_with_file_record_and_field(tmp_path):
    texts = read_texts(str(planted(tmp_path)))
    report = check_quotes({"mini_clusters": [record("Mechatronics 7820", "Cluster Program of Japan", None)]}, texts)
    assert [str(p) for p in report.problems] == [
        "mini_clusters.toml: record 'changwon-mechatronics': field 'sources[0].quote': "
        "not in kicox-2010: 'Mechatronics 7820'",
        "mini_clusters.toml: record 'changwon-mechatronics': field 'sources[1].quote': "
        "not in kicox-2010: 'Cluster Program of Japan'",
        "mini_clusters.toml: record 'changwon-mechatronics': field 'sources[2].quote': no quote",
    ]
    assert (report.citations, report.quoted, report.found) == (3, 2, 0)


def test_nested_citations_are_checked_too():
    phase = {"id": "phase-1", "periods": [{"start": "2005", "source": "kicox-2010", "section": "3.1"}], "sources": []}
    assert [path for path, _ in citations_of(phase)] == ["periods[0]"]


def test_validate_with_sources_exits_1_listing_each_missing_quote(run, tmp_path):
    result = run("validate", "--sources", str(planted(tmp_path)))
    assert result.exit_code == 1
    assert "record 'changwon-mechatronics': field 'sources[0].quote': not in kicox-2010" in result.stderr
    assert "no text file for source 'eccp-korea'" in result.stderr


def test_every_citation_of_the_dataset_has_a_quote(catalog):
    for record in catalog.all_records():
        for path, citation in citations_of(record.to_dict()):
            assert citation.get("quote") and normalise(citation["quote"]) == citation["quote"].strip(), (
                record.KIND,
                record.id,
                path,
            )

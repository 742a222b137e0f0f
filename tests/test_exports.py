"""`kcluster export` to files: the SQLite database and the CSV data package read back and
checked against the shipped dataset, and the rules of writing (atomic, no overwrite
without --force, never inside the package)."""

import csv
import dataclasses
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import kcluster
from kcluster.cli import main
from kcluster.kinds import KIND_NAMES
from kcluster.model import ANY_KIND, KINDS


def export_to(target: Path, output_format: str, cache: Path, *extra: str):
    runner = CliRunner()
    return runner.invoke(
        main,
        ["export", "--format", output_format, "--output", str(target), *extra],
        env={"KCLUSTER_CACHE_DIR": str(cache)},
        catch_exceptions=False,
    )


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Iterator[sqlite3.Connection]:
    folder = tmp_path_factory.mktemp("sqlite")
    result = export_to(folder / "kcluster.db", "sqlite", tmp_path_factory.mktemp("cache"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert re.fullmatch(r"wrote \d+ tables, [\d,]+ rows to .*kcluster\.db\n", result.stderr)
    assert sorted(p.name for p in folder.iterdir()) == ["kcluster.db"]  # no temporary or journal file left
    connection = sqlite3.connect(folder / "kcluster.db")
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("csv")
    result = export_to(folder / "kcluster-csv", "csv", tmp_path_factory.mktemp("cache"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr.startswith(f"wrote {len(KIND_NAMES) + 3} CSV files")
    assert [p.name for p in folder.iterdir()] == ["kcluster-csv"]
    return folder / "kcluster-csv"


def scalar_references(cls) -> dict[str, str]:
    """Field name -> kind, for every field holding one id of a known kind (read off the model)."""
    return {
        f.name: f.metadata["refers_to"]
        for f in dataclasses.fields(cls)
        if f.metadata.get("refers_to") not in (None, ANY_KIND) and "tuple" not in str(f.type)
    }


# --- SQLite ------------------------------------------------------------------------------------


def test_sqlite_has_a_table_per_kind_with_every_record_in_dump_order(database, catalog):
    for kind, records in ((k, catalog.every(k)) for k in KIND_NAMES):
        ids = [row["id"] for row in database.execute(f'SELECT id FROM "{kind}" ORDER BY rowid')]
        assert ids == [r.id for r in records], kind


def test_sqlite_rows_read_back_as_the_json_export(database, catalog):
    for kind, records in ((k, catalog.every(k)) for k in KIND_NAMES):
        rows = database.execute(f'SELECT * FROM "{kind}" ORDER BY rowid').fetchall()
        for record, row in zip(records, rows, strict=False):
            shape = record.to_dict()
            assert list(row.keys()) == list(shape), kind
            for name, value in shape.items():
                cell = row[name]
                if isinstance(value, (list, dict)):
                    cell = json.loads(cell)
                elif isinstance(value, bool):
                    cell = bool(cell)
                assert cell == value, (kind, record.id, name)


def test_sqlite_declares_a_foreign_key_for_every_reference_and_all_hold(database):
    for kind, cls in KINDS.items():
        declared = {(fk["from"], fk["table"]) for fk in database.execute(f'PRAGMA foreign_key_list("{kind}")')}
        assert declared == set(scalar_references(cls).items()), kind
    assert ("complex", "complexes") in {
        (fk["from"], fk["table"]) for fk in database.execute('PRAGMA foreign_key_list("mini_clusters")')
    }
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sqlite_joins_mini_clusters_to_their_complex(database, catalog):
    rows = database.execute(
        "SELECT m.name, c.name AS hub FROM mini_clusters m JOIN complexes c ON c.id = m.complex "
        "WHERE c.name = 'Changwon' ORDER BY m.rowid"
    ).fetchall()
    assert [row["name"] for row in rows] == [
        m.name for m in catalog.mini_clusters_of(catalog.get("complexes", "changwon"))
    ]
    assert {row["hub"] for row in rows} == {"Changwon"}


def test_sqlite_lists_of_references_are_link_tables(database, catalog):
    for region in catalog.every("regions"):
        hubs = database.execute(
            "SELECT complex_id FROM regions_hubs JOIN complexes ON complexes.id = complex_id "
            "WHERE region_id = ? ORDER BY position",
            (region.id,),
        ).fetchall()
        assert [row["complex_id"] for row in hubs] == list(region.hubs)
    # A reference to any kind has no foreign key but names the kind it was found in.
    about = database.execute("SELECT fact_id, record_kind, record_id FROM facts_about").fetchall()
    assert len(about) == sum(len(fact.about) for fact in catalog.every("facts"))
    assert all(catalog.find_id(row["record_id"]).KIND == row["record_kind"] for row in about)
    assert database.execute('PRAGMA foreign_key_list("facts_about")').fetchall()[0]["from"] == "fact_id"


def test_sqlite_nested_values_are_child_tables(database, catalog):
    periods = database.execute(
        "SELECT * FROM phases_periods JOIN sources ON sources.id = phases_periods.source ORDER BY phase_id, position"
    ).fetchall()
    assert len(periods) == sum(len(phase.periods) for phase in catalog.every("phases"))
    figures = database.execute("SELECT count(*) FROM stories_figures").fetchone()[0]
    assert figures == sum(len(story.figures) for story in catalog.every("stories"))


def test_sqlite_citations_are_queryable_by_source(database, catalog):
    cited = [(r.KIND, r.id) for r in catalog.all_records() for c in r.sources if c.source == "kicox-2010"]
    rows = database.execute(
        "SELECT c.record_kind, c.record_id, s.title FROM citations c JOIN sources s ON s.id = c.source "
        "WHERE c.source = 'kicox-2010'"
    ).fetchall()
    assert len(rows) == len(cited)
    assert {row["title"] for row in rows} == {catalog.get("sources", "kicox-2010").title}
    mini = database.execute(
        "SELECT DISTINCT m.id FROM mini_clusters m JOIN citations c "
        "ON c.record_kind = 'mini_clusters' AND c.record_id = m.id "
        "WHERE c.section = 'Mini cluster list'"
    ).fetchall()
    assert len(mini) == len(catalog.every("mini_clusters"))


def test_sqlite_full_text_search_finds_records_by_name_and_description(database, catalog):
    hits = database.execute("SELECT kind, id FROM search WHERE search MATCH 'shipbuilding' ORDER BY rank").fetchall()
    found = {(row["kind"], row["id"]) for row in hits}
    by_name = {(m.KIND, m.id) for m in catalog.every("mini_clusters") if "shipbuilding" in m.name.lower()}
    assert by_name and by_name <= found
    assert ("complexes", "daebul") in found  # its description: "it focused on shipbuilding"
    for kind, record_id in found:
        assert "shipbuilding" in json.dumps(catalog.get(kind, record_id).to_dict()).lower()
    korean = database.execute("SELECT id FROM search WHERE search MATCH '창원'").fetchall()
    assert "changwon" in {row["id"] for row in korean}


def test_sqlite_records_the_dataset_date_and_its_licence(database, catalog):
    about = dict(database.execute("SELECT key, value FROM dataset").fetchall())
    assert about["date"] == catalog.dataset_date
    assert "CC BY 4.0" in about["licence"] and "publishers' own terms" in about["licence"]


# --- CSV and the data package ----------------------------------------------------------------


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


def test_data_package_describes_one_csv_per_kind(package, catalog):
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    sector_files = ["citations", "sectors", "sector_assignments"]  # after the kinds: quotes, classification
    assert [r["name"] for r in descriptor["resources"]] == [*KINDS, *sector_files]
    expected = [f"{name}.csv" for name in (*KINDS, *sector_files)] + ["datapackage.json"]
    assert sorted(p.name for p in package.iterdir()) == sorted(expected)
    titles = [s["title"] for s in descriptor["sources"]]
    assert len(titles) == len(catalog.every("sources"))
    assert all(any(source.title in title for title in titles) for source in catalog.every("sources"))
    assert [licence["name"] for licence in descriptor["licenses"]] == ["CC-BY-4.0"]
    assert "publishers' own terms" in descriptor["description"]


def test_each_csv_reads_back_as_its_schema_says(package, catalog):
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    ids = {kind: {r.id for r in records} for kind, records in ((k, catalog.every(k)) for k in KIND_NAMES)}
    for resource in descriptor["resources"]:
        kind, schema = resource["name"], resource["schema"]
        if kind not in KINDS:
            continue  # the sector files: tested below
        header, rows = read_csv(package / resource["path"])
        fields = {f["name"]: f for f in schema["fields"]}
        assert header == list(fields) == list(catalog.every(kind)[0].to_dict()), kind
        assert len(rows) == len(catalog.every(kind))
        assert schema["primaryKey"] == ["id"] and len({row["id"] for row in rows}) == len(rows)
        assert {
            fk["fields"][0]: fk["reference"]["resource"] for fk in schema.get("foreignKeys", [])
        } == scalar_references(KINDS[kind])
        for fk in schema.get("foreignKeys", []):
            column, target = fk["fields"][0], fk["reference"]["resource"]
            assert all(row[column] in ids[target] for row in rows if row[column]), (kind, column)
        for record, row in zip(catalog.every(kind), rows, strict=False):
            for name, value in record.to_dict().items():
                assert _typed(row[name], fields[name]) == value, (kind, record.id, name)


def test_the_sector_files_read_back_as_the_catalogue_classifies(package, catalog):
    header, rows = read_csv(package / "sector_assignments.csv")
    assert header == ["record_kind", "record_id", "sector", "words", "derived"]
    assert [(r["record_kind"], r["record_id"], r["sector"], r["words"]) for r in rows] == [
        (a["record_kind"], a["record_id"], a["sector"], a["words"]) for a in catalog.sector_assignments()
    ]
    assert {r["derived"] for r in rows} == {"true"}
    _, sectors = read_csv(package / "sectors.csv")
    assert {r["sector"] for r in rows} <= {s["id"] for s in sectors}
    assert json.loads(next(s for s in sectors if s["id"] == "automotive")["words"])[:2] == ["auto", "car"]


def _typed(cell: str, field: dict):
    """A CSV cell read as its data package field says (the Table Schema types kcluster uses)."""
    if cell == "" and not field.get("constraints", {}).get("required"):
        return None
    kind = field["type"]
    if kind in ("array", "object"):
        return json.loads(cell)
    if kind == "boolean":
        return {"true": True, "false": False}[cell]
    if kind == "integer":
        return int(cell)
    if kind == "number":
        return float(cell)
    if kind == "any":  # a fact's value: the number it was, or text
        for parse in (int, float):
            try:
                return parse(cell)
            except ValueError:
                pass
    return cell


def test_csv_export_agrees_with_the_list_command_on_every_plain_cell(package, run):
    _, exported = read_csv(package / "mini_clusters.csv")
    listed = list(csv.DictReader(run("mini", "--format", "csv").stdout.splitlines()))
    assert [row["id"] for row in listed] == [row["id"] for row in exported]
    plain = ["id", "name", "complex", "region", "url", "extension", "phone", "agro_industrial", "branch"]
    assert [[row[c] for c in plain] for row in listed] == [[row[c] for c in plain] for row in exported]


# --- JSON to a file --------------------------------------------------------------------------


def test_json_output_writes_the_dump_to_a_file(run, tmp_path):
    target = tmp_path / "kcluster.json"
    result = run("export", "--format", "json", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith("wrote ") and f"records of {len(KIND_NAMES)} kinds" in result.stderr
    assert target.read_text(encoding="utf-8") == run("export").stdout
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary file, not a private temporary one


# --- how files are written -------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["sqlite", "csv"])
def test_file_formats_need_an_output(run, output_format):
    result = run("export", "--format", output_format)
    assert result.exit_code == 2 and "--output" in result.stderr and result.stdout == ""


def test_force_without_output_is_a_usage_error(run):
    assert run("export", "--force").exit_code == 2


@pytest.mark.parametrize("output_format", ["json", "sqlite"])
def test_an_existing_file_is_kept_without_force_and_replaced_with_it(run, tmp_path, output_format):
    target = tmp_path / "out"
    target.write_text("mine")
    refused = run("export", "--format", output_format, "--output", str(target))
    assert refused.exit_code == 1 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text() == "mine"
    replaced = run("export", "--format", output_format, "--output", str(target), "--force")
    assert replaced.exit_code == 0, replaced.stderr
    assert target.read_bytes() != b"mine"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_existing_csv_export_is_replaced_only_with_force(run, tmp_path):
    target = tmp_path / "csv"
    assert run("export", "--format", "csv", "--output", str(target)).exit_code == 0
    (target / "regions.csv").write_text("edited")
    assert run("export", "--format", "csv", "--output", str(target)).exit_code == 1
    assert (target / "regions.csv").read_text() == "edited"
    assert run("export", "--format", "csv", "--output", str(target), "--force").exit_code == 0
    assert (target / "regions.csv").read_text(encoding="utf-8").startswith("id,name,")
    assert [p.name for p in tmp_path.iterdir()] == ["csv"]


def test_force_never_replaces_a_folder_that_is_not_an_export(run, tmp_path):
    (tmp_path / "notes.txt").write_text("precious")
    result = run("export", "--format", "csv", "--output", str(tmp_path), "--force")
    assert result.exit_code == 1 and "aren't part of a kcluster export" in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_file_is_not_replaced_by_a_folder_nor_a_folder_by_a_file(run, tmp_path):
    (tmp_path / "file").write_text("x")
    (tmp_path / "folder").mkdir()
    assert run("export", "--format", "csv", "--output", str(tmp_path / "file"), "--force").exit_code == 1
    assert run("export", "--format", "sqlite", "--output", str(tmp_path / "folder"), "--force").exit_code == 1
    assert (tmp_path / "file").read_text() == "x" and list((tmp_path / "folder").iterdir()) == []


@pytest.mark.parametrize("output_format", ["json", "sqlite", "csv"])
def test_nothing_is_written_inside_the_installed_package(run, output_format):
    target = Path(kcluster.__file__).parent / "data" / "export-test-output"
    result = run("export", "--format", output_format, "--output", str(target))
    assert result.exit_code == 1
    assert "inside the installed kcluster package" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


def test_a_missing_folder_is_reported(run, tmp_path):
    result = run("export", "--format", "sqlite", "--output", str(tmp_path / "missing" / "k.db"))
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_a_failed_csv_export_leaves_nothing_behind(run, tmp_path, monkeypatch):
    from kcluster.exports import csvpackage

    written = csvpackage._write_csv

    def fail_after_the_first_file(path, *args):
        written(path, *args)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csvpackage, "_write_csv", fail_after_the_first_file)
    result = run("export", "--format", "csv", "--output", str(tmp_path / "csv"))
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_broken_reference_fails_the_database_and_leaves_nothing_behind(run, tmp_path, monkeypatch):
    from kcluster.exports import sqlite as sqlite_export

    planned = sqlite_export.plan_tables

    def with_a_dangling_reference(catalog):
        tables = planned(catalog)
        links = next(t for t in tables if t.name == "regions_hubs")
        links.rows.append(("honam", 99, "no-such-complex"))
        return tables

    monkeypatch.setattr(sqlite_export, "plan_tables", with_a_dangling_reference)
    previous = tmp_path / "kcluster.db"
    previous.write_text("earlier")
    result = run("export", "--format", "sqlite", "--output", str(previous), "--force")
    assert result.exit_code == 1 and "FOREIGN KEY constraint failed" in result.stderr
    assert previous.read_text() == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["kcluster.db"]


def test_the_csv_package_carries_every_citation_with_its_quote(package, catalog):
    header, rows = read_csv(package / "citations.csv")
    assert header == ["record_kind", "record_id", "position", "source", "section", "quote"]
    expected = [
        (record.KIND, record.id, str(position), c.source, c.section, c.quote)
        for record in catalog.all_records()
        for position, c in enumerate(record.sources, start=1)
    ]
    assert [tuple(row.values()) for row in rows] == expected
    assert all(row["quote"] for row in rows)


def test_sqlite_citations_carry_their_quotes(database, catalog):
    quoted = database.execute(
        "SELECT quote FROM citations WHERE record_kind = 'mini_clusters' AND record_id = ?", ("sacheon-aerospace",)
    ).fetchall()
    assert [row["quote"] for row in quoted] == [
        c.quote for c in catalog.get("mini_clusters", "sacheon-aerospace").sources
    ]
    assert database.execute("SELECT count(*) FROM citations WHERE quote IS NULL OR quote = ''").fetchone()[0] == 0

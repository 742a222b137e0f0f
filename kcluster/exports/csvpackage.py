"""The dataset as a folder of CSV files described by a Frictionless data package.

One `<kind>.csv` per kind, its header the fields of the export shape in order; scalars
are written as `--format csv` writes them, lists and tables as JSON text (the list
commands join lists of strings with "; ", which can't be read back: many notes contain
";"). `datapackage.json` (profile tabular-data-package) describes each file: field types,
primary key, foreign keys, the five sources and the licence note.
"""

import csv
import json
from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..kinds import KIND_NAMES
from ..model import ANY_KIND, KINDS, Record, Source
from ..render.machine import csv_json_cell
from ..validation import FORMAT_CHECKS
from . import DATA_LICENCE, LICENCE_NOTE, Summary
from .schema import ANY, ARRAY, BOOLEAN, OBJECT, Column, columns

DESCRIPTOR = "datapackage.json"
LINE_TERMINATOR = "\n"  # as the list commands' --format csv; declared in each resource's dialect


def write_csv_package(catalog: Catalog, folder: Path) -> Summary:
    rows = 0
    for kind in KIND_NAMES:
        records = catalog.every(kind)
        rows += _write_csv(folder / f"{kind}.csv", columns(KINDS[kind]), tuple(records))
    rows += _write_extra_csvs(catalog, folder)
    with (folder / DESCRIPTOR).open("w", encoding="utf-8") as stream:
        json.dump(package_descriptor(catalog), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    return Summary(len(KIND_NAMES) + len(EXTRA_FILES), rows)


# Files besides one a kind: every record's citations with their quotes (as SQLite's
# `citations` table), and kcluster's own classification, apart from the sourced records.
EXTRA_FILES = {
    "citations": [
        ("record_kind", "string"),
        ("record_id", "string"),
        ("position", "integer"),
        ("source", "string"),
        ("section", "string"),
        ("quote", "string"),
    ],
    "sectors": [("id", "string"), ("name", "string"), ("group", "string"), ("words", "array")],
    "sector_assignments": [
        ("record_kind", "string"),
        ("record_id", "string"),
        ("sector", "string"),
        ("words", "string"),
        ("derived", "boolean"),
    ],
}


def _write_extra_csvs(catalog: Catalog, folder: Path) -> int:
    tables = {
        "citations": [
            {"record_kind": record.KIND, "record_id": record.id, "position": position} | citation
            for record in catalog.all_records()
            for position, citation in enumerate(record.to_dict()["sources"], start=1)
        ],
        "sectors": catalog.sector_vocabulary(),
        "sector_assignments": catalog.sector_assignments(),
    }
    for name, rows in tables.items():
        fields = [field for field, _ in EXTRA_FILES[name]]
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator=LINE_TERMINATOR)
            writer.writerow(fields)
            for row in rows:
                writer.writerow([csv_json_cell(row.get(field, [] if field == "words" else None)) for field in fields])
    return sum(len(rows) for rows in tables.values())


def _extra_resource(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [{"name": field, "type": kind} for field, kind in EXTRA_FILES[name]],
        "primaryKey": {"sectors": ["id"], "citations": ["record_kind", "record_id", "position"]}.get(
            name, ["record_kind", "record_id", "sector"]
        ),
        "missingValues": [""],
    }
    if name == "sector_assignments":
        schema["foreignKeys"] = [{"fields": ["sector"], "reference": {"resource": "sectors", "fields": ["id"]}}]
    description = {
        "citations": "Every record's citations: source, section and the verbatim quote that supports it",
        "sectors": "kcluster's sector vocabulary (European Cluster Observatory); not from the sources",
    }.get(
        name,
        "kcluster's own, derived classification of records into sectors, with the words it comes from; "
        "not from the sources",
    )
    return {
        "profile": "tabular-data-resource",
        "name": name,
        "path": f"{name}.csv",
        "description": description + ".",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": LINE_TERMINATOR, "quoteChar": '"', "doubleQuote": True},
        "schema": schema,
    }


def is_csv_package(folder: Path) -> bool:
    """Whether a folder holds only what an earlier csv export wrote, so --force may replace it."""
    entries = list(folder.iterdir())
    expected = {f"{kind}.csv" for kind in KINDS} | {f"{name}.csv" for name in EXTRA_FILES} | {DESCRIPTOR}
    return all(entry.is_file() and entry.name in expected for entry in entries)


def _write_csv(path: Path, kind_columns: tuple[Column, ...], records: tuple[Record, ...]) -> int:
    names = [column.name for column in kind_columns]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator=LINE_TERMINATOR)
        writer.writerow(names)
        for record in records:
            shape = record.to_dict()
            writer.writerow([csv_json_cell(shape[name]) for name in names])
    return len(records)


def package_descriptor(catalog: Catalog) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": "kcluster",
        "title": "kcluster: Korea's industrial complex clusters",
        "description": (
            f"The kcluster dataset of {catalog.dataset_date}: Korea's industrial complex clusters as recorded in "
            "five public documents, one resource per kind of record. Every record cites the document and "
            "section it comes from in its `sources` field; lists and nested values are JSON text. " + LICENCE_NOTE
        ),
        "licenses": [DATA_LICENCE],
        "sources": [_package_source(source) for source in catalog.every(Source)],
        "resources": [
            *(_resource(kind, cls) for kind, cls in KINDS.items()),
            *(_extra_resource(name) for name in EXTRA_FILES),
        ],
    }


def _package_source(source: Source) -> dict[str, str]:
    # The sources record no path or URL: the title names the document, its publisher and date.
    return {"title": f"{source.title} ({source.publisher}, {source.date})"}


def _resource(kind: str, cls: type[Record]) -> dict[str, Any]:
    kind_columns = columns(cls)
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in kind_columns],
        "primaryKey": ["id"],
        "missingValues": [""],
    }
    foreign_keys = [
        {"fields": [column.name], "reference": {"resource": column.refers_to, "fields": ["id"]}}
        for column in kind_columns
        if column.has_foreign_key
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "profile": "tabular-data-resource",
        "name": kind,
        "path": f"{kind}.csv",
        "description": f"One row per {cls.LABEL}.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {
            "delimiter": ",",
            "lineTerminator": LINE_TERMINATOR,
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        },
        "schema": schema,
    }


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.format == "url":
        field["format"] = "uri"
    if column.type == BOOLEAN:
        field |= {"trueValues": ["true"], "falseValues": ["false"]}
    description = _field_description(column)
    if description:
        field["description"] = description
    constraints = {"required": True} if column.required else {}
    if column.name == "id":
        constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def _field_description(column: Column) -> str | None:
    if column.type == ARRAY:
        return f"JSON array of {_items(column)}."
    if column.type == OBJECT:
        return "JSON object."
    if column.has_foreign_key:
        return f"The id of a record of `{column.refers_to}`."
    if column.format in FORMAT_CHECKS:
        return f"Text: {FORMAT_CHECKS[column.format][1]}."
    if column.type == ANY:
        return "A number or text, as the source prints it."
    return None


def _items(column: Column) -> str:
    if column.refers_to == ANY_KIND:
        return "ids of records of any kind"
    if column.refers_to:
        return f"ids of records of `{column.refers_to}`"
    if column.item:
        item_columns = columns(column.item)
        keys = ", ".join(c.name for c in item_columns)
        references = [f"`{c.name}` is the id of a record of `{c.refers_to}`" for c in item_columns if c.has_foreign_key]
        return f"objects {{{keys}}}" + (f" ({'; '.join(references)})" if references else "")
    return "strings"

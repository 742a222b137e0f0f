"""The dataset as a SQLite database, for the sqlite3 shell, Datasette, sqlite-utils and scripts.

- One table per kind (`complexes`, `mini_clusters`, ...) with the columns of the export
  shape in its order: `id` is the primary key, a reference to one record of a known kind
  is a foreign key, lists and tables are JSON text (query them with json_each).
- A list of references (a region's `hubs`, a story's `complexes`) is also a link table
  `<kind>_<field>` (`regions_hubs(region_id, position, complex_id)`) with foreign keys. A
  list that may refer to any kind (an event's `related`, a fact's `about`) can't have a
  foreign key: its link table has `record_kind` and `record_id` instead.
- A list of nested values (a phase's `periods` and `budget`, a story's `figures`) is also
  a child table `<kind>_<field>`, one row per value, its `source` a foreign key.
- Every record's `sources` is also in one `citations` table (record_kind, record_id,
  position, source, section), so citations can be joined to `sources`.
- `search` is an FTS5 table of every record's name, other names and description.
- `dataset` holds the dataset's date, the generator and the licence note.

Rows are in the dump's order; a list's order is kept in `position` (from 1).
"""

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import version
from ..catalog import Catalog
from ..model import ANY_KIND, KINDS, Citation, Record
from . import LICENCE_NOTE, Summary
from .files import OutputError
from .schema import ANY, ARRAY, BOOLEAN, INTEGER, NUMBER, OBJECT, STRING, Column, columns, other_names, prose, singular

SQL_TYPES = {
    STRING: "TEXT",
    INTEGER: "INTEGER",
    NUMBER: "REAL",
    BOOLEAN: "INTEGER",
    ARRAY: "TEXT",
    OBJECT: "TEXT",
    ANY: "",
}  # no declared type: SQLite keeps each value's own type (a fact's value: 12, 1.5 or "about 60")

SEARCH_TABLE = "search"


@dataclass
class Table:
    name: str
    definitions: list[str]  # column definitions and table constraints, as SQL
    columns: list[str]
    rows: list[tuple] = field(default_factory=list)
    virtual_using: str | None = None  # "fts5" for a virtual table

    def create_statement(self) -> str:
        if self.virtual_using:
            return f"CREATE VIRTUAL TABLE {_quote(self.name)} USING {self.virtual_using}({', '.join(self.definitions)})"
        return f"CREATE TABLE {_quote(self.name)} (\n  " + ",\n  ".join(self.definitions) + "\n)"

    def insert_statement(self) -> str:
        names = ", ".join(map(_quote, self.columns))
        return f"INSERT INTO {_quote(self.name)} ({names}) VALUES ({', '.join('?' * len(self.columns))})"


def write_sqlite(catalog: Catalog, path: Path) -> Summary:
    tables = plan_tables(catalog)
    try:
        _fill(path, tables)
    except sqlite3.Error as error:
        raise OutputError(f"the database could not be written: {error}") from None
    return Summary(len(tables), sum(len(table.rows) for table in tables))


def _fill(path: Path, tables: list[Table]) -> None:
    connection = sqlite3.connect(path, isolation_level=None)  # transactions are explicit below
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        # Rows refer forward (a complex to its office, a later table): check at COMMIT, not per row.
        connection.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:  # every table before any row: a reference needs its table to exist
            connection.execute(table.create_statement())
        for table in tables:
            connection.executemany(table.insert_statement(), table.rows)
        connection.execute("COMMIT")
    finally:
        connection.close()


def plan_tables(catalog: Catalog) -> list[Table]:
    """Every table, its definition and its rows, in the order they are created."""
    tables: list[Table] = []
    for kind, cls in KINDS.items():
        records = catalog.every(kind)
        tables.append(_record_table(kind, records))
        for column in columns(cls):
            if column.is_citations:
                continue  # every kind's citations go to the one `citations` table
            if column.is_list and column.refers_to:
                tables.append(_link_table(catalog, kind, column, records))
            elif column.is_list and column.item:
                tables.append(_child_table(kind, column, records))
    tables += [_citations_table(catalog), _search_table(catalog), _dataset_table(catalog), *_sector_tables(catalog)]
    return tables


def _sector_tables(catalog: Catalog) -> list[Table]:
    """kcluster's own classification, apart from the sourced tables: the vocabulary, and each
    record's sectors with the words they come from (every row derived)."""
    vocabulary = Table(
        "sectors",
        ['"id" TEXT NOT NULL PRIMARY KEY', '"name" TEXT NOT NULL', '"group" TEXT NOT NULL', '"words" TEXT'],
        ["id", "name", "group", "words"],
    )
    vocabulary.rows = [
        (s["id"], s["name"], s["group"], json.dumps(s.get("words", []))) for s in catalog.sector_vocabulary()
    ]
    assignments = Table(
        "sector_assignments",
        [
            '"record_kind" TEXT NOT NULL',
            '"record_id" TEXT NOT NULL',
            '"sector" TEXT NOT NULL REFERENCES "sectors" ("id")',
            '"words" TEXT NOT NULL',
            '"derived" INTEGER NOT NULL',
            'PRIMARY KEY ("record_kind", "record_id", "sector")',
        ],
        ["record_kind", "record_id", "sector", "words", "derived"],
    )
    assignments.rows = [
        (a["record_kind"], a["record_id"], a["sector"], a["words"], 1) for a in catalog.sector_assignments()
    ]
    return [vocabulary, assignments]


def _record_table(kind: str, records: Iterable[Record]) -> Table:
    kind_columns = columns(KINDS[kind])
    definitions = [_definition(c, primary_key=c.name == "id") for c in kind_columns]
    table = Table(kind, definitions, [c.name for c in kind_columns])
    for record in records:
        shape = record.to_dict()
        table.rows.append(tuple(_cell(c, shape[c.name]) for c in kind_columns))
    return table


def _link_table(catalog: Catalog, kind: str, column: Column, records: Iterable[Record]) -> Table:
    owner = f"{singular(kind)}_id"
    definitions = [f"{_quote(owner)} TEXT NOT NULL {_references(kind)}", '"position" INTEGER NOT NULL']
    if column.refers_to == ANY_KIND:
        target_columns = ["record_kind", "record_id"]
        definitions += ['"record_kind" TEXT', '"record_id" TEXT NOT NULL']
    else:
        assert column.refers_to is not None  # a link table is made for references only
        target = f"{singular(column.refers_to)}_id"
        target = target if target != owner else f"{column.name}_id"
        target_columns = [target]
        definitions.append(f"{_quote(target)} TEXT NOT NULL {_references(column.refers_to)}")
    definitions.append(f'PRIMARY KEY ({_quote(owner)}, "position")')
    table = Table(f"{kind}_{column.name}", definitions, [owner, "position", *target_columns])
    for record in records:
        for position, target_id in enumerate(getattr(record, column.name), start=1):
            if column.refers_to == ANY_KIND:
                # Ids are unique per kind only: the kind is the first holding the id, as `show` finds it.
                found = catalog.find_id(target_id)
                table.rows.append((record.id, position, found.KIND if found else None, target_id))
            else:
                table.rows.append((record.id, position, target_id))
    return table


def _child_table(kind: str, column: Column, records: Iterable[Record]) -> Table:
    owner = f"{singular(kind)}_id"
    item_columns = columns(column.item)
    definitions = [
        f"{_quote(owner)} TEXT NOT NULL {_references(kind)}",
        '"position" INTEGER NOT NULL',
        *(_definition(c) for c in item_columns),
        f'PRIMARY KEY ({_quote(owner)}, "position")',
    ]
    table = Table(f"{kind}_{column.name}", definitions, [owner, "position", *(c.name for c in item_columns)])
    for record in records:
        for position, value in enumerate(record.to_dict()[column.name], start=1):
            table.rows.append((record.id, position, *(_cell(c, value[c.name]) for c in item_columns)))
    return table


def _citations_table(catalog: Catalog) -> Table:
    citation_columns = columns(Citation)
    definitions = [
        '"record_kind" TEXT NOT NULL',
        '"record_id" TEXT NOT NULL',
        '"position" INTEGER NOT NULL',
        *(_definition(c) for c in citation_columns),
        'PRIMARY KEY ("record_kind", "record_id", "position")',
    ]
    names = ["record_kind", "record_id", "position", *(c.name for c in citation_columns)]
    table = Table("citations", definitions, names)
    for record in catalog.all_records():
        for position, citation in enumerate(record.to_dict()["sources"], start=1):
            table.rows.append((record.KIND, record.id, position, *(citation[c.name] for c in citation_columns)))
    return table


def _search_table(catalog: Catalog) -> Table:
    table = Table(
        SEARCH_TABLE,
        ["kind UNINDEXED", "id UNINDEXED", "name", "aliases", "description"],
        ["kind", "id", "name", "aliases", "description"],
        virtual_using="fts5",
    )
    for record in catalog.all_records():
        table.rows.append((record.KIND, record.id, record.display_name, "\n".join(other_names(record)), prose(record)))
    return table


def _dataset_table(catalog: Catalog) -> Table:
    table = Table("dataset", ['"key" TEXT NOT NULL PRIMARY KEY', '"value" TEXT'], ["key", "value"])
    table.rows = [("date", catalog.dataset_date), ("generator", f"kcluster {version()}"), ("licence", LICENCE_NOTE)]
    return table


def _definition(column: Column, primary_key: bool = False) -> str:
    parts = [_quote(column.name)]
    if SQL_TYPES[column.type]:
        parts.append(SQL_TYPES[column.type])
    if column.required:
        parts.append("NOT NULL")
    if primary_key:
        parts.append("PRIMARY KEY")
    if column.has_foreign_key and column.refers_to:
        parts.append(_references(column.refers_to))
    return " ".join(parts)


def _references(kind: str) -> str:
    return f'REFERENCES {_quote(kind)} ("id")'


def _cell(column: Column, value: Any) -> Any:
    if column.is_json:
        return json.dumps(value, ensure_ascii=False)
    return value  # sqlite3 stores a bool as 0 or 1


def _quote(name: str) -> str:
    """An SQL identifier: quoted, as some field names (`end`, `date`, `kind`) are keywords."""
    return '"' + name.replace('"', '""') + '"'

"""The compiled store: a SQLite database of what the commands read, a few rows at a time.

A lookup needs a handful of values (one record, its related records, the search entries a
query can match), not the whole dataset, so the compiled dataset lives in an indexed
SQLite file opened read-only:

  records    every record in its export shape, by kind and id, in dataset order
  relations  for each record, the ids of its related records, by relation name
  values     named values of the search and the dataset's metadata: by key, or by
             position for the search entries

The file is written by `write_store` straight to disk and opened by `Store`. Values are
plain Python data (dicts, lists, str, numbers) in `marshal`'s format: unlike json it needs
no import and reads faster, which a lookup feels; the cache is keyed by the Python
version (loader.py), whose marshal format it is.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3
else:
    # The sqlite3 module's C core, without its DB-API layer: that imports datetime and
    # registers date adapters, a few milliseconds of every lookup for types the store never holds.
    try:
        import _sqlite3 as sqlite3
    except ImportError:  # an interpreter that has only the package
        import sqlite3

SCHEMA = """
CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, data BLOB NOT NULL,
                      PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE INDEX records_order ON records (kind, position);
CREATE TABLE relations (kind TEXT NOT NULL, id TEXT NOT NULL, data BLOB NOT NULL,
                        PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TABLE "values" (section TEXT NOT NULL, key TEXT NOT NULL, data BLOB NOT NULL,
                       PRIMARY KEY (section, key)) WITHOUT ROWID;
"""
WHOLE = ""  # the key of a section stored as one value


class StoreError(Exception):
    """The file is not a whole store (truncated, another format): rebuild it."""


class Store:
    """A compiled store, read lazily; every value read once is kept."""

    def __init__(self, connection: sqlite3.Connection):
        self._db = connection
        self._values: dict[tuple[str, str], Any] = {}

    def record(self, kind: str, record_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT data FROM records WHERE kind = ? AND id = ?", (kind, record_id))
        return None if row is None else marshal.loads(row)

    def records(self, kind: str, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """A kind's records in dataset order; only those of `ids` (in that order) if given."""
        if ids is None:
            rows = self._all("SELECT data FROM records WHERE kind = ? ORDER BY position", (kind,))
            return [marshal.loads(data) for data in rows]
        wanted = list(ids)
        found = dict(self._keyed("SELECT id, data FROM records WHERE kind = ? AND id IN ({})", kind, wanted))
        return [marshal.loads(found[i]) for i in wanted if i in found]

    def ids(self, kind: str) -> list[str]:
        return self._all("SELECT id FROM records WHERE kind = ? ORDER BY position", (kind,))

    def relations(self, kind: str, record_id: str) -> dict[str, list[str]]:
        row = self._one("SELECT data FROM relations WHERE kind = ? AND id = ?", (kind, record_id))
        return {} if row is None else marshal.loads(row)

    def value(self, section: str, key: str = WHOLE, default: Any = None) -> Any:
        """A named value: a section's value at `key`, or the whole section's."""
        cached = self._values.get((section, key), self)
        if cached is self:
            row = self._one('SELECT data FROM "values" WHERE section = ? AND key = ?', (section, key))
            cached = default if row is None else marshal.loads(row)
            self._values[section, key] = cached
        return cached

    def values(self, section: str, keys: Iterable[str]) -> Iterator[tuple[str, Any]]:
        """(key, value) of many values of a section, a query per 500 keys rather than one a
        key, in no particular order; none is kept (a search reads thousands once each)."""
        sql = 'SELECT key, data FROM "values" WHERE section = ? AND key IN ({})'
        for key, data in self._keyed(sql, section, list(keys)):
            yield key, marshal.loads(data)

    def _keyed(self, sql: str, first: str, keys: list[str]) -> Iterator[tuple[str, bytes]]:
        """The rows of `sql` (whose IN list is `{}`) for these keys, a query per 500 keys:
        SQLite's limit on parameters."""
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            try:
                rows = self._db.execute(sql.format(",".join("?" * len(chunk))), (first, *chunk)).fetchall()
            except sqlite3.DatabaseError as error:
                raise StoreError(str(error)) from None
            yield from rows

    def section(self, section: str) -> list[tuple[str, Any]]:
        """Every (key, value) of a section, by key."""
        try:
            rows = self._db.execute('SELECT key, data FROM "values" WHERE section = ? ORDER BY key', (section,))
            return [(key, marshal.loads(data)) for key, data in rows]
        except sqlite3.DatabaseError as error:
            raise StoreError(str(error)) from None

    def _one(self, sql: str, parameters: tuple[Any, ...]) -> Any:
        try:
            row = self._db.execute(sql, parameters).fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(str(error)) from None
        return None if row is None else row[0]

    def _all(self, sql: str, parameters: tuple[Any, ...]) -> list[Any]:
        try:
            return [row[0] for row in self._db.execute(sql, parameters)]
        except sqlite3.DatabaseError as error:
            raise StoreError(str(error)) from None


def open_store(path: str) -> Store:
    """A store file, opened read-only; StoreError if it is not a whole one."""
    try:
        connection = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("SELECT 1 FROM records LIMIT 1").fetchall()
        connection.execute('SELECT 1 FROM "values" LIMIT 1').fetchall()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: {error}") from None
    return Store(connection)


def memory_store() -> sqlite3.Connection:
    """A store in memory, for a dataset that can't be cached."""
    return sqlite3.connect(":memory:", check_same_thread=False)


class Content:
    """What a store holds, as the compiler produces it (iterables, so nothing is held twice)."""

    def __init__(
        self,
        records: Iterable[tuple[str, str, dict[str, Any]]],
        relations: Iterable[tuple[str, str, Mapping[str, list[str]]]],
        values: Iterable[tuple[str, str, Any]],
    ):
        self.records, self.relations, self.values = records, relations, values


def write_store(connection: sqlite3.Connection, content: Content) -> None:
    """Write `content` into an empty database, in one transaction."""
    with connection:
        connection.executescript(SCHEMA)
        connection.executemany("INSERT INTO records VALUES (?, ?, ?, ?)", _numbered(content.records))
        connection.executemany(
            "INSERT INTO relations VALUES (?, ?, ?)",
            ((kind, record_id, _encoded(related)) for kind, record_id, related in content.relations if related),
        )
        connection.executemany(
            'INSERT INTO "values" VALUES (?, ?, ?)',
            ((section, key, _encoded(value)) for section, key, value in content.values),
        )


def _numbered(records: Iterable[tuple[str, str, dict[str, Any]]]) -> Iterator[tuple[str, str, int, bytes]]:
    for position, (kind, record_id, data) in enumerate(records):
        yield kind, record_id, position, _encoded(data)


def _encoded(value: Any) -> bytes:
    return marshal.dumps(_plain(value))


def _plain(value: Any) -> Any:
    """Sets as sorted lists, tuples as lists: what a reader gets is what JSON would give."""
    if isinstance(value, (set, frozenset)):
        return [_plain(item) for item in sorted(value)]
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _uri_path(path: str) -> str:
    """A path as the path of a file: URI (urllib.parse would cost an import on every start)."""
    return path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")

"""A read-only file of precomputed values that a command can read a little of.

A command needs a handful of values (one record's page, the search entries a query can
match), not the whole dataset: reading everything would make a lookup on a large dataset
as slow as the dataset is big. So values are grouped in sections:

  keyed   a dict, split into buckets by a stable hash of the key; reading one value reads
          one bucket (about BUCKET_SIZE values)
  chunked a list, split into chunks of CHUNK_SIZE consecutive values; reading one value
          reads its chunk
  whole   one value, read in full when asked for

The file is a header (marshal of where each section lies) followed by the marshalled
buckets and values; a keyed section's table of where its buckets lie is read with the
first key asked of it, so opening a store costs the same whatever its size. Plain Python data only: dicts, lists, tuples, str, int,
float, bool, None, sets. No code of kcluster is needed to read it.
"""

import marshal
import os
import zlib
from typing import Any, BinaryIO

MAGIC = b"KCSTORE2"
BUCKET_SIZE = 32
CHUNK_SIZE = 1  # a search reads scattered entries: each read is one entry
_LENGTH_BYTES = 8
_OFFSET_BYTES = 8


class Keyed(dict):
    """A section read by key, one bucket at a time."""


class Chunked(list):
    """A section read by position, one chunk at a time."""


class StoreError(Exception):
    """The file is not a whole store (truncated, another format): rebuild it."""


def bucket_of(key: str, buckets: int) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % buckets


class Store:
    """Precomputed sections, held in memory (just built) or read lazily from a file."""

    def __init__(self, sections: dict[str, Any] | None = None, stream: BinaryIO | None = None,
                 layout: dict[str, Any] | None = None, base: int = 0):
        self.sections = sections or {}  # in memory: {name: value}, keyed ones as Keyed
        self._stream = stream
        self._layout = layout or {}  # in a file: {name: (offset, length) of its value or its bucket table}
        self._tables: dict[str, bytes] = {}  # bucket and chunk tables read so far
        self._base = base  # where the data after the header starts
        self._loaded: dict[tuple[str, int], Any] = {}

    def get(self, section: str, key: str, default: Any = None) -> Any:
        """The value of `key` in a keyed section."""
        if section in self.sections:
            return self.sections[section].get(key, default)
        number = bucket_of(key, self._count(section))
        return self._part(section, number).get(key, default)

    def item(self, section: str, position: int) -> Any:
        """The value at `position` in a chunked section."""
        if section in self.sections:
            return self.sections[section][position]
        return self._part(section, position // CHUNK_SIZE)[position % CHUNK_SIZE]

    def whole(self, section: str) -> Any:
        """The value of a whole section."""
        if section in self.sections:
            return self.sections[section]
        if (section, -1) not in self._loaded:
            self._loaded[section, -1] = self._read(*self._layout[section])
        return self._loaded[section, -1]

    def _table(self, section: str) -> bytes:
        """Where a section's buckets (or chunks) start, and where the last one ends: 8-byte
        integers, so that a table of many thousands costs a copy, not as many objects."""
        table = self._tables.get(section)
        if table is None:
            table = self._tables[section] = self._read(*self._layout[section])
        return table

    def _count(self, section: str) -> int:
        return len(self._table(section)) // _OFFSET_BYTES - 1

    def _part(self, section: str, number: int) -> Any:
        """One bucket or chunk of a section."""
        if (section, number) not in self._loaded:
            table = self._table(section)
            start, end = (int.from_bytes(table[at:at + _OFFSET_BYTES], "little")
                          for at in (number * _OFFSET_BYTES, (number + 1) * _OFFSET_BYTES))
            self._loaded[section, number] = self._read(start, end - start)
        return self._loaded[section, number]

    def _read(self, offset: int, length: int) -> Any:
        assert self._stream is not None
        self._stream.seek(self._base + offset)
        data = self._stream.read(length)
        if len(data) != length:
            raise StoreError("the store file ends early")
        return marshal.loads(data)


def write_store(stream: BinaryIO, sections: dict[str, Any]) -> None:
    """Write sections (Keyed ones split into buckets) to a binary stream."""
    blobs: list[bytes] = []
    layout: dict[str, Any] = {}
    position = 0

    def add(value: Any) -> tuple[int, int]:
        nonlocal position
        blob = marshal.dumps(value)
        blobs.append(blob)
        position += len(blob)
        return position - len(blob), len(blob)

    for name, value in sections.items():
        if isinstance(value, (Keyed, Chunked)):
            parts = _buckets(value) if isinstance(value, Keyed) else _chunks(value)
            starts = [add(part)[0] for part in parts] + [position]
            value = b"".join(start.to_bytes(_OFFSET_BYTES, "little") for start in starts)  # its table
        layout[name] = add(value)
    header = marshal.dumps(layout)  # offsets count from the end of the header
    stream.write(MAGIC + len(header).to_bytes(_LENGTH_BYTES, "little") + header)
    for blob in blobs:
        stream.write(blob)


def open_store(path: str | os.PathLike) -> Store:
    """A store file, opened for lazy reading; StoreError (or OSError) if it can't be used."""
    stream = open(path, "rb")
    try:
        if stream.read(len(MAGIC)) != MAGIC:
            raise StoreError("not a kcluster store")
        length = int.from_bytes(stream.read(_LENGTH_BYTES), "little")
        layout = marshal.loads(stream.read(length))
        base = len(MAGIC) + _LENGTH_BYTES + length
        if not isinstance(layout, dict) or os.fstat(stream.fileno()).st_size != base + _end(layout):
            raise StoreError("the store file is incomplete")
    except (EOFError, ValueError, TypeError, StoreError):
        stream.close()
        raise StoreError(f"{path} is not a complete store") from None
    return Store(stream=stream, layout=layout, base=base)


def _buckets(section: dict[str, Any]) -> list[dict[str, Any]]:
    count = max(1, -(-len(section) // BUCKET_SIZE))
    buckets: list[dict[str, Any]] = [{} for _ in range(count)]
    for key, value in section.items():
        buckets[bucket_of(key, count)][key] = value
    return buckets


def _chunks(section: list[Any]) -> list[list[Any]]:
    return [section[start:start + CHUNK_SIZE] for start in range(0, len(section), CHUNK_SIZE)]


def _end(layout: dict[str, Any]) -> int:
    return max((offset + length for offset, length in layout.values()), default=0)

"""Compiling a dataset: from the validated TOML tables to the store every command reads.

Done once per dataset (the store is cached, see `open_store_for`): the records are built
in memory, the relations between them computed (a complex's mini clusters, office, facts,
stories...), and the search's entries and indexes made (indexing.py). At run time the
catalogue (catalog.py) reads only the store, so every command and every Python user goes
through the same path, and a lookup reads a few rows instead of building every record.
"""

from __future__ import annotations

import os
import typing
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Any

from .loader import Dataset, DatasetFiles, cache_file, read_files, validated, write_cache_file
from .store import Content, Store, StoreError, memory_store, open_store, write_store

if typing.TYPE_CHECKING:  # imported where records are built: a cached store needs no record types
    from .model import Complex, MiniCluster, Record


class DatasetRecords:
    """Every record of a validated dataset, in memory, with the relations between them:
    what the compiler computes the store from (the commands read the store, not this)."""

    def __init__(self, dataset: Dataset):
        from .model import KINDS, build_record

        self.location = dataset.location
        self.metadata = dataset.metadata
        self.sectors = dataset.sectors
        self.by_kind: dict[str, tuple[Record, ...]] = {
            kind: tuple(build_record(cls, table) for table in dataset.tables[kind]) for kind, cls in KINDS.items()
        }

    def of(self, kind: str) -> tuple[Record, ...]:
        return self.by_kind[kind]

    def all_records(self) -> Iterator[Record]:
        for records in self.by_kind.values():
            yield from records

    @cached_property
    def _by_id(self) -> dict[str, dict[str, Record]]:
        return {kind: {r.id: r for r in records} for kind, records in self.by_kind.items()}

    def get(self, kind: str, record_id: str | None) -> Record | None:
        return self._by_id[kind].get(record_id) if record_id else None

    # --- relations: computed here once, read from the store by the catalogue -------------

    @cached_property
    def _mini_clusters_by_complex(self) -> dict[str, list[str]]:
        return _group(self.of("mini_clusters"), lambda m: [m.complex])

    @cached_property
    def _mini_clusters_by_region(self) -> dict[str, list[str]]:
        return _group(self.of("mini_clusters"), lambda m: [m.region])

    @cached_property
    def _stories_by_complex(self) -> dict[str, list[str]]:
        return _group(self.of("stories"), lambda s: s.complexes)

    @cached_property
    def _facts_by_about(self) -> dict[str, list[str]]:
        return _group(self.of("facts"), lambda f: f.about)

    @cached_property
    def _complexes_by_office(self) -> dict[str, list[str]]:
        return _group(self.of("complexes"), lambda c: _listed(c.branch))

    @cached_property
    def _mini_clusters_by_office(self) -> dict[str, list[str]]:
        return _group(self.of("mini_clusters"), lambda m: _listed(self.office_of(m)))

    def office_of(self, record: Complex | MiniCluster) -> str | None:
        """The KICOX office of a complex, or of a mini cluster (its own, else its hub's)."""
        from .model import Complex, MiniCluster

        if record.branch:
            return record.branch
        if isinstance(record, MiniCluster):
            hub = self.get("complexes", record.complex)
            return self.office_of(hub) if isinstance(hub, Complex) else None
        return None

    def relations(self, record: Record) -> dict[str, list[str]]:
        """{relation: ids} of one record, as the store keeps them."""
        from .model import Branch, Complex, Fact, MiniCluster, Region

        related: dict[str, list[str]] = {}
        facts = self._facts_by_about.get(record.id, [])
        if isinstance(record, Complex):
            related["mini_clusters"] = self._mini_clusters_by_complex.get(record.id, [])
            related["stories"] = self._stories_by_complex.get(record.id, [])
            related["office"] = _listed(self.office_of(record))
        elif isinstance(record, MiniCluster):
            related["office"] = _listed(self.office_of(record))
        elif isinstance(record, Region):
            related["mini_clusters"] = self._mini_clusters_by_region.get(record.id, [])
        elif isinstance(record, Branch):
            related["complexes"] = self._complexes_by_office.get(record.id, [])
            related["mini_clusters"] = self._mini_clusters_by_office.get(record.id, [])
        if not isinstance(record, Fact):
            related["facts"] = [f for f in facts if self.get("facts", f) is not None]
        return {name: ids for name, ids in related.items() if ids}


def _group(records: Iterable[Record], keys: typing.Callable[[Any], Iterable[str]]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for record in records:
        for key in keys(record):
            groups.setdefault(key, []).append(record.id)
    return groups


def _listed(record_id: str | None) -> list[str]:
    return [record_id] if record_id else []


def store_content(records: DatasetRecords) -> Content:
    """What the store of a dataset holds: records, relations, the search's values, metadata."""
    from .indexing import search_values

    meta = {"date": str(records.metadata.get("date", "unknown")), "location": records.location}
    values = [("meta", "", meta), *search_values(records), *sector_values(records)]
    return Content(
        records=((r.KIND, r.id, r.to_dict()) for r in records.all_records()),
        relations=((r.KIND, r.id, records.relations(r)) for r in records.all_records()),
        values=values,
    )


def sector_values(records: DatasetRecords) -> Iterator[tuple[str, str, Any]]:
    """The classification of every record in scope (sectors.py), as the store keeps it:
    the table itself, each record's sectors with the words they come from, each sector's
    members, and why an unclassified record has none."""
    if not records.sectors:
        return
    from .romanization import fold
    from .sectors import classify, parse_sectors

    table = parse_sectors(records.sectors)
    yield "sectors:table", "", records.sectors
    yield (
        "sectors:vocabulary",
        "",
        [{"id": s.id, "name": s.name, "group": s.group, "words": list(s.words)} for s in table.sectors],
    )
    # Each sector's names as a query folds them, for `search` to find a sector a query names.
    named: dict[str, list[str]] = {}
    for sector in table.sectors:
        for text in (sector.name, sector.id, *sector.words):
            ids = named.setdefault(fold(text), [])
            if sector.id not in ids:
                ids.append(sector.id)
    for text, ids in named.items():
        yield "sectors:named", text, ids
    members: dict[str, list[str]] = {sector.id: [] for sector in table.sectors}
    for (kind, record_id), assignments in classify(table, records.all_records()).items():
        reference = f"{kind}:{record_id}"
        if assignments:
            yield "sectors:of", reference, [[a.sector, a.words] for a in assignments]
        for assignment in assignments:
            members[assignment.sector].append(reference)
    for sector_id, references in members.items():
        yield "sectors:members", sector_id, references
    for entry in table.unclassified:
        yield "sectors:unclassified", entry.record, entry.note


def compile_into(connection: Any, files: DatasetFiles) -> None:
    """Validate a dataset (DatasetError if it is not valid) and write its store."""
    write_store(connection, store_content(DatasetRecords(validated(files))))


def open_store_for(data_dir: str | None = None) -> tuple[str, Store]:
    """(how to name the dataset to people, its store): from the cache, else compiled now
    (validating the dataset first: loader.DatasetError if it is not valid) and cached.
    Where nothing can be cached, the store is built in memory."""
    files = read_files(data_dir)
    key = files.key
    cached = cache_file(key)
    if cached is not None and os.path.exists(cached):
        try:
            return files.location, open_store(cached)
        except StoreError:
            pass  # damaged: compiled again below, and replaced
    if cached is not None:
        dataset = validated(files)  # before anything is written: the cache holds valid datasets only
        content = store_content(DatasetRecords(dataset))
        if write_cache_file(key, lambda connection: write_store(connection, content)):
            try:
                return files.location, open_store(cached)
            except StoreError:
                pass
    connection = memory_store()
    compile_into(connection, files)
    return files.location, Store(connection)

"""The catalogue: every record of the validated dataset, indexed, with the relations between them."""

import dataclasses
import functools
import typing
from functools import cached_property
from typing import Any, Iterator, TypeVar

from .loader import Dataset
from .model import (
    KINDS,
    Branch,
    Complex,
    Event,
    Fact,
    MiniCluster,
    Phase,
    Record,
    Region,
    Source,
    Story,
)

R = TypeVar("R", bound=Record)


class Catalog:
    def __init__(self, dataset: Dataset):
        self.location = dataset.location
        self.metadata = dataset.metadata
        self.records: dict[str, tuple[Record, ...]] = {
            kind: tuple(_build(cls, table) for table in dataset.tables[kind]) for kind, cls in KINDS.items()
        }

    # --- access by kind and id -------------------------------------------------

    def of(self, cls: type[R]) -> tuple[R, ...]:
        return self.records[cls.KIND]  # type: ignore[return-value]

    @cached_property
    def _by_id(self) -> dict[str, dict[str, Record]]:
        return {kind: {r.id: r for r in records} for kind, records in self.records.items()}

    def get(self, cls: type[R], record_id: str) -> R | None:
        return self._by_id[cls.KIND].get(record_id)  # type: ignore[return-value]

    def find_id(self, record_id: str) -> Record | None:
        """The record with this id, whatever its kind (kinds in dump order)."""
        for index in self._by_id.values():
            if record_id in index:
                return index[record_id]
        return None

    def all_records(self) -> Iterator[Record]:
        for records in self.records.values():
            yield from records

    @property
    def dataset_date(self) -> str:
        return str(self.metadata.get("date", "unknown"))

    # --- relations ---------------------------------------------------------------

    @cached_property
    def _mini_clusters_by_complex(self) -> dict[str, list[MiniCluster]]:
        return _group(self.of(MiniCluster), lambda m: [m.complex])

    def mini_clusters_of(self, complex_id: str) -> list[MiniCluster]:
        return self._mini_clusters_by_complex.get(complex_id, [])

    def mini_clusters_in(self, region_id: str) -> list[MiniCluster]:
        return [m for m in self.of(MiniCluster) if m.region == region_id]

    def complexes_in(self, region_id: str) -> list[Complex]:
        return [c for c in self.of(Complex) if c.region == region_id]

    @cached_property
    def _stories_by_complex(self) -> dict[str, list[Story]]:
        return _group(self.of(Story), lambda s: s.complexes)

    def stories_of(self, complex_id: str) -> list[Story]:
        return self._stories_by_complex.get(complex_id, [])

    @cached_property
    def _facts_by_about(self) -> dict[str, list[Fact]]:
        return _group(self.of(Fact), lambda f: f.about)

    def facts_about(self, record_id: str) -> list[Fact]:
        return self._facts_by_about.get(record_id, [])

    def facts_by_subject(self) -> dict[str, list[Fact]]:
        """Facts grouped by subject, in dataset order, each group ordered by date then source."""
        groups = _group(self.of(Fact), lambda f: [f.subject])
        return {s: sorted(fs, key=lambda f: (f.as_of or "", f.sources[0].source)) for s, fs in groups.items()}

    def events_in_order(self) -> list[Event]:
        return sorted(self.of(Event), key=lambda e: (e.date, e.id))

    def branch_of(self, record: Complex | MiniCluster) -> Branch | None:
        if record.branch:
            return self.get(Branch, record.branch)
        if isinstance(record, MiniCluster):
            hub = self.get(Complex, record.complex)
            return self.branch_of(hub) if hub else None
        return None

    def region_of(self, record: Complex | MiniCluster) -> Region | None:
        return self.get(Region, record.region) if record.region else None

    def complexes_served_by(self, branch_id: str) -> list[Complex]:
        return [c for c in self.of(Complex) if c.branch == branch_id]

    def phases_in_order(self) -> list[Phase]:
        return sorted(self.of(Phase), key=lambda p: p.number)

    def source(self, source_id: str) -> Source | None:
        return self.get(Source, source_id)


def _group(records: typing.Iterable[R], keys: typing.Callable[[R], typing.Iterable[str]]) -> dict[str, list[R]]:
    groups: dict[str, list[R]] = {}
    for record in records:
        for key in keys(record):
            groups.setdefault(key, []).append(record)
    return groups


def _build(cls: type, table: dict[str, Any]) -> Any:
    """A record (or nested value) from its validated TOML table: arrays become tuples."""
    hints = _field_types(cls)
    return cls(**{key: _convert(value, hints[key]) for key, value in table.items()})


def _convert(value: Any, annotation: Any) -> Any:
    if isinstance(value, list):
        item_type = typing.get_args(annotation)[0] if typing.get_origin(annotation) is tuple else None
        if item_type is not None and dataclasses.is_dataclass(item_type):
            return tuple(_build(item_type, item) for item in value)
        return tuple(value)
    if isinstance(value, dict):
        return {key: tuple(item) if isinstance(item, list) else item for key, item in value.items()}
    return value


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    return {f.name: f.type for f in dataclasses.fields(cls)}

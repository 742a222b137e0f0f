"""The catalogue: the one way into the dataset, for every command and for Python users.

It reads the compiled store (compiled.py) and builds only the records asked for:

    catalog = kcluster.load()
    catalog.get("complexes", "changwon")           # a record by kind and id
    catalog.records("mini_clusters", region="honam")  # a kind's records, filtered (filters.py)
    catalog.resolve("Kwangju")                     # the record a person means
    catalog.search("aerospace", limit=5)           # ranked hits

Kinds may be named singular or plural ("complex", "complexes", "mini cluster").
No click and no rich here, nor anything of render/.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, TypeVar, overload

from .errors import NotFound
from .kinds import KIND_NAMES, kind_named
from .model import KINDS, Branch, Complex, Fact, MiniCluster, Record, Region, Story, build_record
from .store import Store

R = TypeVar("R", bound=Record)
KindName = str | type[Record]  # "complexes", "complex", ... or the record type itself


def _kind(kind: KindName) -> str:
    return kind.KIND if isinstance(kind, type) else kind_named(kind)


class Hit(NamedTuple):
    """A search hit: the record, a score of 0-100, how it matched (id, name, alias, prefix,
    words, fuzzy), and the search's entry (its label and where it belongs, for tables)."""

    record: Record
    score: int
    match: str
    entry: Any


class Catalog:
    """Every record of a dataset, read from its compiled store on demand."""

    def __init__(self, location: str, store: Store):
        self.location = location
        self.store = store
        self._built: dict[tuple[str, str], Record] = {}

    @property
    def dataset_date(self) -> str:
        return str(self.store.value("meta")["date"])

    # --- records -----------------------------------------------------------------------

    @overload
    def get(self, kind: type[R], record_id: str) -> R: ...
    @overload
    def get(self, kind: str, record_id: str) -> Record: ...

    def get(self, kind: KindName, record_id: str) -> Record:
        """The record of this kind and id; NotFound if there is none."""
        name = _kind(kind)
        record = self._built.get((name, record_id))
        if record is None:
            data = self.store.record(name, record_id)
            if data is None:
                raise NotFound(record_id, message=f"no {name} record with id {record_id!r}")
            record = self._build(name, data)
        return record

    def find(self, kind: KindName, record_id: str | None) -> Record | None:
        """The record of this kind and id, or None."""
        if not record_id:
            return None
        try:
            return self.get(kind, record_id)
        except NotFound:
            return None

    @overload
    def records(self, kind: type[R], /, **filters: Any) -> list[R]: ...
    @overload
    def records(self, kind: str, /, **filters: Any) -> list[Record]: ...

    def records(self, kind: KindName, /, **filters: Any) -> list[Any]:
        """A kind's records in the order its list prints them, narrowed by the kind's
        filters (filters.py): e.g. records("mini_clusters", region="honam", agro=False).
        UnknownValue when a filter's value names nothing it can take."""
        from .filters import apply_filters

        return apply_filters(self, _kind(kind), filters)

    @overload
    def every(self, kind: type[R]) -> list[R]: ...
    @overload
    def every(self, kind: str) -> list[Record]: ...

    def every(self, kind: KindName) -> list[Any]:
        """A kind's records, unfiltered, in dataset order."""
        name = _kind(kind)
        return [self._known(name, data) for data in self.store.records(name)]

    def many(self, kind: str, ids: Iterable[str]) -> list[Any]:
        """The records of these ids, in that order (unknown ids are left out)."""
        wanted = list(ids)
        missing = [i for i in wanted if (kind, i) not in self._built]
        for data in self.store.records(kind, missing) if missing else ():
            self._build(kind, data)
        return [self._built[kind, i] for i in wanted if (kind, i) in self._built]

    def find_id(self, record_id: str) -> Record | None:
        """The record with this id, whatever its kind (ids are unique within a kind only:
        the first kind in dataset order wins)."""
        for kind in KIND_NAMES:
            found = self.find(kind, record_id)
            if found is not None:
                return found
        return None

    def all_records(self) -> Iterator[Record]:
        for kind in KIND_NAMES:
            yield from self.every(kind)

    def ids(self, kind: KindName) -> list[str]:
        return self.store.ids(_kind(kind))

    def names(self, kind: KindName) -> dict[str, str]:
        """{id: display name} of a kind's records."""
        return {r.id: r.display_name for r in self.every(kind)}

    def _known(self, kind: str, data: dict[str, Any]) -> Record:
        return self._built.get((kind, data["id"])) or self._build(kind, data)

    def _build(self, kind: str, data: dict[str, Any]) -> Record:
        record: Record = build_record(KINDS[kind], data)
        self._built[kind, record.id] = record
        return record

    # --- relations (computed once by the compiler, read here) ---------------------------

    def _related(self, record: Record, relation: str, kind: str) -> list[Any]:
        return self.many(kind, self.store.relations(record.KIND, record.id).get(relation, ()))

    def mini_clusters_of(self, record: Complex | Region) -> list[MiniCluster]:
        """A complex's mini clusters (it is their hub), or a region's, in the 2010 list."""
        return self._related(record, "mini_clusters", "mini_clusters")

    def office_of(self, record: Complex | MiniCluster) -> Branch | None:
        """The KICOX office of a complex, or of a mini cluster (its own, else its hub's)."""
        offices = self._related(record, "office", "branches")
        return offices[0] if offices else None

    def facts_about(self, record: Record) -> list[Fact]:
        return self._related(record, "facts", "facts")

    def stories_of(self, record: Complex) -> list[Story]:
        return self._related(record, "stories", "stories")

    def complexes_served_by(self, office: Branch) -> list[Complex]:
        return self._related(office, "complexes", "complexes")

    def mini_clusters_served_by(self, office: Branch) -> list[MiniCluster]:
        return self._related(office, "mini_clusters", "mini_clusters")

    def region_of(self, record: Complex | MiniCluster) -> Region | None:
        found = self.find("regions", record.region)
        return found if isinstance(found, Region) else None

    def hub_complexes(self, region: Region) -> list[Complex]:
        return self.many("complexes", region.hubs)

    def mini_cluster_hubs(self) -> list[str]:
        """Ids of the complexes that are the hub of a mini cluster of the 2010 list."""
        return list(dict.fromkeys(m.complex for m in self.every(MiniCluster)))

    # --- finding ----------------------------------------------------------------------

    def search(self, query: str, limit: int | None = None, kinds: Iterable[str] | None = None) -> list[Hit]:
        """Ranked hits, best first (see search.py for how records match)."""
        from .search import SearchIndex

        wanted = [kind_named(k) for k in kinds] if kinds else None
        hits = SearchIndex(self.store, wanted).search(query, limit=limit)
        return [Hit(self.get(h.entry.kind, h.entry.id), h.score, h.match, h.entry) for h in hits]

    def resolve(self, query: str, kinds: Iterable[str] | None = None) -> Record:
        """The one record a person means by `query`: what `kcluster show QUERY` opens.
        NotFound, with the candidates `show` suggests, when nothing or several match."""
        from .search import resolve

        wanted = [kind_named(k) for k in kinds] if kinds else None
        resolution = resolve(self.store, query, wanted)
        if resolution.entry is None:
            raise NotFound(query, [self.get(e.kind, e.id) for e in resolution.candidates])
        return self.get(resolution.entry.kind, resolution.entry.id)

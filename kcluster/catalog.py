"""The catalogue: the one way into the dataset, for every command and for Python users.

It reads the compiled store (compiled.py). Each record is there in its export shape (the
dict `record.to_dict()` gives, the JSON of `kcluster export`): the commands read those
rows, and Python users may also ask for record types, built from the same rows:

    catalog = kcluster.load()
    catalog.get("complexes", "changwon")              # a record (model.Complex)
    catalog.records("mini_clusters", region="honam")  # records, filtered (filters.py)
    catalog.rows("mini_clusters", region="honam")     # the same, in export shape
    catalog.resolve("Kwangju")                        # the record a person means
    catalog.search("aerospace", limit=5)              # ranked hits

Kinds may be named singular or plural ("complex", "complexes", "mini cluster") or by
their record type. Record types are imported only when asked for: a lookup that prints
JSON never pays for building them. No click and no rich here, nor anything of render/.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .errors import NotFound
from .kinds import KIND_NAMES, kind_named
from .store import Store

if TYPE_CHECKING:
    from .model import Branch, Complex, Fact, MiniCluster, Record, Region, Story
    from .search import Entry

    R = TypeVar("R", bound=Record)
    KindName = str | type[Record]  # "complexes", "complex", ... or the record type itself

Row = dict[str, Any]  # a record in its export shape


# Plain classes, not NamedTuples or dataclasses: this module is imported by every lookup,
# and creating one of those costs about a millisecond.
class Candidate:
    """A record the search found, named as people read it (no record type built)."""

    __slots__ = ("kind", "id", "name", "label", "where", "complex")

    def __init__(self, kind: str, id: str, name: str, label: str, where: str, complex: str | None):
        self.kind = kind
        self.id = id
        self.name = name
        self.label = label  # its kind, for people: "mini cluster"
        self.where = where  # what it belongs to: a mini cluster's hub, a complex's region, a date
        self.complex = complex  # a mini cluster's hub complex id

    def __repr__(self) -> str:
        return f"Candidate({self.kind!r}, {self.id!r}, {self.name!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Candidate) and (self.kind, self.id) == (other.kind, other.id)

    def __hash__(self) -> int:
        return hash((self.kind, self.id))


class Hit:
    """A search hit: which record (`candidate`, `kind` and `id`; `record` builds it), a score
    of 0-100, and how it matched (id, name, alias, prefix, words, fuzzy, text, code, sector)."""

    __slots__ = ("candidate", "score", "match", "matched", "_catalog")

    def __init__(
        self,
        candidate: Candidate,
        score: int,
        match: str,
        matched: dict[str, Any] | None = None,
        catalog: Catalog | None = None,
    ):
        self.candidate = candidate
        self.score = score
        self.match = match
        self.matched = matched or {"field": match, "words": {}}  # the field, and the query's words found
        self._catalog = catalog  # the catalogue it was found in, which `record` reads

    @property
    def record(self) -> Record | Row:
        """The record hit, as `catalog.get(hit.kind, hit.id)` gives it; for a sector (kind
        "sectors": kcluster's classification, not a record) the sector's id, name, group and
        words."""
        if self._catalog is None:
            raise LookupError(f"{self!r} was not found in a catalogue: get its record with catalog.get(kind, id)")
        if self.kind == "sectors":
            return next(s for s in self._catalog.sector_vocabulary() if s["id"] == self.id)
        return self._catalog.get(self.kind, self.id)

    @property
    def kind(self) -> str:
        return self.candidate.kind

    @property
    def id(self) -> str:
        return self.candidate.id

    def __repr__(self) -> str:
        return f"Hit({self.kind!r}, {self.id!r}, score={self.score}, match={self.match!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Hit) and (self.candidate, self.score, self.match) == (
            other.candidate,
            other.score,
            other.match,
        )

    def __hash__(self) -> int:
        return hash((self.candidate, self.score, self.match))


def _kind(kind: KindName) -> str:
    return kind.KIND if isinstance(kind, type) else kind_named(kind)


class Catalog:
    """Every record of a dataset, read from its compiled store on demand."""

    def __init__(self, location: str, store: Store):
        self.location = location
        self.store = store
        self._rows: dict[tuple[str, str], Row] = {}
        self._every: dict[str, list[Row]] = {}
        self._built: dict[tuple[str, str], Any] = {}

    @property
    def dataset_date(self) -> str:
        return str(self.store.value("meta")["date"])

    # --- rows: records in their export shape --------------------------------------------

    def row(self, kind: KindName, record_id: str | None) -> Row | None:
        """A record in export shape, or None if there is no such record."""
        if not record_id:
            return None
        name = _kind(kind)
        found = self._rows.get((name, record_id))
        if found is None:
            found = self.store.record(name, record_id)
            if found is not None:
                self._rows[name, record_id] = found
        return found

    def every_row(self, kind: KindName) -> list[Row]:
        """A kind's records in export shape, unfiltered, in dataset order."""
        name = _kind(kind)
        if name not in self._every:
            rows = self.store.records(name)
            for row in rows:
                self._rows.setdefault((name, row["id"]), row)
            self._every[name] = [self._rows[name, row["id"]] for row in rows]
        return self._every[name]

    def rows_of(self, kind: KindName, ids: Iterable[str]) -> list[Row]:
        """The rows of these ids, in that order (unknown ids are left out)."""
        name = _kind(kind)
        wanted = list(ids)
        missing = [i for i in wanted if (name, i) not in self._rows]
        for row in self.store.records(name, missing) if missing else ():
            self._rows[name, row["id"]] = row
        return [self._rows[name, i] for i in wanted if (name, i) in self._rows]

    def rows(self, kind: KindName, /, **filters: Any) -> list[Row]:
        """A kind's records in export shape, in the order its list prints them, narrowed
        by the kind's filters (filters.py): rows("mini_clusters", region="honam", agro=False).
        UnknownValue when a filter's value names nothing it can take."""
        from .filters import apply_filters

        return apply_filters(self, _kind(kind), filters)

    def related(self, kind: KindName, record_id: str, relation: str) -> list[str]:
        """The ids a relation of a record holds ("mini_clusters", "office", "facts", ...)."""
        return list(self.store.relations(_kind(kind), record_id).get(relation, ()))

    def ids(self, kind: KindName) -> list[str]:
        return [row["id"] for row in self.every_row(kind)]

    def names(self, kind: KindName) -> dict[str, str]:
        """{id: the name people call it} of a kind's records."""
        from .kinds import name_field

        field = name_field(_kind(kind))
        return {row["id"]: row[field] for row in self.every_row(kind)}

    def mini_cluster_hubs(self) -> list[str]:
        """Ids of the complexes that are the hub of a mini cluster of the 2010 list."""
        return list(dict.fromkeys(row["complex"] for row in self.every_row("mini_clusters")))

    # --- records: the same, as record types (model.py) ----------------------------------

    @overload
    def get(self, kind: type[R], record_id: str) -> R: ...
    @overload
    def get(self, kind: str, record_id: str) -> Record: ...

    def get(self, kind: KindName, record_id: str) -> Record:
        """The record of this kind and id; NotFound if there is none."""
        name = _kind(kind)
        row = self.row(name, record_id)
        if row is None:
            raise NotFound(record_id, message=f"no {name} record with id {record_id!r}")
        return self._record(name, row)

    def find(self, kind: KindName, record_id: str | None) -> Record | None:
        """The record of this kind and id, or None."""
        row = self.row(kind, record_id)
        return None if row is None else self._record(_kind(kind), row)

    def find_id(self, record_id: str) -> Record | None:
        """The record with this id, whatever its kind (ids are unique within a kind only:
        the first kind in dataset order wins)."""
        for kind in KIND_NAMES:
            found = self.find(kind, record_id)
            if found is not None:
                return found
        return None

    @overload
    def records(self, kind: type[R], /, **filters: Any) -> list[R]: ...
    @overload
    def records(self, kind: str, /, **filters: Any) -> list[Record]: ...

    def records(self, kind: KindName, /, **filters: Any) -> list[Any]:
        """The records `rows(kind, **filters)` gives, as record types."""
        name = _kind(kind)
        return [self._record(name, row) for row in self.rows(name, **filters)]

    @overload
    def every(self, kind: type[R]) -> list[R]: ...
    @overload
    def every(self, kind: str) -> list[Record]: ...

    def every(self, kind: KindName) -> list[Any]:
        """A kind's records, unfiltered, in dataset order."""
        name = _kind(kind)
        return [self._record(name, row) for row in self.every_row(name)]

    def many(self, kind: KindName, ids: Iterable[str]) -> list[Any]:
        """The records of these ids, in that order (unknown ids are left out)."""
        name = _kind(kind)
        return [self._record(name, row) for row in self.rows_of(name, ids)]

    def all_records(self) -> Iterator[Record]:
        for kind in KIND_NAMES:
            yield from self.every(kind)

    def _record(self, kind: str, row: Row) -> Any:
        record = self._built.get((kind, row["id"]))
        if record is None:
            from .model import KINDS, build_record

            record = build_record(KINDS[kind], row)
            self._built[kind, row["id"]] = record
        return record

    # --- relations, as record types -----------------------------------------------------

    def _related_records(self, record: Record, relation: str, kind: str) -> list[Any]:
        return self.many(kind, self.related(record.KIND, record.id, relation))

    def mini_clusters_of(self, record: Complex | Region) -> list[MiniCluster]:
        """A complex's mini clusters (it is their hub), or a region's, in the 2010 list."""
        return self._related_records(record, "mini_clusters", "mini_clusters")

    def office_of(self, record: Complex | MiniCluster) -> Branch | None:
        """The KICOX office of a complex, or of a mini cluster (its own, else its hub's)."""
        offices = self._related_records(record, "office", "branches")
        return offices[0] if offices else None

    def facts_about(self, record: Record) -> list[Fact]:
        return self._related_records(record, "facts", "facts")

    def stories_of(self, record: Complex) -> list[Story]:
        return self._related_records(record, "stories", "stories")

    def complexes_served_by(self, office: Branch) -> list[Complex]:
        return self._related_records(office, "complexes", "complexes")

    def mini_clusters_served_by(self, office: Branch) -> list[MiniCluster]:
        return self._related_records(office, "mini_clusters", "mini_clusters")

    def region_of(self, record: Complex | MiniCluster) -> Region | None:
        return self.find("regions", record.region)  # type: ignore[return-value]

    def hub_complexes(self, region: Region) -> list[Complex]:
        return self.many("complexes", region.hubs)

    # --- sectors: kcluster's own classification (sectors.py, data/sectors.toml) -------------

    def sector_vocabulary(self) -> list[Row]:
        """Every sector (id, name, group, words), in the vocabulary's order; [] where the
        dataset has no sectors.toml."""
        return list(self.store.value("sectors:vocabulary", default=[]))

    def sector_ids(self, value: str) -> list[str]:
        """The sectors a person means by `value` (a name, an id or an everyday word: "ICT"
        means three); UnknownValue, naming the closest sectors, if it means none."""
        from .errors import UnknownValue
        from .sectors import closest_sectors, find_sectors, parse_sectors

        table = parse_sectors(self.store.value("sectors:table", default={}))
        found = find_sectors(table, value)
        if found:
            return [sector.id for sector in found]
        closest = closest_sectors(table, value)
        hint = f" Closest: {', '.join(f'{s.name} ({s.id})' for s in closest)}." if closest else ""
        raise UnknownValue(
            "sector", f"no sector {value!r}.{hint} `kcluster sectors --all` lists them.", [s.id for s in table.sectors]
        )

    def sectors_of(self, kind: KindName, record_id: str) -> list[Row]:
        """A record's sectors, each with the record's own words it was derived from; all of
        them kcluster's classification, not the sources' (`derived`)."""
        names = {s["id"]: s["name"] for s in self.sector_vocabulary()}
        assigned = self.store.value("sectors:of", f"{_kind(kind)}:{record_id}", [])
        return [
            {"sector": sector, "name": names.get(sector, sector), "words": words, "derived": True}
            for sector, words in assigned
        ]

    def sector_assignments(self) -> list[Row]:
        """Every record's sectors (record_kind, record_id, sector, words, derived), by kind
        in dataset order: the classification as the exports carry it."""
        found: list[Row] = []
        for reference, assigned in self.store.section("sectors:of"):
            kind, _, record_id = reference.partition(":")
            for sector, words in assigned:
                found.append(
                    {"record_kind": kind, "record_id": record_id, "sector": sector, "words": words, "derived": True}
                )
        order = self._dataset_order({(f["record_kind"], f["record_id"]) for f in found})
        return sorted(found, key=lambda f: order[f["record_kind"], f["record_id"]])

    def unclassified_note(self, kind: KindName, record_id: str) -> str | None:
        """Why a record has no sector, where the classification says so."""
        note = self.store.value("sectors:unclassified", f"{_kind(kind)}:{record_id}")
        return str(note) if note is not None else None

    def sector_members(self, sector_ids: Iterable[str], kind: KindName | None = None) -> list[tuple[str, str]]:
        """(kind, id) of every record in any of these sectors, in dataset order."""
        wanted = {reference for sector in sector_ids for reference in self.store.value("sectors:members", sector, [])}
        found = [tuple(reference.split(":", 1)) for reference in wanted]
        if kind is not None:
            found = [key for key in found if key[0] == _kind(kind)]
        order = self._dataset_order(found)
        return sorted(found, key=order.__getitem__)

    def _dataset_order(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
        """For (kind, id) pairs, the sort key of dataset order: the kind's place, then the record's."""
        wanted = set(keys)
        positions = {kind: {i: n for n, i in enumerate(self.ids(kind))} for kind in {k for k, _ in wanted}}
        return {(k, i): (KIND_NAMES.index(k), positions[k].get(i, len(positions[k]))) for k, i in wanted}

    # --- finding ----------------------------------------------------------------------

    def search(self, query: str, limit: int | None = None, kinds: Iterable[KindName] | None = None) -> list[Hit]:
        """Ranked hits, best first (see search.py for how records match)."""
        from .search import Hit as SearchHit
        from .search import SearchIndex, matched, resolve

        wanted = [_kind(k) for k in kinds] if kinds else None
        index = SearchIndex(self.store, wanted)  # one index: the resolver reuses its searches
        hits = index.search(query)
        meant = resolve(self.store, query, wanted, index).entry  # what `show` opens comes first
        if meant is not None:
            first = [h for h in hits if (h.entry.kind, h.entry.id) == (meant.kind, meant.id)]
            hits = first + [h for h in hits if (h.entry.kind, h.entry.id) != (meant.kind, meant.id)]
            if not first:
                hits.insert(0, SearchHit(meant, 100, "code"))
        # A sector the query names comes first: `kcluster sector ID` shows its records.
        sectors = self._sector_hits(query) if wanted is None else []
        if limit:  # what matched is worked out for the hits returned only
            hits = hits[: max(limit - len(sectors), 0)]
        found = [Hit(_candidate(h.entry), h.score, h.match, matched(h.entry, h.match, query), self) for h in hits]
        return (sectors + found)[:limit] if limit else sectors + found

    def _sector_hits(self, query: str) -> list[Hit]:
        """The sectors a query is the name, id or word of (a sector is not the best of a bad lot)."""
        from .romanization import fold

        named = self.store.value("sectors:named", fold(query), [])
        if not named:
            return []
        vocabulary = {s["id"]: s for s in self.sector_vocabulary()}
        return [
            Hit(
                Candidate("sectors", i, vocabulary[i]["name"], "sector", vocabulary[i]["group"], None),
                100,
                "sector",
                {"field": "sector name or word", "words": {"names": fold(query).split()}},
                self,
            )
            for i in named
            if i in vocabulary
        ]

    def resolve_row(self, query: str, kinds: Iterable[KindName] | None = None) -> tuple[str, Row]:
        """(kind, row) of the one record a person means by `query`; NotFound, with the
        candidates `show` suggests, when nothing or several match."""
        kind, row, _ = self.resolution(query, kinds)
        return kind, row

    def resolution(self, query: str, kinds: Iterable[KindName] | None = None) -> tuple[str, Row, str | None]:
        """(kind, row, why) of the record a person means: `why` says, in a few words, how the
        query names it where it is not its exact name or id ("other romanization")."""
        from .search import resolve

        wanted = [_kind(k) for k in kinds] if kinds else None
        resolution = resolve(self.store, query, wanted)
        if resolution.entry is None:
            raise NotFound(query, [_candidate(e) for e in resolution.candidates])
        row = self.row(resolution.entry.kind, resolution.entry.id)
        assert row is not None  # the search's entries are the store's records
        return resolution.entry.kind, row, resolution.reason

    def resolve(self, query: str, kinds: Iterable[KindName] | None = None) -> Record:
        """The one record a person means by `query`: what `kcluster show QUERY` opens.
        NotFound, with the candidates `show` suggests, when nothing or several match."""
        kind, row = self.resolve_row(query, kinds)
        record: Record = self._record(kind, row)
        return record


def _candidate(entry: Entry) -> Candidate:
    return Candidate(entry.kind, entry.id, entry.name, entry.label, entry.where, entry.complex)

"""The filters of each kind's list: what `kcluster mini --region honam` and
`catalog.records("mini_clusters", region="honam")` both select, in the order they list it.

A filter's value may name a record any way a person would (an id, a name, a spelling):
it is resolved here, and a value that names nothing raises errors.UnknownValue, listing
the values it can take.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import NotFound, UnknownValue
from .model import Complex, Event, Fact, MiniCluster, Phase, Record
from .romanization import fold

if TYPE_CHECKING:
    from .catalog import Catalog


# --- values named by people --------------------------------------------------------------


def region_id(catalog: Catalog, value: str) -> str:
    """The id of the region `value` names (id, name or any spelling)."""
    return _resolved_id(catalog, "regions", value, "region", catalog.ids("regions"))


def complex_id(catalog: Catalog, value: str, valid: list[str] | None = None, what: str = "complex") -> str:
    """The id of the complex `value` names; `valid` are the ids to list if it names none."""
    return _resolved_id(catalog, "complexes", value, what, valid or catalog.ids("complexes"))


def _resolved_id(catalog: Catalog, kind: str, value: str, what: str, valid: list[str]) -> str:
    if value in valid:
        return value
    try:
        return catalog.resolve(value, kinds=[kind]).id
    except NotFound:
        names = catalog.names(kind)
        listing = ", ".join(f"{i} ({names[i]})" if names[i].lower() != i else i for i in sorted(valid))
        raise UnknownValue(what, f"no {what} {value!r}. Valid values: {listing}.", valid) from None


def source_id(catalog: Catalog, value: str) -> str:
    known = catalog.ids("sources")
    for known_id in known:
        if known_id.casefold() == value.casefold():
            return known_id
    raise UnknownValue("source", f"no source {value!r}. Valid values: {', '.join(sorted(known))}.", sorted(known))


def event_kind(catalog: Catalog, value: str) -> str:
    kinds = event_kinds(catalog)
    for kind in kinds:
        if kind.casefold() == value.casefold():
            return kind
    raise UnknownValue("kind", f"no event kind {value!r}. Valid values: {', '.join(kinds)}.", kinds)


def event_kinds(catalog: Catalog) -> list[str]:
    return sorted({e.kind for e in _typed(catalog.every("events"), Event)})


# --- the filters of each kind ------------------------------------------------------------


def complexes(
    catalog: Catalog, *, region: str | None = None, pilot: bool | int | None = None, industry: str | None = None
) -> list[Complex]:
    """Complexes, pilot rounds first then by name. `pilot`: True for both rounds, or 1 or 2."""
    wanted_region = region_id(catalog, region) if region else None
    chosen = [
        c
        for c in _typed(catalog.every("complexes"), Complex)
        if (wanted_region is None or c.region == wanted_region)
        and _in_pilot(c, pilot)
        and (industry is None or any(industry.casefold() in i.casefold() for i in c.industries))
    ]
    return sorted(chosen, key=lambda c: (c.pilot_round or 9, c.name))


def _in_pilot(record: Complex, pilot: bool | int | None) -> bool:
    if pilot is None or pilot is False:
        return True
    if pilot is True:
        return record.pilot_round is not None
    return record.pilot_round == pilot


def mini_clusters(
    catalog: Catalog, *, region: str | None = None, hub: str | None = None, agro: bool | None = None
) -> list[MiniCluster]:
    """Mini clusters of the 2010 list, in its order. `hub`: the complex that is their hub."""
    wanted_region = region_id(catalog, region) if region else None
    wanted_hub = complex_id(catalog, hub, catalog.mini_cluster_hubs(), "hub complex") if hub else None
    return [
        m
        for m in _typed(catalog.every("mini_clusters"), MiniCluster)
        if (wanted_region is None or m.region == wanted_region)
        and (wanted_hub is None or m.complex == wanted_hub)
        and (agro is None or m.agro_industrial == agro)
    ]


def events(
    catalog: Catalog, *, year_from: int | None = None, year_to: int | None = None, kind: str | None = None
) -> list[Event]:
    """Events by date (then id), from `year_from` to `year_to` inclusive, of one kind."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise UnknownValue("to", f"--to {year_to} is before --from {year_from}.")
    wanted_kind = event_kind(catalog, kind) if kind else None
    chosen = [
        e
        for e in _typed(catalog.every("events"), Event)
        if (year_from is None or int(e.date[:4]) >= year_from)
        and (year_to is None or int(e.date[:4]) <= year_to)
        and (wanted_kind is None or e.kind == wanted_kind)
    ]
    return sorted(chosen, key=lambda e: (e.date, e.id))


def facts(catalog: Catalog, *, subject: str | None = None) -> list[Fact]:
    """Facts grouped by subject (subjects in dataset order), each group by date then source;
    `subject` keeps the groups whose subject id or labels contain all its words."""
    groups = facts_by_subject(catalog)
    if subject:
        wanted = fold(subject).split()
        groups = {
            s: fs for s, fs in groups.items() if all(any(w in fold(f"{s} {f.label}") for f in fs) for w in wanted)
        }
    return [f for fs in groups.values() for f in fs]


def facts_by_subject(catalog: Catalog) -> dict[str, list[Fact]]:
    groups: dict[str, list[Fact]] = {}
    for fact in _typed(catalog.every("facts"), Fact):
        groups.setdefault(fact.subject, []).append(fact)
    return {s: sorted(fs, key=lambda f: (f.as_of or "", f.sources[0].source)) for s, fs in groups.items()}


def phases(catalog: Catalog, *, source: str | None = None) -> list[Phase]:
    """Phases by number; with `source`, only its datings and budgets, and the phases it dates."""
    chosen = sorted(_typed(catalog.every("phases"), Phase), key=lambda p: p.number)
    if source is None:
        return chosen
    wanted = source_id(catalog, source)
    narrowed = [
        dataclasses.replace(
            p,
            periods=tuple(x for x in p.periods if x.source == wanted),
            budget=tuple(b for b in p.budget if b.source == wanted),
        )
        for p in chosen
    ]
    return [p for p in narrowed if p.periods or p.budget or any(c.source == wanted for c in p.sources)]


def _typed(records: list[Record], cls: type) -> list[Any]:
    return [r for r in records if isinstance(r, cls)]


FILTERS: dict[str, Callable[..., list[Any]]] = {
    "complexes": complexes,
    "mini_clusters": mini_clusters,
    "events": events,
    "facts": facts,
    "phases": phases,
}


def apply_filters(catalog: Catalog, kind: str, filters: dict[str, Any]) -> list[Record]:
    """`kind`'s records narrowed by `filters` (the keyword arguments of its function above)."""
    given = {name: value for name, value in filters.items() if value is not None}
    select = FILTERS.get(kind)
    if select is None:
        if given:
            raise TypeError(f"{kind} takes no filters (given: {', '.join(given)})")
        return catalog.every(kind)
    return select(catalog, **given)

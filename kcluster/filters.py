"""The filters of each kind's list: what `kcluster mini --region honam` and
`catalog.rows("mini_clusters", region="honam")` both select, in the order they list it.
They work on the records' export shape (catalog.Row), as the store keeps them.

A filter's value may name a record any way a person would (an id, a name, a spelling):
it is resolved here, and a value that names nothing raises errors.UnknownValue, listing
the values it can take.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import NotFound, UnknownValue
from .romanization import fold

if TYPE_CHECKING:
    from .catalog import Catalog, Row


# --- values named by people --------------------------------------------------------------


def region_id(catalog: Catalog, value: str) -> str:
    """The id of the region `value` names (id, name or any spelling)."""
    return _resolved_id(catalog, "regions", value, "region", catalog.ids("regions"))


def complex_id(catalog: Catalog, value: str, valid: list[str] | None = None, what: str = "complex") -> str:
    """The id of the complex `value` names; `valid` are the ids to list if it names none."""
    return _resolved_id(catalog, "complexes", value, what, valid or catalog.ids("complexes"))


def _resolved_id(catalog: Catalog, kind: str, value: str, what: str, valid: list[str]) -> str:
    typed = value.casefold()
    if typed in valid:  # an id as scripts pass it: no need for the search
        return typed
    try:
        return str(catalog.resolve_row(value, kinds=[kind])[1]["id"])
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
    return sorted({e["kind"] for e in catalog.every_row("events")})


# --- the filters of each kind ------------------------------------------------------------


def complexes(
    catalog: Catalog, *, region: str | None = None, pilot: bool | int | None = None, industry: str | None = None
) -> list[Row]:
    """Complexes, pilot rounds first then by name. `pilot`: True for both rounds, or 1 or 2."""
    wanted_region = region_id(catalog, region) if region else None
    chosen = [
        c
        for c in catalog.every_row("complexes")
        if (wanted_region is None or c["region"] == wanted_region)
        and _in_pilot(c, pilot)
        and (industry is None or any(industry.casefold() in i.casefold() for i in c["industries"]))
    ]
    return sorted(chosen, key=lambda c: (c["pilot_round"] or 9, c["name"]))


def _in_pilot(row: Row, pilot: bool | int | None) -> bool:
    if pilot is None or pilot is False:
        return True
    if pilot is True:
        return row["pilot_round"] is not None
    return bool(row["pilot_round"] == pilot)


def mini_clusters(
    catalog: Catalog, *, region: str | None = None, hub: str | None = None, agro: bool | None = None
) -> list[Row]:
    """Mini clusters of the 2010 list, in its order. `hub`: the complex that is their hub."""
    wanted_region = region_id(catalog, region) if region else None
    wanted_hub = complex_id(catalog, hub, catalog.mini_cluster_hubs(), "hub complex") if hub else None
    return [
        m
        for m in catalog.every_row("mini_clusters")
        if (wanted_region is None or m["region"] == wanted_region)
        and (wanted_hub is None or m["complex"] == wanted_hub)
        and (agro is None or m["agro_industrial"] == agro)
    ]


def events(
    catalog: Catalog, *, year_from: int | None = None, year_to: int | None = None, kind: str | None = None
) -> list[Row]:
    """Events by date (then id), from `year_from` to `year_to` inclusive, of one kind."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise UnknownValue("to", f"--to {year_to} is before --from {year_from}.")
    wanted_kind = event_kind(catalog, kind) if kind else None
    chosen = [
        e
        for e in catalog.every_row("events")
        if (year_from is None or int(e["date"][:4]) >= year_from)
        and (year_to is None or int(e["date"][:4]) <= year_to)
        and (wanted_kind is None or e["kind"] == wanted_kind)
    ]
    return sorted(chosen, key=lambda e: (e["date"], e["id"]))


def facts(catalog: Catalog, *, subject: str | None = None) -> list[Row]:
    """Facts grouped by subject (subjects in dataset order), each group by date then source;
    `subject` keeps the groups whose subject id or labels contain all its words."""
    groups = facts_by_subject(catalog)
    if subject:
        wanted = fold(subject).split()
        groups = {
            s: fs for s, fs in groups.items() if all(any(w in fold(f"{s} {f['label']}") for f in fs) for w in wanted)
        }
    return [f for fs in groups.values() for f in fs]


def facts_by_subject(catalog: Catalog) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for fact in catalog.every_row("facts"):
        groups.setdefault(fact["subject"], []).append(fact)
    return {s: sorted(fs, key=lambda f: (f["as_of"] or "", f["sources"][0]["source"])) for s, fs in groups.items()}


def phases(catalog: Catalog, *, source: str | None = None) -> list[Row]:
    """Phases by number; with `source`, only its datings and budgets, and the phases it dates."""
    chosen = sorted(catalog.every_row("phases"), key=lambda p: p["number"])
    if source is None:
        return chosen
    wanted = source_id(catalog, source)
    narrowed = [
        p
        | {
            "periods": [x for x in p["periods"] if x["source"] == wanted],
            "budget": [b for b in p["budget"] if b["source"] == wanted],
        }
        for p in chosen
    ]
    return [p for p in narrowed if p["periods"] or p["budget"] or any(c["source"] == wanted for c in p["sources"])]


FILTERS: dict[str, Callable[..., list[Row]]] = {
    "complexes": complexes,
    "mini_clusters": mini_clusters,
    "events": events,
    "facts": facts,
    "phases": phases,
}


def apply_filters(catalog: Catalog, kind: str, filters: dict[str, Any]) -> list[Row]:
    """`kind`'s rows narrowed by `filters` (the keyword arguments of its function above)."""
    given = {name: value for name, value in filters.items() if value is not None}
    select = FILTERS.get(kind)
    if select is None:
        if given:
            raise TypeError(f"{kind} takes no filters (given: {', '.join(given)})")
        return list(catalog.every_row(kind))
    return select(catalog, **given)

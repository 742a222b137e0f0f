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


def in_sectors(catalog: Catalog, kind: str, sector: str | list[str] | tuple[str, ...] | None) -> set[str] | None:
    """The ids of `kind`'s records in any of the sectors named (None: no sector asked for)."""
    if not sector:
        return None
    typed = [sector] if isinstance(sector, str) else list(sector)
    wanted = [sector_id for value in typed for sector_id in catalog.sector_ids(value)]
    return {record_id for _, record_id in catalog.sector_members(wanted, kind)}


def _keep(row: Row, ids: set[str] | None) -> bool:
    return ids is None or row["id"] in ids


# --- the filters of each kind ------------------------------------------------------------


def complexes(
    catalog: Catalog,
    *,
    region: str | None = None,
    pilot: bool | int | None = None,
    industry: str | None = None,
    sector: str | list[str] | None = None,
) -> list[Row]:
    """Complexes, pilot rounds first then by name. `pilot`: True for both rounds, or 1 or 2."""
    wanted_region = region_id(catalog, region) if region else None
    in_sector = in_sectors(catalog, "complexes", sector)
    chosen = [
        c
        for c in catalog.every_row("complexes")
        if (wanted_region is None or c["region"] == wanted_region)
        and _keep(c, in_sector)
        and _in_pilot(c, pilot)
        and (industry is None or any(_words_in(industry, i) for i in c["industries"]))
    ]
    return sorted(chosen, key=lambda c: (c["pilot_round"] or 9, c["name"]))


def _words_in(typed: str, text: str) -> bool:
    """Whether every word typed starts a word of the text, folded as the search folds
    them (romanization, plurals): "machin" finds "machinery", "automobile" "automobiles"."""
    from .romanization import word_key

    keys = [word_key(w) for w in fold(text).split()]
    return all(any(k.startswith(word_key(w)) for k in keys) for w in fold(typed).split())


def _in_pilot(row: Row, pilot: bool | int | None) -> bool:
    if pilot is None or pilot is False:
        return True
    if pilot is True:
        return row["pilot_round"] is not None
    return bool(row["pilot_round"] == pilot)


def mini_clusters(
    catalog: Catalog,
    *,
    region: str | None = None,
    hub: str | None = None,
    agro: bool | None = None,
    sector: str | list[str] | None = None,
) -> list[Row]:
    """Mini clusters of the 2010 list, in its order. `hub`: the complex that is their hub."""
    wanted_region = region_id(catalog, region) if region else None
    in_sector = in_sectors(catalog, "mini_clusters", sector)
    wanted_hub = complex_id(catalog, hub, catalog.mini_cluster_hubs(), "hub complex") if hub else None
    return [
        m
        for m in catalog.every_row("mini_clusters")
        if (wanted_region is None or m["region"] == wanted_region)
        and (wanted_hub is None or m["complex"] == wanted_hub)
        and (agro is None or m["agro_industrial"] == agro)
        and _keep(m, in_sector)
    ]


def events(
    catalog: Catalog,
    *,
    year_from: int | None = None,
    year_to: int | None = None,
    kind: str | None = None,
    sector: str | list[str] | None = None,
) -> list[Row]:
    """Events by date (then id), from `year_from` to `year_to` inclusive, of one kind."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise UnknownValue("to", f"--to {year_to} is before --from {year_from}.")
    wanted_kind = event_kind(catalog, kind) if kind else None
    in_sector = in_sectors(catalog, "events", sector)
    chosen = [
        e
        for e in catalog.every_row("events")
        if (year_from is None or int(e["date"][:4]) >= year_from)
        and (year_to is None or int(e["date"][:4]) <= year_to)
        and (wanted_kind is None or e["kind"] == wanted_kind)
        and _keep(e, in_sector)
    ]
    return sorted(chosen, key=lambda e: (e["date"], e["id"]))


def facts(catalog: Catalog, *, subject: str | None = None) -> list[Row]:
    """Facts grouped by subject (subjects in dataset order), each group by date then source;
    `subject` keeps the groups whose subject id or labels contain all its words."""
    groups = facts_by_subject(catalog)
    if subject:
        groups = {s: fs for s, fs in groups.items() if any(_words_in(subject, f"{s} {f['label']}") for f in fs)}
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


def regions(catalog: Catalog, *, sector: str | list[str] | None = None) -> list[Row]:
    """The regions; with `sector`, those whose strategic industries name it."""
    in_sector = in_sectors(catalog, "regions", sector)
    return [r for r in catalog.every_row("regions") if _keep(r, in_sector)]


def partnerships(catalog: Catalog, *, sector: str | list[str] | None = None, country: str | None = None) -> list[Row]:
    """ESCP-4i partnerships targeting Korea; `country`: one of the third countries targeted."""
    in_sector = in_sectors(catalog, "partnerships", sector)
    wanted = fold(country) if country else None
    return [
        p
        for p in catalog.every_row("partnerships")
        if _keep(p, in_sector) and (wanted is None or any(wanted in fold(c) for c in p["countries"]))
    ]


def stories(catalog: Catalog, *, complex: str | None = None, sector: str | list[str] | None = None) -> list[Row]:
    """The success stories; `complex`: one that the story is about."""
    wanted = complex_id(catalog, complex) if complex else None
    in_sector = in_sectors(catalog, "stories", sector)
    return [
        s for s in catalog.every_row("stories") if _keep(s, in_sector) and (wanted is None or wanted in s["complexes"])
    ]


def _one_of(catalog: Catalog, kind: str, field: str, value: str, what: str) -> str:
    """The value of `field` among `kind`'s records that `value` names, case aside."""
    values = sorted({row[field] for row in catalog.every_row(kind) if row.get(field)})
    for known in values:
        if known.casefold() == value.casefold():
            return str(known)
    raise UnknownValue(what, f"no {what} {value!r}. Valid values: {', '.join(values)}.", values)


def programmes(catalog: Catalog, *, kind: str | None = None, organisation: str | None = None) -> list[Row]:
    """Programmes, projects, policies and laws; `kind` as the records name it."""
    wanted_kind = _one_of(catalog, "programmes", "kind", kind, "kind") if kind else None
    wanted = (
        _resolved_id(catalog, "organisations", organisation, "organisation", catalog.ids("organisations"))
        if organisation
        else None
    )
    return [
        p
        for p in catalog.every_row("programmes")
        if (wanted_kind is None or p["kind"] == wanted_kind) and (wanted is None or p["organisation"] == wanted)
    ]


def organisations(catalog: Catalog, *, kind: str | None = None, country: str | None = None) -> list[Row]:
    """Organisations; `kind` (agency, ministry, university, ...) and `country` as the records name them."""
    wanted_kind = _one_of(catalog, "organisations", "kind", kind, "kind") if kind else None
    wanted_country = _one_of(catalog, "organisations", "country", country, "country") if country else None
    return [
        o
        for o in catalog.every_row("organisations")
        if (wanted_kind is None or o["kind"] == wanted_kind)
        and (wanted_country is None or o["country"] == wanted_country)
    ]


FILTERS: dict[str, Callable[..., list[Row]]] = {
    "complexes": complexes,
    "mini_clusters": mini_clusters,
    "regions": regions,
    "events": events,
    "facts": facts,
    "phases": phases,
    "partnerships": partnerships,
    "stories": stories,
    "programmes": programmes,
    "organisations": organisations,
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

"""What each output contains, as plain dicts in the export shape, with related records embedded.

`--json` prints these dicts and the tables for people are drawn from them, so both always
show the same thing. They are made from the store's rows (catalog.Row): no record types
are built. No click, no rich here.
"""

from __future__ import annotations

from typing import Any

from .catalog import Catalog, Row
from .kinds import KIND_NAMES


def dump(catalog: Catalog) -> dict[str, list[Row]]:
    """The whole dataset: {kind: [record, ...]}, the stable machine shape; then, apart from
    the sourced records, kcluster's sector classification (`sectors`, `sector_assignments`)."""
    everything = {kind: list(catalog.every_row(kind)) for kind in KIND_NAMES}
    everything["sectors"] = catalog.sector_vocabulary()
    everything["sector_assignments"] = catalog.sector_assignments()
    return everything


def page(catalog: Catalog, kind: str, row: Row) -> dict[str, Any]:
    """A record as `show` presents it: its export shape plus the related records a person wants."""
    view = dict(row)
    view["type"] = kind
    record_id = row["id"]

    def related(relation: str, target: str) -> list[Row]:
        return catalog.rows_of(target, catalog.related(kind, record_id, relation))

    if kind == "complexes":
        region = catalog.row("regions", row["region"])
        view["region_name"] = region["name"] if region else None
        view["office"] = _first(related("office", "branches"))
        view["mini_clusters"] = related("mini_clusters", "mini_clusters")
        view["facts"] = related("facts", "facts")
        view["stories"] = related("stories", "stories")
    elif kind == "regions":
        view["hub_complexes"] = [
            hub | {"mini_cluster_count": len(catalog.related("complexes", hub["id"], "mini_clusters"))}
            for hub in catalog.rows_of("complexes", row["hubs"])
        ]
        view["mini_cluster_count"] = len(catalog.related(kind, record_id, "mini_clusters"))
        view["facts"] = related("facts", "facts")
    elif kind == "mini_clusters":
        view["hub_complex"] = catalog.row("complexes", row["complex"])
        view["office"] = _first(related("office", "branches"))
    elif kind == "branches":
        view["complexes"] = related("complexes", "complexes")
        view["mini_clusters"] = related("mini_clusters", "mini_clusters")
    elif kind == "stories":
        names = [catalog.row("complexes", c) for c in row["complexes"]]
        view["complex_names"] = [n["name"] if n else None for n in names]
    sectors = catalog.sectors_of(kind, record_id)
    if sectors:  # kcluster's classification, apart from the sourced fields
        view["sectors"] = sectors
    elif (note := catalog.unclassified_note(kind, record_id)) is not None:
        view["sectors"] = []
        view["sectors_note"] = note
    if row.get("same_as"):  # the same entity recorded as another kind: named, with its reference
        view["same_as_names"] = [_named_reference(catalog, reference) for reference in row["same_as"]]
    return view


def _named_reference(catalog: Catalog, reference: str) -> str:
    from .kinds import name_field

    kind, _, record_id = reference.partition(":")
    other = catalog.row(kind, record_id)
    return f"{other[name_field(kind)]} ({reference})" if other else reference


def citations(catalog: Catalog, view: Any) -> list[dict[str, str]]:
    """Every distinct citation in a view (nested records too) with its quote and the
    source's title, by source and section (the quotes of one section in the order cited)."""
    found: dict[tuple[str, str, str], dict[str, str]] = {}
    _collect_citations(view, found)
    for citation in found.values():
        source = catalog.row("sources", citation["source"])
        citation["title"] = source["title"] if source else ""
    return sorted(found.values(), key=lambda c: (c["source"], c["section"]))


def _collect_citations(value: Any, found: dict[tuple[str, str, str], dict[str, str]]) -> None:
    """Every table that names a source and a section, at any depth (evidence.citations_of):
    a record's `sources`, a phase's periods and budgets, a complex's hub listings, related
    records' too."""
    from .evidence import citations_of

    for _, citation in citations_of(value):
        if isinstance(citation.get("section"), str):
            key = (citation["source"], citation["section"], citation.get("quote") or "")
            found.setdefault(key, {k: citation[k] for k in ("source", "section", "quote") if k in citation})


def _first(rows: list[Row]) -> Row | None:
    return rows[0] if rows else None


SECTOR_PAGE_KINDS = ("regions", "complexes", "mini_clusters", "partnerships", "events", "stories")
CLASSIFICATION_NOTE = (
    "Which records are in a sector is kcluster's own classification of the records' words "
    "(kcluster/data/sectors.toml), not the sources': each record shows the words it comes from."
)


def sector_page(catalog: Catalog, sector_ids: list[str]) -> dict[str, Any]:
    """Where the sectors are in Korea: their records by kind, each with the words it was
    classified by; the mini clusters with their KICOX office, the offices with address;
    the facts about the regions and complexes found."""
    vocabulary = {s["id"]: s for s in catalog.sector_vocabulary()}
    members = catalog.sector_members(sector_ids)
    view: dict[str, Any] = {
        "sectors": [vocabulary[s] for s in sector_ids if s in vocabulary],
        "note": CLASSIFICATION_NOTE,
        "members": len(members),
    }
    for kind in SECTOR_PAGE_KINDS:
        rows = catalog.rows_of(kind, [record_id for k, record_id in members if k == kind])
        view[kind] = [row | {"classification": _classified(catalog, kind, row["id"], sector_ids)} for row in rows]
    offices: dict[str, Row] = {}
    for mini in view["mini_clusters"]:
        office = _first(catalog.rows_of("branches", catalog.related("mini_clusters", mini["id"], "office")))
        mini["office"] = office
        if office:
            offices.setdefault(office["id"], office)
    view["offices"] = list(offices.values())
    hubs = catalog.rows_of("complexes", dict.fromkeys(m["complex"] for m in view["mini_clusters"]))
    view["hub_names"] = {hub["id"]: hub["name"] for hub in hubs}
    fact_ids = dict.fromkeys(
        f for kind in ("regions", "complexes") for r in view[kind] for f in catalog.related(kind, r["id"], "facts")
    )
    view["facts"] = catalog.rows_of("facts", fact_ids)
    return view


def _classified(catalog: Catalog, kind: str, record_id: str, sector_ids: list[str]) -> list[Row]:
    return [a for a in catalog.sectors_of(kind, record_id) if a["sector"] in sector_ids]

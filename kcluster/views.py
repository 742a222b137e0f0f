"""What each output contains, as plain dicts in the export shape, with related records embedded.

`--json` prints these dicts and the tables for people are drawn from them, so both always
show the same thing. No click, no rich here.
"""

from typing import Any

from .catalog import Catalog
from .model import Branch, Complex, MiniCluster, Record, Region, Source, Story


def dump(catalog: Catalog) -> dict[str, list[dict[str, Any]]]:
    """The whole dataset: {kind: [record, ...]}, the stable machine shape."""
    return {kind: [record.to_dict() for record in records] for kind, records in catalog.records.items()}


def page(catalog: Catalog, record: Record) -> dict[str, Any]:
    """A record as `show` presents it: its export shape plus the related records a person wants."""
    view = record.to_dict()
    view["type"] = record.KIND
    if isinstance(record, Complex):
        view |= _complex_relations(catalog, record)
    elif isinstance(record, Region):
        view |= _region_relations(catalog, record)
    elif isinstance(record, MiniCluster):
        hub = catalog.get(Complex, record.complex)
        view["hub_complex"] = hub.to_dict() if hub else None
        view["office"] = _dict_or_none(catalog.branch_of(record))
    elif isinstance(record, Branch):
        view["complexes"] = [c.to_dict() for c in catalog.complexes_served_by(record.id)]
        view["mini_clusters"] = [m.to_dict() for m in catalog.of(MiniCluster) if catalog.branch_of(m) is record]
    elif isinstance(record, Story):
        view["complex_names"] = [_name(catalog.get(Complex, c)) for c in record.complexes]
    return view


def _complex_relations(catalog: Catalog, record: Complex) -> dict[str, Any]:
    return {
        "region_name": _name(catalog.region_of(record)),
        "office": _dict_or_none(catalog.branch_of(record)),
        "mini_clusters": [m.to_dict() for m in catalog.mini_clusters_of(record.id)],
        "facts": [f.to_dict() for f in catalog.facts_about(record.id)],
        "stories": [s.to_dict() for s in catalog.stories_of(record.id)],
    }


def _region_relations(catalog: Catalog, record: Region) -> dict[str, Any]:
    hubs = []
    for hub_id in record.hubs:
        hub = catalog.get(Complex, hub_id)
        if hub:
            hubs.append(hub.to_dict() | {"mini_cluster_count": len(catalog.mini_clusters_of(hub_id))})
    return {
        "hub_complexes": hubs,
        "mini_cluster_count": len(catalog.mini_clusters_in(record.id)),
        "facts": [f.to_dict() for f in catalog.facts_about(record.id)],
    }


def citations(catalog: Catalog, view: Any) -> list[dict[str, str]]:
    """Every distinct citation in a view (nested records too), with the source's title."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    _collect_citations(view, found)
    for citation in found.values():
        source = catalog.get(Source, citation["source"])
        citation["title"] = source.title if source else ""
    return sorted(found.values(), key=lambda c: (c["source"], c["section"]))


def _collect_citations(value: Any, found: dict[tuple[str, str], dict[str, str]]) -> None:
    if isinstance(value, dict):
        for citation in value.get("sources") or ():
            if isinstance(citation, dict) and "section" in citation:
                found.setdefault((citation["source"], citation["section"]), dict(citation))
        for item in value.values():
            _collect_citations(item, found)
    elif isinstance(value, list):
        for item in value:
            _collect_citations(item, found)


def _dict_or_none(record: Record | None) -> dict[str, Any] | None:
    return record.to_dict() if record else None


def _name(record: Record | None) -> str | None:
    return record.display_name if record else None

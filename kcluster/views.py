"""What each output contains, as plain dicts in the export shape, with related records embedded.

`--json` prints these dicts and the tables for people are drawn from them, so both always
show the same thing. No click, no rich here.
"""

from __future__ import annotations

from typing import Any

from .catalog import Catalog
from .kinds import KIND_NAMES
from .model import Branch, Complex, MiniCluster, Record, Region, Story


def dump(catalog: Catalog) -> dict[str, list[dict[str, Any]]]:
    """The whole dataset: {kind: [record, ...]}, the stable machine shape."""
    return {kind: [record.to_dict() for record in catalog.every(kind)] for kind in KIND_NAMES}


def page(catalog: Catalog, record: Record) -> dict[str, Any]:
    """A record as `show` presents it: its export shape plus the related records a person wants."""
    view = record.to_dict()
    view["type"] = record.KIND
    if isinstance(record, Complex):
        view |= _complex_relations(catalog, record)
    elif isinstance(record, Region):
        view |= _region_relations(catalog, record)
    elif isinstance(record, MiniCluster):
        view["hub_complex"] = _dict_or_none(catalog.find("complexes", record.complex))
        view["office"] = _dict_or_none(catalog.office_of(record))
    elif isinstance(record, Branch):
        view["complexes"] = [c.to_dict() for c in catalog.complexes_served_by(record)]
        view["mini_clusters"] = [m.to_dict() for m in catalog.mini_clusters_served_by(record)]
    elif isinstance(record, Story):
        view["complex_names"] = [_name(catalog.find("complexes", c)) for c in record.complexes]
    return view


def _complex_relations(catalog: Catalog, record: Complex) -> dict[str, Any]:
    return {
        "region_name": _name(catalog.region_of(record)),
        "office": _dict_or_none(catalog.office_of(record)),
        "mini_clusters": [m.to_dict() for m in catalog.mini_clusters_of(record)],
        "facts": [f.to_dict() for f in catalog.facts_about(record)],
        "stories": [s.to_dict() for s in catalog.stories_of(record)],
    }


def _region_relations(catalog: Catalog, record: Region) -> dict[str, Any]:
    hubs = [
        hub.to_dict() | {"mini_cluster_count": len(catalog.mini_clusters_of(hub))}
        for hub in catalog.hub_complexes(record)
    ]
    return {
        "hub_complexes": hubs,
        "mini_cluster_count": len(catalog.mini_clusters_of(record)),
        "facts": [f.to_dict() for f in catalog.facts_about(record)],
    }


def citations(catalog: Catalog, view: Any) -> list[dict[str, str]]:
    """Every distinct citation in a view (nested records too), with the source's title."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    _collect_citations(view, found)
    for citation in found.values():
        source = catalog.find("sources", citation["source"])
        citation["title"] = source.display_name if source else ""
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

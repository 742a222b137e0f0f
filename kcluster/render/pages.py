"""`show` pages for people: one layout per kind, from the dict `views.page` builds."""

from typing import Any

from rich.console import Group

from .tables import (
    cited,
    facts_table,
    field_table,
    heading,
    mini_clusters_table,
    new_table,
    notes_block,
    sources_block,
    stack,
    text,
    titled,
)

KIND_LABELS = {
    "regions": "pan-regional zone",
    "complexes": "industrial complex",
    "mini_clusters": "mini cluster",
    "branches": "KICOX office",
    "phases": "programme phase",
    "events": "event",
    "programmes": "programme",
    "organisations": "organisation",
    "facts": "fact",
    "stories": "success story",
    "partnerships": "ESCP-4i partnership",
    "comparisons": "row of the German-Korean comparison (bmbf-de-kr, Table 1)",
    "sources": "source document",
}


def render_page(view: dict[str, Any], citations: list[dict[str, str]] | None = None) -> Group:
    """A record's page; with `citations` (views.citations), its Sources list every quote."""
    title = view.get("name") or view.get("title") or view.get("label") or view["id"]
    shown = dict(view)
    if shown.get("region_name"):
        shown["region"] = f"{shown.pop('region_name')} ({view['region']})"
    if shown.get("office"):
        shown.pop("branch", None)  # shown with its address below
    if shown.get("same_as_names"):
        shown["same_as"] = shown.pop("same_as_names")
    if "sectors" in shown:  # derived: kcluster's classification, with the words it comes from
        assigned = shown.pop("sectors")
        note = shown.pop("sectors_note", None)
        shown["sectors (derived)"] = [f"{a['name']} (from '{a['words']}')" for a in assigned] or [f"none: {note}"]
    if "hub_in" in shown:  # the listings that name it a hub: their quotes are in --sources
        listings = dict.fromkeys(f"{c['source']}: {c['section']}" for c in shown.pop("hub_in"))
        shown["named a hub in"] = list(listings)
    # What a person came for first (names, region, office, mini clusters), the long texts after.
    later = {key: shown.pop(key) for key in LATER_FIELDS if key in shown}
    parts: list[Any] = [heading(str(title), f"{KIND_LABELS[view['type']]}, id {view['id']}"), field_table(shown)]
    parts += _lead_sections(view)
    if any(value not in (None, [], {}, "") for value in later.values()):
        parts.append(field_table(later))
    parts += _sections(view)
    parts.append(notes_block(view.get("notes") or []))
    parts.append(sources_block(citations) if citations is not None else text_block("Sources", cited(view)))
    return stack(*parts)


# Fields a page shows after its lead sections: long texts, and lists that matter less.
LATER_FIELDS = (
    "description",
    "summary",
    "vision",
    "mini_clusters_2009",
    "named a hub in",
    "connected_complexes",
    "goals",
    "projects",
    "targets",
    "provinces",
)


def _lead_sections(view: dict[str, Any]) -> list[Any]:
    parts: list[Any] = []
    office = view.get("office")
    if office:
        address = office.get("address") or "(no address printed)"
        parts.append(text_block("KICOX office", f"{office['name']} ({office['id']})\n{address}"))
    if view.get("hub_complex"):
        hub = view["hub_complex"]
        parts.append(text_block("Hub complex", f"{hub['name']} ({hub['id']})"))
    if view.get("mini_clusters"):
        parts.append(mini_clusters_table(view["mini_clusters"], title="Mini clusters (2010 list)"))
    return parts


def _sections(view: dict[str, Any]) -> list[Any]:
    parts: list[Any] = []
    if view.get("periods"):
        table = new_table("start", "end", "source", title="Dates, as each source gives them")
        for period in view["periods"]:
            table.add_row(period["start"], period.get("end") or "", f"{period['source']}: {period['section']}")
        parts.append(table)
    if view.get("budget"):
        table = new_table("year", "amount", "source", title="Budget")
        for row in view["budget"]:
            table.add_row(row["year"], f"{row['amount']} {row['unit']}", row["source"])
        parts.append(table)
    if view.get("figures"):
        table = new_table("figure", "value", title="Key figures")
        for figure in view["figures"]:
            table.add_row(figure["label"], f"{figure['value']} {figure.get('unit') or ''}".strip())
        parts.append(table)
    if view.get("hub_complexes"):
        table = new_table("hub", "industries", "mini clusters", title="Hubs")
        for hub in view["hub_complexes"]:
            table.add_row(f"{hub['name']} ({hub['id']})", text(hub["industries"]), str(hub["mini_cluster_count"]))
        parts.append(table)
    if view.get("complexes") and isinstance(view["complexes"][0], dict):
        table = new_table("complex", "industries", title="Complexes served")
        for complex_ in view["complexes"]:
            table.add_row(f"{complex_['name']} ({complex_['id']})", text(complex_["industries"]))
        parts.append(table)
    if view.get("facts"):
        parts.append(facts_table(view["facts"], title="Facts"))
    if view.get("stories"):
        parts.append(text_block("Success stories", "\n".join(f"{s['title']} ({s['id']})" for s in view["stories"])))
    return parts


def text_block(title: str, body: str):

    block = titled(title)
    block.append(body)
    return block

"""The sector page for people: one section a kind, the mini clusters ready to call."""

from typing import Any

from rich.console import Group

from .tables import mini_clusters_table, new_table, stack, text, titled


def sector_page(view: dict[str, Any]) -> Group:
    names = " · ".join(
        f"{s['name']} ({'emerging' if s['group'] == 'emerging' else 'sectoral'})" for s in view["sectors"]
    )
    header = titled(names)
    header.append(view["note"])
    parts: list[Any] = [header]

    def words(row: dict[str, Any]) -> str:
        return "; ".join(dict.fromkeys(a["words"] for a in row["classification"]))

    if view["regions"]:
        table = new_table("region", "from its industries", "id", title="Regions whose strategy names it")
        for row in view["regions"]:
            table.add_row(row["name"], words(row), row["id"])
        parts.append(table)
    if view["complexes"]:
        table = new_table("complex", "from its industries", "id", title="Industrial complexes")
        for row in view["complexes"]:
            table.add_row(row["name"], words(row), row["id"])
        parts.append(table)
    if view["mini_clusters"]:
        parts.append(
            mini_clusters_table(
                view["mini_clusters"],
                title="Mini clusters (2010 list): who to call",
                hub_names=view["hub_names"],
            )
        )
    if view["offices"]:
        table = new_table("KICOX office", "address", "id", title="Their KICOX offices")
        for row in view["offices"]:
            table.add_row(row["name"], row["address"] or "", row["id"])
        parts.append(table)
    if view["partnerships"]:
        table = new_table("partnership\nid", "sectors (the ECCP's)", title="ESCP-4i partnerships targeting Korea")
        for row in view["partnerships"]:
            table.add_row(f"{row['acronym']}: {row['name']}\n{row['id']}", text(row["sectors"]))
        parts.append(table)
    if view["events"]:
        table = new_table("date", "event\nid", title="EU-Korea events")
        for row in view["events"]:
            table.add_row(row["date"], f"{row['title']}\n{row['id']}")
        parts.append(table)
    if view["stories"]:
        table = new_table("story\nid", title="Success stories")
        for row in view["stories"]:
            table.add_row(f"{row['title']}\n{row['id']}")
        parts.append(table)
    if view["facts"]:
        table = new_table("fact\nid", "value", "as of", title="Facts about these regions and complexes")
        for row in view["facts"]:
            value = " ".join(str(part) for part in (row.get("qualifier"), row["value"], row["unit"]) if part)
            table.add_row(f"{row['label']}\n{row['id']}", value, row["as_of"] or "")
        parts.append(table)
    return stack(*parts)

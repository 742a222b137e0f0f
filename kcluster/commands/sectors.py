import click

from ..context import Session, pass_session
from .options import emit_records, output_format, print_rich

# The kinds a sector's records are counted in, with the column each gets.
COUNTED = {
    "complexes": "complexes",
    "mini_clusters": "mini clusters",
    "regions": "regions",
    "partnerships": "ESCP-4i partnerships",
    "events": "events",
    "stories": "stories",
}


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Also the sectors no Korean record is in.")
@output_format()
@pass_session
def sectors(session: Session, show_all: bool, output_format: str) -> None:
    """The sectors European clusters use, with how many Korean records are in each.

    The vocabulary is the European Cluster Observatory's 51 sectoral and 10
    emerging industries. Which Korean records are in which sector is kcluster's
    own classification of the records' words (kcluster/data/sectors.toml), not the
    sources': `kcluster sector NAME` shows each record with the words it comes from.

    \b
    Examples:
      kcluster sectors
      kcluster sectors --all --json | jq -r '.[].name'
      kcluster sector "medical devices"
    """
    catalog = session.catalog
    rows = []
    for sector in catalog.sector_vocabulary():
        members = catalog.sector_members([sector["id"]])
        counts = {kind: sum(1 for k, _ in members if k == kind) for kind in COUNTED}
        if show_all or any(counts.values()):
            rows.append(sector | {"counts": counts})

    def table() -> None:
        from ..render.tables import new_table

        drawn = new_table("sector\nid", "Korean records in it")
        for row in rows:
            name = row["name"] + (" (emerging)" if row["group"] == "emerging" else "")
            counts = [f"{row['counts'][kind]} {label}" for kind, label in COUNTED.items() if row["counts"][kind]]
            drawn.add_row(f"{name}\n{row['id']}", ", ".join(counts))
        print_rich(drawn)

    emit_records(rows, output_format, table)

import click

from ..context import Session, pass_session
from .options import emit_records, listed_rows, output_format, print_rich


@click.command()
@output_format()
@pass_session
def offices(session: Session, output_format: str) -> None:
    """List the KICOX offices (headquarters and branches) with their addresses.

    The addresses are those the 2010 mini cluster list prints; `kcluster show ID`
    gives the complexes and mini clusters an office serves.

    \b
    Examples:
      kcluster offices
      kcluster offices --json | jq -r '.[] | .name'
    """
    catalog = session.catalog
    chosen = listed_rows("branches")

    def table() -> None:
        from ..render.tables import new_table

        rows = new_table("office\nid", "address", "mini clusters")
        for o in chosen:
            served = len(catalog.related("branches", o["id"], "mini_clusters"))
            rows.add_row(f"{o['name']}\n{o['id']}", o["address"] or "", str(served or ""))
        print_rich(rows)

    emit_records(chosen, output_format, table)

import click

from ..context import Session, pass_session
from .options import emit_records, listed_rows, output_format, print_rich, say_if_empty, sector_option


@click.command()
@sector_option("regions whose strategic industries are")
@output_format()
@pass_session
def regions(session: Session, sector: tuple[str, ...], output_format: str) -> None:
    """List the 5+2 pan-regional economic zones: provinces, industries, hubs.

    \b
    Examples:
      kcluster regions
      kcluster regions --sector shipbuilding
      kcluster regions --json | jq '.[] | {id, hubs}'
    """
    catalog = session.catalog
    chosen = listed_rows("regions", sector=sector)
    say_if_empty(chosen, "regions", sector=sector)

    def table() -> None:
        from ..render.tables import new_table, text

        rows = new_table("region\nid", "provinces", "specialised industries", "hubs (mini clusters)")
        for r in chosen:
            hubs = [
                f"{hub['name']} ({len(catalog.related('complexes', hub['id'], 'mini_clusters'))})"
                for hub in catalog.rows_of("complexes", r["hubs"])
            ]
            rows.add_row(f"{r['name']}\n{r['id']}", text(r["provinces"]), text(r["industries"]), text(hubs))
        print_rich(rows)

    emit_records(chosen, output_format, table)

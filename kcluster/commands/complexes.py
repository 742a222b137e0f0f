import click

from ..context import Session, pass_session
from .options import emit_records, output_format, print_rich, region_option


@click.command()
@region_option()
@click.option("--pilot", is_flag=True, help="Only the 12 pilot complexes (rounds 1 and 2).")
@click.option("--industry", metavar="TEXT", help="Only complexes whose industries mention TEXT.")
@output_format()
@pass_session
def complexes(session: Session, region: str | None, pilot: bool, industry: str | None, output_format: str) -> None:
    """List industrial complexes: region, industries, pilot round, mini clusters.

    \b
    Examples:
      kcluster complexes --pilot
      kcluster complexes --region dongnam --industry machin
      kcluster complexes --format csv > complexes.csv
    """
    catalog = session.catalog
    chosen = catalog.rows("complexes", region=region, pilot=pilot or None, industry=industry)

    def table() -> None:
        from ..render.tables import new_table, text

        regions = catalog.names("regions")
        rows = new_table("complex", "region", "industries", "pilot", "mini clusters", "id")
        for c in chosen:
            rows.add_row(
                c["name"],
                regions.get(c["region"] or "", ""),
                text(c["industries"]),
                str(c["pilot_round"] or ""),
                str(len(catalog.related("complexes", c["id"], "mini_clusters")) or ""),
                c["id"],
            )
        print_rich(rows)

    emit_records(chosen, output_format, table)

import click

from ..context import Session, pass_session
from .options import emit_records, listed_rows, output_format, print_rich, region_option, say_if_empty, sector_option


@click.command()
@region_option()
@click.option(
    "--pilot",
    type=click.Choice(["1", "2", "both"]),
    is_flag=False,
    flag_value="both",
    default=None,
    help="Only the pilot complexes: of round 1 (2005), round 2, or both (--pilot alone).",
)
@click.option("--industry", metavar="TEXT", help="Only complexes whose industries mention TEXT.")
@sector_option("complexes")
@output_format()
@pass_session
def complexes(
    session: Session,
    region: str | None,
    pilot: str | None,
    industry: str | None,
    sector: tuple[str, ...],
    output_format: str,
) -> None:
    """List industrial complexes: region, industries, pilot round, mini clusters.

    \b
    Examples:
      kcluster complexes --pilot
      kcluster complexes --pilot 1
      kcluster complexes --region dongnam --industry machin
      kcluster complexes --sector automotive
      kcluster complexes --format csv > complexes.csv
    """
    catalog = session.catalog
    rounds = {None: None, "both": True, "1": 1, "2": 2}[pilot]
    chosen = listed_rows("complexes", region=region, pilot=rounds, industry=industry, sector=sector)
    say_if_empty(chosen, "complexes", region=region, pilot=pilot, industry=industry, sector=sector)

    def table() -> None:
        from ..render.tables import new_table, text

        regions = catalog.names("regions")
        rows = new_table("complex\nid", "region", "industries", "pilot", "mini clusters")
        for c in chosen:
            rows.add_row(
                f"{c['name']}\n{c['id']}",
                regions.get(c["region"] or "", ""),
                text(c["industries"]),
                str(c["pilot_round"] or ""),
                str(len(catalog.related("complexes", c["id"], "mini_clusters")) or ""),
            )
        print_rich(rows)

    emit_records(chosen, output_format, table)

import click

from ..context import Session, pass_session
from .options import (
    LIST_FORMATS,
    emit_records,
    emit_vcards,
    hub_option,
    listed_rows,
    output_format,
    print_rich,
    region_option,
    say_if_empty,
    sector_option,
)


@click.command()
@region_option()
@hub_option()
@click.option("--agro/--no-agro", default=None, help="Only agro-industrial complexes' mini clusters, or none of them.")
@sector_option("mini clusters")
@output_format((*LIST_FORMATS, "vcard"))
@pass_session
def mini(
    session: Session,
    region: str | None,
    hub: str | None,
    agro: bool | None,
    sector: tuple[str, ...],
    output_format: str,
) -> None:
    """List the mini clusters of the 2010 KICOX list: hub, URL, extension, full phone.

    The full number is +82-70-8895- and the extension (from the list's header).

    \b
    Examples:
      kcluster mini --region Honam
      kcluster mini --hub gumi --json | jq '.[].url'
      kcluster mini --agro --format csv
      kcluster mini --sector "medical devices"
      kcluster mini --hub changwon --format vcard > changwon.vcf
    """
    catalog = session.catalog
    rows = listed_rows("mini_clusters", region=region, hub=hub, agro=agro, sector=sector)
    if hub and not catalog.related("complexes", hub, "mini_clusters"):
        click.echo(f"{catalog.names('complexes')[hub]} has no mini clusters in the 2010 list.", err=True)
    elif output_format != "vcard":
        say_if_empty(rows, "mini clusters", region=region, hub=hub, agro=agro, sector=sector)
    if output_format == "vcard":
        if not rows:
            click.echo("no mini clusters match: no vCards to print.", err=True)
        emit_vcards(catalog, catalog.many("mini_clusters", [m["id"] for m in rows]))
        return

    def table() -> None:
        from ..render.tables import mini_clusters_table

        print_rich(mini_clusters_table(rows, hub_names=catalog.names("complexes")))

    emit_records(rows, output_format, table)

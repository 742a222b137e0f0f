"""The list commands: complexes, mini, regions, sources."""

import click

from ..context import pass_session
from .options import LIST_FORMATS, emit_records, emit_vcards, hub_option, output_format, print_rich, region_option


@click.command()
@region_option()
@click.option("--pilot", is_flag=True, help="Only the 12 pilot complexes (rounds 1 and 2).")
@click.option("--industry", metavar="TEXT", help="Only complexes whose industries mention TEXT.")
@output_format()
@pass_session
def complexes(session, region: str | None, pilot: bool, industry: str | None, output_format: str) -> None:
    """List industrial complexes: region, industries, pilot round, mini clusters.

    \b
    Examples:
      kcluster complexes --pilot
      kcluster complexes --region dongnam --industry machin
      kcluster complexes --format csv > complexes.csv
    """
    from ..model import Complex, Region

    catalog = session.catalog
    chosen = [
        c for c in catalog.of(Complex)
        if (region is None or c.region == region)
        and (not pilot or c.pilot_round is not None)
        and (industry is None or any(industry.casefold() in i.casefold() for i in c.industries))
    ]
    chosen.sort(key=lambda c: (c.pilot_round or 9, c.name))

    def table():
        from ..render.tables import new_table, text

        regions = {r.id: r.name for r in catalog.of(Region)}
        rows = new_table("complex", "region", "industries", "pilot", "mini clusters", "id")
        for c in chosen:
            rows.add_row(c.name, regions.get(c.region or "", ""), text(list(c.industries)),
                         str(c.pilot_round or ""), str(len(catalog.mini_clusters_of(c.id)) or ""), c.id)
        print_rich(rows)

    emit_records([c.to_dict() for c in chosen], output_format, table)


@click.command()
@region_option()
@hub_option()
@click.option("--agro/--no-agro", default=None, help="Only agro-industrial complexes' mini clusters, or none of them.")
@output_format((*LIST_FORMATS, "vcard"))
@pass_session
def mini(session, region: str | None, hub: str | None, agro: bool | None, output_format: str) -> None:
    """List the mini clusters of the 2010 KICOX list: hub, URL, extension, full phone.

    The full number is +82-70-8895- and the extension (from the list's header).

    \b
    Examples:
      kcluster mini --region Honam
      kcluster mini --hub gumi --json | jq '.[].url'
      kcluster mini --agro --format csv
      kcluster mini --hub changwon --format vcard > changwon.vcf
    """
    compiled = session.compiled  # the mini clusters as dicts in the export shape, precomputed
    chosen = [
        m for m in compiled.rows("mini_clusters")
        if (region is None or m["region"] == region) and (hub is None or m["complex"] == hub)
        and (agro is None or m["agro_industrial"] == agro)
    ]
    if output_format == "vcard":
        _print_vcards(session.catalog, [m["id"] for m in chosen])
        return

    def table():
        from ..render.tables import mini_clusters_table

        print_rich(mini_clusters_table(chosen, hub_names=compiled.names("complexes")))

    emit_records(chosen, output_format, table)


def _print_vcards(catalog, ids: list[str]) -> None:
    from ..model import MiniCluster

    chosen = [catalog.get(MiniCluster, record_id) for record_id in ids]
    if not chosen:
        click.echo("no mini clusters match: no vCards to print.", err=True)
    emit_vcards(catalog, chosen)


@click.command()
@output_format()
@pass_session
def regions(session, output_format: str) -> None:
    """List the 5+2 pan-regional economic zones: provinces, industries, hubs.

    \b
    Examples:
      kcluster regions
      kcluster regions --json | jq '.[] | {id, hubs}'
    """
    from ..model import Complex, Region

    catalog = session.catalog
    chosen = list(catalog.of(Region))

    def table():
        from ..render.tables import new_table, text

        rows = new_table("region", "provinces", "specialised industries", "hubs", "mini clusters", "id")
        for r in chosen:
            hubs = [hub.name for h in r.hubs if (hub := catalog.get(Complex, h))]
            rows.add_row(r.name, text(list(r.provinces)), text(list(r.industries)), text(hubs),
                         str(len(catalog.mini_clusters_in(r.id))), r.id)
        print_rich(rows)

    emit_records([r.to_dict() for r in chosen], output_format, table)


@click.command()
@output_format()
@pass_session
def sources(session, output_format: str) -> None:
    """List the five source documents and what each holds.

    \b
    Example:
      kcluster sources
    """
    from ..model import Source

    chosen = list(session.catalog.of(Source))

    def table():
        from ..render.tables import new_table

        rows = new_table("id", "document", "date", "what it holds")
        for s in chosen:
            rows.add_row(s.id, f"{s.title}\n{s.publisher}", s.date, s.description)
        print_rich(rows)

    emit_records([s.to_dict() for s in chosen], output_format, table)

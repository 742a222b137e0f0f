import sys
from typing import Any

import click

from ..context import Session, pass_session
from .options import emit_vcards, output_format, print_rich


@click.command()
@click.argument("name", nargs=-1, required=True)
@output_format(("table", "json", "vcard"))
@pass_session
def sector(session: Session, name: tuple[str, ...], output_format: str) -> None:
    """Where a sector is in Korea: regions, complexes, mini clusters to call, offices,
    EU partnerships, events, success stories and facts.

    NAME is a sector's name or id, or an everyday word: automotive, car, ICT,
    semiconductors, "medical devices", shipbuilding, LED, bio, food... A word may
    mean several sectors (ICT: IT, communications, digital); the page covers them all.
    Which records are in a sector is kcluster's own classification, not the sources':
    each shows the record's own words it was derived from.

    \b
    Examples:
      kcluster sector "medical devices"
      kcluster sector automotive --json | jq '.mini_clusters[] | {name, phone}'
      kcluster sector shipbuilding --format vcard > shipbuilding.vcf
    """
    from ..errors import UnknownValue
    from ..render.machine import write_json
    from ..views import sector_page

    catalog = session.catalog
    text = " ".join(name)
    try:
        sector_ids = catalog.sector_ids(text)
    except UnknownValue as error:
        raise click.BadParameter(str(error), param_hint="'NAME'") from None
    view = sector_page(catalog, sector_ids)
    names = ", ".join(s["name"] for s in view["sectors"])
    if not view["members"]:
        click.echo(f"no Korean record is in {names}.", err=True)
    if output_format == "vcard":
        emit_vcards(catalog, catalog.many("mini_clusters", [m["id"] for m in view["mini_clusters"]]))
        return
    if output_format == "json":
        write_json(view if view["members"] else [], sys.stdout)
        return
    if view["members"]:
        print_rich(_page(view))


def _page(view: dict[str, Any]) -> Any:
    from ..render.sectors import sector_page

    return sector_page(view)

import click

from ..context import Session, pass_session
from ..model import Region
from .options import emit_records, output_format, print_rich


@click.command()
@output_format()
@pass_session
def regions(session: Session, output_format: str) -> None:
    """List the 5+2 pan-regional economic zones: provinces, industries, hubs.

    \b
    Examples:
      kcluster regions
      kcluster regions --json | jq '.[] | {id, hubs}'
    """
    catalog = session.catalog
    chosen = catalog.records(Region)

    def table() -> None:
        from ..render.tables import new_table, text

        rows = new_table("region", "provinces", "specialised industries", "hubs", "mini clusters", "id")
        for r in chosen:
            hubs = [hub.name for hub in catalog.hub_complexes(r)]
            rows.add_row(
                r.name,
                text(list(r.provinces)),
                text(list(r.industries)),
                text(hubs),
                str(len(catalog.mini_clusters_of(r))),
                r.id,
            )
        print_rich(rows)

    emit_records([r.to_dict() for r in chosen], output_format, table)

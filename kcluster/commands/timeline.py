import click

from ..context import Session, pass_session
from .options import emit_records, output_format, print_rich


@click.command()
@click.option("--from", "from_year", type=click.IntRange(1900, 2100), metavar="YEAR", help="From this year on.")
@click.option("--to", "to_year", type=click.IntRange(1900, 2100), metavar="YEAR", help="Up to this year.")
@click.option("--kind", metavar="KIND", help="Only events of this kind (milestone, law, matchmaking, ...).")
@output_format()
@pass_session
def timeline(
    session: Session, from_year: int | None, to_year: int | None, kind: str | None, output_format: str
) -> None:
    """Dated events in order: milestones, laws, agreements, matchmakings.

    \b
    Examples:
      kcluster timeline --from 2004 --to 2010
      kcluster timeline --kind matchmaking --json
    """
    from ..errors import UnknownValue

    try:
        chosen = session.catalog.rows("events", year_from=from_year, year_to=to_year, kind=kind)
    except UnknownValue as error:
        raise click.BadParameter(str(error), param_hint=f"'--{error.option}'") from None

    def table() -> None:
        from ..render.tables import new_table

        rows = new_table("date", "event", "kind", "source")
        for e in chosen:
            rows.add_row(e["date"], e["title"], e["kind"], ", ".join(sorted({c["source"] for c in e["sources"]})))
        print_rich(rows)

    emit_records(chosen, output_format, table)

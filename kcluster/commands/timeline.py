from typing import TYPE_CHECKING

import click

from ..context import Session, pass_session
from .options import emit_records, listed_rows, output_format, print_rich, resolved_value, say_if_empty, sector_option

if TYPE_CHECKING:
    from ..catalog import Catalog


def _event_kind(catalog: "Catalog", value: str) -> str:
    """Event kinds are case-insensitive; an unknown one lists the known ones."""
    from ..filters import event_kind

    return event_kind(catalog, value)


def _complete_kinds(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    from click.shell_completion import CompletionItem

    from ..context import Session
    from ..filters import event_kinds

    try:
        kinds = event_kinds(ctx.ensure_object(Session).catalog)
    except click.ClickException:
        return []
    return [CompletionItem(kind) for kind in kinds if kind.startswith(incomplete.lower())]


@click.command()
@click.option("--from", "from_year", type=click.IntRange(1900, 2100), metavar="YEAR", help="From this year on.")
@click.option("--to", "to_year", type=click.IntRange(1900, 2100), metavar="YEAR", help="Up to this year.")
@click.option(
    "--kind",
    metavar="KIND",
    callback=resolved_value(_event_kind),
    shell_complete=_complete_kinds,
    help="Only events of this kind (milestone, law, matchmaking, ...).",
)
@sector_option("EU-Korea events")
@output_format()
@pass_session
def timeline(
    session: Session,
    from_year: int | None,
    to_year: int | None,
    kind: str | None,
    sector: tuple[str, ...],
    output_format: str,
) -> None:
    """Dated events in order: milestones, laws, agreements, matchmakings.

    Each event's id opens it (`kcluster show ID`); its notes say where sources
    date it differently.

    \b
    Examples:
      kcluster timeline --from 2004 --to 2010
      kcluster timeline --kind matchmaking --json
      kcluster timeline --sector food
    """
    chosen = listed_rows("events", year_from=from_year, year_to=to_year, kind=kind, sector=sector)
    say_if_empty(chosen, "events", from_=from_year, to=to_year, kind=kind, sector=sector)

    def table() -> None:
        from ..render.tables import new_table

        rows = new_table("date", "event: id, kind, source; notes")
        for e in chosen:
            sources = ", ".join(sorted({c["source"] for c in e["sources"]}))
            about = f"{e['id']} · {e['kind']} · {sources}"
            rows.add_row(e["date"], "\n".join([e["title"], about, *(f"note: {note}" for note in e["notes"])]))
            rows.add_section()
        print_rich(rows)

    emit_records(chosen, output_format, table)

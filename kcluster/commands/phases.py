from typing import TYPE_CHECKING

import click

from ..context import Session, pass_session
from .options import complete_ids, emit_records, output_format, print_rich, resolved_value

if TYPE_CHECKING:
    from ..catalog import Catalog


def _source(catalog: "Catalog", value: str) -> str:
    from ..filters import source_id

    return source_id(catalog, value)


@click.command()
@click.option(
    "--source",
    "source_id",
    metavar="ID",
    callback=resolved_value(_source),
    shell_complete=complete_ids(lambda current: current.catalog.names("sources").items()),
    help="Only the dates, budgets and phases this source gives (see `kcluster sources`).",
)
@output_format()
@pass_session
def phases(session: Session, source_id: str | None, output_format: str) -> None:
    """The programme's phases, side by side as each source dates them.

    The 2010 KICOX report and the 2018 briefing do not agree on the dates (the
    briefing does not even agree with itself): every dating is shown with its source,
    with goals, main projects, targets and budget by year, and a timeline of bars.

    \b
    Examples:
      kcluster phases
      kcluster phases --source kicox-2010
      kcluster phases --json | jq '.[] | {name, periods}'
    """
    chosen = session.catalog.rows("phases", source=source_id)

    def table() -> None:
        from ..render.timeline import phases_view

        print_rich(phases_view(chosen))

    emit_records(chosen, output_format, table)

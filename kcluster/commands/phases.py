from typing import TYPE_CHECKING

import click

from ..context import pass_session
from .options import emit_records, output_format, print_rich

if TYPE_CHECKING:
    from ..model import Phase


def _check_source(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from ..context import Session

    known = sorted(ctx.ensure_object(Session).compiled.names("sources"))
    if value not in known:
        raise click.BadParameter(f"no source {value!r}. Valid values: {', '.join(known)}.", ctx=ctx, param=param)
    return value


@click.command()
@click.option("--source", "source_id", metavar="ID", callback=_check_source,
              help="Only the dates, budgets and phases this source gives (see `kcluster sources`).")
@output_format()
@pass_session
def phases(session, source_id: str | None, output_format: str) -> None:
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
    chosen = session.catalog.phases_in_order()
    if source_id:
        chosen = [_only_source(p, source_id) for p in chosen]
        chosen = [p for p in chosen if p.periods or p.budget or any(c.source == source_id for c in p.sources)]

    def table():
        from ..render.timeline import phases_view

        print_rich(phases_view([p.to_dict() for p in chosen]))

    emit_records([p.to_dict() for p in chosen], output_format, table)


def _only_source(phase: "Phase", source_id: str) -> "Phase":
    import dataclasses

    return dataclasses.replace(
        phase,
        periods=tuple(p for p in phase.periods if p.source == source_id),
        budget=tuple(b for b in phase.budget if b.source == source_id),
    )

import sys
from typing import Iterable

import click

from ..context import pass_session
from ..errors import NotFound
from ..model import Record
from ..render.machine import write_json
from .options import complete_ids, output_format, print_rich


def _showable(session) -> Iterable[Record]:
    return (record for record in session.catalog.all_records() if record.KIND != "facts")


@click.command()
@click.argument("name", shell_complete=complete_ids(_showable))
@click.option("--sources", "with_sources", is_flag=True, help="Also list the citations of everything shown.")
@output_format(("table", "json"))
@pass_session
def show(session, name: str, with_sources: bool, output_format: str) -> None:
    """Show one record, found by id, name or any spelling.

    Any kind of record: a complex (its names and spellings, region, industries, pilot
    round, KICOX office, its mini clusters with URLs and full phone numbers, facts,
    success stories), a region, a mini cluster, a KICOX office, a phase, an
    organisation, a programme, a story, a partnership or a source.

    \b
    Examples:
      kcluster show Changwon
      kcluster show honam --sources
      kcluster show gumi-mobile --json | jq .phone
    """
    from ..search import describe, resolve
    from ..views import citations, page

    catalog = session.catalog
    resolution = resolve(catalog, name)
    if resolution.record is None:
        raise NotFound(_miss_message(name, [describe(r) for r in resolution.candidates]))
    view = page(catalog, resolution.record)
    if output_format == "json":
        if with_sources:
            view["citations"] = citations(catalog, view)
        write_json(view, sys.stdout)
        return
    from ..render.pages import render_page
    from ..render.tables import citations_table

    print_rich(render_page(view), *([citations_table(citations(catalog, view))] if with_sources else []))


def _miss_message(name: str, candidates: list[str]) -> str:
    if not candidates:
        return f"nothing matches {name!r}. Try `kcluster search {name}`."
    return f"no single record matches {name!r}. Did you mean " + ", ".join(candidates[:3]) + "?"

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import click

from ..context import Session, pass_session
from ..kinds import KIND_NAMES
from ..render.machine import write_json
from .exits import NotAContact, NotFound
from .options import complete_ids, emit_vcards, output_format, print_rich

if TYPE_CHECKING:
    from ..catalog import Candidate, Catalog
    from ..model import MiniCluster, Record


def _showable(session: Session) -> Iterable[tuple[str, str]]:
    """(id, name) of every record `show` opens (facts are shown by `facts`)."""
    catalog = session.catalog
    for kind in KIND_NAMES:
        if kind != "facts":
            yield from catalog.names(kind).items()


@click.command()
@click.argument("name", shell_complete=complete_ids(_showable))
@click.option("--sources", "with_sources", is_flag=True, help="Also list the citations of everything shown.")
@output_format(("table", "json", "vcard"))
@pass_session
def show(session: Session, name: str, with_sources: bool, output_format: str) -> None:
    """Show one record, found by id, name or any spelling.

    Any kind of record: a complex (its names and spellings, region, industries, pilot
    round, KICOX office, its mini clusters with URLs and full phone numbers, facts,
    success stories), a region, a mini cluster, a KICOX office, a phase, an
    organisation, a programme, a story, a partnership or a source.

    --format vcard prints contact cards: a mini cluster's, or those of a
    complex's mini clusters.

    \b
    Examples:
      kcluster show Changwon
      kcluster show honam --sources
      kcluster show gumi-mobile --json | jq .phone
      kcluster show Changwon --format vcard > changwon.vcf
    """
    from .. import errors
    from ..views import citations, page

    if not name.strip():
        raise click.UsageError("an empty name: say what to show, e.g. `kcluster show Changwon`.")
    catalog = session.catalog
    try:
        kind, row, why = catalog.resolution(name)
    except errors.NotFound as miss:
        raise NotFound(_miss_message(name, miss.candidates)) from None
    if why and output_format == "table":  # a person sees why; JSON stays exactly the record
        from ..kinds import name_field

        click.echo(f"{name}: showing {row[name_field(kind)]} ({why})", err=True)
    if output_format == "vcard":
        if with_sources:
            raise click.UsageError("--sources has no effect with --format vcard: each card's note names its sources.")
        emit_vcards(catalog, _mini_clusters_to_card(catalog, catalog.get(kind, row["id"])))
        return
    view = page(catalog, kind, row)
    if output_format == "json":
        if with_sources:
            view["citations"] = citations(catalog, view)
        write_json(view, sys.stdout)
        return
    from ..render.pages import render_page

    print_rich(render_page(view, citations(catalog, view) if with_sources else None))


def _describe(candidate: "Candidate") -> str:
    """A short, unambiguous way to name a record: "Mechatronics (mini cluster, changwon)"."""
    where = f", {candidate.complex}" if candidate.kind == "mini_clusters" else ""
    return f"{candidate.name} ({candidate.label}{where})"


def _mini_clusters_to_card(catalog: "Catalog", record: "Record") -> list["MiniCluster"]:
    """The mini clusters whose cards `show --format vcard` prints for a record."""
    from ..model import Complex, MiniCluster

    if isinstance(record, MiniCluster):
        return [record]
    if isinstance(record, Complex):
        if not catalog.mini_clusters_of(record):
            raise NotAContact(f"{record.name} has no mini clusters in the 2010 list: no vCards to print.")
        return catalog.mini_clusters_of(record)
    raise NotAContact(
        f"{record.display_name} is a {record.LABEL}: only a mini cluster, or a complex with mini clusters, has vCards."
    )


def _miss_message(name: str, candidates: "Sequence[Candidate]") -> str:
    if not candidates:
        hint = f" Try `kcluster search {name}`." if name.isprintable() else ""
        return f"nothing matches {name!r}.{hint}"
    listed = "\n".join(f"  kcluster show {c.id:<40} # {_describe(c)}" for c in candidates)
    return f"{name!r} could be any of these; open one by its id:\n{listed}"

import sys
from typing import TYPE_CHECKING, Any, Iterable

import click

from ..context import pass_session
from ..errors import NotAContact, NotFound
from ..render.machine import encodes_everything, write_json
from .options import complete_ids, emit_vcards, output_format, print_rich


if TYPE_CHECKING:
    from ..model import MiniCluster, Record


def _showable(session) -> Iterable["Record"]:
    return (record for record in session.catalog.all_records() if record.KIND != "facts")


@click.command()
@click.argument("name", shell_complete=complete_ids(_showable))
@click.option("--sources", "with_sources", is_flag=True, help="Also list the citations of everything shown.")
@output_format(("table", "json", "vcard"))
@pass_session
def show(session, name: str, with_sources: bool, output_format: str) -> None:
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
    from ..search import describe, reference, resolve

    compiled = session.compiled
    resolution = resolve(compiled.store, name)
    if resolution.entry is None:
        raise NotFound(_miss_message(name, [describe(e) for e in resolution.candidates]))
    if output_format == "vcard":
        if with_sources:
            raise click.UsageError("--sources has no effect with --format vcard: each card's note names its sources.")
        from ..model import KINDS

        catalog = session.catalog
        record = catalog.get(KINDS[resolution.entry.kind], resolution.entry.id)
        emit_vcards(catalog, _mini_clusters_to_card(catalog, record))
        return
    ref = reference(resolution.entry.kind, resolution.entry.id)
    if output_format == "json" and not with_sources and encodes_everything(sys.stdout):
        sys.stdout.write(compiled.page_json(ref) + "\n")  # write_json's text, precomputed
        return
    view = dict(compiled.page(ref))  # views.page(), precomputed
    if output_format == "json":
        if with_sources:
            view["citations"] = compiled.citations(ref)
        write_json(view, sys.stdout)
        return
    from ..render.pages import render_page
    from ..render.tables import citations_table

    print_rich(render_page(view), *([citations_table(compiled.citations(ref))] if with_sources else []))


def _mini_clusters_to_card(catalog, record: "Record") -> list["MiniCluster"]:
    """The mini clusters whose cards `show --format vcard` prints for a record."""
    from ..model import Complex, MiniCluster

    if isinstance(record, MiniCluster):
        return [record]
    if isinstance(record, Complex):
        if not catalog.mini_clusters_of(record.id):
            raise NotAContact(f"{record.name} has no mini clusters in the 2010 list: no vCards to print.")
        return catalog.mini_clusters_of(record.id)
    raise NotAContact(f"{record.display_name} is a {record.LABEL}: only a mini cluster, or a complex with "
                      "mini clusters, has vCards.")


def _miss_message(name: str, candidates: list[str]) -> str:
    if not candidates:
        return f"nothing matches {name!r}. Try `kcluster search {name}`."
    return f"no single record matches {name!r}. Did you mean " + ", ".join(candidates[:3]) + "?"

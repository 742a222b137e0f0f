import sys
from typing import TYPE_CHECKING, Any

import click

from ..context import Session, pass_session
from ..kinds import KIND_NAMES
from ..render.machine import write_json
from .exits import NotFound
from .options import print_rich

if TYPE_CHECKING:
    from ..catalog import Hit


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--type", "kind", type=click.Choice(KIND_NAMES), help="Only records of this kind.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many hits.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON array, best first.")
@pass_session
def search(session: Session, query: tuple[str, ...], kind: str | None, limit: int, as_json: bool) -> None:
    """Search every record: names in any romanization or in Hangul, typos, descriptive words.

    \b
    Examples:
      kcluster search kwangju
      kcluster search Taegu
      kcluster search egok transportation machine
      kcluster search shipbuilding --type mini_clusters --json
    """
    text = " ".join(query)
    hits = session.catalog.search(text, limit=limit, kinds=[kind] if kind else None)
    rows = [_hit_dict(hit) for hit in hits]
    if as_json:
        write_json(rows, sys.stdout)
    if not hits:
        raise NotFound(f"nothing matches {text!r}.")
    if not as_json:
        from ..render.tables import new_table

        table = new_table("name, and what to type to open it", "kind", "where", "score")
        for hit, row in zip(hits, rows, strict=True):
            opens = f"kcluster sector {row['id']}" if hit.kind == "sectors" else f"kcluster show {row['id']}"
            table.add_row(
                f"{row['name']}\n{opens}", hit.candidate.label, hit.candidate.where, f"{row['score']} {row['match']}"
            )
        print_rich(table)


def _hit_dict(hit: "Hit") -> dict[str, Any]:
    entry = hit.candidate
    row = {"type": entry.kind, "id": entry.id, "name": entry.name, "score": hit.score, "match": hit.match}
    if entry.complex:
        row["complex"] = entry.complex
    return row

import sys
from typing import TYPE_CHECKING, Any

import click

from ..context import Session, pass_session
from ..kinds import KIND_NAMES
from ..render.machine import write_csv, write_json, write_jsonl
from .exits import NotFound
from .options import print_rich

if TYPE_CHECKING:
    from ..catalog import Hit


def _kind(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A kind as people name it: singular, plural or a table's label ("complex", "offices")."""
    if value is None:
        return None
    from ..kinds import kind_named

    try:
        return kind_named(value)
    except ValueError:
        raise click.BadParameter(f"no kind {value!r}. Valid values: {', '.join(KIND_NAMES)}.", ctx, param) from None


def _complete_kinds(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    from click.shell_completion import CompletionItem

    return [CompletionItem(kind) for kind in KIND_NAMES if kind.startswith(incomplete.lower())]


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--type",
    "kind",
    metavar="KIND",
    callback=_kind,
    shell_complete=_complete_kinds,
    help="Only records of this kind (complex, mini cluster, office, ...).",
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many hits.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default=None,
    help="Output format (default: table).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON array, best first.")
@pass_session
def search(
    session: Session, query: tuple[str, ...], kind: str | None, limit: int, output_format: str | None, as_json: bool
) -> None:
    """Search every record: names in any romanization or in Hangul, typos, descriptive words.

    \b
    Examples:
      kcluster search kwangju
      kcluster search Taegu
      kcluster search egok transportation machine
      kcluster search shipbuilding --type mini_clusters --json
    """
    text = " ".join(query)
    if not text.strip():
        raise click.UsageError("an empty query: say what to search for, e.g. `kcluster search kwangju`.")
    if as_json and output_format not in (None, "json"):
        raise click.UsageError(f"--json and --format {output_format} disagree: use one of them.")
    chosen_format = "json" if as_json else (output_format or "table")
    hits = session.catalog.search(text, limit=limit, kinds=[kind] if kind else None)
    rows = [_hit_dict(hit) for hit in hits]
    if chosen_format in ("json", "jsonl", "csv"):
        {"json": write_json, "jsonl": write_jsonl, "csv": write_csv}[chosen_format](rows, sys.stdout)
    if not hits:
        raise NotFound(f"nothing matches {text!r}.")
    if chosen_format == "table":
        from ..render.tables import new_table

        table = new_table("hit: what it is, how to open it, what matched", "score")
        for hit, row in zip(hits, rows, strict=True):
            opens = f"kcluster sector {row['id']}" if hit.kind == "sectors" else f"kcluster show {row['id']}"
            words = ", ".join(w for found in hit.matched["words"].values() for w in found)
            lines = [row["name"], ", ".join(filter(None, (hit.candidate.label, hit.candidate.where))), opens]
            if words:
                lines.append(f"matched: {words} ({hit.matched['field']})")
            table.add_row("\n".join(lines), f"{row['score']} {row['match']}")
        print_rich(table)


def _hit_dict(hit: "Hit") -> dict[str, Any]:
    """One hit for scripts: every hit has the same keys (`complex`: a mini cluster's hub, else null)."""
    entry = hit.candidate
    return {
        "type": entry.kind,
        "id": entry.id,
        "name": entry.name,
        "score": hit.score,
        "match": hit.match,
        "matched": hit.matched,
        "complex": entry.complex,
    }

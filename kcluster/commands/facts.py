import click

from ..context import pass_session
from ..errors import NotFound
from .options import emit_records, output_format, print_rich


@click.command()
@click.argument("subject", required=False)
@output_format()
@pass_session
def facts(session, subject: str | None, output_format: str) -> None:
    """Headline figures, grouped by subject; disagreeing sources side by side.

    SUBJECT narrows the list: a subject id (e.g. mini-clusters-count) or words of
    the subject or label (e.g. "mini clusters", budget).

    \b
    Examples:
      kcluster facts
      kcluster facts "mini clusters"
      kcluster facts budget --json | jq '.[] | {value, unit, as_of}'
    """
    from ..romanization import fold

    every_group = session.catalog.facts_by_subject()
    groups = every_group
    if subject:
        wanted = fold(subject).split()
        groups = {
            s: fs for s, fs in groups.items()
            if all(any(w in fold(f"{s} {f.label}") for f in fs) for w in wanted)
        }
        if not groups:
            raise NotFound(f"no fact about {subject!r}. Subjects: " + ", ".join(sorted(every_group)[:12]) + ", ...")
    chosen = [f for fs in groups.values() for f in fs]

    def table():
        from ..render.tables import new_table

        rows = new_table("subject", "value", "as of", "source", "label")
        for subject_id, fs in groups.items():
            for position, f in enumerate(fs):
                rows.add_row(subject_id if position == 0 else "", f"{f.value} {f.unit or ''}".strip(),
                             f.as_of or "", "\n".join(f"{c.source}: {c.section}" for c in f.sources), f.label)
            rows.add_section()
        print_rich(rows)

    emit_records([f.to_dict() for f in chosen], output_format, table)

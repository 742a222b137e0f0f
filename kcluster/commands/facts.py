import click

from ..context import Session, pass_session
from .exits import NotFound
from .options import emit_records, output_format, print_rich


@click.command()
@click.argument("subject", required=False)
@output_format()
@pass_session
def facts(session: Session, subject: str | None, output_format: str) -> None:
    """Headline figures, grouped by subject; disagreeing sources side by side.

    SUBJECT narrows the list: a subject id (e.g. mini-clusters-count) or words of
    the subject or label (e.g. "mini clusters", budget).

    \b
    Examples:
      kcluster facts
      kcluster facts "mini clusters"
      kcluster facts budget --json | jq '.[] | {value, unit, as_of}'
    """
    from ..filters import facts_by_subject

    catalog = session.catalog
    chosen = catalog.rows("facts", subject=subject)
    if subject and not chosen:
        subjects = sorted(facts_by_subject(catalog))
        raise NotFound(f"no fact about {subject!r}. Subjects: " + ", ".join(subjects[:12]) + ", ...")
    groups: dict[str, list] = {}
    for fact in chosen:
        groups.setdefault(fact["subject"], []).append(fact)

    def table() -> None:
        from ..render.tables import facts_by_subject_view

        print_rich(facts_by_subject_view(groups))

    emit_records(chosen, output_format, table)

import click

from ..context import Session, pass_session
from .options import emit_records, output_format, print_rich


@click.command()
@output_format()
@pass_session
def sources(session: Session, output_format: str) -> None:
    """List the five source documents and what each holds.

    \b
    Example:
      kcluster sources
    """
    chosen = session.catalog.rows("sources")

    def table() -> None:
        from ..render.tables import new_table

        rows = new_table("id", "document", "date", "what it holds")
        for s in chosen:
            rows.add_row(s["id"], f"{s['title']}\n{s['publisher']}", s["date"], s["description"])
        print_rich(rows)

    emit_records(chosen, output_format, table)

import click

from ..context import Session, pass_session
from .options import emit_records, listed_rows, output_format, print_rich, say_if_empty, sector_option


@click.command()
@click.option("--complex", "complex_", metavar="COMPLEX", help="Only stories of this complex (id, name or spelling).")
@sector_option("stories")
@output_format()
@pass_session
def stories(session: Session, complex_: str | None, sector: tuple[str, ...], output_format: str) -> None:
    """List the success stories of the 2010 KICOX report: theme, complexes, companies.

    \b
    Examples:
      kcluster stories
      kcluster stories --complex Wonju
      kcluster show saving-lives-wonju
    """
    catalog = session.catalog
    chosen = listed_rows("stories", complex=complex_, sector=sector)
    say_if_empty(chosen, "success stories", complex=complex_, sector=sector)

    def table() -> None:
        from ..render.tables import new_table, text

        names = catalog.names("complexes")
        rows = new_table("story: id, theme", "complexes")
        for s in chosen:
            cell = "\n".join(filter(None, (s["title"], s["id"], s["theme"])))
            rows.add_row(cell, text([names.get(c, c) for c in s["complexes"]]))
        print_rich(rows)

    emit_records(chosen, output_format, table)

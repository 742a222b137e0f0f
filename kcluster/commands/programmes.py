import click

from ..context import Session, pass_session
from .options import emit_records, listed_rows, output_format, print_rich, say_if_empty


@click.command()
@click.option("--kind", metavar="KIND", help="Only of this kind (programme, project, policy, law, ...).")
@click.option("--organisation", metavar="ORG", help="Only those run by this organisation (id or name).")
@output_format()
@pass_session
def programmes(session: Session, kind: str | None, organisation: str | None, output_format: str) -> None:
    """List the support programmes, projects, policies and laws the sources name.

    \b
    Examples:
      kcluster programmes
      kcluster programmes --kind law
      kcluster programmes --organisation kicox --json
    """
    chosen = listed_rows("programmes", kind=kind, organisation=organisation)
    say_if_empty(chosen, "programmes", kind=kind, organisation=organisation)

    def table() -> None:
        from ..render.tables import new_table

        rows = new_table("programme: id · kind", "period")
        for p in chosen:
            rows.add_row(f"{p['name']}\n{p['id']} · {p['kind']}", p["period"] or "")
        print_rich(rows)

    emit_records(chosen, output_format, table)

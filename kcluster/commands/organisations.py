import click

from ..context import Session, pass_session
from .options import emit_records, listed_rows, output_format, print_rich, say_if_empty


@click.command()
@click.option("--kind", metavar="KIND", help="Only of this kind (agency, ministry, university, company, ...).")
@click.option("--country", metavar="COUNTRY", help="Only of this country, as the records name it.")
@output_format()
@pass_session
def organisations(session: Session, kind: str | None, country: str | None, output_format: str) -> None:
    """List the organisations the sources name: agencies, ministries, institutes, companies.

    \b
    Examples:
      kcluster organisations --kind university
      kcluster organisations --country Germany --json
    """
    chosen = listed_rows("organisations", kind=kind, country=country)
    say_if_empty(chosen, "organisations", kind=kind, country=country)

    def table() -> None:
        from ..render.tables import new_table

        rows = new_table("organisation: id · kind", "country")
        for o in chosen:
            rows.add_row(f"{o['name']}\n{o['id']} · {o['kind']}", o["country"] or "")
        print_rich(rows)

    emit_records(chosen, output_format, table)

import click

from ..context import Session, pass_session
from .options import emit_records, listed_rows, output_format, print_rich, say_if_empty, sector_option


@click.command()
@sector_option("partnerships")
@click.option("--country", metavar="COUNTRY", help="Only those that target this third country too (e.g. Japan).")
@output_format()
@pass_session
def partnerships(session: Session, sector: tuple[str, ...], country: str | None, output_format: str) -> None:
    """List the ESCP-4i partnerships (European clusters going international) targeting Korea.

    Their sectors are the European Cluster Collaboration Platform's own, as the
    eccp-korea page prints them; the technology classification is apart.

    \b
    Examples:
      kcluster partnerships
      kcluster partnerships --sector biopharmaceuticals
      kcluster partnerships --json | jq '.[] | {acronym, countries}'
    """
    chosen = listed_rows("partnerships", sector=sector, country=country)
    say_if_empty(chosen, "partnerships", sector=sector, country=country)

    def table() -> None:
        from ..render.tables import new_table, text

        rows = new_table("partnership\nid", "sectors", "also targets", "SMEs", "partners")
        for p in chosen:
            others = [c for c in p["countries"] if "korea" not in c.casefold()]
            rows.add_row(
                f"{p['acronym']} · {p['name']}\n{p['id']}",
                text(p["sectors"]),
                text(others),
                str(p["smes"] or ""),
                str(p["partners"] or ""),
            )
        print_rich(rows)

    emit_records(chosen, output_format, table)

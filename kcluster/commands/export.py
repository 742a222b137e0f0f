import sys

import click

from ..context import Session, pass_session
from ..exports import FILE_FORMATS
from .exits import CannotWrite


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FILE_FORMATS),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    type=click.Path(),
    metavar="PATH",
    help="Write to this file (json, sqlite) or folder (csv); json goes to stdout without it.",
)
@click.option("--force", is_flag=True, help="Replace an existing output (a csv folder only if it holds an export).")
@pass_session
def export(session: Session, output_format: str, output: str | None, force: bool) -> None:
    """Export the whole dataset: JSON, a SQLite database, or CSV files with a data package.

    \b
    json    one object whose keys are the thirteen kinds of record (regions,
            complexes, mini_clusters, branches, phases, events, programmes,
            organisations, facts, stories, partnerships, comparisons, sources),
            each a list of records; every --json output of the other commands
            uses this shape.
    sqlite  one table per kind with primary and foreign keys, link tables for
            lists of references, a `citations` table and an FTS5 `search` table.
    csv     a folder: one CSV per kind and a Frictionless datapackage.json.

    Files are written whole or not at all; an existing output is only replaced
    with --force.

    \b
    Examples:
      kcluster export --format json | jq '.mini_clusters | length'
      kcluster export --format sqlite --output kcluster.db
      kcluster export --format csv --output kcluster-csv
    """
    from pathlib import Path  # only here: pathlib is slow to import, and most commands need none

    if output is None:
        if output_format != "json":
            suggestion = "kcluster.db" if output_format == "sqlite" else "kcluster-csv"
            raise click.UsageError(f"--format {output_format} writes files: give --output, e.g. --output {suggestion}.")
        if force:
            raise click.UsageError("--force replaces an --output file; without --output, JSON goes to stdout.")
        from ..render.machine import write_json
        from ..views import dump

        write_json(dump(session.catalog), sys.stdout)
        return

    from ..exports import write_export
    from ..exports.files import OutputError

    try:
        summary = write_export(session.catalog, output_format, Path(output), force=force)
    except OutputError as error:
        raise CannotWrite(str(error)) from None
    except OSError as error:
        raise CannotWrite(f"could not write {output}: {error.strerror or error}") from None
    written = {
        "json": f"{summary.rows:,} records of {summary.tables} kinds",
        "sqlite": f"{summary.tables} tables, {summary.rows:,} rows",
        "csv": f"{summary.tables} CSV files ({summary.rows:,} rows) and datapackage.json",
    }[output_format]
    click.echo(f"wrote {written} to {output}", err=True)

import sys

import click

from ..context import Session, pass_session
from ..render.machine import write_json
from .exits import InvalidData


@click.command()
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(exists=True, file_okay=False),
    metavar="DIR",
    help="Also check every citation's quote against the source texts in DIR.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_session
def validate(session: Session, sources_dir: str | None, as_json: bool) -> None:
    """Check the dataset in use and list every problem in it.

    Exits 0 when the dataset is valid and prints what it holds; exits 1 and lists
    every problem on stderr (file, record id, field, what is wrong) otherwise.
    Checks: unique ids, references between records, required fields and their
    types, URLs, extensions, ISO dates, and that every citation names a known source.

    With --sources DIR (a folder of the source documents' text files, named
    <source id>.txt or listed in its README.md), every citation's quote must occur
    in its source, whitespace aside: each one that does not is listed, and the
    exit status is 1.

    \b
    Example:
      kcluster --data-dir ./my-data validate
      kcluster validate --sources ../shared/sources
    """
    from ..loader import DatasetError, load_dataset

    try:  # the files themselves, every time: never "valid" from a cache
        dataset = load_dataset(session.data_dir)
    except DatasetError as error:
        raise InvalidData(str(error)) from None
    counts = {kind: len(tables) for kind, tables in dataset.tables.items()}
    location = dataset.location
    quotes = _check_quotes(dataset.tables, sources_dir) if sources_dir else None
    if as_json:
        summary = {"valid": True, "location": location, "counts": counts}
        if quotes is not None:
            summary["quotes"] = quotes
        write_json(summary, sys.stdout)
    else:
        click.echo(
            f"{location[:1].upper()}{location[1:]} is valid: " + ", ".join(f"{n} {kind}" for kind, n in counts.items())
        )
    if quotes is not None:
        if not as_json:
            click.echo(
                f"{quotes['citations']} citations, {quotes['quoted']} with a quote, "
                f"{quotes['found']} found in their source."
            )
        if quotes["problems"]:
            raise InvalidData(
                f"{len(quotes['problems'])} quote problem(s):\n"
                + "\n".join(f"  {problem}" for problem in quotes["problems"])
            )


def _check_quotes(tables: dict, folder: str) -> dict:
    from ..evidence import check_quotes, read_texts

    report = check_quotes(tables, read_texts(folder))
    return {
        "citations": report.citations,
        "quoted": report.quoted,
        "found": report.found,
        "problems": [str(problem) for problem in report.problems],
    }

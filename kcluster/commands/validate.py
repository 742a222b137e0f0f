import sys

import click

from ..context import pass_session
from ..render.machine import write_json


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_session
def validate(session, as_json: bool) -> None:
    """Check the dataset in use and list every problem in it.

    Exits 0 when the dataset is valid and prints what it holds; exits 1 and lists
    every problem on stderr (file, record id, field, what is wrong) otherwise.
    Checks: unique ids, references between records, required fields and their
    types, URLs, extensions, ISO dates, and that every citation names a known source.

    \b
    Example:
      kcluster --data-dir ./my-data validate
    """
    catalog = session.catalog  # loading validates, and raises with every problem
    counts = {kind: len(records) for kind, records in catalog.records.items()}
    if as_json:
        write_json({"valid": True, "location": catalog.location, "counts": counts}, sys.stdout)
    else:
        click.echo(f"{catalog.location[:1].upper()}{catalog.location[1:]} is valid: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))

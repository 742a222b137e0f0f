import sys

import click

from ..context import Session, describe_dataset_error, pass_session
from ..render.machine import write_json
from .exits import InvalidData


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_session
def validate(session: Session, as_json: bool) -> None:
    """Check the dataset in use and list every problem in it.

    Exits 0 when the dataset is valid and prints what it holds; exits 1 and lists
    every problem on stderr (file, record id, field, what is wrong) otherwise.
    Checks: unique ids, references between records, required fields and their
    types, URLs, extensions, ISO dates, and that every citation names a known source.

    \b
    Example:
      kcluster --data-dir ./my-data validate
    """
    from ..loader import DatasetError, load_dataset

    try:  # the files themselves, every time: never "valid" from a cache
        dataset = load_dataset(session.data_dir)
    except DatasetError as error:
        raise InvalidData(describe_dataset_error(error)) from None
    counts = {kind: len(tables) for kind, tables in dataset.tables.items()}
    location = dataset.location
    if as_json:
        write_json({"valid": True, "location": location, "counts": counts}, sys.stdout)
    else:
        click.echo(
            f"{location[:1].upper()}{location[1:]} is valid: " + ", ".join(f"{n} {kind}" for kind, n in counts.items())
        )

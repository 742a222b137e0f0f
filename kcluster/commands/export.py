import sys

import click

from ..context import pass_session
from ..render.machine import write_json
from ..views import dump


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@pass_session
def export(session, output_format: str) -> None:
    """Print the whole dataset in a machine format.

    The JSON is one object whose keys are the twelve kinds of record (regions,
    complexes, mini_clusters, branches, phases, events, programmes, organisations,
    facts, stories, partnerships, sources), each a list of records. Every --json
    output of the other commands uses the same record shape.

    \b
    Example:
      kcluster export --format json | jq '.mini_clusters | length'
    """
    write_json(dump(session.catalog), sys.stdout)

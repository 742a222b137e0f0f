"""The `kcluster` command: a click group with global options; each command lives in `commands/`."""

import click

from . import __version__
from .commands.export import export
from .commands.facts import facts
from .commands.lists import complexes, mini, regions, sources
from .commands.phases import phases
from .commands.search import search
from .commands.show import show
from .commands.timeline import timeline
from .commands.validate import validate
from .context import Session
from .loader import DATA_DIR_VARIABLE


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    session = Session(data_dir=ctx.params.get("data_dir"))
    click.echo(f"kcluster {__version__}, dataset of {session.compiled.dataset_date}")
    ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    envvar=DATA_DIR_VARIABLE,
    is_eager=True,  # before --version, which reads the dataset, wherever each is on the command line
    help=f"Use the dataset in this folder instead of the shipped one (also ${DATA_DIR_VARIABLE}).",
)
@click.option("--no-color", is_flag=True, help="No colours in tables (NO_COLOR is honoured too).")
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=False,
    callback=_print_version,
    help="Print the code version and the dataset's date.",
)
@click.pass_context
def main(ctx: click.Context, data_dir: str | None, no_color: bool) -> None:
    """kcluster: the offline, sourced reference to Korea's industrial complex clusters.

    Every record cites the source document and section it comes from; every
    command prints a table for people, or JSON for scripts with --json.

    \b
    Examples:
      kcluster show Changwon
      kcluster mini --region Honam
      kcluster search kwangju
      kcluster mini --json | jq '.[].url'
    """
    ctx.obj = Session(data_dir=data_dir, no_color=no_color)


for command in (show, search, complexes, mini, regions, phases, timeline, facts, sources, validate, export):
    main.add_command(command)


def run() -> None:
    """The console script: `main` with output that degrades or stops quietly instead of
    crashing (a terminal that can't encode Hangul, `| head`, a full disk): see `streams`."""
    from .streams import run_guarded

    run_guarded(lambda: main(prog_name="kcluster"))

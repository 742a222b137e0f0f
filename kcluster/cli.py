"""The `kcluster` command: a click group with global options; each command lives in `commands/`."""

from importlib import import_module

import click

from .context import Session
from .loader import DATA_DIR_VARIABLE

# Every command and the module (in commands/) that defines it. A command's
# module is imported when it runs (or when --help lists them all), not on every start: each
# costs a few milliseconds to import, and a lookup should pay only for its own.
COMMANDS = {
    "show": "show",
    "search": "search",
    "complexes": "complexes",
    "mini": "mini",
    "regions": "regions",
    "phases": "phases",
    "timeline": "timeline",
    "facts": "facts",
    "sources": "sources",
    "validate": "validate",
    "export": "export",
    "compare": "compare",
    "partnerships": "partnerships",
    "stories": "stories",
    "offices": "offices",
    "programmes": "programmes",
    "organisations": "organisations",
    "sectors": "sectors",
    "sector": "sector",
}


# Each command's summary (the first paragraph of its help), so that `kcluster --help` lists
# the commands without importing them all; tests/test_commands.py checks they agree.
SUMMARIES = {
    "compare": "German and Korean clusters side by side, as the BMBF study compares them.",
    "complexes": "List industrial complexes: region, industries, pilot round, mini clusters.",
    "export": "Export the whole dataset: JSON, a SQLite database, or CSV files with a data package.",
    "facts": "Headline figures, grouped by subject; disagreeing sources side by side.",
    "mini": "List the mini clusters of the 2010 KICOX list: hub, URL, extension, full phone.",
    "offices": "List the KICOX offices (headquarters and branches) with their addresses.",
    "organisations": "List the organisations the sources name: agencies, ministries, institutes, companies.",
    "partnerships": "List the ESCP-4i partnerships (European clusters going international) targeting Korea.",
    "phases": "The programme's phases, side by side as each source dates them.",
    "programmes": "List the support programmes, projects, policies and laws the sources name.",
    "regions": "List the 5+2 pan-regional economic zones: provinces, industries, hubs.",
    "search": "Search every record: names in any romanization or in Hangul, typos, descriptive words.",
    "sector": "Where a sector is in Korea: regions, complexes, mini clusters to call, offices, "
    "EU partnerships, events, success stories and facts.",
    "sectors": "The sectors European clusters use, with how many Korean records are in each.",
    "show": "Show one record, found by id, name or any spelling.",
    "sources": "List the five source documents and what each holds.",
    "stories": "List the success stories of the 2010 KICOX report: theme, complexes, companies.",
    "timeline": "Dated events in order: milestones, laws, agreements, matchmakings.",
    "validate": "Check the dataset in use and list every problem in it.",
}


def short_help(name: str, limit: int) -> str:
    """A command's summary shortened as click shortens a command's help for a listing."""
    return click.Command(name, help=SUMMARIES[name]).get_short_help_str(limit)


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (click's documented extension points)."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        with formatter.section("Commands"):
            formatter.write_dl([(name, short_help(name, limit)) for name in names])

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS and name not in self.commands:
            module = import_module(f"{__package__}.commands.{COMMANDS[name]}")
            self.add_command(getattr(module, name))
        return super().get_command(ctx, name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, global_options_first(args))

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple:
        if args and args[0] not in COMMANDS:  # a typo: click suggests among the commands it has
            for name in COMMANDS:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


GLOBAL_FLAGS = ("--no-color", "--no-pager")
GLOBAL_VALUED = ("--data-dir",)


def global_options_first(args: list[str]) -> list[str]:
    """The arguments with the global options a user put after the command moved before it:
    `kcluster mini --no-color` and `kcluster show X --data-dir D` work as people type them."""
    command_at = next((i for i, a in enumerate(args) if not a.startswith("-") and _not_a_value(args, i)), None)
    if command_at is None:
        return args
    before, after, moved = args[: command_at + 1], [], []
    rest = iter(args[command_at + 1 :])
    for argument in rest:
        if argument == "--":
            after += [argument, *rest]
            break
        if argument in GLOBAL_FLAGS or argument.split("=", 1)[0] in GLOBAL_VALUED and "=" in argument:
            moved.append(argument)
        elif argument in GLOBAL_VALUED:
            moved += [argument, next(rest, "")]
        else:
            after.append(argument)
    return [*moved, *before, *after] if moved else args


def _not_a_value(args: list[str], position: int) -> bool:
    """Whether args[position] is not the value of a global option before it."""
    return position == 0 or args[position - 1] not in GLOBAL_VALUED


def all_commands() -> dict[str, click.Command]:
    """Every command, imported (for documentation and tests)."""
    ctx = click.Context(main)
    found = {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from . import version

    session = Session(data_dir=ctx.params.get("data_dir"))
    click.echo(f"kcluster {version()}, dataset of {session.catalog.dataset_date}")
    ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    envvar=DATA_DIR_VARIABLE,
    is_eager=True,  # before --version, which reads the dataset, wherever each is on the command line
    help=f"Use the dataset in this folder instead of the shipped one (also ${DATA_DIR_VARIABLE}).",
)
@click.option("--no-color", is_flag=True, help="No colours in tables (NO_COLOR is honoured too).")
@click.option("--no-pager", is_flag=True, help="Never page long output (also: KCLUSTER_PAGER= empty).")
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=False,
    callback=_print_version,
    help="Print the code version and the dataset's date.",
)
@click.pass_context
def main(ctx: click.Context, data_dir: str | None, no_color: bool, no_pager: bool) -> None:
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
    ctx.obj = Session(data_dir=data_dir, no_color=no_color, no_pager=no_pager)


def run() -> None:
    """The console script: `main` with output that degrades or stops quietly instead of
    crashing (a terminal that can't encode Hangul, `| head`, a full disk): see `streams`.

    The cyclic garbage collector is off: a run is short, reference counting frees what it
    uses, and the collections (over every object of click and rich, and once more at exit)
    cost about 5% of a lookup and much of a large dataset's compilation.
    """
    import gc

    from .streams import run_guarded

    gc.disable()

    run_guarded(lambda: main(prog_name="kcluster"))

"""Options and output plumbing shared by the commands."""

import functools
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import click

from ..context import Session, session
from ..render.machine import write_csv, write_exact_text, write_json, write_jsonl

if TYPE_CHECKING:  # the record types are imported only by what needs them: startup stays quick
    from ..catalog import Catalog
    from ..model import MiniCluster

LIST_FORMATS = ("table", "json", "jsonl", "csv")


def output_format(formats: tuple[str, ...] = LIST_FORMATS) -> Callable:
    """--format CHOICE and its shorthand --json; the command receives `output_format`."""

    def decorate(command: Callable) -> Callable:
        @click.option(
            "--format",
            "output_format",
            type=click.Choice(formats),
            default=None,
            help="Output format (default: table).",
        )
        @click.option("--json", "as_json", is_flag=True, help="Shorthand for --format json.")
        @functools.wraps(command)
        def wrapper(*args: Any, output_format: str | None, as_json: bool, **kwargs: Any) -> Any:
            if as_json and output_format not in (None, "json"):
                raise click.UsageError(f"--json and --format {output_format} disagree: use one of them.")
            return command(*args, output_format="json" if as_json else (output_format or "table"), **kwargs)

        return wrapper

    return decorate


def listed_rows(kind: str, /, **filters: Any) -> list[dict[str, Any]]:
    """`catalog.rows(kind, **filters)`; a filter value that names nothing is a usage error."""
    from ..errors import UnknownValue

    try:
        return session().catalog.rows(kind, **filters)
    except UnknownValue as error:
        raise click.BadParameter(str(error), param_hint=f"'--{error.option}'") from None


def sector_option(kind_words: str) -> Callable:
    """--sector S, repeatable: records in any of the sectors named (a name, id or everyday word)."""
    return click.option(
        "--sector",
        "sector",
        multiple=True,
        metavar="SECTOR",
        help=f"Only {kind_words} in this sector (name, id or word: automotive, ICT, 'medical devices'); "
        "repeat for any of several. See `kcluster sectors`.",
    )


def say_if_empty(records: list[Any], what: str, **filters: Any) -> None:
    """A list whose filters match nothing says so on stderr (its JSON is [], its exit 0)."""
    given = {name: value for name, value in filters.items() if value not in (None, (), [], False)}
    if records or not given:
        return
    described = " ".join(_as_typed(name, value) for name, value in given.items())
    click.echo(f"no {what} match {described}.", err=True)


def _as_typed(name: str, value: Any) -> str:
    option = f"--{name.rstrip('_').replace('_', '-')}"
    if value is True:
        return option
    if isinstance(value, (list, tuple)):
        return " ".join(f"{option} {item}" for item in value)
    return f"{option} {value}"


def emit_records(records: list[dict[str, Any]], output_format: str, draw_table: Callable[[], Any]) -> None:
    """Print a list in the chosen format; `draw_table` renders it for people (an empty list
    has no table: `say_if_empty` has said so on stderr)."""
    stream = sys.stdout
    if output_format == "json":
        write_json(records, stream)
    elif output_format == "jsonl":
        write_jsonl(records, stream)
    elif output_format == "csv":
        write_csv(records, stream)
    elif records:
        draw_table()


def emit_vcards(catalog: "Catalog", mini_clusters: Iterable["MiniCluster"]) -> None:
    """Print mini clusters as vCards (CRLF line endings and UTF-8, whatever the terminal)."""
    from ..exports.vcard import mini_cluster_cards

    write_exact_text(mini_cluster_cards(catalog, mini_clusters), sys.stdout)


def print_rich(*renderables: Any) -> None:
    """Print for people: on a terminal, through the pager when taller than the screen;
    elsewhere, with no trailing spaces on any line."""
    from ..render.console import make_console

    current = session()
    console = make_console(current.no_color)
    with console.capture() as captured:
        for renderable in renderables:
            console.print(renderable)
    text = captured.get()
    if console.is_terminal:
        if not current.no_pager and _on_a_real_terminal() and text.count("\n") >= console.height:
            from ..render.pager import page

            if page(text):
                return
        sys.stdout.write(text)
    else:
        sys.stdout.write("".join(line.rstrip(" ") + "\n" for line in text.splitlines()))


def _on_a_real_terminal() -> bool:
    """Whether stdout is a terminal itself (FORCE_COLOR makes rich colour a pipe; it must not page one)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


# --- choosing a region or a hub by any of its names ---------------------------------------


def resolved_value(resolve: Callable[["Catalog", str], str]) -> Callable:
    """A callback that turns a value as a person types it into what the core takes, by the
    core's rule (filters.py), or reports a usage error listing the valid values."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is None:
            return None
        from ..errors import UnknownValue

        try:
            return resolve(ctx.ensure_object(Session).catalog, value)
        except UnknownValue as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None

    return callback


def complete_ids(candidates: Callable[[Session], Iterable[tuple[str, str]]]) -> Callable:
    """A shell_complete callback offering the ids of `candidates` ((id, name) pairs) that start as typed."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        current = ctx.ensure_object(Session)
        try:
            found = list(candidates(current))
        except click.ClickException:  # a broken dataset completes nothing
            return []
        prefix = incomplete.lower()
        return [CompletionItem(i, help=name) for i, name in found if i.startswith(prefix)]

    return complete


def _region(catalog: "Catalog", value: str) -> str:
    from ..filters import region_id

    return region_id(catalog, value)


def _hub(catalog: "Catalog", value: str) -> str:
    from ..filters import complex_id

    return complex_id(catalog, value, catalog.mini_cluster_hubs(), "hub complex")


def region_option(help_text: str = "Only in this pan-regional zone (id, name or any spelling).") -> Callable:
    return click.option(
        "--region",
        "region",
        metavar="REGION",
        help=help_text,
        callback=resolved_value(_region),
        shell_complete=complete_ids(lambda current: current.catalog.names("regions").items()),
    )


def hub_option() -> Callable:
    return click.option(
        "--hub",
        "hub",
        metavar="HUB",
        help="Only of this hub complex (id, name or any spelling).",
        callback=resolved_value(_hub),
        shell_complete=complete_ids(
            lambda current: ((i, current.catalog.names("complexes")[i]) for i in current.catalog.mini_cluster_hubs())
        ),
    )

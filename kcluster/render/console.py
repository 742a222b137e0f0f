"""The rich console every table is printed on: no markup parsing (data is shown literally)."""

from rich.console import Console

DEFAULT_WIDTH = 80  # for COLUMNS=0, which some environments set when they don't know
MIN_WIDTH = 20  # narrower, every word would be folded: lines wrap in the terminal instead


def make_console(no_color: bool = False) -> Console:
    # markup=False: text in the data or a query such as "[red]x[/red]" is shown as typed.
    # NO_COLOR, TERM=dumb and piping are handled by rich itself.
    console = Console(markup=False, highlight=False, emoji=False, no_color=no_color or None)
    if console.width <= 0:  # rich prints nothing at all at width 0
        console.width = DEFAULT_WIDTH
    elif console.width < MIN_WIDTH:
        console.width = MIN_WIDTH
    return console

"""The rich console every table is printed on: no markup parsing (data is shown literally)."""

from rich.console import Console


def make_console(no_color: bool = False) -> Console:
    # markup=False: text in the data or a query such as "[red]x[/red]" is shown as typed.
    # NO_COLOR, TERM=dumb and piping are handled by rich itself.
    return Console(markup=False, highlight=False, emoji=False, no_color=no_color or None)

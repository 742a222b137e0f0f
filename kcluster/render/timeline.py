"""The phases for people: a bar per dating on a shared year axis, then each phase's details."""

from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from .tables import new_table, stack, text

BAR = "█"
CELL = 3  # characters per year on the axis


def phases_view(phases: list[dict[str, Any]]):
    return stack(timeline(phases), details(phases))


def timeline(phases: list[dict[str, Any]]) -> "Chart | None":
    spans = [(p, period, *_years(period)) for p in phases for period in distinct_datings(p)]
    drawn = [(p, period, start, end) for p, period, start, end in spans if start is not None and end is not None]
    return Chart(drawn) if drawn else None


class Chart:
    """A bar per dating on a shared year axis, drawn only where it fits: wrapped, an axis and
    its bars no longer line up (the details below give every date in words anyway)."""

    def __init__(self, spans: list[tuple[dict[str, Any], dict[str, Any], int, int]]):
        self.spans = spans
        self.first = min(s[2] for s in spans)
        self.last = max(s[3] for s in spans)
        self.label_width = max(len(_label(p, period)) for p, period, _, _ in spans)
        self.width = self.label_width + 1 + (self.last - self.first + 1) * CELL

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.width > options.max_width:
            yield Text(f"(The timeline of bars needs {self.width} columns; the dates are below.)", style="dim")
            return
        bar = BAR if console.encoding.lower().startswith("utf") else "#"  # ASCII terminals: "#", not "?"
        out = Text()
        axis = "".join(f"{year % 100:02d}".ljust(CELL) for year in range(self.first, self.last + 1))
        out.append(" " * (self.label_width + 1) + axis.rstrip() + "\n", style="dim")
        utf = console.encoding.lower().startswith("utf")
        for phase, period, start, end in self.spans:
            colour = f"color({(phase['number'] % 6) + 1})"
            out.append(_label(phase, period).ljust(self.label_width + 1))
            out.append(" " * ((start - self.first) * CELL))
            if period.get("end"):
                out.append(bar * ((end - start + 1) * CELL - 1), style=colour)
            else:  # open-ended ("2010~"): from its start to the end of the axis, and on
                out.append(bar * (CELL - 1), style=colour)
                out.append(("╌" if utf else "-") * ((self.last - start) * CELL) + ("▶" if utf else ">"), style=colour)
            out.append("\n")
        yield out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(self.width, options.max_width), self.width)


def distinct_datings(phase: dict[str, Any]) -> list[dict[str, Any]]:
    """A source that dates a phase the same way in two sections, in one scheme, draws one bar."""
    seen: dict[tuple, dict[str, Any]] = {}
    for period in phase["periods"]:
        seen.setdefault((period["source"], period.get("scheme"), period["start"], period.get("end")), period)
    return list(seen.values())


# The schemes' names on a bar's label, short enough for the chart to fit 80 columns.
SCHEME_LABELS = {"management stages": "mgmt stages"}


def _label(phase: dict[str, Any], period: dict[str, Any]) -> str:
    scheme = period.get("scheme")
    return f"{phase['number']} {period['source']}" + (f" {SCHEME_LABELS.get(scheme, scheme)}" if scheme else "")


def _years(period: dict[str, Any]) -> tuple[int | None, int | None]:
    try:
        start = int(period["start"][:4])
        end = int((period.get("end") or period["start"])[:4])  # an open end is drawn apart
    except (TypeError, ValueError):
        return None, None
    return start, max(start, end)


def details(phases: list[dict[str, Any]]):
    """A table of each phase's datings and budgets; then its goals, projects and targets."""
    from .tables import titled

    table = new_table("phase", "dates (source, scheme)", "budget (source)")
    for phase in phases:
        dates = [
            f"{p['start']}–{p.get('end') or 'open'} ({', '.join(filter(None, (p['source'], p.get('scheme'))))})"
            for p in distinct_datings(phase)
        ]
        budget = [f"{b['year']}: {b['amount']} {b['unit']} ({b['source']})" for b in phase["budget"]]
        table.add_row(f"{phase['number']}. {phase['name']}", text(dates), text(budget))
        table.add_section()
    parts: list[Any] = [table]
    for phase in phases:
        block = titled(f"{phase['number']}. {phase['name']} ({phase['id']})")
        for label in ("goals", "projects", "targets"):
            for item in phase[label]:
                block.append(f"{label[:-1]}: {item}\n")
        block.rstrip()
        parts.append(block)
    return stack(*parts)

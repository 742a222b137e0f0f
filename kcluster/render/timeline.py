"""The phases for people: a bar per dating on a shared year axis, then each phase's details."""

from typing import Any

from rich.text import Text

from .tables import new_table, stack, text

BAR = "█"
CELL = 3  # characters per year on the axis


def phases_view(phases: list[dict[str, Any]]):
    return stack(timeline(phases), details(phases))


def timeline(phases: list[dict[str, Any]]) -> Text | None:
    spans = [(p, period, *_years(period)) for p in phases for period in distinct_datings(p)]
    spans = [s for s in spans if s[2] is not None]
    if not spans:
        return None
    first = min(s[2] for s in spans)
    last = max(s[3] for s in spans)
    label_width = max(len(_label(p, period)) for p, period, _, _ in spans)
    out = Text()
    axis = "".join(f"{year % 100:02d}".ljust(CELL) for year in range(first, last + 1))
    out.append(" " * (label_width + 1) + axis + "\n", style="dim")
    for number, (phase, period, start, end) in enumerate(spans):
        out.append(_label(phase, period).ljust(label_width + 1))
        out.append(" " * ((start - first) * CELL))
        out.append(BAR * ((end - start + 1) * CELL - 1), style=f"color({(phase['number'] % 6) + 1})")
        out.append("\n")
    return out


def distinct_datings(phase: dict[str, Any]) -> list[dict[str, Any]]:
    """A source that dates a phase the same way in two sections draws one bar, not two."""
    seen: dict[tuple, dict[str, Any]] = {}
    for period in phase["periods"]:
        seen.setdefault((period["source"], period["start"], period.get("end")), period)
    return list(seen.values())


def _label(phase: dict[str, Any], period: dict[str, Any]) -> str:
    return f"{phase['number']} {period['source']}"


def _years(period: dict[str, Any]) -> tuple[int | None, int | None]:
    try:
        start = int(period["start"][:4])
        end = int((period.get("end") or period["start"])[:4])
    except (TypeError, ValueError):
        return None, None
    return start, max(start, end)


def details(phases: list[dict[str, Any]]):
    table = new_table("phase", "dates (source)", "goals", "main projects", "targets", "budget")
    for phase in phases:
        dates = [f"{p['start']}–{p.get('end') or '?'} ({p['source']})" for p in distinct_datings(phase)]
        budget = [f"{b['year']}: {b['amount']} {b['unit']}" for b in phase["budget"]]
        table.add_row(f"{phase['number']}. {phase['name']}", text(dates), text(phase["goals"]),
                      text(phase["projects"]), text(phase["targets"]), text(budget))
    return table

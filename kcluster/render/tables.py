"""Rich tables for people, drawn from the views' dicts. Long values wrap; nothing is cut."""

from collections.abc import Callable, Iterable
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

# Fields a page shows in its own section (or not at all) rather than in the field table.
_SECTIONED = {
    "id",
    "type",
    "notes",
    "sources",
    "derived",
    "mini_clusters",
    "hub_complexes",
    "facts",
    "stories",
    "complexes",
    "office",
    "hub_complex",
    "periods",
    "budget",
    "figures",
}


def new_table(*columns: str, title: str | None = None) -> Table:
    table = ListTable(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


class ListTable(Table):
    """A table in which no word is ever broken. Where the cells don't fit on a line, the
    columns share the room without going below their longest word (rich's own sharing
    ignores that and folds ids and URLs); where even the longest words don't fit (a narrow
    terminal), one block a row: the first cell as a heading, then a "column: value" line for
    each other cell, continued 4 columns in (as `mini_clusters_table` does for its own layout)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        cells = [[_plain(column.header), *map(_plain, column.cells)] for column in self.columns]
        if any(None in column for column in cells):  # not all text: rich's own layout
            yield from super().__rich_console__(console, options)
            return
        columns = [[cell or "" for cell in column] for column in cells]
        shortest = [max((cell_len(w) for cell in column for w in cell.split()), default=1) or 1 for column in columns]
        widest = [
            max((cell_len(line) for cell in column for line in cell.splitlines()), default=1) or 1 for column in columns
        ]
        room = options.max_width - self._overhead(console, options, shortest)
        if sum(shortest) > room:
            yield self._blocks(console, options, [column[1:] for column in columns])
        elif sum(widest) <= room:
            yield from super().__rich_console__(console, options)
        else:
            widths = _share(room, shortest, widest)
            saved = [column.width for column in self.columns]
            try:
                for column, width in zip(self.columns, widths, strict=False):
                    column.width = width
                yield from super().__rich_console__(console, options)
            finally:
                for column, previous in zip(self.columns, saved, strict=False):
                    column.width = previous

    def _overhead(self, console: Console, options: ConsoleOptions, shortest: list[int]) -> int:
        """The columns of padding and rules around the cells: rich's measure of a one-row copy."""
        probe = Table(
            box=self.box,
            show_edge=self.show_edge,
            pad_edge=self.pad_edge,
            padding=self.padding,
            collapse_padding=self.collapse_padding,
            show_header=False,
        )
        for _ in self.columns:
            probe.add_column()
        probe.add_row(*("x" * width for width in shortest))
        return Measurement.get(console, options.update_width(10_000), probe).minimum - sum(shortest)

    def _blocks(self, console: Console, options: ConsoleOptions, columns: list[list[str]]) -> Text:
        width = max(options.max_width - 4, 1)
        headers = [str(column.header) for column in self.columns]
        blocks = titled(str(self.title)) if self.title else Text()
        for position, row in enumerate(zip(*columns, strict=False)):
            if position:
                blocks.append("\n")
            if row[0]:
                blocks.append(row[0], style="bold")
                blocks.append("\n")
            for header, value in zip(headers[1:], row[1:], strict=False):
                if not value:
                    continue
                field = Text(f"{header}: ")
                field.append(value)
                for number, line in enumerate(field.wrap(console, width, overflow="fold")):
                    line.rstrip()
                    blocks.append("  " if number == 0 else "    ")
                    blocks.append_text(line)
                    blocks.append("\n")
        blocks.rstrip()
        return blocks


def _share(room: int, shortest: list[int], widest: list[int]) -> list[int]:
    """Column widths summing to `room`, as rich shares them (the widest columns give way first,
    down to a common cap) but never below a column's longest word."""

    def total(cap: int) -> int:
        return sum(max(short, min(wide, cap)) for short, wide in zip(shortest, widest, strict=False))

    cap = 0
    while total(cap + 1) <= room:
        cap += 1
    widths = [max(short, min(wide, cap)) for short, wide in zip(shortest, widest, strict=False)]
    for index, wide in enumerate(widest):  # what is left: a column each, to those cut at the cap
        if sum(widths) < room and widths[index] < wide:
            widths[index] += 1
    return widths


def _plain(cell: Any) -> str | None:
    """A cell's text, or None for a cell that isn't text (the table is then kept)."""
    if isinstance(cell, str):
        return cell
    return cell.plain if isinstance(cell, Text) else None


def text(value: Any) -> str:
    """A value as a cell: lists one item a line, absent values empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "\n".join(text(item) for item in value)
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        return "\n".join(f"{key}: {text(item)}" for key, item in value.items())
    return str(value)


def heading(title: str, subtitle: str) -> Text:
    line = Text(title, style="bold")
    line.append(f"  ({subtitle})")
    return line


def field_table(view: dict[str, Any]) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in view.items():
        if key in _SECTIONED or value in (None, [], {}, ""):
            continue
        table.add_row(key.replace("_", " "), text(value))
    return table


class Adaptive:
    """The widest layout that fits: a wide table, a compact one, or one block a record, so
    a narrow terminal still shows every URL and phone number whole."""

    def __init__(
        self,
        wide: Callable[[], Any],
        compact: Callable[[], Any],
        narrow: Callable[[], Any],
        wide_width: int,
        compact_width: int,
    ):
        self.layouts = ((wide, wide_width), (compact, compact_width))
        self.narrow = narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for layout, width in self.layouts:
            if width <= options.max_width:
                yield layout()
                return
        yield self.narrow()


def mini_clusters_table(
    minis: Iterable[dict[str, Any]], title: str | None = None, hub_names: dict | None = None
) -> Adaptive:
    """Mini clusters ready to call. Where every column fits on one line, a column each; at
    80 columns, the URL and the phone (with its extension) share a cell; where even that
    does not fit (measured, not guessed), one block a mini cluster."""
    minis = list(minis)

    def label(mini: dict[str, Any]) -> str:
        return mini["name"] + (" (agro-industrial)" if mini.get("agro_industrial") else "")

    def hub(mini: dict[str, Any]) -> list[str]:
        return [hub_names.get(mini["complex"], mini["complex"])] if hub_names else []

    first = ["mini cluster", "hub"] if hub_names else ["mini cluster"]

    def wide() -> Table:
        table = new_table(*first, "URL", "ext.", "phone", title=title)
        for mini in minis:
            table.add_row(label(mini), *hub(mini), mini["url"], mini["extension"], mini["phone"])
        return table

    def compact() -> Table:
        table = new_table(*first, "URL and phone", title=title)
        for mini in minis:
            table.add_row(label(mini), *hub(mini), f"{mini['url']}\n{mini['phone']} (ext. {mini['extension']})")
        return table

    def narrow() -> Text:
        block = titled(title) if title else Text()
        for mini in minis:
            block.append(" · ".join([label(mini), *hub(mini)]), style="bold")
            block.append(f"\n  {mini['url']}\n  ext. {mini['extension']}  {mini['phone']}\n")
        return block

    def needs(cells: list[list[str]], whole: set[int]) -> int:
        """The columns a table needs: whole cells in `whole` columns, the longest word elsewhere."""
        widths = [
            max(
                (len(line) if column in whole else max((len(w) for w in line.split()), default=0))
                for row in cells
                for line in row[column].splitlines()
            )
            for column in range(len(cells[0]))
        ]
        return sum(widths) + 2 * (len(widths) - 1)

    rows = [[label(m), *hub(m), m["url"], m["extension"], m["phone"]] for m in minis] or [[""] * (len(first) + 3)]
    joined = [[*row[: len(first)], f"{row[-3]}\n{row[-1]} (ext. {row[-2]})"] for row in rows]
    last = len(first)
    return Adaptive(
        wide,
        compact,
        narrow,
        wide_width=needs(rows, {last, last + 1, last + 2}),
        compact_width=needs(joined, {last}),
    )


def facts_table(facts: Iterable[dict[str, Any]], title: str | None = None) -> Table:
    table = new_table("fact", "value", "as of", "source", title=title)
    for fact in facts:
        value = f"{fact['value']} {fact.get('unit') or ''}".strip()
        sources = ", ".join(sorted({c["source"] for c in fact.get("sources", ())}))
        table.add_row(fact["label"], value, fact.get("as_of") or "", sources)
    return table


def facts_by_subject_view(groups: dict[str, list[dict[str, Any]]]) -> Group:
    """Each subject: its values side by side with source and date, each fact's id, then the
    notes that explain how the values differ."""
    parts: list[Any] = []
    for subject, facts in groups.items():
        table = new_table("value: what it counts; the fact's id", "as of", "source", title=subject)
        for fact in facts:
            value = " ".join(str(part) for part in (fact.get("qualifier"), fact["value"], fact["unit"]) if part)
            sources = ", ".join(dict.fromkeys(c["source"] for c in fact["sources"]))
            table.add_row(f"{value}: {fact['label']}\n{fact['id']}", fact["as_of"] or "", sources)
        parts.append(table)
        notes = [(fact["id"], note) for fact in facts for note in fact["notes"]]
        if notes:
            block = titled("Notes")
            for fact_id, note in notes:
                block.append(f"• {fact_id}: {note}\n")
            block.rstrip()
            parts.append(block)
        parts.append(Text(""))
    return stack(*parts)


def titled(title: str) -> Text:
    """A heading line: the title is bold, what is appended after it is not."""
    block = Text()
    block.append(title, style="bold")
    block.append("\n")
    return block


def cited(record: dict[str, Any]) -> str:
    """The sections a record cites, each once, in the order cited."""
    sections = dict.fromkeys(f"{c['source']}: {c['section']}" for c in record.get("sources", ()))
    return "\n".join(sections)


def sources_block(citations: list[dict[str, str]]) -> Text:
    """Every citation with its quote, under its source and section: the page's own proof."""
    block = titled("Sources")
    current = None
    for citation in citations:
        where = (citation["source"], citation["section"])
        if where != current:
            current = where
            block.append(f"{citation['source']}: {citation['section']}")
            if citation.get("title"):
                block.append(f" ({citation['title']})")
            block.append("\n")
        if citation.get("quote"):
            block.append(f"  “{citation['quote']}”\n")
    block.rstrip()
    return block


def notes_block(notes: list[str]) -> Text | None:
    if not notes:
        return None
    block = titled("Notes")
    for note in notes:
        block.append(f"• {note}\n")
    return block


def stack(*parts: Any) -> Group:
    return Group(*(part for part in parts if part is not None))

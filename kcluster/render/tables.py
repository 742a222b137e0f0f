"""Rich tables for people, drawn from the views' dicts. Long values wrap; nothing is cut."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Column, Table
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
    each other cell, continued 4 columns in (as `mini_clusters_table` does for its own layout).

    Once the widths are known, a table of text in kcluster's own style (`new_table`,
    `field_table`) is drawn here, cell by cell with rich's own wrapping: the same lines as
    rich's Table draws, in a fraction of the time (its general layout machinery was most
    of the time a page took to print).
    """

    def __init__(self, *args: Any, narrow_blocks: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.narrow_blocks = narrow_blocks  # False: too narrow for the words, rich's own layout

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        cells = [[_plain(column.header), *map(_plain, column.cells)] for column in self.columns]
        if not self.columns or any(None in column for column in cells):  # not all text: rich's own layout
            yield from super().__rich_console__(console, options)
            return
        columns = [[cell or "" for cell in column] for column in cells]
        widest = [
            max((cell_len(line) for cell in column for line in cell.splitlines()), default=1) or 1 for column in columns
        ]
        shortest = [
            wide if column.no_wrap else max((cell_len(w) for cell in texts for w in cell.split()), default=1) or 1
            for column, texts, wide in zip(self.columns, columns, widest, strict=True)
        ]
        drawable = self._drawable(options)
        room = options.max_width - (
            self._padding_and_rules() if drawable else self._overhead(console, options, shortest)
        )
        if sum(shortest) > room:
            if self.narrow_blocks:
                yield self._blocks(console, options, [column[1:] for column in columns])
            else:
                yield from super().__rich_console__(console, options)
            return
        widths = widest if sum(widest) <= room else _share(room, shortest, widest)
        if drawable:
            yield from self._draw(console, options, widths)
            return
        saved = [column.width for column in self.columns]
        try:
            for column, width in zip(self.columns, widths, strict=False):
                column.width = width
            yield from super().__rich_console__(console, options)
        finally:
            for column, previous in zip(self.columns, saved, strict=False):
                column.width = previous

    def _drawable(self, options: ConsoleOptions) -> bool:
        """Whether this table is one `_draw` draws as rich would: kcluster's own style, left
        aligned and unstyled rows, and rules rich would not replace (ASCII, old Windows)."""
        columns_plain = all(
            column.justify == "left"
            and column.vertical == "top"
            and not column.highlight
            and (column.ratio, column.width, column.min_width, column.max_width) == (None, None, None, None)
            for column in self.columns
        )
        return (
            columns_plain
            and self.style in (None, "", "none")
            and not (self.border_style or self.min_width)
            and self.box in (None, box.SIMPLE_HEAD)
            and not (self.box and (options.ascii_only or options.legacy_windows))
            and self.padding == (0, 1, 0, 1)
            and not (self.show_edge and self.box)
            and not (self.pad_edge or self.collapse_padding or self.expand or self.width)
            and not (self.show_footer or self.show_lines or self.leading or self.caption or self.row_styles)
            and not any(row.style or row.end_section for row in self.rows)
        )

    def _padding_and_rules(self) -> int:
        """The columns a drawable table puts between its cells: a space of padding on each
        side, and the box's rule (a space too) where there is a box."""
        return (len(self.columns) - 1) * (2 + (1 if self.box else 0))

    def _draw(self, console: Console, options: ConsoleOptions, widths: list[int]) -> RenderResult:
        last = len(self.columns) - 1
        pads = [(0 if index == 0 else 1, 0 if index == last else 1) for index in range(len(self.columns))]
        padded = [width + left + right for width, (left, right) in zip(widths, pads, strict=True)]
        width = sum(padded) + (last if self.box else 0)
        if self.title:
            title = self.title
            if isinstance(title, str):
                title = console.render_str(title, style=self.title_style or "table.title", highlight=False)
            yield from console.render(title, options.update(width=width, justify=self.title_justify, height=None))
        styles = [console.get_style(column.style or "") for column in self.columns]
        rows = list(zip(*(column.cells for column in self.columns), strict=True))
        if self.show_header:
            header_style = console.get_style(self.header_style or "")
            headers = [column.header for column in self.columns]
            header_styles = [header_style + console.get_style(column.header_style or "") for column in self.columns]
            yield from self._draw_row(console, headers, header_styles, widths, pads, header=True)
            if self.box:
                yield Segment(self.box.get_row(padded, "head", edge=False))
                yield Segment.line()
        for row in rows:
            yield from self._draw_row(console, row, styles, widths, pads)

    def _draw_row(
        self,
        console: Console,
        cells: Sequence[Any],
        styles: list[Style],
        widths: list[int],
        pads: list[tuple[int, int]],
        header: bool = False,
    ) -> RenderResult:
        """One row: each cell wrapped to its width, padded, in its style; shorter cells
        filled with blank lines below (above for a header, as rich aligns it)."""
        drawn = [
            self._draw_cell(console, cell, style, width, pad, column)
            for cell, style, width, pad, column in zip(cells, styles, widths, pads, self.columns, strict=True)
        ]
        height = max(len(lines) for lines in drawn)
        for lines, style, width, (left, right) in zip(drawn, styles, widths, pads, strict=True):
            blank = [Segment(" " * (left + width + right), style)]
            filler = [blank] * (height - len(lines))
            lines[:] = filler + lines if header else lines + filler
        rule = Segment(self.box.head_vertical if header else self.box.mid_vertical) if self.box else None
        for number in range(height):
            for index, lines in enumerate(drawn):
                if index and rule:
                    yield rule
                yield from lines[number]
            yield Segment.line()

    def _draw_cell(
        self, console: Console, cell: Any, style: Style, width: int, pad: tuple[int, int], column: Column
    ) -> list[list[Segment]]:
        content = console.render_str(cell, highlight=False) if isinstance(cell, str) else cell
        left, right = pad
        lines = content.wrap(  # as rich's Text renders itself in a table's cell
            console,
            width,
            justify=content.justify or column.justify,
            overflow=content.overflow or column.overflow,
            no_wrap=column.no_wrap if content.no_wrap is None else content.no_wrap,
        )
        drawn = []
        for line in lines:
            segments = [Segment(" " * left)] if left else []
            # A line's own style under its spans' (as rich's Text.join makes it a first span).
            segments += Segment.apply_style(line.render(console), console.get_style(line.style))
            if right:
                segments.append(Segment(" " * right))
            drawn.append(list(Segment.apply_style(segments, style)))
        return drawn

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
    table = ListTable(box=None, show_header=False, pad_edge=False, narrow_blocks=False)
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

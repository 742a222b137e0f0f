"""kcluster draws its own tables of text (render/tables.py, `ListTable._draw`) once the
column widths are chosen, because rich's general Table layout was most of a page's printing
time. What it draws must be what rich's Table draws with the same widths, character for
character and style for style: each output here is printed both ways and compared."""

import pytest
from rich.console import Console
from rich.text import Text

from kcluster.render.tables import ListTable, field_table, new_table

INVOCATIONS = [
    ["show", "Changwon"],
    ["show", "honam", "--sources"],
    ["show", "phase-1"],
    ["complexes"],
    ["mini", "--region", "Honam"],
    ["facts", "kwangju"],
    ["search", "kwangju"],
    ["sector", "medical devices"],
    ["sources"],
    ["timeline", "--from", "2019"],
]
WIDTHS = (40, 63, 80, 120)
CASES = [(args, width) for args in INVOCATIONS for width in WIDTHS]


def _printed(run, args, width):
    """In colour: the characters and their styles (plain output is the same, unstyled)."""
    result = run(*args, env={"COLUMNS": str(width), "FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("args, width", CASES, ids=[f"{' '.join(a)}-{w}" for a, w in CASES])
def test_drawn_tables_are_what_rich_draws(run, monkeypatch, args, width):
    drawn = _printed(run, args, width)
    monkeypatch.setattr(ListTable, "_drawable", lambda self, options: False)
    assert drawn == _printed(run, args, width)


def test_kcluster_tables_are_drawn_by_kcluster(run, monkeypatch):
    """The comparison above holds either way: here, that the drawing is what prints them."""
    drawn = []
    draw = ListTable._draw

    def counted(self, *args):
        drawn.append(self)
        yield from draw(self, *args)

    monkeypatch.setattr(ListTable, "_draw", counted)
    assert run("show", "Changwon", env={"COLUMNS": "80"}).exit_code == 0
    assert len(drawn) >= 4  # the fields, the mini clusters, the later fields, the facts


def _both_ways(table, width):
    def render(drawable):
        console = Console(width=width, force_terminal=True, color_system="truecolor", record=True)
        original = ListTable._drawable
        if not drawable:
            ListTable._drawable = lambda self, options: False
        try:
            with console.capture() as captured:
                console.print(table)
        finally:
            ListTable._drawable = original
        return captured.get()

    return render(True), render(False)


def test_wide_characters_styled_cells_and_headers_of_two_lines():
    """What the data seldom has: Hangul (two columns a character), a cell with its own
    style, a header that wraps while the others don't."""
    table = new_table("name", "a long header that must wrap here", "id", title="Titled")
    table.add_row("창원국가산업단지 Changwon", Text("styled value", style="red"), "changwon")
    table.add_row("", "x" * 30, "an-id-that-is-long")
    for width in (30, 44, 60, 100):
        drawn, by_rich = _both_ways(table, width)
        assert drawn == by_rich, width


def test_a_field_table_too_narrow_for_its_labels_is_left_to_rich():
    table = field_table({"a rather long label": "value words here", "name": "창원"})
    drawn, by_rich = _both_ways(table, 24)
    assert drawn == by_rich

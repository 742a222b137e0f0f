"""Narrow and very wide terminals, NO_COLOR, TERM=dumb: every table command stays readable.

Readable means: no line wider than the terminal, no escape codes when not asked for, and
every record's name, id, URL and phone number present whole (words may wrap between lines,
never break inside). Run in-process (rich reads COLUMNS, NO_COLOR, TERM and FORCE_COLOR from
the environment the runner sets), plus one real process.
"""

import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from kcluster.cli import all_commands


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def warm_cache(monkeypatch, shared_cache):
    """One cache for the module: the shipped dataset is loaded cold once, not once a test."""
    monkeypatch.setenv("KCLUSTER_CACHE_DIR", str(shared_cache))


# Each table command, its arguments, and what must be in its output (from the dataset itself).
VIEWS = {
    "complexes": (["complexes"], lambda catalog, run: [x for c in catalog.every("complexes") for x in (c.name, c.id)]),
    "regions": (["regions"], lambda catalog, run: [x for r in catalog.every("regions") for x in (r.name, r.id)]),
    "compare": (["compare"], lambda catalog, run: [c.characteristic for c in catalog.every("comparisons")]),
    "partnerships": (
        ["partnerships"],
        lambda catalog, run: [x for p in catalog.every("partnerships") for x in (p.acronym, p.id)],
    ),
    "stories": (["stories", "--complex", "wonju"], lambda catalog, run: ["saving-lives-wonju"]),
    "offices": (["offices"], lambda catalog, run: [x for o in catalog.every("branches") for x in (o.name, o.id)]),
    "programmes": (
        ["programmes", "--kind", "law"],
        lambda catalog, run: [p.id for p in catalog.every("programmes") if p.kind == "law"],
    ),
    "sectors": (["sectors"], lambda catalog, run: ["Automotive", "automotive", "Medical Devices"]),
    "sector": (
        ["sector", "medical", "devices"],
        lambda catalog, run: [
            x
            for m in run.json("sector", "medical devices", "--json")["mini_clusters"]
            for x in (m["name"], m["url"], m["phone"])
        ],
    ),
    "organisations": (
        ["organisations", "--kind", "ministry"],
        lambda catalog, run: [o.id for o in catalog.every("organisations") if o.kind == "ministry"],
    ),
    "mini": (
        ["mini", "--region", "honam"],
        lambda catalog, run: [
            x for m in catalog.every("mini_clusters") if m.region == "honam" for x in (m.name, m.url, m.phone)
        ],
    ),
    "sources": (["sources"], lambda catalog, run: [x for s in catalog.every("sources") for x in (s.title, s.id)]),
    "timeline": (
        ["timeline", "--from", "2018"],
        lambda catalog, run: [e.title for e in catalog.every("events") if e.date >= "2018"],
    ),
    "facts": (
        ["facts", "mini clusters"],
        lambda catalog, run: [
            x for f in run.json("facts", "mini clusters", "--json") for x in (f["subject"], f["label"])
        ],
    ),
    "phases": (["phases"], lambda catalog, run: [p.name for p in catalog.every("phases")]),
    "search": (
        ["search", "gumi"],
        lambda catalog, run: [x for h in run.json("search", "gumi", "--json") for x in (h["name"], h["id"])],
    ),
    "show": (
        ["show", "changwon"],
        lambda catalog, run: [
            "KICOX Chanwon Branch",
            *[x for m in catalog.every("mini_clusters") if m.complex == "changwon" for x in (m.name, m.url, m.phone)],
        ],
    ),
}
TERMINALS = {
    "COLUMNS=40": {"COLUMNS": "40"},
    "COLUMNS=100": {"COLUMNS": "100"},
    "COLUMNS=400": {"COLUMNS": "400"},
    "NO_COLOR": {"NO_COLOR": "1"},
    "TERM=dumb": {"TERM": "dumb", "COLUMNS": "60"},
}
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def test_every_table_command_is_here():
    assert set(VIEWS) | {"validate", "export"} == set(all_commands())  # those two print no table


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("terminal", list(TERMINALS))
@pytest.mark.parametrize("view", list(VIEWS))
def test_tables_are_readable_on_any_terminal(run, catalog, view, terminal):
    args, expected = VIEWS[view]
    environment = TERMINALS[terminal]
    result = run(*args, env=environment)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "\x1b[" not in result.stdout
    width = int(environment.get("COLUMNS", 80))
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
    names = expected(catalog, run)
    # No word is broken, unless it is longer than a line can hold (a block's lines are indented
    # up to 4 columns: at 40, 'specialized-industry-share-change-gumi-2009' has to fold).
    words = set(result.stdout.split())
    assert not [w for name in names for w in name.split() if cell_len(w) <= width - 4 and w not in words]
    if terminal in ("COLUMNS=40", "COLUMNS=400"):  # blocks, or room for every cell on one line:
        text = flat(result.stdout)  # each name is whole, in one piece (wrapped only between words)
        assert not [name for name in names if max(map(cell_len, name.split())) <= width - 4 and flat(name) not in text]


def test_columns_0_means_unknown_not_zero(run):
    """Rich prints nothing at all at width 0 (exit 0, empty output): the default width is used."""
    for args in (["complexes"], ["show", "changwon"], ["phases"]):
        assert run(*args, env={"COLUMNS": "0"}).stdout == run(*args, env={"COLUMNS": "80"}).stdout != ""


@pytest.mark.parametrize("view", ["complexes", "show"])
def test_an_absurdly_narrow_terminal_gets_20_columns(run, catalog, view):
    args, expected = VIEWS[view]
    result = run(*args, env={"COLUMNS": "3"})
    assert max(cell_len(line) for line in result.stdout.splitlines()) == 20
    words = set(result.stdout.split())
    assert not [w for name in expected(catalog, run) for w in name.split() if len(w) <= 16 and w not in words]


def test_a_narrow_table_shows_each_record_as_a_block(run):
    result = run("complexes", "--pilot", env={"COLUMNS": "40"})
    assert result.stdout.startswith(
        "Banwol-Sihwa\nbanwol-sihwa\n  region: Seoul Metropolitan Region\n  industries: parts and materials\n"
    )


@pytest.mark.parametrize("width", [60, 80, 100, 101, 105, 110, 120, 140])
def test_every_url_and_phone_is_whole_at_any_width(run, catalog, width):
    """Where the table fits only by wrapping, no column goes below its longest word."""
    result = run("mini", env={"COLUMNS": str(width)})
    words = set(result.stdout.split())
    assert not [x for m in catalog.every("mini_clusters") for x in (m.url, m.phone) if x not in words]


def test_the_phase_chart_is_left_out_where_it_does_not_fit(run):
    narrow = run("phases", env={"COLUMNS": "40"}).stdout
    assert "█" not in narrow and narrow.startswith("(The timeline of bars needs ")
    assert "2005–2008 (eccp-briefing-2018, stages)" in " ".join(narrow.split())  # the dates, in words
    assert "█" in run("phases", env={"COLUMNS": "100"}).stdout


def colours(text: str) -> list[int]:
    """The SGR codes that set a colour (30-38, 40-48, 90-97, 100-107): not bold or dim."""
    codes = [int(code) for sequence in SGR.findall(text) for code in sequence.split(";") if code]
    return [c for c in codes if 30 <= c <= 38 or 40 <= c <= 48 or 90 <= c <= 97 or 100 <= c <= 107]


def test_colours_only_on_a_terminal_that_wants_them(run):
    forced = {"FORCE_COLOR": "1", "COLUMNS": "100"}  # rich's way to say "a colour terminal"
    assert colours(run("phases", env=forced).stdout)  # the bars are coloured ...
    assert not colours(run("phases", env={**forced, "NO_COLOR": "1"}).stdout)  # ... but not with NO_COLOR
    assert not colours(run("--no-color", "phases", env=forced).stdout)  # ... nor with --no-color
    assert "\x1b[" not in run("phases", env={**forced, "TERM": "dumb"}).stdout  # a dumb terminal: no codes at all


def test_a_real_narrow_dumb_terminal(tmp_path):
    environment = {
        "PATH": "/usr/bin:/bin",
        "LC_ALL": "C.UTF-8",
        "KCLUSTER_CACHE_DIR": str(tmp_path),
        "COLUMNS": "40",
        "TERM": "dumb",
        "NO_COLOR": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "kcluster", "regions"], capture_output=True, text=True, env=environment, timeout=60
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "\x1b[" not in result.stdout and max(map(len, result.stdout.splitlines())) <= 40
    assert "Seoul Metropolitan Region\nseoul-metropolitan\n  provinces: Seoul\n" in result.stdout

"""What each command prints for people, at 80 and 120 columns, plain and in colour, is
pinned in tests/golden/: a change of layout shows as a diff to review. After a deliberate
change: `KCLUSTER_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`, then read the diff."""

import os
from pathlib import Path

import pytest

from kcluster.cli import all_commands

GOLDEN = Path(__file__).resolve().parent / "golden"
# One invocation a command, small enough to read in a diff.
INVOCATIONS = {
    "show": ["show", "Sacheon"],
    "search": ["search", "kwangju", "--limit", "5"],
    "complexes": ["complexes", "--pilot", "1"],
    "mini": ["mini", "--region", "Honam"],
    "regions": ["regions"],
    "compare": ["compare"],
    "phases": ["phases", "--source", "eccp-briefing-2018"],
    "timeline": ["timeline", "--from", "2019"],
    "facts": ["facts", "mini clusters count"],
    "sources": ["sources"],
    "validate": ["validate"],
    "export": ["export", "--format", "sqlite"],  # it writes files: pinned here is its usage error
    "partnerships": ["partnerships"],
    "stories": ["stories", "--complex", "Wonju"],
    "offices": ["offices"],
    "programmes": ["programmes", "--kind", "law"],
    "organisations": ["organisations", "--kind", "ministry"],
    "sectors": ["sectors"],
    "sector": ["sector", "medical devices"],
}
CASES = [(name, width, mode) for name in INVOCATIONS for width in (80, 120) for mode in ("plain", "colour")]


def test_every_command_has_a_golden_output():
    assert set(INVOCATIONS) == set(all_commands())


@pytest.mark.parametrize("name, width, mode", CASES, ids=[f"{n}-{w}-{m}" for n, w, m in CASES])
def test_the_output_is_the_golden_one(run, name, width, mode):
    env = {"COLUMNS": str(width)} | ({"FORCE_COLOR": "1", "TERM": "xterm-256color"} if mode == "colour" else {})
    result = run(*INVOCATIONS[name], env=env)
    printed = f"exit {result.exit_code}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
    path = GOLDEN / f"{name}-{width}-{mode}.txt"
    if os.environ.get("KCLUSTER_UPDATE_GOLDEN"):
        path.write_text(printed, encoding="utf-8")
    assert printed == path.read_text(encoding="utf-8")


def test_piped_output_has_no_trailing_spaces():
    for path in GOLDEN.glob("*-plain.txt"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            assert line == line.rstrip(" "), f"{path.name}:{number}"

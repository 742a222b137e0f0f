"""The README's tour is the real output: each `$ kcluster ...` block's lines (but `...`,
which stands for lines left out) are lines of the command's output at 80 columns, in order."""

import re
import shlex
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"```text\n\$ kcluster (.+?)\n(.*?)```", re.DOTALL)


def tour_blocks() -> list[tuple[str, list[str]]]:
    return [(command, body.splitlines()) for command, body in BLOCK.findall(README.read_text(encoding="utf-8"))]


def test_the_readme_has_a_tour():
    assert len(tour_blocks()) >= 2


@pytest.mark.parametrize("command, shown", tour_blocks(), ids=lambda value: value if isinstance(value, str) else "")
def test_each_tour_block_is_the_commands_output(run, command, shown):
    result = run(*shlex.split(command), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    printed = iter(result.stdout.splitlines())
    for line in shown:
        if line == "...":
            continue
        assert any(real == line for real in printed), f"not in `kcluster {command}` (or out of order): {line!r}"

"""The real process and its streams: pipes that close, terminals that can't encode Hangul,
a full disk, a closed stdout. Each test runs `python -m kcluster` in a subprocess with a
controlled environment (no PYTHONUNBUFFERED: output is block-buffered, as for users)."""

import json
import shlex
import subprocess
import sys

import pytest

from kcluster.cli import all_commands

# Every command, with output both under and over the 8 KB stdout buffer (sources --json is
# under: all of it is written at exit; export is 850 KB: the write fails while it runs).
PIPE_ARGS = {
    "show": ["show", "Changwon", "--json"],
    "search": ["search", "gumi"],
    "complexes": ["complexes", "--format", "csv"],
    "mini": ["mini"],
    "regions": ["regions", "--json"],
    "compare": ["compare", "--json"],
    "partnerships": ["partnerships", "--sector", "food", "--json"],
    "stories": ["stories", "--complex", "Wonju", "--json"],
    "offices": ["offices", "--json"],
    "programmes": ["programmes", "--kind", "law", "--json"],
    "organisations": ["organisations", "--kind", "university", "--json"],
    "sectors": ["sectors", "--json"],
    "sector": ["sector", "medical devices", "--json"],
    "phases": ["phases"],
    "timeline": ["timeline", "--format", "jsonl"],
    "facts": ["facts"],
    "sources": ["sources", "--json"],
    "validate": ["validate"],
    "export": ["export", "--format", "json"],
}


@pytest.fixture(scope="module")
def environment(tmp_path_factory) -> dict[str, str]:
    """A UTF-8 locale and a cache shared by the module's processes (warm after the first)."""
    return {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "KCLUSTER_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


def kcluster(*args: str, env: dict[str, str], stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kcluster", *args], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=60
    )


def test_every_command_is_piped():
    assert set(PIPE_ARGS) == set(all_commands())


@pytest.mark.parametrize("args", [*PIPE_ARGS.values(), ["--version"]], ids=lambda args: args[0])
def test_piping_into_a_reader_that_stops_ends_quietly(args, environment, tmp_path):
    """`| head -n 1` (stops after a line) and `| true` (gone before the first write: the
    output still buffered at exit meets the closed pipe): no message, exit 0 or 1."""
    command = shlex.join([sys.executable, "-m", "kcluster", *args])
    script = (
        f"{command} 2>head.err | head -n 1 >head.out; echo ${{PIPESTATUS[0]}} >head.status\n"
        f"{command} 2>gone.err | true; echo ${{PIPESTATUS[0]}} >gone.status\n"
    )
    subprocess.run(["bash", "-c", script], cwd=tmp_path, env=environment, timeout=120, check=True)
    assert len((tmp_path / "head.out").read_text().splitlines()) == 1
    for reader in ("head", "gone"):
        assert (tmp_path / f"{reader}.err").read_text() == "", reader
        assert (tmp_path / f"{reader}.status").read_text().strip() in ("0", "1"), reader


@pytest.mark.parametrize("args", [["regions", "--json"], ["regions"]], ids=["json", "table"])
def test_a_full_disk_is_one_line_on_stderr(args, environment):
    with open("/dev/full", "w") as full:
        result = kcluster(*args, env=environment, stdout=full)
    assert (result.returncode, result.stderr) == (1, b"Error: can't write the output: No space left on device\n")


def test_a_closed_stdout_is_not_a_crash(environment):
    result = subprocess.run(
        ["bash", "-c", f"{shlex.join([sys.executable, '-m', 'kcluster', 'regions', '--json'])} >&-"],
        capture_output=True,
        env=environment,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, b"")


ASCII_TERMINALS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "LC_ALL=C": {"LC_ALL": "C", "PYTHONUTF8": "0"},  # without PYTHONUTF8=0, Python 3.7+ picks UTF-8 for C
}


@pytest.fixture(params=list(ASCII_TERMINALS), ids=list(ASCII_TERMINALS))
def ascii_environment(request, environment) -> dict[str, str]:
    return {**environment, **ASCII_TERMINALS[request.param]}


def test_an_ascii_terminal_gets_a_degraded_page(ascii_environment):
    result = kcluster("show", "changwon", env=ascii_environment)
    assert (result.returncode, result.stderr) == (0, b"")
    text = result.stdout.decode("ascii")  # nothing but ASCII reaches the terminal
    [hangul] = [line for line in text.splitlines() if line.startswith("hangul")]
    assert hangul.split() == ["hangul", "??"]  # 창원, one replacement character each
    assert "http://mini.e-cluster.net/mecha" in text and "+82-70-8895-7820" in text  # the rest is whole


def test_an_ascii_terminal_gets_whole_json(ascii_environment):
    """JSON escapes Hangul rather than degrade it: still valid JSON, nothing lost."""
    result = kcluster("show", "changwon", "--json", env=ascii_environment)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.isascii()
    assert json.loads(result.stdout)["hangul"] == ["창원"]
    lines = kcluster("regions", "--format", "jsonl", env=ascii_environment).stdout.splitlines()
    assert {json.loads(line)["id"]: json.loads(line)["hangul"] for line in lines}["honam"] == ["호남권"]


def test_an_ascii_terminal_gets_degraded_csv(ascii_environment):
    """CSV has no escapes: Hangul becomes "?", every other cell is whole."""
    result = kcluster("complexes", "--format", "csv", env=ascii_environment)
    assert (result.returncode, result.stderr) == (0, b"")
    rows = result.stdout.decode("ascii").splitlines()
    assert any(row.startswith("changwon,Changwon,") and '"[""??""]"' in row for row in rows)


def test_an_ascii_terminal_gets_the_message_of_a_hangul_query(ascii_environment):
    """Messages go through click, which takes a stream set to ASCII for a misconfigured one and
    writes UTF-8 to it (where LC_ALL=C has decoded the argument to escapes, they become "?")."""
    result = kcluster("show", "창원x", "--format", "json", env=ascii_environment)
    assert result.returncode == 0 and b'"id": "changwon"' in result.stdout
    result = kcluster("show", "창원x", env=ascii_environment)
    message = result.stderr.decode("utf-8")
    assert result.returncode == 0 and ": showing Changwon (" in message


def test_an_ascii_terminal_gets_bars_of_hashes(ascii_environment):
    result = kcluster("phases", env={**ascii_environment, "COLUMNS": "100"})
    assert (result.returncode, result.stderr) == (0, b"")
    bars = [line for line in result.stdout.decode("ascii").splitlines() if line.startswith("1 kicox-2010 ")]
    assert bars and all(line.rstrip().endswith(("##", ">")) and "?" not in line for line in bars)

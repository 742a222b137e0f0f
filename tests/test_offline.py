"""kcluster never opens a network connection and never writes inside its installed package."""

import json
import subprocess
import sys
from pathlib import Path

import kcluster
from kcluster.cli import all_commands

# Every command (a new one fails until it is here), and --version.
ARGS = {
    "show": ["show", "Changwon", "--sources"],
    "search": ["search", "kwangju"],
    "complexes": ["complexes", "--region", "dongnam"],
    "mini": ["mini", "--hub", "gumi"],
    "regions": ["regions", "--json"],
    "compare": ["compare", "--json"],
    "partnerships": ["partnerships", "--sector", "food", "--json"],
    "stories": ["stories", "--complex", "Wonju", "--json"],
    "offices": ["offices", "--json"],
    "programmes": ["programmes", "--kind", "law", "--json"],
    "organisations": ["organisations", "--kind", "university", "--json"],
    "sectors": ["sectors", "--json"],
    "sector": ["sector", "medical devices", "--json"],
    "phases": ["phases", "--source", "kicox-2010"],
    "timeline": ["timeline", "--kind", "matchmaking"],
    "facts": ["facts", "budget"],
    "sources": ["sources"],
    "validate": ["validate"],
    "export": ["export", "--format", "json"],
}
ALL_ARGS = [*ARGS.values(), ["--version"]]

# Run in a fresh interpreter: sockets are refused before kcluster (or anything it imports
# lazily) is imported, and every attempt is recorded, even one the code would swallow.
NO_NETWORK = """
import json, socket, sys
attempts = []
class Refused(socket.socket):
    def __init__(self, *args, **kwargs):
        attempts.append(repr(args))
        raise OSError("kcluster must not open a socket")
def create_connection(address, *args, **kwargs):
    attempts.append(repr(address))
    raise OSError("kcluster must not connect")
socket.socket = Refused
socket.create_connection = create_connection
from click.testing import CliRunner
from kcluster.cli import main
codes = [CliRunner().invoke(main, args).exit_code for args in json.loads(sys.argv[1])]
print(json.dumps({"codes": codes, "attempts": attempts}))
"""


def test_every_command_is_here():
    assert set(ARGS) == set(all_commands())


def test_no_command_opens_a_connection(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, json.dumps(ALL_ARGS)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "KCLUSTER_CACHE_DIR": str(tmp_path)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome == {"codes": [0] * len(ALL_ARGS), "attempts": []}


def test_the_refusal_above_would_notice_a_connection(tmp_path):
    """The harness itself: a connection attempt is recorded (so the test above can fail)."""
    probe = NO_NETWORK.replace(
        "from click.testing",
        "import urllib.request\ntry:\n    urllib.request.urlopen("
        "'http://192.0.2.1/', timeout=1)\nexcept OSError:\n    pass\nfrom click.testing",
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, json.dumps([["sources"]])],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "KCLUSTER_CACHE_DIR": str(tmp_path)},
        timeout=120,
    )
    assert json.loads(result.stdout)["attempts"]


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_nothing_is_written_inside_the_package(run, monkeypatch, tmp_path):
    """With no KCLUSTER_CACHE_DIR, the cache goes to the user's cache directory, not the package."""
    package = Path(kcluster.__file__).parent
    before = snapshot(package)
    monkeypatch.delenv("KCLUSTER_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(package)
    for args in ALL_ARGS:
        assert run(*args).exit_code == 0, args
    assert snapshot(package) == before
    assert list((tmp_path / "cache" / "kcluster").glob("*.kcstore"))

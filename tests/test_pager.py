"""The pager, on a real terminal (a pty of this test's own): long output goes through
$KCLUSTER_PAGER or $PAGER (here a fake one that records it ran), short or piped output never."""

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

FAKE_PAGER = """#!/bin/sh
touch "$PAGER_RAN"
cat
"""


@pytest.fixture
def fake_pager(tmp_path):
    script = tmp_path / "fake-pager"
    script.write_text(FAKE_PAGER)
    script.chmod(0o755)
    return script, tmp_path / "pager-ran"


def run_on_a_terminal(args: list[str], env: dict[str, str], rows: int = 24) -> str:
    """Run kcluster with stdout on a pty of `rows` x 80; what it wrote there."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER", "KCLUSTER_PAGER")}
    process = subprocess.Popen(
        [sys.executable, "-m", "kcluster", *args],
        stdout=terminal,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=environment | env,
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(controller)
    return output.decode("utf-8", "replace")


def test_long_output_on_a_terminal_goes_through_the_pager(fake_pager):
    script, ran = fake_pager
    output = run_on_a_terminal(["show", "Changwon"], {"PAGER": str(script), "PAGER_RAN": str(ran)})
    assert ran.exists() and "Changwon" in output


def test_kcluster_pager_wins_and_an_empty_one_turns_paging_off(fake_pager, tmp_path):
    script, ran = fake_pager
    env = {"KCLUSTER_PAGER": str(script), "PAGER": "/nonexistent", "PAGER_RAN": str(ran)}
    run_on_a_terminal(["show", "Changwon"], env)
    assert ran.exists()
    ran.unlink()
    output = run_on_a_terminal(["show", "Changwon"], env | {"KCLUSTER_PAGER": ""})
    assert not ran.exists() and "Changwon" in output
    output = run_on_a_terminal(["--no-pager", "show", "Changwon"], env)
    assert not ran.exists() and "Changwon" in output


def test_short_output_is_not_paged(fake_pager):
    script, ran = fake_pager
    run_on_a_terminal(["sources"], {"PAGER": str(script), "PAGER_RAN": str(ran)}, rows=200)
    assert not ran.exists()


def test_a_missing_pager_program_prints_plainly(fake_pager):
    _, ran = fake_pager
    output = run_on_a_terminal(["show", "Changwon"], {"PAGER": "/no/such/pager"})
    assert "Changwon" in output and "Mini clusters" in output


def test_piped_output_is_never_paged(fake_pager):
    script, ran = fake_pager
    environment = os.environ | {"PAGER": str(script), "PAGER_RAN": str(ran)}
    result = subprocess.run(
        [sys.executable, "-m", "kcluster", "show", "Changwon"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 0 and "Changwon" in result.stdout and not ran.exists()

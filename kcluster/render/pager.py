"""Long output on a terminal goes through a pager, as git and gh do; piped output never.

The pager is $KCLUSTER_PAGER, else $PAGER, else `less -FRX` where less is installed (-F:
quit at once if it fits, -R: keep the colours, -X: leave the text on screen). An empty
KCLUSTER_PAGER, or `--no-pager`, turns it off; a pager that can't be started falls back
to printing.
"""

import os
import shlex
import shutil
import subprocess
import sys

PAGER_VARIABLE = "KCLUSTER_PAGER"


def pager_command() -> list[str] | None:
    """The pager to run, or None for none."""
    chosen = os.environ.get(PAGER_VARIABLE)
    if chosen is None:
        chosen = os.environ.get("PAGER")
    if chosen is None:
        return ["less", "-FRX"] if shutil.which("less") else None
    words = shlex.split(chosen)
    return words or None


def page(text: str) -> bool:
    """Show `text` through the pager; False if there is none to run (the caller prints)."""
    command = pager_command()
    if command is None or shutil.which(command[0]) is None:
        return False
    environment = dict(os.environ)
    environment.setdefault("LESS", "FRX")
    environment.setdefault("LV", "-c")
    try:
        with subprocess.Popen(command, stdin=subprocess.PIPE, env=environment) as pager:
            assert pager.stdin is not None
            try:
                pager.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
                pager.stdin.close()
            except BrokenPipeError:  # the reader quit before the end: that is fine
                pass
            pager.wait()
    except OSError:
        return False
    return True

"""The process's arguments and standard streams: output degrades or stops quietly, it never
ends in a traceback.

- Arguments typed in UTF-8 under a locale that isn't (LC_ALL=C) reach Python as escapes
  ("\\udcec..."); they are decoded as the UTF-8 they are, so `kcluster search 창원` still works.
- A terminal that can't encode Hangul (PYTHONIOENCODING=ascii, LC_ALL=C) gets "?" for what it
  can't show; JSON escapes it instead (`render.machine`), so it stays whole.
- A reader that goes away (`| head`) ends the output quietly with exit 1. click does this for
  a write that fails while a command runs; output still buffered when the command returns is
  flushed here, where the interpreter would otherwise print "Exception ignored ...
  BrokenPipeError" at exit and end with 120.
- Output that can't be written (a full disk) is one line on stderr and exit 1. A standard
  stream closed before start (`>&-`) is the null device: there is nowhere to write.
"""

import errno
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn


def run_guarded(main: Callable[[], Any]) -> NoReturn:
    """Run click's `main` (which ends with SystemExit) with the standard streams guarded."""
    _prepare()
    try:
        try:
            main()
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except OSError as error:
        _stop(error)
    sys.exit(0)


def _prepare() -> None:
    sys.argv = [_as_typed(argument) for argument in sys.argv]
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _as_typed(argument: str) -> str:
    try:
        return os.fsencode(argument).decode("utf-8")
    except UnicodeError:  # not UTF-8 either: keep Python's escapes
        return argument


def _stop(error: OSError) -> NoReturn:
    _discard_stdout()
    if error.errno != errno.EPIPE:
        where = f"{error.filename}: " if error.filename else "can't write the output: "
        try:
            print(f"Error: {where}{error.strerror or error}", file=sys.stderr, flush=True)
        except (OSError, ValueError):
            pass
    sys.exit(1)


def _discard_stdout() -> None:
    """Point stdout at the null device, so the interpreter's own flush at exit can't fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass

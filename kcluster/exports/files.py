"""Writing an export to disk safely.

An export is built beside its target under a temporary name and moved into place only
once complete, so a reader never sees half a file and a failure leaves nothing behind.
An existing file or folder is replaced only when asked (`force`), and never a folder
that doesn't look like an earlier export; nothing is ever written inside the installed
package (its data files would be shadowed or corrupted).
"""

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..loader import PACKAGE_DIR, inside_package

TEMPORARY_PREFIX = ".kcluster-"


class OutputError(Exception):
    """The export can't be written where asked; the message says why, for people."""


def check_target(
    target: Path, *, force: bool, is_folder: bool, replaceable: Callable[[Path], bool] = lambda _: True
) -> None:
    """Raise OutputError unless `target` may be (over)written.

    `replaceable` tells whether an existing folder is one this export may replace.
    """
    resolved = target.resolve()
    if inside_package(str(target)):
        raise OutputError(
            f"{target} is inside the installed kcluster package ({PACKAGE_DIR}): choose an --output elsewhere."
        )
    if not resolved.parent.is_dir():
        raise OutputError(f"{target}: the folder {target.parent} does not exist.")
    if not (target.exists() or target.is_symlink()):
        return
    if target.is_dir() != is_folder:
        wanted, found = ("a folder", "a file") if is_folder else ("a file", "a folder")
        raise OutputError(f"{target} is {found}; this format writes {wanted}. Choose another --output.")
    if not force:
        raise OutputError(f"{target} already exists: add --force to replace it.")
    if is_folder and not replaceable(target):
        raise OutputError(f"{target} holds files that aren't part of a kcluster export: not replacing it.")


@contextmanager
def replacing_file(target: Path, *, force: bool) -> Iterator[Path]:
    """A temporary path beside `target` to write; it becomes `target` if the block succeeds."""
    check_target(target, force=force, is_folder=False)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=TEMPORARY_PREFIX, suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        temporary.chmod(0o666 & ~_umask())  # mkstemp makes it private; the export is an ordinary file
        yield temporary
        check_target(target, force=force, is_folder=False)  # again: it may have appeared meanwhile
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def replacing_folder(target: Path, *, force: bool, replaceable: Callable[[Path], bool]) -> Iterator[Path]:
    """A temporary folder beside `target` to fill; it becomes `target` if the block succeeds.

    Replacing an existing folder takes two renames (the old one aside, the new one in),
    then the old one is deleted; if the second rename fails, the old folder is put back.
    """
    check_target(target, force=force, is_folder=True, replaceable=replaceable)
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=TEMPORARY_PREFIX))
    try:
        temporary.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the export is an ordinary folder
        yield temporary
        check_target(target, force=force, is_folder=True, replaceable=replaceable)
        _move_folder_into_place(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _move_folder_into_place(folder: Path, target: Path) -> None:
    if not target.exists():
        os.rename(folder, target)
        return
    holder = Path(tempfile.mkdtemp(dir=target.parent, prefix=TEMPORARY_PREFIX))
    old = holder / "old"
    try:
        os.rename(target, old)
    except OSError:
        holder.rmdir()
        raise
    try:
        os.rename(folder, target)
    except OSError:
        os.rename(old, target)  # put the earlier export back; if even that fails, it stays in `holder`
        holder.rmdir()
        raise
    shutil.rmtree(holder, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it: put it straight back
    os.umask(mask)
    return mask

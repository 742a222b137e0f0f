"""Finds the dataset, reads and validates it, and says where its cache goes.

Which dataset: `--data-dir`, else `$KCLUSTER_DATA_DIR`, else the one shipped in the package
(a plain folder in an ordinary install; read with importlib.resources from a zip).

What is computed from a valid dataset is cached by compiled.py, under the user's cache
directory, keyed by a hash of every data file and of the code that computes it: any
change to either misses the cache. A cache that can't be read or written only makes
loading slower. Nothing is ever written inside the package.
"""

import os
import stat
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .kinds import KIND_NAMES, file_name

if TYPE_CHECKING:
    import sqlite3

    from .validation import Problem

DATA_DIR_VARIABLE = "KCLUSTER_DATA_DIR"
CACHE_DIR_VARIABLE = "KCLUSTER_CACHE_DIR"
METADATA_FILE = "dataset.toml"  # optional: [dataset] date = "...", about the dataset as a whole
SECTORS_FILE = "sectors.toml"  # optional: kcluster's own sector classification (sectors.py)
OPTIONAL_FILES = (METADATA_FILE, SECTORS_FILE)
CACHE_SUFFIX = ".kcstore"
KEPT_DATASETS = 4  # compiled datasets kept in the cache: the shipped one and a few --data-dir copies
PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


class DatasetError(Exception):
    """The dataset in use can't be loaded; `problems` says everything that is wrong."""

    def __init__(self, location: str, problems: "list[Problem]"):
        self.location = location
        self.problems = problems
        super().__init__(describe_problems(location, problems))


def describe_problems(location: str, problems: "list[Problem]") -> str:
    """Every problem, one a line, as `kcluster validate` prints them."""
    count = len(problems)
    lines = [f"{location} is not valid ({count} problem{'s' if count > 1 else ''}):"]
    lines += [f"  {problem}" for problem in problems]
    return "\n".join(lines)


# Plain classes, not NamedTuples or dataclasses: this module is imported on every start
# (--help too), and creating a NamedTuple class costs about 0.15 ms, a dataclass more.
class Dataset:
    """The validated parse of every data file: {kind: [record tables]}, plus metadata."""

    __slots__ = ("location", "tables", "metadata", "sectors")

    def __init__(
        self,
        location: str,
        tables: dict[str, list[dict[str, Any]]],
        metadata: dict[str, Any],
        sectors: dict[str, Any],
    ):
        self.location = location
        self.tables = tables
        self.metadata = metadata
        self.sectors = sectors  # the parsed sectors.toml, {} where the dataset has none


class DatasetFiles:
    """A dataset's data files, found; their bytes are read only when needed (to compile)."""

    def __init__(self, location: str, folder: Any, names: list[str], stamps: list[tuple] | None):
        self.location = location
        self.folder = folder
        self.names = names
        self._stamps = stamps  # each file's stat, or None where there is none (a zipped install)
        self._contents: dict[str, bytes] | None = None

    @property
    def contents(self) -> dict[str, bytes]:
        """Every file's bytes by file name; DatasetError if one can't be read."""
        if self._contents is None:
            self._contents = _read_contents(self.folder, self.names, self.location)
        return self._contents

    @property
    def key(self) -> str:
        """A hash of the files and of the code that turns them into records and answers:
        a change to either is a different key, so a cache under the old one is not used.

        Files are known by their stat (size, modification and change times, inode), as
        Python knows its own source files: any write changes the change time, and reading
        and hashing every file would cost more, on a large dataset, than a lookup itself.
        """
        return _cache_key(self._stamps if self._stamps is not None else self.contents)


def resolve_location(data_dir: str | None) -> tuple[Any, str]:
    """(the folder, how to name the dataset to people) for the dataset to use.

    The folder is a path (str), or for the shipped dataset in a zipped install an
    importlib.resources Traversable.
    """
    chosen = data_dir or os.environ.get(DATA_DIR_VARIABLE) or None
    if chosen is not None:
        return str(chosen), f"the dataset in {chosen}"
    shipped = os.path.join(PACKAGE_DIR, "data")
    if os.path.isdir(shipped):  # an ordinary install: no need for importlib.resources
        return shipped, "the shipped dataset"
    from importlib import resources

    return resources.files("kcluster.data"), "the shipped dataset"


def read_files(data_dir: str | None = None) -> DatasetFiles:
    """The data files of the dataset in use; DatasetError if the folder or a file is missing."""
    folder, location = resolve_location(data_dir)
    names, stamps = _find_files(folder, location)
    return DatasetFiles(location, folder, names, stamps)


def validated(files: DatasetFiles) -> Dataset:
    """The files parsed and checked; DatasetError with every problem if they are not valid."""
    from .validation import check_dataset, check_metadata, record_ids

    parsed, problems = _parse(files.contents)
    documents = {kind: parsed[file_name(kind)] for kind in KIND_NAMES if file_name(kind) in parsed}
    problems += check_dataset(documents)
    if METADATA_FILE in parsed:
        problems += check_metadata(METADATA_FILE, parsed[METADATA_FILE])
    if SECTORS_FILE in parsed and len(documents) == len(KIND_NAMES):
        from .sectors import check_sectors

        ids = record_ids(documents)
        problems += check_sectors(parsed[SECTORS_FILE], ids)
    if problems:
        raise DatasetError(files.location, problems)
    metadata = parsed.get(METADATA_FILE, {}).get("dataset", {})
    tables = {kind: documents[kind][kind] for kind in KIND_NAMES}
    return Dataset(files.location, tables, metadata, parsed.get(SECTORS_FILE, {}))


def load_dataset(data_dir: str | None = None) -> Dataset:
    """The dataset in use, read and validated now (no cache)."""
    return validated(read_files(data_dir))


def _find_files(folder: Any, location: str) -> tuple[list[str], list[tuple] | None]:
    """The data files' names and stats; raises with the problems of a missing folder or file."""
    try:
        is_folder = _is_dir(folder)
    except OSError as error:  # a name too long, no permission
        raise DatasetError(location, [_problem(str(folder), f"can't be read: {_reason(error)}")]) from None
    except ValueError:  # a NUL byte in the path
        is_folder = False
    if not is_folder:
        raise DatasetError(location, [_problem(str(folder), "no such folder")])
    names: list[str] = []
    stamps: list[tuple] | None = [] if isinstance(folder, str) else None
    problems: list[Problem] = []
    for name in [*map(file_name, KIND_NAMES), *OPTIONAL_FILES]:
        try:
            stamp = _stamp(folder, name)
        except FileNotFoundError:
            if name not in OPTIONAL_FILES:
                problems.append(_problem(name, "file is missing"))
            continue
        except OSError as error:
            problems.append(_problem(name, f"can't be read: {_reason(error)}"))
            continue
        names.append(name)
        if stamps is not None:
            stamps.append((name, *stamp))
    if sum(problem.message == "file is missing" for problem in problems) == len(KIND_NAMES):
        expected = ", ".join(map(file_name, KIND_NAMES))
        problems = [_problem(str(folder), f"no data files (expected {expected})")]
    if problems:
        raise DatasetError(location, problems)
    return names, stamps


def _stamp(folder: Any, name: str) -> tuple:
    """A file's size, times and inode; FileNotFoundError if it is not a file."""
    if not isinstance(folder, str):
        if not folder.joinpath(name).is_file():
            raise FileNotFoundError(name)
        return ()
    status = os.stat(os.path.join(folder, name))
    if stat.S_ISDIR(status.st_mode):
        raise FileNotFoundError(name)
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)


def _read_contents(folder: Any, names: list[str], location: str) -> dict[str, bytes]:
    contents: dict[str, bytes] = {}
    problems: list[Problem] = []
    for name in names:
        try:
            if isinstance(folder, str):
                with open(os.path.join(folder, name), "rb") as stream:
                    contents[name] = stream.read()
            else:
                contents[name] = folder.joinpath(name).read_bytes()
        except OSError as error:
            problems.append(_problem(name, f"can't be read: {_reason(error)}"))
    if problems:
        raise DatasetError(location, problems)
    return contents


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


def _problem(file: str, message: str) -> "Problem":
    from .validation import Problem  # the validator's record types are for a dataset that is read

    return Problem(file, None, None, message)


def _is_dir(folder: Any) -> bool:
    """Whether the folder exists; OSError if the system refuses to say (a path too long)."""
    if not isinstance(folder, str):
        return folder.is_dir()
    try:
        return stat.S_ISDIR(os.stat(folder).st_mode)
    except FileNotFoundError:
        return False


def _parse(contents: dict[str, bytes]) -> "tuple[dict[str, Any], list[Problem]]":
    from .validation import Problem

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib  # type: ignore[no-redef, unused-ignore]

    parsed: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, data in contents.items():
        try:
            parsed[name] = tomllib.loads(data.decode("utf-8"))
        except UnicodeDecodeError as error:
            problems.append(Problem(name, None, None, f"not UTF-8 text ({error.reason} at byte {error.start})"))
        except tomllib.TOMLDecodeError as error:
            problems.append(Problem(name, None, None, f"invalid TOML: {error}"))
    return parsed, problems


def _cache_key(files: dict[str, bytes] | list[tuple]) -> str:
    """A hash of the data files (their stats, or their bytes) and of the code's files."""
    try:  # hashlib would load OpenSSL first: a few milliseconds on every start
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b

    digest = blake2b(digest_size=16)
    digest.update(f"{sys.version_info[:2]}".encode())
    # Every module of the package, not a list kept by hand: any change of code is a new key.
    modules = _package_modules(PACKAGE_DIR)
    for module, status in modules:
        digest.update(f"{module} {status.st_size} {status.st_mtime_ns}".encode())
    if not modules:  # a zipped install: its version stands for the code
        from . import version

        digest.update(version().encode())
    if isinstance(files, dict):
        for name in sorted(files):
            digest.update(name.encode() + b"\0" + files[name] + b"\0")
    else:
        digest.update(repr(files).encode())
    return digest.hexdigest()


def _package_modules(folder: str, prefix: str = "") -> list[tuple[str, os.stat_result]]:
    """(path within the package, stat) of every Python module below `folder`, sorted;
    none in a zipped install, where the version stands for the code."""
    found: list[tuple[str, os.stat_result]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return found
    for entry in entries:
        if entry.name.endswith(".py"):
            found.append((prefix + entry.name, entry.stat()))
        elif entry.is_dir() and not entry.name.startswith((".", "__")):
            found += _package_modules(entry.path, f"{prefix}{entry.name}/")
    return found


def cache_dir() -> str | None:
    """$KCLUSTER_CACHE_DIR, else kcluster/ in the user's cache directory; None if there is none."""
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    # A relative XDG_CACHE_HOME is to be ignored; no home at all would put the cache in the working directory.
    return os.path.join(base, "kcluster") if os.path.isabs(base) else None


def cache_file(key: str) -> str | None:
    """Where the cache of a key is, or None where kcluster has no cache (and never inside itself)."""
    folder = cache_dir()
    if folder is None or inside_package(folder):
        return None
    return os.path.join(folder, f"{key}{CACHE_SUFFIX}")


def inside_package(path: str) -> bool:
    """Whether a path is in the installed package: kcluster never writes there (its cache,
    its exports), whatever the environment or the command line says."""
    try:
        package = os.path.realpath(PACKAGE_DIR)
        return os.path.commonpath([os.path.realpath(path), package]) == package
    except (OSError, ValueError):
        return True  # can't tell: don't write


def write_cache_file(key: str, write: "Callable[[sqlite3.Connection], None]") -> bool:
    """Write a store into the cache, best effort and atomically (a temporary file, then a
    rename): whether it is there now. An unwritable cache directory only costs speed next
    time, and no reader ever sees half a file."""
    import sqlite3
    import tempfile

    target = cache_file(key)
    if target is None:
        return False
    folder = os.path.dirname(target)
    try:
        os.makedirs(folder, exist_ok=True)
        _remove_stale_entries(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=CACHE_SUFFIX)
        os.close(handle)
        try:
            connection = sqlite3.connect(temporary)
            try:
                write(connection)
            finally:
                connection.close()
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError, sqlite3.Error):
        return False
    return True


def _remove_stale_entries(folder: str, keep: int = KEPT_DATASETS) -> None:
    """Keep the cache small: only the most recent entries (several --data-dir datasets)."""
    from pathlib import Path

    entries = sorted(Path(folder).glob(f"*{CACHE_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[keep - 1 :]:
        stale.unlink(missing_ok=True)

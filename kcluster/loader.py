"""Finds the dataset, reads and validates it, and keeps a cache of the validated parse.

Which dataset: `--data-dir`, else `$KCLUSTER_DATA_DIR`, else the one shipped in the package
(read with importlib.resources, so it works from a wheel or a zip too).

What is computed from a valid dataset is cached by compiled.py, under the user's cache
directory, keyed by a hash of every data file and of the code that computes it: any
change to either misses the cache. A cache that can't be read or written only makes
loading slower. Nothing is ever written inside the package.
"""

import os
import sys
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, NamedTuple

from . import __version__
from .kinds import KIND_NAMES, file_name

if TYPE_CHECKING:
    from .validation import Problem

DATA_DIR_VARIABLE = "KCLUSTER_DATA_DIR"
CACHE_DIR_VARIABLE = "KCLUSTER_CACHE_DIR"
METADATA_FILE = "dataset.toml"  # optional: [dataset] date = "...", about the dataset as a whole
CACHE_SUFFIX = ".kcstore"
# The code that shapes what the cache holds (records, pages, search entries): see compiled.py.
_COMPILING_MODULES = ("model.py", "validation.py", "loader.py", "catalog.py", "views.py", "indexing.py",
                      "search.py", "romanization.py", "store.py", "compiled.py", "kinds.py")
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


class DatasetError(Exception):
    """The dataset in use can't be loaded; `problems` says everything that is wrong."""

    def __init__(self, location: str, problems: "list[Problem]"):
        self.location = location
        self.problems = problems
        super().__init__(f"the dataset in {location} has {len(problems)} problem(s)")


# NamedTuples, not dataclasses: this module is imported on every start, and a dataclass
# costs a couple of milliseconds to create.
class Dataset(NamedTuple):
    """The validated parse of every data file: {kind: [record tables]}, plus metadata."""

    location: str
    tables: dict[str, list[dict[str, Any]]]
    metadata: dict[str, Any]


class DatasetFiles(NamedTuple):
    """The bytes of every data file of a dataset, before parsing."""

    location: str
    contents: dict[str, bytes]

    @property
    def key(self) -> str:
        """A hash of the files and of the code that turns them into records and answers:
        a change to either is a different key, so a cache under the old one is not used."""
        return _cache_key(self.contents)


def resolve_location(data_dir: str | None) -> tuple[Any, str]:
    """(the folder, how to name the dataset to people) for the dataset to use.

    The folder is a path (str), or for the shipped dataset in a zipped install an
    importlib.resources Traversable.
    """
    chosen = data_dir or os.environ.get(DATA_DIR_VARIABLE) or None
    if chosen is not None:
        return str(chosen), f"the dataset in {chosen}"
    shipped = os.path.join(_PACKAGE, "data")
    if os.path.isdir(shipped):  # an ordinary install: no need for importlib.resources
        return shipped, "the shipped dataset"
    from importlib import resources

    return resources.files("kcluster.data"), "the shipped dataset"


def read_files(data_dir: str | None = None) -> DatasetFiles:
    folder, location = resolve_location(data_dir)
    return DatasetFiles(location, _read_files(folder, location))


def validated(files: DatasetFiles) -> Dataset:
    """The files parsed and checked; DatasetError with every problem if they are not valid."""
    from .validation import check_dataset

    parsed, problems = _parse(files.contents)
    documents = {kind: parsed[file_name(kind)] for kind in KIND_NAMES if file_name(kind) in parsed}
    problems += check_dataset(documents)
    if problems:
        raise DatasetError(files.location, problems)
    metadata = parsed.get(METADATA_FILE, {}).get("dataset", {})
    return Dataset(files.location, {kind: documents[kind][kind] for kind in KIND_NAMES}, metadata)


def load_dataset(data_dir: str | None = None) -> Dataset:
    """The dataset in use, read and validated now (no cache)."""
    return validated(read_files(data_dir))


def _read_files(folder: Any, location: str) -> dict[str, bytes]:
    """Every data file's bytes by file name; raises with the problems of a missing folder or file."""
    if not _is_dir(folder):
        raise DatasetError(location, [_problem(str(folder), "no such folder")])
    contents: dict[str, bytes] = {}
    problems: list[Problem] = []
    for name in [*map(file_name, KIND_NAMES), METADATA_FILE]:
        try:
            contents[name] = _read_bytes(folder, name)
        except FileNotFoundError:
            if name != METADATA_FILE:
                problems.append(_problem(name, "file is missing"))
        except OSError as error:
            problems.append(_problem(name, f"can't be read: {error.strerror or error}"))
    if len(problems) == len(KIND_NAMES):
        expected = ", ".join(map(file_name, KIND_NAMES))
        problems = [_problem(str(folder), f"no data files (expected {expected})")]
    if problems:
        raise DatasetError(location, problems)
    return contents


def _problem(file: str, message: str) -> "Problem":
    from .validation import Problem  # the validator's record types are for a dataset that is read

    return Problem(file, None, None, message)


def _is_dir(folder: Any) -> bool:
    return os.path.isdir(folder) if isinstance(folder, str) else folder.is_dir()


def _read_bytes(folder: Any, name: str) -> bytes:
    """A file's bytes; FileNotFoundError if it is not a file."""
    if isinstance(folder, str):
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            raise FileNotFoundError(path)
        with open(path, "rb") as stream:
            return stream.read()
    entry = folder.joinpath(name)
    if not entry.is_file():
        raise FileNotFoundError(name)
    return entry.read_bytes()


def _parse(contents: dict[str, bytes]) -> "tuple[dict[str, Any], list[Problem]]":
    from .validation import Problem

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

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


def _cache_key(contents: dict[str, bytes]) -> str:
    try:  # hashlib would load OpenSSL first: a few milliseconds on every start
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b

    digest = blake2b(digest_size=16)
    digest.update(f"{__version__} {sys.version_info[:2]}".encode())
    for module in _COMPILING_MODULES:
        try:
            with open(os.path.join(_PACKAGE, module), "rb") as stream:
                digest.update(stream.read())
        except OSError:  # a zipped install: the version above stands for the code
            digest.update(module.encode())
    for name in sorted(contents):
        digest.update(name.encode() + b"\0" + contents[name] + b"\0")
    return digest.hexdigest()


def cache_dir() -> str:
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "kcluster")


def cache_file(key: str) -> str:
    return os.path.join(cache_dir(), f"{key}{CACHE_SUFFIX}")


def write_cache_file(key: str, write: Callable[[BinaryIO], None]) -> None:
    """Best effort, and atomic (a temporary file, then a rename): an unwritable cache
    directory only costs speed next time, and no reader ever sees half a file."""
    import tempfile

    folder = cache_dir()
    try:
        os.makedirs(folder, exist_ok=True)
        _remove_stale_entries(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=CACHE_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as stream:
                write(stream)
            os.replace(temporary, cache_file(key))
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        pass


def _remove_stale_entries(folder: str, keep: int = 8) -> None:
    """Keep the cache small: only the most recent entries (several --data-dir datasets)."""
    from pathlib import Path

    entries = sorted(Path(folder).glob(f"*{CACHE_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[keep - 1 :]:
        stale.unlink(missing_ok=True)

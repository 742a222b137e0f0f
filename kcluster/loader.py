"""Finds the dataset, reads and validates it, and keeps a cache of the validated parse.

Which dataset: `--data-dir`, else `$KCLUSTER_DATA_DIR`, else the one shipped in the package
(read with importlib.resources, so it works from a wheel or a zip too).

The cache holds the parsed, already validated TOML (as marshal) under the user's cache
directory, keyed by a hash of every data file and of the schema's code: any change to
either misses the cache. A cache that can't be read or written only makes loading slower.
"""

import hashlib
import marshal
import os
import sys
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .model import KINDS
from .validation import Problem, check_dataset, check_metadata, file_name

DATA_DIR_VARIABLE = "KCLUSTER_DATA_DIR"
CACHE_DIR_VARIABLE = "KCLUSTER_CACHE_DIR"
METADATA_FILE = "dataset.toml"  # optional: [dataset] date = "...", about the dataset as a whole
_SCHEMA_MODULES = ("model.py", "validation.py", "loader.py")


class DatasetError(Exception):
    """The dataset in use can't be loaded; `problems` says everything that is wrong."""

    def __init__(self, location: str, problems: list[Problem]):
        self.location = location
        self.problems = problems
        super().__init__(f"the dataset in {location} has {len(problems)} problem(s)")


@dataclass(frozen=True)
class Dataset:
    """The validated parse of every data file: {kind: [record tables]}, plus metadata."""

    location: str
    tables: dict[str, list[dict[str, Any]]]
    metadata: dict[str, Any]


def resolve_location(data_dir: str | None) -> tuple[Any, str]:
    """(a Traversable folder, how to name the dataset to people) for the dataset to use."""
    chosen = data_dir or os.environ.get(DATA_DIR_VARIABLE) or None
    if chosen is None:
        return resources.files("kcluster.data"), "the shipped dataset"
    return Path(chosen), f"the dataset in {chosen}"


def load_dataset(data_dir: str | None = None) -> Dataset:
    folder, location = resolve_location(data_dir)
    contents = _read_files(folder, location)
    key = _cache_key(contents)
    cached = _read_cache(key)
    if cached is not None:
        return Dataset(location, cached["tables"], cached["metadata"])
    parsed, problems = _parse(contents)
    documents = {kind: parsed[file_name(kind)] for kind in KINDS if file_name(kind) in parsed}
    problems += check_dataset(documents)
    if METADATA_FILE in parsed:
        problems += check_metadata(METADATA_FILE, parsed[METADATA_FILE])
    if problems:
        raise DatasetError(location, problems)
    metadata = parsed.get(METADATA_FILE, {}).get("dataset", {})
    tables = {kind: documents[kind][kind] for kind in KINDS}
    _write_cache(key, {"tables": tables, "metadata": metadata})
    return Dataset(location, tables, metadata)


def _read_files(folder: Any, location: str) -> dict[str, bytes]:
    """Every data file's bytes by file name; raises with the problems of a missing folder or file."""
    try:
        is_folder = folder.is_dir()
    except OSError as error:  # a name too long, no permission
        raise DatasetError(location, [Problem(str(folder), None, None, f"can't be read: {_reason(error)}")]) from None
    if not is_folder:
        raise DatasetError(location, [Problem(str(folder), None, None, "no such folder")])
    contents: dict[str, bytes] = {}
    problems: list[Problem] = []
    for name in [*map(file_name, KINDS), METADATA_FILE]:
        entry = folder.joinpath(name)
        try:
            is_file = entry.is_file()
        except OSError as error:
            problems.append(Problem(name, None, None, f"can't be read: {_reason(error)}"))
            continue
        if not is_file:
            if name != METADATA_FILE:
                problems.append(Problem(name, None, None, "file is missing"))
            continue
        try:
            contents[name] = entry.read_bytes()
        except OSError as error:
            problems.append(Problem(name, None, None, f"can't be read: {_reason(error)}"))
    if sum(problem.message == "file is missing" for problem in problems) == len(KINDS):
        expected = ", ".join(map(file_name, KINDS))
        problems = [Problem(str(folder), None, None, f"no data files (expected {expected})")]
    if problems:
        raise DatasetError(location, problems)
    return contents


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


def _parse(contents: dict[str, bytes]) -> tuple[dict[str, Any], list[Problem]]:
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
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__} {sys.version_info[:2]}".encode())
    package = Path(__file__).parent
    for module in _SCHEMA_MODULES:
        try:
            digest.update((package / module).read_bytes())
        except OSError:
            digest.update(module.encode())
    for name in sorted(contents):
        digest.update(name.encode() + b"\0" + contents[name] + b"\0")
    return digest.hexdigest()


def cache_dir() -> Path | None:
    """$KCLUSTER_CACHE_DIR, else kcluster/ in the user's cache directory; None if there is none."""
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache"))
    # A relative XDG_CACHE_HOME is to be ignored; no home at all would put the cache in the working directory.
    return base / "kcluster" if base.is_absolute() else None


def _read_cache(key: str) -> dict[str, Any] | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = (folder / f"{key}.marshal").read_bytes()
        cached = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return cached if _is_cache_entry(cached) else None


def _is_cache_entry(cached: Any) -> bool:
    """What `_write_cache` writes: a damaged or foreign file is ignored, not trusted."""
    if not isinstance(cached, dict) or not isinstance(cached.get("metadata"), dict):
        return False
    tables = cached.get("tables")
    return (isinstance(tables, dict) and set(tables) == set(KINDS)
            and all(isinstance(t, list) and all(isinstance(r, dict) for r in t) for t in tables.values()))


def _write_cache(key: str, value: dict[str, Any]) -> None:
    """Best effort: an unwritable cache directory only costs speed next time."""
    folder = cache_dir()
    if folder is None or _inside_package(folder):
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale_entries(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(handle, "wb") as stream:
                marshal.dump(value, stream)
            os.replace(temporary, folder / f"{key}.marshal")
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        pass


def _inside_package(folder: Path) -> bool:
    """kcluster never writes inside its installed package, whatever the environment says."""
    try:
        return folder.resolve().is_relative_to(Path(__file__).parent.resolve())
    except (OSError, RuntimeError, ValueError):
        return True  # can't tell: don't write


def _remove_stale_entries(folder: Path, keep: int = 8) -> None:
    """Keep the cache small: only the most recent entries (several --data-dir datasets)."""
    entries = sorted(folder.glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[keep - 1 :]:
        stale.unlink(missing_ok=True)

"""The dataset in other people's tools: whole-dataset exports to files, and contact cards.

`write_export` writes JSON, a SQLite database or a folder of CSV files with a Frictionless
data package, safely (see `files`); `vcard` makes contact cards of mini clusters. The
table layouts come from `schema`, which reads them off the model.
"""

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the export command imports this on every start: only what it needs then
    from pathlib import Path

    from ..catalog import Catalog

FILE_FORMATS = ("json", "csv", "sqlite")

# The curated dataset's licence (LICENSE), said wherever an export has room for it.
DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
LICENCE_NOTE = (
    "The curated kcluster dataset is licensed under CC BY 4.0. The facts are taken from the five source "
    "documents listed in `sources`; those documents remain under their publishers' own terms."
)


class Summary(NamedTuple):
    """What an export wrote: tables (or files, or kinds) and rows (or records)."""

    tables: int
    rows: int


def write_export(catalog: "Catalog", output_format: str, target: "Path", *, force: bool) -> Summary:
    """Write the whole dataset to `target` in `output_format`; raises files.OutputError if it may not."""
    from .files import replacing_file, replacing_folder

    if output_format == "csv":
        from .csvpackage import is_csv_package, write_csv_package

        with replacing_folder(target, force=force, replaceable=is_csv_package) as folder:
            return write_csv_package(catalog, folder)
    with replacing_file(target, force=force) as path:
        if output_format == "sqlite":
            from .sqlite import write_sqlite

            return write_sqlite(catalog, path)
        return _write_json(catalog, path)


def _write_json(catalog: "Catalog", path: "Path") -> Summary:
    from ..kinds import KIND_NAMES
    from ..render.machine import write_json
    from ..views import dump

    everything = dump(catalog)
    with path.open("w", encoding="utf-8") as stream:
        write_json(everything, stream)
    return Summary(len(KIND_NAMES), sum(len(everything[kind]) for kind in KIND_NAMES))

"""kcluster: the offline, sourced, scriptable reference to Korea's industrial complex clusters.

    import kcluster
    catalog = kcluster.load()                  # the shipped dataset; load(data_dir=...) for a copy
    catalog.resolve("Changwon")                # the record `kcluster show Changwon` opens
    catalog.records("mini_clusters", region="honam")

See README.md, "Use from Python". Importing this package imports nothing else of it:
the command line starts quickly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .catalog import Catalog, Hit
    from .errors import NotFound, UnknownValue
    from .loader import DatasetError

__all__ = ["load", "Catalog", "Hit", "NotFound", "UnknownValue", "DatasetError", "__version__"]


def load(data_dir: str | None = None) -> Catalog:
    """The catalogue of the shipped dataset, or of the dataset in `data_dir` (else
    $KCLUSTER_DATA_DIR). Raises DatasetError, listing every problem, if it is not valid."""
    from .catalog import Catalog
    from .compiled import open_store_for

    location, store = open_store_for(data_dir)
    return Catalog(location, store)


_LAZY = {
    "Catalog": "catalog",
    "Hit": "catalog",
    "NotFound": "errors",
    "UnknownValue": "errors",
    "DatasetError": "loader",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return version()
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def version() -> str:
    """The version of the installed distribution (written once, in pyproject.toml)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("kcluster")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"

"""The compiled dataset: what the commands need, computed once from a valid dataset and
cached, so that a lookup reads a few precomputed values instead of building every record.

Computed from the catalogue with the same functions the commands would call (views.page,
views.citations, Record.to_dict, the search's entries), so an answer from the cache is the
answer the catalogue gives. The store file is keyed by a hash of the data files and of the
code (loader.DatasetFiles.key): a changed file or a new version misses, and the dataset
is validated again before anything is cached.
"""

from typing import Any

from .loader import Dataset, DatasetFiles, cache_file, read_files, validated, write_cache_file
from .store import Keyed, Store, StoreError, open_store, write_store

# Kinds whose records the list commands read from the store, as dicts in the export shape.
LISTED_KINDS = ("mini_clusters",)


class Compiled:
    """The dataset in use as the commands read it: the store, and the catalogue on demand."""

    def __init__(self, location: str, store: Store, catalog: Any = None):
        self.location = location
        self.store = store
        self._catalog = catalog  # the Catalog, when it was built to compile the store

    @property
    def catalog(self) -> Any:
        """Every record as record types (a Catalog): for what the store holds no answer to."""
        if self._catalog is None:
            from .catalog import Catalog

            meta = self.store.whole("meta")
            self._catalog = Catalog(Dataset(self.location, self.store.whole("tables"), meta["metadata"]))
        return self._catalog

    @property
    def dataset_date(self) -> str:
        return self.store.whole("meta")["date"]

    def page(self, ref: str) -> dict[str, Any]:
        return self.store.get("pages", ref)

    def page_json(self, ref: str) -> str:
        """The page as `write_json` writes it to a Unicode stream, ready-made: no json to import."""
        return self.store.get("page_json", ref)

    def citations(self, ref: str) -> list[dict[str, str]]:
        return self.store.get("citations", ref)

    def rows(self, kind: str) -> list[dict[str, Any]]:
        return self.store.whole(f"rows:{kind}")

    def names(self, kind: str) -> dict[str, str]:
        """{id: display name} of a kind's records, in dataset order."""
        return self.store.whole(f"names:{kind}")

    @property
    def hubs(self) -> list[str]:
        """Ids of the complexes that have mini clusters."""
        return self.store.whole("meta")["hubs"]


def open_compiled(data_dir: str | None = None) -> Compiled:
    """The compiled dataset in use: from the cache, or built (validating the dataset) and cached.

    Raises loader.DatasetError when the dataset is not valid.
    """
    files = read_files(data_dir)
    key = files.key
    cached = cache_file(key)
    try:
        if cached is not None:
            return Compiled(files.location, open_store(cached))
    except (OSError, StoreError):
        pass
    compiled = compile_dataset(files)
    write_cache_file(key, lambda stream: write_store(stream, compiled.store.sections))
    return compiled


def compile_dataset(files: DatasetFiles) -> Compiled:
    """Validate a dataset and compute everything the store holds (DatasetError if invalid)."""
    from .catalog import Catalog  # only here: a cached dataset needs no record types

    dataset = validated(files)
    catalog = Catalog(dataset)
    return Compiled(files.location, Store(compile_sections(catalog, dataset)), catalog)


def compile_sections(catalog: Any, dataset: Dataset) -> dict[str, Any]:
    from .indexing import search_sections
    from .model import Complex
    from .render.machine import json_text
    from .search import reference
    from .views import citations, page

    pages, page_json, cited = Keyed(), Keyed(), Keyed()
    for record in catalog.all_records():
        ref = reference(record.KIND, record.id)
        pages[ref] = page(catalog, record)
        page_json[ref] = json_text(pages[ref])
        cited[ref] = citations(catalog, pages[ref])
    meta = {
        "date": catalog.dataset_date,
        "metadata": dataset.metadata,
        "hubs": [c.id for c in catalog.of(Complex) if catalog.mini_clusters_of(c.id)],
    }
    sections = {
        "meta": meta,
        "tables": dataset.tables,
        "pages": pages,
        "page_json": page_json,
        "citations": cited,
        **{f"rows:{kind}": [r.to_dict() for r in catalog.records[kind]] for kind in LISTED_KINDS},
        **{f"names:{kind}": {r.id: r.display_name for r in records} for kind, records in catalog.records.items()},
    }
    searching = search_sections(catalog)
    if sections.keys() & searching.keys():  # one would hide the other
        raise ValueError(f"sections of two meanings: {sorted(sections.keys() & searching.keys())}")
    return sections | searching

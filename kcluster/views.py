"""What each output contains, as plain dicts in the export shape, with related records embedded.

The same dicts feed --json and the tables for people, so both always show the same thing.
No click, no rich here.
"""

from typing import Any

from .catalog import Catalog
from .model import Branch, Complex, MiniCluster, Record, Region


def dump(catalog: Catalog) -> dict[str, list[dict[str, Any]]]:
    """The whole dataset: {kind: [record, ...]}, the stable machine shape."""
    return {kind: [record.to_dict() for record in records] for kind, records in catalog.records.items()}

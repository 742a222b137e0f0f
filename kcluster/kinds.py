"""The kinds of record, in the order of the dump: the TOML file names and the dump's keys.

A module of its own so that the command line can name them (`search --type`) without
importing the record types; model.py checks that its KINDS agree.
"""

KIND_NAMES = (
    "regions",
    "complexes",
    "mini_clusters",
    "branches",
    "phases",
    "events",
    "programmes",
    "organisations",
    "facts",
    "stories",
    "partnerships",
    "sources",
)


def file_name(kind: str) -> str:
    """The data file holding a kind's records."""
    return f"{kind}.toml"

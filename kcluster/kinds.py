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
    "comparisons",
    "sources",
)


def file_name(kind: str) -> str:
    """The data file holding a kind's records."""
    return f"{kind}.toml"


# How people name each kind, singular first: what tables print, and what `--type` and the
# Python API accept besides the kind itself.
KIND_WORDS = {
    "regions": ("region", "pan-regional zone", "zone"),
    "complexes": ("complex", "industrial complex"),
    "mini_clusters": ("mini cluster", "mini-cluster", "minicluster"),
    "branches": ("KICOX office", "office", "branch"),
    "phases": ("phase", "programme phase"),
    "events": ("event",),
    "programmes": ("programme", "program"),
    "organisations": ("organisation", "organization"),
    "facts": ("fact",),
    "stories": ("success story", "story"),
    "partnerships": ("partnership", "ESCP-4i partnership"),
    "comparisons": ("comparison", "comparison row"),
    "sources": ("source", "source document", "document"),
}


def _folded(name: str) -> str:
    return " ".join(name.casefold().replace("_", " ").replace("-", " ").split())


_KIND_INDEX: dict[str, str] | None = None


def _kind_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for kind, words in KIND_WORDS.items():
        for word in (kind, *words):
            folded = _folded(word)
            index[folded] = kind
            index.setdefault(folded + "s", kind)  # "offices", "programs", "mini clusters"
            if folded.endswith("y"):
                index.setdefault(folded[:-1] + "ies", kind)
    return index


def kind_named(name: str) -> str:
    """The kind a person means by `name`: the kind, singular or plural, or its label
    ("complex", "mini cluster", "offices", "success stories"). ValueError if none."""
    if name in KIND_WORDS:  # the kinds themselves: no need to build the index
        return name
    global _KIND_INDEX
    if _KIND_INDEX is None:
        _KIND_INDEX = _kind_index()
    kind = _KIND_INDEX.get(_folded(name))
    if kind is None:
        raise ValueError(f"no kind of record {name!r}; kinds: {', '.join(KIND_NAMES)}")
    return kind


_NAME_FIELDS = {
    "events": "title",
    "facts": "label",
    "stories": "title",
    "sources": "title",
    "comparisons": "characteristic",
}


def name_field(kind: str) -> str:
    """The field holding what people call a kind's records (model.Record.NAME_FIELDS[0])."""
    return _NAME_FIELDS.get(kind, "name")

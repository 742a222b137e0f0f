"""Builds the search entries of a catalogue and the indexes that find them quickly.

Done once per dataset (the result is kept in the compiled store); `search.py` only reads
it. An entry is a plain tuple (see `search.Entry`) so that it can be stored as is.

The indexes let a query look at the few entries that can match it instead of all of
them: each way of matching (see search.py) has an index giving a superset of the
entries it can match.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .model import Complex, Event, MiniCluster, Phase, Record, Story
from .romanization import compact_key, fold, long_form, word_key, words
from .search import NUMBER_WORDS, STOP_WORDS, Entry, url_key

if TYPE_CHECKING:
    from .compiled import DatasetRecords


def search_values(catalog: DatasetRecords) -> Iterator[tuple[str, str, Any]]:
    """The store values the search reads, as (section, key, value): the entries by number
    (in dataset order, so each kind's are a range) and the indexes, by key, which give
    entries by number. A section read whole has the key ""."""
    entries = [build_entry(catalog, record) for record in catalog.all_records()]
    kinds: dict[str, list[int]] = {}
    ids: dict[str, list[int]] = {}
    folded_ids: dict[str, list[int]] = {}
    names: dict[str, list[int]] = {}
    keys: dict[str, list[int]] = {}
    postings: dict[str, list[int]] = {}
    text_postings: dict[str, list[int]] = {}
    # Every name -> entries; every name's phonetic key and a province's long form -> entries.
    texts: dict[str, dict[str, set[int]]] = {"names": {}, "keys": {}}
    for number, entry in enumerate(entries):
        kinds.setdefault(entry.kind, [number, number])[1] = number + 1
        ids.setdefault(entry.id, []).append(number)
        folded_ids.setdefault(entry.folded_id, []).append(number)
        for _, name, key in entry.names:
            _add(names, name, number)
            _add(keys, key, number)
            texts["names"].setdefault(name, set()).add(number)
            for text in (key, long_form(key)):
                if text:
                    texts["keys"].setdefault(text, set()).add(number)
        for word in entry.words:
            _add(postings, word, number)
        for word in entry.text_words:
            _add(text_postings, word, number)
    for number, entry in enumerate(entries):
        # An entry's sentences' words apart: read only for a query its names don't answer.
        yield "search:entries", str(number), list(entry._replace(text_words=frozenset()))
        if entry.text_words:
            yield "search:text", str(number), sorted(entry.text_words)
    for key, numbers in text_postings.items():
        yield "search:text_postings", key, numbers
    yield "search:kinds", "", kinds
    for section, index in (
        ("ids", ids),
        ("folded_ids", folded_ids),
        ("names", names),
        ("keys", keys),
        ("postings", postings),
    ):
        for key, numbers in index.items():
            yield f"search:{section}", key, numbers
    yield "search:vocabulary", "", sorted(postings)
    # Sorted, for prefixes (bisect) and typos (rapidfuzz over the list); and, apart, the
    # entries of each, by position (read only for the texts a query matches).
    for group, found in texts.items():
        ordered = sorted(found)
        yield f"search:sorted_{group}", "", ordered
        for position, text in enumerate(ordered):
            yield f"search:sorted_{group}_entries", str(position), sorted(found[text])


def _add(index: dict[str, list[int]], key: str, number: int) -> None:
    numbers = index.setdefault(key, [])
    if not numbers or numbers[-1] != number:  # entries come in order: a repeat is the last one
        numbers.append(number)


def build_entry(catalog: DatasetRecords, record: Record) -> Entry:
    own = [("name", fold(n)) for n in (getattr(record, f) for f in record.NAME_FIELDS) if n]
    # A region's provinces are names of its parts: "Gyeongsangnam-do" finds Dongnam.
    others = (*getattr(record, "aliases", ()), *getattr(record, "hangul", ()), *getattr(record, "provinces", ()))
    own += [("alias", fold(a)) for a in others]
    name_keys = {word_key(w) for _, text in own for w in text.split() if w not in STOP_WORDS}
    if isinstance(record, MiniCluster):  # "Daebul shipbuilding": a mini cluster is known by its hub too
        name_keys |= {word_key(w) for n in _names_of(catalog.get("complexes", record.complex)) for w in words(n)}
    context_keys = {word_key(w) for text in _context(catalog, record) for w in words(text) if w not in STOP_WORDS}
    text_keys = {word_key(w) for text in _prose(record) for w in words(text) if w not in STOP_WORDS}
    names = tuple((kind, text, compact_key(text)) for kind, text in own if text)
    main_name_words = (
        frozenset(word_key(w) for w in names[0][1].split() if w not in STOP_WORDS) if names else frozenset()
    )
    return Entry(
        kind=record.KIND,
        id=record.id,
        name=record.display_name,
        label=record.LABEL,
        complex=getattr(record, "complex", None) or None,
        where=_where(catalog, record),
        sort_name=fold(record.display_name),
        folded_id=fold(record.id),
        names=names,
        main_name_words=main_name_words,
        name_words=frozenset(name_keys),
        words=frozenset(name_keys | context_keys),
        text_words=frozenset(text_keys - name_keys - context_keys),
        codes=_codes(record),
    )


def _prose(record: Record) -> Iterator[str]:
    """What a record says in sentences: found by its words too, at a lower weight."""
    for field in ("description", "summary", "vision", "label", "notes", "address", "goals", "projects"):
        value = getattr(record, field, None)
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple):
            yield from (v for v in value if isinstance(v, str))


def _codes(record: Record) -> tuple[str, ...]:
    """What identifies a mini cluster besides its names: its URL's path and its extension."""
    if not isinstance(record, MiniCluster):
        return ()
    return (url_key(record.url), record.extension)


def _context(catalog: DatasetRecords, record: Record) -> Iterator[str]:
    """Words that describe a record beyond its own names."""
    yield record.id.replace("-", " ")
    for field in ("industries", "provinces", "sectors", "location", "theme", "kind", "subject", "city", "address"):
        value = getattr(record, field, None)
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple):
            yield from (v for v in value if isinstance(v, str))
    if isinstance(record, (MiniCluster, Complex)):
        yield from _names_of(catalog.get("regions", record.region))
    if isinstance(record, MiniCluster):
        yield from _names_of(catalog.get("complexes", record.complex))
        yield "agro industrial" if record.agro_industrial else ""
    if isinstance(record, Phase):
        yield "phase stage " + " ".join(NUMBER_WORDS.get(record.number, ())) + f" {record.number}"
    if isinstance(record, Story):
        for complex_id in record.complexes:
            yield from _names_of(catalog.get("complexes", complex_id))
        yield record.summary
    if isinstance(record, Event):
        yield record.date[:4]


def _names_of(record: Record | None) -> tuple[str, ...]:
    return record.names() if record else ()


def _where(catalog: DatasetRecords, record: Record) -> str:
    """Where a record belongs, so two records of one name can be told apart in a list."""
    if isinstance(record, MiniCluster):
        hub = catalog.get("complexes", record.complex)
        return hub.display_name if hub else record.complex
    if isinstance(record, Complex) and record.region:
        region = catalog.get("regions", record.region)
        return region.display_name if region else record.region
    for field in ("date", "as_of", "acronym"):
        value = getattr(record, field, None)
        if value:
            return str(value)
    return ""

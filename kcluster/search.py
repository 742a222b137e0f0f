"""Ranked search across every record, and the resolver behind `show`, `--region` and `--hub`.

How a record can match a query, strongest first:

  id       the query is the record's id
  name     the query is the record's name (folded), or spells it another way (romanization)
  alias    the query is one of its aliases or Korean names, or spells one another way
  prefix   a name or alias starts with the query
  words    every word of the query is found among the record's words: its names, the names
           of what it belongs to (a mini cluster's hub and region), its industries, its text
  fuzzy    a name or alias is close to the query once both are folded (typos)

A hit needs a meaningful score (`MIN_SCORE`), not merely the best of a bad lot. Ties are
ordered by kind (dump order), then name, then id, so rankings are deterministic.

The entries are built once per dataset (indexing.py) and read from the compiled store;
for each way of matching, an index gives the entries that can match, and only those are
scored. Scoring every entry gives the same hits (`exhaustive=True`, used by the tests).
"""

from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

from .kinds import KIND_NAMES
from .romanization import compact_key, fold, long_form, phonetic
from .store import Store

MIN_SCORE = 65
FUZZY_NAME_CUTOFF = 80  # rapidfuzz ratio of folded names; 60 puts Gumi next to Gunsan
FUZZY_WORD_CUTOFF = 85
FUZZY_NAME_SCORE = 0.9  # a fuzzy score is the ratio times this for a name, ALIAS for an alias
FUZZY_ALIAS_SCORE = 0.85
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "for", "to", "on", "with", "de", "und"})
NUMBER_WORDS = {
    1: ("one", "first", "1st"),
    2: ("two", "second", "2nd"),
    3: ("three", "third", "3rd"),
    4: ("four", "fourth", "4th"),
    5: ("five", "fifth", "5th"),
}
KIND_ORDER = {kind: position for position, kind in enumerate(KIND_NAMES)}


class Entry(NamedTuple):
    """What the search knows of a record: how to name it, and its names and words, folded."""

    kind: str
    id: str
    name: str  # display name
    label: str  # its kind, for people: "mini cluster"
    complex: str | None  # a mini cluster's hub
    where: str  # what it belongs to, to tell two of one name apart: "Changwon", "2008"
    sort_name: str
    folded_id: str
    names: tuple[tuple[str, str, str], ...]  # (match kind "name"/"alias", folded text, compact key)
    main_name_words: frozenset[str]  # phonetic keys of the words of the name people call it by
    name_words: frozenset[str]  # ... of the words of all its own names
    words: frozenset[str]  # ... and of every word that describes the record


def entry_from_json(value: list) -> Entry:
    """An entry as the store keeps it (JSON: lists for tuples and sets) made whole again."""
    (
        kind,
        record_id,
        name,
        label,
        complex_,
        where,
        sort_name,
        folded_id,
        names,
        main_name_words,
        name_words,
        every_word,
    ) = value
    return Entry(
        kind,
        record_id,
        name,
        label,
        complex_,
        where,
        sort_name,
        folded_id,
        tuple((match, text, key) for match, text, key in names),
        frozenset(main_name_words),
        frozenset(name_words),
        frozenset(every_word),
    )


def reference(kind: str, record_id: str) -> str:
    """How the store names one record: ids are unique within a kind only."""
    return f"{kind}:{record_id}"


class Hit(NamedTuple):
    entry: Entry
    score: int  # 0-100
    match: str  # id, name, alias, prefix, words, fuzzy

    @property
    def sort_key(self) -> tuple:
        return (-self.score, KIND_ORDER[self.entry.kind], self.entry.sort_name, self.entry.id)


class _WordMatch(NamedTuple):
    exact: frozenset[str]
    close: frozenset[str]  # typos: a weaker match

    @property
    def all(self) -> frozenset[str]:
        return self.exact | self.close


class _Query(NamedTuple):
    """A query folded once, not once per record it is compared with."""

    folded: str
    key: str  # compact_key(folded)
    words: tuple[_WordMatch, ...]
    all_words: frozenset[str]  # every vocabulary word any query word stands for


class SearchIndex:
    """The search over the entries of a compiled store; entries are known by their number."""

    def __init__(self, store: Store, kinds: Iterable[str] | None = None):
        self.store = store
        # Entries are numbered in dataset order, so each kind's are a range.
        self.kinds = list(kinds) if kinds else list(KIND_NAMES)
        ranges = store.value("search:kinds")
        self.ranges = [range(*ranges[kind]) for kind in self.kinds if kind in ranges] if kinds else None

    def entry(self, number: int) -> Entry:
        return entry_from_json(self.store.value("search:entries", str(number)))

    def kind_of(self, number: int) -> str:
        return next(kind for kind, (start, end) in self.store.value("search:kinds").items() if start <= number < end)

    def with_id(self, record_id: str) -> list[Entry]:
        """The entries whose id is exactly this, kinds in the order asked for."""
        numbers = [n for n in self._numbers("search:ids", record_id) if self._wanted(n)]
        return [self.entry(n) for n in sorted(numbers, key=lambda n: self.kinds.index(self.kind_of(n)))]

    # --- searching -----------------------------------------------------------------

    def search(self, query: str, limit: int | None = None, exhaustive: bool = False) -> list[Hit]:
        folded = fold(query)
        if not folded:
            return []
        query_words = [w for w in folded.split() if w not in STOP_WORDS] or folded.split()
        word_keys = tuple(self._similar_words(phonetic(w)) for w in query_words)
        prepared = _Query(folded, compact_key(folded), word_keys, frozenset().union(*(m.all for m in word_keys)))
        numbers = self._every_number() if exhaustive else self._candidates(prepared)
        hits = [hit for n in numbers if self._wanted(n) and (hit := _score(self.entry(n), prepared))]
        hits.sort(key=lambda h: h.sort_key)
        return hits[:limit] if limit else hits

    def exact_hits(self, query: str) -> list[Hit]:
        """Hits of the query as an id, a name or an alias, as typed (folded): no typos."""
        folded = fold(query)
        if not folded:
            return []
        prepared = _Query(folded, compact_key(folded), (), frozenset())
        numbers = {*self._numbers("search:folded_ids", folded), *self._numbers("search:names", folded)}
        hits = [hit for n in sorted(numbers) if self._wanted(n) and (hit := _score(self.entry(n), prepared))]
        hits = [h for h in hits if h.match in ("id", "name", "alias") and h.score >= 98]
        return sorted(hits, key=lambda h: h.sort_key)

    def _wanted(self, number: int) -> bool:
        return self.ranges is None or any(number in kind for kind in self.ranges)

    def _every_number(self) -> range:
        return range(max(end for _, end in self.store.value("search:kinds").values()))

    def _numbers(self, section: str, key: str) -> list[int]:
        return self.store.value(section, key, [])

    def _candidates(self, query: _Query) -> set[int]:
        """The entries that can match: a superset of those `_score` gives a hit."""
        found = {
            *self._numbers("search:folded_ids", query.folded),
            *self._numbers("search:names", query.folded),
            *self._numbers("search:keys", query.key),
        }
        # Names are compared with the folded query, phonetic keys (and long forms) with its key.
        for group, text in (("names", query.folded), ("keys", query.key)):
            texts = self.store.value(f"search:sorted_{group}")
            matched: set[int] = set()  # positions in texts
            if len(query.folded) >= 3:
                position = bisect_left(texts, text)
                while position < len(texts) and texts[position].startswith(text):
                    matched.add(position)
                    position += 1
            if len(query.folded) >= 4:
                matched |= self._fuzzy_candidates(text, texts)
            for position in matched:
                found.update(self.store.value(f"search:sorted_{group}_entries", str(position)))
        if query.words:
            found |= self._word_candidates(query)
        return found

    def _word_candidates(self, query: _Query) -> set[int]:
        """Entries having, for every query word, one of the words it stands for."""
        common: set[int] | None = None
        for match in query.words:
            having = {n for word in match.all for n in self._numbers("search:postings", word)}
            common = having if common is None else common & having
            if not common:
                break
        return common or set()

    @staticmethod
    def _fuzzy_candidates(text: str, texts: list[str]) -> set[int]:
        """Positions of the texts a typo away from the query's text."""
        from rapidfuzz import fuzz, process

        # A fuzzy hit needs ratio * weight >= FUZZY_NAME_CUTOFF * FUZZY_ALIAS_SCORE; the weight
        # is at most FUZZY_NAME_SCORE, so a ratio below this can't make one.
        cutoff = FUZZY_NAME_CUTOFF * FUZZY_ALIAS_SCORE / FUZZY_NAME_SCORE - 0.01
        matches = process.extract(text, texts, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=None)
        return {position for _, _, position in matches}

    def _similar_words(self, key: str) -> _WordMatch:
        """The vocabulary's words a query word stands for: itself and words it starts
        (exact), and words a typo away (close)."""
        exact = {key}
        close: set[str] = set()
        if len(key) >= 4:
            from rapidfuzz import fuzz, process

            vocabulary = self.store.value("search:vocabulary")
            position = bisect_left(vocabulary, key)
            while position < len(vocabulary) and vocabulary[position].startswith(key):
                exact.add(vocabulary[position])
                position += 1
            matches = process.extract(
                key, vocabulary, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_WORD_CUTOFF, limit=None
            )
            close.update(word for word, _, _ in matches)
        return _WordMatch(frozenset(exact), frozenset(close - exact))


def _score(entry: Entry, query: _Query) -> Hit | None:
    folded, query_key = query.folded, query.key
    if folded == entry.folded_id:
        return Hit(entry, 100, "id")
    best: Hit | None = None
    for kind, name, name_key in entry.names:
        if folded == name:
            candidate = Hit(entry, 100 if kind == "name" else 98, kind)
        elif query_key == name_key:
            candidate = Hit(entry, 95 if kind == "name" else 93, kind)
        elif len(folded) >= 3 and _starts(name, name_key, folded, query_key):
            candidate = Hit(entry, 85, "prefix")
        else:
            continue
        best = _better(best, candidate)
    if best and best.score >= 93:
        return best
    best = _better(best, _words_hit(entry, query))
    best = _better(best, _fuzzy_hit(entry, query))
    return best if best and best.score >= MIN_SCORE else None


def _words_hit(entry: Entry, query: _Query) -> Hit | None:
    word_keys = query.words
    if not all(match.all & entry.words for match in word_keys):
        return None
    # Every query word is there: higher when they are words of its own names, when they
    # cover its main name ("egok transportation machine": Yangsan Egok's, not Changwon's),
    # lower when only typos of them are.
    in_names = all(match.all & entry.name_words for match in word_keys)
    exactly = all(match.exact & entry.words for match in word_keys)
    name_words = entry.main_name_words
    covered = len(name_words & query.all_words) / len(name_words) if name_words else 0
    score = (82 if in_names else 78) + 10 * covered - (0 if exactly else 12)
    return Hit(entry, round(score), "words")


def _fuzzy_hit(entry: Entry, query: _Query) -> Hit | None:
    if len(query.folded) < 4:
        return None
    from rapidfuzz import fuzz

    best = max(
        (
            max(fuzz.ratio(query.folded, name), fuzz.ratio(query.key, name_key))
            * (FUZZY_NAME_SCORE if kind == "name" else FUZZY_ALIAS_SCORE)
            for kind, name, name_key in entry.names
        ),
        default=0,
    )
    if best < FUZZY_NAME_CUTOFF * FUZZY_ALIAS_SCORE:
        return None
    return Hit(entry, round(best), "fuzzy")


def _starts(name: str, name_key: str, folded: str, query_key: str) -> bool:
    """Whether a name starts with the query, as typed or in any romanization; a short
    province name also in its long form ("Junnam" starts "Jeolla" as "Jeollanam")."""
    if name.startswith(folded):
        return True
    return name_key.startswith(query_key) or (long_form(name_key) or "").startswith(query_key)


def _better(current: Hit | None, candidate: Hit | None) -> Hit | None:
    if candidate is None:
        return current
    if current is None or candidate.score > current.score:
        return candidate
    return current


# --- the resolver ------------------------------------------------------------------------

STRONG_SCORE = 85  # a single hit this good is taken as meant
CLEAR_MARGIN = 8  # ... when the next one is at least this much weaker


class Resolution(NamedTuple):
    entry: Entry | None
    candidates: tuple[Entry, ...] = ()  # when there is no entry: what was perhaps meant


def resolve(store: Store, query: str, kinds: Iterable[str] | None = None) -> Resolution:
    """The one record a person means by `query`: an exact id, name or alias wins; otherwise a
    single strong match; otherwise none, with the close competitors as candidates."""
    index = SearchIndex(store, kinds)
    by_id = index.with_id(query)
    if by_id:  # scripts pass ids: no need to search
        return Resolution(by_id[0])
    # Exact hits decide alone, so they are looked up first: no typo search (nor rapidfuzz).
    exact = index.exact_hits(query)
    if exact:
        # An id beats a name, a name an alias ("Gwangju" the complex, not the region it names);
        # then the kind that comes first in the dump.
        exact = [h for h in exact if h.score == exact[0].score]
        best_kind = min(KIND_ORDER[h.entry.kind] for h in exact)
        exact = [h for h in exact if KIND_ORDER[h.entry.kind] == best_kind]
        if len(exact) == 1 or exact[0].match == "id":
            return Resolution(exact[0].entry)
        return Resolution(None, tuple(h.entry for h in exact))
    hits = index.search(query)
    if hits and hits[0].score >= STRONG_SCORE and (len(hits) == 1 or hits[1].score <= hits[0].score - CLEAR_MARGIN):
        return Resolution(hits[0].entry)
    return Resolution(None, tuple(h.entry for h in hits[:3]))


def describe(entry: Entry) -> str:
    """A short, unambiguous way to name a record to people: "Mechatronics (mini cluster, changwon)"."""
    where = f", {entry.complex}" if entry.kind == "mini_clusters" else ""
    return f"{entry.name} ({entry.label}{where})"

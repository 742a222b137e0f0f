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
"""

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Iterator

from .catalog import Catalog
from .model import KINDS, Complex, Event, MiniCluster, Phase, Record, Story
from .romanization import compact_key, fold, long_form, phonetic, words

MIN_SCORE = 65
FUZZY_NAME_CUTOFF = 80  # rapidfuzz ratio of folded names; 60 puts Gumi next to Gunsan
FUZZY_WORD_CUTOFF = 85
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "for", "to", "on", "with", "de", "und"})
NUMBER_WORDS = {
    1: ("one", "first", "1st"), 2: ("two", "second", "2nd"), 3: ("three", "third", "3rd"),
    4: ("four", "fourth", "4th"), 5: ("five", "fifth", "5th"),
}
KIND_ORDER = {kind: position for position, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Hit:
    record: Record
    score: int  # 0-100
    match: str  # id, name, alias, prefix, words, fuzzy

    @property
    def sort_key(self) -> tuple:
        return (-self.score, KIND_ORDER[self.record.KIND], fold(self.record.display_name), self.record.id)


@dataclass(frozen=True)
class _WordMatch:
    exact: frozenset[str]
    close: frozenset[str]  # typos: a weaker match

    @property
    def all(self) -> frozenset[str]:
        return self.exact | self.close


@dataclass(frozen=True)
class _Entry:
    record: Record
    folded_id: str
    names: tuple[tuple[str, str, str], ...]  # (match kind "name"/"alias", folded text, compact key)
    main_name_words: frozenset[str]  # phonetic keys of the words of the name people call it by
    name_words: frozenset[str]  # ... of the words of all its own names
    words: frozenset[str]  # ... and of every word that describes the record


@dataclass(frozen=True)
class _Query:
    """A query folded once, not once per record it is compared with."""

    folded: str
    key: str  # compact_key(folded)
    words: tuple[_WordMatch, ...]
    all_words: frozenset[str]  # every vocabulary word any query word stands for


class SearchIndex:
    def __init__(self, catalog: Catalog, kinds: Iterable[str] | None = None):
        self.catalog = catalog
        wanted = set(kinds) if kinds else set(KINDS)
        self.entries = [self._entry(r) for r in catalog.all_records() if r.KIND in wanted]

    # --- building ------------------------------------------------------------------

    def _entry(self, record: Record) -> _Entry:
        own = [("name", fold(n)) for n in (getattr(record, f) for f in record.NAME_FIELDS) if n]
        # A region's provinces are names of its parts: "Gyeongsangnam-do" finds Dongnam.
        others = (*getattr(record, "aliases", ()), *getattr(record, "hangul", ()), *getattr(record, "provinces", ()))
        own += [("alias", fold(a)) for a in others]
        name_keys = {phonetic(w) for _, text in own for w in text.split() if w not in STOP_WORDS}
        context_keys = {phonetic(w) for text in self._context(record) for w in words(text) if w not in STOP_WORDS}
        names = tuple((kind, text, compact_key(text)) for kind, text in own if text)
        main_name_words = frozenset(phonetic(w) for w in names[0][1].split() if w not in STOP_WORDS) if names else frozenset()
        return _Entry(record, fold(record.id), names, main_name_words, frozenset(name_keys),
                      frozenset(name_keys | context_keys))

    def _context(self, record: Record) -> Iterator[str]:
        """Words that describe a record beyond its own names."""
        yield record.id.replace("-", " ")
        for field in ("industries", "provinces", "sectors", "location", "theme", "kind", "subject", "city", "address"):
            value = getattr(record, field, None)
            if isinstance(value, str):
                yield value
            elif isinstance(value, tuple):
                yield from (v for v in value if isinstance(v, str))
        if isinstance(record, (MiniCluster, Complex)):
            yield from self._names_of(self.catalog.region_of(record))
        if isinstance(record, MiniCluster):
            yield from self._names_of(self.catalog.get(Complex, record.complex))
            yield "agro industrial" if record.agro_industrial else ""
        if isinstance(record, Phase):
            yield "phase stage " + " ".join(NUMBER_WORDS.get(record.number, ())) + f" {record.number}"
        if isinstance(record, Story):
            for complex_id in record.complexes:
                yield from self._names_of(self.catalog.get(Complex, complex_id))
            yield record.summary
        if isinstance(record, Event):
            yield record.date[:4]

    @staticmethod
    def _names_of(record: Record | None) -> tuple[str, ...]:
        return record.names() if record else ()

    @cached_property
    def _vocabulary(self) -> list[str]:
        return sorted({key for entry in self.entries for key in entry.words})

    # --- searching -----------------------------------------------------------------

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        folded = fold(query)
        if not folded:
            return []
        query_words = [w for w in folded.split() if w not in STOP_WORDS] or folded.split()
        word_keys = tuple(self._similar_words(phonetic(w)) for w in query_words)
        prepared = _Query(folded, compact_key(folded), word_keys, frozenset().union(*(m.all for m in word_keys)))
        hits = [hit for entry in self.entries if (hit := self._score(entry, prepared))]
        hits.sort(key=lambda h: h.sort_key)
        return hits[:limit] if limit else hits

    def _similar_words(self, key: str) -> "_WordMatch":
        """The vocabulary's words a query word stands for: itself and words it starts
        (exact), and words a typo away (close)."""
        exact = {key}
        close: set[str] = set()
        if len(key) >= 4:
            from rapidfuzz import fuzz, process

            exact.update(word for word in self._vocabulary if word.startswith(key))
            matches = process.extract(key, self._vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD_CUTOFF, limit=None)
            close.update(word for word, _, _ in matches)
        return _WordMatch(frozenset(exact), frozenset(close - exact))

    def _score(self, entry: _Entry, query: _Query) -> Hit | None:
        record, folded, query_key = entry.record, query.folded, query.key
        if folded == entry.folded_id:
            return Hit(record, 100, "id")
        best: Hit | None = None
        for kind, name, name_key in entry.names:
            if folded == name:
                candidate = Hit(record, 100 if kind == "name" else 98, kind)
            elif query_key == name_key:
                candidate = Hit(record, 95 if kind == "name" else 93, kind)
            elif len(folded) >= 3 and _starts(name, name_key, folded, query_key):
                candidate = Hit(record, 85, "prefix")
            else:
                continue
            best = _better(best, candidate)
        if best and best.score >= 93:
            return best
        best = _better(best, self._words_hit(entry, query))
        best = _better(best, self._fuzzy_hit(entry, query))
        return best if best and best.score >= MIN_SCORE else None

    @staticmethod
    def _words_hit(entry: _Entry, query: _Query) -> Hit | None:
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
        return Hit(entry.record, round(score), "words")

    @staticmethod
    def _fuzzy_hit(entry: _Entry, query: _Query) -> Hit | None:
        if len(query.folded) < 4:
            return None
        from rapidfuzz import fuzz

        best = max(
            (
                max(fuzz.ratio(query.folded, name), fuzz.ratio(query.key, name_key)) * (0.9 if kind == "name" else 0.85)
                for kind, name, name_key in entry.names
            ),
            default=0,
        )
        if best < FUZZY_NAME_CUTOFF * 0.85:
            return None
        return Hit(entry.record, round(best), "fuzzy")


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


@dataclass(frozen=True)
class Resolution:
    record: Record | None
    candidates: tuple[Record, ...] = ()  # when there is no record: what was perhaps meant


def resolve(catalog: Catalog, query: str, kinds: Iterable[str] | None = None) -> Resolution:
    """The one record a person means by `query`: an exact id, name or alias wins; otherwise a
    single strong match; otherwise none, with the close competitors as candidates."""
    wanted = list(kinds) if kinds else list(KINDS)
    by_id = [r for kind in wanted if (r := catalog.get(KINDS[kind], query)) is not None]
    if by_id:  # scripts pass ids: no need to search
        return Resolution(by_id[0])
    hits = SearchIndex(catalog, kinds).search(query)
    exact = [h for h in hits if h.match in ("id", "name", "alias") and h.score >= 98]
    if exact:
        # An id beats a name, a name an alias ("Gwangju" the complex, not the region it names);
        # then the kind that comes first in the dump.
        exact = [h for h in exact if h.score == exact[0].score]
        best_kind = min(KIND_ORDER[h.record.KIND] for h in exact)
        exact = [h for h in exact if KIND_ORDER[h.record.KIND] == best_kind]
        if len(exact) == 1 or exact[0].match == "id":
            return Resolution(exact[0].record)
        return Resolution(None, tuple(h.record for h in exact))
    if hits and hits[0].score >= STRONG_SCORE and (len(hits) == 1 or hits[1].score <= hits[0].score - CLEAR_MARGIN):
        return Resolution(hits[0].record)
    return Resolution(None, tuple(h.record for h in hits[:3]))


def describe(record: Record) -> str:
    """A short, unambiguous way to name a record to people: "Mechatronics (mini cluster, Changwon)"."""
    where = ""
    if isinstance(record, MiniCluster):
        where = f", {record.complex}"
    return f"{record.display_name} ({record.LABEL}{where})"

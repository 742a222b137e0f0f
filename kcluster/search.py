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

from collections.abc import Iterable
from typing import NamedTuple

from .kinds import KIND_NAMES
from .romanization import compact_key, fold, has_hangul, long_form, singular, word_key
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
    name_words: frozenset[str]  # ... of the words of all its own names (a mini cluster's hub's too)
    words: frozenset[str]  # ... and of every word that describes the record
    text_words: frozenset[str]  # ... of its sentences only (description, notes, address): weaker
    codes: tuple[str, ...]  # a mini cluster's URL (url_key) and extension


def entry_from_json(value: list) -> Entry:
    """An entry as the store keeps it (lists for tuples and sets) made whole again."""
    kind, record_id, name, label, complex_, where, sort_name, folded_id, names, *word_sets, codes = value
    main_name_words, name_words, every_word, text_words = map(frozenset, word_sets)
    known_names = tuple((match, text, key) for match, text, key in names)
    return Entry(
        kind,
        record_id,
        name,
        label,
        complex_,
        where,
        sort_name,
        folded_id,
        known_names,
        main_name_words,
        name_words,
        every_word,
        text_words,
        tuple(codes),
    )


def url_key(url: str) -> str:
    """A URL as typed or pasted, compared without scheme, case or trailing slash."""
    text = url.strip().casefold()
    for prefix in ("https://", "http://", "www."):
        text = text.removeprefix(prefix)
    return text.rstrip("/")


def reference(kind: str, record_id: str) -> str:
    """How the store names one record: ids are unique within a kind only."""
    return f"{kind}:{record_id}"


# Plain classes below, not NamedTuples: every lookup imports this module, and creating a
# NamedTuple class costs about 0.15 ms. (Entry stays one: the store keeps it as a list.)
class Hit:
    __slots__ = ("entry", "score", "match")

    def __init__(self, entry: Entry, score: int, match: str):
        self.entry = entry
        self.score = score  # 0-100
        self.match = match  # id, name, alias, prefix, words, fuzzy, text, code

    def __repr__(self) -> str:
        return f"Hit({self.entry.kind}:{self.entry.id}, {self.score}, {self.match!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return (self.entry, self.score, self.match) == (other.entry, other.score, other.match)

    def __hash__(self) -> int:
        return hash((self.entry.kind, self.entry.id, self.score, self.match))

    @property
    def sort_key(self) -> tuple:
        return (-self.score, KIND_ORDER[self.entry.kind], self.entry.sort_name, self.entry.id)


class _WordMatch:
    __slots__ = ("exact", "close", "all")

    def __init__(self, exact: frozenset[str], close: frozenset[str]):
        self.exact = exact
        self.close = close  # typos: a weaker match
        self.all = exact | close


class _Query:
    """A query folded once, not once per record it is compared with."""

    __slots__ = ("folded", "key", "words", "all_words")

    def __init__(self, folded: str, key: str, words: tuple[_WordMatch, ...], all_words: frozenset[str]):
        self.folded = folded
        self.key = key  # compact_key(folded)
        self.words = words
        self.all_words = all_words  # every vocabulary word any query word stands for


class SearchIndex:
    """The search over the entries of a compiled store; entries are known by their number."""

    def __init__(self, store: Store, kinds: Iterable[str] | None = None):
        self.store = store
        # Entries are numbered in dataset order, so each kind's are a range.
        self.kinds = list(kinds) if kinds else list(KIND_NAMES)
        ranges = store.value("search:kinds")
        self.ranges = [range(*ranges[kind]) for kind in self.kinds if kind in ranges] if kinds else None
        self._searched: dict[tuple[str, bool], list[Hit]] = {}
        self._ranked: dict[tuple[str, bool], list[Hit]] = {}

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
        """Hits, best first: a URL, phone or extension's mini clusters; records matching the
        query as typed; and those matching it without its generic words ("Changwon complex"),
        the kinds those words name first."""
        if (query, exhaustive) in self._ranked:
            ranked = self._ranked[query, exhaustive]
            return ranked[:limit] if limit else ranked
        hits = {(h.entry.kind, h.entry.id): h for h in self.code_hits(query)}
        core, steer = _without_generic_words(query)
        if core and core != fold(query):
            for hit in self._search(core, exhaustive):
                # The kinds the generic words name first; others well behind.
                score = hit.score + 3 if steer and hit.entry.kind in steer else hit.score - (15 if steer else 0)
                hits.setdefault((hit.entry.kind, hit.entry.id), Hit(hit.entry, score, hit.match))
        for hit in self._search(query, exhaustive):
            key = (hit.entry.kind, hit.entry.id)
            if key not in hits or hits[key].score < hit.score:
                hits[key] = hit
        ranked = sorted(hits.values(), key=lambda h: h.sort_key)
        self._ranked[query, exhaustive] = ranked
        return ranked[:limit] if limit else ranked

    def _search(self, query: str, exhaustive: bool) -> list[Hit]:
        """The hits of the query as typed (searched once per index: the resolver asks again)."""
        key = (query, exhaustive)
        if key not in self._searched:
            self._searched[key] = self._score_all(query, exhaustive)
        return self._searched[key]

    def _score_all(self, query: str, exhaustive: bool) -> list[Hit]:
        folded = fold(query)
        if not folded:
            return []
        query_words = [w for w in folded.split() if w not in STOP_WORDS] or folded.split()
        word_keys = tuple(self._similar_words(word_key(w)) for w in query_words)
        prepared = _Query(folded, compact_key(folded), word_keys, frozenset().union(*(m.all for m in word_keys)))
        numbers = self._every_number() if exhaustive else self._candidates(prepared)
        by_text = self._every_number() if exhaustive else self._text_candidates(prepared)
        # Read in bulk and dropped once scored: only the hits' entries are kept.
        wanted = (str(number) for number in numbers if self._wanted(number))
        hits, unnamed = [], {}
        for key, value in self.store.values("search:entries", wanted):
            entry = entry_from_json(value)
            hit = _score(entry, prepared)
            if hit is not None:
                hits.append(hit)
            elif int(key) in by_text:  # its names don't answer: its sentences may
                unnamed[key] = entry
        sentences = dict(self.store.values("search:text", list(unnamed)))
        for key, entry in unnamed.items():
            hit = _text_hit(entry, frozenset(sentences.get(key, ())), prepared)
            if hit is not None:
                hits.append(hit)
        return _typos_below_words_as_typed(hits, prepared)

    def _text_candidates(self, query: _Query) -> set[int]:
        """Entries having every query word (as typed) among their words or their sentences'."""
        common: set[int] | None = None
        for match in query.words:
            having = {
                n
                for word in match.exact
                for section in ("search:postings", "search:text_postings")
                for n in self._numbers(section, word)
            }
            common = having if common is None else common & having
            if not common:
                break
        return common or set()

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

    def code_hits(self, query: str) -> list[Hit]:
        """Mini clusters a pasted URL, full phone number or extension names (several share one)."""
        text = query.strip()
        digits = "".join(c for c in text if c.isdecimal())
        if "/" in text or "e-cluster" in text.casefold() or text.startswith(("http", "www")):
            wanted, position = url_key(text), 0
        elif len(digits) == 4 and _an_extension(text):
            wanted, position = digits, 1
        elif len(digits) >= 8 and digits[-8:-4] == "8895":  # 82-70-8895-XXXX, 070-8895-XXXX
            wanted, position = digits[-4:], 1
        else:
            return []
        found = []
        for number in self._numbers_of("mini_clusters"):
            entry = self.entry(number)
            if entry.codes and entry.codes[position] == wanted:
                found.append(Hit(entry, 100, "code"))
        return found

    def _numbers_of(self, kind: str) -> range:
        bounds = self.store.value("search:kinds").get(kind)
        if not bounds or not self._wanted(bounds[0]):
            return range(0)
        return range(*bounds)

    def _wanted(self, number: int) -> bool:
        return self.ranges is None or any(number in kind for kind in self.ranges)

    def _every_number(self) -> range:
        return range(max(end for _, end in self.store.value("search:kinds").values()))

    def _numbers(self, section: str, key: str) -> list[int]:
        return self.store.value(section, key, [])

    def _candidates(self, query: _Query) -> set[int]:
        """The entries that can match: a superset of those `_score` gives a hit."""
        from bisect import bisect_left  # not on import: an exact name or id never needs it

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
            found |= self._word_candidates(query) | self._text_candidates(query)
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
        """The vocabulary's words a query word stands for: itself (exact), and words it is
        the start of or a typo of (close). Whole words: "shipbuilding" is no typo of
        "building", a typo keeps a word's first letter and about its length."""
        from bisect import bisect_left

        exact = {key}
        close: set[str] = set()
        if len(key) >= 4:
            from rapidfuzz import fuzz, process

            vocabulary = self.store.value("search:vocabulary")
            position = bisect_left(vocabulary, key)
            while position < len(vocabulary) and vocabulary[position].startswith(key):
                close.add(vocabulary[position])
                position += 1
            matches = process.extract(
                key, vocabulary, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_WORD_CUTOFF, limit=None
            )
            close.update(word for word, _, _ in matches if _a_typo_of(word, key))
        return _WordMatch(frozenset(exact), frozenset(close - exact))


MATCHED_FIELDS = {
    "id": "id",
    "name": "name",
    "alias": "other names",
    "prefix": "name",
    "fuzzy": "name",
    "words": "names and what it belongs to",
    "text": "description, notes or address",
    "code": "URL, phone or extension",
}


def matched(entry: Entry, match: str, query: str) -> dict[str, object]:
    """What a hit matched, for people and scripts: the field, and which of the query's words
    were found where (its names, what describes it, its sentences)."""
    where: dict[str, list[str]] = {"names": [], "context": [], "text": []}
    for word in fold(query).split():
        if word in STOP_WORDS:
            continue
        key = word_key(word)
        if key in entry.name_words:
            where["names"].append(word)
        elif key in entry.words:
            where["context"].append(word)
        elif key in entry.text_words:
            where["text"].append(word)
    return {"field": MATCHED_FIELDS.get(match, match), "words": {k: v for k, v in where.items() if v}}


def _a_typo_of(word: str, key: str) -> bool:
    return word[:1] == key[:1] and abs(len(word) - len(key)) <= (1 if len(key) < 8 else 2)


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
        return None  # perhaps by its sentences: SearchIndex reads them then (_text_hit)
    # Every query word is there: higher when they are words of its own names, when they
    # cover its main name ("egok transportation machine": Yangsan Egok's, not Changwon's),
    # lower when only typos of them are.
    in_names = all(match.all & entry.name_words for match in word_keys)
    exactly = _exactly(entry, query)
    name_words = entry.main_name_words
    covered = len(name_words & query.all_words) / len(name_words) if name_words else 0
    score = (82 if in_names else 78) + 10 * covered - (0 if exactly else 12)
    return Hit(entry, round(score), "words")


def _text_hit(entry: Entry, text_words: frozenset[str], query: _Query) -> Hit | None:
    """Every query word in the record's words or sentences (`text_words`, read apart: a
    place named only in a description, an address): found, below any hit by names."""
    words = entry.words | text_words
    if not all(match.exact & words for match in query.words):
        return None
    in_text = sum(1 for match in query.words if not match.exact & entry.words)
    # The hit's entry with its sentences' words, which `matched` reports.
    return Hit(entry._replace(text_words=text_words), max(MIN_SCORE, 74 - 2 * in_text), "text")


def _typos_below_words_as_typed(hits: list[Hit], query: _Query) -> list[Hit]:
    """Where no name has the query's words but sentences have them as typed ("Jeonju", a
    city the sources name only among connected complexes), the query is no typo: the names
    a typo away from it ("Cheongju") come after the records whose sentences name it."""
    by_text = [h.score for h in hits if h.match == "text"]
    if not by_text or not all(h.match == "text" or _a_typo(h, query) for h in hits):
        return hits
    below = max(by_text) - TIE_MARGIN - 1  # not even among the best
    return [h if h.match == "text" else Hit(h.entry, min(h.score, below), h.match) for h in hits]


def _a_typo(hit: Hit, query: _Query) -> bool:
    """Whether a hit matched only a typo away: a fuzzy name, or words only close to the query's."""
    return hit.match == "fuzzy" or (hit.match == "words" and not _exactly(hit.entry, query))


def _exactly(entry: Entry, query: _Query) -> bool:
    """Whether the record has every query word as typed (not only words a typo away)."""
    return all(match.exact & entry.words for match in query.words)


def _fuzzy_hit(entry: Entry, query: _Query) -> Hit | None:
    if len(query.folded) < 4:
        return None
    from rapidfuzz import fuzz

    best = max(
        (
            max(fuzz.ratio(query.folded, name), fuzz.ratio(query.key, name_key))
            * (FUZZY_NAME_SCORE if kind == "name" else FUZZY_ALIAS_SCORE)
            for kind, name, name_key in entry.names
            if name[:1] == query.folded[:1] or name_key[:1] == query.key[:1]  # a typo keeps the first letter
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

TIE_MARGIN = 3  # hits this close to the best are as good, for a person
STRONG_NAME_SCORE = 85  # a hit this good names the record: the query's words are its own
CLEAR_MARGIN = 6  # a best hit this far ahead of the next record is the one meant
# Among records that match a place's name equally well, the place's own record wins: a city
# is its complex before the region that lists it as a province, the agency or office named
# after it, and the facts and stories that mention it.
PLACE_ORDER = (
    "complexes",
    "regions",
    "mini_clusters",
    "branches",
    "organisations",
    "programmes",
    "phases",
    "partnerships",
    "events",
    "stories",
    "comparisons",
    "facts",
    "sources",
)
# Words people put around a name, and the kinds they steer towards; never the name itself.
GENERIC_WORDS: dict[str, tuple[str, ...]] = {
    "complex": ("complexes",),
    "industrial": ("complexes",),
    "national": ("complexes",),
    "estate": ("complexes",),
    "park": ("complexes",),
    "general": ("complexes",),
    "region": ("regions",),
    "regional": ("regions",),
    "pan": ("regions",),
    "zone": ("regions",),
    "economic": ("regions",),
    "province": ("regions",),
    "metropolitan": ("complexes", "regions"),
    "city": ("complexes",),
    "success": ("stories",),
    "mini": ("mini_clusters",),
    "cluster": ("mini_clusters", "regions"),
    "kicox": ("branches", "organisations"),
    "branch": ("branches",),
    "office": ("branches",),
    "headquarters": ("branches", "organisations"),
    "hq": ("branches",),
    "agency": ("organisations",),
    "phase": ("phases",),
    "stage": ("phases",),
    "programme": ("programmes",),
    "program": ("programmes",),
    "project": ("programmes",),
    "story": ("stories",),
    "partnership": ("partnerships",),
    "event": ("events",),
}


def _an_extension(text: str) -> bool:
    """Whether `text` is an extension as people write one: 7865, ext. 7865, extension 7865."""
    lowered = text.casefold()
    for prefix in ("extension", "ext.", "ext"):
        if lowered.startswith(prefix):
            lowered = lowered[len(prefix) :].lstrip()
            break
    return len(lowered) == 4 and lowered.isdecimal()


class Resolution:
    __slots__ = ("entry", "candidates", "reason")

    def __init__(self, entry: Entry | None, candidates: tuple[Entry, ...] = (), reason: str | None = None):
        self.entry = entry
        self.candidates = candidates  # when there is no entry: what was perhaps meant
        self.reason = reason  # why this entry, when the query is not its exact name or id


def resolve(
    store: Store, query: str, kinds: Iterable[str] | None = None, index: SearchIndex | None = None
) -> Resolution:
    """The one record a person means by `query`: an exact id, name or alias; a mini
    cluster's URL, phone or extension; else the record a search finds clearly best (the
    query as typed, then without the generic words around the name); else none, with the
    close competitors as candidates."""
    index = index or SearchIndex(store, kinds)
    by_id = index.with_id(query)
    if by_id:  # scripts pass ids: no need to search
        return Resolution(by_id[0])
    coded = index.code_hits(query)
    if coded:
        if len(coded) == 1:
            return Resolution(coded[0].entry, reason="its URL" if "." in query else "its phone number")
        return Resolution(None, tuple(h.entry for h in coded))
    # Exact hits decide alone, so they are looked up first: no typo search (nor rapidfuzz).
    exact = index.exact_hits(query)
    if exact:
        # An id beats a name, a name an alias ("Gwangju" the complex, not the region it names);
        # then the place's own kind.
        exact = [h for h in exact if h.score == exact[0].score]
        exact = _of_first_kind(exact)
        if len(exact) == 1 or exact[0].match == "id":
            reason = "its Korean name" if has_hangul(query) and exact[0].match == "alias" else None
            return Resolution(exact[0].entry, reason=reason)
        return Resolution(None, tuple(h.entry for h in exact))
    hits = index.search(query)
    core, steer = _without_generic_words(query)
    typed_best = max((h.score for h in index._search(query, exhaustive=False)), default=0)
    # Generic words are set aside only when the query as typed names nothing well: in
    # "agro-industrial complex" they are the names themselves.
    if core and core != fold(query) and typed_best < STRONG_NAME_SCORE:
        steered = [h for h in index.search(core) if not steer or h.entry.kind in steer]
        chosen = _clearly_best(steered, len(core.split()))
        if chosen is not None:
            return Resolution(chosen.entry, reason=_reason(chosen, query, generic=True))
        hits = steered or hits
    chosen = _clearly_best(hits, len(fold(query).split()))
    if chosen is not None:
        return Resolution(chosen.entry, reason=_reason(chosen, query))
    return Resolution(None, tuple(h.entry for h in _top(hits)[:6]))


def _clearly_best(hits: list[Hit], words: int = 1) -> Hit | None:
    """The hit a person means, if one is: the only one; or the only record of the place's
    own kind among the best; or one far enough ahead of the next."""
    if not hits:
        return None
    if len(hits) == 1:
        return hits[0]
    top = _of_first_kind(_top(hits), words)
    if len(top) == 1:
        return top[0]
    if hits[0].score - hits[1].score >= CLEAR_MARGIN:
        return hits[0]
    return None


def _top(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.score >= hits[0].score - TIE_MARGIN] if hits else []


def _of_first_kind(hits: list[Hit], words: int = 1) -> list[Hit]:
    """The hits of the kind that comes first in PLACE_ORDER; but where a query of several
    words finds a mini cluster with its hub ("Ochang battery"), the hub complex gives way."""
    if words > 1:
        hubs_named = {h.entry.complex for h in hits if h.entry.kind == "mini_clusters"}
        hits = [h for h in hits if not (h.entry.kind == "complexes" and h.entry.id in hubs_named)]
    first = min((PLACE_ORDER.index(h.entry.kind) for h in hits), default=0)
    return [h for h in hits if PLACE_ORDER.index(h.entry.kind) == first]


def _without_generic_words(query: str) -> tuple[str, tuple[str, ...]]:
    """The query without the words around a name, and the kinds those words steer to."""
    kept, steer = [], []
    for word in fold(query).split():
        kinds = GENERIC_WORDS.get(singular(word))
        if kinds is None:
            kept.append(word)
        else:
            steer += [k for k in kinds if k not in steer]
    return " ".join(kept), tuple(steer)


def _reason(hit: Hit, query: str, generic: bool = False) -> str | None:
    """Why a record was opened, in a few words, when the query is not its exact name."""
    if hit.match in ("id", "name") and hit.score >= 98 and not generic:
        return None
    reasons = {
        "name": "other romanization",
        "alias": "another name or spelling",
        "prefix": "the start of its name",
        "words": "words of its name",
        "fuzzy": "a close spelling",
        "text": "named in its description",
    }
    reason = "its Korean name" if has_hangul(query) else reasons.get(hit.match, hit.match)
    return f"{reason}, generic words aside" if generic else reason

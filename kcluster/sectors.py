"""Sectors: kcluster's own classification of the records into the European Cluster
Observatory's sectoral and emerging industries (data/sectors.toml).

The sources name industries in their own words ("Car body and sash", "IT fusion
materials"); a European cluster looks for "Automotive" or "Medical Devices". The table
in sectors.toml bridges the two, and everything here is derived from it:

  vocabulary   `[[sectors]]`: id, name, group ("sectoral" or "emerging"), and the
               everyday words a person types for it ("car", "ICT", "chips")
  rules        `[[rules]]`: words and phrases found in a record's own text -> sector ids
  assignments  `[[assignments]]`: a record classified by hand, where no rule can decide
  unclassified `[[unclassified]]`: a record that fits no sector, and why

A record is classified by its hand entries if it has any, else not at all if it is listed
as unclassified, else by the rules. Every assignment names the record's own words it
comes from, so that a reader can see, and dispute, why a record is in a sector.

Matching is by whole words after folding (case, accents, separators, plural -s), so
"building" is not found in "shipbuilding" nor "car" in "carbon". Where a longer phrase
matches, the shorter phrases inside it do not: "Aerospace Vehicles and Defence" is not
also automotive for its "vehicles", "Personalised Healthcare" not medical for its
"healthcare". A rule marked `exact_case` matches only as written: "IT" and "LED" are
acronyms, "it" and "led" are English words.

Pure: the standard library and kcluster's core modules (model, validation, romanization);
rapidfuzz is imported inside the functions that need it, nothing of the command line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from .problems import ID_PATTERN, Problem
from .romanization import fold

if TYPE_CHECKING:  # imported where records are classified, at compile time: a lookup needs none
    from .model import Record

FILE = "sectors.toml"
GROUPS = ("sectoral", "emerging")

# What is classified, and from which of its fields: the record's own words, never the
# words of what it belongs to (a mini cluster is not automotive because its hub is).
CLASSIFIED_FIELDS: dict[str, tuple[str, ...]] = {
    "mini_clusters": ("name",),
    "complexes": ("industries",),
    "regions": ("industries",),
    "partnerships": ("sectors", "technologies", "name"),
    "events": ("title", "description"),
    "stories": ("title", "summary"),
}
# Only the EU-Korea events: matchmaking, and what the ECCP country page reports.
EU_KOREA_SOURCE = "eccp-korea"
EU_KOREA_EVENT_KIND = "matchmaking"

FUZZY_CUTOFF = 88  # rapidfuzz ratio of folded texts: "medcal devices", not "metal" for "medal"
FUZZY_MARGIN = 6  # ... and the closest must beat the next sector by this much
CLOSEST_CUTOFF = 50  # for "did you mean": anything remotely alike
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "for", "to", "on", "with", "industry", "industries"})


# --- the table -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sector:
    id: str
    name: str
    group: str  # "sectoral" or "emerging"
    words: tuple[str, ...] = ()  # what people type for it, besides its name


class Assignment(NamedTuple):
    """One sector of a record, and the record's own words it was derived from."""

    sector: str  # a sector id
    words: str


@dataclass(frozen=True)
class Rule:
    words: tuple[str, ...]
    sectors: tuple[str, ...]
    fields: tuple[str, ...] | None = None  # None: every classified field
    exact_case: bool = False
    note: str | None = None


@dataclass(frozen=True)
class HandAssignment:
    record: str  # "mini_clusters:ulsan-design-module"
    sectors: tuple[str, ...]
    words: str
    note: str


@dataclass(frozen=True)
class Unclassified:
    record: str
    note: str


@dataclass(frozen=True)
class SectorTable:
    sectors: tuple[Sector, ...]
    rules: tuple[Rule, ...]
    assignments: tuple[HandAssignment, ...] = ()
    unclassified: tuple[Unclassified, ...] = ()

    def sector(self, sector_id: str) -> Sector:
        return next(s for s in self.sectors if s.id == sector_id)

    def hand_entries(self, record: str) -> list[HandAssignment]:
        return [a for a in self.assignments if a.record == record]

    def is_unclassified(self, record: str) -> bool:
        return any(u.record == record for u in self.unclassified)


def parse_sectors(document: Mapping[str, Any]) -> SectorTable:
    """The table of a parsed sectors.toml, which check_sectors found no problem in."""
    return SectorTable(
        sectors=tuple(
            Sector(t["id"], t["name"], t["group"], tuple(t.get("words", ()))) for t in document.get("sectors", ())
        ),
        rules=tuple(
            Rule(
                tuple(t["words"]),
                tuple(t["sectors"]),
                tuple(t["fields"]) if "fields" in t else None,
                bool(t.get("exact_case", False)),
                t.get("note"),
            )
            for t in document.get("rules", ())
        ),
        assignments=tuple(
            HandAssignment(t["record"], tuple(t["sectors"]), t["words"], t["note"])
            for t in document.get("assignments", ())
        ),
        unclassified=tuple(Unclassified(t["record"], t["note"]) for t in document.get("unclassified", ())),
    )


# --- folding ---------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


class _Token(NamedTuple):
    raw: str  # as written, for exact-case rules
    folded: str  # lowercase, unaccented, singular
    start: int  # character offsets in the text, to quote the record's own words
    end: int


def singular(word: str) -> str:
    """A crude English singular, applied alike to the record's words, the rules' and the
    query's, so it need not be right, only consistent: batteries/battery, machines/machine."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    lower = word.lower()
    if lower.endswith("ies"):
        return word[:-3] + ("Y" if word[-1].isupper() else "y")
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _WORD.finditer(text):
        raw = "".join(c for c in unicodedata.normalize("NFKD", match.group()) if not unicodedata.combining(c))
        found.append(_Token(singular(raw), singular(fold(raw)), match.start(), match.end()))
    return found


def fold_words(text: str) -> tuple[str, ...]:
    """The folded words of a text: what rules, sector names and queries are compared by."""
    return tuple(token.folded for token in _tokens(text))


def folded(text: str) -> str:
    return " ".join(fold_words(text))


# --- classifying records ---------------------------------------------------------------


def reference(record: Record) -> str:
    return f"{record.KIND}:{record.id}"


def in_scope(record: Record) -> bool:
    """Whether a record is one the classification covers."""
    if record.KIND not in CLASSIFIED_FIELDS:
        return False
    from .model import Event

    if isinstance(record, Event):
        return record.kind == EU_KOREA_EVENT_KIND or any(c.source == EU_KOREA_SOURCE for c in record.sources)
    return True


class _Phrase(NamedTuple):
    words: tuple[str, ...]
    sectors: tuple[str, ...]
    fields: tuple[str, ...] | None
    exact_case: bool


class _Match(NamedTuple):
    start: int  # token positions
    end: int
    sectors: tuple[str, ...]
    words: str  # the record's own words


def _phrases(table: SectorTable) -> list[_Phrase]:
    """Every phrase to look for: the rules' words, and each sector's own name (a record
    that names a sector, as the ESCP-4i table does, is in it)."""
    phrases = [
        _Phrase(
            fold_words(word) if not rule.exact_case else tuple(t.raw for t in _tokens(word)),
            rule.sectors,
            rule.fields,
            rule.exact_case,
        )
        for rule in table.rules
        for word in rule.words
    ]
    names: dict[tuple[str, ...], list[str]] = {}
    for sector in table.sectors:
        names.setdefault(fold_words(sector.name), []).append(sector.id)
    phrases += [_Phrase(words, tuple(ids), None, False) for words, ids in names.items()]
    return [p for p in phrases if p.words]


def _matches(text: str, field: str, phrases: list[_Phrase]) -> list[_Match]:
    tokens = _tokens(text)
    found: list[_Match] = []
    for phrase in phrases:
        if phrase.fields is not None and field not in phrase.fields:
            continue
        keys = [t.raw if phrase.exact_case else t.folded for t in tokens]
        size = len(phrase.words)
        for start in range(len(tokens) - size + 1):
            if tuple(keys[start : start + size]) == phrase.words:
                end = start + size
                found.append(_Match(start, end, phrase.sectors, text[tokens[start].start : tokens[end - 1].end]))
    # The longest phrase wins: a match inside a longer one is dropped.
    return [m for m in found if not any(_inside(m, other) for other in found)]


def _inside(match: _Match, other: _Match) -> bool:
    return (
        other.start <= match.start and match.end <= other.end and (other.end - other.start) > (match.end - match.start)
    )


def _field_texts(record: Record) -> Iterator[tuple[str, str]]:
    for field in CLASSIFIED_FIELDS[record.KIND]:
        value = getattr(record, field, None)
        for text in value if isinstance(value, tuple) else (value,):
            if isinstance(text, str):
                yield field, text


def _by_rules(record: Record, phrases: list[_Phrase]) -> list[tuple[str, str]]:
    return [
        (sector, match.words)
        for field, text in _field_texts(record)
        for match in _matches(text, field, phrases)
        for sector in match.sectors
    ]


def _merge(pairs: Iterable[tuple[str, str]], order: Mapping[str, int]) -> tuple[Assignment, ...]:
    """One assignment per sector, in vocabulary order, its distinct words joined."""
    words: dict[str, list[str]] = {}
    for sector, text in pairs:
        seen = words.setdefault(sector, [])
        if folded(text) not in map(folded, seen):
            seen.append(text)
    return tuple(Assignment(s, "; ".join(words[s])) for s in sorted(words, key=lambda s: order[s]))


def classify(table: SectorTable, records: Iterable[Record]) -> dict[tuple[str, str], tuple[Assignment, ...]]:
    """The sectors of every record in scope, keyed by (kind, id); () for an unclassified one."""
    phrases = _phrases(table)
    order = {sector.id: position for position, sector in enumerate(table.sectors)}
    result: dict[tuple[str, str], tuple[Assignment, ...]] = {}
    for record in records:
        if not in_scope(record):
            continue
        ref = reference(record)
        hand = table.hand_entries(ref)
        if hand:
            pairs = [(sector, entry.words) for entry in hand for sector in entry.sectors]
        elif table.is_unclassified(ref):
            pairs = []
        else:
            pairs = _by_rules(record, phrases)
        result[(record.KIND, record.id)] = _merge(pairs, order)
    return result


def members(classification: Mapping[tuple[str, str], tuple[Assignment, ...]], sector_id: str) -> list[tuple[str, str]]:
    """The (kind, id) of every record classified in a sector."""
    return [key for key, assignments in classification.items() if any(a.sector == sector_id for a in assignments)]


# --- finding sectors from what a person types -----------------------------------------


def _keys(sector: Sector) -> Iterator[str]:
    """The folded texts that name a sector: its name, its id, its everyday words."""
    yield folded(sector.name)
    yield folded(sector.id)
    for word in sector.words:
        yield folded(word)


def find_sectors(table: SectorTable, text: str) -> list[Sector]:
    """The sectors a person means: an exact name, id or word first; else the sectors one of
    whose names is among the words typed ("we are a medical devices cluster"), or whose name
    holds every word typed ("aerospace"); else a typo, when one name is clearly closest."""
    query = fold_words(text)
    meaningful = [w for w in query if w not in STOP_WORDS]
    if not meaningful:
        return []
    joined = " ".join(query)
    exact = [s for s in table.sectors if joined in set(_keys(s))]
    if exact:
        return exact
    named = [s for s in table.sectors if any(_contains(query, key.split()) for key in _keys(s))]
    within = [s for s in table.sectors if s not in named and any(_holds(key.split(), meaningful) for key in _keys(s))]
    if named or within:
        return named + within
    return _typo(table, " ".join(meaningful))  # "automotve industry": the typo, not "industry"


def _contains(words: tuple[str, ...], phrase: list[str]) -> bool:
    size = len(phrase)
    return any(list(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def _holds(key: list[str], wanted: list[str]) -> bool:
    return all(word in key for word in wanted)


def _typo(table: SectorTable, query: str) -> list[Sector]:
    if len(query) < 4:
        return []
    from rapidfuzz import fuzz

    # Texts are compared, not sectors: a word two sectors share ("medical devices", sectoral
    # and emerging) finds both, and a sector's other names don't compete with it.
    scores: dict[str, float] = {}
    named: dict[str, list[Sector]] = {}
    for sector in table.sectors:
        for key in _keys(sector):
            scores[key] = fuzz.ratio(query, key)
            named.setdefault(key, [])
            if sector not in named[key]:
                named[key].append(sector)
    ranked = sorted(scores, key=lambda key: -scores[key])
    best = ranked[0]
    if scores[best] < FUZZY_CUTOFF:
        return []
    rivals = [key for key in ranked[1:] if set(named[key]) - set(named[best])]
    if rivals and scores[rivals[0]] > scores[best] - FUZZY_MARGIN:
        return []
    return named[best]


def closest_sectors(table: SectorTable, text: str, n: int = 3) -> list[Sector]:
    """Up to n sectors whose names or words look most like the text, for "did you mean"."""
    query = folded(text)
    if not query:
        return []
    from rapidfuzz import fuzz

    best: dict[str, float] = {}
    for sector in table.sectors:
        best[sector.id] = max(fuzz.WRatio(query, key) for key in _keys(sector))
    ranked = sorted(table.sectors, key=lambda s: -best[s.id])  # stable: vocabulary order breaks ties
    return [s for s in ranked if best[s.id] >= CLOSEST_CUTOFF][:n]


# --- checking the file -----------------------------------------------------------------

# Each table's fields and their TOML types.
_SECTOR_FIELDS: dict[str, type] = {"id": str, "name": str, "group": str, "words": list}
_RULE_FIELDS: dict[str, type] = {"words": list, "sectors": list, "fields": list, "exact_case": bool, "note": str}
_ASSIGNMENT_FIELDS: dict[str, type] = {"record": str, "sectors": list, "words": str, "note": str}
_UNCLASSIFIED_FIELDS: dict[str, type] = {"record": str, "note": str}
_TABLES: dict[str, dict[str, type]] = {
    "sectors": _SECTOR_FIELDS,
    "rules": _RULE_FIELDS,
    "assignments": _ASSIGNMENT_FIELDS,
    "unclassified": _UNCLASSIFIED_FIELDS,
}
_REQUIRED = {
    "sectors": ("id", "name", "group"),
    "rules": ("words", "sectors"),
    "assignments": ("record", "sectors", "words", "note"),
    "unclassified": ("record", "note"),
}


def check_sectors(document: Mapping[str, Any], ids: Mapping[str, set[str]]) -> list[Problem]:
    """Every problem of a parsed sectors.toml; `ids` are the dataset's record ids by kind
    (a kind absent from it can't be checked, as when its file did not parse)."""
    problems = [
        Problem(FILE, None, None, f"unexpected top-level key {key!r} (expected {', '.join(_TABLES)})")
        for key in document
        if key not in _TABLES
    ]
    tables = {}
    for name in _TABLES:
        value = document.get(name, [])
        if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
            problems.append(Problem(FILE, None, name, f"{name!r} must be an array of tables ([[{name}]])"))
            value = []
        tables[name] = value
        for position, table in enumerate(value, start=1):
            problems += _check_shape(name, _label(name, position, table), table)
    if not tables["sectors"]:
        problems.append(Problem(FILE, None, "sectors", "no [[sectors]]: the vocabulary is empty"))
    known = {t["id"] for t in tables["sectors"] if isinstance(t.get("id"), str)}
    problems += _check_vocabulary(tables["sectors"])
    problems += _check_rules(tables["rules"], known)
    problems += _check_decisions(tables["assignments"], tables["unclassified"], known, ids)
    return problems


def _label(name: str, position: int, table: Mapping[str, Any]) -> str:
    if name == "sectors" and isinstance(table.get("id"), str):
        return str(table["id"])
    if name in ("assignments", "unclassified") and isinstance(table.get("record"), str):
        return f"{name} #{position} ({table['record']})"
    words = table.get("words")
    first = words[0] if isinstance(words, list) and words and isinstance(words[0], str) else None
    return f"{name} #{position}" + (f" ({first})" if first else "")


def _check_shape(name: str, label: str, table: Mapping[str, Any]) -> Iterator[Problem]:
    fields = _TABLES[name]
    for key, value in table.items():
        if key not in fields:
            yield Problem(FILE, label, key, "unknown field")
        elif not isinstance(value, fields[key]):
            yield Problem(FILE, label, key, f"expected {'a list' if fields[key] is list else fields[key].__name__}")
        elif isinstance(value, list) and not all(isinstance(item, str) for item in value):
            yield Problem(FILE, label, key, "expected a list of strings")
        elif isinstance(value, str) and not (value.strip() if key == "note" else folded(value)):
            yield Problem(FILE, label, key, "is empty")
    for key in _REQUIRED[name]:
        if key not in table:
            yield Problem(FILE, label, key, "missing required field")


def _strings(table: Mapping[str, Any], key: str) -> list[str]:
    value = table.get(key, [])
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _check_vocabulary(sectors: list[dict[str, Any]]) -> Iterator[Problem]:
    seen_ids: set[str] = set()
    seen_names: set[tuple[str, str]] = set()
    for table in sectors:
        sector_id, name, group = table.get("id"), table.get("name"), table.get("group")
        label = sector_id if isinstance(sector_id, str) else "?"
        if isinstance(sector_id, str):
            if not ID_PATTERN.fullmatch(sector_id):
                yield Problem(FILE, label, "id", "ids are lowercase letters, digits and single hyphens")
            if sector_id in seen_ids:
                yield Problem(FILE, label, "id", f"duplicate id {sector_id!r}")
            seen_ids.add(sector_id)
        if isinstance(group, str) and group not in GROUPS:
            yield Problem(FILE, label, "group", f"{group!r} is not one of {', '.join(GROUPS)}")
        if isinstance(name, str) and isinstance(group, str):
            key = (folded(name), group)
            if key in seen_names:
                yield Problem(FILE, label, "name", f"another {group} sector is named {name!r}")
            seen_names.add(key)
        yield from _check_words(label, _strings(table, "words"))


def _check_words(label: str, words: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for word in words:
        key = folded(word)
        if not key:
            yield Problem(FILE, label, "words", f"{word!r} is empty once folded")
        elif key in seen:
            yield Problem(FILE, label, "words", f"{word!r} is listed twice (once folded)")
        seen.add(key)


def _check_rules(rules: list[dict[str, Any]], known: set[str]) -> Iterator[Problem]:
    every_field = {field for fields in CLASSIFIED_FIELDS.values() for field in fields}
    owner: dict[tuple[str, bool], str] = {}
    for position, table in enumerate(rules, start=1):
        label = _label("rules", position, table)
        words = _strings(table, "words")
        if "words" in table and not words:
            yield Problem(FILE, label, "words", "no words: the rule matches nothing")
        yield from _check_words(label, words)
        yield from _check_ids(label, _strings(table, "sectors"), known, "sectors" in table)
        for field in _strings(table, "fields"):
            if field not in every_field:
                yield Problem(
                    FILE, label, "fields", f"{field!r} is not a classified field ({', '.join(sorted(every_field))})"
                )
        exact = table.get("exact_case") is True
        for word in words:
            key = (word if exact else folded(word), exact)
            if key in owner and owner[key] != label:
                yield Problem(FILE, label, "words", f"{word!r} is also a word of {owner[key]}")
            owner.setdefault(key, label)


def _check_ids(label: str, sector_ids: list[str], known: set[str], present: bool) -> Iterator[Problem]:
    if present and not sector_ids:
        yield Problem(FILE, label, "sectors", "no sectors")
    for sector_id in sector_ids:
        if sector_id not in known:
            yield Problem(FILE, label, "sectors", f"unknown sector {sector_id!r}")


def _check_decisions(
    assignments: list[dict[str, Any]], unclassified: list[dict[str, Any]], known: set[str], ids: Mapping[str, set[str]]
) -> Iterator[Problem]:
    assigned: set[str] = set()
    for position, table in enumerate(assignments, start=1):
        label = _label("assignments", position, table)
        yield from _check_reference(label, table.get("record"), ids)
        yield from _check_ids(label, _strings(table, "sectors"), known, "sectors" in table)
        if isinstance(table.get("record"), str):
            assigned.add(table["record"])
    listed: set[str] = set()
    for position, table in enumerate(unclassified, start=1):
        label = _label("unclassified", position, table)
        record = table.get("record")
        yield from _check_reference(label, record, ids)
        if not isinstance(record, str):
            continue
        if record in listed:
            yield Problem(FILE, label, "record", f"{record!r} is listed as unclassified twice")
        if record in assigned:
            yield Problem(FILE, label, "record", f"{record!r} also has [[assignments]]: it can't be both")
        listed.add(record)


def _check_reference(label: str, record: Any, ids: Mapping[str, set[str]]) -> Iterator[Problem]:
    if not isinstance(record, str):
        return
    kind, _, record_id = record.partition(":")
    if not record_id:
        yield Problem(
            FILE, label, "record", f'{record!r} is not of the form "kind:id" (e.g. "mini_clusters:gumi-mobile")'
        )
    elif kind not in CLASSIFIED_FIELDS:
        yield Problem(FILE, label, "record", f"{kind!r} records are not classified ({', '.join(CLASSIFIED_FIELDS)})")
    elif kind in ids and record_id not in ids[kind]:
        yield Problem(FILE, label, "record", f"unknown {kind} record {record_id!r}")

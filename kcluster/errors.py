"""The errors of the core, for the commands and for Python users alike (no click here)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalog import Candidate


class NotFound(LookupError):
    """No record, or no single record, matches: `candidates` (catalog.Candidate: kind, id,
    name, label, where) are what was perhaps meant, best first; empty when nothing comes close."""

    def __init__(self, query: str, candidates: Sequence[Candidate] = (), message: str | None = None):
        self.query = query
        self.candidates = tuple(candidates)
        super().__init__(message or describe_miss(query, self.candidates))


class UnknownValue(ValueError):
    """A filter's value names nothing it can take: `valid` lists what it can."""

    def __init__(self, option: str, message: str, valid: Sequence[str] = ()):
        self.option = option
        self.valid = tuple(valid)
        super().__init__(message)


def describe_miss(query: str, candidates: Sequence[Candidate]) -> str:
    if not candidates:
        return f"nothing matches {query!r}."
    return f"no single record matches {query!r}: " + ", ".join(named(c) for c in candidates)


def named(candidate: Candidate) -> str:
    """A record named to people with the id to type back: "Mechatronics (mini cluster, changwon-mechatronics)"."""
    return f"{candidate.name} ({candidate.label}, {candidate.id})"

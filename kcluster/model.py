"""Record types of the dataset: one frozen dataclass per kind of record.

The annotations are the schema: the validator reads them (no separate schema to keep
in step), so they are written as real runtime types, not strings. Optional fields
have defaults; list fields are tuples so records stay immutable.
"""

import dataclasses
import functools
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

Scalar = int | float | str

# Field metadata read by the validator: `refers_to` names the kind a value must be an id of
# ("*" for any kind); `format` names a check on a string ("date", "url", "extension", "phone").
ANY_KIND = "*"


def ref(kind: str, default: Any = dataclasses.MISSING) -> Any:
    """A field whose value is the id (or a tuple of ids) of a record of `kind`."""
    return dataclasses.field(default=default, metadata={"refers_to": kind})


def formatted(fmt: str, default: Any = dataclasses.MISSING) -> Any:
    return dataclasses.field(default=default, metadata={"format": fmt})


@dataclass(frozen=True, kw_only=True)
class Citation:
    source: str = ref("sources")
    section: str
    # The shortest verbatim passage of the source (as the text file prints it, extraction
    # artefacts included) that supports what the record takes from it.
    quote: str | None = None


@dataclass(frozen=True, kw_only=True)
class Period:
    """A phase's start and end as one source dates it."""

    start: str = formatted("date")
    end: str | None = formatted("date", None)
    source: str = ref("sources")
    section: str
    # Which of the source's datings this is, where it dates the phases more than one way
    # (kicox-2010: "plan", "management stages", "map legend").
    scheme: str | None = None
    quote: str | None = None


@dataclass(frozen=True, kw_only=True)
class Budget:
    year: str = formatted("date")
    amount: Scalar
    unit: str
    source: str = ref("sources")
    section: str
    quote: str | None = None


@dataclass(frozen=True, kw_only=True)
class Figure:
    label: str
    value: Scalar
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class Record:
    KIND: ClassVar[str] = ""  # the dump key and file name: "mini_clusters"
    LABEL: ClassVar[str] = ""  # singular, for people: "mini cluster"

    id: str
    sources: tuple[Citation, ...]
    notes: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()

    # Fields holding the record's own names, the first being what people call it.
    # (A `name` property here would become the default of subclasses' `name` field.)
    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("name",)

    @property
    def display_name(self) -> str:
        return getattr(self, self.NAME_FIELDS[0])

    def names(self) -> tuple[str, ...]:
        """Every name the record is known by: its names, aliases, Korean names."""
        own = tuple(getattr(self, field) for field in self.NAME_FIELDS)
        return (*own, *getattr(self, "aliases", ()), *getattr(self, "hangul", ()))

    def to_dict(self) -> dict[str, Any]:
        """The stable machine shape: every field, null when absent, lists as lists.

        Order: id, the kind's own fields, then notes, derived and sources last.
        """
        return {name: _plain(getattr(self, name)) for name in export_order(type(self))}


def _export_order(cls: type) -> tuple[str, ...]:
    """A kind's field names in the order of its export shape: JSON keys, CSV header, table columns."""
    names = [f.name for f in dataclasses.fields(cls)]
    trailing = ("notes", "derived", "sources")
    return ("id", *(n for n in names if n != "id" and n not in trailing), *trailing)


def build_record(cls: type, table: dict[str, Any]) -> Any:
    """A record (or nested value) from its validated table or export shape: arrays become tuples."""
    hints = _field_types(cls)
    return cls(**{key: _convert(value, hints[key]) for key, value in table.items() if key in hints})


def _convert(value: Any, annotation: Any) -> Any:
    if isinstance(value, list):
        item_type = typing.get_args(annotation)[0] if typing.get_origin(annotation) is tuple else None
        if item_type is not None and dataclasses.is_dataclass(item_type):
            return tuple(build_record(item_type, item) for item in value)  # type: ignore[arg-type]
        return tuple(value)
    if isinstance(value, dict):
        return {key: tuple(item) if isinstance(item, list) else item for key, item in value.items()}
    return value


def _fields_by_name(cls: type) -> dict[str, Any]:
    return {f.name: f.type for f in dataclasses.fields(cls)}


# Cached per class; typed as plain functions (functools' wrapper asks for hashable arguments,
# which mypy does not see frozen dataclasses' types to be).
export_order: Callable[[type], tuple[str, ...]] = functools.cache(_export_order)
_field_types: Callable[[type], dict[str, Any]] = functools.cache(_fields_by_name)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    KIND: ClassVar[str] = "sources"
    LABEL: ClassVar[str] = "source"
    title: str
    publisher: str
    date: str = formatted("date")
    description: str
    authors: tuple[str, ...] = ()
    # The document's sections as citations spell them: one spelling each (the validator
    # checks every citation of this source against the list).
    sections: tuple[str, ...] = ()

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("title",)


@dataclass(frozen=True, kw_only=True)
class Region(Record):
    KIND: ClassVar[str] = "regions"
    LABEL: ClassVar[str] = "region"
    name: str
    aliases: tuple[str, ...] = ()
    hangul: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    vision: str | None = None
    industries: tuple[str, ...] = ()
    hubs: tuple[str, ...] = ref("complexes", ())
    connected_complexes: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    description: str | None = None


@dataclass(frozen=True, kw_only=True)
class Complex(Record):
    KIND: ClassVar[str] = "complexes"
    LABEL: ClassVar[str] = "complex"
    name: str
    aliases: tuple[str, ...] = ()
    hangul: tuple[str, ...] = ()
    region: str | None = ref("regions", None)
    industries: tuple[str, ...] = ()
    pilot_round: int | None = None
    # The listings that name the complex a hub of its pan-regional cluster, one citation
    # each (the sources count 21 to 27 hubs: see docs/dataset.md). A complex with mini
    # clusters in the 2010 list is their hub: that is a relation, not this field.
    hub_in: tuple[Citation, ...] = ()
    branch: str | None = ref("branches", None)
    location: str | None = None
    mini_clusters_2009: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True, kw_only=True)
class MiniCluster(Record):
    KIND: ClassVar[str] = "mini_clusters"
    LABEL: ClassVar[str] = "mini cluster"
    name: str
    aliases: tuple[str, ...] = ()
    complex: str = ref("complexes")
    region: str = ref("regions")
    url: str = formatted("url")
    extension: str = formatted("extension")
    phone: str = formatted("phone")
    agro_industrial: bool = False
    branch: str | None = ref("branches", None)


@dataclass(frozen=True, kw_only=True)
class Branch(Record):
    KIND: ClassVar[str] = "branches"
    LABEL: ClassVar[str] = "KICOX office"
    name: str
    aliases: tuple[str, ...] = ()
    address: str | None = None
    city: str | None = None
    # The same entity recorded as another kind: "organisations:kicox" style references.
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Phase(Record):
    KIND: ClassVar[str] = "phases"
    LABEL: ClassVar[str] = "phase"
    number: int
    name: str
    aliases: tuple[str, ...] = ()
    periods: tuple[Period, ...] = ()
    goals: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    budget: tuple[Budget, ...] = ()
    description: str | None = None


@dataclass(frozen=True, kw_only=True)
class Event(Record):
    KIND: ClassVar[str] = "events"
    LABEL: ClassVar[str] = "event"
    date: str = formatted("date")
    title: str
    kind: str
    subject: str | None = None
    description: str | None = None
    place: str | None = None
    related: tuple[str, ...] = ref(ANY_KIND, ())

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("title",)


@dataclass(frozen=True, kw_only=True)
class Programme(Record):
    KIND: ClassVar[str] = "programmes"
    LABEL: ClassVar[str] = "programme"
    name: str
    aliases: tuple[str, ...] = ()
    kind: str
    description: str | None = None
    period: str | None = None
    organisation: str | None = ref("organisations", None)
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Organisation(Record):
    KIND: ClassVar[str] = "organisations"
    LABEL: ClassVar[str] = "organisation"
    name: str
    aliases: tuple[str, ...] = ()
    hangul: tuple[str, ...] = ()
    kind: str
    country: str | None = None
    description: str | None = None
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Fact(Record):
    KIND: ClassVar[str] = "facts"
    LABEL: ClassVar[str] = "fact"
    subject: str
    label: str
    value: Scalar
    # A qualifier printed with the value ("about", "more than", "over"), kept apart so
    # that the value stays a number.
    qualifier: str | None = None
    unit: str | None = None
    as_of: str | None = formatted("date", None)
    about: tuple[str, ...] = ref(ANY_KIND, ())

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("label",)


@dataclass(frozen=True, kw_only=True)
class Story(Record):
    KIND: ClassVar[str] = "stories"
    LABEL: ClassVar[str] = "success story"
    title: str
    theme: str | None = None
    complexes: tuple[str, ...] = ref("complexes", ())
    summary: str
    figures: tuple[Figure, ...] = ()
    companies: tuple[str, ...] = ()

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("title",)


@dataclass(frozen=True, kw_only=True)
class Partnership(Record):
    KIND: ClassVar[str] = "partnerships"
    LABEL: ClassVar[str] = "partnership"
    acronym: str
    name: str
    sectors: tuple[str, ...] = ()
    # The technology classification line the source prints under each row.
    technologies: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    smes: int | None = None
    partners: int | None = None

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("name", "acronym")


@dataclass(frozen=True, kw_only=True)
class Comparison(Record):
    """A row of bmbf-de-kr's Table 1: one characteristic of German and Korean clusters."""

    KIND: ClassVar[str] = "comparisons"
    LABEL: ClassVar[str] = "comparison"
    position: int
    characteristic: str
    german_bottom_up: str
    german_top_down: str
    korean_mini_clusters: str

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("characteristic",)


# Every kind, in the order of the dump; the key is the TOML file name and the dump key.
KINDS: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Region,
        Complex,
        MiniCluster,
        Branch,
        Phase,
        Event,
        Programme,
        Organisation,
        Fact,
        Story,
        Partnership,
        Comparison,
        Source,
    )
}

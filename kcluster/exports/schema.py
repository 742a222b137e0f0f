"""The shape of each kind of record as the file exports see it, read from the model.

Every export (SQLite tables, CSV headers, the data package's field types and keys) is
derived from here, and this is derived from the dataclasses of `model`: a field added
there appears in every export without touching the writers.
"""

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import ANY_KIND, Citation, Record, export_order

# Field types, named as Frictionless Table Schema names them (the SQLite writer maps them
# to column types): a list or a table of the model is "array" or "object", kept as JSON text.
STRING, INTEGER, NUMBER, BOOLEAN = "string", "integer", "number", "boolean"
ANY, ARRAY, OBJECT = "any", "array", "object"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool  # never null in the export (a list is required: absent means [])
    refers_to: str | None = None  # the kind the id(s) belong to; model.ANY_KIND for any kind
    format: str | None = None  # the model's format check on a string: "date", "url", ...
    item: Any = None  # for a list of nested values (citations, periods, ...): their dataclass

    @property
    def is_list(self) -> bool:
        return self.type == ARRAY

    @property
    def is_json(self) -> bool:
        """Written as JSON text in a table cell."""
        return self.type in (ARRAY, OBJECT)

    @property
    def has_foreign_key(self) -> bool:
        """A single id of a record of one known kind: the export can declare and check the reference."""
        return self.refers_to not in (None, ANY_KIND) and not self.is_list

    @property
    def is_citations(self) -> bool:
        return self.item is Citation


def _columns(cls: type) -> tuple[Column, ...]:
    """The columns of a kind (or of a nested value) in the order of its export shape."""
    fields = {field.name: field for field in dataclasses.fields(cls)}
    order = export_order(cls) if issubclass(cls, Record) else tuple(fields)
    return tuple(_column(fields[name]) for name in order)


columns: Callable[[type], tuple[Column, ...]] = cache(_columns)  # cached per class (see model.export_order)


def _column(field: dataclasses.Field) -> Column:
    annotation = field.type
    required = True
    if _is_union(annotation) and type(None) in typing.get_args(annotation):
        required = False
        rest = tuple(arg for arg in typing.get_args(annotation) if arg is not type(None))
        annotation = rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007 (a tuple of types)
    column_type, item = _type_of(annotation)
    metadata = field.metadata
    return Column(field.name, column_type, required, metadata.get("refers_to"), metadata.get("format"), item)


def _is_union(annotation: typing.Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _type_of(annotation: typing.Any) -> tuple[str, type | None]:
    """(the column type, the dataclass of a list's items if they are nested values)."""
    origin = typing.get_origin(annotation)
    if origin is tuple:
        item = typing.get_args(annotation)[0]
        return ARRAY, item if isinstance(item, type) and dataclasses.is_dataclass(item) else None
    if origin is dict:
        return OBJECT, None
    if _is_union(annotation):  # e.g. a fact's value: an integer, a number or text
        return ANY, None
    # bool before int: a bool is an int to Python, not to a table
    simple = {bool: BOOLEAN, int: INTEGER, float: NUMBER, str: STRING}
    return simple.get(annotation, ANY), None


def singular(kind: str) -> str:
    """A kind's name for one record, for column names: "complexes" -> "complex", "stories" -> "story"."""
    if kind.endswith("ies"):
        return kind[:-3] + "y"
    if kind.endswith(("xes", "ches", "shes", "sses")):
        return kind[:-2]
    return kind[:-1]


# Fields whose text says what a record is, for full-text search beside its names.
PROSE_FIELDS = ("description", "summary", "vision")


def prose(record: Record) -> str:
    return "\n".join(text for name in PROSE_FIELDS if isinstance(text := getattr(record, name, None), str))


def other_names(record: Record) -> list[str]:
    """Every name of a record but the one people call it by: other name fields, aliases, Korean names."""
    names = list(record.names())
    return [name for position, name in enumerate(names) if name != record.display_name and name not in names[:position]]

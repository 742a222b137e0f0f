"""Checks a parsed dataset against the record types of `model`, and reports every problem.

The dataclass annotations and field metadata are the schema: types, required fields,
references between kinds, and string formats. Nothing here stops at the first problem.
"""

import dataclasses
import datetime
import functools
import re
import types
import typing
from collections.abc import Iterator
from typing import Any, Union

from .kinds import file_name
from .model import ANY_KIND, KINDS, Record
from .problems import ID_PATTERN, Problem

DATE_PATTERN = re.compile(r"\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
URL_PATTERN = re.compile(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:/[^\s]*)?")
EXTENSION_PATTERN = re.compile(r"\d{4}")
PHONE_PREFIX = "+82-70-8895-"  # "Tel : 82+70+8895+" in the header of the 2010 mini cluster list

FORMAT_CHECKS = {
    "date": (DATE_PATTERN, "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    "url": (URL_PATTERN, "a well-formed http(s) URL"),
    "extension": (EXTENSION_PATTERN, "a 4-digit extension"),
    "phone": (re.compile(re.escape(PHONE_PREFIX) + r"\d{4}"), f"a number {PHONE_PREFIX}XXXX"),
}


def check_dataset(raw: dict[str, Any]) -> list[Problem]:
    """Every problem in a parsed dataset: {kind: parsed TOML document}.

    A kind whose file could not be read or parsed is absent from `raw`: its problem
    is reported by the loader.
    """
    problems: list[Problem] = []
    for kind, document in raw.items():
        problems += _check_document(kind, document)
    ids = record_ids(raw)
    for kind, document in raw.items():
        for record in _records(kind, document):
            problems += _check_references(kind, record, ids)
    if len(ids) == len(KINDS):
        problems += _check_same_as(raw, ids)
        problems += _check_sections(raw)
    return problems


def _check_sections(raw: dict[str, Any]) -> Iterator[Problem]:
    """Every citation names one of its source's `sections`, spelled as the source lists it."""
    from .evidence import citations_of

    sections = {
        s["id"]: set(s["sections"])
        for s in _records("sources", raw["sources"])
        if isinstance(s.get("sections"), list) and s["sections"]
    }
    for kind, document in raw.items():
        for record in _records(kind, document):
            for path, citation in citations_of(record):
                listed = sections.get(citation["source"])
                section = citation.get("section")
                if listed is not None and isinstance(section, str) and section not in listed:
                    yield Problem(
                        file_name(kind),
                        record.get("id"),
                        f"{path}.section",
                        f"{section!r} is not a section of {citation['source']} (see sources.toml)",
                    )


def _check_same_as(raw: dict[str, Any], ids: dict[str, set[str]]) -> Iterator[Problem]:
    """`same_as` names records of other kinds as "kind:id"; each link is made from both ends."""
    links: set[tuple[str, str]] = set()
    for kind, document in raw.items():
        for record in _records(kind, document):
            for target in record.get("same_as") or () if isinstance(record.get("same_as"), list) else ():
                if isinstance(target, str) and isinstance(record.get("id"), str):
                    links.add((f"{kind}:{record['id']}", target))
    known = {f"{kind}:{record_id}" for kind, kind_ids in ids.items() for record_id in kind_ids}
    for own, target in sorted(links):
        kind, _, record_id = own.partition(":")
        where = (file_name(kind), record_id, "same_as")
        if target not in known:
            yield Problem(*where, f"{target!r} is not a record (write kind:id, e.g. 'organisations:kicox')")
        elif (target, own) not in links:
            yield Problem(*where, f"{target} does not name {own} in its own same_as")


def record_ids(raw: dict[str, Any]) -> dict[str, set[str]]:
    """{kind: the ids of its records} of a parsed dataset (records without a string id left out)."""
    return {
        kind: {r["id"] for r in _records(kind, document) if isinstance(r.get("id"), str)}
        for kind, document in raw.items()
    }


def check_metadata(name: str, document: dict[str, Any]) -> list[Problem]:
    """The problems of the optional metadata file: `[dataset]` with an optional ISO `date`."""
    problems = [
        Problem(name, None, None, f"unexpected top-level key {key!r} (expected only [dataset])")
        for key in document
        if key != "dataset"
    ]
    table = document.get("dataset", {})
    if not isinstance(table, dict):
        return [
            *problems,
            Problem(name, None, "dataset", f"expected a table ([dataset]), got {_describe_value(table)}"),
        ]
    for key, value in table.items():
        if key != "date":
            problems.append(Problem(name, None, key, "unknown field"))
        elif error := _type_error(value, str):
            problems.append(Problem(name, None, key, error))
        else:
            problems += _check_format(name, None, key, value, "date")
    return problems


def _records(kind: str, document: Any) -> list[dict[str, Any]]:
    records = document.get(kind) if isinstance(document, dict) else None
    if not isinstance(records, list):
        return []
    return [r for r in records if isinstance(r, dict)]


def _check_document(kind: str, document: dict[str, Any]) -> Iterator[Problem]:
    name = file_name(kind)
    for key in document:
        if key != kind:
            yield Problem(name, None, None, f"unexpected top-level key {key!r} (expected only [[{kind}]])")
    records = document.get(kind)
    if records is None:
        yield Problem(name, None, None, f"no [[{kind}]] records")
        return
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        yield Problem(name, None, None, f"{kind!r} must be an array of tables ([[{kind}]])")
        return
    seen: set[str] = set()
    for position, record in enumerate(records, start=1):
        record_id = record.get("id")
        label = record_id if isinstance(record_id, str) else f"#{position}"
        if isinstance(record_id, str):
            if record_id in seen:
                yield Problem(name, label, "id", f"duplicate id {record_id!r}")
            seen.add(record_id)
        yield from _check_fields(name, label, KINDS[kind], record)


def _check_fields(name: str, label: str, cls: type, record: dict[str, Any], prefix: str = "") -> Iterator[Problem]:
    fields = _fields_of(cls)
    for key in record:
        if key not in fields:
            yield Problem(name, label, prefix + key, "unknown field")
    for field in fields.values():
        path = prefix + field.name
        if field.name not in record:
            if _is_required(field):
                yield Problem(name, label, path, "missing required field")
            continue
        value = record[field.name]
        error = _type_error(value, field.type)
        if error:
            yield Problem(name, label, path, error)
            continue
        yield from _check_nested(name, label, path, value, field.type)
        yield from _check_format(name, label, path, value, field.metadata.get("format"))
    if issubclass(cls, Record):
        yield from _check_record_rules(name, label, record, fields)


# The schema is read from the annotations once per type, not once per record: checking
# every record of the dataset is most of what `validate` (and a first use) costs.
@functools.cache
def _fields_of(cls: type) -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(cls)}


def _is_required(field: dataclasses.Field) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _check_nested(name: str, label: str, path: str, value: Any, annotation: Any) -> Iterator[Problem]:
    """Recurse into dataclass-typed values (citations, periods, budgets, figures)."""
    item_type = _tuple_item_type(annotation)
    if isinstance(item_type, type) and dataclasses.is_dataclass(item_type):
        for index, item in enumerate(value):
            yield from _check_fields(name, label, item_type, item, f"{path}[{index}].")


def _check_format(name: str, label: str | None, path: str, value: Any, fmt: str | None) -> Iterator[Problem]:
    if fmt is None or value is None:
        return
    pattern, wanted = FORMAT_CHECKS[fmt]
    if not pattern.fullmatch(value):
        yield Problem(name, label, path, f"{value!r} is not {wanted}")


def _check_record_rules(name: str, label: str, record: dict[str, Any], fields: dict[str, Any]) -> Iterator[Problem]:
    record_id = record.get("id")
    if isinstance(record_id, str) and not ID_PATTERN.fullmatch(record_id):
        yield Problem(name, label, "id", "ids are lowercase letters, digits and single hyphens")
    if record.get("sources") == []:
        yield Problem(name, label, "sources", "at least one citation is required")
    for derived in record.get("derived", ()) if isinstance(record.get("derived"), list) else ():
        if derived not in fields:
            yield Problem(name, label, "derived", f"names no field of this record: {derived!r}")
    phone, extension = record.get("phone"), record.get("extension")
    if isinstance(phone, str) and isinstance(extension, str) and phone != PHONE_PREFIX + extension:
        yield Problem(name, label, "phone", f"{phone!r} does not match extension {extension!r}")


def _check_references(kind: str, record: dict[str, Any], ids: dict[str, set[str]]) -> Iterator[Problem]:
    label = record.get("id") if isinstance(record.get("id"), str) else "?"
    for path, target, value in _references(KINDS[kind], record):
        if not isinstance(value, str):
            continue  # already reported as a type error
        if target == ANY_KIND:
            if len(ids) == len(KINDS) and not any(value in known for known in ids.values()):
                yield Problem(file_name(kind), label, path, f"{value!r} is not the id of any record")
        elif target in ids and value not in ids[target]:  # a kind whose file didn't parse can't be checked
            yield Problem(file_name(kind), label, path, f"unknown {KINDS[target].LABEL} {value!r}")


def _references(cls: type, record: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str, Any]]:
    """(field path, kind referred to, value) for every reference in a record, nested ones too."""
    for field in _fields_of(cls).values():
        value = record.get(field.name)
        if value is None:
            continue
        path = prefix + field.name
        target = field.metadata.get("refers_to")
        item_type = _tuple_item_type(field.type)
        if target and isinstance(value, list):
            yield from ((f"{path}[{i}]", target, item) for i, item in enumerate(value))
        elif target:
            yield path, target, value
        elif isinstance(item_type, type) and dataclasses.is_dataclass(item_type) and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield from _references(item_type, item, f"{path}[{index}].")


def _tuple_item_type(annotation: Any) -> Any:
    if typing.get_origin(annotation) is tuple:
        return typing.get_args(annotation)[0]
    return None


def _type_error(value: Any, annotation: Any) -> str | None:
    """Why `value` (as parsed from TOML) does not fit `annotation`, or None if it does."""
    if _fits(value, annotation):
        return None
    error = f"expected {_describe(annotation)}, got {_describe_value(value)}"
    if isinstance(value, _TOML_DATES) and _fits(value.isoformat(), annotation):
        error += f'; write it in quotes: "{value.isoformat()}"'
    return error


def _fits(value: Any, annotation: Any) -> bool:
    return _fitter(annotation)(value)


@functools.cache
def _fitter(annotation: Any) -> typing.Callable[[Any], bool]:
    """Whether a value fits `annotation`, as a function made once per annotation."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        options = [_fitter(option) for option in typing.get_args(annotation)]
        return lambda value: any(fits(value) for fits in options)
    if annotation is type(None):
        return lambda value: value is None
    if origin is tuple:  # TOML arrays
        item_fits = _fitter(typing.get_args(annotation)[0])
        return lambda value: isinstance(value, list) and all(item_fits(item) for item in value)
    if origin is dict:
        key_fits, item_fits = map(_fitter, typing.get_args(annotation))
        return lambda value: isinstance(value, dict) and all(key_fits(k) and item_fits(v) for k, v in value.items())
    if dataclasses.is_dataclass(annotation):
        return lambda value: isinstance(value, dict)  # its fields are checked by _check_nested
    if annotation is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return lambda value: isinstance(value, (int, float)) and not isinstance(value, bool)
    return lambda value: isinstance(value, annotation)


def _describe(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(option) for option in typing.get_args(annotation) if option is not type(None))
    if origin is tuple:
        return f"a list of {_plural(typing.get_args(annotation)[0])}"
    if origin is dict:
        return f"a table of {_plural(typing.get_args(annotation)[1])}"
    if dataclasses.is_dataclass(annotation):
        return "a table"
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false"}.get(
        annotation, str(annotation)
    )


def _plural(annotation: Any) -> str:
    if typing.get_origin(annotation) is tuple:
        return "lists of " + _plural(typing.get_args(annotation)[0])
    if dataclasses.is_dataclass(annotation):
        return "tables"
    return {str: "strings", int: "integers", float: "numbers", bool: "booleans"}.get(annotation, str(annotation))


# TOML's unquoted dates and times (`date = 2005-04-01`) parse to these; the dataset writes dates as strings.
_TOML_DATES = (datetime.date, datetime.time)  # datetime.datetime is a datetime.date


def _describe_value(value: Any) -> str:
    kinds = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
        datetime.date: "a TOML date",
        datetime.datetime: "a TOML date-time",
        datetime.time: "a TOML time",
    }
    shown = value.isoformat() if isinstance(value, _TOML_DATES) else _short(value)
    return f"{kinds.get(type(value), type(value).__name__)} ({shown})"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."

"""Machine-readable output: JSON, JSON lines and CSV, from plain dicts (the export shape)."""

import codecs
import csv
import json
from typing import Any, Iterable, TextIO


def write_json(value: Any, stream: TextIO) -> None:
    json.dump(value, stream, ensure_ascii=not encodes_everything(stream), indent=2)
    stream.write("\n")


def write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> None:
    ensure_ascii = not encodes_everything(stream)
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=ensure_ascii))
        stream.write("\n")


def encodes_everything(stream: TextIO) -> bool:
    """Whether the stream's encoding is a Unicode one. JSON to any other (PYTHONIOENCODING=ascii,
    LC_ALL=C) escapes what isn't ASCII ("\\ucc3d"): still valid and whole, where the stream
    would write "?". CSV has no escapes: it degrades to "?"."""
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True  # text in memory
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def write_csv(records: list[dict[str, Any]], stream: TextIO) -> None:
    """One row a record; lists of strings joined with "; ", anything nested as JSON text."""
    columns: list[str] = []
    for record in records:
        columns += [key for key in record if key not in columns]
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: csv_cell(value) for key, value in record.items()})


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value

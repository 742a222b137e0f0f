"""Machine-readable output: JSON, JSON lines and CSV, from plain dicts (the export shape).

json and csv are imported where used: every command imports this module, and a table
or --help needs neither.
"""

from collections.abc import Iterable
from typing import Any, TextIO


def write_json(value: Any, stream: TextIO) -> None:
    # One write, not one per token as json.dump makes.
    stream.write(json_text(value, ascii_only=not encodes_everything(stream)))
    stream.write("\n")


def json_text(value: Any, ascii_only: bool = False) -> str:
    """The JSON of every --json output."""
    import json

    return json.dumps(value, ensure_ascii=ascii_only, indent=2)


def write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> None:
    import json

    ensure_ascii = not encodes_everything(stream)
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=ensure_ascii))
        stream.write("\n")


def encodes_everything(stream: TextIO) -> bool:
    """Whether the stream's encoding is a Unicode one. JSON to any other (PYTHONIOENCODING=ascii,
    LC_ALL=C) escapes what isn't ASCII ("\\ucc3d"): still valid and whole, where the stream
    would write "?". CSV has no escapes: it degrades to "?"."""
    import codecs

    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True  # text in memory
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def write_csv(records: list[dict[str, Any]], stream: TextIO) -> None:
    """One row a record, cells as `export --format csv` writes them (lists and tables as JSON
    text), so that every CSV kcluster writes reads back to the same records."""
    columns: list[str] = []
    for record in records:
        columns += [key for key in record if key not in columns]
    import csv

    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: csv_json_cell(value) for key, value in record.items()})


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, ensure_ascii=False)
    return value


def csv_json_cell(value: Any) -> Any:
    """As `csv_cell`, but every list and table as JSON text, so that the cell reads back exactly."""
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, ensure_ascii=False)
    return csv_cell(value)


def write_exact_text(text: str, stream: TextIO) -> None:
    """Text whose format fixes its encoding and line endings (vCard: UTF-8, CRLF), unchanged by the stream."""
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()

"""Checks the quotes of a dataset's citations against the source documents' text files.

Every citation (a record's `sources` entry, and every nested value that names a `source`,
such as a phase's periods) carries a `quote`: a verbatim passage of the source. The
source texts are not shipped, so this check runs only where a folder of them is given
(`kcluster validate --sources DIR`). Whitespace is normalised on both sides, since the
text extraction breaks lines and doubles spaces where the document had neither.

The folder holds one text file per source: `<source id>.txt`, or any names listed in
a README.md table that pairs each source id with its file (`| \\`kicox-2010\\` | \\`002_….txt\\` |`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .kinds import KIND_NAMES, file_name
from .problems import Problem

LONGEST_QUOTE = 400  # characters, after normalising whitespace: a quote is a passage, not a page
_README_ROW = re.compile(r"^\|\s*`([a-z0-9-]+)`\s*\|\s*`([^`]+\.txt)`", re.MULTILINE)
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace runs as one space, none at the ends: how quotes and texts are compared."""
    return _WHITESPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class QuoteReport:
    """What the check found: the problems, and how many citations and quotes it saw."""

    problems: list[Problem]
    citations: int
    quoted: int
    found: int


def source_files(folder: str) -> dict[str, str]:
    """{source id: path of its text file} for the source texts in `folder`."""
    files: dict[str, str] = {}
    readme = os.path.join(folder, "README.md")
    if os.path.isfile(readme):
        with open(readme, encoding="utf-8") as stream:
            for source_id, name in _README_ROW.findall(stream.read()):
                files[source_id] = os.path.join(folder, name)
    for name in sorted(os.listdir(folder)):
        stem, ending = os.path.splitext(name)
        if ending == ".txt" and stem not in files and not stem[:1].isdigit():
            files[stem] = os.path.join(folder, name)
    return files


def read_texts(folder: str) -> dict[str, str]:
    """{source id: its text, whitespace normalised}."""
    texts = {}
    for source_id, path in source_files(folder).items():
        with open(path, encoding="utf-8") as stream:
            texts[source_id] = normalise(stream.read())
    return texts


def check_quotes(tables: Mapping[str, list[dict[str, Any]]], texts: Mapping[str, str]) -> QuoteReport:
    """Every citation of every record in `tables` ({kind: [record tables]}) checked against `texts`."""
    problems: list[Problem] = []
    citations = quoted = found = 0
    for kind, records in tables.items():
        for record in records:
            record_id = record.get("id") if isinstance(record.get("id"), str) else None
            for path, citation in citations_of(record):
                citations += 1
                problem = _check_citation(citation, texts)
                if citation.get("quote") is not None:
                    quoted += 1
                    found += problem is None or problem.startswith("longer than")
                if problem is not None:
                    problems.append(Problem(file_name(kind), record_id, f"{path}.quote", problem))
    return QuoteReport(problems, citations, quoted, found)


def citations_of(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, table) for every table within a record that names a `source`, at any depth."""
    if isinstance(value, dict):
        if isinstance(value.get("source"), str) and path:
            yield path, value
        for key, item in value.items():
            yield from citations_of(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from citations_of(item, f"{path}[{position}]")


def _check_citation(citation: dict[str, Any], texts: Mapping[str, str]) -> str | None:
    quote = citation.get("quote")
    source = citation["source"]
    if quote is None:
        return "no quote"
    if not isinstance(quote, str) or not normalise(quote):
        return "the quote is empty"
    wanted = normalise(quote)
    if source not in texts:
        return f"no text file for source {source!r} in the folder"
    if wanted not in texts[source]:
        return f"not in {source}: {_excerpt(wanted)}"
    if len(wanted) > LONGEST_QUOTE:
        return f"longer than {LONGEST_QUOTE} characters ({len(wanted)}): quote the shortest passage"
    return None


def _excerpt(text: str, width: int = 70) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def main(argv: list[str] | None = None) -> int:
    """`python -m kcluster.evidence SOURCES_DIR [DATA_DIR] [--kind K]...`: the helpers' check."""
    import argparse

    from .loader import _parse, read_files

    parser = argparse.ArgumentParser(prog="python -m kcluster.evidence")
    parser.add_argument("sources_dir")
    parser.add_argument("data_dir", nargs="?")
    parser.add_argument("--kind", action="append", help="only this kind (repeatable)")
    parser.add_argument("--missing", action="store_true", help="also list citations without a quote")
    options = parser.parse_args(argv)
    files = read_files(options.data_dir)
    parsed, problems = _parse(files.contents)
    tables = {
        kind: parsed[file_name(kind)][kind]
        for kind in KIND_NAMES
        if file_name(kind) in parsed and (not options.kind or kind in options.kind)
    }
    report = check_quotes(tables, read_texts(options.sources_dir))
    for problem in report.problems:
        if options.missing or problem.message != "no quote":
            print(problem)
    print(
        f"{report.citations} citations, {report.quoted} with a quote, {report.found} found in their source, "
        f"{len(report.problems)} problem(s)"
    )
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

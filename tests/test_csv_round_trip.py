"""Every list command's --format csv reads back to its --json records (the export's cell
encoding: lists and tables as JSON text, booleans as true/false, nothing as an empty cell)."""

import csv
import io
import json

import pytest

LISTS = [
    ["complexes"],
    ["mini"],
    ["regions"],
    ["compare"],
    ["phases"],
    ["timeline"],
    ["facts"],
    ["sources"],
    ["partnerships"],
    ["stories"],
    ["offices"],
    ["programmes"],
    ["organisations"],
    ["sectors", "--all"],
    ["search", "kwangju"],
]


def read_back(cell: str, like):
    """A cell as the type of the JSON value it stands for."""
    if like is None:
        return None if cell == "" else cell
    if isinstance(like, bool):
        return {"true": True, "false": False}[cell]
    if isinstance(like, (list, dict)):
        return json.loads(cell)
    if isinstance(like, (int, float)):
        return type(like)(cell)
    return cell


@pytest.mark.parametrize("args", LISTS, ids=" ".join)
def test_csv_reads_back_to_the_json_records(run, args):
    records = run.json(*args, "--json")
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    assert len(rows) == len(records) > 0
    for record, row in zip(records, rows, strict=True):
        assert list(row) == list(record)
        assert {key: read_back(row[key], value) for key, value in record.items()} == record

"""The startup contract: a lookup imports only what its output needs (timings are in
benchmarks/startup.py; here, which modules a run has imported when it ends)."""

import json
import subprocess
import sys

import pytest

# Runs the command line in a fresh interpreter, then reports the modules it imported.
PROGRAM = """
import json, sys
from kcluster.cli import main
try:
    main(args=sys.argv[1:], prog_name="kcluster")
except SystemExit:
    pass
sys.stderr.write("\\n" + json.dumps(sorted(sys.modules)))
"""


def imported_by(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, check=True)
    return set(json.loads(result.stderr.splitlines()[-1]))


@pytest.fixture(autouse=True)
def compiled_once(isolated_environment):
    imported_by("sources", "--json")  # the first use compiles the dataset into the test session's cache


@pytest.mark.parametrize(
    "args", [("show", "Changwon", "--json"), ("mini", "--json"), ("mini", "--region", "Honam", "--json")]
)
def test_json_lookups_import_neither_rich_nor_rapidfuzz_nor_the_record_types(args):
    modules = imported_by(*args)
    assert "kcluster.catalog" in modules  # it did run the lookup
    for heavy in ("rich", "rapidfuzz", "kcluster.model", "kcluster.validation"):
        assert heavy not in modules, heavy


def test_help_imports_no_dataset_code():
    modules = imported_by("--help")
    assert not {"kcluster.catalog", "kcluster.store", "rich", "rapidfuzz"} & modules

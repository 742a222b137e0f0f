"""Top-1 and top-3 accuracy on the search-quality table (issue 12), kcluster beside two baselines.

    python benchmarks/search_quality.py

The table is QUERIES in tests/test_search_quality.py (the specification; that module imports
only the standard library, so it is loaded here from its file). A row's expected hits are its
search column: one record, or for an ambiguous query any of its candidates. Three searches:

- kcluster: `kcluster.load().search(query, limit=...)`, the first three record hits (sector
  hits, which `search` lists first when a query names a sector, are left out, as in the test);
- SQLite FTS5: the `search` table of `kcluster export --format sqlite`, `MATCH` with the
  query's words AND'ed, then OR'ed to fill up to three hits, `ORDER BY rank`; an FTS5 error
  counts as a miss;
- rapidfuzz: `process.extract(query, names, scorer=fuzz.WRatio, limit=3)` over every
  record's names, aliases and Korean names (`record.names()`), each name standing for its record.

The checkout's kcluster is measured (this file's parent directory comes first on sys.path).
Only the standard library and kcluster's dependencies. Prints two small tables; exits 0.
"""

import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

import kcluster  # noqa: E402 - the checkout's, after the path is set

Key = tuple[str, str]
Search = Callable[[str], list[Key]]


def load_table() -> list[tuple]:
    path = ROOT / "tests" / "test_search_quality.py"
    spec = importlib.util.spec_from_file_location("search_quality_table", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.QUERIES)


def expected(expectation) -> frozenset[Key]:
    return expectation if isinstance(expectation, frozenset) else frozenset([expectation])


def kcluster_search(catalog) -> Search:
    def search(query: str) -> list[Key]:
        hits = catalog.search(query, limit=8)
        return [(hit.kind, hit.id) for hit in hits if hit.kind != "sectors"][:3]

    return search


def fts5_search(database: Path) -> Search:
    connection = sqlite3.connect(database)
    sql = "SELECT kind, id FROM search WHERE search MATCH ? ORDER BY rank LIMIT 3"

    def search(query: str) -> list[Key]:
        words = re.findall(r"\w+", query)
        if not words:
            return []
        quoted = ['"' + word.replace('"', '""') + '"' for word in words]
        found: list[Key] = []
        for expression in (" AND ".join(quoted), " OR ".join(quoted)):
            try:
                rows = connection.execute(sql, (expression,)).fetchall()
            except sqlite3.Error:
                return found
            found += [(kind, record_id) for kind, record_id in rows if (kind, record_id) not in found]
            if len(found) >= 3:
                break
        return found[:3]

    return search


def rapidfuzz_search(catalog) -> Search:
    names: list[str] = []
    keys: list[Key] = []
    for record in catalog.all_records():
        for name in record.names():
            names.append(name)
            keys.append((record.KIND, record.id))

    def search(query: str) -> list[Key]:
        return [keys[index] for _, _, index in process.extract(query, names, scorer=fuzz.WRatio, limit=3)]

    return search


def export_sqlite(folder: Path) -> Path:
    target = folder / "kcluster.db"
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "kcluster", "export", "--format", "sqlite", "--output", str(target)]
    done = subprocess.run(command, env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"kcluster export failed:\n{done.stderr}")
    return target


def score(search: Search, table: list[tuple]) -> dict[str, list[tuple[bool, bool]]]:
    """Per kind of query, (top-1 right, top-3 right) for each row."""
    results: dict[str, list[tuple[bool, bool]]] = {}
    for category, query, _show, first_hit in table:
        wanted = expected(first_hit)
        hits = search(query)
        results.setdefault(category, []).append((bool(hits) and hits[0] in wanted, any(h in wanted for h in hits[:3])))
    return results


def percent(part: int, whole: int) -> str:
    return f"{part:>3}/{whole} {100 * part / whole:5.1f}%"


def main() -> int:
    table = load_table()
    catalog = kcluster.load()
    with tempfile.TemporaryDirectory() as folder:
        searches = {
            "kcluster search": kcluster_search(catalog),
            "SQLite FTS5": fts5_search(export_sqlite(Path(folder))),
            "rapidfuzz WRatio": rapidfuzz_search(catalog),
        }
        results = {name: score(search, table) for name, search in searches.items()}

    print(f"Search quality: {len(table)} queries of tests/test_search_quality.py\n")
    print(f"{'':<18}{'top-1':>16}{'top-3':>16}")
    for name, by_category in results.items():
        rows = [row for category_rows in by_category.values() for row in category_rows]
        top1 = sum(first for first, _ in rows)
        top3 = sum(any_of_three for _, any_of_three in rows)
        print(f"{name:<18}{percent(top1, len(rows)):>16}{percent(top3, len(rows)):>16}")

    categories = list(next(iter(results.values())))
    print(f"\nTop-1 by kind of query\n{'':<15}{'rows':>5}" + "".join(f"{name:>18}" for name in results))
    for category in categories:
        count = len(results["kcluster search"][category])
        cells = "".join(f"{sum(first for first, _ in by[category]):>18}" for by in results.values())
        print(f"{category:<15}{count:>5}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How close kcluster's commands are to the floor of a click program, and how they scale.

    python benchmarks/startup.py            # about five minutes; --scale 0 skips the large dataset

For each command, in one run: the command and its floor (the same Python importing only what
that command's output needs) are run alternately, A B A B ..., after a warm-up; the result
is the median of the pairs' time ratios, which cancels most of a noisy machine's drift.
Peak memory is each process's maximum resident set size (from the kernel, via os.wait4).

Scale: a synthetic dataset N times the shipped one (the shipped records plus N-1 copies
with made-up names and ids, references kept within each copy) is written to a temp dir and
used with --data-dir; show and search on it are compared with the shipped data, and the
time to load each dataset and per search query (in this process) are reported.

Only the standard library and kcluster's own dependencies. Children run without
PYTHONDONTWRITEBYTECODE, as an installed program does (pip compiles its bytecode), with a
cache directory of their own. Exits 1 when a target is missed.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# (what is run, its arguments, the floor's imports, the ratio at most) — from issue 5.
STARTUP_TARGETS = [
    (["--help"], "click", 1.25),
    (["show", "Changwon", "--json"], "click", 1.30),
    (["mini", "--region", "Honam", "--json"], "click", 1.30),
    (["show", "Changwon"], "click, rich.console, rich.table", 1.25),
    (["search", "chanwon", "--json"], "click, rapidfuzz.process, rapidfuzz.fuzz", 1.30),
]
PEAK_MEMORY_MB = 60
SCALE_COMMANDS = [["show", "Changwon", "--json"], ["search", "chanwon", "--json"]]
SCALE_RATIO = 3.0
SEARCH_QUERIES = [
    "chanwon",
    "kwangju",
    "Taegu",
    "mechatronics",
    "egok transportation machine",
    "shipbuilding",
    "Banwon-Sihwa",
    "gyeongsangnam-do",
    "medical",
    "phase 2",
    "qwxzv",
    "auto parts",
]


def main() -> int:
    options = _arguments()
    workspace = Path(tempfile.mkdtemp(prefix="kcluster-bench-"))
    try:
        env = _child_environment(workspace / "cache")
        kcluster = _kcluster_command()
        print(f"Python {sys.version.split()[0]} at {sys.executable}; kcluster run as: {' '.join(kcluster)}\n")
        rows = [
            _startup_row(kcluster, args, floor, target, options.pairs, env) for args, floor, target in STARTUP_TARGETS
        ]
        if not options.scale:
            _print_table(rows)
            return 0 if all(row["ok"] for row in rows) else 1
        big = workspace / f"data-x{options.scale}"
        started = time.perf_counter()
        # In a child: a parent grown by the dataset would lend its size to every child's peak
        # memory (a forked child counts its parent's pages until it runs the program).
        written = subprocess.run(
            [sys.executable, __file__, "--write-synthetic", str(big), str(options.scale)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        print(
            f"synthetic dataset: {int(written):,} records ({options.scale}x), "
            f"written in {time.perf_counter() - started:.1f} s\n"
        )
        first_use = {
            label: first_use_of(kcluster, data_dir, env)
            for label, data_dir in (("shipped", None), (f"{options.scale}x", big))
        }
        rows += [_scale_row(kcluster, args, big, options.pairs, env, options.scale) for args in SCALE_COMMANDS]
        _print_table(rows)
        _print_loading(first_use, big, env, options.scale)
        return 0 if all(row["ok"] for row in rows) else 1
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=21, help="A/B pairs per comparison (default 21)")
    parser.add_argument("--scale", type=int, default=100, help="size of the synthetic dataset (default 100x; 0: skip)")
    return parser.parse_args()


def _child_environment(cache: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "KCLUSTER_DATA_DIR", "PYTHONPROFILEIMPORTTIME")
    }
    env["KCLUSTER_CACHE_DIR"] = str(cache)
    return env


def _kcluster_command() -> list[str]:
    """The installed console script beside this Python, as users run it; else `python -m`."""
    script = Path(sys.executable).with_name("kcluster")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kcluster"]


# --- measuring one process -------------------------------------------------------------------


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one run, its output going to a file (not a terminal)."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return elapsed, usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def compare(a: list[str], b: list[str], pairs: int, env: dict[str, str]) -> dict[str, float]:
    """B against A, alternately, after a warm-up: medians of times and of the pair ratios."""
    for _ in range(3):
        run_once(a, env), run_once(b, env)
    times_a, times_b, ratios, peak = [], [], [], 0.0
    for _ in range(pairs):
        time_a, _ = run_once(a, env)
        time_b, memory = run_once(b, env)
        times_a.append(time_a)
        times_b.append(time_b)
        ratios.append(time_b / time_a)
        peak = max(peak, memory)
    return {
        "a": statistics.median(times_a),
        "b": statistics.median(times_b),
        "ratio": statistics.median(ratios),
        "peak": peak,
    }


def _startup_row(
    kcluster: list[str], args: list[str], imports: str, target: float, pairs: int, env: dict[str, str]
) -> dict:
    measured = compare([sys.executable, "-c", f"import {imports}"], kcluster + args, pairs, env)
    ok = measured["ratio"] <= target and measured["peak"] <= PEAK_MEMORY_MB
    return {
        "what": "kcluster " + " ".join(args),
        "against": f"import {imports}",
        **measured,
        "target": target,
        "ok": ok,
    }


def first_use_of(kcluster: list[str], data_dir: Path | None, env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak MB) of the first command on a dataset: read, validate, compile, cache.

    The shipped dataset is already in the benchmark's cache: it is timed with an empty one.
    """
    selected = ["--data-dir", str(data_dir)] if data_dir else []
    with tempfile.TemporaryDirectory() as empty_cache:
        cache = env["KCLUSTER_CACHE_DIR"] if data_dir else empty_cache
        return run_once(kcluster + selected + ["validate"], dict(env, KCLUSTER_CACHE_DIR=cache))


def _scale_row(kcluster: list[str], args: list[str], big: Path, pairs: int, env: dict[str, str], scale: int) -> dict:
    measured = compare(kcluster + args, kcluster + ["--data-dir", str(big), *args], pairs, env)
    return {
        "what": f"kcluster {' '.join(args)} on {scale}x",
        "against": "the same on the shipped data",
        **measured,
        "target": SCALE_RATIO,
        "ok": measured["ratio"] <= SCALE_RATIO,
    }


def _print_table(rows: list[dict]) -> None:
    header = f"{'command':<44} {'against':<42} {'floor ms':>8} {'ms':>7} {'ratio':>6} {'target':>6} {'peak MB':>7}"
    print(header + "\n" + "-" * len(header))
    for row in rows:
        print(
            f"{row['what']:<44} {row['against']:<42} {row['a'] * 1000:8.1f} {row['b'] * 1000:7.1f} "
            f"{row['ratio']:6.2f} {row['target']:6.2f} {row['peak']:7.1f}  {'ok' if row['ok'] else 'MISSED'}"
        )
    print(f"\npeak memory target: {PEAK_MEMORY_MB} MB for the startup commands\n")


def _print_loading(first_use: dict[str, tuple[float, float]], big: Path, env: dict[str, str], scale: int) -> None:
    """Load times (first use: parse, validate, compile; then from the cache) and search per query."""
    for label, data_dir in (("shipped", None), (f"{scale}x", big)):
        code = _IN_PROCESS.format(data_dir=repr(str(data_dir)) if data_dir else None, queries=SEARCH_QUERIES)
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        figures = json.loads(result.stdout)
        seconds, peak = first_use[label]
        print(
            f"{label:>8} dataset: first use (validate, compile, cache) {seconds:6.2f} s, peak {peak:6.0f} MB; "
            f"open from the cache {figures['open_ms']:6.2f} ms; search {figures['search_ms']:7.2f} ms a query "
            f"(mean of {len(SEARCH_QUERIES)})"
        )


# Run in a child so each dataset is timed in a fresh process with its cache already built.
_IN_PROCESS = """
import json, time
import kcluster
started = time.perf_counter()
catalog = kcluster.load({data_dir})
opened = time.perf_counter() - started
catalog.search("warm up rapidfuzz")
started = time.perf_counter()
for query in {queries}:
    catalog.search(query)
per_query = (time.perf_counter() - started) / len({queries})
print(json.dumps({{"open_ms": opened * 1000, "search_ms": per_query * 1000}}))
"""


# --- the synthetic dataset ------------------------------------------------------------------

SYLLABLES = [
    "ga",
    "nam",
    "dong",
    "seo",
    "jin",
    "hae",
    "won",
    "san",
    "gok",
    "pyeong",
    "cheon",
    "ju",
    "yang",
    "il",
    "sung",
    "mun",
    "bok",
    "ri",
    "hwa",
    "ok",
    "tae",
    "baek",
    "rim",
    "su",
    "gye",
    "an",
    "myeong",
]


def write_synthetic_dataset(folder: Path, scale: int) -> dict[str, int]:
    """The shipped records and scale-1 copies of each, with made-up names: same schema, valid."""
    from kcluster.loader import METADATA_FILE, load_dataset, resolve_location
    from kcluster.model import KINDS

    dataset = load_dataset()
    shipped_folder, _ = resolve_location(None)
    folder.mkdir(parents=True)
    made_up = random.Random(2010)
    refs = {kind: _reference_fields(cls) for kind, cls in KINDS.items()}
    counts = {}
    for kind, cls in KINDS.items():
        records = list(dataset.tables[kind])
        for copy in range(1, scale):
            records += [_copy(record, copy, refs[kind], cls.NAME_FIELDS, made_up) for record in dataset.tables[kind]]
        (folder / f"{kind}.toml").write_text(_toml({kind: records}), encoding="utf-8")
        counts[kind] = len(records)
    metadata = Path(str(shipped_folder)) / METADATA_FILE
    if metadata.exists():
        shutil.copy(metadata, folder / METADATA_FILE)
    return counts


def _reference_fields(cls: type) -> set[str]:
    import dataclasses

    return {f.name for f in dataclasses.fields(cls) if f.metadata.get("refers_to")}


def _copy(record: dict, copy: int, references: set[str], name_fields: tuple[str, ...], made_up: random.Random) -> dict:
    duplicate = dict(record, id=f"{record['id']}-x{copy}")
    for field in references & record.keys():
        value = record[field]
        duplicate[field] = [f"{v}-x{copy}" for v in value] if isinstance(value, list) else f"{value}-x{copy}"
    if "same_as" in record:  # "kind:id": the copy's twin is the same copy of the other record
        duplicate["same_as"] = [f"{target}-x{copy}" for target in record["same_as"]]
    for field in name_fields:
        if isinstance(record.get(field), str):
            duplicate[field] = _made_up_name(made_up)
    for field in ("aliases", "provinces"):
        if field in record:
            duplicate[field] = [_made_up_name(made_up) for _ in record[field]]
    if "hangul" in record:
        duplicate["hangul"] = [
            "".join(chr(made_up.randrange(0xAC00, 0xD7A4)) for _ in range(3)) for _ in record["hangul"]
        ]
    return duplicate


def _made_up_name(made_up: random.Random) -> str:
    words = [
        "".join(made_up.choice(SYLLABLES) for _ in range(made_up.randint(2, 3))) for _ in range(made_up.randint(1, 2))
    ]
    return " ".join(word.capitalize() for word in words)


def _toml(document: dict[str, list[dict]]) -> str:
    """TOML for arrays of tables of the dataset's value types (there is no writer in the stdlib)."""
    lines = []
    for kind, records in document.items():
        for record in records:
            lines.append(f"[[{kind}]]")
            lines += [f"{_key(key)} = {_value(value)}" for key, value in record.items()]
            lines.append("")
    return "\n".join(lines)


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() else json.dumps(key)


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML for {value!r}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write-synthetic"]:
        print(sum(write_synthetic_dataset(Path(sys.argv[2]), int(sys.argv[3])).values()))
        sys.exit(0)
    sys.exit(main())

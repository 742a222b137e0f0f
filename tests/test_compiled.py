"""The compiled store and its cache: the same answers as the records built from the files,
never stale, never written inside the package, and an unusable cache only makes things slower."""

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kcluster
import kcluster.compiled
from kcluster.compiled import DatasetRecords
from kcluster.kinds import KIND_NAMES
from kcluster.loader import CACHE_SUFFIX, KEPT_DATASETS, DatasetError, _package_modules, cache_dir, load_dataset
from kcluster.model import KINDS
from kcluster.search import SearchIndex


def cache_files() -> list[Path]:
    return sorted(Path(cache_dir() or "").glob(f"*{CACHE_SUFFIX}"))


def open_compiled(data_dir=None):
    """The catalogue of a dataset, as the commands open it."""
    return kcluster.load(data_dir)


def test_the_kind_names_are_the_record_types_kinds():
    assert KIND_NAMES == tuple(KINDS)


def test_the_first_use_compiles_and_caches_then_the_cache_is_used(fresh_cache, monkeypatch):
    first = open_compiled()
    [stored] = cache_files()

    def no_compiling(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(kcluster.compiled, "DatasetRecords", no_compiling)
    again = open_compiled()
    assert again.get("complexes", "changwon") == first.get("complexes", "changwon")
    assert cache_files() == [stored]


def test_the_stored_records_and_relations_are_those_built_from_the_files(catalog):
    built = DatasetRecords(load_dataset())
    for record in built.all_records():
        assert catalog.get(record.KIND, record.id) == record, record.id
        assert catalog.store.relations(record.KIND, record.id) == built.relations(record), record.id
    for kind in KIND_NAMES:
        assert [r.id for r in catalog.every(kind)] == [r.id for r in built.of(kind)]


def test_every_module_of_the_package_is_in_the_cache_key():
    package = Path(kcluster.__file__).parent
    on_disk = sorted(str(p.relative_to(package)) for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    assert sorted(name for name, _ in _package_modules(str(package))) == on_disk


def test_a_changed_file_is_never_served_from_the_cache(run, data_copy, fresh_cache):
    assert run.json("--data-dir", str(data_copy), "show", "sacheon", "--json")["name"] == "Sacheon"
    complexes = data_copy / "complexes.toml"
    complexes.write_text(
        complexes.read_text(encoding="utf-8").replace('name = "Sacheon"', 'name = "Sachon"', 1), encoding="utf-8"
    )
    assert run.json("--data-dir", str(data_copy), "show", "sacheon", "--json")["name"] == "Sachon"
    mini = data_copy / "mini_clusters.toml"
    mini.write_text(
        mini.read_text(encoding="utf-8").replace('complex = "changwon"', 'complex = "changwn"', 1), encoding="utf-8"
    )
    with pytest.raises(DatasetError):
        open_compiled(str(data_copy))
    assert len(cache_files()) == 2  # the two valid versions; never the broken one


def test_a_damaged_cache_file_is_rebuilt(run, fresh_cache):
    open_compiled()
    [path] = cache_files()
    size = path.stat().st_size
    path.write_bytes(path.read_bytes()[: size // 2])  # as if a disk filled up mid-write
    assert open_compiled().get("complexes", "changwon").name == "Changwon"
    path.write_bytes(b"not a store at all")
    assert run.json("show", "changwon", "--json")["name"] == "Changwon"


def test_an_unwritable_cache_still_answers(run, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("KCLUSTER_CACHE_DIR", str(blocker / "cache"))
    assert run.json("show", "Changwon", "--json")["id"] == "changwon"
    assert run("mini", "--region", "Honam").exit_code == 0
    assert blocker.read_text() == ""


def test_the_cache_is_never_written_inside_the_package(run, monkeypatch, tmp_path):
    package = Path(kcluster.__file__).parent
    before = {p for p in package.rglob("*") if "__pycache__" not in p.parts}
    monkeypatch.delenv("KCLUSTER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert run("show", "changwon").exit_code == 0
    assert {p for p in package.rglob("*") if "__pycache__" not in p.parts} == before
    assert list((tmp_path / "xdg" / "kcluster").glob(f"*{CACHE_SUFFIX}"))


def test_the_cache_keeps_the_most_recent_datasets_only(fresh_cache):
    fresh_cache.mkdir()
    for age in range(10):  # ten datasets used before, one a day
        stale = fresh_cache / f"{age:032x}{CACHE_SUFFIX}"
        stale.write_bytes(b"")
        os.utime(stale, (1_000_000 - age * 86400,) * 2)
    open_compiled()
    kept = {path.name for path in cache_files()}
    assert len(kept) == KEPT_DATASETS
    newest = {f"{age:032x}{CACHE_SUFFIX}" for age in range(KEPT_DATASETS - 1)}
    assert newest < kept  # the newest, and the new one


def test_the_cache_goes_to_the_user_cache_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("KCLUSTER_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    open_compiled()
    assert len(list((tmp_path / "xdg" / "kcluster").glob(f"*{CACHE_SUFFIX}"))) == 1
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # to be ignored, says the XDG spec
    monkeypatch.chdir(tmp_path)
    open_compiled()
    assert len(list((tmp_path / "home" / ".cache" / "kcluster").glob(f"*{CACHE_SUFFIX}"))) == 1
    assert not (tmp_path / "relative").exists()


def test_a_cache_dir_inside_the_package_is_not_written(monkeypatch):
    inside = Path(kcluster.__file__).parent / "data" / "cache-test"
    monkeypatch.setenv("KCLUSTER_CACHE_DIR", str(inside))
    try:
        assert open_compiled().get("complexes", "changwon").name == "Changwon"
        assert not inside.exists()
    finally:
        shutil.rmtree(inside, ignore_errors=True)


@pytest.mark.parametrize(
    "interruption", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["disk-full", "ctrl-c"]
)
def test_a_cache_write_cut_short_leaves_no_partial_entry(fresh_cache, monkeypatch, interruption):
    """The cache is written to a temporary file, then renamed: never half an entry."""
    real_write = kcluster.compiled.write_store

    def write_half(connection, content):
        if connection.execute("PRAGMA database_list").fetchone()[2] == "":  # in memory: let it be
            return real_write(connection, content)
        connection.execute("CREATE TABLE partial (x)")
        connection.commit()
        raise interruption

    monkeypatch.setattr(kcluster.compiled, "write_store", write_half)
    if isinstance(interruption, OSError):
        assert open_compiled().get("complexes", "changwon")  # a cache that can't be written costs nothing
    else:
        with pytest.raises(KeyboardInterrupt):
            open_compiled()
    assert list(fresh_cache.iterdir()) == []


# --- the search's indexes find every hit that scoring every entry finds ---------------------


@pytest.fixture(scope="module")
def fragments(catalog) -> list[str]:
    return sorted({part for record in catalog.all_records() for name in record.names() for part in name.split()})


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_indexes_miss_no_hit(store, fragments, data):
    words = data.draw(
        st.lists(st.one_of(st.sampled_from(fragments), st.text(min_size=1, max_size=12)), min_size=1, max_size=3)
    )
    typo = data.draw(st.integers(min_value=0, max_value=3))
    query = " ".join(words)
    if typo and len(query) > typo:  # drop a letter: the typo search must find it as scoring all would
        query = query[:typo] + query[typo + 1 :]
    index = SearchIndex(store)
    assert index.search(query) == index.search(query, exhaustive=True)


def test_values_read_in_bulk_are_those_read_one_by_one(store):
    """A search reads its candidates' entries a query per 500 keys (Store.values)."""
    keys = [str(number) for number in range(SearchIndex(store)._every_number().stop)]
    assert len(keys) > 500  # more than one query's worth
    in_bulk = dict(store.values("search:entries", [*keys, "no such key"]))
    assert in_bulk == {key: store.value("search:entries", key) for key in keys}


@pytest.mark.parametrize("query", ["chanwon", "medical devices", "phase 2", "machine"])
def test_a_limited_search_is_the_start_of_the_whole_one(catalog, query):
    """What matched is worked out for the returned hits only; the ranking is the same."""
    whole = catalog.search(query)
    for limit in (1, 3, 20):
        limited = catalog.search(query, limit=limit)
        assert limited == whole[:limit]
        assert [h.matched for h in limited] == [h.matched for h in whole[:limit]]

import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from kcluster.catalog import Catalog
from kcluster.cli import main
from kcluster.compiled import compile_into
from kcluster.loader import read_files
from kcluster.store import Store, memory_store


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    """One cache for the session: the shipped dataset is compiled once, not once a test."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch, shared_cache):
    """No test sees the user's dataset choice, colours or cache."""
    monkeypatch.delenv("KCLUSTER_DATA_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("KCLUSTER_CACHE_DIR", str(shared_cache))


@pytest.fixture
def fresh_cache(monkeypatch, tmp_path) -> Path:
    """An empty cache of the test's own."""
    folder = tmp_path / "fresh-cache"
    monkeypatch.setenv("KCLUSTER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped dataset, compiled afresh into memory (not from a cache)."""
    connection = memory_store()
    compile_into(connection, read_files())
    return Catalog("the shipped dataset", Store(connection))


@pytest.fixture(scope="session")
def store(catalog) -> Store:
    return catalog.store


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the shipped dataset, for tests that break it."""
    target = tmp_path / "data"
    target.mkdir()
    for entry in resources.files("kcluster.data").iterdir():
        if entry.name.endswith(".toml"):
            (target / entry.name).write_bytes(entry.read_bytes())
    return target


class Run:
    """Runs the CLI in-process; stdout and stderr kept apart."""

    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict | None = None):
        return self.runner.invoke(main, list(args), env=env, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def run() -> Run:
    return Run()

"""Bad input never crashes kcluster (a broken dataset: test_broken_datasets.py)."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kcluster
from kcluster.cli import all_commands, main

COMMANDS = sorted(all_commands())
OPTIONS = [
    "--json",
    "--format",
    "--region",
    "--hub",
    "--agro",
    "--no-agro",
    "--pilot",
    "--industry",
    "--source",
    "--from",
    "--to",
    "--kind",
    "--type",
    "--limit",
    "--sources",
    "--help",
    "--no-color",
]
SHIPPED_DATA = str(Path(kcluster.__file__).parent / "data")
# Folders for --data-dir and KCLUSTER_DATA_DIR: the shipped data, none, not data, a file, too
# long a name, odd text. Never NUL: a real argv or environment can't hold it (click's Path
# type raises ValueError on it, and os.environ refuses it).
PATHS = st.one_of(
    st.sampled_from(
        [
            SHIPPED_DATA,
            "",
            ".",
            "/",
            "/nonexistent",
            "-",
            "~",
            "/etc/passwd",
            "/dev/null",
            "a" * 5000,
            "/".join("a" * 3000),
            "광주/🙂",
            "[red]x[/red]",
            "--json",
        ]
    ),
    st.text(max_size=40).filter(lambda t: "\0" not in t),
)
WORDS = st.one_of(
    st.sampled_from(
        COMMANDS
        + OPTIONS
        + ["honam", "gumi", "csv", "json", "table", "2005", "-1", "", "광주", "🙂", "[red]x[/red]", "[bold]", "[/]"]
    ),
    st.text(max_size=30),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=5),
    st.text(min_size=300, max_size=1000).map(lambda t: t or "x" * 300),
    PATHS,
)
GLOBAL_OPTIONS = st.lists(
    st.one_of(PATHS.map(lambda path: ["--data-dir", path]), st.just(["--no-color"]), st.just(["--version"])),
    max_size=2,
).map(lambda options: [word for option in options for word in option])
ENVIRONMENTS = st.one_of(st.none(), PATHS.map(lambda path: {"KCLUSTER_DATA_DIR": path}))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    options=GLOBAL_OPTIONS,
    command=st.sampled_from(COMMANDS),
    words=st.lists(WORDS, max_size=5),
    environment=ENVIRONMENTS,
)
def test_any_arguments_end_with_0_1_or_2(run, options, command, words, environment):
    result = run.runner.invoke(main, [*options, command, *words], env=environment)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["search", "[red]x[/red]"], 1, "Error: nothing matches '[red]x[/red]'."),
        (["show", "[bold]"], 1, "Error: '[bold]' could be any of these"),
        (["mini", "--region", "[red]x[/red]"], 2, "Error: Invalid value for '--region': no region '[red]x[/red]'."),
    ],
)
def test_query_markup_is_shown_literally(run, args, code, message):
    result = run(*args)
    assert (result.exit_code, result.stdout) == (code, "")
    assert message in result.stderr


def test_query_markup_is_shown_literally_in_the_reason(run):
    result = run("show", "gwang[/]")
    assert result.exit_code == 0 and result.stderr.startswith("gwang[/]: showing Gwangju (")


def test_data_markup_is_never_interpreted(run, data_copy):
    text = (data_copy / "complexes.toml").read_text(encoding="utf-8")
    (data_copy / "complexes.toml").write_text(text.replace('name = "Sacheon"', 'name = "[red]Sacheon[/red]"', 1))
    result = run("--data-dir", str(data_copy), "show", "sacheon")
    assert result.exit_code == 0 and "[red]Sacheon[/red]" in result.stdout


def test_data_markup_is_shown_literally_in_suggestions_and_narrow_tables(run, data_copy):
    text = (data_copy / "complexes.toml").read_text(encoding="utf-8")
    (data_copy / "complexes.toml").write_text(text.replace('name = "Sacheon"', 'name = "[red]Sacheon[/red]"', 1))
    typo = run("--data-dir", str(data_copy), "show", "sachon")
    assert typo.stderr.startswith("sachon: showing [red]Sacheon[/red] (")
    miss = run("--data-dir", str(data_copy), "show", "sacheo")  # a prefix of it and of others
    assert miss.exit_code == 0 or "[red]Sacheon[/red] (complex" in miss.stderr
    for width in ("40", "200"):  # blocks, and a table
        listing = run("--data-dir", str(data_copy), "complexes", "--region", "dongnam", env={"COLUMNS": width})
        assert "[red]Sacheon[/red]" in listing.stdout

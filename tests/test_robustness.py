"""Bad input never crashes kcluster (a broken dataset: test_broken_datasets.py)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcluster.cli import main

COMMANDS = sorted(main.commands)
OPTIONS = ["--json", "--format", "--region", "--hub", "--agro", "--no-agro", "--pilot", "--industry", "--source",
           "--from", "--to", "--kind", "--type", "--limit", "--sources", "--help", "--no-color"]
WORDS = st.one_of(
    st.sampled_from(COMMANDS + OPTIONS + ["honam", "gumi", "csv", "json", "table", "2005", "-1", "", "광주", "🙂"]),
    st.text(max_size=30),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=5),
    st.text(min_size=300, max_size=1000).map(lambda t: t or "x" * 300),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), words=st.lists(WORDS, max_size=5))
def test_any_arguments_end_with_0_1_or_2(run, command, words):
    result = run.runner.invoke(main, [command, *words])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)


def test_data_markup_is_never_interpreted(run, data_copy):
    text = (data_copy / "complexes.toml").read_text(encoding="utf-8")
    (data_copy / "complexes.toml").write_text(text.replace('name = "Sacheon"', 'name = "[red]Sacheon[/red]"', 1))
    result = run("--data-dir", str(data_copy), "show", "sacheon")
    assert result.exit_code == 0 and "[red]Sacheon[/red]" in result.stdout

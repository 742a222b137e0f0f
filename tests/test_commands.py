"""The lookup commands, run in-process: JSON parsed and checked against the dataset,
tables rendered at a fixed width, error paths with their exit codes and messages."""

import json

import pytest

from kcluster.cli import all_commands, main

WIDE = {"COLUMNS": "100"}


def test_show_a_complex_by_name_embeds_its_mini_clusters(run):
    page = run.json("show", "Changwon", "--json")
    assert (page["type"], page["id"], page["pilot_round"], page["region"]) == ("complexes", "changwon", 1, "dongnam")
    assert page["office"]["id"] == "changwon-branch"
    assert page["office"]["address"].startswith("530, Changwon-Dae-ro")
    minis = {m["name"]: m for m in page["mini_clusters"]}
    assert minis["Mechatronics"]["url"] == "http://mini.e-cluster.net/mecha"
    assert minis["Mechatronics"]["phone"] == "+82-70-8895-7820"
    assert len(minis) == 7
    assert "machine tools" in page["mini_clusters_2009"]


@pytest.mark.parametrize("spelling", ["changwon", "CHANGWON", "Chang-won", "창원"])
def test_show_finds_a_complex_by_any_spelling(run, spelling):
    assert run.json("show", spelling, "--json")["id"] == "changwon"


def test_show_a_region_lists_its_hubs_with_mini_cluster_counts(run):
    page = run.json("show", "honam", "--json")
    hubs = {h["id"]: h["mini_cluster_count"] for h in page["hub_complexes"]}
    assert hubs["gwangju"] == 6 and hubs["daebul"] == 6 and hubs["gunsan"] == 5
    assert page["mini_cluster_count"] == 18


def test_show_a_mini_cluster_gives_its_hub_and_office(run):
    page = run.json("show", "gumi-mobile", "--json")
    assert (page["url"], page["phone"]) == ("http://mini.e-cluster.net/Mobile", "+82-70-8895-7719")
    assert page["hub_complex"]["id"] == "gumi"
    assert page["office"]["name"] == "KICOX Gumi Branch"


def test_show_sources_lists_every_citation(run):
    page = run.json("show", "Changwon", "--json", "--sources")
    cited = {(c["source"], c["section"]) for c in page["citations"]}
    assert ("kicox-2010", "Mini cluster list") in cited
    assert all(c["title"] for c in page["citations"])


def test_show_table_is_readable_at_a_fixed_width(run):
    result = run("show", "Changwon", env=WIDE)
    assert result.exit_code == 0
    assert "KICOX Chanwon Branch" in result.stdout
    assert "http://mini.e-cluster.net/mecha" in result.stdout  # whole, not cut
    assert "+82-70-8895-7820" in result.stdout
    assert "\x1b[" not in result.stdout  # no ANSI when not a terminal


def test_show_an_ambiguous_name_lists_the_ids_to_type_back_and_exits_1(run, catalog):
    result = run("show", "Mechatronics")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: 'Mechatronics' could be any of these; open one by its id:")
    named = [m.id for m in catalog.every("mini_clusters") if m.name == "Mechatronics"]
    assert len(named) > 1 and all(f"kcluster show {i} " in result.stderr for i in named)


def test_show_opens_a_close_name_and_says_why(run):
    result = run("show", "Changwn")
    assert result.exit_code == 0 and result.stdout.startswith("Changwon  (industrial complex")
    assert result.stderr == "Changwn: showing Changwon (a close spelling)\n"
    assert run("show", "Changwn", "--json").stderr == ""  # JSON: exactly the record, nothing said


def test_show_nothing_close_says_so(run):
    result = run("show", "qwxzvy")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "Error: nothing matches 'qwxzvy'. Try `kcluster search qwxzvy`.\n"


def test_mini_by_region_alias(run):
    for spelling in ("Honam", "honam", "Honam Region"):
        minis = run.json("mini", "--region", spelling, "--json")
        assert len(minis) == 18 and {m["region"] for m in minis} == {"honam"}


def test_mini_region_in_revised_romanization(run):
    assert {m["region"] for m in run.json("mini", "--region", "Daegyeong", "--json")} == {"daekyung"}


def test_mini_by_hub_and_agro(run):
    gumi = run.json("mini", "--hub", "gumi", "--json")
    assert len(gumi) == 9
    agro = run.json("mini", "--hub", "gumi", "--agro", "--json")
    assert {m["name"] for m in agro} == {
        "Gumi agro-industrial complex",
        "Munkyung agro-industrial complex",
        "Pohang agro-industrial complex",
    }
    assert len(run.json("mini", "--hub", "gumi", "--no-agro", "--json")) == 6


def test_mini_unknown_region_is_a_usage_error_listing_the_values(run):
    result = run("mini", "--region", "Atlantis")
    assert result.exit_code == 2
    assert "no region 'Atlantis'. Valid values: chungcheong (Chungcheong Region)" in result.stderr


def test_mini_formats_share_one_record_shape(run):
    as_json = run.json("mini", "--hub", "sacheon", "--json")
    lines = run("mini", "--hub", "sacheon", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    csv_text = run("mini", "--hub", "sacheon", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("id,name,")
    assert "http://mini.e-cluster.net/aerospace,7865,+82-70-8895-7865" in csv_text


def test_mini_table_shows_numbers_whole_on_a_narrow_terminal(run):
    result = run("mini", "--hub", "wonju", env={"COLUMNS": "60"})
    flat = result.stdout.replace("\n", "").replace(" ", "")
    assert "+82-70-8895-7659" in flat and "…" not in result.stdout


def test_export_record_shape_is_reused_by_list_commands(run):
    dump = run.json("export", "--format", "json")
    assert list(dump) == [
        "regions",
        "complexes",
        "mini_clusters",
        "branches",
        "phases",
        "events",
        "programmes",
        "organisations",
        "facts",
        "stories",
        "partnerships",
        "comparisons",
        "sources",
        "sectors",  # kcluster's own classification, apart from the sourced kinds
        "sector_assignments",
    ]
    by_id = {m["id"]: m for m in dump["mini_clusters"]}
    for mini in run.json("mini", "--json"):
        assert mini == by_id[mini["id"]]


def test_complexes_filters(run):
    pilots = run.json("complexes", "--pilot", "--json")
    assert len(pilots) == 12
    assert {c["id"] for c in run.json("complexes", "--pilot", "--region", "Dongnam", "--json")} == {
        "changwon",
        "ulsan",
        "noksan",
    }
    assert "wonju" in {c["id"] for c in run.json("complexes", "--industry", "medical", "--json")}


def test_regions_are_the_five_plus_two(run):
    assert {r["id"] for r in run.json("regions", "--json")} == {
        "seoul-metropolitan",
        "chungcheong",
        "daekyung",
        "dongnam",
        "honam",
        "gangwon",
        "jeju",
    }


def test_phases_side_by_side_with_a_timeline(run):
    phases = run.json("phases", "--json")
    assert [p["number"] for p in phases] == sorted(p["number"] for p in phases)
    result = run("phases", env=WIDE)
    assert "█" in result.stdout and "eccp-briefing-2018" in result.stdout


def test_phases_of_one_source(run):
    for phase in run.json("phases", "--source", "eccp-briefing-2018", "--json"):
        assert {p["source"] for p in phase["periods"]} <= {"eccp-briefing-2018"}
    assert run("phases", "--source", "nope").exit_code == 2


def test_timeline_filters_and_orders(run):
    events = run.json("timeline", "--from", "2018", "--to", "2020", "--kind", "matchmaking", "--json")
    dates = [e["date"] for e in events]
    assert dates == sorted(dates) and "2020-05-06" in dates
    assert all("2018" <= d[:4] <= "2020" for d in dates)
    assert run("timeline", "--kind", "picnic").exit_code == 2


def test_facts_disagreeing_sources_side_by_side(run):
    facts = run.json("facts", "mini clusters", "--json")
    counts = {(f["value"], f["sources"][0]["source"]) for f in facts if f["subject"] == "mini-clusters-count"}
    assert (78, "eccp-briefing-2018") in counts
    assert any(source == "kicox-2010" for _, source in counts)
    assert run("facts", "zzzz").exit_code == 1


def test_sources_lists_the_five_documents(run):
    assert len(run.json("sources", "--json")) == 5


def test_json_and_another_format_conflict(run):
    assert run("mini", "--json", "--format", "csv").exit_code == 2


def test_version_prints_code_and_dataset_date(run):
    result = run("--version")
    assert result.stdout.startswith("kcluster 0.1.0, dataset of 20")


@pytest.mark.parametrize("order", ["before", "after"])
def test_version_reads_the_data_dir_wherever_it_is_given(run, data_copy, order):
    (data_copy / "dataset.toml").write_text('[dataset]\ndate = "1999-12"\n', encoding="utf-8")
    options = ["--data-dir", str(data_copy)]
    result = run(*(["--version", *options] if order == "after" else [*options, "--version"]))
    assert (result.exit_code, result.stdout) == (0, "kcluster 0.1.0, dataset of 1999-12\n")


@pytest.mark.parametrize("command", sorted(all_commands()))
def test_every_command_has_help_with_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def colour_codes(text: str) -> list[int]:
    """The SGR codes in `text` that set a colour (not bold or dim)."""
    import re

    codes = [int(code) for sequence in re.findall(r"\x1b\[([0-9;]*)m", text) for code in sequence.split(";") if code]
    return [c for c in codes if 30 <= c <= 38 or 40 <= c <= 48 or 90 <= c <= 97 or 100 <= c <= 107]


def test_no_color_flag_and_env(run):
    """On a terminal (forced here: CliRunner is none) the phase bars are coloured;
    --no-color and NO_COLOR take the colours away."""
    terminal = {"FORCE_COLOR": "1", "COLUMNS": "200"}
    assert colour_codes(run("phases", env=terminal).stdout)
    for args, env in ((["--no-color", "phases"], terminal), (["phases"], terminal | {"NO_COLOR": "1"})):
        result = run(*args, env=env)
        assert result.exit_code == 0 and not colour_codes(result.stdout)


@pytest.mark.parametrize(
    "words, expected",
    [
        ("kcluster show chang", "changwon"),
        ("kcluster mini --region ho", "honam"),
        ("kcluster mini --hub gu", "gumi"),
        ("kcluster phases --source kic", "kicox-2010"),
        ("kcluster timeline --kind ma", "matchmaking"),
        ("kcluster search x --type mini", "mini_clusters"),
    ],
)
def test_shell_completion_of_record_names(run, words, expected):
    env = {"_KCLUSTER_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    result = run.runner.invoke(main, [], env=env, prog_name="kcluster")
    assert f"plain,{expected}" in result.stdout.splitlines()


def test_a_mistyped_command_is_a_usage_error_with_a_suggestion(run):
    result = run("shw", "changwon")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: No such command 'shw'. Did you mean 'show'?\n")


def test_the_help_summaries_are_the_commands_own():
    """`kcluster --help` lists the commands without importing them: its summaries must agree."""
    from kcluster.cli import SUMMARIES, short_help

    commands = all_commands()
    assert set(SUMMARIES) == set(commands)
    for name, command in commands.items():
        for limit in (30, 45, 80, 300):
            assert short_help(name, limit) == command.get_short_help_str(limit), name

"""A broken copy of the dataset stops every command with a precise message, and `validate`
lists every problem at once.

Eight kinds of damage (issue 6), each written to a copy in a temp dir, against every command
of `kcluster.cli.main` (plus `--version`, which reads the dataset's date): exit 1, nothing on
stdout, and on stderr exactly the header and the one problem, which names the file, the
record (its id) and the field wherever the damage has them.
"""

import importlib
import sys
from pathlib import Path

import pytest

from kcluster.cli import all_commands

# Every command, with arguments that exercise it for real on the shipped dataset (checked below):
# options that resolve a record (--region, --hub, --source) load the dataset while parsing.
COMMAND_ARGS = {
    "show": ["show", "Changwon"],
    "search": ["search", "gumi"],
    "complexes": ["complexes", "--region", "dongnam"],
    "mini": ["mini", "--hub", "changwon", "--json"],
    "regions": ["regions"],
    "compare": ["compare"],
    "partnerships": ["partnerships", "--sector", "food"],
    "stories": ["stories", "--complex", "Wonju"],
    "offices": ["offices"],
    "programmes": ["programmes", "--kind", "law"],
    "organisations": ["organisations", "--kind", "university"],
    "sectors": ["sectors"],
    "sector": ["sector", "medical devices"],
    "phases": ["phases", "--source", "kicox-2010"],
    "timeline": ["timeline", "--from", "2005", "--format", "jsonl"],
    "facts": ["facts", "budget"],
    "sources": ["sources", "--format", "csv"],
    "validate": ["validate"],
    "export": ["export", "--format", "json"],
}
VERSION_ARGS = ["--version"]
ALL_ARGS = [*COMMAND_ARGS.values(), VERSION_ARGS]


def args_id(args: list[str]) -> str:
    return args[0]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


# Each case breaks the copy and returns (the folder to use, the one problem it must report).


def invalid_toml_syntax(copy: Path) -> tuple[Path, str]:
    # An unterminated string: a syntax error has no record or field to name (the file didn't
    # parse), so the message names the file, the line and the column.
    line = line_of(copy / "regions.toml", 'id = "honam"')
    replace_in(copy / "regions.toml", 'id = "honam"', 'id = "honam')
    return copy, f"regions.toml: invalid TOML: Illegal character '\\n' (at line {line}, column 12)"


def duplicate_id(copy: Path) -> tuple[Path, str]:
    replace_in(copy / "partnerships.toml", 'id = "bioxclusters-plus"', 'id = "alliance"')
    return copy, "partnerships.toml: record 'alliance': field 'id': duplicate id 'alliance'"


def unknown_reference(copy: Path) -> tuple[Path, str]:
    replace_in(copy / "stories.toml", 'complexes = ["banwol-sihwa"]', 'complexes = ["banwol-shiwa"]')
    return copy, (
        "stories.toml: record 'spontaneous-evolution-network-banwol-sihwa': field 'complexes[0]': "
        "unknown complex 'banwol-shiwa'"
    )


def missing_required_field(copy: Path) -> tuple[Path, str]:
    replace_in(copy / "branches.toml", 'name = "KICOX HQ"\n', "")
    return copy, "branches.toml: record 'kicox-hq': field 'name': missing required field"


def malformed_url(copy: Path) -> tuple[Path, str]:
    replace_in(copy / "mini_clusters.toml", 'url = "http://mini.e-cluster.net/mecha"', 'url = "mini.e-cluster/mecha"')
    return copy, (
        "mini_clusters.toml: record 'changwon-mechatronics': field 'url': "
        "'mini.e-cluster/mecha' is not a well-formed http(s) URL"
    )


def wrong_type(copy: Path) -> tuple[Path, str]:
    replace_in(copy / "mini_clusters.toml", 'extension = "7812"', 'extension = ["7812"]')
    return copy, (
        "mini_clusters.toml: record 'changwon-machine-tools': field 'extension': "
        "expected a string, got a list (['7812'])"
    )


def missing_folder(copy: Path) -> tuple[Path, str]:
    # No file, record or field to name: the message names the folder.
    folder = copy.parent / "no-such-folder"
    return folder, f"{folder}: no such folder"


def empty_folder(copy: Path) -> tuple[Path, str]:
    # No file, record or field to name: the message names the folder and the files it should hold.
    folder = copy.parent / "empty"
    folder.mkdir()
    expected = (
        "regions.toml, complexes.toml, mini_clusters.toml, branches.toml, phases.toml, events.toml, "
        "programmes.toml, organisations.toml, facts.toml, stories.toml, partnerships.toml, comparisons.toml, "
        "sources.toml"
    )
    return folder, f"{folder}: no data files (expected {expected})"


CASES = [
    invalid_toml_syntax,
    duplicate_id,
    unknown_reference,
    missing_required_field,
    malformed_url,
    wrong_type,
    missing_folder,
    empty_folder,
]


def case_id(case) -> str:
    return case.__name__


def stops_with(result, folder: Path, *problems: str) -> None:
    count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
    expected = f"Error: the dataset in {folder} is not valid ({count}):\n" + "".join(f"  {p}\n" for p in problems)
    assert "Traceback" not in result.stderr
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)


def test_every_command_is_covered():
    """A new command must get an argument list here (and so a run on every broken dataset)."""
    assert set(COMMAND_ARGS) == set(all_commands())
    assert all(args[0] == name for name, args in COMMAND_ARGS.items())


def copy_of_the_dataset(target: Path) -> Path:
    from importlib import resources

    target.mkdir(parents=True)
    for entry in resources.files("kcluster.data").iterdir():
        if entry.name.endswith(".toml"):
            (target / entry.name).write_bytes(entry.read_bytes())
    return target


_PARSED: dict[str, bytes] = {}


@pytest.fixture(autouse=True)
def each_text_parsed_once(monkeypatch):
    """Twenty commands read each copy, and parsing its TOML was most of this module's time:
    the parse is a pure function of the text, so here each text is parsed once and every
    later read gets a copy of the result (through marshal: the loader may change what it gets)."""
    import marshal

    toml = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    parse = toml.loads

    def loads(text: str, **options):
        if options:
            return parse(text, **options)
        if text not in _PARSED:
            parsed = parse(text)
            try:
                _PARSED[text] = marshal.dumps(parsed)
            except ValueError:  # a TOML date or time: not kept
                return parsed
        return marshal.loads(_PARSED[text])

    monkeypatch.setattr(toml, "loads", loads)


@pytest.fixture(scope="module")
def intact_copy(tmp_path_factory) -> Path:
    """One intact copy for the module: compiled once, not once a command."""
    return copy_of_the_dataset(tmp_path_factory.mktemp("intact") / "data")


@pytest.fixture(scope="module")
def broken_copies(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """Each case's broken copy, made once for the module: (the folder, its one problem)."""
    return {case.__name__: case(copy_of_the_dataset(tmp_path_factory.mktemp(case.__name__) / "data")) for case in CASES}


@pytest.mark.parametrize("args", ALL_ARGS, ids=args_id)
def test_the_arguments_work_on_the_intact_copy(run, intact_copy, args):
    """So the broken runs below fail because of the damage, not because of the arguments."""
    result = run("--data-dir", str(intact_copy), *args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.strip()


@pytest.mark.parametrize("args", ALL_ARGS, ids=args_id)
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_every_command_stops_on_every_broken_dataset(run, broken_copies, case, args):
    folder, problem = broken_copies[case.__name__]
    stops_with(run("--data-dir", str(folder), *args), folder, problem)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_environment_variable_reports_the_same(run, data_copy, case):
    folder, problem = case(data_copy)
    stops_with(run(*COMMAND_ARGS["mini"], env={"KCLUSTER_DATA_DIR": str(folder)}), folder, problem)


def test_the_option_wins_over_the_environment_variable(run, data_copy, tmp_path):
    missing = tmp_path / "missing"
    assert run("--data-dir", str(data_copy), "regions", env={"KCLUSTER_DATA_DIR": str(missing)}).exit_code == 0
    stops_with(
        run("--data-dir", str(missing), "regions", env={"KCLUSTER_DATA_DIR": str(data_copy)}),
        missing,
        f"{missing}: no such folder",
    )


def test_validate_lists_every_problem_at_once(run, data_copy):
    """One of each kind of damage, each in its own file, all reported by one run."""
    problems = [
        case(data_copy)[1]
        for case in (invalid_toml_syntax, duplicate_id, unknown_reference, missing_required_field, malformed_url)
    ]
    replace_in(data_copy / "complexes.toml", "pilot_round = 1", 'pilot_round = "one"')
    problems.append("complexes.toml: record 'gumi': field 'pilot_round': expected an integer, got a string ('one')")
    result = run("--data-dir", str(data_copy), "validate")
    assert (result.exit_code, result.stdout) == (1, "")
    header, *listed = result.stderr.splitlines()
    assert header == f"Error: the dataset in {data_copy} is not valid (6 problems):"
    assert sorted(listed) == sorted(f"  {p}" for p in problems)


@pytest.mark.parametrize("case", [invalid_toml_syntax, wrong_type], ids=case_id)
def test_a_broken_copy_is_never_served_from_the_cache_of_the_intact_one(run, data_copy, case, monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    monkeypatch.setenv("KCLUSTER_CACHE_DIR", str(cache))
    assert run("--data-dir", str(data_copy), *COMMAND_ARGS["mini"]).exit_code == 0
    cached = sorted(cache.glob("*.kcstore"))
    assert len(cached) == 1  # the intact copy is cached ...
    folder, problem = case(data_copy)
    stops_with(run("--data-dir", str(folder), *COMMAND_ARGS["mini"]), folder, problem)
    assert sorted(cache.glob("*.kcstore")) == cached  # ... and the broken one never is


@pytest.mark.parametrize("path", ["a" * 5000, "/".join("a" * 3000)], ids=["long-name", "long-path"])
def test_an_unusable_data_dir_path_is_reported_not_raised(run, path):
    result = run("--data-dir", path, "regions")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: the dataset in {path} is not valid (1 problem):\n  {path}: can't be read: File name too long\n"
    )

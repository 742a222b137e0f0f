"""A broken dataset is reported precisely: file, record id, field; every problem at once."""

import pytest

from kcluster.kinds import KIND_NAMES
from kcluster.loader import DatasetError, load_dataset


def replace_in(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems_of(folder) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load_dataset(str(folder))
    return [str(problem) for problem in caught.value.problems]


def test_shipped_copy_is_valid(data_copy):
    assert load_dataset(str(data_copy)).tables["mini_clusters"]


def test_invalid_toml_names_the_file(data_copy):
    replace_in(data_copy / "regions.toml", 'id = "honam"', 'id = "honam')
    [problem] = problems_of(data_copy)
    assert problem.startswith("regions.toml: invalid TOML:")


def test_duplicate_id(data_copy):
    replace_in(data_copy / "mini_clusters.toml", 'id = "changwon-machine-tools"', 'id = "changwon-mechatronics"')
    assert problems_of(data_copy) == [
        "mini_clusters.toml: record 'changwon-mechatronics': field 'id': duplicate id 'changwon-mechatronics'"
    ]


def test_reference_to_a_missing_record(data_copy):
    replace_in(data_copy / "mini_clusters.toml", 'complex = "changwon"', 'complex = "changwn"')
    assert problems_of(data_copy) == [
        "mini_clusters.toml: record 'changwon-mechatronics': field 'complex': unknown complex 'changwn'"
    ]


def test_citation_of_an_unknown_source(data_copy):
    replace_in(data_copy / "mini_clusters.toml", '{source = "kicox-2010"', '{source = "kicox-2011"')
    assert problems_of(data_copy) == [
        "mini_clusters.toml: record 'changwon-mechatronics': field 'sources[0].source': unknown source 'kicox-2011'"
    ]


def test_missing_required_field(data_copy):
    replace_in(data_copy / "mini_clusters.toml", 'url = "http://mini.e-cluster.net/mecha"\n', "")
    assert problems_of(data_copy) == [
        "mini_clusters.toml: record 'changwon-mechatronics': field 'url': missing required field"
    ]


def test_malformed_url(data_copy):
    replace_in(data_copy / "mini_clusters.toml", '"http://mini.e-cluster.net/mecha"', '"mini.e-cluster.net/mecha"')
    assert problems_of(data_copy) == [
        "mini_clusters.toml: record 'changwon-mechatronics': field 'url': "
        "'mini.e-cluster.net/mecha' is not a well-formed http(s) URL"
    ]


def test_extension_must_be_four_digits(data_copy):
    replace_in(data_copy / "mini_clusters.toml", 'extension = "7812"', 'extension = "781"')
    assert problems_of(data_copy) == [
        "mini_clusters.toml: record 'changwon-machine-tools': field 'extension': '781' is not a 4-digit extension",
        "mini_clusters.toml: record 'changwon-machine-tools': field 'phone': "
        "'+82-70-8895-7812' does not match extension '781'",
    ]


def test_value_of_the_wrong_type(data_copy):
    replace_in(data_copy / "mini_clusters.toml", 'extension = "7812"', 'extension = ["7812"]')
    assert problems_of(data_copy) == [
        "mini_clusters.toml: record 'changwon-machine-tools': field 'extension': "
        "expected a string, got a list (['7812'])"
    ]


def test_date_must_be_iso(data_copy):
    text = (data_copy / "events.toml").read_text(encoding="utf-8")
    first_date = text.split('date = "', 1)[1].split('"', 1)[0]
    replace_in(data_copy / "events.toml", f'date = "{first_date}"', 'date = "Apr. 05"')
    [problem] = problems_of(data_copy)
    assert problem.endswith("field 'date': 'Apr. 05' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")


def test_unknown_field_is_reported(data_copy):
    replace_in(data_copy / "complexes.toml", 'id = "changwon"', 'id = "changwon"\npilot_rnd = 1')
    assert problems_of(data_copy) == ["complexes.toml: record 'changwon': field 'pilot_rnd': unknown field"]


def test_every_problem_is_reported_at_once(data_copy):
    replace_in(data_copy / "mini_clusters.toml", 'complex = "changwon"', 'complex = "changwn"')
    replace_in(data_copy / "mini_clusters.toml", 'extension = "7812"', 'extension = "78"')
    replace_in(data_copy / "regions.toml", 'id = "honam"', 'id = "Honam"')
    problems = problems_of(data_copy)
    assert any("field 'complex': unknown complex 'changwn'" in p for p in problems)
    assert any("field 'extension': '78' is not a 4-digit extension" in p for p in problems)
    assert any(p.startswith("regions.toml: record 'Honam': field 'id':") for p in problems)


def test_missing_file(data_copy):
    (data_copy / "phases.toml").unlink()
    assert problems_of(data_copy) == ["phases.toml: file is missing"]


def test_missing_folder(tmp_path):
    assert problems_of(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: no such folder"]


def test_empty_folder(tmp_path):
    [problem] = problems_of(tmp_path)
    assert problem.startswith(f"{tmp_path}: no data files (expected regions.toml, complexes.toml")


@pytest.mark.parametrize("path", ["a" * 5000, "/".join("a" * 3000)], ids=["long-name", "long-path"])
def test_a_path_the_system_refuses_is_a_problem_not_a_crash(path):
    assert problems_of(path) == [f"{path}: can't be read: File name too long"]


def test_a_nul_byte_in_the_path_is_a_missing_folder():
    assert problems_of("bad\0name") == ["bad\0name: no such folder"]


def test_unreadable_files_are_not_called_an_empty_folder(data_copy, monkeypatch):
    import builtins

    real_open = builtins.open

    def refuse(file, *args, **kwargs):
        if str(file).startswith(str(data_copy)):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refuse)
    problems = problems_of(data_copy)
    assert len(problems) == len(KIND_NAMES) + 2  # every kind, dataset.toml and sectors.toml
    assert problems[0] == "regions.toml: can't be read: Permission denied"


def test_the_metadata_file_must_be_a_dataset_table(data_copy):
    (data_copy / "dataset.toml").write_text("dataset = 5\n", encoding="utf-8")
    assert problems_of(data_copy) == ["dataset.toml: field 'dataset': expected a table ([dataset]), got an integer (5)"]


def test_the_metadata_file_fields_are_checked(data_copy):
    (data_copy / "dataset.toml").write_text('[dataset]\ndate = "23 Nov"\nby = "me"\n[other]\n', encoding="utf-8")
    assert problems_of(data_copy) == [
        "dataset.toml: unexpected top-level key 'other' (expected only [dataset])",
        "dataset.toml: field 'date': '23 Nov' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "dataset.toml: field 'by': unknown field",
    ]


def test_an_unquoted_toml_date_says_how_to_write_it(data_copy):
    replace_in(data_copy / "events.toml", 'date = "2020-05-06"', "date = 2020-05-06")
    [problem] = problems_of(data_copy)
    assert problem.endswith(
        "field 'date': expected a string, got a TOML date (2020-05-06); write it in quotes: \"2020-05-06\""
    )
    (data_copy / "dataset.toml").write_text("[dataset]\ndate = 2026-11-23T10:00:00\n", encoding="utf-8")
    assert (
        "dataset.toml: field 'date': expected a string, got a TOML date-time (2026-11-23T10:00:00); "
        'write it in quotes: "2026-11-23T10:00:00"' in problems_of(data_copy)
    )


def test_a_same_as_link_must_name_a_record_and_be_made_from_both_ends(data_copy):
    replace_in(
        data_copy / "programmes.toml", 'same_as = ["organisations:koranet"]', 'same_as = ["organisations:koranett"]'
    )
    assert problems_of(data_copy) == [
        "organisations.toml: record 'koranet': field 'same_as': programmes:koranet does not name "
        "organisations:koranet in its own same_as",
        "programmes.toml: record 'koranet': field 'same_as': 'organisations:koranett' is not a record "
        "(write kind:id, e.g. 'organisations:kicox')",
    ]


def test_a_citation_must_name_a_section_its_source_lists(data_copy):
    replace_in(data_copy / "mini_clusters.toml", 'section = "Mini cluster list"', 'section = "Mini cluster lists"')
    assert problems_of(data_copy) == [
        "mini_clusters.toml: record 'changwon-mechatronics': field 'sources[0].section': "
        "'Mini cluster lists' is not a section of kicox-2010 (see sources.toml)"
    ]

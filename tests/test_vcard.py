"""Contact cards: `mini --format vcard` and `show --format vcard` parsed back as vCard 4.0."""

import re

import pytest

from kcluster.exports.vcard import compound, escape, fold


def raw_stdout(result) -> str:
    """What the command printed, byte for byte (click's `stdout` turns CRLF into LF)."""
    return result.stdout_bytes.decode("utf-8")


def parse_cards(text: str) -> list[dict[str, list[tuple[str, str]]]]:
    """Cards as {property: [(parameters, value), ...]}, after checking the line format."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")  # CRLF only
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "").split("\r\n")[:-1]
    cards: list[dict] = []
    current: dict | None = None
    for line in unfolded:
        head, _, value = line.partition(":")
        name, _, parameters = head.partition(";")
        if line == "BEGIN:VCARD":
            current = {}
        elif line == "END:VCARD" and current is not None:
            cards.append(current)
            current = None
        elif current is not None:
            current.setdefault(name, []).append((parameters, value))
    assert current is None
    return cards


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def components(value: str) -> list[str]:
    return [unescape(part) for part in re.split(r"(?<!\\);", value)]


def only(card, name: str) -> str:
    (entry,) = card[name]
    return entry[1]


def test_each_mini_cluster_of_a_hub_is_a_card(run, catalog):
    text = raw_stdout(run("mini", "--hub", "changwon", "--format", "vcard"))
    minis = run.json("mini", "--hub", "changwon", "--json")
    cards = parse_cards(text)
    assert len(cards) == len(minis) == len(catalog.mini_clusters_of(catalog.get("complexes", "changwon")))
    office = catalog.office_of(catalog.get("complexes", "changwon"))
    for card, mini in zip(cards, minis, strict=False):
        assert only(card, "VERSION") == "4.0"
        assert mini["name"] in unescape(only(card, "FN")) and "Changwon" in unescape(only(card, "FN"))
        assert components(only(card, "ORG")) == ["KICOX", "Changwon"]
        ((parameters, tel),) = card["TEL"]
        assert tel == f"tel:{mini['phone']}" and "VALUE=uri" in parameters.split(";")
        assert only(card, "URL") == mini["url"]
        assert components(only(card, "ADR"))[1:3] == [office.name, office.address]
        note = unescape(only(card, "NOTE"))
        assert catalog.dataset_date in note and "The Industrial Complex Cluster Program of Korea" in note
    assert len({only(card, "UID") for card in cards}) == len(cards)


def test_a_mini_cluster_without_a_known_office_has_no_address(run, catalog):
    without = next(m for m in catalog.every("mini_clusters") if catalog.office_of(m) is None)
    (card,) = parse_cards(raw_stdout(run("show", without.id, "--format", "vcard")))
    assert "ADR" not in card and only(card, "TEL") == f"tel:{without.phone}"


def test_every_mini_cluster_makes_a_card(run, catalog):
    cards = parse_cards(raw_stdout(run("mini", "--format", "vcard")))
    assert [only(c, "URL") for c in cards] == [m.url for m in catalog.every("mini_clusters")]


def test_show_a_complex_gives_the_cards_of_its_mini_clusters(run):
    result = run("show", "Changwon", "--format", "vcard")
    assert result.exit_code == 0
    assert raw_stdout(result) == raw_stdout(run("mini", "--hub", "changwon", "--format", "vcard"))


def test_show_a_mini_cluster_gives_one_card(run):
    (card,) = parse_cards(raw_stdout(run("show", "gumi-mobile", "--format", "vcard")))
    assert only(card, "TEL") == "tel:+82-70-8895-7719"


def test_show_refuses_kinds_without_contacts(run, catalog):
    region = run("show", "honam", "--format", "vcard")
    assert region.exit_code == 1 and "region" in region.stderr and region.stdout == ""
    lonely = next(c for c in catalog.every("complexes") if not catalog.mini_clusters_of(c))
    complex_ = run("show", lonely.id, "--format", "vcard")
    assert complex_.exit_code == 1 and "no mini clusters" in complex_.stderr and complex_.stdout == ""
    assert run("show", "Changwon", "--format", "vcard", "--sources").exit_code == 2


def test_a_filter_matching_nothing_prints_no_cards(run, catalog):
    empty = next(r for r in catalog.every("regions") if not catalog.mini_clusters_of(r))
    result = run("mini", "--region", empty.id, "--format", "vcard")
    assert result.exit_code == 0 and result.stdout == "" and "no mini clusters" in result.stderr


@pytest.mark.parametrize("text", ["plain", "a, b; c\\d", "two\nlines", "창원 산업단지, 경상남도"])
def test_text_values_escape_and_unescape(text):
    assert unescape(escape(text)) == text
    assert "\n" not in escape(text)
    assert components(compound(text, "x")) == [text, "x"]


@pytest.mark.parametrize("line", ["N" * 75, "N" * 76, "NOTE:" + "가" * 60, "NOTE:" + "a,b" * 80])
def test_folding_keeps_lines_short_and_characters_whole(line):
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "") == line
    assert (len(physical) == 1) == (len(line.encode("utf-8")) <= 75)

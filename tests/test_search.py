"""Search: a table of queries and the hit each must put first, and the resolver behind `show`."""

import pytest

from kcluster.search import SearchIndex, resolve

# (query, expected top hit as "kind:id") — kinds: regions, complexes, mini_clusters, ...
TOP_HITS = [
    # names and ids as the sources print them
    ("Changwon", "complexes:changwon"),
    ("gumi", "complexes:gumi"),
    ("Banwol Sihwa", "complexes:banwol-sihwa"),
    ("Mungji Noksan", "complexes:noksan"),
    ("Ochang Cheongju", "complexes:ochang"),
    ("Kumneung", "complexes:kumneung"),
    ("KICOX Chanwon Branch", "branches:changwon-branch"),
    ("ELBE", "partnerships:elbe"),
    # spellings the sources use for one place
    ("Banwon-Sihwa", "complexes:banwol-sihwa"),
    ("Bupyung . Juan", "complexes:bupyung-juan"),
    ("Daekyung", "regions:daekyung"),
    ("Chunan", "complexes:cheonan-asan"),
    # McCune-Reischauer and older spellings no source prints
    ("kwangju", "complexes:gwangju"),
    ("Wŏnju", "complexes:wonju"),
    ("Taegu", "regions:daekyung"),
    ("Pusan", "regions:dongnam"),
    ("Ch'ŏngju", "complexes:cheongju"),
    ("Kunsan", "complexes:gunsan"),
    ("Kumi", "complexes:gumi"),
    ("Ch'angwŏn", "complexes:changwon"),
    # Revised Romanization and province names
    ("Gyeongsangnam-do", "regions:dongnam"),
    ("Jeollabuk-do", "regions:honam"),
    ("Daegyeong", "regions:daekyung"),
    ("Gyeonggi", "regions:seoul-metropolitan"),
    ("Jeonra", "regions:honam"),
    ("Bupyeong", "complexes:bupyung-juan"),
    # Hangul
    ("광주", "complexes:gwangju"),
    ("원주", "complexes:wonju"),
    ("창원", "complexes:changwon"),
    ("호남", "regions:honam"),
    # several words across fields
    ("egok transportation machine", "mini_clusters:yangsan-egok-transportation-machine"),
    ("seoul digital contents", "mini_clusters:seoul-digital-contents"),
    ("gumi mobile", "mini_clusters:gumi-mobile"),
    ("daebul ocean leisure", "mini_clusters:daebul-ocean-leisure"),
    # descriptive words
    ("shipbuilding", "mini_clusters:daebul-shipbuilding"),
    ("displays", "mini_clusters:cheonan-asan-displays"),
    ("aerospace", "mini_clusters:sacheon-aerospace"),
    ("phase two", "phases:phase-2"),
    ("second phase", "phases:phase-2"),
    # typos
    ("Ulsna", "complexes:ulsan"),
    ("Changwno", "complexes:changwon"),
    ("Seongsoe", "complexes:seongseo"),
]


@pytest.fixture(scope="module")
def index(store):
    return SearchIndex(store)


@pytest.mark.parametrize("query, expected", TOP_HITS)
def test_top_hit(index, query, expected):
    hits = index.search(query)
    assert hits, f"no hit for {query!r}"
    assert f"{hits[0].entry.kind}:{hits[0].entry.id}" == expected, [(h.entry.id, h.score, h.match) for h in hits[:3]]


def test_typo_finds_the_mini_clusters(index):
    hits = index.search("mechatornics")
    assert [h.entry.id for h in hits[:3]] == [
        "banwol-sihwa-mechatronics",
        "changwon-mechatronics",
        "chungju-mechatronics",
    ]


def test_medical_finds_mini_clusters_and_the_complex(index):
    ids = {h.entry.id for h in index.search("medical")}
    assert {"wonju-image-medical-equipment", "donghae-fusion-medical-equipment", "wonju"} <= ids


@pytest.mark.parametrize("nonsense", ["qwxzv", "asdfgh", "zzzzzz", "xylophone quartz"])
def test_nonsense_finds_nothing(index, nonsense):
    assert index.search(nonsense) == []


def test_similar_places_are_not_confused(index):
    # rapidfuzz's WRatio puts Gumi next to Gunsan at 60: they must not match each other.
    assert "gunsan" not in {h.entry.id for h in index.search("Gumi")[:3]}
    assert index.search("Ulsan")[0].entry.id == "ulsan"
    assert index.search("Onsan")[0].entry.id == "onsan"


def test_ordering_is_stable_and_deterministic(store):
    """Hits of one score are ordered by kind (dataset order), then name, then id."""
    from kcluster.kinds import KIND_NAMES
    from kcluster.romanization import fold

    hits = SearchIndex(store).search("machine")
    scores = [h.score for h in hits]
    assert len(hits) > 5 and len(set(scores)) < len(scores)  # there are ties to break
    keys = [(-h.score, KIND_NAMES.index(h.entry.kind), fold(h.entry.name), h.entry.id) for h in hits]
    assert keys == sorted(keys)
    assert [h.entry.id for h in SearchIndex(store).search("machine")] == [h.entry.id for h in hits]


def test_resolver_takes_an_exact_name_and_refuses_close_competitors(store):
    assert resolve(store, "Gwangju").entry.id == "gwangju"
    assert resolve(store, "gumi-mobile").entry.id == "gumi-mobile"
    ambiguous = resolve(store, "Mechatronics")
    assert ambiguous.entry is None and len(ambiguous.candidates) == 3


def test_search_command_json(run):
    hits = run.json("search", "egok", "transportation", "machine", "--json")
    assert hits[0] == {
        "type": "mini_clusters",
        "id": "yangsan-egok-transportation-machine",
        "name": "Transportation machine",
        "score": hits[0]["score"],
        "match": "words",
        "matched": {"field": "names and what it belongs to", "words": {"names": ["egok", "transportation", "machine"]}},
        "complex": "yangsan-egok",
    }
    assert 0 <= hits[0]["score"] <= 100


def test_search_command_type_and_limit(run):
    hits = run.json("search", "machine", "--type", "mini_clusters", "--limit", "3", "--json")
    assert len(hits) == 3 and {h["type"] for h in hits} == {"mini_clusters"}


def test_search_command_miss(run):
    result = run("search", "qwxzv", "--json")
    assert (result.exit_code, result.stdout) == (1, "[]\n")
    assert result.stderr == "Error: nothing matches 'qwxzv'.\n"


def test_markup_in_a_query_is_shown_literally(run):
    result = run("show", "[red]qwxzv[/red]")
    assert result.exit_code == 1
    assert "'[red]qwxzv[/red]'" in result.stderr


def test_an_empty_query_is_a_usage_error_and_odd_ones_find_nothing(run):
    for command in ("show", "search"):
        assert run(command, "   ").exit_code == 2
        for odd in ("x" * 5000, "\x01\x02", "!!!", "🙂"):
            result = run(command, odd)
            assert result.exit_code == 1 and "nothing matches" in result.stderr and "Traceback" not in result.stderr

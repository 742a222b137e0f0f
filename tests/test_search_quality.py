"""The search-quality specification (issue 12): what `show` and `search` must do for queries people type.

QUERIES below is the specification, not a description of today's code: each row says, from
what a person who knows Korea means by the query, which record `kcluster show QUERY` must
open and which record `kcluster search QUERY` must put first. Rows are

    (kind of query, query, show, search)

- show: (kind, id), the one record `show` opens; or one_of(kind, ids...) when the query is
  genuinely ambiguous: `show` exits 1 and names every candidate's id on stderr.
- search: (kind, id) of the first hit; for an ambiguous query, the first hit is one of the
  candidates. Sector hits (`search` lists a sector a query names first, e.g. "Mechatronics")
  are a separate feature and are skipped: the row is about the first *record*.

The kinds of query: romanization (McCune-Reischauer with or without breves and apostrophes,
the sources' older spellings, Revised Romanization, -si/-gun/-do suffixes), hangul, part-name
(one part of a two-part name, or a place only one record is named after), generic-words (the
name with "industrial complex", "branch", "agency", "phase"... around it), hub-subject (a mini
cluster by hub and subject, in either order), url-phone (a pasted URL, phone number or
extension), typo, place-wins (a place that several kinds of record mention: its own record
wins), sentences (a place only sentences name, a typo away from another's name), region
(pan-regional zones and the provinces they list), ambiguous, named-record (organisations,
programmes, events, stories, partnerships, facts, comparisons, sources).

benchmarks/search_quality.py imports QUERIES from this file (which therefore imports nothing
but the standard library) and compares kcluster's search with SQLite FTS5 and rapidfuzz.
"""

C = "complexes"
M = "mini_clusters"
R = "regions"
B = "branches"
O = "organisations"  # noqa: E741 - a kind, as the other one-letter names
P = "programmes"
PH = "phases"
E = "events"
S = "stories"
PA = "partnerships"
F = "facts"
CO = "comparisons"
SO = "sources"


def one_of(kind: str, *ids: str) -> frozenset[tuple[str, str]]:
    """The candidates of a genuinely ambiguous query."""
    return frozenset((kind, record_id) for record_id in ids)


JEONJU = one_of(R, "honam") | one_of(C, "iksan", "wanju")  # named in their lists of connected complexes
MECHATRONICS = one_of(M, "changwon-mechatronics", "banwol-sihwa-mechatronics", "chungju-mechatronics")
AUTO_PARTS = one_of(M, "banwol-sihwa-auto-parts", "gyungsan-jinryang-auto-parts")
TRANSPORTATION_MACHINE = one_of(M, "changwon-transportation-machine", "yangsan-egok-transportation-machine")
AGRO_INDUSTRIAL_COMPLEXES = one_of(
    M,
    "changwon-gimhae-agro-industrial-complex",
    "changwon-haman-agro-industrial-complex",
    "gunsan-gunsan-agro-industrial-complex",
    "gunsan-gimje-agro-industrial-complex",
    "daebul-naju-agro-industrial-complex",
    "daebul-bio-industry-jeju-agro-industrial-complex",
    "wonju-gangwon-agro-industrial-complex",
    "ochang-okchun-agro-industrial-complex",
    "cheonan-asan-chunan-agro-industrial-complex",
    "gumi-gumi-agro-industrial-complex",
    "gumi-munkyung-agro-industrial-complex",
    "gumi-pohang-agro-industrial-complex",
)
WONJU_MEDICAL_EQUIPMENT = one_of(M, "wonju-image-medical-equipment", "wonju-rehabilitation-medical-equipment")
EXTENSION_7820 = one_of(M, "changwon-mechatronics", "changwon-gimhae-agro-industrial-complex")
EXTENSION_7878 = one_of(M, "ulsan-production-based-parts", "yangsan-egok-transportation-machine")
EXTENSION_7720 = one_of(
    M,
    "gumi-gumi-agro-industrial-complex",
    "gumi-munkyung-agro-industrial-complex",
    "gumi-pohang-agro-industrial-complex",
)
EXTENSION_7657 = one_of(M, "wonju-image-medical-equipment", "wonju-rehabilitation-medical-equipment")
EXTENSION_7515 = one_of(M, "banwol-sihwa-metal-materials", "banwol-sihwa-auto-parts")
EU_KOREA_FTA = one_of(E, "2011-07-eu-korea-fta-provisional", "2015-12-eu-korea-fta-ratified")
BANWOL_SIHWA_STORIES = one_of(
    S, "spontaneous-evolution-network-banwol-sihwa", "rd-collaboration-among-businesses-banwol-sihwa"
)

# fmt: off
QUERIES = [
    # --- romanization: McCune-Reischauer, the sources' older spellings, Revised Romanization, suffixes ---
    ("romanization", "Kwangju", (C, "gwangju"), (C, "gwangju")),
    ("romanization", "Kwangju-si", (C, "gwangju"), (C, "gwangju")),
    ("romanization", "Gwangju Metropolitan City", (C, "gwangju"), (C, "gwangju")),
    ("romanization", "Inch'ŏn", (C, "incheon"), (C, "incheon")),
    ("romanization", "Inchon", (C, "incheon"), (C, "incheon")),
    ("romanization", "Ch'angwŏn", (C, "changwon"), (C, "changwon")),
    ("romanization", "Changwon-si", (C, "changwon"), (C, "changwon")),
    ("romanization", "Chang- won", (C, "changwon"), (C, "changwon")),  # as the 3.4 table prints it
    ("romanization", "Chanwon", (C, "changwon"), (C, "changwon")),  # the mini cluster list's misprint
    ("romanization", "Taegu", (R, "daekyung"), (R, "daekyung")),
    ("romanization", "Pusan", (R, "dongnam"), (R, "dongnam")),
    ("romanization", "Ch'ŏngju", (C, "cheongju"), (C, "cheongju")),
    ("romanization", "Chongju", (C, "cheongju"), (C, "cheongju")),
    ("romanization", "Cheongju-si", (C, "cheongju"), (C, "cheongju")),
    ("romanization", "Ch'ungju", (C, "chungju"), (C, "chungju")),
    ("romanization", "Kunsan", (C, "gunsan"), (C, "gunsan")),
    ("romanization", "Kunsan-si", (C, "gunsan"), (C, "gunsan")),
    ("romanization", "Ulsan Metropolitan City", (C, "ulsan"), (C, "ulsan")),
    ("romanization", "Wŏnju", (C, "wonju"), (C, "wonju")),
    ("romanization", "Wonju-si", (C, "wonju"), (C, "wonju")),
    ("romanization", "Wongju", (C, "wonju"), (C, "wonju")),  # a source's spelling
    ("romanization", "Kumi", (C, "gumi"), (C, "gumi")),
    ("romanization", "Gumi-si", (C, "gumi"), (C, "gumi")),
    ("romanization", "Sach'ŏn", (C, "sacheon"), (C, "sacheon")),
    ("romanization", "Sacheon-si", (C, "sacheon"), (C, "sacheon")),
    ("romanization", "P'ohang", (C, "pohang"), (C, "pohang")),
    ("romanization", "Tonghae", (C, "donghae"), (C, "donghae")),
    ("romanization", "Donghae-si", (C, "donghae"), (C, "donghae")),
    ("romanization", "Taebul", (C, "daebul"), (C, "daebul")),
    ("romanization", "Sŏngsŏ", (C, "seongseo"), (C, "seongseo")),
    ("romanization", "Sungsu", (C, "seongseo"), (C, "seongseo")),  # a source's spelling
    ("romanization", "Och'ang", (C, "ochang"), (C, "ochang")),
    ("romanization", "Pup'yŏng", (C, "bupyung-juan"), (C, "bupyung-juan")),
    ("romanization", "Bupyeong", (C, "bupyung-juan"), (C, "bupyung-juan")),
    ("romanization", "Pukp'yŏng", (C, "bukpyung"), (C, "bukpyung")),
    ("romanization", "Bukpyeong", (C, "bukpyung"), (C, "bukpyung")),
    ("romanization", "Kunjang", (C, "gunjang"), (C, "gunjang")),
    ("romanization", "Kŭmnŭng", (C, "kumneung"), (C, "kumneung")),
    ("romanization", "Geumneung", (C, "kumneung"), (C, "kumneung")),
    ("romanization", "Pyeongdong", (C, "pyungdong-oetu"), (C, "pyungdong-oetu")),
    ("romanization", "Ch'ŏnan", (C, "cheonan-asan"), (C, "cheonan-asan")),
    ("romanization", "Gyeongsan", (C, "gyungsan-jinryang"), (C, "gyungsan-jinryang")),
    ("romanization", "Kyŏngsan", (C, "gyungsan-jinryang"), (C, "gyungsan-jinryang")),
    ("romanization", "Jillyang", (C, "gyungsan-jinryang"), (C, "gyungsan-jinryang")),
    ("romanization", "Yangsan Eogok", (C, "yangsan-egok"), (C, "yangsan-egok")),
    ("romanization", "Yangsan-si", (C, "yangsan-egok"), (C, "yangsan-egok")),
    ("romanization", "Panwŏl", (C, "banwol-sihwa"), (C, "banwol-sihwa")),
    ("romanization", "Myeongji-Noksan", (C, "noksan"), (C, "noksan")),
    ("romanization", "Kuro", (C, "guro"), (C, "guro")),
    ("romanization", "Suwŏn", (C, "suwon"), (C, "suwon")),
    ("romanization", "Cheonan agro-industrial complex", (M, "cheonan-asan-chunan-agro-industrial-complex"),
     (M, "cheonan-asan-chunan-agro-industrial-complex")),
    ("romanization", "Okcheon agro-industrial complex", (M, "ochang-okchun-agro-industrial-complex"),
     (M, "ochang-okchun-agro-industrial-complex")),
    ("romanization", "Mungyeong agro-industrial complex", (M, "gumi-munkyung-agro-industrial-complex"),
     (M, "gumi-munkyung-agro-industrial-complex")),
    ("romanization", "Kimhae agro-industrial complex", (M, "changwon-gimhae-agro-industrial-complex"),
     (M, "changwon-gimhae-agro-industrial-complex")),
    ("romanization", "Kimje", (M, "gunsan-gimje-agro-industrial-complex"), (M, "gunsan-gimje-agro-industrial-complex")),

    # --- hangul, with and without 시/군/도/권 suffixes; 평동 and 금릉's records have no hangul field ---
    ("hangul", "창원", (C, "changwon"), (C, "changwon")),
    ("hangul", "창원시", (C, "changwon"), (C, "changwon")),
    ("hangul", "광주", (C, "gwangju"), (C, "gwangju")),
    ("hangul", "광주광역시", (C, "gwangju"), (C, "gwangju")),
    ("hangul", "반월", (C, "banwol-sihwa"), (C, "banwol-sihwa")),
    ("hangul", "시화", (C, "banwol-sihwa"), (C, "banwol-sihwa")),
    ("hangul", "반월 시화", (C, "banwol-sihwa"), (C, "banwol-sihwa")),
    ("hangul", "구미", (C, "gumi"), (C, "gumi")),
    ("hangul", "구미시", (C, "gumi"), (C, "gumi")),
    ("hangul", "구미국가산업단지", (C, "gumi"), (C, "gumi")),
    ("hangul", "원주", (C, "wonju"), (C, "wonju")),
    ("hangul", "원주시", (C, "wonju"), (C, "wonju")),
    ("hangul", "울산광역시", (C, "ulsan"), (C, "ulsan")),
    ("hangul", "청주", (C, "cheongju"), (C, "cheongju")),
    ("hangul", "충주시", (C, "chungju"), (C, "chungju")),
    ("hangul", "군산", (C, "gunsan"), (C, "gunsan")),
    ("hangul", "오창", (C, "ochang"), (C, "ochang")),
    ("hangul", "천안", (C, "cheonan-asan"), (C, "cheonan-asan")),
    ("hangul", "아산", (C, "cheonan-asan"), (C, "cheonan-asan")),
    ("hangul", "진량", (C, "gyungsan-jinryang"), (C, "gyungsan-jinryang")),
    ("hangul", "어곡", (C, "yangsan-egok"), (C, "yangsan-egok")),
    ("hangul", "부평", (C, "bupyung-juan"), (C, "bupyung-juan")),
    ("hangul", "주안", (C, "bupyung-juan"), (C, "bupyung-juan")),
    ("hangul", "평동", (C, "pyungdong-oetu"), (C, "pyungdong-oetu")),
    ("hangul", "금릉", (C, "kumneung"), (C, "kumneung")),
    ("hangul", "북평", (C, "bukpyung"), (C, "bukpyung")),
    ("hangul", "포항시", (C, "pohang"), (C, "pohang")),
    ("hangul", "인천", (C, "incheon"), (C, "incheon")),
    ("hangul", "대구", (R, "daekyung"), (R, "daekyung")),
    ("hangul", "부산", (R, "dongnam"), (R, "dongnam")),
    ("hangul", "호남", (R, "honam"), (R, "honam")),
    ("hangul", "충청", (R, "chungcheong"), (R, "chungcheong")),
    ("hangul", "수도권", (R, "seoul-metropolitan"), (R, "seoul-metropolitan")),
    ("hangul", "강원도", (R, "gangwon"), (R, "gangwon")),
    ("hangul", "제주도", (R, "jeju"), (R, "jeju")),
    ("hangul", "경상남도", (R, "dongnam"), (R, "dongnam")),
    ("hangul", "전라북도", (R, "honam"), (R, "honam")),
    ("hangul", "경기도", (R, "seoul-metropolitan"), (R, "seoul-metropolitan")),

    # --- part-name: one part of a two-part name, or a place only one record is named after ---
    ("part-name", "Banwol", (C, "banwol-sihwa"), (C, "banwol-sihwa")),
    ("part-name", "Sihwa", (C, "banwol-sihwa"), (C, "banwol-sihwa")),
    ("part-name", "Cheonan", (C, "cheonan-asan"), (C, "cheonan-asan")),
    ("part-name", "Asan", (C, "cheonan-asan"), (C, "cheonan-asan")),
    ("part-name", "Egok", (C, "yangsan-egok"), (C, "yangsan-egok")),
    ("part-name", "Jinryang", (C, "gyungsan-jinryang"), (C, "gyungsan-jinryang")),
    ("part-name", "Bupyung", (C, "bupyung-juan"), (C, "bupyung-juan")),
    ("part-name", "Juan", (C, "bupyung-juan"), (C, "bupyung-juan")),
    ("part-name", "Pyungdong", (C, "pyungdong-oetu"), (C, "pyungdong-oetu")),
    ("part-name", "Mungji", (C, "noksan"), (C, "noksan")),
    ("part-name", "Haman", (M, "changwon-haman-agro-industrial-complex"),
     (M, "changwon-haman-agro-industrial-complex")),
    ("part-name", "Gimje", (M, "gunsan-gimje-agro-industrial-complex"), (M, "gunsan-gimje-agro-industrial-complex")),
    ("part-name", "Naju", (M, "daebul-naju-agro-industrial-complex"), (M, "daebul-naju-agro-industrial-complex")),
    ("part-name", "Okchun", (M, "ochang-okchun-agro-industrial-complex"), (M, "ochang-okchun-agro-industrial-complex")),

    # --- generic-words: the name with "industrial complex", "branch", "agency", "phase" ... around it ---
    ("generic-words", "Changwon industrial complex", (C, "changwon"), (C, "changwon")),
    ("generic-words", "Changwon National Industrial Complex", (C, "changwon"), (C, "changwon")),
    ("generic-words", "Gumi national industrial complex", (C, "gumi"), (C, "gumi")),
    ("generic-words", "Sihwa industrial complex", (C, "banwol-sihwa"), (C, "banwol-sihwa")),
    ("generic-words", "Ochang industrial complex", (C, "ochang"), (C, "ochang")),
    ("generic-words", "Noksan cluster", (C, "noksan"), (C, "noksan")),
    ("generic-words", "Gunsan complex", (C, "gunsan"), (C, "gunsan")),
    ("generic-words", "Honam region", (R, "honam"), (R, "honam")),
    ("generic-words", "Honam-gwon", (R, "honam"), (R, "honam")),
    ("generic-words", "Dongnam pan regional cluster", (R, "dongnam"), (R, "dongnam")),
    ("generic-words", "Chungcheong pan-regional economic zone", (R, "chungcheong"), (R, "chungcheong")),
    ("generic-words", "KICOX Ulsan branch", (B, "ulsan-branch"), (B, "ulsan-branch")),
    ("generic-words", "Ulsan branch", (B, "ulsan-branch"), (B, "ulsan-branch")),
    ("generic-words", "Wonju office", (B, "wonju-branch"), (B, "wonju-branch")),
    ("generic-words", "KICOX Wonju office", (B, "wonju-branch"), (B, "wonju-branch")),
    ("generic-words", "KICOX Changwon branch", (B, "changwon-branch"), (B, "changwon-branch")),
    ("generic-words", "Daegu office", (B, "daegu-branch"), (B, "daegu-branch")),
    ("generic-words", "Busan branch", (B, "busan-branch"), (B, "busan-branch")),
    ("generic-words", "Cheonan branch", (B, "cheonan-branch"), (B, "cheonan-branch")),
    ("generic-words", "Juan branch", (B, "juan-branch"), (B, "juan-branch")),
    ("generic-words", "Cheongju office", (B, "cheongju-branch"), (B, "cheongju-branch")),
    ("generic-words", "Gumi branch office", (B, "gumi-branch"), (B, "gumi-branch")),
    ("generic-words", "Gyeongin HQ", (B, "kyungin-hq"), (B, "kyungin-hq")),
    ("generic-words", "KICOX Seobu headquarters", (B, "seobu-hq"), (B, "seobu-hq")),
    ("generic-words", "KICOX head office", (B, "kicox-hq"), (B, "kicox-hq")),
    ("generic-words", "Banwol-Sihwa agency", (O, "banwol-sihwa-agency"), (O, "banwol-sihwa-agency")),
    ("generic-words", "Changwon agency", (O, "changwon-agency"), (O, "changwon-agency")),
    ("generic-words", "Noksan agency", (O, "noksan-agency"), (O, "noksan-agency")),
    ("generic-words", "Ochang cluster agency", (O, "ochang-agency"), (O, "ochang-agency")),
    ("generic-words", "phase 1", (PH, "phase-1"), (PH, "phase-1")),
    ("generic-words", "first phase", (PH, "phase-1"), (PH, "phase-1")),
    ("generic-words", "Phase I", (PH, "phase-1"), (PH, "phase-1")),
    ("generic-words", "phase 2", (PH, "phase-2"), (PH, "phase-2")),
    ("generic-words", "second phase", (PH, "phase-2"), (PH, "phase-2")),
    ("generic-words", "Phase II", (PH, "phase-2"), (PH, "phase-2")),
    ("generic-words", "2nd phase", (PH, "phase-2"), (PH, "phase-2")),
    ("generic-words", "phase 3", (PH, "phase-3"), (PH, "phase-3")),
    ("generic-words", "third phase", (PH, "phase-3"), (PH, "phase-3")),
    ("generic-words", "Phase III", (PH, "phase-3"), (PH, "phase-3")),
    ("generic-words", "phase 4", (PH, "phase-4"), (PH, "phase-4")),
    ("generic-words", "ICCP programme", (P, "iccp"), (P, "iccp")),
    ("generic-words", "ICCP program", (P, "iccp"), (P, "iccp")),
    ("generic-words", "pan-regional cluster programme", (P, "pan-regional-cluster-program"),
     (P, "pan-regional-cluster-program")),
    ("generic-words", "SIG programme", (P, "sig-program"), (P, "sig-program")),
    ("generic-words", "Green New Deal programme", (P, "green-new-deal"), (P, "green-new-deal")),

    # --- hub-subject: a mini cluster by its hub and subject, in either order, singular or plural ---
    ("hub-subject", "Ochang semiconductor", (M, "ochang-semiconductor"), (M, "ochang-semiconductor")),
    ("hub-subject", "semiconductors Ochang", (M, "ochang-semiconductor"), (M, "ochang-semiconductor")),
    ("hub-subject", "shipbuilding Daebul", (M, "daebul-shipbuilding"), (M, "daebul-shipbuilding")),
    ("hub-subject", "Daebul shipbuilding parts", (M, "daebul-shipbuilding-parts"), (M, "daebul-shipbuilding-parts")),
    ("hub-subject", "Gumi mobile", (M, "gumi-mobile"), (M, "gumi-mobile")),
    ("hub-subject", "mobiles Gumi", (M, "gumi-mobile"), (M, "gumi-mobile")),
    ("hub-subject", "Kumi mobile", (M, "gumi-mobile"), (M, "gumi-mobile")),
    ("hub-subject", "Wonju rehabilitation medical equipment", (M, "wonju-rehabilitation-medical-equipment"),
     (M, "wonju-rehabilitation-medical-equipment")),
    ("hub-subject", "Wonju image medical", (M, "wonju-image-medical-equipment"), (M, "wonju-image-medical-equipment")),
    ("hub-subject", "Donghae medical equipment", (M, "donghae-fusion-medical-equipment"),
     (M, "donghae-fusion-medical-equipment")),
    ("hub-subject", "Changwon mechatronics", (M, "changwon-mechatronics"), (M, "changwon-mechatronics")),
    ("hub-subject", "창원 mechatronics", (M, "changwon-mechatronics"), (M, "changwon-mechatronics")),
    ("hub-subject", "mechatronics Chungju", (M, "chungju-mechatronics"), (M, "chungju-mechatronics")),
    ("hub-subject", "Sihwa mechatronics", (M, "banwol-sihwa-mechatronics"), (M, "banwol-sihwa-mechatronics")),
    ("hub-subject", "Yangsan transportation machines", (M, "yangsan-egok-transportation-machine"),
     (M, "yangsan-egok-transportation-machine")),
    ("hub-subject", "Changwon transportation machine", (M, "changwon-transportation-machine"),
     (M, "changwon-transportation-machine")),
    ("hub-subject", "Jinryang auto parts", (M, "gyungsan-jinryang-auto-parts"), (M, "gyungsan-jinryang-auto-parts")),
    ("hub-subject", "Banwol auto parts", (M, "banwol-sihwa-auto-parts"), (M, "banwol-sihwa-auto-parts")),
    ("hub-subject", "Gunsan auto parts", (M, "gunsan-auto-parts-material"), (M, "gunsan-auto-parts-material")),
    ("hub-subject", "Iksan auto parts", (M, "iksan-auto-electric-parts"), (M, "iksan-auto-electric-parts")),
    ("hub-subject", "Cheonan display", (M, "cheonan-asan-displays"), (M, "cheonan-asan-displays")),
    ("hub-subject", "Gwangju LED", (M, "gwangju-led"), (M, "gwangju-led")),
    ("hub-subject", "Sacheon aerospace", (M, "sacheon-aerospace"), (M, "sacheon-aerospace")),
    ("hub-subject", "Seongseo smart car", (M, "seongseo-smart-cars"), (M, "seongseo-smart-cars")),
    ("hub-subject", "Noksan shipbuilding", (M, "noksan-shipbuilding-apparatus"), (M, "noksan-shipbuilding-apparatus")),
    ("hub-subject", "Noksan renewable energy", (M, "noksan-renewable-energy"), (M, "noksan-renewable-energy")),
    ("hub-subject", "Ochang battery", (M, "ochang-renewable-batteries"), (M, "ochang-renewable-batteries")),
    ("hub-subject", "Namdong automobile module", (M, "namdong-automobile-module"), (M, "namdong-automobile-module")),
    ("hub-subject", "Ulsan car body", (M, "ulsan-car-body-and-sash"), (M, "ulsan-car-body-and-sash")),
    ("hub-subject", "synthetic mold Gwangju", (M, "gwangju-synthetic-molds"), (M, "gwangju-synthetic-molds")),

    # --- url-phone: a pasted URL, a full phone number, a bare extension (shared ones list both) ---
    ("url-phone", "http://mini.e-cluster.net/mecha", (M, "changwon-mechatronics"), (M, "changwon-mechatronics")),
    ("url-phone", "mini.e-cluster.net/metromecha", (M, "banwol-sihwa-mechatronics"), (M, "banwol-sihwa-mechatronics")),
    ("url-phone", "https://mini.e-cluster.net/aerospace", (M, "sacheon-aerospace"), (M, "sacheon-aerospace")),
    ("url-phone", "http://mini.e-cluster.net/mobile/", (M, "gumi-mobile"), (M, "gumi-mobile")),
    ("url-phone", "http://mini.e-cluster.net/machine", (M, "gwangju-industrial-machines"),
     (M, "gwangju-industrial-machines")),
    ("url-phone", "http://mini.e-cluster.net/wonju", (M, "wonju-gangwon-agro-industrial-complex"),
     (M, "wonju-gangwon-agro-industrial-complex")),
    ("url-phone", "mini.e-cluster.net/shipbuilding", (M, "daebul-shipbuilding"), (M, "daebul-shipbuilding")),
    ("url-phone", "http://mini.e-cluster.net/IT", (M, "namdong-information-fusion-parts"),
     (M, "namdong-information-fusion-parts")),
    ("url-phone", "+82-70-8895-7865", (M, "sacheon-aerospace"), (M, "sacheon-aerospace")),
    ("url-phone", "82-70-8895-7865", (M, "sacheon-aerospace"), (M, "sacheon-aerospace")),
    ("url-phone", "070-8895-7865", (M, "sacheon-aerospace"), (M, "sacheon-aerospace")),
    ("url-phone", "+82 70 8895 7719", (M, "gumi-mobile"), (M, "gumi-mobile")),
    ("url-phone", "07088957648", (M, "ochang-semiconductor"), (M, "ochang-semiconductor")),
    ("url-phone", "7865", (M, "sacheon-aerospace"), (M, "sacheon-aerospace")),
    ("url-phone", "7946", (M, "daebul-shipbuilding"), (M, "daebul-shipbuilding")),
    ("url-phone", "ext. 7614", (M, "cheonan-asan-industrial-material-parts"),
     (M, "cheonan-asan-industrial-material-parts")),
    ("url-phone", "7820", EXTENSION_7820, EXTENSION_7820),
    ("url-phone", "7878", EXTENSION_7878, EXTENSION_7878),
    ("url-phone", "070-8895-7720", EXTENSION_7720, EXTENSION_7720),
    ("url-phone", "+82-70-8895-7657", EXTENSION_7657, EXTENSION_7657),
    ("url-phone", "7515", EXTENSION_7515, EXTENSION_7515),

    # --- typo: one clear candidate ---
    ("typo", "Changwn", (C, "changwon"), (C, "changwon")),
    ("typo", "Gumii", (C, "gumi"), (C, "gumi")),
    ("typo", "Sacheonn", (C, "sacheon"), (C, "sacheon")),
    ("typo", "Ulsna", (C, "ulsan"), (C, "ulsan")),
    ("typo", "Ochnag", (C, "ochang"), (C, "ochang")),
    ("typo", "Daebull", (C, "daebul"), (C, "daebul")),
    ("typo", "Namdnog", (C, "namdong"), (C, "namdong")),
    ("typo", "Gunsna", (C, "gunsan"), (C, "gunsan")),
    ("typo", "Gwnagju", (C, "gwangju"), (C, "gwangju")),
    ("typo", "Pohnag", (C, "pohang"), (C, "pohang")),
    ("typo", "Wonjoo", (C, "wonju"), (C, "wonju")),
    ("typo", "Cheonan-Asna", (C, "cheonan-asan"), (C, "cheonan-asan")),
    ("typo", "Honma", (R, "honam"), (R, "honam")),
    ("typo", "Chungcheon", (R, "chungcheong"), (R, "chungcheong")),
    ("typo", "Mecatronics Changwon", (M, "changwon-mechatronics"), (M, "changwon-mechatronics")),
    ("typo", "KICXO", (O, "kicox"), (O, "kicox")),

    # --- place-wins: the place's own record beats the region listing it, offices, agencies, facts, stories ---
    ("place-wins", "Ulsan", (C, "ulsan"), (C, "ulsan")),
    ("place-wins", "Gwangju", (C, "gwangju"), (C, "gwangju")),
    ("place-wins", "Wonju", (C, "wonju"), (C, "wonju")),
    ("place-wins", "Gumi", (C, "gumi"), (C, "gumi")),
    ("place-wins", "Gunsan", (C, "gunsan"), (C, "gunsan")),
    ("place-wins", "Cheongju", (C, "cheongju"), (C, "cheongju")),
    ("place-wins", "Changwon", (C, "changwon"), (C, "changwon")),
    ("place-wins", "Noksan", (C, "noksan"), (C, "noksan")),
    ("place-wins", "Namdong", (C, "namdong"), (C, "namdong")),
    ("place-wins", "Daebul", (C, "daebul"), (C, "daebul")),
    ("place-wins", "Ochang", (C, "ochang"), (C, "ochang")),
    ("place-wins", "Sacheon", (C, "sacheon"), (C, "sacheon")),
    ("place-wins", "Donghae", (C, "donghae"), (C, "donghae")),
    ("place-wins", "Iksan", (C, "iksan"), (C, "iksan")),
    ("place-wins", "Pohang", (C, "pohang"), (C, "pohang")),
    ("place-wins", "Incheon", (C, "incheon"), (C, "incheon")),
    ("place-wins", "Seongseo", (C, "seongseo"), (C, "seongseo")),
    ("place-wins", "Guro", (C, "guro"), (C, "guro")),
    ("place-wins", "Seoul", (C, "seoul"), (C, "seoul")),
    ("place-wins", "Daegu", (R, "daekyung"), (R, "daekyung")),
    ("place-wins", "Busan", (R, "dongnam"), (R, "dongnam")),
    ("place-wins", "KICOX", (O, "kicox"), (O, "kicox")),
    ("place-wins", "Gangwon agro-industrial complex", (M, "wonju-gangwon-agro-industrial-complex"),
     (M, "wonju-gangwon-agro-industrial-complex")),
    ("place-wins", "Pohang agro-industrial complex", (M, "gumi-pohang-agro-industrial-complex"),
     (M, "gumi-pohang-agro-industrial-complex")),
    ("place-wins", "Gunsan agro-industrial complex", (M, "gunsan-gunsan-agro-industrial-complex"),
     (M, "gunsan-gunsan-agro-industrial-complex")),
    ("place-wins", "Jeju agro-industrial complex", (M, "daebul-bio-industry-jeju-agro-industrial-complex"),
     (M, "daebul-bio-industry-jeju-agro-industrial-complex")),

    # --- sentences: a place only sentences name (a connected complex), a typo away from a name ---
    ("sentences", "Jeonju", JEONJU, JEONJU),
    ("sentences", "Chuncheon", (C, "wonju"), (C, "wonju")),  # not Chungcheong
    ("sentences", "Nonsan", (C, "cheonan-asan"), (C, "cheonan-asan")),  # not Noksan

    # --- region: the 5+2 pan-regional zones, and the provinces each lists ---
    ("region", "Honam", (R, "honam"), (R, "honam")),
    ("region", "Chungcheong", (R, "chungcheong"), (R, "chungcheong")),
    ("region", "Chungchong", (R, "chungcheong"), (R, "chungcheong")),
    ("region", "Ch'ungch'ŏng", (R, "chungcheong"), (R, "chungcheong")),
    ("region", "Daekyung", (R, "daekyung"), (R, "daekyung")),
    ("region", "Daegyeong", (R, "daekyung"), (R, "daekyung")),
    ("region", "Taegyŏng", (R, "daekyung"), (R, "daekyung")),
    ("region", "Gangwon", (R, "gangwon"), (R, "gangwon")),
    ("region", "Kangwŏn", (R, "gangwon"), (R, "gangwon")),
    ("region", "Gangwon-do", (R, "gangwon"), (R, "gangwon")),
    ("region", "Jeju", (R, "jeju"), (R, "jeju")),
    ("region", "Cheju", (R, "jeju"), (R, "jeju")),
    ("region", "Jeju-do", (R, "jeju"), (R, "jeju")),
    ("region", "Dongnam", (R, "dongnam"), (R, "dongnam")),
    ("region", "Sudogwon", (R, "seoul-metropolitan"), (R, "seoul-metropolitan")),
    ("region", "Seoul Capital Area", (R, "seoul-metropolitan"), (R, "seoul-metropolitan")),
    ("region", "capital region", (R, "seoul-metropolitan"), (R, "seoul-metropolitan")),
    ("region", "Kyŏngsang-namdo", (R, "dongnam"), (R, "dongnam")),
    ("region", "Kyungnam", (R, "dongnam"), (R, "dongnam")),
    ("region", "Gyeongnam", (R, "dongnam"), (R, "dongnam")),
    ("region", "Jeollanam-do", (R, "honam"), (R, "honam")),
    ("region", "Chŏllabuk-do", (R, "honam"), (R, "honam")),
    ("region", "Jeonnam", (R, "honam"), (R, "honam")),
    ("region", "Junbuk", (R, "honam"), (R, "honam")),
    ("region", "Chungcheongbuk-do", (R, "chungcheong"), (R, "chungcheong")),
    ("region", "Chungnam", (R, "chungcheong"), (R, "chungcheong")),
    ("region", "Daejeon", (R, "chungcheong"), (R, "chungcheong")),
    ("region", "Taejŏn", (R, "chungcheong"), (R, "chungcheong")),
    ("region", "Gyeonggi-do", (R, "seoul-metropolitan"), (R, "seoul-metropolitan")),
    ("region", "Kyŏnggi", (R, "seoul-metropolitan"), (R, "seoul-metropolitan")),
    ("region", "Gyeongsangbuk-do", (R, "daekyung"), (R, "daekyung")),
    ("region", "Kyungbuk", (R, "daekyung"), (R, "daekyung")),

    # --- ambiguous: show lists every candidate (exit 1); search puts one of them first ---
    ("ambiguous", "Mechatronics", MECHATRONICS, MECHATRONICS),
    ("ambiguous", "Mechatornics", MECHATRONICS, MECHATRONICS),
    ("ambiguous", "mechatronics mini cluster", MECHATRONICS, MECHATRONICS),
    ("ambiguous", "Auto parts", AUTO_PARTS, AUTO_PARTS),
    ("ambiguous", "Transportation machine", TRANSPORTATION_MACHINE, TRANSPORTATION_MACHINE),
    ("ambiguous", "agro-industrial complex", AGRO_INDUSTRIAL_COMPLEXES, AGRO_INDUSTRIAL_COMPLEXES),
    ("ambiguous", "Wonju medical equipment", WONJU_MEDICAL_EQUIPMENT, WONJU_MEDICAL_EQUIPMENT),
    ("ambiguous", "EU-Korea FTA", EU_KOREA_FTA, EU_KOREA_FTA),
    ("ambiguous", "Banwol-Sihwa success story", BANWOL_SIHWA_STORIES, BANWOL_SIHWA_STORIES),

    # --- named-record: organisations, programmes, events, stories, partnerships, facts, comparisons, sources ---
    ("named-record", "Korea Industrial Complex Corp", (O, "kicox"), (O, "kicox")),
    ("named-record", "MKE", (O, "mke"), (O, "mke")),
    ("named-record", "Knowledge Economy ministry", (O, "mke"), (O, "mke")),
    ("named-record", "MOTIE", (O, "motie"), (O, "motie")),
    ("named-record", "KIAT", (O, "kiat"), (O, "kiat")),
    ("named-record", "KASIC", (O, "kasic"), (O, "kasic")),
    ("named-record", "KOTRA", (O, "kotra"), (O, "kotra")),
    ("named-record", "BMBF", (O, "bmbf"), (O, "bmbf")),
    ("named-record", "JSTCC", (O, "jstcc"), (O, "jstcc")),
    ("named-record", "Pusan National University", (O, "busan-national-university"), (O, "busan-national-university")),
    ("named-record", "Pukyong National University", (O, "pukyung-national-university"),
     (O, "pukyung-national-university")),
    ("named-record", "Kyunghee University", (O, "kyung-hee-university"), (O, "kyung-hee-university")),
    ("named-record", "POSTECH", (O, "postec"), (O, "postec")),
    ("named-record", "Renault Samsung", (O, "renault-samsung"), (O, "renault-samsung")),
    ("named-record", "Oulu", (O, "oulu"), (O, "oulu")),
    ("named-record", "Cluster Academy", (O, "cluster-academy"), (O, "cluster-academy")),
    ("named-record", "ICCP", (P, "iccp"), (P, "iccp")),
    ("named-record", "Industrial Complex Cluster Programme", (P, "iccp"), (P, "iccp")),
    ("named-record", "ecluster", (P, "e-cluster"), (P, "e-cluster")),
    ("named-record", "CMS", (P, "cms"), (P, "cms")),
    ("named-record", "ESCP 4i", (P, "escp-4i"), (P, "escp-4i")),
    ("named-record", "EU Gateway Business Avenues", (P, "eu-gateway-business-avenues"),
     (P, "eu-gateway-business-avenues")),
    ("named-record", "Horizon 2020", (P, "horizon-2020-work-programme"), (P, "horizon-2020-work-programme")),
    ("named-record", "Hidden Champion Company Project", (P, "hidden-champion-company-project"),
     (P, "hidden-champion-company-project")),
    ("named-record", "technopark", (P, "technoparks"), (P, "technoparks")),
    ("named-record", "Mentoring for problem solving", (P, "mentoring-for-problem-solving"),
     (P, "mentoring-for-problem-solving")),
    ("named-record", "joint marketing", (P, "joint-marketing"), (P, "joint-marketing")),
    ("named-record", "Green New Deal", (P, "green-new-deal"), (P, "green-new-deal")),
    ("named-record", "RIS", (P, "ris"), (P, "ris")),
    ("named-record", "EU-Korea cluster MoU", (E, "2018-05-eu-korea-cluster-mou"), (E, "2018-05-eu-korea-cluster-mou")),
    ("named-record", "BlueOn", (E, "2010-hyundai-blueon"), (E, "2010-hyundai-blueon")),
    ("named-record", "KOAA Show", (E, "2009-11-ulsan-koaa-show-joint-exhibit"),
     (E, "2009-11-ulsan-koaa-show-joint-exhibit")),
    ("named-record", "ITO film", (E, "2009-03-ochang-ito-film-fusion-project"),
     (E, "2009-03-ochang-ito-film-fusion-project")),
    ("named-record", "Regeneration Converter", (E, "2010-01-daebul-regeneration-converter"),
     (E, "2010-01-daebul-regeneration-converter")),
    ("named-record", "World IT Show", (E, "2020-05-06-eu-korea-cluster-matchmaking-world-it-show"),
     (E, "2020-05-06-eu-korea-cluster-matchmaking-world-it-show")),
    ("named-record", "cosmetics trade barrier", (E, "2008-07-09-eu-korea-cosmetics-trade-barrier"),
     (E, "2008-07-09-eu-korea-cosmetics-trade-barrier")),
    ("named-record", "Euratom fusion agreement", (E, "2006-euratom-korea-fusion-agreement"),
     (E, "2006-euratom-korea-fusion-agreement")),
    ("named-record", "MOTIE succeeds MKE", (E, "2013-motie-succeeds-mke"), (E, "2013-motie-succeeds-mke")),
    ("named-record", "KASIC founded", (E, "2006-06-kasic-founded"), (E, "2006-06-kasic-founded")),
    ("named-record", "5G joint call", (E, "2015-eu-korea-joint-ict-call"), (E, "2015-eu-korea-joint-ict-call")),
    ("named-record", "JSTCC Brussels", (E, "2017-09-eu-korea-jstcc-brussels"), (E, "2017-09-eu-korea-jstcc-brussels")),
    ("named-record", "Saving Lives", (S, "saving-lives-wonju"), (S, "saving-lives-wonju")),
    ("named-record", "Total Life Cycle Support System", (S, "saving-lives-wonju"), (S, "saving-lives-wonju")),
    ("named-record", "Wonju success story", (S, "saving-lives-wonju"), (S, "saving-lives-wonju")),
    ("named-record", "Removing bad smells", (S, "removing-bad-smells-namdong"), (S, "removing-bad-smells-namdong")),
    ("named-record", "Mentoring for problem solution", (S, "mentoring-for-problem-solution-gunsan"),
     (S, "mentoring-for-problem-solution-gunsan")),
    ("named-record", "Gunsan mentoring", (S, "mentoring-for-problem-solution-gunsan"),
     (S, "mentoring-for-problem-solution-gunsan")),
    ("named-record", "marine equipment export marketing", (S, "marine-equipment-export-marketing-noksan"),
     (S, "marine-equipment-export-marketing-noksan")),
    ("named-record", "core technology fusion", (S, "core-technology-fusion-ochang"),
     (S, "core-technology-fusion-ochang")),
    ("named-record", "hidden champion Seongseo", (S, "hidden-champion-company-project-seongseo"),
     (S, "hidden-champion-company-project-seongseo")),
    ("named-record", "Gumi success story", (S, "mid-size-company-global-consortium-gumi"),
     (S, "mid-size-company-global-consortium-gumi")),
    ("named-record", "ELBE", (PA, "elbe"), (PA, "elbe")),
    ("named-record", "Europe Leading Blue Energy", (PA, "elbe"), (PA, "elbe")),
    ("named-record", "FoodNet", (PA, "foodnet"), (PA, "foodnet")),
    ("named-record", "Food In Eco Network", (PA, "foodnet"), (PA, "foodnet")),
    ("named-record", "bioXclusters", (PA, "bioxclusters-plus"), (PA, "bioxclusters-plus")),
    ("named-record", "ESCP on Personalised Healthcare", (PA, "bioxclusters-plus"), (PA, "bioxclusters-plus")),
    ("named-record", "Laser Go Global", (PA, "laser-go-global"), (PA, "laser-go-global")),
    ("named-record", "New Frontier in Food", (PA, "new-frontier-in-food"), (PA, "new-frontier-in-food")),
    ("named-record", "KICOX HQ", (B, "kicox-hq"), (B, "kicox-hq")),
    ("named-record", "Seobu HQ", (B, "seobu-hq"), (B, "seobu-hq")),
    ("named-record", "exchange rate", (F, "exchange-rate-krw-per-usd-2010-09"),
     (F, "exchange-rate-krw-per-usd-2010-09")),
    ("named-record", "KASIC members", (F, "kasic-members-2010"), (F, "kasic-members-2010")),
    ("named-record", "KIAT staff", (F, "kiat-staff-2018"), (F, "kiat-staff-2018")),
    ("named-record", "Korean firms in the Fortune 500", (F, "korean-firms-fortune-500-2018"),
     (F, "korean-firms-fortune-500-2018")),
    ("named-record", "GRDP of Honam", (F, "grdp-honam-2007"), (F, "grdp-honam-2007")),
    ("named-record", "population of Jeju", (F, "population-jeju-2007"), (F, "population-jeju-2007")),
    ("named-record", "electric vehicle subsidy", (F, "ev-buyer-subsidy-2018"), (F, "ev-buyer-subsidy-2018")),
    ("named-record", "Establishment background", (CO, "establishment-background"), (CO, "establishment-background")),
    ("named-record", "cooperation commitment", (CO, "co-operation-commitment"), (CO, "co-operation-commitment")),
    ("named-record", "subject areas", (CO, "subject-areas"), (CO, "subject-areas")),
    ("named-record", "kicox-2010", (SO, "kicox-2010"), (SO, "kicox-2010")),
    ("named-record", "Cluster in Germany and Korea", (SO, "bmbf-de-kr"), (SO, "bmbf-de-kr")),
    ("named-record", "Preparatory briefing on the cluster landscape", (SO, "eccp-briefing-2018"),
     (SO, "eccp-briefing-2018")),
    ("named-record", "Future Agenda of Cluster Policy in Korea", (SO, "tci-2015"), (SO, "tci-2015")),
    ("named-record", "gumi-mobile", (M, "gumi-mobile"), (M, "gumi-mobile")),
    ("named-record", "phase-3", (PH, "phase-3"), (PH, "phase-3")),
]
# fmt: on


def expected_set(expectation) -> frozenset[tuple[str, str]]:
    """The (kind, id) pairs that satisfy a show or search column: one record, or the candidates."""
    return expectation if isinstance(expectation, frozenset) else frozenset([expectation])


def _target(expectation) -> str:
    if isinstance(expectation, frozenset):
        return f"one of {len(expectation)}"
    return expectation[1]


def _row_id(row) -> str:
    category, query, show, _ = row
    return f"{category}: {query} -> {_target(show)}"


# Rows the resolver misses today, each a known limit (strict: a row that starts to pass must
# leave this list). Why, in short: Chongju is Cheongju and Chungju alike once eo/u/o fold;
# Bupyung, Bupyeong, 부평 also name Bupyung-Juan's mini clusters and agency as well; 어곡
# romanizes to "eogok", which the folds don't meet with "Egok"; "Seoul Capital Area" and
# "capital region" are in no source; the others are near ties the margins don't split.
KNOWN_SHOW_MISSES = {
    "Chongju",
    "Pup'yŏng",
    "Bupyeong",
    "어곡",
    "부평",
    "Bupyung",
    "Noksan cluster",
    "Cheongju office",
    "KICOX Seobu headquarters",
    "Chungcheon",
    "Chungchong",
    "Seoul Capital Area",
    "capital region",
    "agro-industrial complex",
    "hidden champion Seongseo",
    "GRDP of Honam",
    "population of Jeju",
}
KNOWN_SEARCH_MISSES = {
    "어곡",
    "Cheongju office",
    "Seoul Capital Area",
    "capital region",
    "hidden champion Seongseo",
    "population of Jeju",
}


def pytest_generate_tests(metafunc):
    """Parametrize with the table (a hook rather than pytest.mark, so this module imports only the stdlib)."""
    ids = [_row_id(row) for row in QUERIES]
    import pytest

    def rows(column: int, known: set[str]) -> list:
        return [
            pytest.param(row[1], row[column], marks=[pytest.mark.xfail(strict=True, reason="a known miss")])
            if row[1] in known
            else (row[1], row[column])
            for row in QUERIES
        ]

    if "show" in metafunc.fixturenames:
        metafunc.parametrize(("query", "show"), rows(2, KNOWN_SHOW_MISSES), ids=ids)
    elif "first_hit" in metafunc.fixturenames:
        metafunc.parametrize(("query", "first_hit"), rows(3, KNOWN_SEARCH_MISSES), ids=ids)


def test_show(run, query, show):
    if isinstance(show, frozenset):  # genuinely ambiguous: exit 1, every candidate named
        result = run("show", query)
        assert result.exit_code == 1, f"show opened {result.stdout[:200]!r} instead of listing candidates"
        missing = sorted(record_id for _, record_id in show if record_id not in result.stderr)
        assert not missing, f"candidates missing from stderr: {missing}\n{result.stderr}"
    else:
        record = run.json("show", query, "--json")
        assert (record["type"], record["id"]) == show


def test_search_first_hit(run, query, first_hit):
    hits = [hit for hit in run.json("search", query, "--json") if hit["type"] != "sectors"]
    assert hits, f"no record hit for {query!r}"
    top = [(hit["type"], hit["id"], hit["score"], hit["match"]) for hit in hits[:3]]
    assert (hits[0]["type"], hits[0]["id"]) in expected_set(first_hit), top


def test_the_table_names_real_records(catalog):
    """Every expectation is a record of the shipped dataset, and no query is listed twice."""
    queries = [row[1] for row in QUERIES]
    assert len(queries) == len(set(queries)), sorted(q for q in queries if queries.count(q) > 1)
    assert len(QUERIES) >= 150
    for category, query, show, first_hit in QUERIES:
        for kind, record_id in expected_set(show) | expected_set(first_hit):
            assert catalog.find(kind, record_id) is not None, (category, query, kind, record_id)

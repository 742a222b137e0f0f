"""Folding of romanized Korean, so that spellings of one name compare equal.

The sources spell one place several ways (Kyungsang / Gyeongsang, Jeonra / Jeolla,
Bupyung / Bupyeong) and users type McCune-Reischauer (Taegu, Pusan, Ch'ŏngju) or Revised
Romanization (Gyeongsangnam-do). `phonetic()` maps all of these to one key by folding the
usual correspondences; it is deliberately coarse, so callers compare exact names first and
treat a phonetic match as weaker evidence.
"""

import re

# Every lookup folds its query, so folding compiles no pattern on import (each costs about
# 0.15 ms of every start) and loads unicodedata only for text that is not ASCII.

# Breves and carets of McCune-Reischauer before accents are stripped: ŏ is RR "eo", ŭ is "eu";
# apostrophes go (Ch'ŏngju).
_MR_VOWELS_AND_APOSTROPHES = str.maketrans({"ŏ": "eo", "Ŏ": "eo", "ŭ": "eu", "Ŭ": "eu"} | dict.fromkeys("'’‘`ʼ"))
# Administrative suffixes of Revised Romanization: Gyeongsangnam-do, Changwon-si, Youngam-gun
# (compiled, by re's own cache, on the first text with a hyphen).
_ADMIN_SUFFIX = r"(?<=[a-z])-(?:do|si|gun|gu|eup|myeon|myun)\b"

# Order matters: digraphs before single letters, vowels after consonants.
_PHONETIC_RULES = (
    ("ch", "j"),
    ("sh", "s"),
    ("kw", "gw"),
    ("k", "g"),
    ("p", "b"),
    ("t", "d"),
    ("r", "l"),
    ("nl", "ll"),  # Jeonra / Jeolla, Chonla / Cholla
    ("eo", "o"),
    ("eu", "u"),
    ("u", "o"),
    ("ae", "e"),
    ("wo", "o"),
)
_DOUBLED = tuple((letter * 2, letter) for letter in "bdgjs")  # gg -> g

# Korean provinces are written in full (Gyeongsangnam-do) or shortened (Gyeongnam, Kyungnam):
# general knowledge, not from the sources. Phonetic keys of the long form -> the short form.
_PROVINCE_SHORT_FORMS = {
    "gyongsangnam": "gyongnam",
    "gyongsangbog": "gyongbog",
    "jollanam": "jonnam",
    "jollabog": "jonbog",
    "jongjongnam": "jongnam",
    "jongjongbog": "jongbog",
}


# Administrative and generic suffixes in Hangul: 창원시, 완주군, 경상남도, 구미국가산업단지 (a word
# of at least two more syllables).
_HANGUL_SUFFIXES = r"(?:국가산업단지|일반산업단지|농공단지|산업단지|단지|광역시|특별시|시|군|도|구|읍|면)$"


def has_hangul(text: str) -> bool:
    return not text.isascii() and any("\uac00" <= c <= "\ud7a3" for c in text)


def romanized(text: str) -> str:
    """Hangul as Revised Romanization spells it, syllable by syllable (창원 -> ChangWon), its
    administrative suffixes left out; other text as it is."""
    if not has_hangul(text):
        return text
    from anyascii import anyascii  # a Hangul query or name only: the patterns are compiled then

    suffix = re.compile(r"(?<=[\uac00-\ud7a3]{2})" + _HANGUL_SUFFIXES)
    return re.sub(r"[\uac00-\ud7a3]+", lambda word: anyascii(suffix.sub("", word.group())), text)


def singular(word: str) -> str:
    """A folded English word without its plural ending: equipments, batteries, cars."""
    if len(word) <= 3 or not word.isascii() or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "ses")) and len(word) > 4:
        return word[:-2]
    return word[:-1]


def fold(text: str) -> str:
    """Lowercase words separated by single spaces, without accents or apostrophes; Hangul
    romanized (so 창원 and Changwon fold alike)."""
    text = romanized(text).translate(_MR_VOWELS_AND_APOSTROPHES).casefold()
    if not text.isascii():  # accents off: ASCII has none
        import unicodedata

        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if "-" in text:
        text = re.sub(_ADMIN_SUFFIX, "", text)
    # Words are what a regular expression's \w matches, less the underscore: letters and digits.
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def words(text: str) -> list[str]:
    return fold(text).split()


def phonetic(word: str) -> str:
    """The romanization-insensitive key of one folded word (or of a word run together)."""
    if not word.isascii():
        return word
    key = word
    for old, new in _PHONETIC_RULES:
        key = key.replace(old, new)
    for doubled, single in _DOUBLED:
        key = key.replace(doubled, single)
    if key.endswith(("namdo", "bogdo")) and len(key) > 7:  # Kyŏngsang-namdo: the province's "-do" run in
        key = key[:-2]
    return _PROVINCE_SHORT_FORMS.get(key, key)


def word_key(word: str) -> str:
    """The key a folded word is indexed and looked up by: singular, then phonetic."""
    return phonetic(singular(word))


def compact_key(text: str) -> str:
    """The phonetic key of a whole name with its spaces and hyphens removed."""
    return phonetic("".join(words(text)))


_PROVINCE_LONG_FORMS = {short: long for long, short in _PROVINCE_SHORT_FORMS.items()}


def long_form(key: str) -> str | None:
    """The full province name's key for a short one ("jonnam" -> "jollanam"), so that
    "Jeolla" or "Kyungsang" can be found as the start of a province's name."""
    return _PROVINCE_LONG_FORMS.get(key)

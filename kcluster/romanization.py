"""Folding of romanized Korean, so that spellings of one name compare equal.

The sources spell one place several ways (Kyungsang / Gyeongsang, Jeonra / Jeolla,
Bupyung / Bupyeong) and users type McCune-Reischauer (Taegu, Pusan, Ch'ŏngju) or Revised
Romanization (Gyeongsangnam-do). `phonetic()` maps all of these to one key by folding the
usual correspondences; it is deliberately coarse, so callers compare exact names first and
treat a phonetic match as weaker evidence.
"""

import re
import unicodedata

# Breves and carets of McCune-Reischauer before accents are stripped: ŏ is RR "eo", ŭ is "eu".
_MR_VOWELS = str.maketrans({"ŏ": "eo", "Ŏ": "eo", "ŭ": "eu", "Ŭ": "eu"})
_APOSTROPHES = re.compile(r"['’‘`ʼ]")
# Administrative suffixes of Revised Romanization: Gyeongsangnam-do, Changwon-si, Youngam-gun.
_ADMIN_SUFFIX = re.compile(r"(?<=[a-z])-(?:do|si|gun|gu|eup|myeon|myun)\b")
_SEPARATORS = re.compile(r"[^\w]+|_")

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
_DOUBLED = re.compile(r"([bdgjs])\1")

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


def fold(text: str) -> str:
    """Lowercase words separated by single spaces, without accents or apostrophes.

    Hangul and other scripts are kept as they are.
    """
    text = _APOSTROPHES.sub("", text.translate(_MR_VOWELS).casefold())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _ADMIN_SUFFIX.sub("", text)
    return " ".join(_SEPARATORS.split(text)).strip()


def words(text: str) -> list[str]:
    return fold(text).split()


def phonetic(word: str) -> str:
    """The romanization-insensitive key of one folded word (or of a word run together)."""
    if not word.isascii():
        return word
    key = word
    for old, new in _PHONETIC_RULES:
        key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)
    return _PROVINCE_SHORT_FORMS.get(key, key)


def compact_key(text: str) -> str:
    """The phonetic key of a whole name with its spaces and hyphens removed."""
    return phonetic("".join(words(text)))


_PROVINCE_LONG_FORMS = {short: long for long, short in _PROVINCE_SHORT_FORMS.items()}


def long_form(key: str) -> str | None:
    """The full province name's key for a short one ("jonnam" -> "jollanam"), so that
    "Jeolla" or "Kyungsang" can be found as the start of a province's name."""
    return _PROVINCE_LONG_FORMS.get(key)

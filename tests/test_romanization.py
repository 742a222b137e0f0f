"""Folding (romanization.py) without regular expressions, which would be compiled on every
start: what it does is checked here against the patterns it replaces."""

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kcluster.romanization import fold, phonetic

# Letters the data and queries mix: hyphens and underscores, apostrophes, McCune-Reischauer
# breves, accents, Hangul, digits of other scripts, and other punctuation.
TEXTS = st.text(alphabet=st.sampled_from("abdgjsou-_ '’`ŏŬéÉ창원시1２٣\t.,/ßİ") | st.characters(), max_size=24)


def _fold_by_patterns(text: str) -> str:
    """The same folding with the regular expressions kcluster used before (Hangul aside)."""
    for breve, vowel in {"ŏ": "eo", "Ŏ": "eo", "ŭ": "eu", "Ŭ": "eu"}.items():
        text = text.replace(breve, vowel)
    text = text.casefold()
    text = re.sub(r"['’‘`ʼ]", "", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"(?<=[a-z])-(?:do|si|gun|gu|eup|myeon|myun)\b", "", text)
    return " ".join(re.split(r"[\W_]+", text)).strip()


@given(TEXTS.filter(lambda text: not any("\uac00" <= c <= "\ud7a3" for c in text)))
def test_folding_is_what_the_patterns_gave(text):
    assert fold(text) == _fold_by_patterns(text)


@given(st.text(alphabet="abdgjsxy", max_size=16))  # letters no other phonetic rule touches
def test_doubled_consonants_are_single_as_the_pattern_made_them(word):
    assert phonetic(word) == re.sub(r"([bdgjs])\1", r"\1", word)


def test_folding_examples():
    assert fold("Gyeongsangnam-do") == "gyeongsangnam"
    assert fold("Ch'ŏngju") == "cheongju"
    assert fold("  Banwol__Sihwa ") == "banwol sihwa"
    assert fold("창원시") == "changwon"

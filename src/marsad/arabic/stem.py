"""A light Arabic stemmer for search: strip one clitic prefix and one suffix, keep a stem.

Search must find "والأمريكية" for "الأمريكية" and "بالاتفاق" for "اتفاق". Root
extraction (tashaphyne, ISRI) over-conflates news vocabulary, so we only peel the
clitics and inflections that never change the word's meaning in a query.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.arabic.normalize import normalize_word, tokens

# Longest first; applied to normalised words (taa marbuta already folded to ه).
PREFIXES = ("وبال", "وكال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
SUFFIXES = ("هما", "كما", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "يه", "ه", "ي")
# A stem shorter than this is no longer the word (most Arabic stems have three letters).
MIN_STEM = 3


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    word = normalize_word(word)
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            word = word[len(prefix):]
            break
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            break
    return word


def stems(text: str) -> list[str]:
    return [light_stem(word) for word in tokens(text)]

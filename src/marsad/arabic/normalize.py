"""Arabic normalisation: small pure functions, composed once, used everywhere.

Search, deduplication, entity matching and scoring all compare text after the same
`normalize`. Each step does one thing so a caller can see (and test) what it changes.
Written here rather than taken from camel-tools or pyarabic: camel-tools pulls a
multi-GB torch install, and pyarabic folds every hamza form into a bare hamza.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

# Harakat (fathatan..sukun and extended marks), superscript alef, Quranic annotation signs.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
TATWEEL = "\u0640"
# Bidi embedding/override/isolate controls, marks, zero-width characters and the BOM.
INVISIBLES = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"})
HAMZA_CARRIERS = str.maketrans({"ؤ": "و", "ئ": "ي"})
ALEF_MAQSURA = str.maketrans({"ى": "ي"})
TAA_MARBUTA = str.maketrans({"ة": "ه"})
# Persian/Urdu letter shapes that Arabic pages use interchangeably with the Arabic ones.
PERSIAN_LETTERS = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ه", "ھ": "ه"})
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NormalizeOptions:
    """Which folds to apply. Defaults are those used for search and matching."""

    alef: bool = True
    hamza_carriers: bool = True
    alef_maqsura: bool = True
    taa_marbuta: bool = True
    diacritics: bool = True
    tatweel: bool = True
    digits: bool = True
    persian_letters: bool = True
    lowercase: bool = True
    punctuation: bool = False  # replace punctuation by spaces (for token comparison)


DEFAULT = NormalizeOptions()
MATCHING = NormalizeOptions(punctuation=True)


def fold_presentation_forms(text: str) -> str:
    """NFKC maps Arabic presentation forms (U+FB50..U+FEFF) and ligatures to base letters."""
    return unicodedata.normalize("NFKC", text)


@cache
def _letter_form_table() -> dict[int, str]:
    """Each Arabic presentation form (U+FB50..U+FDFF, U+FE70..U+FEFF) whose NFKC form is one
    letter, to that letter; ligatures of two letters or more ("ﻻ", "ﷺ") are left out."""
    table = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


def fold_letter_forms(text: str) -> str:
    """Presentation forms of single letters to the letters ("ﺍﻟﺒﺮﻳﻘﺔ" -> "البريقة"), keeping
    the text's length, so offsets into it hold; text copied from PDFs and old sites has them."""
    return text.translate(_letter_form_table())


def strip_invisibles(text: str) -> str:
    return INVISIBLES.sub("", text)


def strip_diacritics(text: str) -> str:
    return DIACRITICS.sub("", text)


def strip_tatweel(text: str) -> str:
    return text.replace(TATWEEL, "")


def normalize_alef(text: str) -> str:
    return text.translate(ALEF_FORMS)


def normalize_hamza_carriers(text: str) -> str:
    return text.translate(HAMZA_CARRIERS)


def normalize_alef_maqsura(text: str) -> str:
    return text.translate(ALEF_MAQSURA)


def normalize_taa_marbuta(text: str) -> str:
    return text.translate(TAA_MARBUTA)


def normalize_persian_letters(text: str) -> str:
    return text.translate(PERSIAN_LETTERS)


def normalize_digits(text: str) -> str:
    return text.translate(DIGITS)


def replace_punctuation(text: str) -> str:
    return PUNCTUATION.sub(" ", text)


def collapse_spaces(text: str) -> str:
    return SPACES.sub(" ", text).strip()


@cache
def _deleted_by(pattern: re.Pattern) -> dict[int, None]:
    """A translate table deleting every character the one-character class `pattern` matches
    (all of ours lie in the Basic Multilingual Plane); read off the regex, so the two agree."""
    return dict.fromkeys(code for code in range(0x10000) if pattern.match(chr(code)))


@lru_cache(maxsize=16)
def _fold_table(options: NormalizeOptions) -> dict[int, str | None]:
    """Every deletion and letter fold `options` asks for, as one translate table. The folds
    touch disjoint letters and none yields a letter another one changes, so one pass equals
    applying them in turn (the small functions above, which `normalize` is tested against)."""
    table: dict[int, str | None] = dict(_deleted_by(INVISIBLES))
    steps = [
        (options.diacritics, _deleted_by(DIACRITICS)),
        (options.tatweel, {ord(TATWEEL): None}),
        (options.persian_letters, PERSIAN_LETTERS),
        (options.alef, ALEF_FORMS),
        (options.hamza_carriers, HAMZA_CARRIERS),
        (options.alef_maqsura, ALEF_MAQSURA),
        (options.taa_marbuta, TAA_MARBUTA),
        (options.digits, DIGITS),
    ]
    for wanted, fold in steps:
        if wanted:
            table.update(fold)
    return table


def normalize(text: str | None, options: NormalizeOptions = DEFAULT) -> str:
    """Apply the folds `options` asks for, with the result of the small functions above applied
    in turn. Hot (every word of every article passes here), so the folds run as one translate."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_fold_table(options))
    if options.lowercase:
        text = text.lower()
    if options.punctuation:
        text = replace_punctuation(text)
    return collapse_spaces(text)


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """Matching normalisation of one word, cached: hot in tag splitting and keyword lookups."""
    return normalize(word, MATCHING)


def tokens(text: str | None) -> list[str]:
    """Normalised word tokens, punctuation dropped: the unit for comparison and indexing."""
    return normalize(text, MATCHING).split()


ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic-script letters (0 when there are no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ARABIC_LETTER.match(ch)) / len(letters)

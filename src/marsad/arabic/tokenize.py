"""Word tokenizer for Arabic news text: punctuation apart, clitics kept on their word.

NER, quotes and keywords work on whitespace words as ANERcorp and Wojood write them
("والرئيس" is one token), so the tokenizer only cuts punctuation off words. It keeps
the characters that belong inside a token: harakat and tatweel ("العـربية"), the
decimal and thousands separators of numbers ("3.5", "٣٫٥", "1,200"), and the
apostrophe or hyphen inside Latin words ("O'Neil", "e-mail"). Every token carries its
character offsets so that entity spans map back onto the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# A number with inner separators: "3.5", "1,200", "٣٫٥", "2017/2018" stays one token
# because ANERcorp and Wojood write dates and amounts that way.
NUMBER = r"\d+(?:[.,٫٬/]\d+)*"
# Harakat, shadda, superscript alef and tatweel: inside a word, never a separator.
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640"
# The Arabic script's blocks (letters, marks, Arabic-Indic digits, presentation forms).
ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# A word: letters and marks of one script; Latin words may carry an inner apostrophe or
# hyphen ("O'Neil", "e-mail"). Digits glued to letters ("F16", "كوفيد19") stay one token;
# an underscore separates ("#عاصي_الحلاني"), and so does a change of script: scraped pages
# glue a Latin word to an Arabic one ("هويديnafezah"), which no name or word is.
# Taa marbuta ends a word: a letter right after it starts the next word, glued on by a
# scraper ("وزير الخارجيةعادل الجبير").
GLUED_AFTER_TAA = "(?<=\u0629)(?=[\u0621-\u063a\u0641-\u064a])"
ARABIC_WORD = (
    rf"(?:(?=[{ARABIC_SCRIPT}])[^\W\d_]|[{MARKS}])"
    rf"(?:(?!{GLUED_AFTER_TAA})(?:(?=[{ARABIC_SCRIPT}])[^\W_]|\d|[{MARKS}]))*"
)
OTHER_WORD = rf"(?![{ARABIC_SCRIPT}])[^\W\d_](?:(?![{ARABIC_SCRIPT}])[^\W_]|['’\-](?=[A-Za-z]))*"
WORD = rf"{ARABIC_WORD}|{OTHER_WORD}"
# Bidi marks, zero-width characters and the BOM: invisible, so never a token of their own.
INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
# Anything else visible is one punctuation token per character ("«", "،", ".").
TOKEN = re.compile(rf"{NUMBER}(?:[^\W\d_][^\W_]*)?|{WORD}|[^\s{INVISIBLE}]")


def unglued(text: str) -> str:
    """`text` with a space wherever a word was glued on after taa marbuta ("وزارةالداخلية")."""
    return re.sub(GLUED_AFTER_TAA, " ", text)


class Token(NamedTuple):
    """A token with its span in the text it came from (text[start:end] == text)."""

    text: str
    start: int
    end: int


def tokenize_spans(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text` with character offsets (shifted by `offset` for sub-strings)."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


def tokenize(text: str) -> list[str]:
    """Tokens of `text` as strings: punctuation separated, clitics attached."""
    return TOKEN.findall(text)


# Proclitics that attach to a word, in order: conjunction, preposition, article. Spelled
# as after `normalize_word` (so "أ" forms are already bare alef).
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل", "ك")
ARTICLE = "ال"
# A remainder shorter than this is not a word ("وب" is not و + ب).
MIN_REMAINDER = 2


def _proclitic_prefixes() -> list[tuple[str, str]]:
    """(written prefix, article) pairs: "لل" is ل + ال with the alef dropped."""
    prefixes = []
    for conj in CONJUNCTIONS:
        for prep in PREPOSITIONS:
            prefixes.append((conj + prep, ""))
            article = "ل" if prep == "ل" else ARTICLE
            prefixes.append((conj + prep + article, ARTICLE))
    return sorted(set(prefixes), key=lambda pair: -len(pair[0]))


PROCLITICS = tuple(_proclitic_prefixes())
# The one-letter proclitics (and, so, with, for, like), for callers that peel a single one.
SINGLE_PROCLITICS = "".join(CONJUNCTIONS + PREPOSITIONS)


@lru_cache(maxsize=200_000)
def proclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """Every reading of a normalised word as (conjunction+preposition, rest with article).

    "وللبنان" reads as ("ول", "البنان") and ("و", "للبنان"): callers pick the reading a
    lexicon knows. The rest keeps its article so "بالعراق" gives "العراق", like the
    word as written alone. The unsplit word is always the last reading. Cached: the NER
    features, the neural tagger's stems and the gazetteer all read each word's splits.
    """
    readings = []
    for written, article in PROCLITICS:
        if not written or not word.startswith(written):
            continue
        rest = word[len(written) :]
        if len(rest) < MIN_REMAINDER:
            continue
        clitics = written[: len(written) - len(article)] if article else written
        readings.append((clitics, article + rest if article else rest))
    readings.append(("", word))
    return tuple(dict.fromkeys(readings))

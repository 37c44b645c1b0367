"""Arabic sentence splitter: cut after . ! ? ؟ ؛ … and at line breaks, keep quotes whole.

NER, quote attribution and summaries need sentence-sized units. Arabic news chains
clauses with the comma "،", so a comma never ends a sentence; the Arabic semicolon
"؛" does, because it separates independent statements in news prose. Closing quotes
and brackets that follow the terminator stay with their sentence ('قال: "انتهى."').
A terminator glued to the next Arabic word still ends the sentence (scraped pages
lose spaces). A period does not end a sentence inside a number ("3.5"), after a one-letter
abbreviation ("د. محمد", "أ.ف.ب"), after a known title abbreviation, or after a Latin
initial spelled in Arabic letters inside a name ("جون إف. كينيدي", "جورج دبليو. بوش").
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Sentence-final punctuation (Latin and Arabic question mark, Arabic semicolon, ellipsis),
# possibly repeated ("?!", "...").
TERMINATOR = "[.!?؟؛…]+"
# Closing quotes and brackets that belong to the sentence they close.
CLOSERS = "[\"'»”’)\\]}]*"
# A sentence ends at a terminator (plus closers) followed by space, or at a line break, or
# where a scraped page lost the space: a terminator between an Arabic word (or its closing
# quote) and the next Arabic word ("«العدوان الروسي».في غضون ذلك").
ARABIC_LETTER = "[\u0621-\u064a]"
BOUNDARY = re.compile(
    rf"{TERMINATOR}{CLOSERS}(?=\s|$)|(?<={ARABIC_LETTER}){TERMINATOR}(?={ARABIC_LETTER})"
    rf"|(?<=[»”\"]){TERMINATOR}(?={ARABIC_LETTER})|\n\s*"
)
# A word before a period that is an abbreviation, not the end of a sentence: one letter
# ("د." for doctor, "أ.ف.ب" agency initials) or a title written short.
ABBREVIATION = re.compile(r"(?:^|[\s.(])(?:[^\W\d_]|Dr|Mr|Mrs|St|No)\.$")
# Latin letters as Arabic writes them in transliterated names ("إف" for F, "دبليو" for W).
LETTER_NAMES = frozenset(
    "إيه ايه بي سي دي إي جي جيه إف اف إتش اتش آي كيه كاي إل إم ام إن أو كيو آر ار إس اس تي يو "
    "في دبليو إكس اكس واي زد".split()
)
# The two words before a period: an initial after a name word is part of the name, while
# a run of letter names is an acronym that may end the sentence ("بي بي سي.").
LAST_TWO_WORDS = re.compile(r"(\S+)\s+(\S+)\.$")


class Sentence(NamedTuple):
    """A sentence with its span in the text (text[start:end] == text)."""

    text: str
    start: int
    end: int


def _is_abbreviation(text: str, cut: int) -> bool:
    """True when the period at text[cut - 1] closes an abbreviation ("د.") or initials."""
    if text[cut - 1] != ".":
        return False
    if ABBREVIATION.search(text[max(0, cut - 6) : cut]):
        return True
    words = LAST_TWO_WORDS.search(text[max(0, cut - 40) : cut])
    if not words:
        return False
    before, initial = words[1], words[2]
    return initial in LETTER_NAMES and before not in LETTER_NAMES and before[-1].isalpha()


def _inside_acronym(text: str, start: int, end: int) -> bool:
    """A glued period after a letter name, or between a short word and a letter name, is inside
    an acronym ("بي.بي.سي", "سي.إن.إن"); "«الروسي».في" ends a sentence."""
    before = re.search(r"\w+$", text[max(0, start - 12) : start])
    after = re.match(r"\w+", text[end : end + 12])
    if before is None:
        return False
    word = before[0].removeprefix("و") if len(before[0]) > 2 else before[0]  # "وإيه.بي.سي"
    return word in LETTER_NAMES or (after is not None and after[0] in LETTER_NAMES and len(word) <= 3)


def _cuts(text: str) -> list[int]:
    """Character offsets where one sentence ends and the next may start."""
    cuts = []
    for match in BOUNDARY.finditer(text):
        end = match.end()
        glued = not match.group()[0].isspace() and end < len(text) and not text[end].isspace()
        if glued and _inside_acronym(text, match.start(), end):
            continue
        if match.group().startswith(".") and len(match.group().rstrip()) == 1:
            if _is_abbreviation(text, match.start() + 1):
                continue
        cuts.append(end)
    return cuts


def split_spans(text: str) -> list[Sentence]:
    """Sentences of `text` with offsets, surrounding whitespace trimmed, empty ones dropped."""
    sentences = []
    start = 0
    for cut in [*_cuts(text), len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            left = start + len(piece) - len(piece.lstrip())
            sentences.append(Sentence(stripped, left, left + len(stripped)))
        start = cut
    return sentences


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` as strings."""
    return [sentence.text for sentence in split_spans(text)]

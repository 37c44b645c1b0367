"""Arabic sentence splitter: cut after . ! ? ؟ ؛ … and at line breaks, keep quotes whole.

NER, quote attribution and summaries need sentence-sized units. Arabic news chains
clauses with the comma "،", so a comma never ends a sentence; the Arabic semicolon
"؛" does, because it separates independent statements in news prose. Closing quotes
and brackets that follow the terminator stay with their sentence ('قال: "انتهى."').
A period does not end a sentence inside a number ("3.5"), after a one-letter
abbreviation ("د. محمد", "أ.ف.ب") or after a known title abbreviation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Sentence-final punctuation (Latin and Arabic question mark, Arabic semicolon, ellipsis),
# possibly repeated ("?!", "...").
TERMINATOR = "[.!?؟؛…]+"
# Closing quotes and brackets that belong to the sentence they close.
CLOSERS = "[\"'»”’)\\]}]*"
# A sentence ends at a terminator (plus closers) followed by space, or at a line break.
BOUNDARY = re.compile(rf"{TERMINATOR}{CLOSERS}(?=\s|$)|\n\s*")
# A word before a period that is an abbreviation, not the end of a sentence: one letter
# ("د." for doctor, "أ.ف.ب" agency initials) or a title written short.
ABBREVIATION = re.compile(r"(?:^|[\s.(])(?:[^\W\d_]|Dr|Mr|Mrs|St|No)\.$")


class Sentence(NamedTuple):
    """A sentence with its span in the text (text[start:end] == text)."""

    text: str
    start: int
    end: int


def _is_abbreviation(text: str, cut: int) -> bool:
    """True when the period at text[cut - 1] closes an abbreviation ("د.") or initials."""
    return text[cut - 1] == "." and ABBREVIATION.search(text[max(0, cut - 6) : cut]) is not None


def _cuts(text: str) -> list[int]:
    """Character offsets where one sentence ends and the next may start."""
    cuts = []
    for match in BOUNDARY.finditer(text):
        end = match.end()
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

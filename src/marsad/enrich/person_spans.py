"""Person names the taggers missed or cut short, completed from two name lists.

Some names neither tagger sees in a given sentence, though both tag them elsewhere. A list
of full names the taggers themselves found again and again in the ANT news corpus
(`train.known_people`, self-training without retraining) marks their untagged occurrences.

The taggers also often tag only the family part of a name they never saw ("أنيسة [بصيري
التبريزي]"): a rare given name in front of a surname looks like any other word. A list
of given names settles it. It is built by `python -m marsad.train.ner` from the
first word of multi-word person names in the training data and in the Hkiri person lexicon
(honorifics such as "السيدة" dropped), minus words the training data mostly tags O, words
with the article and very short words. Both lists load from `marsad.names`.

Where these repairs matter most is a full name as the speaker of quotes or an event's
participant (models/NER.md). No library offers them for Arabic, hence this module.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.arabic.normalize import normalize_word
from marsad.arabic.tokenize import SINGLE_PROCLITICS
from marsad.enrich.ner_features import shipped_lexicon
from marsad.eval.ner import spans
from marsad.names import KnownPeople, shipped_given_names, shipped_known_people

# "عبد الله محمد [الخطيب]": at most two given names are added in front of one span.
MAX_ADDED_WORDS = 2
# "ومحمد" is و + "محمد" when ANT writes "محمد" at least 2**this times as often as "ومحمد"
# ("وسام" and "سام", "وليام" and "ليام" are names of their own: no such gap).
CONJUNCTION_BAND_GAP = 2
# Words of places that begin with their own و, whose remainder is a commoner word ("وادي":
# "ادي" is the verb "أدى" normalised).
OWN_WAW = frozenset(normalize_word(word) for word in "وادي واحة".split())


def stuck_conjunction(word: str) -> bool:
    """True for و glued to a word ANT mostly writes without it ("ومحمد", "وعلي"), by the
    corpus frequency bands of both forms; names that begin with و ("وسام", "وليام") are
    about as frequent as their remainder or more. ف is left out: rare foreign names that
    begin with it ("فلورا", "فلوران") are far rarer than their remainders, yet whole."""
    norm = normalize_word(word)
    if norm in OWN_WAW:
        return False
    return norm.startswith("و") and len(norm) >= 4 and more_frequent(norm[1:], norm, CONJUNCTION_BAND_GAP)


def more_frequent(word: str, than: str, bands: int = 0) -> bool:
    """Whether ANT's frequency band (log2 of its count) of `word` is at least `bands` above
    that of `than`; a word ANT never has is below every word it has."""
    lexicon = shipped_lexicon()
    return lexicon.band(normalize_word(word)) >= lexicon.band(normalize_word(than)) + bands


def add_known_people(
    tokens: Sequence[str], tags: Sequence[str], known: KnownPeople | None = None
) -> list[str]:
    """`tags` plus every run of words that is a known full name ("دونالد ترامب"), longest
    first, where the run is untagged or holds only person words that end inside it (a
    half-tagged "[دونالد] ترامب" comes out whole); the first word may carry a one-letter
    proclitic ("ودونالد")."""
    index = shipped_known_people() if known is None else known
    added = list(tags)
    words = [normalize_word(token) for token in tokens]
    i = 0
    while i < len(words):
        end = _known_name_end(words, i, index) if added[i] in ("O", "B-PER") else None
        if end is not None and _only_people_inside(added, i, end) and "O" in added[i:end]:
            added[i] = "B-PER"
            added[i + 1 : end] = ["I-PER"] * (end - i - 1)
            i = end
        else:
            i += 1
    return added


def _only_people_inside(tags: Sequence[str], start: int, end: int) -> bool:
    """Every tag in [start, end) is O or PER, and no person runs on past `end`."""
    return all(tag in ("O", "B-PER", "I-PER") for tag in tags[start:end]) and (
        end == len(tags) or tags[end] != "I-PER"
    )


def _known_name_end(words: list[str], i: int, index: KnownPeople) -> int | None:
    for first in (words[i], words[i][1:] if words[i][:1] in SINGLE_PROCLITICS else None):
        for name in index.get(first or "", ()):
            if tuple(words[i + 1 : i + len(name)]) == name[1:]:
                return i + len(name)
    return None


def extend_person_spans(
    tokens: Sequence[str], tags: Sequence[str], given_names: frozenset[str] | None = None
) -> list[str]:
    """`tags` with untagged given names right before each PER span moved into it."""
    names = shipped_given_names() if given_names is None else given_names
    extended = list(tags)
    for start, _end, kind in sorted(spans(extended)):
        if kind != "PER":
            continue
        first = start
        while (
            first > 0
            and start - first < MAX_ADDED_WORDS
            and extended[first - 1] == "O"
            and normalize_word(tokens[first - 1]) in names
        ):
            first -= 1
        if first < start:
            extended[first] = "B-PER"
            for i in range(first + 1, start + 1):
                extended[i] = "I-PER"
    return extended

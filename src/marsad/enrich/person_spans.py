"""Person names the CRF missed or cut short, completed with the neural tagger's and a list of
given names.

The CRF knows the names of its 2000s training news; a name of later news is often half
tagged ("[دونالد] ترامب") or not tagged at all. The BiLSTM-CRF (`ner_neural`), with its
character model and word vectors, finds such names more often but invents names elsewhere
(alone it scores 0.325 on Wojood against the CRF's 0.785). So it only completes the CRF:
- where both tag a person, the span is the union of theirs;
- a person only the BiLSTM found is added when it has two words or more, starts with a
  known given name, and the CRF tagged nothing in or next to it ("الرئيس، دونالد ترامب،").
Adding every BiLSTM-only person instead raised ANERcorp test to 0.707 but cut Wojood PER
F1 from .794 to .748.

Some names neither tagger sees in a given sentence, though both tag them elsewhere. A list
of full names the taggers themselves found again and again in the ANT news corpus
(`train.known_people`, self-training without retraining) marks their untagged occurrences.

The CRF also often tags only the family part of a name it never saw ("أنيسة [بصيري
التبريزي]"): a rare given name in front of a surname looks like any other word. A list
of given names settles it. It is built by `python -m marsad.train.ner` from the
first word of multi-word person names in the training data and in the Hkiri person lexicon
(honorifics such as "السيدة" dropped), minus words the training data mostly tags O, words
with the article and very short words; it ships as `models/ner_given_names.txt.gz`.

On the NER test sets the repairs together move micro F1 a little (ANERcorp test
0.692 -> 0.694, CLEANANERCorp 0.547 -> 0.553, Wojood 0.785 -> 0.786); where they matter is
a full name as the speaker of quotes or an event's participant (models/NER.md). No library
offers these repairs for Arabic, hence this module.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.arabic.normalize import normalize_word
from marsad.arabic.tokenize import SINGLE_PROCLITICS
from marsad.enrich.ner_features import shipped_lexicon
from marsad.eval.ner import spans

GIVEN_NAMES_FILE = "ner_given_names.txt.gz"
KNOWN_PEOPLE_FILE = "ner_known_people.txt.gz"
# "عبد الله محمد [الخطيب]": at most two given names are added in front of one span.
MAX_ADDED_WORDS = 2
# "ومحمد" is و + "محمد" when ANT writes "محمد" at least 2**this times as often as "ومحمد"
# ("وسام" and "سام", "وليام" and "ليام" are names of their own: no such gap).
CONJUNCTION_BAND_GAP = 2


def write_names(names: Iterable[str], path: Path) -> None:
    """One normalised name per line, sorted; mtime 0 keeps rebuilds byte-identical."""
    lines = "".join(f"{name}\n" for name in sorted(set(names)))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(lines.encode("utf-8"))


def read_names(path: Path | str) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def shipped_names(file_name: str) -> frozenset[str]:
    folder = resources.files("marsad") / "models"
    if not (folder / file_name).is_file():
        return frozenset()
    with resources.as_file(folder / file_name) as path:
        return read_names(path)


def widen_person_spans(crf_tags: Sequence[str], neural_tags: Sequence[str]) -> list[str]:
    """`crf_tags` with each PER span stretched over the neural PER span that overlaps it,
    where the stretch covers only untagged words."""
    widened = list(crf_tags)
    neural = [(start, end) for start, end, kind in sorted(spans(neural_tags)) if kind == "PER"]
    for start, end, kind in sorted(spans(crf_tags)):
        if kind != "PER":
            continue
        for other_start, other_end in neural:
            if other_start < end and start < other_end and (other_start < start or other_end > end):
                first, last = min(start, other_start), max(end, other_end)
                if all(widened[i] == "O" for i in range(first, last) if not start <= i < end):
                    widened[first] = "B-PER"
                    widened[first + 1 : last] = ["I-PER"] * (last - first - 1)
    return widened


def add_named_people(tokens: Sequence[str], tags: Sequence[str], neural_tags: Sequence[str],
                     given_names: frozenset[str] | None = None) -> list[str]:  # fmt: skip
    """`tags` plus the neural tagger's people of two words or more that start with a known
    given name, where the CRF tagged nothing in or right next to them."""
    names = shipped_given_names() if given_names is None else given_names
    added = list(tags)
    for start, end, kind in sorted(spans(neural_tags)):
        around = range(max(0, start - 1), min(len(added), end + 1))
        if (
            kind == "PER"
            and end - start >= 2
            and normalize_word(tokens[start]) in names
            and all(added[i] == "O" for i in around)
        ):
            added[start] = "B-PER"
            added[start + 1 : end] = ["I-PER"] * (end - start - 1)
    return added


def stuck_conjunction(word: str) -> bool:
    """True for و glued to a word ANT mostly writes without it ("ومحمد", "وعلي"), by the
    corpus frequency bands of both forms; names that begin with و ("وسام", "وليام") are
    about as frequent as their remainder or more. ف is left out: rare foreign names that
    begin with it ("فلورا", "فلوران") are far rarer than their remainders, yet whole."""
    norm = normalize_word(word)
    return norm.startswith("و") and len(norm) >= 4 and more_frequent(norm[1:], norm, CONJUNCTION_BAND_GAP)


def more_frequent(word: str, than: str, bands: int = 0) -> bool:
    """Whether ANT's frequency band (log2 of its count) of `word` is at least `bands` above
    that of `than`; a word ANT never has is below every word it has."""
    lexicon = shipped_lexicon()
    return lexicon.band(normalize_word(word)) >= lexicon.band(normalize_word(than)) + bands


@cache
def shipped_given_names() -> frozenset[str]:
    return shipped_names(GIVEN_NAMES_FILE)


KnownPeople = dict[str, tuple[tuple[str, ...], ...]]  # first word -> names, longest first


@cache
def shipped_known_people() -> KnownPeople:
    """Known full names (`train.known_people`), indexed by their first word."""
    return index_names(shipped_names(KNOWN_PEOPLE_FILE))


def index_names(names: Iterable[str]) -> KnownPeople:
    index: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(name.split())
        index.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in index.items()}


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

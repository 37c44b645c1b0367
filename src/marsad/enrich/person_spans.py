"""Person names the CRF cut short, completed: its PER spans widened to the neural tagger's,
and a known given name right before a span joined to it.

The CRF knows the names of its 2000s training news; a name of later news is often half
tagged ("[دونالد] ترامب"). The BiLSTM-CRF (`ner_neural`), with its character model and
word vectors, finds the whole name more often but invents names elsewhere: where both
tag a person, the span is the union of theirs (ANERcorp test unchanged, CLEANANERCorp
+0.003, Wojood +0.002); spans only the neural model found are not added.

The CRF also often tags only the family part of a name it never saw ("أنيسة [بصيري
التبريزي]"): a rare given name in front of a surname looks like any other word. A list
of given names settles it. It is built by `python -m marsad.train.ner` from the
first word of multi-word person names in the training data and in the Hkiri person lexicon
(honorifics such as "السيدة" dropped), minus words the training data mostly tags O, words
with the article and very short words; it ships as `models/ner_given_names.txt.gz`.

On the NER test sets this repair changes little (ANERcorp test unchanged, CLEANANERCorp
+0.0004); it matters where a full name is the speaker of quotes or an event's participant.
No library offers either repair for Arabic, hence this module.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.arabic.normalize import normalize_word
from marsad.eval.ner import spans

GIVEN_NAMES_FILE = "ner_given_names.txt.gz"
# "عبد الله محمد [الخطيب]": at most two given names are added in front of one span.
MAX_ADDED_WORDS = 2


def write_given_names(names: Iterable[str], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(f"{name}\n" for name in sorted(set(names)))


def read_given_names(path: Path | str) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


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


@cache
def shipped_given_names() -> frozenset[str]:
    with resources.as_file(resources.files("marsad") / "models" / GIVEN_NAMES_FILE) as path:
        return read_given_names(path)


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

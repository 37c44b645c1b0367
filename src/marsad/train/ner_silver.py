"""Silver NER sentences for self-training: ANT sentences on which the two shipped taggers agree.

The CRF (trained on ANERcorp and Wojood) and the BiLSTM-CRF (its own features, word vectors)
make different mistakes, so a sentence both tag identically, with at least one entity, is
right far more often than either tagger alone, except where both miss the same name: a
sentence with a known person's surname left untagged is dropped (`suspect_surnames`). Such
sentences from the 2018 ANT news give the next BiLSTM names and contexts that ANERcorp
(2007) lacks. Articles of the events dev set are left out, as for the known-people list.

The set the shipped BiLSTM was trained on is kept beside this module
(`ner_silver_12000.jsonl.gz`, JSON lines of tokens and tags): it was tagged by the CRF and
the BiLSTM shipped at commit 4ddaf94 (that BiLSTM was itself trained on an earlier set of
4,000 sentences, tagged by the taggers of commit 7494686), and rebuilding it with later
taggers would give another set, so retraining reads the kept file. Other sizes are built
on demand into the work folder. Text: ANT corpus v2.1
(Chouigui, Ben Khiroun, Elayeb, AICCSA 2017 / NLDB 2018; free use with citation). Nothing
of it ships in the package.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import normalize_word
from marsad.arabic.tokenize import SINGLE_PROCLITICS
from marsad.eval.ner import Sentence
from marsad.train.known_people import HELD_OUT_PAGES, ant_texts, sentences_of
from marsad.train.ner import WORK, training_sentences

MIN_TOKENS, MAX_TOKENS = 6, 60
SEED = 7


def suspect_surnames() -> frozenset[str]:
    """Last words of known full names (`ner_known_people`) that the gold training data never
    tags O ("ترامب", "خاشقجي", not "علي" or "التركي"): both taggers often miss such a name
    standing alone, and a silver sentence would then teach the miss."""
    from marsad.names import shipped_known_people

    surnames = {name[-1] for group in shipped_known_people().values() for name in group if len(name[-1]) >= 3}
    train, _ = training_sentences(dev=False)
    outside = {normalize_word(token) for s in train for token, tag in zip(s.tokens, s.tags, strict=True) if tag == "O"}
    return frozenset(surnames - outside)


def has_untagged_surname(sentence: Sentence, surnames: frozenset[str]) -> bool:
    for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
        word = normalize_word(token)
        if tag == "O" and (word in surnames or (word[:1] in SINGLE_PROCLITICS and word[1:] in surnames)):
            return True
    return False


def agreed_sentences(texts: Iterator[str], wanted: int, surnames: frozenset[str] = frozenset(),
                     taggers: tuple[Any, Any] | None = None) -> list[Sentence]:  # fmt: skip
    """Up to `wanted` sentences with an entity on which the CRF and the BiLSTM agree (the
    shipped ones, or `taggers`: a CRF and a BiLSTM), leaving out those where one of
    `surnames` is left untagged."""
    if taggers is None:
        from marsad.enrich.ner import shipped_tagger
        from marsad.enrich.ner_neural import shipped_neural_tagger

        taggers = shipped_tagger(), shipped_neural_tagger()
    crf, neural = taggers
    kept: list[Sentence] = []
    for text in texts:
        sentences = [s for s in sentences_of(text) if MIN_TOKENS <= len(s) <= MAX_TOKENS]
        for tokens, neural_tags in zip(sentences, neural.tag_sentences(sentences), strict=True):
            sentence = Sentence(tokens, neural_tags)
            if (
                any(t != "O" for t in neural_tags)
                and crf(tokens) == neural_tags
                and not has_untagged_surname(sentence, surnames)
            ):
                kept.append(sentence)
        if len(kept) >= wanted:
            break
    return kept[:wanted]


# The shipped BiLSTM's silver set: 12,000 sentences (304k tokens, about twice ANERcorp
# train and the Wojood sample together). 4,000 lifted the BiLSTM's dev-tail F1 from 0.741
# to 0.763, 12,000 to 0.781 (models/NER.md).
KEPT_SIZE = 12000
KEPT = Path(__file__).with_name(f"ner_silver_{KEPT_SIZE}.jsonl.gz")


def read_silver(path: Path) -> list[Sentence]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [Sentence(*json.loads(line)) for line in handle]


def silver_sentences(wanted: int, cache: Path = WORK) -> list[Sentence]:
    """The silver set: the kept one for its size, else built once and kept in `cache`."""
    path = KEPT if wanted == KEPT_SIZE else cache / f"silver_{wanted}.jsonl.gz"
    if path.exists():
        return read_silver(path)
    return build_silver(path, wanted)


def build_silver(path: Path, wanted: int, taggers: tuple[Any, Any] | None = None) -> list[Sentence]:
    """`wanted` agreed sentences from shuffled ANT articles, written to `path`."""
    held_out = {p.stem for p in HELD_OUT_PAGES.glob("*.txt")}
    texts = list(ant_texts(held_out))
    random.Random(SEED).shuffle(texts)
    kept = agreed_sentences(iter(texts), wanted, suspect_surnames(), taggers)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for sentence in kept:
            handle.write(json.dumps([sentence.tokens, sentence.tags], ensure_ascii=False) + "\n")
    return kept

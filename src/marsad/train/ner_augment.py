"""Mention replacement: labelled sentences copied with each name swapped for another of its type.

A tagger trained on 125k tokens learns many names by heart together with their contexts;
on news it never saw (ANERcorp test, other outlets) most persons and organisations are
new names. Copies of the training sentences in which every entity span is replaced by a
span of the same type taken at random from elsewhere in the training data make the same
context carry many names, so the tagger leans more on the context and on the name's shape
(Dai and Adel, "An Analysis of Simple Data Augmentation for Named Entity Recognition",
COLING 2020, call this mention replacement). Only names already in the training data are
used: names from the gazetteers would always light the gazetteer flags, teaching the
tagger that a hit means a name.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from marsad.eval.ner import Sentence, span_tags, spans


def name_pool(sentences: Sequence[Sentence]) -> dict[str, list[list[str]]]:
    """Every entity span of the sentences, as its tokens, by type (repeats kept: common names stay common)."""
    pool: dict[str, list[list[str]]] = {}
    for sentence in sentences:
        for start, end, kind in spans(sentence.tags):
            pool.setdefault(kind, []).append(sentence.tokens[start:end])
    return pool


def replace_mentions(sentence: Sentence, pool: dict[str, list[list[str]]], rng: random.Random) -> Sentence:
    """The sentence with each entity span replaced by a random span of its type from `pool`."""
    tokens: list[str] = []
    tags: list[str] = []
    position = 0
    for start, end, kind in sorted(spans(sentence.tags)):
        tokens += sentence.tokens[position:start]
        tags += sentence.tags[position:start]
        name = rng.choice(pool[kind]) if pool.get(kind) else sentence.tokens[start:end]
        tokens += name
        tags += span_tags(kind, len(name))
        position = end
    tokens += sentence.tokens[position:]
    tags += sentence.tags[position:]
    return Sentence(tokens, tags)


def augmented(sentences: Sequence[Sentence], copies: int, seed: int) -> list[Sentence]:
    """`copies` replaced copies of each sentence that has an entity (sentences without one
    would only repeat themselves)."""
    rng = random.Random(seed)
    pool = name_pool(sentences)
    with_names = [s for s in sentences if spans(s.tags)]
    return [replace_mentions(s, pool, rng) for _ in range(copies) for s in with_names]

"""Mention replacement keeps each sentence's context and tags and swaps only its names."""

import random

from marsad.eval.ner import Sentence, spans
from marsad.train.ner_augment import augmented, name_pool, replace_mentions

SENTENCES = [
    Sentence("قال فلاديمير بوتين في موسكو".split(), ["O", "B-PER", "I-PER", "O", "B-LOC"]),
    Sentence("زار ماكرون باريس أمس".split(), ["O", "B-PER", "B-LOC", "O"]),
    Sentence("ارتفعت الأسعار".split(), ["O", "O"]),
]


def test_pool_holds_every_span_by_type():
    pool = name_pool(SENTENCES)
    assert sorted(map(tuple, pool["PER"])) == [("فلاديمير", "بوتين"), ("ماكرون",)]
    assert sorted(map(tuple, pool["LOC"])) == [("باريس",), ("موسكو",)]


def test_replacement_keeps_context_and_retags_the_new_name():
    pool = {"PER": [["ماكرون"]], "LOC": [["باريس"]]}
    copy = replace_mentions(SENTENCES[0], pool, random.Random(1))
    assert copy.tokens == "قال ماكرون في باريس".split()
    assert copy.tags == ["O", "B-PER", "O", "B-LOC"]


def test_a_longer_name_gets_inside_tags():
    pool = {"PER": [["فلاديمير", "بوتين"]], "LOC": [["موسكو"]]}
    copy = replace_mentions(SENTENCES[1], pool, random.Random(1))
    assert copy.tokens == "زار فلاديمير بوتين موسكو أمس".split()
    assert sorted(spans(copy.tags)) == [(1, 3, "PER"), (3, 4, "LOC")]


def test_copies_skip_sentences_without_names_and_are_reproducible():
    first = augmented(SENTENCES, copies=2, seed=5)
    assert len(first) == 4  # two sentences have names, two copies each
    assert all(spans(s.tags) for s in first)
    assert [s.tokens for s in first] == [s.tokens for s in augmented(SENTENCES, copies=2, seed=5)]
    assert all(len(s.tokens) == len(s.tags) for s in first)

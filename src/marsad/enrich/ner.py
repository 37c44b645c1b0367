"""Arabic named entities (PER, LOC, ORG, MISC) with a CRF trained by `marsad.train.ner`.

    find_entities("التقى الرئيس الفرنسي إيمانويل ماكرون في باريس")
    -> [(20, 33, "PER", "إيمانويل ماكرون"), (37, 42, "LOC", "باريس")]

A linear-chain CRF over clitic-aware, cluster and gazetteer features (see
`ner_features`): it runs on one core at tens of thousands of tokens per second with
no neural runtime. The model and its resources (`models/ner_*`) load on first use.
Scores, data and licences: `models/NER.md`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.arabic.sentences import split_spans
from marsad.arabic.tokenize import tokenize_spans
from marsad.enrich.ner_features import FeatureExtractor, shipped_extractor
from marsad.eval.ner import spans

CRF_FILE = "ner_crf.crfsuite"
ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
# CRF cost grows with sentence length only linearly, but one "sentence" of a page without
# punctuation can be thousands of tokens; tagging it in windows keeps memory flat.
MAX_TOKENS_PER_CALL = 400


class CrfTagger:
    """A CRF model file plus the feature extractor it was trained with."""

    def __init__(self, model_path: Path | str, extractor: FeatureExtractor):
        self.extractor = extractor
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        tags: list[str] = []
        for start in range(0, len(tokens), MAX_TOKENS_PER_CALL):
            chunk = tokens[start : start + MAX_TOKENS_PER_CALL]
            tags.extend(self.tagger.tag(self.extractor.sentence(chunk)))
        return tags


@cache
def shipped_tagger() -> CrfTagger:
    """The tagger shipped in `marsad/models`, loaded on first use (never at import)."""
    with resources.as_file(resources.files("marsad") / "models" / CRF_FILE) as path:
        return CrfTagger(path, shipped_extractor())


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags (B-PER, I-LOC, O ...) for the tokens of one sentence."""
    if not tokens:
        return []
    return shipped_tagger()(tokens)


def find_entities(text: str) -> list[tuple[int, int, str, str]]:
    """Entities in `text` as (char start, char end, type, surface), in text order."""
    found = []
    for sentence in split_spans(text):
        words = tokenize_spans(sentence.text, offset=sentence.start)
        tags = tag_tokens([word.text for word in words])
        for first, last, kind in sorted(spans(tags)):
            start, end = words[first].start, words[last - 1].end
            found.append((start, end, kind, text[start:end]))
    return found

"""The linear-chain CRF tagger: python-crfsuite trains the model, numpy tags with it.

crfsuite's own tagger looks up every feature string of every token, about 35 per token,
on each call. A CRF's score for a tag at a position is a sum of feature weights, and most
features belong to one token seen from one offset (its own features, or a neighbour's at
±1, ±2), so each token's sums are made once per offset and cached; tagging then adds five
cached vectors per token, plus the features that span tokens (stem bigrams, gazetteer
hits), and runs one Viterbi over all the windows of a text at once. The weights are the
model file's and the tags are crfsuite's (a test compares them).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pycrfsuite

from marsad.enrich.ner_features import OFFSETS, WINDOW, FeatureExtractor
from marsad.enrich.ner_neural import viterbi_batch

# CRF cost grows with sentence length only linearly, but one "sentence" of a page without
# punctuation can be thousands of tokens; it is tagged in windows of this many tokens.
MAX_TOKENS_PER_CALL = 400
# Tokens whose summed context weights a tagger keeps (5 x tags floats each).
MAX_CACHED_CONTEXTS = 300_000


class CrfTagger:
    """A crfsuite model file's weights in numpy, plus the feature extractor it was trained with."""

    def __init__(self, model_path: Path | str, extractor: FeatureExtractor):
        model = pycrfsuite.Tagger()
        model.open(str(model_path))
        info = model.info()
        self.labels: list[str] = model.labels()
        label_index = {label: i for i, label in enumerate(self.labels)}
        self.attributes: dict[str, int] = {}
        rows, columns, values = [], [], []
        for (attribute, label), weight in info.state_features.items():
            rows.append(self.attributes.setdefault(attribute, len(self.attributes)))
            columns.append(label_index[label])
            values.append(weight)
        self.state = np.zeros((len(self.attributes), len(self.labels)))
        self.state[rows, columns] = values
        self.transitions = np.zeros((len(self.labels), len(self.labels)))
        for (before, after), weight in info.transitions.items():
            self.transitions[label_index[before], label_index[after]] = weight
        known = frozenset(self.attributes)
        self.extractor = FeatureExtractor(extractor.lexicon, extractor.gazetteer, known=known)
        self.edges = {offset: self._weights(self.extractor.edge_features(offset)) for offset in OFFSETS}
        self.contexts: dict[str, np.ndarray] = {}

    def _weights(self, features: Sequence[str]) -> np.ndarray:
        """Summed weights per tag of features the model knows (the extractor keeps only those)."""
        return self.state[[self.attributes[feature] for feature in features]].sum(axis=0)

    def _context(self, token: str) -> np.ndarray:
        """(2 * WINDOW + 1, tags): the token's summed weights as seen from each offset."""
        if len(self.contexts) >= MAX_CACHED_CONTEXTS:
            self.contexts.clear()
        lists = self.extractor.token_context(token)
        counts = np.array([len(features) for features in lists])
        weights = self.state[[self.attributes[feature] for features in lists for feature in features]]
        if len(weights):
            found = np.add.reduceat(weights, np.minimum(np.cumsum(counts) - counts, len(weights) - 1), axis=0)
            found[counts == 0] = 0.0  # reduceat gives an empty group its next row, not nothing
        else:
            found = np.zeros((len(lists), len(self.labels)))
        self.contexts[token] = found
        return found

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence, every window of every sentence in one Viterbi."""
        windows = [(s, tokens[start : start + MAX_TOKENS_PER_CALL]) for s, tokens in enumerate(sentences)
                   for start in range(0, len(tokens), MAX_TOKENS_PER_CALL)]  # fmt: skip
        tags: list[list[str]] = [[] for _ in sentences]
        if not windows:
            return tags
        lengths = np.array([len(window) for _, window in windows])
        scores = np.zeros((len(windows), lengths.max(), len(self.labels)))
        scores[np.repeat(np.arange(len(windows)), lengths), _positions(lengths)] = self.emissions(
            [window for _, window in windows], lengths
        )
        paths = viterbi_batch(scores, lengths, self.transitions, *np.zeros((2, len(self.labels))))
        for (s, _), path in zip(windows, paths, strict=True):
            tags[s].extend(self.labels[i] for i in path)
        return tags

    def emissions(self, windows: Sequence[Sequence[str]], lengths: np.ndarray) -> np.ndarray:
        """(tokens of all windows, tags): each position's state score."""
        contexts = self.contexts
        around = np.stack([
            found if (found := contexts.get(token)) is not None else self._context(token)
            for window in windows for token in window
        ])  # fmt: skip
        scores = around[:, WINDOW].copy()
        ends = np.repeat(np.cumsum(lengths), lengths)
        starts = ends - np.repeat(lengths, lengths)
        positions = np.arange(len(around))
        for offset in OFFSETS:
            source = positions + offset
            inside = (source >= starts) & (source < ends)
            scores[inside] += around[source[inside], WINDOW + offset]
            scores[(source == starts - 1) | (source == ends)] += self.edges[offset]
        rows, features = [], []
        for first, window in zip(starts[np.cumsum(lengths) - lengths], windows, strict=True):
            for i, spanning in enumerate(self.extractor.sentence_features(window)):
                rows.extend([first + i] * len(spanning))
                features.extend(self.attributes[feature] for feature in spanning)
        np.add.at(scores, rows, self.state[features])
        return scores


def _positions(lengths: np.ndarray) -> np.ndarray:
    """0..n-1 for each length n, concatenated."""
    return np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)

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

from marsad.enrich.ner_features import OFFSETS, WINDOW, FeatureExtractor, feature_name
from marsad.enrich.ner_neural import Partner, viterbi_batch

# CRF cost grows with sentence length only linearly, but one "sentence" of a page without
# punctuation can be thousands of tokens; it is tagged in windows of this many tokens.
MAX_TOKENS_PER_CALL = 400
# Windows tagged together hold at most this many tokens (fewer than the context table's rows).
MAX_TOKENS_PER_GROUP = 20_000
# Tokens whose summed context weights a tagger keeps (5 x tags doubles each: 36 MB).
MAX_CACHED_CONTEXTS = 100_000
NOTHING: dict[str, int] = {}


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
        self.feature_rows, self.feature_table = self._feature_table()
        self.edges = {offset: self._weights(self.extractor.edge_features(offset)) for offset in OFFSETS}
        self.contexts: dict[str, int] = {}  # token -> its row of `table`
        self.table = np.empty((MAX_CACHED_CONTEXTS, 2 * WINDOW + 1, len(self.labels)))

    def _feature_table(self) -> tuple[dict[str, dict[str, int]], np.ndarray]:
        """(name -> value -> row, table): for each word feature the model has, its weights
        as seen from each offset (2 * WINDOW + 1, tags), summed once here, so a new token's
        context is the sum of its features' rows."""
        by_feature = _attributes_by_feature(_attributes_by_part(self.attributes))
        rows: dict[str, dict[str, int]] = {}
        pairs = [
            (name, value, slots) for name, values in by_feature.items() for value, slots in values.items()
        ]
        table = np.zeros((len(pairs), 2 * WINDOW + 1, len(self.labels)))
        for row, (name, value, slots) in enumerate(pairs):
            rows.setdefault(name, {})[value] = row
            for slot, i in slots:
                table[row, slot] += self.state[i]
        return rows, table

    def _weights(self, features: Sequence[str]) -> np.ndarray:
        """Summed weights per tag of features the model knows (the extractor keeps only those)."""
        return self.state[[self.attributes[feature] for feature in features]].sum(axis=0)

    def _add_contexts(self, tokens: Sequence[str]) -> None:
        """Rows of `table` for tokens not seen before: each token's summed weights as seen
        from each offset (2 * WINDOW + 1, tags), the sum of its word features' rows of
        `feature_table`. Features are found by their parts, (name, value), so no feature
        string is made; the sums of all the new tokens are one numpy reduction."""
        ids: list[int] = []
        starts: list[int] = []
        feature_rows, word_features = self.feature_rows, self.extractor.word_features
        for token in tokens:
            starts.append(len(ids))
            ids += [
                row
                for name, value in word_features(token).items()
                if (row := feature_rows.get(name, NOTHING).get(value)) is not None
            ]
        first = len(self.contexts)
        self.contexts.update(zip(tokens, range(first, first + len(tokens)), strict=True))
        rows = self.table[first : first + len(tokens)]
        if not ids:
            rows[:] = 0.0
            return
        ends = np.array([*starts[1:], len(ids)])
        found = np.add.reduceat(self.feature_table[ids], np.minimum(starts, len(ids) - 1))
        found[ends == starts] = 0.0  # reduceat gives an empty group its next row, not nothing
        rows[:] = found

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence, many windows in one Viterbi."""
        windows = [(s, tokens[start : start + MAX_TOKENS_PER_CALL]) for s, tokens in enumerate(sentences)
                   for start in range(0, len(tokens), MAX_TOKENS_PER_CALL)]  # fmt: skip
        groups: list[list[tuple[int, Sequence[str]]]] = [[]]
        size = 0
        for s, window in windows:
            if groups[-1] and size + len(window) > MAX_TOKENS_PER_GROUP:
                groups.append([])
                size = 0
            groups[-1].append((s, window))
            size += len(window)
        tags: list[list[str]] = [[] for _ in sentences]
        for group in filter(None, groups):
            for (s, _), found in zip(group, self._tag_windows([window for _, window in group]), strict=True):
                tags[s].extend(found)
        return tags

    def _tag_windows(self, windows: Sequence[Sequence[str]]) -> list[list[str]]:
        lengths = np.array([len(window) for window in windows])
        no_ends = np.zeros((2, len(self.labels)))
        paths = viterbi_batch(self.padded_scores(windows), lengths, self.transitions, *no_ends)
        return [[self.labels[i] for i in path] for path in paths]

    def padded_scores(self, windows: Sequence[Sequence[str]]) -> np.ndarray:
        """(windows, longest, labels): each position's state score, zeros past a window's end."""
        lengths = np.array([len(window) for window in windows])
        scores = np.zeros((len(windows), lengths.max(), len(self.labels)))
        where = np.repeat(np.arange(len(windows)), lengths), _positions(lengths)
        scores[where] = self.emissions(windows, lengths)
        return scores

    def as_partner(self, tags: Sequence[str]) -> Partner:
        """This CRF's scores and transitions in another tagger's tag order."""
        order = [self.labels.index(tag) for tag in tags]
        return Partner(
            scores=lambda windows: self.padded_scores(windows)[:, :, order],
            transitions=self.transitions[np.ix_(order, order)],
        )

    def emissions(self, windows: Sequence[Sequence[str]], lengths: np.ndarray) -> np.ndarray:
        """(tokens of all windows, tags): each position's state score."""
        contexts, tokens = self.contexts, [token for window in windows for token in window]
        if len(contexts) + len(tokens) > len(self.table):
            contexts.clear()  # so no row read below is overwritten before it is used
        fresh = list(dict.fromkeys(token for token in tokens if token not in contexts))
        if fresh:
            self._add_contexts(fresh)
        rows = [contexts[token] for token in tokens]
        around = self.table[rows]
        scores = around[:, WINDOW].copy()
        firsts = np.cumsum(lengths) - lengths  # where each window starts
        starts = np.repeat(firsts, lengths)  # per token: its window's start and end
        ends = starts + np.repeat(lengths, lengths)
        positions = np.arange(len(around))
        for offset in OFFSETS:
            source = positions + offset
            inside = (source >= starts) & (source < ends)
            scores[inside] += around[source[inside], WINDOW + offset]
            scores[(source == starts - 1) | (source == ends)] += self.edges[offset]
        rows, features = [], []
        for first, window in zip(firsts, windows, strict=True):
            for i, spanning in enumerate(self.extractor.sentence_features(window)):
                rows.extend([first + i] * len(spanning))
                features.extend(self.attributes[feature] for feature in spanning)
        np.add.at(scores, rows, self.state[features])
        return scores


def _positions(lengths: np.ndarray) -> np.ndarray:
    """0..n-1 for each length n, concatenated."""
    return np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)


def _attributes_by_feature(
    parts: dict[int, dict[str, dict[str, int]]],
) -> dict[str, dict[str, tuple[tuple[int, int], ...]]]:
    """feature name -> value -> (row slot of its offset, attribute id) for each offset the
    model has it at: the features a token shows further away are a subset of its own
    (`context_pairs`), and training made attributes only of those."""
    found: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for offset, named in parts.items():
        for name, values in named.items():
            for value, i in values.items():
                found.setdefault(name, {}).setdefault(value, []).append((offset + WINDOW, i))
    return {name: {value: tuple(sorted(pairs)) for value, pairs in values.items()}
            for name, values in found.items()}  # fmt: skip


def _attributes_by_part(attributes: dict[str, int]) -> dict[int, dict[str, dict[str, int]]]:
    """offset -> feature name -> value -> attribute id, for every attribute that is a word
    feature seen at an offset (`feature_name` gives it back exactly)."""
    parts: dict[int, dict[str, dict[str, int]]] = {offset: {} for offset in range(-WINDOW, WINDOW + 1)}
    for attribute, i in attributes.items():
        left, equals, value = attribute.partition("=")
        where, colon, name = left.rpartition(":")
        offset = int(where) if colon and where.lstrip("+-").isdigit() else 0
        if equals and offset in parts and feature_name(offset, name, value) == attribute:
            parts[offset].setdefault(name, {})[value] = i
    return parts

"""Arabic NER with a BiLSTM-CRF whose forward pass and Viterbi run in plain numpy.

    tag_sentences([["زار", "ماكرون", "بيروت"]]) -> [["O", "B-PER", "B-LOC"]]

Each token is read as: the word vector of its normalised form, the word vector of its
stem (proclitics and article taken off, so "وبالقاهرة" meets "قاهره"), a character CNN
over its letters (names never seen in training still look like names), and a few cheap
flags (gazetteer hits by category, word shape, trigger words). A bidirectional LSTM reads
the sentence, a linear layer scores the nine BIO tags and a CRF transition matrix picks
the best valid sequence. Training (torch) lives in `marsad.train.ner_neural`; it exports
the weights to `models/ner_bilstm.npz` and the word vectors to `models/ner_embeddings.npz`,
so tagging needs numpy only. All sentences of a text are tagged in length-sorted batches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from marsad.arabic.normalize import normalize_word
from marsad.arabic.tokenize import proclitic_splits
from marsad.enrich.gazetteer import Gazetteer, shipped_gazetteer, strip_article
from marsad.enrich.ner_features import shape, trigger

MODEL_FILE = "ner_bilstm.npz"
EMBEDDINGS_FILE = "ner_embeddings.npz"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
# Reserved rows of the word and character tables.
PAD, UNK = 0, 1
# Letters a word's character CNN sees; longer words keep their first and last letters,
# where Arabic names carry their clitics and endings.
MAX_CHARS = 20
# Flags per token, in a fixed order the model's input layer depends on.
GAZETTEER_CATEGORIES = ("LOC", "LOC_WEAK", "ORG", "ORG_WEAK", "PER", "PER_WEAK", "CUR", "LANG")
SHAPES = ("A", "d", "dA", "x", "Xx", "X", "M")
TRIGGER_KINDS = ("PER", "ORG", "LOC", "MISC")
SHAPE_COLUMN = 2 * len(GAZETTEER_CATEGORIES)
TRIGGER_COLUMN = SHAPE_COLUMN + len(SHAPES) + 1  # one more shape column: punctuation and the rest
N_FLAGS = TRIGGER_COLUMN + len(TRIGGER_KINDS)
# Encoded tokens kept per tagger; a news day has ~100k distinct tokens.
MAX_CACHED_TOKENS = 300_000
# Distinct tokens whose projected static inputs a tagger keeps (8H floats each: 64 MB).
MAX_PROJECTED_TOKENS = 20_000
# Sentences tagged together; the LSTM's per-step cost is nearly flat in the batch size.
BATCH_SENTENCES = 128
# A "sentence" of thousands of tokens (a page without punctuation) is read in windows.
MAX_TOKENS_PER_WINDOW = 400
# Score that forbids a transition (I-X after O or after another type): finite, so sums stay exact.
FORBIDDEN = -1e4


# -- token encoding (shared with training) ---------------------------------------------------


def allowed_transitions(tags: Sequence[str] = TAGS) -> tuple[np.ndarray, np.ndarray]:
    """(pairs, starts): which tag may follow which in BIO, and which may open a sentence."""

    def can_follow(prev: str, tag: str) -> bool:
        return not tag.startswith("I-") or prev[2:] == tag[2:]

    pairs = np.array([[can_follow(p, t) for t in tags] for p in tags])
    starts = np.array([not t.startswith("I-") for t in tags])
    return pairs, starts


@dataclass
class Token:
    """What a token contributes on its own: word id, stem id, letter ids, shape/trigger column."""

    word: int
    stem: int
    chars: list[int]
    columns: tuple[int, ...]


# The token that fills a batch's short sentences: one object, so caches keyed by token see it once.
PADDING = Token(PAD, PAD, [PAD], ())


@dataclass
class Encoder:
    """Turns tokens into word ids, stem ids, letter ids and flags (token parts cached)."""

    words: Mapping[str, int]
    chars: Mapping[str, int]
    gazetteer: Gazetteer
    cache: dict[str, tuple[str, Token]] = field(default_factory=dict)

    def stem_id(self, norm: str) -> int:
        """The known reading with proclitics and article off; frequent readings win."""
        best = UNK
        for _, rest in proclitic_splits(norm):
            for form in (strip_article(rest), rest):
                found = self.words.get(form, UNK)
                if found != UNK and (best == UNK or found < best):
                    best = found
        return best

    def char_ids(self, norm: str) -> list[int]:
        if len(norm) > MAX_CHARS:
            half = MAX_CHARS // 2
            norm = norm[:half] + norm[-half:]
        return [self.chars.get(ch, UNK) for ch in norm] or [UNK]

    def token(self, token: str) -> tuple[str, Token]:
        """(normalised form, parts) of a token, cached."""
        cached = self.cache.get(token)
        if cached is not None:
            return cached
        if len(self.cache) >= MAX_CACHED_TOKENS:
            self.cache.clear()
        norm = normalize_word(token).replace(" ", "") or token
        kind, cue = shape(token), trigger(strip_article(norm))
        columns = [SHAPE_COLUMN + (SHAPES.index(kind) if kind in SHAPES else len(SHAPES))]
        if cue in TRIGGER_KINDS:
            columns.append(TRIGGER_COLUMN + TRIGGER_KINDS.index(cue))
        parts = Token(self.words.get(norm, UNK), self.stem_id(norm), self.char_ids(norm), tuple(columns))
        self.cache[token] = (norm, parts)
        return norm, parts

    def sentence(self, tokens: Sequence[str]) -> tuple[list[Token], np.ndarray]:
        """The parts of each token, and the (tokens x N_FLAGS) flags with gazetteer hits."""
        read = [self.token(token) for token in tokens]
        flags = np.zeros((len(tokens), N_FLAGS), dtype=np.float32)
        rows = [i for i, (_, parts) in enumerate(read) for _ in parts.columns]
        flags[rows, [column for _, parts in read for column in parts.columns]] = 1
        for start, end, category in self.gazetteer.matches([norm for norm, _ in read]):
            if category in GAZETTEER_CATEGORIES:
                column = 2 * GAZETTEER_CATEGORIES.index(category)
                flags[start, column] = 1
                flags[start + 1 : end, column + 1] = 1
        return [parts for _, parts in read], flags


Encoded = tuple[list[Token], np.ndarray]


@dataclass
class Batch:
    """A batch of B sentences of at most T tokens, over its U distinct tokens (row 0: padding)."""

    index: np.ndarray  # (B, T) row of each position in the per-distinct-token arrays
    words: np.ndarray  # (U,) word id
    stems: np.ndarray  # (U,) stem word id
    chars: np.ndarray  # (U, C) letter ids, PAD after the word
    token_flags: np.ndarray  # (U, N_FLAGS) the flags a token carries alone (shape, trigger)
    flags: np.ndarray  # (B, T, N_FLAGS) every position's flags, gazetteer hits included
    lengths: np.ndarray  # (B,)


def make_batch(encoded: Sequence[Encoded]) -> Batch:
    rows: dict[int, int] = {}
    distinct: list[Token] = [PADDING]
    size, longest = len(encoded), max(len(parts) for parts, _ in encoded)
    index = np.zeros((size, longest), dtype=np.int64)
    flags = np.zeros((size, longest, N_FLAGS), dtype=np.float32)
    for b, (parts, sentence_flags) in enumerate(encoded):
        for t, token in enumerate(parts):
            row = rows.get(id(token))
            if row is None:
                row = rows[id(token)] = len(distinct)
                distinct.append(token)
            index[b, t] = row
        flags[b, : len(parts)] = sentence_flags
    lengths = np.array([len(parts) for parts, _ in encoded], dtype=np.int64)
    return Batch(index, *token_arrays(distinct), flags, lengths)


def token_arrays(tokens: Sequence[Token]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(words (U,), stems (U,), chars (U, C), token flags (U, N_FLAGS)) of tokens: word ids,
    stem ids, letter ids padded with PAD, and the shape and trigger flags."""
    chars = np.zeros((len(tokens), max(len(token.chars) for token in tokens)), dtype=np.int64)
    token_flags = np.zeros((len(tokens), N_FLAGS), dtype=np.float32)
    for row, token in enumerate(tokens):
        chars[row, : len(token.chars)] = token.chars
        token_flags[row, list(token.columns)] = 1
    words = np.array([token.word for token in tokens], dtype=np.int64)
    stems = np.array([token.stem for token in tokens], dtype=np.int64)
    return words, stems, chars, token_flags


# -- numpy forward pass ----------------------------------------------------------------------


def char_cnn(chars: np.ndarray, table: np.ndarray, taps: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Max over letters of a width-k convolution, same padding; `taps` (k, in, out) is torch's
    Conv1d weight (out, in, k) laid out by `prepare`."""
    x = table[chars]  # (N, C, E)
    width = taps.shape[0]
    pad = width // 2
    padded = np.pad(x, ((0, 0), (pad, pad), (0, 0)))
    out = bias + sum(padded[:, k : k + x.shape[1]] @ taps[k] for k in range(width))
    out = np.maximum(out, 0.0)
    out[chars == PAD] = 0.0  # after ReLU every real value is >= 0, so padding never wins the max
    return out.max(axis=1)


def prepare(weights: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """LSTM weights laid out for `bilstm`: the input weights split into the static rows
    (word, stem, letters: projected once per distinct token, both directions side by side,
    with the token's own flags and the bias) and the gazetteer flag rows (one block per
    direction, as are the recurrent weights and the output layer), and the rows of the
    sigmoid gates (i, f, o) halved, so that one tanh serves all four gates: sigmoid(x) =
    (tanh(x / 2) + 1) / 2. Every array is made C-contiguous: stacked transposes keep the
    transposed strides, and numpy's batched matmul over such a (2, H, 4H) operand ran
    about six times slower than over a copy."""
    ready = dict(weights)
    hidden = weights["lstm.weight_hh_l0"].shape[1]
    scale = np.full(4 * hidden, 0.5, dtype=np.float32)
    scale[2 * hidden : 3 * hidden] = 1.0
    directions = ("", "_reverse")
    ih = np.concatenate([(weights[f"lstm.weight_ih_l0{s}"] * scale[:, None]).T for s in directions], axis=1)
    static = ih.shape[0] - N_FLAGS
    ready["ih_static"], ready["ih_flags"] = ih[:static], ih[static:]
    gazetteer = ih[static : static + SHAPE_COLUMN]
    ready["ih_gazetteer"] = np.stack([gazetteer[:, : 4 * hidden], gazetteer[:, 4 * hidden :]])
    bias = [weights[f"lstm.bias_ih_l0{s}"] + weights[f"lstm.bias_hh_l0{s}"] for s in directions]
    ready["b_ih"] = np.concatenate(bias) * np.tile(scale, 2)
    out = weights["out.weight"]
    ready["out_by_direction"] = np.stack([out[:, :hidden].T, out[:, hidden:].T])
    ready["char_taps"] = weights["char_conv.weight"].transpose(2, 1, 0)
    ready["hh"] = np.stack([(weights[f"lstm.weight_hh_l0{s}"] * scale[:, None]).T for s in directions])
    return {name: np.ascontiguousarray(value) for name, value in ready.items()}


def reverse_within(x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each sentence of (B, T, ...) read backwards over its own length; padding stays at the end."""
    steps = x.shape[1]
    positions = lengths[:, None] - 1 - np.arange(steps)[None, :]
    positions = np.where(positions >= 0, positions, np.arange(steps)[None, :])
    return x[np.arange(len(x))[:, None], positions]


def bilstm(inputs: np.ndarray, lengths: np.ndarray, w: Mapping[str, np.ndarray]) -> np.ndarray:
    """Both LSTM directions over their (2, B, T, 4H) input products (`lstm_inputs`) in one
    loop, torch gate order i, f, g, o: (2, B, T, H) states, each direction's in the order it
    read the words (the backward one from each sentence's end).

    Sentences run longest first, so the ones still going at step t are a prefix of the
    batch: each step computes exactly the live rows, as torch's packed sequences do. A
    batch that comes longest first (`NeuralTagger` sorts it so) is not copied to sort it."""
    order = np.argsort(-lengths, kind="stable")
    in_order = bool((order == np.arange(len(order))).all())
    if not in_order:
        inputs, lengths = inputs[:, order], lengths[order]
    hidden, size, steps = w["hh"].shape[1], inputs.shape[1], inputs.shape[2]
    h = np.zeros((2, size, hidden), dtype=np.float32)
    c = np.zeros_like(h)
    out = np.zeros((2, size, steps, hidden), dtype=np.float32)
    running = (np.arange(steps)[None, :] < lengths[:, None]).sum(axis=0)
    for t in range(steps):
        k = running[t]
        squashed = np.tanh(inputs[:, :k, t] + np.matmul(h[:, :k], w["hh"]))
        gate = squashed * 0.5 + 0.5
        c[:, :k] = (
            gate[..., hidden : 2 * hidden] * c[:, :k]
            + gate[..., :hidden] * squashed[..., 2 * hidden : 3 * hidden]
        )
        h[:, :k] = gate[..., 3 * hidden :] * np.tanh(c[:, :k])
        out[:, :k, t] = h[:, :k]
    return out if in_order else out[:, np.argsort(order)]


def token_inputs(words: np.ndarray, stems: np.ndarray, chars: np.ndarray, token_flags: np.ndarray,
                 w: Mapping[str, np.ndarray], vectors: np.ndarray) -> np.ndarray:  # fmt: skip
    """Each token's word vector, stem vector, letter CNN and own flags (`token_arrays`) times
    the LSTM's input weights, plus the bias, both directions: (U, 8H). A token's row never
    depends on its sentence, so a tagger can keep it (`ProjectionCache`); only gazetteer
    hits, which depend on the words around, are added per position (`lstm_inputs`)."""
    letters = char_cnn(chars, w["char_embed.weight"], w["char_taps"], w["char_conv.bias"])
    static = np.concatenate([vectors[words], vectors[stems], letters], axis=1).astype(np.float32)
    return static @ w["ih_static"] + token_flags @ w["ih_flags"] + w["b_ih"]


def lstm_inputs(projected: np.ndarray, index: np.ndarray, flags: np.ndarray, lengths: np.ndarray,
                w: Mapping[str, np.ndarray]) -> np.ndarray:  # fmt: skip
    """(2, B, T, 4H), per direction: each position's token row of `projected`
    (`token_inputs`; `index` (B, T) says which), plus the weights of its gazetteer hits
    (few positions have one). The backward direction's rows run from each sentence's last
    word, as `bilstm` reads them."""
    gates = w["hh"].shape[2]
    both = np.empty((2, *index.shape, gates), dtype=np.float32)
    both[0] = projected[index, :gates]  # np.take would copy all of `projected` first
    both[1] = projected[reverse_within(index, lengths), gates:]
    hits = flags[..., :SHAPE_COLUMN]
    sentence, position = np.nonzero(hits.any(axis=2))
    found = hits[sentence, position]
    both[0, sentence, position] += found @ w["ih_gazetteer"][0]
    both[1, sentence, lengths[sentence] - 1 - position] += found @ w["ih_gazetteer"][1]
    return both


def emissions(batch: Batch, w: Mapping[str, np.ndarray], vectors: np.ndarray) -> np.ndarray:
    """Tag scores (B, T, tags) of a batch (`w` from `prepare`): the forward pass without the CRF."""
    projected = token_inputs(batch.words, batch.stems, batch.chars, batch.token_flags, w, vectors)
    inputs = lstm_inputs(projected, batch.index, batch.flags, batch.lengths, w)
    return tag_scores(bilstm(inputs, batch.lengths, w), batch.lengths, w)


def tag_scores(states: np.ndarray, lengths: np.ndarray, w: Mapping[str, np.ndarray]) -> np.ndarray:
    """The output layer over both directions' states (`bilstm`): each direction's share of
    the scores, the backward one's put back in word order (9 columns to move, not 2H)."""
    forward, backward = (states[d] @ w["out_by_direction"][d] for d in (0, 1))
    return forward + reverse_within(backward, lengths) + w["out.bias"]


def viterbi_batch(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray, start: np.ndarray,
                  end: np.ndarray) -> list[list[int]]:  # fmt: skip
    """Best tag paths of a batch: scores (B, T, tags), transitions[prev, next], or one matrix
    (and start and end row) per sentence: (B, tags, tags), (B, tags). Sentences run longest
    first, so each step scores only the ones still going (a prefix); past its length a
    sentence takes identity steps, so every path is read back from step T-1."""
    order = np.argsort(-lengths, kind="stable")
    scores = scores[order]
    if transitions.ndim == 3:
        transitions, start, end = transitions[order], start[order], end[order]
    size, steps, tags = scores.shape
    best = start + scores[:, 0]
    back = np.broadcast_to(np.arange(tags), (size, steps, tags)).copy()
    running = (np.arange(steps)[None, :] < lengths[order][:, None]).sum(axis=0)
    for t in range(1, steps):
        k = running[t]
        total = best[:k, :, None] + (transitions[:k] if transitions.ndim == 3 else transitions)
        back[:k, t] = total.argmax(axis=1)
        best[:k] = total.max(axis=1) + scores[:k, t]
    path = np.empty((size, steps), dtype=np.int64)
    path[:, -1] = (best + end).argmax(axis=1)
    rows = np.arange(size)
    for t in range(steps - 1, 0, -1):
        path[:, t - 1] = back[rows, t, path[:, t]]
    path[order] = path.copy()
    return [path[b, :n].tolist() for b, n in enumerate(lengths)]


def viterbi(scores: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best tag path of one sentence: scores (T, tags)."""
    return viterbi_batch(scores[None], np.array([len(scores)]), transitions, start, end)[0]


# -- the tagger ------------------------------------------------------------------------------


class ProjectionCache:
    """The LSTM inputs (`token_inputs`) of tokens seen before, kept across batches.

    Projecting a token's word vector, stem vector and letters through the LSTM's input
    weights is most of the forward pass's arithmetic, and the same few thousand words fill
    most of every article; the row depends on the token alone, so it is made once. Rows are
    keyed by the encoder's cached `Token` objects, which the cache holds, so an id is never
    reused while its row is kept; the cache empties when full."""

    def __init__(self, w: Mapping[str, np.ndarray], vectors: np.ndarray,
                 capacity: int = MAX_PROJECTED_TOKENS):  # fmt: skip
        self.w, self.vectors = w, vectors
        self.table = np.empty((capacity, w["ih_static"].shape[1]), dtype=np.float32)
        self.slots: dict[int, tuple[Token, int]] = {}

    def lstm_inputs(self, encoded: Sequence[Encoded]) -> tuple[np.ndarray, np.ndarray]:
        """(2, B, T, 4H) `lstm_inputs` of encoded sentences, and their lengths: as `emissions`
        makes them from a `Batch`, with the rows of tokens seen before taken from the table."""
        lengths = np.array([len(parts) for parts, _ in encoded], dtype=np.int64)
        if lengths.sum() >= len(self.table):  # more tokens than the table holds
            batch = make_batch(encoded)
            projected = token_inputs(
                batch.words, batch.stems, batch.chars, batch.token_flags, self.w, self.vectors
            )
            return lstm_inputs(projected, batch.index, batch.flags, lengths, self.w), lengths
        if len(self.slots) + lengths.sum() >= len(self.table):
            self.slots.clear()
        if not self.slots:
            self.table[0] = 0.0  # padding
            self.slots[id(PADDING)] = (PADDING, 0)
        index = np.zeros((len(encoded), lengths.max()), dtype=np.int64)
        flags = np.zeros((*index.shape, N_FLAGS), dtype=np.float32)
        fresh: list[Token] = []
        first, slots, rows = len(self.slots), self.slots, []
        for parts, _ in encoded:
            for token in parts:
                entry = slots.get(id(token))
                if entry is None:
                    entry = slots[id(token)] = (token, first + len(fresh))
                    fresh.append(token)
                rows.append(entry[1])
        filled = np.arange(index.shape[1]) < lengths[:, None]  # row-major, as `rows` runs
        index[filled] = rows
        flags[filled] = np.concatenate([sentence_flags for _, sentence_flags in encoded])
        if fresh:
            self.table[first : first + len(fresh)] = token_inputs(*token_arrays(fresh), self.w, self.vectors)
        return lstm_inputs(self.table, index, flags, lengths, self.w), lengths


@dataclass(frozen=True)
class Partner:
    """Another linear-chain tagger read together with this one (`NeuralTagger.tag_with`): its
    state scores for a batch of windows, (B, T, tags) in this tagger's tag order and zero past
    a window's end, and its transitions (no start or end scores)."""

    scores: Callable[[Sequence[Sequence[str]]], np.ndarray]
    transitions: np.ndarray


class NeuralTagger:
    """Weights from `ner_bilstm.npz`, word vectors from `ner_embeddings.npz`, and the gazetteer."""

    def __init__(self, weights: Mapping[str, np.ndarray], words: Sequence[str], vectors: np.ndarray,
                 gazetteer: Gazetteer):  # fmt: skip
        self.weights = prepare({name: np.asarray(value, dtype=np.float32) for name, value in weights.items()
                                if name not in ("chars", "tags", "vectors")})  # fmt: skip
        self.tags = [str(t) for t in weights["tags"]] if "tags" in weights else list(TAGS)
        chars = {ch: i for i, ch in enumerate(str(weights["chars"]))} if "chars" in weights else {}
        # A model trained with tuned word vectors (`--tune-vectors`) carries its own, same rows.
        self.vectors = np.asarray(weights.get("vectors", vectors), dtype=np.float32)
        self.encoder = Encoder({word: i for i, word in enumerate(words)}, chars, gazetteer)
        self.projections = ProjectionCache(self.weights, self.vectors)

    @classmethod
    def load(cls, model: Path | str, embeddings: Path | str, gazetteer: Gazetteer) -> NeuralTagger:
        with np.load(model) as saved:
            weights = dict(saved)
        words, vectors = read_embeddings(embeddings)
        return cls(weights, words, vectors, gazetteer)

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_sentences([list(tokens)])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for many sentences at once, batched by length. BLAS runs on one thread:
        these matrices are small, and a second BLAS thread only spins against the other
        pipeline workers (on 2 cores it doubled the CPU time of a page)."""
        with blas_controller().limit(limits=1, user_api="blas"):
            return self._tag_sentences(sentences, None, 0.0)[0]

    def tag_with(
        self, sentences: Sequence[Sequence[str]], partner: Partner, weight: float
    ) -> tuple[list[list[str]], ...]:
        """(this tagger's tags, the partner's own, the tags of one Viterbi over this tagger's
        scores and transitions plus `weight` times the partner's): a product of two
        linear-chain models, with both alone, from one pass over each."""
        with blas_controller().limit(limits=1, user_api="blas"):
            return self._tag_sentences(sentences, partner, weight)

    def _tag_sentences(
        self, sentences: Sequence[Sequence[str]], partner: Partner | None, weight: float
    ) -> tuple[list[list[str]], ...]:
        windows = [(s, start) for s, tokens in enumerate(sentences)
                   for start in range(0, len(tokens), MAX_TOKENS_PER_WINDOW)]  # fmt: skip
        # longest first, as `bilstm` reads a batch
        windows.sort(key=lambda item: -len(sentences[item[0]][item[1] : item[1] + MAX_TOKENS_PER_WINDOW]))
        readings: list[dict[tuple[int, int], list[str]]] = [{} for _ in range(1 if partner is None else 3)]
        for first in range(0, len(windows), BATCH_SENTENCES):
            group = windows[first : first + BATCH_SENTENCES]
            texts = [sentences[s][start : start + MAX_TOKENS_PER_WINDOW] for s, start in group]
            for pieces, found in zip(readings, self._tag_batch(texts, partner, weight), strict=True):
                pieces.update(zip(group, found, strict=True))
        tagged = []
        for pieces in readings:
            tags: list[list[str]] = [[] for _ in sentences]
            for (s, _), found in sorted(pieces.items()):
                tags[s].extend(found)
            tagged.append(tags)
        return tuple(tagged)

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return self._tag_batch(sentences, None, 0.0)[0]

    def _tag_batch(
        self, sentences: Sequence[Sequence[str]], partner: Partner | None, weight: float
    ) -> list[list[list[str]]]:
        encoded = [self.encoder.sentence(tokens) for tokens in sentences]
        inputs, lengths = self.projections.lstm_inputs(encoded)
        w = self.weights
        scores = tag_scores(bilstm(inputs, lengths, w), lengths, w)
        if partner is None:
            paths = viterbi_batch(scores, lengths, w["crf.transitions"], w["crf.start"], w["crf.end"])
            return [[[self.tags[i] for i in path] for path in paths]]
        # the three readings as one batch of lattices, so one Viterbi loop reads them all
        other = partner.scores(sentences)
        transitions = np.stack(
            [w["crf.transitions"], partner.transitions, w["crf.transitions"] + weight * partner.transitions]
        )
        starts = np.stack([w["crf.start"], np.zeros(len(self.tags)), w["crf.start"]])
        ends = np.stack([w["crf.end"], np.zeros(len(self.tags)), w["crf.end"]])
        reading = np.repeat(np.arange(3), len(sentences))
        paths = viterbi_batch(
            np.concatenate([scores, other, scores + weight * other]),
            np.tile(lengths, 3),
            transitions[reading],
            starts[reading],
            ends[reading],
        )
        size = len(sentences)
        return [[[self.tags[i] for i in path] for path in paths[r * size : (r + 1) * size]] for r in range(3)]


def read_embeddings(path: Path | str) -> tuple[list[str], np.ndarray]:
    """(words, vectors) of an embeddings file; row i of vectors belongs to words[i]."""
    with np.load(path) as saved:
        words = bytes(saved["words"]).decode("utf-8").split("\n")
        return words, saved["vectors"]


def write_embeddings(path: Path | str, words: Sequence[str], vectors: np.ndarray) -> None:
    """Words as one UTF-8 blob (a fixed-width string array would be 4x larger), vectors float16."""
    blob = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(path, words=blob, vectors=vectors.astype(np.float16))


def shipped_files_present() -> bool:
    folder = resources.files("marsad") / "models"
    return (folder / MODEL_FILE).is_file() and (folder / EMBEDDINGS_FILE).is_file()


@cache
def blas_controller() -> ThreadpoolController:
    return ThreadpoolController()


@cache
def shipped_neural_tagger() -> NeuralTagger:
    """The BiLSTM-CRF shipped in `marsad/models`, loaded on first use (never at import)."""
    folder = resources.files("marsad") / "models"
    with (
        resources.as_file(folder / MODEL_FILE) as model,
        resources.as_file(folder / EMBEDDINGS_FILE) as vectors,
    ):
        return NeuralTagger.load(model, vectors, shipped_gazetteer())

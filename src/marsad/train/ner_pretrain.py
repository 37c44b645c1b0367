"""Experiment: the BiLSTM-CRF's encoder first reads ANT as a two-way language model.

The tagger learns from about 125k labelled tokens, while ANT holds 8M unlabelled ones.
Before the tagging epochs, the forward half of the BiLSTM learns to guess the next word
and the backward half the previous one (among the most frequent ANT words), so the letter
CNN and the LSTM start from weights that have read news text rather than from noise: the
idea of Dai & Le (2015) and, with separate language models, Peters et al. (2017). The
language-model heads are thrown away afterwards; the shipped model has the same shape.

    marsad train ner --neural --dev --pretrain 20      # 20 minutes of ANT first
"""

from __future__ import annotations

import gzip
import json
import random
import time
from collections.abc import Iterator
from typing import Any

from rich.console import Console

from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenize import tokenize
from marsad.enrich.ner_neural import PAD, UNK, Encoder, make_batch
from marsad.train.ner_neural import CLIP, tensors

# Targets are the most frequent words (rows 2.. of the frequency-ordered vector table);
# every other word is one shared class. An adaptive softmax (Grave et al. 2017) keeps the
# rarer targets cheap: the first cutoff words are scored in full, the rest in smaller clusters.
LM_WORDS, CUTOFFS = 10_000, [1_000, 4_000]
# Sentences are cut into windows of at most this many tokens; shorter ones are skipped.
WINDOW, MIN_TOKENS = 40, 5
LM_BATCH, LM_LEARNING_RATE = 32, 2e-3
console = Console(stderr=True)


def ant_windows(path: Any, limit: int, seed: int) -> list[list[str]]:
    """Up to `limit` token windows of ANT sentences, shuffled."""
    windows: list[list[str]] = []
    for tokens in _ant_sentences(path):
        for first in range(0, len(tokens), WINDOW):
            window = tokens[first : first + WINDOW]
            if len(window) >= MIN_TOKENS:
                windows.append(window)
        if len(windows) >= limit:
            break
    random.Random(seed).shuffle(windows)
    return windows


def _ant_sentences(path: Any) -> Iterator[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            for paragraph in (article.get("text") or "").split("\n"):
                for sentence in split_sentences(paragraph):
                    yield tokenize(sentence)


def pretrain(torch: Any, model: Any, encoder: Encoder, windows: list[list[str]], minutes: float,
             word_dropout: float) -> None:  # fmt: skip
    """Train `model`'s letters and LSTM as a two-way language model for `minutes`."""
    nn = torch.nn
    hidden = model.lstm.hidden_size
    heads = nn.ModuleDict({
        direction: nn.AdaptiveLogSoftmaxWithLoss(hidden, LM_WORDS + 1, CUTOFFS, div_value=4.0)
        for direction in ("next", "previous")
    })  # fmt: skip
    trained = [p for p in model.parameters() if p.requires_grad] + list(heads.parameters())
    optimiser = torch.optim.Adam(trained, lr=LM_LEARNING_RATE)

    def loss_of(head: Any, states: Any, targets: Any) -> Any:
        states, targets = states.reshape(-1, hidden), targets.reshape(-1)
        kept = targets >= 0
        return head(states[kept], targets[kept]).loss

    deadline = time.monotonic() + 60 * minutes
    model.train()
    seen = steps = 0
    total = 0.0
    for first in range(0, len(windows), LM_BATCH):
        if time.monotonic() > deadline:
            break
        encoded = [encoder.sentence(window) for window in windows[first : first + LM_BATCH]]
        inputs = tensors(torch, encoded, word_dropout)
        batch = make_batch(encoded)
        ids = torch.tensor(batch.words[batch.index])
        targets = torch.where((ids > UNK) & (ids < LM_WORDS + 2), ids - 2, torch.full_like(ids, LM_WORDS))
        targets = torch.where(ids == PAD, torch.full_like(ids, -1), targets)
        states = model.dropout(model.encode(*inputs))
        forward, backward = states[:, :-1, :hidden], states[:, 1:, hidden:]
        loss = loss_of(heads["next"], forward, targets[:, 1:])
        loss = loss + loss_of(heads["previous"], backward, targets[:, :-1])
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trained, CLIP)
        optimiser.step()
        steps += 1
        seen += int(batch.lengths.sum())
        total += loss.item()
        if steps % 500 == 0:
            console.print(f"language model: {seen:,} tokens, loss {total / 500:.3f}", highlight=False)
            total = 0.0
    model.eval()
    console.print(f"language model: read {seen:,} ANT tokens in {steps:,} batches", highlight=False)

"""Train the BiLSTM-CRF NER tagger (torch) and export it for numpy inference.

    marsad train ner --neural            # word vectors, train, export to src/marsad/models, score
    marsad train ner --neural --dev      # train on ANERcorp train minus its dev tail, score the tail

Labelled data: ANERcorp train (CAMeL Lab split, CC BY-SA 4.0) and the Wojood sample's
train+val part (MIT), as for the CRF; the last sentences of ANERcorp train (`DEV_SHARE`)
are the dev tail the recipe was chosen on. Silver data: 12,000 ANT sentences two earlier
taggers agreed on (`train/ner_silver.py`). Unlabelled data: word2vec
vectors of the ANT v2.1 news corpus (citation licence), the same run the CRF's word
clusters come from, capped to the `VOCABULARY` most frequent normalised words and stored
as float16. SaudiNewsNet is left out: its non-commercial licence would follow the
shipped vectors. Needs the `train` extra (torch, gensim); tagging does not.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.enrich.gazetteer import shipped_gazetteer
from marsad.enrich.ner_neural import (
    EMBEDDINGS_FILE,
    FORBIDDEN,
    MODEL_FILE,
    N_FLAGS,
    PAD,
    TAGS,
    UNK,
    Encoder,
    NeuralTagger,
    allowed_transitions,
    make_batch,
    read_embeddings,
    write_embeddings,
)
from marsad.eval.ner import Sentence, read_conll, report, score_tagger
from marsad.train.ner import (
    ANT,
    MIN_COUNT,
    MODELS,
    TEST_SETS,
    VECTOR_SIZE,
    W2V_WINDOW,
    WOJOOD,
    WORK,
    ant_paragraphs,
    console,
    read_wojood,
    train_vectors,
    training_sentences,
)
from marsad.train.ner_augment import augmented
from marsad.train.ner_silver import KEPT_SIZE, read_silver, silver_sentences

# Words with a vector: the most frequent normalised ANT words. 50k covers ~97% of news
# tokens and keeps the float16 table near 10 MB.
VOCABULARY = 50_000
# Letters seen fewer times in training share the unknown row.
MIN_CHAR_COUNT = 2
# Model sizes: a 50-filter width-3 character CNN and 100 LSTM units per direction
# are the usual sizes for a corpus of this size (~125k tokens).
CHAR_DIM, CHAR_FILTERS, CHAR_WIDTH, HIDDEN = 32, 50, 3, 100
# Training: dropout on the LSTM input and output, and whole-word dropout (a known word
# read as unknown) so the tagger leans on letters and context for names it never saw.
DROPOUT, WORD_DROPOUT = 0.5, 0.05
BATCH, LEARNING_RATE, MAX_EPOCHS, PATIENCE = 16, 2e-3, 30, 5
# The shipped model is the mean of the last epochs' weights: dev F1 wanders by ±0.005 from
# one epoch to the next late in training, and the mean of the last 10 of 30 beat every
# single epoch on the dev tail (0.763 against 0.761 at best, 0.756 for the last).
AVERAGED_EPOCHS = 10
# The labelled sentences (about 5,000) are read twice per epoch against the 12,000 silver
# ones, so the silver set does not outweigh them. Dev tail, in use: 0.806 / 0.798 on seeds
# 13 / 2, against 0.795 / 0.799 read once: the same within seed noise.
GOLD_COPIES = 2
# Gradient norm cap: LSTM gradients spike on the few very long ANERcorp sentences.
CLIP = 5.0
SEED = 13
# With --tune-vectors, the word vectors learn at this share of the learning rate, so words
# seen in training move a little without drifting away from the unseen ones.
TUNED_VECTORS_LR = 0.1
# With --pretrain, at most this many ANT windows are read (about 8M tokens: all of ANT).
PRETRAIN_WINDOWS = 400_000


def load_dev_run(model: Path) -> NeuralTagger:
    """A dev run's BiLSTM (`--dev --out DIR`), with the word vectors it rebuilt beside it
    (`--vocabulary`, `--new-vectors`), else the shipped ones."""
    beside = model.parent / EMBEDDINGS_FILE
    vectors = beside if beside.exists() else MODELS / EMBEDDINGS_FILE
    return NeuralTagger.load(model, vectors, shipped_gazetteer())


def require_torch() -> Any:
    try:
        import torch
    except ImportError as error:
        raise SystemExit(
            "marsad train ner --neural needs torch (CPU build): pip install 'marsad[train]'"
        ) from error
    return torch


# -- data ------------------------------------------------------------------------------------


def embeddings(path: Path, rebuild: bool, size: int = VOCABULARY) -> tuple[list[str], np.ndarray]:
    """The ANT word vectors, capped at `size` words (rows 0 and 1 are padding and unknown, both zero)."""
    if path.exists() and not rebuild:
        return read_embeddings(path)
    cached = WORK / f"ant_w2v_{VECTOR_SIZE}d_w{W2V_WINDOW}_m{MIN_COUNT}.npz"  # shared with the CRF's clusters
    vectors = train_vectors([] if cached.exists() else list(ant_paragraphs()), cached)
    words = list(vectors)[:size]  # gensim keeps its words most frequent first
    matrix = np.zeros((len(words) + 2, VECTOR_SIZE), dtype=np.float32)
    matrix[2:] = np.stack([vectors[w] for w in words])
    words = ["<pad>", "<unk>", *words]
    write_embeddings(path, words, matrix)
    return words, matrix.astype(np.float16)


def char_alphabet(sentences: Sequence[Sentence]) -> str:
    """Letters of the training words, most frequent first, after the two reserved slots."""
    from marsad.arabic.normalize import normalize_word

    counts = Counter(ch for s in sentences for token in s.tokens for ch in normalize_word(token))
    kept = [ch for ch, n in counts.most_common() if n >= MIN_CHAR_COUNT and ch not in "\x00\x01"]
    return "\x00\x01" + "".join(kept)


def build_model(torch: Any, vectors: np.ndarray, n_chars: int, tune_vectors: bool = False,
                hidden: int = HIDDEN) -> Any:  # fmt: skip
    nn = torch.nn

    class Crf(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            size = len(TAGS)
            pairs, starts = allowed_transitions()
            self.transitions = nn.Parameter(torch.zeros(size, size))
            self.start = nn.Parameter(torch.zeros(size))
            self.end = nn.Parameter(torch.zeros(size))
            self.register_buffer(
                "pair_mask", torch.tensor(np.where(pairs, 0.0, FORBIDDEN), dtype=torch.float32)
            )
            self.register_buffer(
                "start_mask", torch.tensor(np.where(starts, 0.0, FORBIDDEN), dtype=torch.float32)
            )

        def scores(self) -> tuple[Any, Any]:
            return self.transitions + self.pair_mask, self.start + self.start_mask

        def nll(self, emissions: Any, tags: Any, mask: Any) -> Any:
            """Mean negative log-likelihood of the gold paths (emissions B x T x K).

            35 ANERcorp train sentences have an I- tag after O or another type (39 tokens);
            their gold path takes a FORBIDDEN step, which adds a constant ~1e4 to the
            printed loss (about 100 per sentence on average) but not to its gradient."""
            transitions, start = self.scores()
            size, steps = tags.shape
            rows = torch.arange(size)
            gold = start[tags[:, 0]] + emissions[rows, 0, tags[:, 0]]
            alpha = start + emissions[:, 0]
            for t in range(1, steps):
                live = mask[:, t]
                step_gold = transitions[tags[:, t - 1], tags[:, t]] + emissions[rows, t, tags[:, t]]
                gold = gold + step_gold * live
                nxt = torch.logsumexp(alpha[:, :, None] + transitions[None], dim=1) + emissions[:, t]
                alpha = torch.where(live[:, None] > 0, nxt, alpha)
            last = tags[rows, mask.sum(1).long() - 1]
            gold = gold + self.end[last]
            return (torch.logsumexp(alpha + self.end, dim=1) - gold).mean()

    class BiLstmCrf(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            table = torch.tensor(np.asarray(vectors, dtype=np.float32))
            if tune_vectors:
                self.vectors = nn.Parameter(table)
            else:
                self.register_buffer("vectors", table)
            self.char_embed = nn.Embedding(n_chars, CHAR_DIM, padding_idx=PAD)
            self.char_conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, CHAR_WIDTH, padding=CHAR_WIDTH // 2)
            width = 2 * self.vectors.shape[1] + CHAR_FILTERS + N_FLAGS
            self.lstm = nn.LSTM(width, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(TAGS))
            self.crf = Crf()
            self.dropout = nn.Dropout(DROPOUT)

        def letters(self, chars: Any) -> Any:
            conv = torch.relu(self.char_conv(self.char_embed(chars).transpose(1, 2))).transpose(1, 2)
            return conv.masked_fill((chars == PAD)[:, :, None], 0.0).max(dim=1).values

        def encode(self, index: Any, words: Any, stems: Any, chars: Any, flags: Any, lengths: Any) -> Any:
            """The BiLSTM's states (B x T x 2H): forward half first."""
            static = torch.cat([self.vectors[words], self.vectors[stems], self.letters(chars)], dim=1)
            x = torch.cat([static[index], flags], dim=2)
            packed = nn.utils.rnn.pack_padded_sequence(self.dropout(x), lengths, batch_first=True,
                                                       enforce_sorted=False)  # fmt: skip
            out, _ = self.lstm(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=index.shape[1])
            return out

        def forward(self, *inputs: Any) -> Any:
            return self.out(self.dropout(self.encode(*inputs)))

    return BiLstmCrf()


def tensors(torch: Any, encoded: list, word_dropout: float = 0.0) -> tuple[Any, ...]:
    """Model inputs of a batch; with `word_dropout`, that share of distinct tokens loses its word ids."""
    batch = make_batch(encoded)
    words, stems = batch.words, batch.stems
    if word_dropout:
        drop = np.random.random(words.shape) < word_dropout
        words, stems = np.where(drop & (words > PAD), UNK, words), np.where(drop & (stems > PAD), UNK, stems)
    arrays = (batch.index, words, stems, batch.chars, batch.flags, batch.lengths)
    return tuple(torch.tensor(a) for a in arrays)


def export(model: Any, chars: str) -> dict[str, np.ndarray]:
    """The weights numpy inference reads: CRF scores with the BIO constraints baked in.
    Word vectors are included only when training tuned them (`--tune-vectors`)."""
    skipped = {"crf.pair_mask", "crf.start_mask"}
    if not model.vectors.requires_grad:
        skipped.add("vectors")
    weights = {name: value.detach().numpy().copy() for name, value in model.state_dict().items()
               if name not in skipped}  # fmt: skip
    transitions, start = model.crf.scores()
    weights["crf.transitions"], weights["crf.start"] = transitions.detach().numpy(), start.detach().numpy()
    weights["chars"], weights["tags"] = np.array(chars), np.array(TAGS)
    return weights


# -- training loop ---------------------------------------------------------------------------


def average_weights(epochs: Sequence[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The mean of several epochs' weights (the alphabet and tag arrays are the same in each)."""
    last = epochs[-1]
    return {
        name: np.mean([weights[name] for weights in epochs], axis=0).astype(value.dtype)
        if value.dtype.kind == "f" else value
        for name, value in last.items()
    }  # fmt: skip


def micro_f1(tagger: NeuralTagger, sentences: Sequence[Sentence]) -> float:
    return score_tagger(sentences, tagger)["micro"].f1


def train(train_set: list[Sentence], dev_set: list[Sentence], words: list[str], vectors: np.ndarray,
          minutes: float, epochs: int = MAX_EPOCHS, snapshots: Path | None = None,
          patience: int = PATIENCE, average: int = 0, seed: int = SEED,
          tune_vectors: bool = False, pretrain_minutes: float = 0.0,
          hidden: int = HIDDEN) -> tuple[dict[str, np.ndarray], str]:  # fmt: skip
    """Train; keep the weights of the epoch with the best dev F1 (the last one without dev),
    or with `average`, the mean of the last `average` epochs' weights (no early stop).
    With `snapshots`, every epoch's weights are also saved there (epoch_N.npz), so a final
    run on all of train can ship the epoch a parallel dev run picks."""
    torch = require_torch()
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    index = {word: i for i, word in enumerate(words)}
    chars = char_alphabet(train_set)
    encoder = Encoder(index, {ch: i for i, ch in enumerate(chars)}, shipped_gazetteer())
    data = [(encoder.sentence(s.tokens), [TAGS.index(t) for t in s.tags]) for s in train_set]
    model = build_model(torch, vectors, len(chars), tune_vectors, hidden)
    if pretrain_minutes:
        from marsad.train.ner_pretrain import ant_windows, pretrain

        windows = ant_windows(ANT, PRETRAIN_WINDOWS, seed)
        pretrain(torch, model, encoder, windows, pretrain_minutes, WORD_DROPOUT)
    others = [p for name, p in model.named_parameters() if p.requires_grad and name != "vectors"]
    groups = [{"params": others}]
    if tune_vectors:
        groups.append({"params": [model.vectors], "lr": LEARNING_RATE * TUNED_VECTORS_LR})
    optimiser = torch.optim.Adam(groups, lr=LEARNING_RATE)
    best, best_f1, best_epoch, stale = export(model, chars), -1.0, 0, 0
    recent: deque[dict[str, np.ndarray]] = deque(maxlen=max(average, 1))
    deadline = time.monotonic() + 60 * minutes
    for epoch in range(1, epochs + 1):
        loss = run_epoch(torch, model, optimiser, data)
        weights = export(model, chars)
        recent.append(weights)
        if snapshots:
            np.savez_compressed(snapshots / f"epoch_{epoch}.npz", **weights)
        f1 = micro_f1(NeuralTagger(weights, words, vectors, encoder.gazetteer), dev_set) if dev_set else 0.0
        console.print(f"epoch {epoch}: loss {loss:.3f} dev F1 {f1:.4f}", highlight=False)
        if f1 > best_f1 or not dev_set:
            best, best_f1, best_epoch, stale = weights, f1, epoch, 0
        else:
            stale += 1
        if (stale >= patience and not average) or time.monotonic() > deadline:
            break
    if average:
        return average_weights(list(recent)), f"mean of epochs {epoch - len(recent) + 1}-{epoch}"
    return best, f"epoch {best_epoch}"


def length_batches(data: list) -> list[list]:
    """Batches of sentences of similar length (little padding for the CRF's step loop), in random order."""
    ordered = sorted(data, key=lambda item: len(item[1]) + random.random() * 4)
    batches = [ordered[first : first + BATCH] for first in range(0, len(ordered), BATCH)]
    random.shuffle(batches)
    return batches


def run_epoch(torch: Any, model: Any, optimiser: Any, data: list) -> float:
    model.train()
    total = 0.0
    for chunk in length_batches(data):
        inputs = tensors(torch, [e for e, _ in chunk], WORD_DROPOUT)
        index, lengths = inputs[0], inputs[-1]
        tags = torch.zeros(index.shape, dtype=torch.long)
        for b, (_, gold) in enumerate(chunk):
            tags[b, : len(gold)] = torch.tensor(gold)
        mask = (torch.arange(index.shape[1])[None, :] < lengths[:, None]).float()
        loss = model.crf.nll(model(*inputs), tags, mask)
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
        optimiser.step()
        total += loss.item() * len(chunk)
    model.eval()
    return total / len(data)


def score_sets(tagger: Callable[[list[str]], list[str]], dev_set: list[Sentence]) -> None:
    """Dev scores in a dev run; the test sets only for a final model (never tune on them)."""
    if dev_set:
        sets = {"dev (ANERcorp train tail)": dev_set}
    else:
        sets = {name: read_conll(path) for name, path in TEST_SETS.items()}
        sets["Wojood sample test (held out, mapped types)"] = read_wojood(WOJOOD / "test.txt")
    for name, sentences in sets.items():
        console.rule(name)
        console.print(report(score_tagger(sentences, tagger)), highlight=False)


def score_shipped() -> None:
    """Test scores of both shipped taggers, side by side (no torch needed)."""
    from marsad.enrich.ner import shipped_tagger
    from marsad.enrich.ner_neural import shipped_neural_tagger

    for name, tagger in (("CRF", shipped_tagger()), ("BiLSTM-CRF", shipped_neural_tagger())):
        console.rule(f"[bold]{name}")
        score_sets(tagger, [])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--dev", action="store_true", help="train without the dev tail; save to the work folder"
    )
    parser.add_argument(
        "--epochs", type=int, default=MAX_EPOCHS, help="epochs (the final model uses this many)"
    )
    parser.add_argument("--silver-file", type=Path,
                        help="read the silver sentences from this file (JSON lines of tokens and tags) instead")
    parser.add_argument("--average", type=int, default=AVERAGED_EPOCHS, metavar="K",
                        help="keep the mean of the last K epochs' weights (0: the best dev epoch)")
    parser.add_argument("--patience", type=int, default=PATIENCE,
                        help="stop after this many epochs without a better dev F1")
    parser.add_argument("--minutes", type=float, default=25.0, help="stop training after this long")
    parser.add_argument("--new-vectors", action="store_true", help="rebuild the word vectors file too")
    parser.add_argument("--vocabulary", type=int, default=VOCABULARY,
                        help="words in a rebuilt vectors file, most frequent first (implies --new-vectors)")
    parser.add_argument("--silver", type=int, default=KEPT_SIZE,
                        help="also train on this many silver ANT sentences (train/ner_silver.py; 0: none)")
    parser.add_argument("--out", type=Path, help="save the model here (default: the work folder with --dev, else the package)")
    parser.add_argument("--snapshots", type=Path, help="save every epoch's weights in this folder")
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed (weights, batches, word dropout)")
    parser.add_argument("--tune-vectors", action="store_true",
                        help="experiment: training adjusts the word vectors (saved in the model file)")
    parser.add_argument("--pretrain", type=float, default=0.0, metavar="MINUTES",
                        help="experiment: first train the encoder as a two-way language model on ANT")
    parser.add_argument("--augment", type=int, default=0, metavar="K",
                        help="experiment: also train on K copies of each labelled sentence with its names "
                             "swapped for others of their type (train/ner_augment.py)")
    parser.add_argument("--hidden", type=int, default=HIDDEN, help="experiment: LSTM units per direction")
    parser.add_argument("--gold-copies", type=int, default=GOLD_COPIES, metavar="K",
                        help="read the labelled sentences K times per epoch, against the silver ones")
    parser.add_argument("--anercorp-only", action="store_true",
                        help="leave out the Wojood sample's train+val part (the CRF and the shipped model use it)")
    parser.add_argument(
        "--score", action="store_true", help="only score the shipped CRF and BiLSTM on the tests"
    )
    args = parser.parse_args(argv)
    if args.score:
        score_shipped()
        return
    torch = require_torch()
    torch.set_num_threads(args.threads)
    folder = args.out or (WORK if args.dev else MODELS)
    folder.mkdir(parents=True, exist_ok=True)
    rebuild = args.new_vectors or args.vocabulary != VOCABULARY
    # A dev run's rebuilt table goes beside its model, never over the shipped one.
    table = folder / EMBEDDINGS_FILE if args.dev and rebuild else MODELS / EMBEDDINGS_FILE
    words, vectors = embeddings(table, rebuild, args.vocabulary)
    train_set, dev_set = training_sentences(dev=args.dev, wojood=not args.anercorp_only)
    train_set = train_set * args.gold_copies
    if args.augment:
        copies = augmented(train_set, args.augment, args.seed)
        console.print(f"{len(copies):,} copies with names swapped join training", highlight=False)
        train_set = train_set + copies
    if args.silver or args.silver_file:
        silver = read_silver(args.silver_file) if args.silver_file else silver_sentences(args.silver)
        console.print(f"{len(silver):,} silver ANT sentences join training", highlight=False)
        train_set = train_set + silver
    if args.snapshots:
        args.snapshots.mkdir(parents=True, exist_ok=True)
    weights, epoch = train(train_set, dev_set, words, vectors, args.minutes, args.epochs, args.snapshots,
                           args.patience, args.average, args.seed, args.tune_vectors,
                           args.pretrain, args.hidden)  # fmt: skip
    np.savez_compressed(folder / MODEL_FILE, **weights)
    console.print(f"kept {epoch}; saved {folder / MODEL_FILE}", highlight=False)
    score_sets(NeuralTagger(weights, words, vectors, shipped_gazetteer()), dev_set)


if __name__ == "__main__":
    main()

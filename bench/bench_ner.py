"""NER throughput on one core, against a plain CRF measured in the same run.

    python bench/bench_ner.py [--tokens 100000] [--neural]

Text: ANT v2.1 articles (/work/shared/data), split into sentences and tokens before the
clock starts, so the figure is the tagger's own speed (`tag_tokens`: features + Viterbi).
`find_entities` (sentence splitting and tokenising included) is timed on the same text,
from cold caches, then on as many tokens of the articles that follow, with the caches of
word features and projections holding the first articles' words (a long stream's speed).
The peer is a plain CRF (word, affixes, ±1 words) trained here for a few iterations on
ANERcorp train: the ratio shows what the richer features cost. Goal: >= 20k tokens/s.
`--neural` also times the numpy BiLSTM-CRF (`enrich.ner_neural`), the sentences of each
article tagged in one batch (as `find_entities` does) and one sentence per call.
"""

from __future__ import annotations

import os

# One core means one BLAS thread too: a multi-threaded BLAS pinned to one core spends the
# neural tagger's many small matrix products waiting on its own threads (4x slower here).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402 - after the thread settings, which must precede numpy's import
import gzip  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path

import pycrfsuite

from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenize import tokenize
from marsad.enrich.ner import find_entities, tag_tokens
from marsad.enrich.ner_neural import shipped_neural_tagger
from marsad.eval.ner import read_conll

ANT = Path("/work/shared/data/sections/ant-v2.1/ant_v2.1.jsonl.gz")
ANER_TRAIN = Path("/work/shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt")
# Articles are taken from this far into the corpus so the sample mixes outlets and sections.
SKIP_ARTICLES = 5000
# The peer only needs to be a realistic plain CRF for timing, not a good one.
PEER_ITERATIONS = 30


def ant_texts(min_tokens: int, skip: int = SKIP_ARTICLES) -> list[str]:
    """Article texts totalling at least `min_tokens` tokens, from the `skip`-th article on."""
    texts, total = [], 0
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i < skip:
                continue
            text = json.loads(line).get("text") or ""
            texts.append(text)
            total += len(tokenize(text))
            if total >= min_tokens:
                break
    return texts


def plain_features(tokens: list[str]) -> list[list[str]]:
    rows = []
    for i, word in enumerate(tokens):
        row = [f"w={word}", f"p3={word[:3]}", f"s3={word[-3:]}", f"s2={word[-2:]}"]
        row.append(f"-1={tokens[i - 1]}" if i else "BOS")
        row.append(f"+1={tokens[i + 1]}" if i + 1 < len(tokens) else "EOS")
        rows.append(row)
    return rows


def plain_peer(path: Path) -> pycrfsuite.Tagger:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in read_conll(ANER_TRAIN):
        trainer.append(plain_features(sentence.tokens), sentence.tags)
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": PEER_ITERATIONS})
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} tokens/s ({count:,} tokens in {seconds:.2f}s)"


def timed(function, items) -> float:  # noqa: ANN001 - any callable over any items
    start = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tokens", type=int, default=100_000)
    parser.add_argument("--neural", action="store_true", help="also time the BiLSTM-CRF tagger")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the goal states
    texts = ant_texts(args.tokens)
    sentences = [tokenize(s) for text in texts for s in split_sentences(text)]
    count = sum(map(len, sentences))
    find_entities("قال الرئيس في بيروت")  # load every model and list outside the clock
    # find_entities first: its caches of word features start cold, as on a stream's first articles.
    print(f"marsad find_entities {rate(count, timed(find_entities, texts))}")
    # The same on the articles that follow, once the caches hold the first ones' words, as
    # a long-running stream sees them (the figure above is a stream's first articles).
    following = ant_texts(args.tokens, SKIP_ARTICLES + len(texts))
    following_count = sum(len(tokenize(s)) for text in following for s in split_sentences(text))
    print(f"  next articles, warm {rate(following_count, timed(find_entities, following))}")
    ours = timed(tag_tokens, sentences)
    print(f"marsad tag_tokens    {rate(count, ours)}")
    if args.neural:
        neural = shipped_neural_tagger()
        per_text = [[tokenize(s) for s in split_sentences(text)] for text in texts]
        print(f"neural, per article  {rate(count, timed(neural.tag_sentences, per_text))}")
        print(f"neural, per sentence {rate(count, timed(neural, sentences))}")
    peer = plain_peer(Path("/tmp/bench_ner_plain.crfsuite"))
    theirs = timed(lambda tokens: peer.tag(plain_features(tokens)), sentences)
    print(f"plain CRF (peer)     {rate(count, theirs)}")
    print(f"ratio marsad/peer: {theirs / ours:.2f}x the peer's speed")


if __name__ == "__main__":
    main()

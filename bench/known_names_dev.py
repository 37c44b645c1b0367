"""Experiment: names the taggers tag again and again across ANT, tagged where a text leaves them untagged.

The known-people list (`train/known_people.py`) does this for persons; this asks whether the
same self-training helps organisations, places and MISC. Scored on the dev tail of ANERcorp
train with dev runs of both taggers, which also tag ANT here, so no list is built by a
model that saw the dev tail:

    python -m marsad.train.ner --dev --keep-lexicon              # CRF -> /tmp/marsad-train-ner/dev.crfsuite
    python -m marsad.train.ner_neural --dev --out DIR            # BiLSTM -> DIR/ner_bilstm.npz
    python bench/known_names_dev.py --bilstm DIR/ner_bilstm.npz  # tags ANT once (counts cached), prints the grid

Prints one row per threshold setting: the in-use combination, then untagged runs of known
names tagged with the type they were given most often. The test sets are never read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from multiprocessing import Pool
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from marsad.arabic.normalize import normalize_word
from marsad.arabic.tokenize import SINGLE_PROCLITICS
from marsad.enrich.gazetteer import shipped_gazetteer
from marsad.enrich.ner import complete_spans, overlay_spans
from marsad.enrich.ner_crf import CrfTagger
from marsad.enrich.ner_neural import EMBEDDINGS_FILE, NeuralTagger
from marsad.eval.ner import score_tagger, spans
from marsad.train.known_people import ARABIC_WORD, HELD_OUT_PAGES, ant_texts, sentences_of
from marsad.train.ner import MODELS, WORK, load_resources, training_sentences

MAX_WORDS = 4
CHUNK = 64
console = Console(width=150)
_taggers: tuple[CrfTagger, NeuralTagger] | None = None


def load_taggers(crf_path: Path, bilstm_path: Path) -> tuple[CrfTagger, NeuralTagger]:
    crf = CrfTagger(crf_path, load_resources(rebuild=False))
    return crf, NeuralTagger.load(bilstm_path, MODELS / EMBEDDINGS_FILE, shipped_gazetteer())


def in_use(taggers: tuple[CrfTagger, NeuralTagger], sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    crf, neural = taggers
    tagged = neural.tag_sentences(sentences)
    pairs = zip(sentences, tagged, strict=True)
    return [complete_spans(t, overlay_spans(n, crf(t)) if t else []) for t, n in pairs]


def _init(crf_path: Path, bilstm_path: Path) -> None:
    global _taggers
    _taggers = load_taggers(crf_path, bilstm_path)


def _count(texts: list[str]) -> tuple[dict, list[list[str]]]:
    """Spans tagged per (normalised words, type), and every sentence's normalised words."""
    assert _taggers is not None
    tagged: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    normalised: list[list[str]] = []
    for text in texts:
        sentences = sentences_of(text)
        for tokens, tags in zip(sentences, in_use(_taggers, sentences), strict=True):
            words = [normalize_word(t) for t in tokens]
            normalised.append(words)
            for start, end, kind in spans(tags):
                if end - start <= MAX_WORDS and all(ARABIC_WORD.fullmatch(w) for w in words[start:end]):
                    tagged[tuple(words[start:end])][kind] += 1
    return dict(tagged), normalised


def count_ant(crf_path: Path, bilstm_path: Path, limit: int | None, workers: int) -> tuple[dict, Counter]:
    held_out = {p.stem for p in HELD_OUT_PAGES.glob("*.txt")}
    texts = list(ant_texts(held_out))[:limit]
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    tagged: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    sentences: list[list[str]] = []
    with Progress(console=console) as progress, Pool(workers, _init, (crf_path, bilstm_path)) as pool:
        task = progress.add_task(f"tagging {len(texts):,} ANT articles", total=len(texts))
        for (found, words), chunk in zip(pool.imap(_count, chunks), chunks, strict=True):
            for name, kinds in found.items():
                tagged[name].update(kinds)
            sentences.extend(words)
            progress.advance(task, len(chunk))
    candidates = {name for name, kinds in tagged.items() if sum(kinds.values()) >= 2}
    seen: Counter = Counter()
    for words in sentences:
        for n in range(1, MAX_WORDS + 1):
            seen.update(g for i in range(len(words) - n + 1) if (g := tuple(words[i : i + n])) in candidates)
    return {name: tagged[name] for name in candidates}, seen


def known_names(tagged: dict, seen: Counter, min_tagged: int, share: float, types: str,
                max_words: int) -> dict[tuple[str, ...], str]:  # fmt: skip
    names = {}
    for name, kinds in tagged.items():
        kind, count = kinds.most_common(1)[0]
        often = count >= min_tagged and count >= share * max(seen[name], 1)
        if kind in types and len(name) <= max_words and often:
            names[name] = kind
    return names


def add_known(tokens: Sequence[str], tags: Sequence[str], names: dict[tuple[str, ...], str]) -> list[str]:
    """Untagged runs that are a known name, longest first; the first word may carry a proclitic."""
    words = [normalize_word(t) for t in tokens]
    marked = list(tags)
    for n in range(MAX_WORDS, 0, -1):
        for start in range(len(words) - n + 1):
            end = start + n
            if any(tag != "O" for tag in marked[start:end]):
                continue
            gram = tuple(words[start:end])
            kind = names.get(gram)
            if kind is None and gram[0][:1] in SINGLE_PROCLITICS and len(gram[0]) > 3:
                kind = names.get((gram[0][1:], *gram[1:]))
            if kind is not None:
                marked[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
    return marked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crf", type=Path, default=WORK / "dev.crfsuite")
    parser.add_argument("--bilstm", type=Path, required=True)
    parser.add_argument("--limit", type=int, help="only the first N ANT articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--counts", type=Path, default=WORK / "known_names_dev_counts.json")
    args = parser.parse_args()
    if args.counts.exists():
        saved = json.loads(args.counts.read_text(encoding="utf-8"))
        tagged = {tuple(k.split()): Counter(v) for k, v in saved["tagged"].items()}
        seen = Counter({tuple(k.split()): v for k, v in saved["seen"].items()})
    else:
        tagged, seen = count_ant(args.crf, args.bilstm, args.limit, args.workers)
        args.counts.parent.mkdir(parents=True, exist_ok=True)
        args.counts.write_text(json.dumps({
            "tagged": {" ".join(k): dict(v) for k, v in tagged.items()},
            "seen": {" ".join(k): v for k, v in seen.items()},
        }, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    taggers = load_taggers(args.crf, args.bilstm)
    _, dev = training_sentences(dev=True)
    base = dict(zip((tuple(s.tokens) for s in dev), in_use(taggers, [s.tokens for s in dev]), strict=True))
    rows: dict[str, Callable[[list[str]], list[str]]] = {"in use": lambda t: base[tuple(t)]}
    for types in ("ORG", "LOC", "MISC", "ORG LOC", "ORG LOC MISC", "PER ORG LOC MISC"):
        for min_tagged in (3, 10):
            for share in (0.5, 0.7, 0.9):
                for max_words in (1, MAX_WORDS):
                    names = known_names(tagged, seen, min_tagged, share, types, max_words)
                    label = (f"+ {types}, tagged >= {min_tagged}, share >= {share}, "
                             f"<= {max_words} words ({len(names):,})")
                    rows[label] = lambda t, names=names: add_known(t, base[tuple(t)], names)
    table = Table(title=f"dev tail of ANERcorp train ({len(dev):,} sentences)")
    for column in ("setting", "PER", "LOC", "ORG", "MISC", "P", "R", "micro F1"):
        table.add_column(column, justify="left" if column == "setting" else "right")
    for label, lookup in rows.items():
        counts = score_tagger(dev, lookup)
        micro = counts["micro"]
        table.add_row(label, *(f"{counts[t].f1:.3f}" for t in ("PER", "LOC", "ORG", "MISC")),
                      f"{micro.precision:.3f}", f"{micro.recall:.3f}", f"{micro.f1:.3f}")  # fmt: skip
    console.print(table)


if __name__ == "__main__":
    main()

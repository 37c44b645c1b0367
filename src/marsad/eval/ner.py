"""Entity-level NER scores with CoNLL rules: a hit is an exact span with the exact type.

    python -m marsad.eval.ner /work/shared/data/ner/anercorp-camel/ANERCorp_CamelLab_test.txt

Reads CoNLL `token TAG` lines (BIO or BIOES, blank line between sentences), tags the
gold tokens with the shipped model and prints precision, recall and F1 per type, with
the micro F1 as the last line. Only PER, LOC, ORG and MISC are scored ("PERS" is read
as PER); other types (DATE, NORP ...) count as O so that corpora with richer schemes
can be scored against the four-type model. Chunks follow conlleval: an I- tag after O
or after another type opens a new entity rather than being dropped.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterable, KeysView, Sequence
from dataclasses import dataclass
from pathlib import Path

TYPES = ("PER", "LOC", "ORG", "MISC")
# Spellings of the four types in the corpora we read (ANERcorp and Wojood write PERS).
TYPE_ALIASES = {"PERS": "PER", "PERSON": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
# BIOES prefixes read as BIO: S- (single) opens an entity like B-, E- (end) continues it like I-.
PREFIX_AS_BIO = {"B": "B", "I": "I", "S": "B", "E": "I"}

Tagger = Callable[[list[str]], list[str]]


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]


def normalize_tag(tag: str, aliases: dict[str, str] = TYPE_ALIASES) -> str:
    """A tag in BIO over the four types; anything unknown or malformed becomes O."""
    prefix, _, kind = tag.partition("-")
    if prefix not in PREFIX_AS_BIO or kind not in aliases:
        return "O"
    return f"{PREFIX_AS_BIO[prefix]}-{aliases[kind]}"


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a `token TAG` file; tags after the first column are ignored."""
    sentences: list[Sentence] = []
    current = Sentence([], [])
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if not fields:
                if current.tokens:
                    sentences.append(current)
                current = Sentence([], [])
                continue
            current.tokens.append(fields[0])
            current.tags.append(normalize_tag(fields[1]) if len(fields) > 1 else "O")
    if current.tokens:
        sentences.append(current)
    return sentences


def span_tags(kind: str, length: int) -> list[str]:
    """The BIO tags of one entity of `length` tokens: B-kind, then I-kind."""
    return [f"B-{kind}"] + [f"I-{kind}"] * (length - 1)


def spans(tags: Sequence[str]) -> KeysView[tuple[int, int, str]]:
    """Entities of BIO tags as (start, end exclusive, type), chunked the conlleval way.

    A set for scoring (`&`, `-`, `==` work as on sets) that iterates in sentence order: a
    plain set of tuples holding strings iterates in an order that changes with Python's hash
    seed, and rules that count or pick among spans would then differ from run to run."""
    found: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate(tags):
        if tag == "O":  # most tags: checked first, as every tagged sentence is chunked several times
            if start >= 0:
                found.append((start, i, kind))
                start = -1
            continue
        prefix, _, tag_kind = tag.partition("-")
        if prefix == "I" and tag_kind == kind and start >= 0:
            continue
        if start >= 0:
            found.append((start, i, kind))
        start, kind = (i, tag_kind) if prefix in ("B", "I") else (-1, "")
    if start >= 0:
        found.append((start, len(tags), kind))
    return dict.fromkeys(found).keys()


@dataclass
class Counts:
    """True positives, false positives and false negatives of one type (or all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Counts]:
    """Per-type counts plus "micro" over all types, comparing tag sequences pairwise."""
    tally: Counter[tuple[str, str]] = Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_spans, pred_spans = spans(gold_tags), spans(pred_tags)
        for _, _, kind in gold_spans & pred_spans:
            tally[kind, "tp"] += 1
        for _, _, kind in pred_spans - gold_spans:
            tally[kind, "fp"] += 1
        for _, _, kind in gold_spans - pred_spans:
            tally[kind, "fn"] += 1
    counts = {kind: Counts(tally[kind, "tp"], tally[kind, "fp"], tally[kind, "fn"]) for kind in TYPES}
    counts["micro"] = Counts(*(sum(getattr(c, field) for c in counts.values()) for field in ("tp", "fp", "fn")))
    return counts


def report(counts: dict[str, Counts]) -> str:
    """A small table, one line per type, the micro F1 last (scripts read the last line)."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for kind in TYPES:
        c = counts[kind]
        lines.append(f"{kind:<6} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp + c.fn:6d}")
    micro = counts["micro"]
    lines.append(f"micro P: {micro.precision:.3f} R: {micro.recall:.3f}")
    lines.append(f"micro F1: {micro.f1:.3f}")
    return "\n".join(lines)


def score_tagger(sentences: Sequence[Sentence], tagger: Tagger) -> dict[str, Counts]:
    """Tag the gold tokens with `tagger` and score against the gold tags."""
    return score((s.tags for s in sentences), (tagger(s.tokens) for s in sentences))


def score_in_context(sentences: Sequence[Sentence]) -> dict[str, Counts]:
    """The shipped tagger on all the sentences at once, as it reads an article (a name found
    in one sentence is carried to the next ones: `enrich.ner.propagate_names`)."""
    from marsad.enrich.ner import tag_sentences

    return score((s.tags for s in sentences), tag_sentences([s.tokens for s in sentences]))


def evaluate(gold_path: str | Path, tagger: Tagger | None = None) -> float:
    """Print the score table of `tagger` (default: the shipped model, reading the file's
    sentences in order as one text) and return micro F1."""
    sentences = read_conll(gold_path)
    counts = score_tagger(sentences, tagger) if tagger else score_in_context(sentences)
    print(report(counts))
    return counts["micro"].f1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="CoNLL file: token TAG per line, blank line between sentences")
    evaluate(parser.parse_args(argv).gold)


if __name__ == "__main__":
    main()

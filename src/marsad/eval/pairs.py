"""`marsad eval pairs FILE.csv`: how well Marsad tells same-story pairs from different ones.

The CSV has columns s1, s2 and either `label` (same/different; agree/disagree/other are
accepted too) or a numeric `score` (graded pairs, e.g. SemEval-2022 Task 8 where 1 = very
similar). Binary files get precision, recall and F1 of "same"; graded files get Pearson r of
Marsad's similarity with the gold score. The last line printed is the headline figure.

    python -m marsad.eval.pairs FILE.csv [--lower-is-similar]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from marsad.stories.cluster import JOIN_SCORE
from marsad.stories.similar import describe, is_headline, same_claim, similarity

SAME_LABELS = frozenset({"same", "agree", "1", "true", "yes", "duplicate", "paraphrase"})
DIFFERENT_LABELS = frozenset({"different", "disagree", "other", "unrelated", "discuss", "0", "false", "no"})
SCORE_COLUMNS = ("score", "overall", "similarity", "label")


@dataclass(frozen=True)
class PairsResult:
    pairs: int
    graded: bool
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    pearson: float = 0.0

    @property
    def headline(self) -> float:
        return self.pearson if self.graded else self.f1


class PairsFileError(ValueError):
    """The file is not a pairs CSV this command understands."""


def read_pairs(path: Path) -> tuple[list[tuple[str, str, str]], bool]:
    """(rows of s1, s2, gold as text, graded?) from a CSV with s1, s2 and a label or score column."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        fields = {name.strip().lower(): name for name in reader.fieldnames or ()}
        if "s1" not in fields or "s2" not in fields:
            raise PairsFileError(f"{path}: needs columns s1 and s2 (found {sorted(fields)})")
        rows = list(reader)
    gold_column = _gold_column(fields, rows)
    out = [(r[fields["s1"]] or "", r[fields["s2"]] or "", (r[gold_column] or "").strip()) for r in rows]
    graded = not all(g.lower() in SAME_LABELS | DIFFERENT_LABELS for _, _, g in out)
    if graded and not all(_is_number(g) for _, _, g in out):
        raise PairsFileError(f"{path}: column {gold_column!r} is neither same/different labels nor numbers")
    return out, graded


def _gold_column(fields: dict[str, str], rows: list[dict[str, str]]) -> str:
    for name in ("label", "stance", *SCORE_COLUMNS):
        if name in fields:
            return fields[name]
    raise PairsFileError(f"needs a label or score column (found {sorted(fields)})")


def _is_number(value: str) -> bool:
    try:
        return math.isfinite(float(value))
    except ValueError:
        return False


def is_same(s1: str, s2: str) -> bool:
    """Marsad's decision: two headlines are the same when they state the same claim; longer
    texts when their similarity reaches the story-clustering threshold."""
    if is_headline(s1) and is_headline(s2):
        return same_claim(s1, s2)
    return pair_similarity(s1, s2) >= JOIN_SCORE


def pair_similarity(s1: str, s2: str) -> float:
    return similarity(describe({"id": "a", "text": s1}), describe({"id": "b", "text": s2})).score


def binary_scores(gold: list[bool], predicted: list[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    precision = tp / max(1, sum(predicted))
    recall = tp / max(1, sum(gold))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def evaluate_file(
    path: Path, lower_is_similar: bool = False, out: Callable[[str], None] = print
) -> PairsResult:
    rows, graded = read_pairs(path)
    if graded:
        return _evaluate_graded(rows, lower_is_similar, out)
    gold = [g.lower() in SAME_LABELS for _, _, g in rows]
    predicted = [is_same(s1, s2) for s1, s2, _ in rows]
    precision, recall, f1 = binary_scores(gold, predicted)
    out(
        f"pairs {len(rows)} (same {sum(gold)}, different {len(gold) - sum(gold)}); "
        f"predicted same {sum(predicted)}"
    )
    out(f"precision {precision:.3f}")
    out(f"recall {recall:.3f}")
    out(f"F1 of same {f1:.3f}")
    return PairsResult(len(rows), False, precision, recall, f1)


def _evaluate_graded(rows, lower_is_similar: bool, out: Callable[[str], None]) -> PairsResult:
    sign = -1.0 if lower_is_similar else 1.0
    gold = [sign * float(g) for _, _, g in rows]
    ours = [pair_similarity(s1, s2) for s1, s2, _ in rows]
    r = pearson(ours, gold)
    direction = (
        "lower gold = more similar, sign flipped" if lower_is_similar else "higher gold = more similar"
    )
    out(f"pairs {len(rows)} graded ({direction})")
    out(f"Pearson r of similarity with gold {r:.3f}")
    return PairsResult(len(rows), True, pearson=r)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="marsad eval pairs", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(args)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="CSV with s1,s2,label (same/different) or s1,s2,score")
    parser.add_argument(
        "--lower-is-similar", action="store_true", help="graded gold where a lower score means more similar"
    )


def run(args: argparse.Namespace) -> int:
    try:
        evaluate_file(args.file, lower_is_similar=args.lower_is_similar)
    except (OSError, PairsFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score the shipped section classifier on a labelled JSONL file.

    python -m marsad.eval.sections FILE.jsonl

Each line is an object with `text` and `label` (one of Marsad's eight sections) and an
optional `title`. Prints accuracy, a confusion matrix, and macro-F1 as the last line,
so a script or CI job can read the score with `tail -1`.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sklearn.metrics import f1_score

from marsad.enrich.sections import LABELS, classify_section

# How an article the classifier declines (empty, too short, not Arabic) is shown and
# counted: always wrong, and left out of the macro average's label set, because
# "no answer" is not a section whose F1 means anything.
NO_SECTION = "(none)"
# The confusion matrix has up to ten columns; piped output would otherwise wrap at 80.
CONSOLE_WIDTH = 130


def read_examples(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                record = json.loads(line)
                if "text" not in record or "label" not in record:
                    raise SystemExit(f"{path}:{number}: each object needs 'text' and 'label'")
                yield record


def confusion_table(gold: list[str], predicted: list[str]) -> Table:
    counts = Counter(zip(gold, predicted, strict=True))
    rows = [label for label in LABELS if label in set(gold)]
    columns = [label for label in (*LABELS, NO_SECTION) if label in set(gold) | set(predicted)]
    table = Table(title="Confusion matrix (rows: gold, columns: predicted)")
    table.add_column("gold \\ predicted")
    for column in columns:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(row, *[str(counts[row, column]) for column in columns])
    return table


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """Macro-F1 over every label that is in the gold or was predicted (sklearn's default)."""
    labels = sorted((set(gold) | set(predicted)) - {NO_SECTION})
    return float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m marsad.eval.sections", description=__doc__.split("\n")[0]
    )
    parser.add_argument("file", type=Path, help="JSONL with text, label and optional title")
    args = parser.parse_args(argv)
    gold, predicted = [], []
    for record in read_examples(args.file):
        gold.append(record["label"])
        predicted.append(classify_section(record.get("title"), record["text"]) or NO_SECTION)
    if not gold:
        raise SystemExit(f"{args.file}: no examples")
    console = Console(width=max(Console().width, CONSOLE_WIDTH))
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    console.print(f"{len(gold)} examples, {predicted.count(NO_SECTION)} without a section")
    console.print(f"accuracy: {accuracy:.3f}")
    console.print(confusion_table(gold, predicted))
    print(f"macro F1: {macro_f1(gold, predicted):.3f}")


if __name__ == "__main__":
    main()

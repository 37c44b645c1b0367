"""The shipped section model on news it never saw: SaudiNewsNet (2015, Saudi outlets), labelled
by the section in each article's URL where the outlet writes one.

    python bench/sections_unseen.py [--shared ../shared]

Al-Watan (`alwatan.com.sa/Politics/...`) and 3alyoum (`3alyoum.com/sports/...`) put the
desk in the URL; desks that map onto Marsad's sections are kept (local, national, opinion
and reader desks are not sections), the rest of the corpus is left out. Prints accuracy,
macro-F1 over the sections these desks use, and the confusion matrix. SaudiNewsNet trains
no model (its licence is non-commercial), so this is unseen data for the classifier; it is
read from the shared data folder and nothing of it is bundled.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sklearn.metrics import f1_score

from marsad.enrich.sections import classify_section

# URL desk -> Marsad section, for the outlets that write the desk in the URL.
DESKS = {
    ("alwatan", "Politics"): "politics",
    ("alwatan", "Sports"): "sports",
    ("alwatan", "Economy"): "economy",
    ("alwatan", "Culture"): "culture",
    ("3alyoum", "finance"): "economy",
    ("3alyoum", "sports"): "sports",
    ("3alyoum", "culture"): "culture",
    ("3alyoum", "technology"): "technology",
}


def labelled_articles(corpus: Path) -> list[tuple[str, str, str, str]]:
    """(outlet, section, title, content) of every article whose URL names a mapped desk."""
    found = []
    for day in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(day) as archive:
            for member in archive.namelist():
                if not member.endswith(".json"):
                    continue
                for article in json.loads(archive.read(member)):
                    parts = str(article.get("url", "")).split("/")
                    desk = DESKS.get((article.get("source"), parts[3] if len(parts) > 3 else ""))
                    if desk:
                        title, content = article.get("title") or "", article.get("content") or ""
                        found.append((article["source"], desk, title, content))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    args = parser.parse_args()
    corpus = args.shared / "data" / "corpus" / "saudinewsnet" / "dataset"
    articles = labelled_articles(corpus)
    gold = [section for _, section, _, _ in articles]
    predicted = [classify_section(title, text) or "none" for _, _, title, text in articles]
    labels = sorted(set(gold))
    console = Console()
    sizes = ", ".join(f"{section} {count}" for section, count in Counter(gold).most_common())
    console.print(f"{len(articles):,} articles: {sizes}")
    by_outlet = Table(title="accuracy by outlet")
    by_outlet.add_column("outlet")
    by_outlet.add_column("articles", justify="right")
    by_outlet.add_column("accuracy", justify="right")
    for outlet in sorted({o for o, *_ in articles}):
        pairs = [(g, p) for (o, *_), g, p in zip(articles, gold, predicted, strict=True) if o == outlet]
        by_outlet.add_row(outlet, str(len(pairs)), f"{sum(g == p for g, p in pairs) / len(pairs):.3f}")
    console.print(by_outlet)
    columns = sorted(set(predicted) | set(labels))
    matrix = Table(title="confusion (rows: URL desk, columns: predicted)")
    matrix.add_column("desk \\ predicted")
    for column in columns:
        matrix.add_column(column, justify="right")
    counts = Counter(zip(gold, predicted, strict=True))
    for label in labels:
        matrix.add_row(label, *(str(counts[label, column]) for column in columns))
    console.print(matrix)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    console.print(f"accuracy {accuracy:.3f}")
    macro = f1_score(gold, predicted, labels=labels, average="macro")
    console.print(f"macro-F1 over the desks' sections {macro:.3f}")


if __name__ == "__main__":
    main()

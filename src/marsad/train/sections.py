"""Rebuild models/sections.npz from ANT v2.1 and ASND; `--loo` scores it outlet by outlet.

    python -m marsad.train.sections            # build (runs the five outlet folds to calibrate)
    python -m marsad.train.sections --loo      # leave-one-outlet-out report, writes nothing
    python -m marsad.train.sections --loo --baseline   # same, plus a plain TF-IDF+SVM peer
    python -m marsad.train.sections --loo --raw-ant    # on ANT as published, duplicates kept

The folds matter twice: they are the honest score (train on four ANT outlets plus ASND,
test on the fifth), and their out-of-outlet scores are what the probability
temperature is fitted on, so the shipped probabilities are calibrated for an outlet
the model has not seen. ANT is harmonised first (`harmonise_ant`: one record and one
label per article). Label mapping and licences: models/SECTIONS.md.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import Progress, TaskID
from rich.table import Table
from scipy.sparse import csr_matrix
from sklearn.metrics import f1_score
from sklearn.svm import LinearSVC

from marsad.enrich.sections import LABELS, MODEL_PATH, SectionModel, features

DEFAULT_DATA = Path("/work/shared/data")
ANT_FILE = Path("sections/ant-v2.1/ant_v2.1.jsonl.gz")
ASND_DIR = Path("sections/asnd")
# ASND's train and dev go into training; its test split stays out for `marsad.eval.sections`.
ASND_TRAIN_SPLITS = ("trn", "dev")

# ANT files sections by desk; both news desks are politics in Marsad's scheme.
ANT_LABELS = {
    "internationalNews": "politics",
    "middleEast": "politics",
    "economy": "economy",
    "sport": "sports",
    "culture": "culture",
    "technology": "technology",
}
# ANT's two news desks. Their feeds also carry stories that a topical desk files;
# `harmonise_ant` gives such a story its topical label once.
NEWS_DESKS = frozenset({"internationalNews", "middleEast"})
# ASND topics; "others" (replies, greetings, oddities) has no section and is dropped.
ASND_LABELS = {
    "politics": "politics",
    "crime-war-conflict": "politics",
    "human-rights-press-freedom": "politics",
    "business-and-economy": "economy",
    "sports": "sports",
    "art-and-entertainment": "culture",
    "science-and-technology": "technology",
    "health": "health",
    "spiritual": "religion",
    "education": "society",
    "environment": "society",
}
# Retweet prefixes, mentions and links in ASND posts: platform noise, never in articles.
SOCIAL_NOISE = re.compile(r"https?://\S+|\bRT @\w+:?|@\w+")

# Keep a stem only if this many sources (ANT outlets, ASND) each use it in at least
# MIN_SOURCE_DF documents: outlet names, house spellings ("الأميركي" vs "الأمريكي")
# and sign-offs are then left out. 3 of 5-6 sources scored as well as no filter in the
# folds with a third of the vocabulary.
MIN_SOURCES = 3
MIN_SOURCE_DF = 2
# Strong regularisation generalised best across outlets (C in 0.05..1 tried; 0.1 best).
SVM_C = 0.1
# `--nested` picks C per outer fold from this grid by an inner leave-one-outlet-out over
# the four training outlets (slow: 20 inner fits).
C_GRID = (0.03, 0.1, 0.3)
# Class weight = (n / n_class) ** power. Full balancing (1.0) over-predicted the tiny
# ASND classes (religion has 83 posts); square-root balancing scored best in the folds.
CLASS_WEIGHT_POWER = 0.5
# Temperatures tried when calibrating the softmax over SVM scores (log-spaced).
TEMPERATURES = np.geomspace(0.05, 5.0, 60)
OUTLETS = ("Alarabia", "BBC", "CNN", "France24", "SkyNews")
# Report tables need this many columns; piped output would otherwise wrap at 80.
CONSOLE_WIDTH = 110


@dataclass
class Example:
    source: str
    label: str
    title: str
    text: str
    stems: list[str]


@dataclass
class Fold:
    """Out-of-outlet predictions for one held-out ANT outlet."""

    outlet: str
    gold: list[str]
    scores: np.ndarray  # (documents, labels), raw SVM scores
    baseline: list[str] | None = None
    c: float = SVM_C


def ant_records(data: Path) -> Iterator[dict]:
    with gzip.open(data / ANT_FILE, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def harmonise_ant(records: Iterable[dict], counts: Counter[str] | None = None) -> Iterator[dict]:
    """One record per (outlet, URL), labelled by the desk that says what it is about.

    ANT crawled each desk's feed, and some outlets' news feeds carry every story:
    217 France24 sport articles, 74 culture and 48 economy articles sit a second time,
    same URL, under internationalNews (SECTIONS.md). Kept twice, one copy teaches and
    scores "a match report is politics". So the one topical desk wins over the news
    desks, an article on two topical desks (12 in all, e.g. CNN economy + technology)
    is dropped as ambiguous, and an article on both news desks is kept once.
    """
    counts = counts if counts is not None else Counter()
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for record in records:
        groups[record["outlet_dir"], record["url"]].append(record)
    for copies in groups.values():
        categories = {record["cat"] for record in copies}
        topical = categories - NEWS_DESKS
        counts["duplicate copies"] += len(copies) - 1
        if len(topical) > 1:
            counts["dropped: two topical desks"] += 1
            continue
        if topical and len(categories) > 1:
            counts["news-desk copy of a topical article"] += 1
        chosen = next(record for record in copies if record["cat"] in (topical or categories))
        yield chosen


def read_ant(
    data: Path, harmonise: bool = False, counts: Counter[str] | None = None
) -> Iterator[tuple[str, str, str, str]]:
    """(outlet, Marsad label, title, text); `harmonise` applies `harmonise_ant` first."""
    records = ant_records(data)
    if harmonise:
        records = harmonise_ant(records, counts)
    for record in records:
        yield record["outlet_dir"], ANT_LABELS[record["cat"]], record["title"] or "", record["text"] or ""


def read_asnd(data: Path, splits: Iterable[str]) -> Iterator[tuple[str, str, str, str]]:
    for split in splits:
        with open(data / ASND_DIR / f"sm_news_ar_{split}.csv", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["Class"] in ASND_LABELS:
                    yield "ASND", ASND_LABELS[row["Class"]], "", SOCIAL_NOISE.sub(" ", row["Content"])


def featurise(records: list[tuple[str, str, str, str]], progress: Progress, name: str) -> list[Example]:
    task = progress.add_task(f"features: {name}", total=len(records))
    examples = []
    for source, label, title, text in records:
        examples.append(Example(source, label, title, text, features(title, text)))
        progress.advance(task)
    return examples


def spread_vocabulary(examples: list[Example]) -> list[str]:
    """Stems used by at least MIN_SOURCES sources, each in MIN_SOURCE_DF documents."""
    per_source: dict[str, Counter[str]] = defaultdict(Counter)
    for example in examples:
        per_source[example.source].update(set(example.stems))
    sources_using: Counter[str] = Counter()
    for counts in per_source.values():
        sources_using.update(stem for stem, df in counts.items() if df >= MIN_SOURCE_DF)
    return sorted(stem for stem, n in sources_using.items() if n >= MIN_SOURCES)


def smooth_idf(examples: list[Example], index: dict[str, int]) -> np.ndarray:
    df = np.zeros(len(index))
    for example in examples:
        for stem in {s for s in example.stems if s in index}:
            df[index[stem]] += 1
    return np.log((1 + len(examples)) / (1 + df)) + 1


def design_matrix(model: SectionModel, examples: list[Example]) -> csr_matrix:
    """Rows built by the same `SectionModel.vector` that inference uses."""
    data, columns, pointers = [], [], [0]
    for example in examples:
        cols, values = model.vector(example.stems)
        columns.extend(cols.tolist())
        data.extend(values.tolist())
        pointers.append(len(columns))
    return csr_matrix((data, columns, pointers), shape=(len(examples), len(model.index)))


def class_weights(labels: list[str]) -> np.ndarray:
    counts = Counter(labels)
    weights = np.array([(len(labels) / counts[label]) ** CLASS_WEIGHT_POWER for label in labels])
    return weights / weights.mean()


def fit(examples: list[Example], temperature: float = 1.0, c: float = SVM_C) -> SectionModel:
    """Vocabulary, idf and a linear SVM over the examples' stems."""
    return fit_grid(examples, (c,), temperature)[0]


def fit_grid(examples: list[Example], cs: Iterable[float], temperature: float = 1.0) -> list[SectionModel]:
    """One model per SVM C, sharing the vocabulary, idf and design matrix."""
    vocabulary = spread_vocabulary(examples)
    index = {stem: i for i, stem in enumerate(vocabulary)}
    blank = np.zeros((len(LABELS), len(index)))
    model = SectionModel(
        LABELS, index, smooth_idf(examples, index), blank, np.zeros(len(LABELS)), temperature
    )
    labels = [example.label for example in examples]
    matrix, weights = design_matrix(model, examples), class_weights(labels)
    models = []
    for c in cs:
        svm = LinearSVC(C=c).fit(matrix, labels, sample_weight=weights)
        order = [list(svm.classes_).index(label) for label in LABELS]
        models.append(
            SectionModel(LABELS, index, model.idf, svm.coef_[order], svm.intercept_[order], temperature)
        )
    return models


def select_c(ant: list[Example], asnd: list[Example]) -> float:
    """The C with the best mean macro-F1 over an inner leave-one-outlet-out of `ant`.

    Only the training outlets of an outer fold are passed in, so the held-out outlet's
    labels never take part in the choice.
    """
    outlets = sorted({example.source for example in ant})
    totals = np.zeros(len(C_GRID))
    for outlet in outlets:
        train = [e for e in ant if e.source != outlet] + asnd
        test = [e for e in ant if e.source == outlet]
        gold = [e.label for e in test]
        for i, model in enumerate(fit_grid(train, C_GRID)):
            totals[i] += macro_f1(gold, predict(score_all(model, test), ANT_SECTIONS), False)
    return float(C_GRID[int(totals.argmax())])


def score_all(model: SectionModel, examples: list[Example]) -> np.ndarray:
    return np.array([model.scores(example.stems) for example in examples])


def fit_temperature(folds: list[Fold]) -> float:
    """The softmax temperature with the lowest log-loss on out-of-outlet scores."""
    scores = np.vstack([fold.scores for fold in folds])
    gold = np.array([LABELS.index(label) for fold in folds for label in fold.gold])

    def log_loss(temperature: float) -> float:
        scaled = scores / temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(scaled).sum(axis=1))
        return float(np.mean(log_norm - scaled[np.arange(len(gold)), gold]))

    return float(min(TEMPERATURES, key=log_loss))


def baseline_predictions(train: list[Example], test: list[Example]) -> list[str]:
    """The peer: TF-IDF over raw words + linear SVM, no normalisation, no cleaning."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2)
    matrix = vectorizer.fit_transform(f"{e.title} {e.text}" for e in train)
    svm = LinearSVC().fit(matrix, [e.label for e in train])
    return svm.predict(vectorizer.transform(f"{e.title} {e.text}" for e in test)).tolist()


def run_folds(
    ant: list[Example], asnd: list[Example], progress: Progress, baseline: bool, nested: bool = False
) -> list[Fold]:
    task: TaskID = progress.add_task("leave-one-outlet-out", total=len(OUTLETS))
    folds = []
    for outlet in OUTLETS:
        train = [e for e in ant if e.source != outlet] + asnd
        test = [e for e in ant if e.source == outlet]
        c = select_c([e for e in ant if e.source != outlet], asnd) if nested else SVM_C
        fold = Fold(outlet, [e.label for e in test], score_all(fit(train, c=c), test), c=c)
        if baseline:
            fold.baseline = baseline_predictions([e for e in ant if e.source != outlet], test)
        folds.append(fold)
        progress.advance(task)
    return folds


# --- scoring -----------------------------------------------------------------------

ANT_SECTIONS = tuple(label for label in LABELS if label in ANT_LABELS.values())


def predict(scores: np.ndarray, allowed: tuple[str, ...]) -> list[str]:
    """Argmax over the allowed labels only (ANT never files health, religion or society)."""
    mask = np.array([label in allowed for label in LABELS])
    masked = np.where(mask, scores, -np.inf)
    return [LABELS[i] for i in masked.argmax(axis=1)]


def macro_f1(gold: list[str], predicted: list[str], own_sections: bool) -> float:
    """Macro-F1 over gold and predicted labels (sklearn's default, as the brief's baseline), or
    over the sections the outlet itself has (a label it never uses cannot be 'right')."""
    labels = sorted(set(gold)) if own_sections else None
    return float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0))


def fold_row(fold: Fold) -> dict[str, float]:
    restricted = predict(fold.scores, ANT_SECTIONS)
    unrestricted = predict(fold.scores, LABELS)
    row = {
        "macro_f1": macro_f1(fold.gold, restricted, False),
        "own_sections_f1": macro_f1(fold.gold, restricted, True),
        "accuracy": float(np.mean(np.array(fold.gold) == np.array(restricted))),
        "all_labels_f1": macro_f1(fold.gold, unrestricted, False),
        "non_ant_predictions": float(sum(label not in ANT_SECTIONS for label in unrestricted)),
    }
    if fold.baseline is not None:
        row["baseline_f1"] = macro_f1(fold.gold, fold.baseline, False)
        row["baseline_own_f1"] = macro_f1(fold.gold, fold.baseline, True)
    return row


# Short headers so the table fits 100 columns; the legend under the table spells them out.
HEADERS = {
    "macro_f1": "macro F1",
    "own_sections_f1": "F1 own",
    "accuracy": "acc",
    "all_labels_f1": "F1 8-way",
    "non_ant_predictions": "non-ANT",
    "baseline_f1": "base F1",
    "baseline_own_f1": "base own",
}
LEGEND = (
    "macro F1: over gold and predicted labels, decision among ANT's five sections | "
    "F1 own: over the sections the outlet uses | F1 8-way: decision among all eight labels | "
    "non-ANT: articles the 8-way decision called health/religion/society | "
    "base: TF-IDF+LinearSVC on raw words, trained on the 4 ANT outlets"
)


def outlet_table(folds: list[Fold]) -> Table:
    rows = {fold.outlet: fold_row(fold) for fold in folds}
    columns = list(next(iter(rows.values())))
    table = Table(title="Leave-one-outlet-out on ANT v2.1 (train: 4 outlets + ASND trn/dev)", caption=LEGEND)
    table.add_column("held-out outlet")
    for column in columns:
        table.add_column(HEADERS[column], justify="right")
    for outlet, row in rows.items():
        table.add_row(outlet, *[_cell(column, row[column]) for column in columns])
    means = {column: float(np.mean([row[column] for row in rows.values()])) for column in columns}
    table.add_row("mean", *[_cell(column, means[column]) for column in columns], style="bold")
    return table


def _cell(column: str, value: float) -> str:
    return f"{value:.0f}" if column == "non_ant_predictions" else f"{value:.3f}"


def confusion_table(folds: list[Fold]) -> Table:
    """Gold rows x predicted columns, summed over the five held-out outlets."""
    counts: Counter[tuple[str, str]] = Counter()
    for fold in folds:
        counts.update(zip(fold.gold, predict(fold.scores, ANT_SECTIONS), strict=True))
    table = Table(title="Confusion matrix, all folds (rows: ANT label mapped, columns: predicted)")
    table.add_column("gold \\ predicted")
    for label in ANT_SECTIONS:
        table.add_column(label, justify="right")
    for gold in ANT_SECTIONS:
        table.add_row(gold, *[str(counts[gold, predicted]) for predicted in ANT_SECTIONS])
    return table


# --- entry point -------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m marsad.train.sections", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    parser.add_argument(
        "--loo", action="store_true", help="print the leave-one-outlet-out report; write nothing"
    )
    parser.add_argument("--baseline", action="store_true", help="also score TF-IDF+LinearSVC on raw words")
    parser.add_argument(
        "--nested",
        action="store_true",
        help="with --loo: pick C per fold by an inner leave-one-outlet-out of the training outlets (slow)",
    )
    parser.add_argument(
        "--raw-ant",
        action="store_true",
        help="keep ANT's duplicate copies and their conflicting labels (the pre-harmonisation data)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    console = Console(width=max(Console().width, CONSOLE_WIDTH))
    with Progress(console=console) as progress:
        harmonised: Counter[str] = Counter()
        records = list(read_ant(args.data, harmonise=not args.raw_ant, counts=harmonised))
        ant = featurise(records, progress, "ANT v2.1" + (" (raw)" if args.raw_ant else ""))
        asnd = featurise(list(read_asnd(args.data, ASND_TRAIN_SPLITS)), progress, "ASND trn+dev")
        folds = run_folds(ant, asnd, progress, args.baseline, args.nested)
        temperature = fit_temperature(folds)
        if not args.loo:
            model = fit(ant + asnd, temperature)
    merged = ", ".join(f"{name}: {n}" for name, n in harmonised.items()) or "as published (--raw-ant)"
    console.print(f"ANT articles: {len(ant)}; {merged}")
    if args.loo:
        console.print(outlet_table(folds))
        console.print(confusion_table(folds))
        chosen = ", ".join(f"{fold.outlet} {fold.c:g}" for fold in folds)
        console.print(f"SVM C per fold ({'inner split' if args.nested else 'fixed'}): {chosen}")
        console.print(f"softmax temperature fitted on out-of-outlet scores: {temperature:.3f}")
        return
    model.save(args.out)
    mean = np.mean([fold_row(fold)["macro_f1"] for fold in folds])
    size = args.out.stat().st_size / 1e6
    console.print(
        f"wrote {args.out} ({size:.2f} MB, {len(model.index)} stems, T={temperature:.3f}); "
        f"leave-one-outlet-out macro F1 {mean:.3f}"
    )


if __name__ == "__main__":
    main()

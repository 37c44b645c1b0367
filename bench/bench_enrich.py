"""Throughput of the three enrichment stages on one core, each against a peer in the same run.

    python bench/bench_enrich.py [--articles 400]

Articles: ANT v2.1 (/work/shared/data), a sample spread over the corpus so outlets and
sections mix. Models are loaded, and every stage first runs over other articles, before
the clock starts (load time is printed separately): the figures are per-article costs
in a long-running worker whose word caches are warm. Peers:
  language  lingua in high-accuracy mode, same languages (what low-accuracy mode saves);
  sections  scikit-learn TF-IDF + LinearSVC on raw words, fitted here (the usual pipeline);
  keywords  scikit-learn TfidfVectorizer top-k over raw words with the same corpus fit.
"""

from __future__ import annotations

import os

# One core: keep numpy/BLAS from starting thread pools before it is imported.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import argparse  # noqa: E402 - after the thread limits on purpose
import gzip  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

from marsad.enrich import keywords as keywords_stage  # noqa: E402
from marsad.enrich import language as language_stage  # noqa: E402
from marsad.enrich import sections as sections_stage  # noqa: E402

ANT = Path("/work/shared/data/sections/ant-v2.1/ant_v2.1.jsonl.gz")
# Every STRIDE-th article is taken, so the sample covers all five outlets.
STRIDE = 37
# Articles the sklearn peers are fitted on (timing only; they need not be good).
PEER_FIT_ARTICLES = 3000
# Articles run through every stage before timing (lingua loads its n-grams on first
# use; the normalisation and stem caches fill up), none of them in the timed sample.
WARM_UP_ARTICLES = 500


def load_articles(count: int) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(sample to time, peer-fitting articles with their category)."""
    sample, fitting = [], []
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            record = json.loads(line)
            if i % STRIDE == 0 and len(sample) < count:
                sample.append((record["title"] or "", record["text"] or ""))
            elif i % STRIDE == 1 and len(fitting) < PEER_FIT_ARTICLES:
                fitting.append((record["title"] or "", record["text"] or "", record["cat"]))
    return sample, fitting


def rate(work: Callable[[str, str], object], articles: list[tuple[str, str]]) -> float:
    """Articles per second of `work(title, text)` over the sample."""
    start = time.perf_counter()
    for title, text in articles:
        work(title, text)
    return len(articles) / (time.perf_counter() - start)


def warm_language_detector() -> None:
    language_stage.detect_language("هذه جملة عربية قصيرة لتحميل نماذج اللغة قبل القياس")


def timed_load(load: Callable[[], object]) -> float:
    start = time.perf_counter()
    load()
    return time.perf_counter() - start


def lingua_high_accuracy() -> Callable[[str, str], object]:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in language_stage.LANGUAGE_NAMES]
    detector = LanguageDetectorBuilder.from_languages(*languages).build()
    return lambda title, text: detector.detect_language_of(text[: language_stage.MAX_CHARS])


def sklearn_sections(fitting: list[tuple[str, str, str]]) -> Callable[[str, str], object]:
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2)
    svm = LinearSVC().fit(
        vectorizer.fit_transform(f"{t} {x}" for t, x, _ in fitting), [c for *_, c in fitting]
    )
    return lambda title, text: svm.predict(vectorizer.transform([f"{title} {text}"]))[0]


def sklearn_keywords(fitting: list[tuple[str, str, str]]) -> Callable[[str, str], object]:
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2).fit(f"{t} {x}" for t, x, _ in fitting)
    names = vectorizer.get_feature_names_out()

    def top_k(title: str, text: str) -> list[str]:
        row = vectorizer.transform([f"{title} {text}"])
        best = row.indices[np.argsort(-row.data)[: keywords_stage.DEFAULT_K]]
        return [names[i] for i in best]

    return top_k


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    sample, fitting = load_articles(args.articles)
    words = sum(len(text.split()) for _, text in sample) / len(sample)
    print(f"{len(sample)} ANT articles, {words:.0f} words each on average; one core")
    print(
        f"load: language {timed_load(warm_language_detector):.2f} s, "
        f"sections {timed_load(sections_stage.shipped_model):.2f} s, "
        f"keywords {timed_load(keywords_stage.shipped_frequencies):.2f} s"
    )
    stages = [
        ("language", lambda t, x: language_stage.detect_language(x), lingua_high_accuracy()),
        ("sections", sections_stage.classify_section, sklearn_sections(fitting)),
        ("keywords", keywords_stage.keywords, sklearn_keywords(fitting)),
    ]
    warm = [(title, text) for title, text, _ in fitting[:WARM_UP_ARTICLES]]
    for name, ours, peer in stages:
        rate(ours, warm), rate(peer, warm)
        mine, theirs = rate(ours, sample), rate(peer, sample)
        ratio = mine / theirs
        print(f"{name:9s} marsad {mine:6.0f} articles/s  peer {theirs:6.0f} articles/s  ratio {ratio:.2f}")


if __name__ == "__main__":
    main()

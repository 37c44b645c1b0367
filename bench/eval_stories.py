"""Stories: quality figures on public data, and the rebuild of the two shipped models.

    python bench/eval_stories.py train          # rebuild models/stories_idf.tsv.gz and stories_claims.json
    python bench/eval_stories.py ans            # ANS stance dev: F1 of "same claim" (agree) vs other
    python bench/eval_stories.py semeval        # SemEval-2022 Task 8 Arabic pairs: Pearson r
    python bench/eval_stories.py saudinewsnet   # near-duplicate pairs and stories; writes hand-check samples
    python bench/eval_stories.py all

Data: MARSAD_DATA (default ../shared/data next to the repository). Thresholds are fitted on
ANS train only; dev, SemEval and SaudiNewsNet are reported, never tuned on. Each figure is
printed next to a cheap peer measured in the same run.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import sys
import tempfile
import time
import zipfile
from collections import Counter
from email.utils import parsedate_to_datetime
from pathlib import Path

import numpy as np

from marsad.eval.pairs import evaluate_file
from marsad.stories.cluster import MemoryStoryIndex, Stories, arrival_order
from marsad.stories.dedup import MemoryDedupIndex
from marsad.stories.similar import (
    CLAIMS_FILE,
    IDF_FILE,
    MODELS,
    build_idf,
    claim_features,
    describe,
)

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("MARSAD_DATA", REPO.parent / "shared" / "data"))
OUT = REPO / "bench" / "out"
# Differing-word features seen fewer times than this in ANS train are noise, not cues.
CLAIM_MIN_FEATURE_COUNT = 2
# L2 strength of the claim model (sklearn C); the 5-fold CV F1 on ANS train is flat from 1 to 4.
CLAIM_C = 1.0
CV_FOLDS, CV_SEED = 5, 0
HANDCHECK_SAMPLE, HANDCHECK_SEED = 50, 20150721


# ---------------------------------------------------------------- data


def ans_rows(split: str) -> list[dict[str, str]]:
    with open(DATA / "stories/ans-stance/stance" / f"{split}.csv", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def semeval_rows() -> list[dict]:
    path = DATA / "stories/semeval2022-task8-ar/hfl_example_texts_ar_pairs.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_saudinewsnet() -> list[dict]:
    """All SaudiNewsNet articles as article-like dicts (id = content hash of title and text)."""
    from marsad.model import content_id

    out = []
    for path in sorted((DATA / "corpus/saudinewsnet/dataset").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                for raw in json.loads(archive.read(name)):
                    title, text = raw.get("title"), raw.get("content") or ""
                    out.append(
                        {
                            "id": content_id(title, text),
                            "title": title,
                            "text": text,
                            "source": raw.get("source"),
                            "published": (raw.get("date_extracted") or "").replace(" ", "T") or None,
                            "url": raw.get("url"),
                        }
                    )
    return out


def load_ant() -> list[dict]:
    from marsad.model import content_id

    out = []
    with gzip.open(DATA / "sections/ant-v2.1/ant_v2.1.jsonl.gz", "rt", encoding="utf-8") as stream:
        for line in stream:
            raw = json.loads(line)
            title, text = raw.get("title"), raw.get("text") or ""
            out.append(
                {
                    "id": content_id(title, text),
                    "title": title,
                    "text": text,
                    "source": raw.get("src"),
                    "published": _rfc822(raw.get("time")),
                    "url": raw.get("url"),
                }
            )
    return out


def _rfc822(value: str | None) -> str | None:
    try:
        return parsedate_to_datetime(value).isoformat() if value else None
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- train


def train() -> None:
    """Rebuild the IDF table (ANT v2.1) and the claim model (ANS train split)."""
    started = time.time()
    content = build_idf((row["title"], row["text"]) for row in load_ant())
    (MODELS / IDF_FILE).write_bytes(gzip.compress(content.encode("utf-8"), mtime=0))
    print(f"idf: {content.count(chr(10)) - 1} stems from ANT v2.1 ({time.time() - started:.0f}s)")
    model = fit_claim_model(ans_rows("train"))
    (MODELS / CLAIMS_FILE).write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"claims: {len(model['weights'])} weights, threshold {model['threshold']}, CV F1 {model['cv_f1']}")


def fit_claim_model(rows: list[dict[str, str]]) -> dict:
    """Logistic regression on `claim_features`; the threshold maximises 5-fold CV F1 on `rows`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    features = [claim_features(row["s1"], row["s2"]) for row in rows]
    counts = Counter(name for f in features for name in f if name.startswith("differ:"))
    features = [
        {k: v for k, v in f.items() if not k.startswith("differ:") or counts[k] >= CLAIM_MIN_FEATURE_COUNT}
        for f in features
    ]
    labels = np.array([row["stance"] == "agree" for row in rows])
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(features)
    model = LogisticRegression(C=CLAIM_C, max_iter=5000, class_weight="balanced")
    folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=CV_SEED)
    scores = cross_val_predict(model, matrix, labels, cv=folds, method="predict_proba")[:, 1]
    thresholds = np.round(np.arange(0.2, 0.8, 0.01), 2)
    f1s = [f1_score(labels, scores >= t) for t in thresholds]
    best = int(np.argmax(f1s))
    model.fit(matrix, labels)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) > 1e-6
    }
    return {
        "about": "same-claim model for headline pairs; see models/STORIES.md",
        "data": "ANS stance train split (Khouja 2020, Apache-2.0): agree vs disagree+other",
        "intercept": round(float(model.intercept_[0]), 5),
        "threshold": float(thresholds[best]),
        "cv_f1": round(float(f1s[best]), 4),
        "weights": weights,
    }


# ---------------------------------------------------------------- ANS and SemEval


def _write_pairs(rows: list[tuple[str, str, str]], header: tuple[str, str, str]) -> Path:
    handle = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="")
    with handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return Path(handle.name)


def eval_ans() -> float:
    """F1 of agree ("same") vs disagree+other on the dev split, through `marsad eval pairs`."""
    rows = [(r["s1"], r["s2"], "same" if r["stance"] == "agree" else "different") for r in ans_rows("dev")]
    path = _write_pairs(rows, ("s1", "s2", "label"))
    print(f"== ANS stance dev ({len(rows)} pairs): marsad eval pairs {path}")
    result = evaluate_file(path)
    path.unlink()
    _ans_peers()
    return result.headline


def _ans_peers() -> None:
    """Peers: always "same", and stem-Jaccard with its threshold fitted on train."""
    from sklearn.metrics import f1_score

    from marsad.stories.similar import claim_features as features

    def jaccard(rows):
        return np.array([features(r["s1"], r["s2"])["jaccard"] for r in rows])

    train, dev = ans_rows("train"), ans_rows("dev")
    y_train = np.array([r["stance"] == "agree" for r in train])
    y_dev = np.array([r["stance"] == "agree" for r in dev])
    j_train, j_dev = jaccard(train), jaccard(dev)
    cuts = np.round(np.arange(0.05, 0.95, 0.01), 2)
    cut = cuts[int(np.argmax([f1_score(y_train, j_train >= c) for c in cuts]))]
    print(f"peer all-same F1 {f1_score(y_dev, np.ones_like(y_dev)):.3f}")
    print(f"peer stem-Jaccard>={cut} (fitted on train) F1 {f1_score(y_dev, j_dev >= cut):.3f}")


def eval_semeval() -> float:
    """Pearson r of our similarity with the Overall score (1 = same story, so r should be negative)."""
    rows = [(r["text1"], r["text2"], r["Overall"]) for r in semeval_rows()]
    path = _write_pairs(rows, ("s1", "s2", "score"))
    print(
        f"== SemEval-2022 Task 8 ar-ar pairs with text ({len(rows)}): "
        f"marsad eval pairs {path} --lower-is-similar"
    )
    result = evaluate_file(path, lower_is_similar=True)
    path.unlink()
    return result.headline


# ---------------------------------------------------------------- SaudiNewsNet


def run_corpus(articles: list[dict]) -> tuple[list, list, MemoryStoryIndex, dict]:
    """Dedup and cluster a corpus in arrival order; (links, placements, story index, docs by id)."""
    unique = {article["id"]: article for article in articles}  # the store keeps one row per id
    docs = arrival_order(describe(article) for article in unique.values())
    engine = Stories(MemoryDedupIndex(), MemoryStoryIndex())
    links, placements = [], []
    for doc in docs:
        found, placement = engine.add(doc)
        links.extend(found)
        placements.append(placement)
    return links, placements, engine.index, {doc.id: doc for doc in docs}


def eval_saudinewsnet() -> None:
    articles = load_saudinewsnet()
    by_id = {a["id"]: a for a in articles}
    started = time.time()
    links, placements, index, docs = run_corpus(articles)
    elapsed = time.time() - started
    kinds = Counter(link.kind for link in links)
    cross = sum(1 for link in links if by_id[link.article_id]["source"] != by_id[link.duplicate_of]["source"])
    members: dict[str, list[str]] = {}
    for placement in placements:
        members.setdefault(placement.story_id, []).append(placement.article_id)
    multi = {sid: ids for sid, ids in members.items() if len(ids) > 1}
    multi_outlet = {sid: ids for sid, ids in multi.items() if len({by_id[i]["source"] for i in ids}) > 1}
    print(
        f"== SaudiNewsNet: {len(articles)} articles, {len({a['id'] for a in articles})} distinct ids, "
        f"{elapsed:.0f}s ({len(articles) / elapsed:.0f} articles/s)"
    )
    print(f"duplicate links: {len(links)} ({dict(kinds)}), across outlets {cross}")
    print(
        f"stories: {len(members)}; with 2+ articles {len(multi)} "
        f"({sum(map(len, multi.values()))} articles); with 2+ outlets {len(multi_outlet)}"
    )
    sizes = sorted((len(ids) for ids in multi.values()), reverse=True)
    print(f"largest stories: {sizes[:10]}")
    _exact_peer(list(by_id.values()))
    _write_samples(links, multi, by_id, index)


def _exact_peer(articles: list[dict]) -> None:
    from marsad.stories.shingles import Words, exact_key

    seen: dict[str, str] = {}
    dupes = 0
    for article in articles:
        key = exact_key(Words.of(article["title"], article["text"]))
        dupes += key in seen
        seen.setdefault(key, article["id"])
    print(f"peer exact normalised-text hash only: {dupes} duplicate links")


def _write_samples(links, stories, by_id, index) -> None:
    """Random samples (fixed seed) of linked pairs and stories, for bench/stories_handcheck.md."""
    rng = random.Random(HANDCHECK_SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    pairs = rng.sample(sorted(links, key=lambda link: (link.article_id, link.duplicate_of)), HANDCHECK_SAMPLE)
    with open(OUT / "handcheck_pairs.txt", "w", encoding="utf-8") as out:
        for n, link in enumerate(pairs, 1):
            a, b = by_id[link.article_id], by_id[link.duplicate_of]
            out.write(
                f"### P{n} {link.article_id} -> {link.duplicate_of} {link.kind} "
                f"J={link.jaccard:.2f} C={link.containment:.2f}\n"
            )
            for side in (a, b):
                out.write(f"[{side['source']} {side['published']}] {side['title']}\n{side['text'][:700]}\n\n")
    chosen = rng.sample(sorted(stories), HANDCHECK_SAMPLE)
    with open(OUT / "handcheck_stories.txt", "w", encoding="utf-8") as out:
        for n, sid in enumerate(chosen, 1):
            story = index.stories[sid]
            out.write(f"### S{n} {sid} size={story.size} outlets={dict(sorted(story.outlets.items()))}\n")
            for aid in stories[sid]:
                art = by_id[aid]
                out.write(
                    f"- {aid} [{art['source']} {art['published']}] {art['title']} :: "
                    f"{' '.join(art['text'].split())[:160]}\n"
                )
    print(f"hand-check samples written to {OUT}/handcheck_pairs.txt and handcheck_stories.txt")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=["train", "ans", "semeval", "saudinewsnet", "all"])
    args = parser.parse_args(argv)
    if args.what == "train":
        train()
        return 0
    if args.what in ("ans", "all"):
        eval_ans()
    if args.what in ("semeval", "all"):
        eval_semeval()
    if args.what in ("saudinewsnet", "all"):
        eval_saudinewsnet()
    return 0


if __name__ == "__main__":
    sys.exit(main())

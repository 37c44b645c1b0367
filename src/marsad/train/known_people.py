"""Build `models/ner_known_people.txt.gz`: full names the tagger itself finds again and again
in the ANT news corpus, so that one article's untagged "دونالد ترامب" is still a person.

    python -m marsad.train.known_people            # about 10 minutes on two cores
    python -m marsad.train.known_people --reuse    # new thresholds over the last run's counts

Self-training without retraining: the shipped taggers (BiLSTM-CRF and CRF as `enrich.ner`
combines them, without this list) read every ANT article (2018; citation licence), and a name of two to four words
is kept when they tagged it as one whole person at least MIN_TAGGED times and in at least
MIN_TAGGED_SHARE of its occurrences (a lower share when it starts with a known given name).
The articles of the events dev set (`tests/fixtures/events/pages`) are left out, so its
scores do not read names learnt from its own pages. The list holds normalised names only, no text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Collection, Iterator
from multiprocessing import Pool
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from marsad.arabic.normalize import normalize_word
from marsad.arabic.sentences import split_spans
from marsad.arabic.tokenize import SINGLE_PROCLITICS, tokenize_spans
from marsad.enrich.person_spans import stuck_conjunction
from marsad.eval.ner import spans
from marsad.names import KNOWN_PEOPLE_FILE, shipped_given_names, write_names

DATA = Path("/work/shared/data")
ANT = DATA / "sections/ant-v2.1/ant_v2.1.jsonl.gz"
REPO = Path(__file__).resolve().parents[3]
HELD_OUT_PAGES = REPO / "tests/fixtures/events/pages"
MODELS = Path(__file__).resolve().parents[1] / "models"
MIN_WORDS, MAX_WORDS = 2, 4
# Tagged as a whole person this many times at least, in this share of its occurrences.
MIN_TAGGED = 4
MIN_TAGGED_SHARE = 0.5
# ... or in this share when its first word is a known given name: "دونالد ترامب" is tagged
# whole in only 35% of its 4,142 occurrences (the CRF stops at "دونالد").
MIN_SHARE_WITH_GIVEN_NAME = 0.25
CHUNK = 64
# Tagging counts kept between runs, so the thresholds can be changed without tagging again.
COUNTS = Path("/tmp/marsad-train-ner/known_people_counts.json")
ARABIC_WORD = re.compile("[\u0621-\u064a]+")

console = Console()


def ant_texts(held_out: set[str]) -> Iterator[str]:
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article.get("docno") not in held_out:
                yield f"{article.get('title') or ''}\n{article.get('text') or ''}"


def sentences_of(text: str) -> list[list[str]]:
    return [[w.text for w in tokenize_spans(s.text)] for s in split_spans(text)]


def tagged_people(texts: list[str]) -> tuple[Counter, list[list[str]]]:
    """Whole-person spans (normalised) the taggers found, and every sentence's normalised words."""
    from marsad.enrich.ner import tag_sentences

    found: Counter = Counter()
    normalised: list[list[str]] = []
    for text in texts:
        sentences = sentences_of(text)
        for tokens, tags in zip(sentences, tag_sentences(sentences, known_people=False), strict=True):
            words = [normalize_word(t) for t in tokens]
            normalised.append(words)
            for start, end, kind in spans(tags):
                if (
                    kind == "PER"
                    and MIN_WORDS <= end - start <= MAX_WORDS
                    and all(ARABIC_WORD.fullmatch(w) for w in words[start:end])
                ):
                    found[tuple(words[start:end])] += 1
    return found, normalised


def occurrences(candidates: set[tuple[str, ...]], sentences: list[list[str]]) -> Counter:
    seen: Counter = Counter()
    for words in sentences:
        for n in range(MIN_WORDS, MAX_WORDS + 1):
            for i in range(len(words) - n + 1):
                gram = tuple(words[i : i + n])
                if gram in candidates:
                    seen[gram] += 1
    return seen


def build(workers: int, limit: int | None, reuse: bool) -> set[str]:
    if reuse and COUNTS.exists():
        saved = json.loads(COUNTS.read_text(encoding="utf-8"))
        tagged = Counter({tuple(name.split()): n for name, n in saved["tagged"].items()})
        seen = Counter({tuple(name.split()): n for name, n in saved["seen"].items()})
    else:
        tagged, seen = count_names(workers, limit)
    candidates = {name for name, count in tagged.items() if count >= MIN_TAGGED}
    given = shipped_given_names()

    def share_needed(name: tuple[str, ...]) -> float:
        return MIN_SHARE_WITH_GIVEN_NAME if name[0] in given else MIN_TAGGED_SHARE

    names = {" ".join(n) for n in candidates if tagged[n] >= share_needed(n) * max(seen[n], 1)}
    names = {name for name in names if not _proclitic_copy(name, names)}
    first_words = given | {name.split()[0] for name in names}
    names = {_without_stuck_conjunction(name, first_words) for name in names}
    names -= _pairs_of_people(names, given)
    write_names(names, MODELS / KNOWN_PEOPLE_FILE)
    console.print(f"{len(names):,} known people from {len(candidates):,} candidates", highlight=False)
    return names


def _proclitic_copy(name: str, names: set[str]) -> bool:
    """ "وفلاديمير بوتين" when "فلاديمير بوتين" is there too (the tagger reads the first
    word with its conjunction attached; matching strips it)."""
    return name[:1] in SINGLE_PROCLITICS and name[1:] in names


def _without_stuck_conjunction(name: str, first_words: Collection[str]) -> str:
    """ "ومحمد بركات" -> "محمد بركات": a و that ANT mostly writes apart from the word
    (`stuck_conjunction`) is no part of the name when the rest opens names too; "وليام"
    and "وسام" keep theirs, and so do "واين روني" and "وودي آلن" ("اين" is "where")."""
    first, _, rest = name.partition(" ")
    return f"{first[1:]} {rest}" if stuck_conjunction(first) and first[1:] in first_words else name


def _pairs_of_people(names: set[str], given: frozenset[str]) -> set[str]:
    """Two people joined by "و" that the taggers read as one ("مورينيو وبوغبا", "سيرغي ويوليا"):
    a later word is و + a given name or + a word that begins or ends another name, unless the
    word as written is itself a given name or the surname of a name without such a join
    ("كريستوفر وايلي")."""

    def joined(word: str) -> bool:
        return word.startswith("و") and len(word) >= 4

    ends = {part for name in names for part in (name.split()[0], name.split()[-1])}
    plain_surnames = {name.split()[-1] for name in names if not any(map(joined, name.split()[1:]))}
    return {
        name
        for name in names
        if any(
            joined(word) and (word[1:] in given or word[1:] in ends) and word not in given
            and word not in plain_surnames
            for word in name.split()[1:]
        )
    }  # fmt: skip


def count_names(workers: int, limit: int | None) -> tuple[Counter, Counter]:
    """How often each name was tagged as one person, and how often it occurs at all."""
    held_out = {p.stem for p in HELD_OUT_PAGES.glob("*.txt")}
    texts = list(ant_texts(held_out))[:limit]
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    tagged: Counter = Counter()
    sentences: list[list[str]] = []
    with Progress(console=console) as progress, Pool(workers) as pool:
        task = progress.add_task(f"tagging {len(texts):,} ANT articles", total=len(texts))
        for (found, words), chunk in zip(pool.imap(tagged_people, chunks), chunks, strict=True):
            tagged.update(found)
            sentences.extend(words)
            progress.advance(task, len(chunk))
    seen = occurrences({name for name, count in tagged.items() if count >= 2}, sentences)
    COUNTS.parent.mkdir(parents=True, exist_ok=True)
    COUNTS.write_text(json.dumps({
        "tagged": {" ".join(n): c for n, c in tagged.items() if c >= 2},
        "seen": {" ".join(n): c for n, c in seen.items()},
    }, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    return tagged, seen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick trial)")
    parser.add_argument("--reuse", action="store_true", help="reuse the counts of the last tagging run")
    args = parser.parse_args(argv)
    build(args.workers, args.limit, args.reuse)


if __name__ == "__main__":
    main()

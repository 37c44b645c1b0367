"""Scale benchmark: deduplicate and cluster 1,000,000 articles in one process, with a peer.

    python bench/bench_stories.py                      # 1,000,000 articles (about half an hour here)
    python bench/bench_stories.py --articles 50000     # a quick look

The articles are SaudiNewsNet (31k, 14 outlets, 2015) and ANT v2.1 (31.5k, 5 outlets, 2018),
replayed as consecutive 22-day "seasons" until the count is reached. Every replay after the
first is edited the way outlets edit copy (respelling, a dropped paragraph, a share line, a
re-headline, a changed number), so ids and exact keys differ and the near-duplicate index does
real work. The stream is generated lazily in time order; only the base corpora stay in memory.

Printed: articles/s, peak RSS (ru_maxrss), link and story counts, and the peer measured in the
same run on the first --peer-articles: exact normalised-text hashing only (what a dedup without
MinHash or clustering costs), as a speed ratio.
"""

from __future__ import annotations

import argparse
import heapq
import random
import re
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_stories import load_ant, load_saudinewsnet  # noqa: E402

from marsad.model import content_id  # noqa: E402
from marsad.stories.cluster import MemoryStoryIndex, Stories  # noqa: E402
from marsad.stories.dedup import MemoryDedupIndex  # noqa: E402
from marsad.stories.shingles import Words, exact_key  # noqa: E402
from marsad.stories.similar import describe, timestamp  # noqa: E402

# One replay of SaudiNewsNet covers 22 days; replays follow each other so the stream stays a
# plausible daily volume (~1,500 SaudiNewsNet + ~1,400 ANT articles a day) instead of piling up.
SEASON_SECONDS = 22 * 24 * 3600
PROGRESS_EVERY = 100_000
# Edit probabilities for replayed copies (per article).
P_DROP_PARAGRAPH, P_SHARE_LINE, P_RETITLE, P_NUMBER, P_RESPELL_WORD = 0.3, 0.3, 0.5, 0.2, 0.05
SHARE_LINES = ("تابعونا على تويتر", "لمزيد من الأخبار تابعوا حسابنا", "اقرأ أيضا: أخبار ذات صلة")
TITLE_TAGS = ("عاجل: ", "بالفيديو.. ", "تقرير: ", "")
RESPELL = str.maketrans({"أ": "ا", "إ": "ا", "ة": "ه", "ى": "ي"})
NUMBER = re.compile(r"\d+")


def base_articles() -> list[dict]:
    """Both corpora, one row per distinct id, with a timestamp, sorted by time then id."""
    rows = {a["id"]: a for a in load_saudinewsnet() + load_ant()}
    out = []
    for row in rows.values():
        ts = timestamp(row["published"])
        if ts is not None and row["text"]:
            out.append(row | {"ts": ts})
    return sorted(out, key=lambda r: (r["ts"], r["id"]))


def edited(row: dict, season: int) -> dict:
    """A replayed copy of `row` with the edits outlets make; season 0 is the original."""
    if season == 0:
        return row
    rng = random.Random(f"{season}:{row['id']}")
    paragraphs = [p for p in row["text"].split("\n") if p.strip()]
    if len(paragraphs) >= 3 and rng.random() < P_DROP_PARAGRAPH:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    if rng.random() < P_SHARE_LINE:
        paragraphs.append(rng.choice(SHARE_LINES))
    text = " ".join(_respell(w, rng) for w in "\n".join(paragraphs).split(" "))
    if rng.random() < P_NUMBER:
        text = NUMBER.sub(lambda m: str(int(m.group()) + 1), text, count=1)
    title = row["title"] or ""
    if rng.random() < P_RETITLE:
        title = rng.choice(TITLE_TAGS) + title
    ts = row["ts"] + season * SEASON_SECONDS
    return row | {"id": content_id(title, text), "title": title, "text": text, "ts": ts, "published": ts}


def _respell(word: str, rng: random.Random) -> str:
    return word.translate(RESPELL) if rng.random() < P_RESPELL_WORD else word


def stream(base: list[dict], count: int) -> Iterator[dict]:
    """`count` articles in time order: season after season of edited replays."""
    seasons = -(-count // len(base))
    replays = [_season(base, season) for season in range(seasons)]
    for n, (_, _, season, i) in enumerate(heapq.merge(*replays)):
        if n >= count:
            return
        yield edited(base[i], season)


def _season(base: list[dict], season: int) -> Iterator[tuple[float, str, int, int]]:
    """(time, id, season, base index) of one replay, in time order."""
    for i, row in enumerate(base):
        yield row["ts"] + season * SEASON_SECONDS, row["id"], season, i


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system CPU time of this process: the machine is shared, wall time is not all ours."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_marsad(base: list[dict], count: int, checkpoint: int) -> dict:
    engine = Stories(MemoryDedupIndex(), MemoryStoryIndex())
    links: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    at_checkpoint = None
    for n, row in enumerate(stream(base, count), 1):
        found, placement = engine.add(describe(row))
        links.update(link.kind for link in found)
        reasons[placement.reason] += 1
        if n == checkpoint:
            at_checkpoint = time.perf_counter() - started
        if n % PROGRESS_EVERY == 0:
            _progress(n, started, engine)
    elapsed = time.perf_counter() - started
    return {
        "elapsed": elapsed,
        "cpu": cpu_seconds() - cpu_started,
        "at_checkpoint": at_checkpoint,
        "links": links,
        "reasons": reasons,
        "index": engine.index,
    }


def _progress(n: int, started: float, engine: Stories) -> None:
    elapsed = time.perf_counter() - started
    open_stories = len(engine.index.indexed)
    live = len(engine.dedup.live)
    print(
        f"  {n:>9,} articles  {elapsed:7.0f}s  {n / elapsed:6.0f}/s  CPU {cpu_seconds():6.0f}s  "
        f"peak RSS {peak_rss_mb():6.0f} MB  "
        f"open stories {open_stories:,}  dedup window {live:,}",
        file=sys.stderr,
        flush=True,
    )


def run_exact_peer(base: list[dict], count: int) -> float:
    """Seconds for exact normalised-text dedup of the first `count` articles of the same stream."""
    seen: dict[str, str] = {}
    started = time.perf_counter()
    for row in stream(base, count):
        seen.setdefault(exact_key(Words.of(row["title"], row["text"])), row["id"])
    return time.perf_counter() - started


def report(result: dict, count: int, base_rss: float, peer_count: int, peer_seconds: float) -> None:
    index: MemoryStoryIndex = result["index"]
    sizes = Counter(story.size for story in index.stories.values())
    multi = sum(n for size, n in sizes.items() if size > 1)
    multi_outlet = sum(1 for s in index.stories.values() if len(s.outlets) > 1)
    rate = count / result["elapsed"]
    print(f"articles {count:,}  time {result['elapsed']:.0f}s  rate {rate:.0f} articles/s (wall clock)")
    print(
        f"CPU time {result['cpu']:.0f}s: {count / result['cpu']:.0f} articles per CPU-second "
        "(the 2 cores are shared with other jobs, so wall time is an upper bound)"
    )
    print(f"peak RSS {peak_rss_mb():.0f} MB (after loading the base corpora: {base_rss:.0f} MB)")
    print(f"duplicate links {sum(result['links'].values()):,} {dict(result['links'])}")
    print(f"placements {dict(result['reasons'])}")
    print(f"stories {len(index.stories):,}; with 2+ articles {multi:,}; with 2+ outlets {multi_outlet:,}")
    if peer_count and result["at_checkpoint"]:
        ours = peer_count / result["at_checkpoint"]
        theirs = peer_count / peer_seconds
        print(
            f"peer exact-hash-only dedup on the first {peer_count:,}: {theirs:.0f} articles/s; "
            f"Marsad (MinHash LSH + stories) on the same: {ours:.0f} articles/s; ratio {ours / theirs:.2f}"
        )
    print(f"headline: {rate:.0f} articles/s, peak RSS {peak_rss_mb():.0f} MB for {count:,} articles")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--peer-articles", type=int, default=100_000)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    base = base_articles()
    base_rss = peak_rss_mb()
    print(
        f"base corpora: {len(base):,} articles loaded in {time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )
    peer_count = min(args.peer_articles, args.articles)
    peer_seconds = run_exact_peer(base, peer_count) if peer_count else 0.0
    result = run_marsad(base, args.articles, peer_count)
    report(result, args.articles, base_rss, peer_count, peer_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Latency of the search page and the article page on a store of >= 100k articles.

    .venv/bin/python bench/bench_web.py [--articles 100000] [--requests 400] [--concurrency 8]

1. Builds bench/out/web-bench.db once (reused while it holds enough articles): the ANT v2.1
   corpus (31,525 real Arabic articles, shared/data/sections/ant-v2.1) stored as often as
   needed to pass --articles, each further copy with its paragraphs rotated and its date
   moved on by COPY_SHIFT_DAYS, so every copy is a distinct article with realistic text.
2. Starts `uvicorn --factory marsad.web.app:app_from_env` on 127.0.0.1 (one process).
3. After one unmeasured warm-up pass over the same queries (a server that has run a while
   has the pages they read cached), sends a bounded number of requests (never for longer
   than --seconds per scenario) from an asyncio/httpx client with --concurrency
   connections, to loopback only.
4. Prints p50/p95/p99 per scenario and, as the peer, the same work done in process with
   no HTTP (queries + template rendering skipped): the ratio is what the web layer costs.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

from sqlalchemy import func, select

from marsad.model import Article, ExtractedPage, Page
from marsad.store import queries
from marsad.store.db import open_engine
from marsad.store.repo import save_page
from marsad.store.schema import articles

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
ANT = Path(os.environ.get("MARSAD_ANT", "/work/shared/data/sections/ant-v2.1/ant_v2.1.jsonl.gz"))
if not ANT.exists():
    ANT = ROOT.parent / "shared" / "data" / "sections" / "ant-v2.1" / "ant_v2.1.jsonl.gz"
SOURCES = {
    "alarabia": "العربية",
    "bbc": "بي بي سي عربي",
    "cnn": "سي إن إن بالعربية",
    "france24": "فرانس 24",
    "skynews": "سكاي نيوز عربية",
}
SECTIONS = {
    "culture": "culture",
    "economy": "economy",
    "internationalNews": "politics",
    "middleEast": "politics",
    "sport": "sports",
    "technology": "technology",
}
# Each copy of the corpus moves on by this many days, so copies do not share dates.
COPY_SHIFT_DAYS = 280
COMMIT_EVERY = 1_000  # articles per transaction while building
SERVER_START_S = 60
SEED = 20180215


def ant_records() -> Iterator[dict]:
    with gzip.open(ANT, "rt", encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)


def _published(raw: str | None, copy: int) -> str | None:
    try:
        moment = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return (moment.date() + timedelta(days=copy * COPY_SHIFT_DAYS)).isoformat()


def article_copy(record: dict, copy: int) -> Article | None:
    paragraphs = [p for p in (record.get("text") or "").split("\n") if p.strip()]
    if not paragraphs:
        return None
    turn = copy % len(paragraphs)
    return Article(
        title=record.get("title"),
        text="\n".join(paragraphs[turn:] + paragraphs[:turn]),
        source=SOURCES.get(record.get("src"), record.get("src")),
        published=_published(record.get("time"), copy),
        language="ar",
        section=SECTIONS.get(record.get("cat")),
        url=record.get("url"),
    )


def stored_articles(engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())


def build_store(path: Path, target: int) -> None:
    engine = open_engine(f"sqlite:///{path}")
    have = stored_articles(engine)
    copy, started = 0, time.perf_counter()
    while have < target:
        conn = engine.connect()
        transaction = conn.begin()
        for index, record in enumerate(ant_records()):
            article = article_copy(record, copy)
            if article is None:
                continue
            page = Page(name=f"{record['docno']}#{copy}", kind="text", content=f"{record['docno']}#{copy}")
            have += save_page(conn, ExtractedPage(page=page, articles=[article]))[1]
            if index % COMMIT_EVERY == 0:
                transaction.commit()
                transaction = conn.begin()
                print(
                    f"\rbuilding: {have} articles, {time.perf_counter() - started:.0f} s",
                    end="",
                    file=sys.stderr,
                )
            if have >= target:
                break
        transaction.commit()
        conn.close()
        copy += 1
    print(f"\nstore: {path} holds {stored_articles(engine)} articles", file=sys.stderr)
    engine.dispose()


def workload(path: Path, count: int) -> tuple[list[str], list[str]]:
    """Search queries (one or two words of real headlines) and article ids, both sampled."""
    engine = open_engine(f"sqlite:///{path}", create=False)
    rng = random.Random(SEED)
    with engine.connect() as conn:
        rows = conn.execute(
            select(articles.c.id, articles.c.title).order_by(func.random()).limit(count * 2)
        ).all()
    engine.dispose()
    words = [w for _, title in rows for w in (title or "").split() if len(w) >= 4 and w.isalpha()]
    searches = [" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(count)]
    return searches, [article_id for article_id, _ in rows[:count]]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(path: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "MARSAD_DB": f"sqlite:///{path}"}
    env.pop("MARSAD_INGEST_TOKEN", None)
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "marsad.web.app:app_from_env",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT)


async def wait_ready(base: str) -> None:
    import httpx

    deadline = time.monotonic() + SERVER_START_S
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(f"{base}/api/stats")).status_code == 200:
                    return
            except httpx.TransportError:
                await asyncio.sleep(0.2)
    raise SystemExit("the server did not start")


async def load(base: str, paths: list[str], concurrency: int, seconds: float) -> dict:
    """Send every path once (bounded by `seconds`) over `concurrency` connections."""
    import httpx

    latencies, errors, queue = [], 0, list(reversed(paths))
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client) -> None:
        nonlocal errors
        while queue and time.monotonic() < deadline:
            path = queue.pop()
            start = time.perf_counter()
            response = await client.get(base + path)
            latencies.append(time.perf_counter() - start)
            errors += response.status_code != 200

    started = time.perf_counter()
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return summary(latencies, errors, time.perf_counter() - started)


def summary(latencies: list[float], errors: int, wall: float) -> dict:
    ordered = sorted(latencies)

    def pct(q: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {
        "requests": len(ordered),
        "errors": errors,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": round(1000 * ordered[-1], 1),
        "rps": round(len(ordered) / wall, 1),
    }


def in_process(path: Path, searches: list[str], ids: list[str]) -> dict:
    """The peer: the same queries with no HTTP, no template, one at a time."""
    engine = open_engine(f"sqlite:///{path}", create=False)
    results = {}
    with engine.connect() as conn:
        for name, calls in (
            (
                "search",
                [
                    lambda q=q: queries.search_articles(conn, q, queries.ArticleFilter(), queries.Window.of())
                    for q in searches
                ],
            ),
            ("article", [lambda i=i: queries.article(conn, i) for i in ids]),
        ):
            times = []
            for call in calls:
                start = time.perf_counter()
                call()
                times.append(time.perf_counter() - start)
            results[name] = {"p50_ms": round(1000 * statistics.median(times), 1)}
    engine.dispose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="store size (>= this many articles)")
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario")
    parser.add_argument("--concurrency", type=int, default=8, help="open connections")
    parser.add_argument("--seconds", type=float, default=120, help="time limit per scenario")
    parser.add_argument("--db", type=Path, default=OUT / "web-bench.db")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    build_store(args.db, args.articles)
    searches, ids = workload(args.db, args.requests)
    scenarios = {
        "search page": ["/search?q=" + q for q in searches],
        "search API": ["/api/search?q=" + q for q in searches],
        "article page": [f"/articles/{i}" for i in ids],
    }
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port)
    try:
        asyncio.run(wait_ready(base))
        # Warm-up, not measured: a running server has the pages these queries read in cache.
        warmup = scenarios["search API"] + scenarios["article page"]
        asyncio.run(load(base, warmup, args.concurrency, args.seconds))
        results = {
            name: asyncio.run(load(base, paths, args.concurrency, args.seconds))
            for name, paths in scenarios.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    peer = in_process(args.db, searches, ids)
    report(args, results, peer)
    return 0


def report(args, results: dict, peer: dict) -> None:
    engine = open_engine(f"sqlite:///{args.db}", create=False)
    size = stored_articles(engine)
    engine.dispose()
    print(f"store: {size} articles ({args.db}); {args.concurrency} connections, loopback, 1 uvicorn process")
    print(f"{'scenario':<14}{'requests':>9}{'errors':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'req/s':>8}")
    for name, row in results.items():
        print(
            f"{name:<14}{row['requests']:>9}{row['errors']:>7}{row['p50_ms']:>9}{row['p95_ms']:>9}"
            f"{row['p99_ms']:>9}{row['rps']:>8}"
        )
    for name, key in (("search", "search API"), ("article", "article page")):
        ratio = results[key]["p50_ms"] / max(peer[name]["p50_ms"], 0.1)
        print(
            f"peer (in process, sequential) {name}: p50 {peer[name]['p50_ms']} ms; "
            f"{key} p50 under load / peer = {ratio:.1f}x"
        )
    (OUT / "bench_web.json").write_text(
        json.dumps({"articles": size, "results": results, "peer": peer}, indent=1)
    )


if __name__ == "__main__":
    sys.exit(main())

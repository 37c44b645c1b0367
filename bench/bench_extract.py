"""Extraction throughput on one core: Marsad against bare trafilatura, same inputs, same process.

    python bench/devset/build.py --shared ../shared --out bench/out/devset   # once
    python bench/bench_extract.py [--devset bench/out/devset] [--rounds 3]

Inputs: the dev set's text dumps (bench/devset/README.md): the >= 1,000 composed aggregator
pages, the residue pages and the two WET pages. Everything is read into memory before the
clock starts. Marsad runs `process_page(page, Settings())`, the whole pipeline the CLI runs on
a page (segmentation, article cutting, tags, page checks). The peer is bare
`trafilatura.extract(html)` with its defaults; since trafilatura reads HTML, not text, each
dump is wrapped minimally as HTML (every line a <p>, escaped) before timing. The WET row also
shows trafilatura on the original HTML of those two pages, for context only. Each engine does
`--rounds` passes, alternating with the other; the best pass is reported. One core: the run is
a single thread (pinned to one CPU with --pin), and the headline rate is pages per CPU-second
of this process (time.process_time), which other work on a shared machine barely moves;
wall-clock rates are printed too.
"""

from __future__ import annotations

import argparse
import gzip
import html
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import trafilatura
from rich.console import Console
from rich.table import Table

from marsad.errors import PageRejected
from marsad.model import Page
from marsad.pipeline import ARTICLE_STAGES, process_page
from marsad.settings import Settings

REPO = Path(__file__).resolve().parents[1]
# The WET part has only two pages: repeat them so one pass lasts long enough to time.
WET_REPEAT = 100
WET_HTML_REPEAT = 10  # trafilatura on the original HTML is slow (a 500 kB page): fewer repeats
WET_HTML = {  # WET page -> the HTML it was rendered from (under the shared data folder)
    "wet-cnn-arabic-2013.txt": "data/html/cnn_arabic_2013/newspaper4k_arabic_article.html",
    "wet-lbcgroup-2026-01-08.txt": "data/html/lbcgroup_lb/LBCGroup_2026_01_08.html.gz",
}


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def as_html(text: str) -> str:
    """A text dump wrapped minimally for an HTML extractor: each non-empty line a <p>."""
    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.split("\n") if line.strip())
    return f'<html lang="ar"><head><meta charset="utf-8"></head><body>\n{paragraphs}</body></html>'


def read_html(path: Path) -> str:
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")


def timed(work: Callable[[], int], timings: list[tuple[float, float]]) -> None:
    """Run one pass and append its (CPU seconds, wall seconds)."""
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    timings.append((time.process_time() - cpu, time.perf_counter() - wall))


def rates(pages: int, timings: list[tuple[float, float]]) -> tuple[float, float]:
    """Pages per CPU-second and per wall-second, each from its best pass."""
    return pages / min(t[0] for t in timings), pages / min(t[1] for t in timings)


def run_marsad(pages: list[Page], settings: Settings, article_stages: Sequence = ARTICLE_STAGES) -> int:
    articles = 0
    for page in pages:
        try:
            articles += len(process_page(page, settings, article_stages).articles)
        except PageRejected:
            pass
    return articles


def run_trafilatura(documents: list[str]) -> int:
    return sum(1 for document in documents if trafilatura.extract(document))


def measure(
    name: str,
    texts: list[tuple[str, str]],
    rounds: int,
    settings: Settings,
    extra_html: list[str] | None = None,
) -> dict:
    pages = [Page(name=n, kind="text", content=t) for n, t in texts]
    wrapped = [as_html(t) for _, t in texts]
    marsad: list[tuple[float, float]] = []
    extraction: list[tuple[float, float]] = []
    peer: list[tuple[float, float]] = []
    original: list[tuple[float, float]] = []
    run_marsad(pages[:20], settings)  # warm-up: lazy model loads and imports happen outside the clock
    run_trafilatura(wrapped[:20])
    for _ in range(rounds):
        timed(lambda: run_marsad(pages, settings), marsad)
        timed(lambda: run_marsad(pages, settings, ()), extraction)
        timed(lambda: run_trafilatura(wrapped), peer)
        if extra_html:
            timed(lambda: run_trafilatura(extra_html), original)
    row = {
        "name": name,
        "pages": len(pages),
        "marsad": rates(len(pages), marsad),
        "extraction": rates(len(pages), extraction),
        "trafilatura": rates(len(pages), peer),
    }
    if extra_html:
        row["trafilatura_html"] = rates(len(extra_html), original)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=REPO / "bench/out/devset")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pin", action="store_true", help="pin the process to one CPU")
    args = parser.parse_args(argv)
    console = Console(width=max(100, Console().width))
    pinned = pin_one_core() if args.pin else "single thread, not pinned"
    settings = Settings()

    def dumps(part: str) -> list[tuple[str, str]]:
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((args.devset / part).glob("*.txt"))]

    if not dumps("composed"):
        raise SystemExit(f"no dev-set pages in {args.devset}: build them first with python bench/devset/build.py")
    wet = dumps("wet") * WET_REPEAT
    wet_html = [read_html(args.shared / WET_HTML[name]) for name, _ in dumps("wet")] * WET_HTML_REPEAT
    rows = []
    for name, texts, extra in (
        ("composed", dumps("composed"), None),
        ("residue", dumps("residue"), None),
        (f"wet (2 pages x {WET_REPEAT})", wet, wet_html),
    ):
        with console.status(f"timing {name}"):
            rows.append(measure(name, texts, args.rounds, settings, extra))

    title = f"Text-dump extraction on one core, pages per CPU-second ({pinned}; best of {args.rounds} passes)"
    table = Table(title=title)
    columns = ("part", "pages", "Marsad", "Marsad extraction only", "trafilatura", "Marsad / trafilatura",
               "wall pages/s M | t")  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column == "part" else "right")
    for row in rows:
        (m_cpu, m_wall), (e_cpu, _), (t_cpu, t_wall) = row["marsad"], row["extraction"], row["trafilatura"]
        table.add_row(
            row["name"],
            str(row["pages"]),
            f"{m_cpu:,.0f}",
            f"{e_cpu:,.0f}",
            f"{t_cpu:,.0f}",
            f"[bold]{m_cpu / t_cpu:.2f}x[/]",
            f"{m_wall:,.0f} | {t_wall:,.0f}",
        )
    console.print(table)
    console.print(
        "Marsad = marsad.pipeline.process_page(Page(kind='text'), Settings()); extraction only = the "
        "same without the article stages (language, sections, keywords, entities, quotes, events), "
        "i.e. the pipeline before the Arabic-understanding issues. trafilatura = bare "
        "trafilatura.extract(html) with default options; each text dump is wrapped minimally as HTML "
        "(every line a <p>), built before timing."
    )
    for row in rows:
        if "trafilatura_html" in row:
            console.print(
                "for context: trafilatura.extract on the original HTML of the two WET pages: "
                f"{row['trafilatura_html'][0]:,.1f} pages per CPU-second "
                "(Marsad's HTML path is not timed here)."
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

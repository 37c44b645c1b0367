"""Speed of Marsad's HTML extraction against bare trafilatura, on the Arabic gold pages in shared/.

Usage:  python bench/bench_html.py [--shared PATH] [--seconds 2]

One process, one core. Each system first runs the page set once untimed (imports, caches),
then repeats the whole set until at least `--seconds` of CPU time have passed. Pages/s is
counted on CPU time (`time.process_time`), which other jobs on a shared machine disturb less
than wall time; wall time is printed beside it. The peers:
- `trafilatura.extract(html)`: bare trafilatura, defaults (body only);
- `trafilatura.bare_extraction(html, with_metadata=True)`: body plus the metadata Marsad also reads.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura
from eval_html import DEFAULT_SHARED, GoldPage, load_gold
from rich.console import Console
from rich.table import Table

from marsad.extract.html import extract_html
from marsad.model import Page


def marsad(page: GoldPage) -> object:
    return extract_html(Page(name=page.name, kind="html", content=page.html))


def bare_extract(page: GoldPage) -> object:
    return trafilatura.extract(page.html)


def bare_with_metadata(page: GoldPage) -> object:
    return trafilatura.bare_extraction(page.html, with_metadata=True)


SYSTEMS: dict[str, Callable[[GoldPage], object]] = {
    "Marsad extract_html": marsad,
    "trafilatura.extract": bare_extract,
    "trafilatura.bare_extraction +metadata": bare_with_metadata,
}
PEER = "trafilatura.extract"


def time_system(run: Callable[[GoldPage], object], pages: list[GoldPage], seconds: float) -> dict:
    """Pages/s over whole passes of the set, plus the CPU seconds each page took on the last pass."""
    for page in pages:
        run(page)
    done, cpu_start, wall_start = 0, time.process_time(), time.perf_counter()
    per_page: dict[str, float] = {}
    while time.process_time() - cpu_start < seconds:
        for page in pages:
            started = time.process_time()
            run(page)
            per_page[page.name] = time.process_time() - started
        done += len(pages)
    cpu, wall = time.process_time() - cpu_start, time.perf_counter() - wall_start
    return {"pages": done, "cpu": cpu, "wall": wall, "rate": done / cpu, "per_page": per_page}


def print_results(results: dict[str, dict], pages: list[GoldPage], console: Console) -> None:
    summary = Table(title=f"HTML extraction speed ({len(pages)} pages, repeated; one core)")
    for column in ("system", "pages", "CPU s", "wall s", "pages/s (CPU)", f"ratio to {PEER}"):
        summary.add_column(column, justify="left" if column == "system" else "right")
    peer_rate = results[PEER]["rate"]
    for name, result in results.items():
        summary.add_row(
            name,
            str(result["pages"]),
            f"{result['cpu']:.2f}",
            f"{result['wall']:.2f}",
            f"{result['rate']:.1f}",
            f"{result['rate'] / peer_rate:.2f}x",
        )
    per_page = Table(title="CPU milliseconds per page (last pass)")
    per_page.add_column("page", no_wrap=True)
    for name in results:
        per_page.add_column(name, justify="right")
    for page in pages:
        per_page.add_row(page.name, *(f"{r['per_page'][page.name] * 1000:.0f}" for r in results.values()))
    console.print(summary)
    console.print(per_page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ folder")
    parser.add_argument("--seconds", type=float, default=2.0, help="minimum CPU seconds per system")
    args = parser.parse_args(argv)
    data = args.shared / "data" / "html"
    if not data.is_dir():
        print(f"no gold pages at {data}: pass --shared", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)
    pages = load_gold(data)
    results = {name: time_system(run, pages, args.seconds) for name, run in SYSTEMS.items()}
    print_results(results, pages, Console(width=120))
    return 0


if __name__ == "__main__":
    sys.exit(main())

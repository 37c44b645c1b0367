"""Does ingest slow down as the store fills? Successive batches of real pages into one store.

    python bench/bench_store_growth.py                       # 4 batches of 5,000 pages (about 20 minutes)
    python bench/bench_store_growth.py --batches 3 --size 1000

The pages are the real articles `bench_dask.py` uses (SaudiNewsNet and ANT v2.1 in turn),
split into `--batches` folders of `--size` pages. Each batch is one `marsad ingest` run, in
its own process, into the same SQLite store, so batch k starts with (k-1) x size pages
already stored: the entity, search and story lookups every article makes then search a
larger store. Printed per batch: pages already in the store, seconds, pages/s, CPU seconds
of the process and its peak RSS. Flat rates mean those lookups stay indexed.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


def split_pages(folder: Path, batches: int, size: int, corpus: str) -> list[Path]:
    from bench_dask import write_pages

    everything = folder / "all"
    everything.mkdir()
    written = write_pages(everything, batches * size, corpus)
    if written < batches * size:
        raise SystemExit(f"only {written} pages available for {batches} x {size}")
    pages = sorted(everything.iterdir())
    parts = []
    for k in range(batches):
        part = folder / f"batch{k + 1}"
        part.mkdir()
        for page in pages[k * size : (k + 1) * size]:
            page.rename(part / page.name)
        parts.append(part)
    return parts


# The child runs `marsad ingest` and records its own peak RSS (bench_dask's reading) when done.
CHILD = f"""
import sys
from pathlib import Path
sys.path.insert(0, {str(BENCH)!r})
from bench_dask import _peak_rss_mb
from marsad.cli import main
code = main(sys.argv[2:])
Path(sys.argv[1]).write_text(str(_peak_rss_mb()))
sys.exit(code)
"""


def ingest(part: Path, db: Path) -> dict:
    """One `marsad ingest` in its own process: wall seconds, CPU seconds, peak RSS (MB)."""
    peak = db.with_suffix(".peak")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-c", CHILD, str(peak), "ingest", str(part), "--db", str(db), "--quiet"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu": cpu, "rss_mb": float(peak.read_text())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", type=int, default=4)
    parser.add_argument("--size", type=int, default=5000, help="pages per batch")
    parser.add_argument("--corpus", choices=("ant", "saudinewsnet", "both"), default="both")
    args = parser.parse_args()
    console = Console()
    table = Table(title=f"marsad ingest, {args.batches} batches of {args.size:,} pages into one SQLite store")
    for column in ("batch", "pages ingested before", "seconds", "pages/s", "CPU s", "peak RSS"):
        table.add_column(column, justify="right")
    with tempfile.TemporaryDirectory(prefix="bench_growth_") as scratch:
        folder = Path(scratch)
        parts = split_pages(folder, args.batches, args.size, args.corpus)
        for k, part in enumerate(parts):
            console.print(f"batch {k + 1} …")
            run = ingest(part, folder / "store.db")
            rate = args.size / run["seconds"]
            table.add_row(str(k + 1), f"{k * args.size:,}", f"{run['seconds']:.1f}", f"{rate:.2f}",
                          f"{run['cpu']:.1f}", f"{run['rss_mb']:.0f} MB")  # fmt: skip
    console.print(table)


if __name__ == "__main__":
    main()

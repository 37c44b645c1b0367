"""Ingest throughput on Dask: one process vs `--workers 1` vs `--workers 2`, same pages, same run.

    python bench/bench_dask.py                          # 600 ANT pages, about 3 minutes on 2 shared cores
    python bench/bench_dask.py --pages 100000           # the issue's size: needs --corpus both (62k pages)
    python bench/bench_dask.py --out bench/DASK_RESULTS.md

The pages are real articles from ANT v2.1 (5 outlets, 2018; `--corpus both` adds SaudiNewsNet,
14 Saudi outlets, 2015, taken in turn), written as text pages the way `src/marsad/data/sample` holds them
(title, date, paragraphs). Each configuration is the real `marsad ingest` command run in its
own process (so peak RSS belongs to that run alone) into its own SQLite store, under
`frozen_clock`, so the three stores must hold the same rows in every column.

Printed: pages/s (whole command: reading, cluster start, extraction, enrichment, store and
stories), speed ratio against the single process, peak RSS of the ingest process and of each
Dask worker (VmHWM, read on the workers through `client.run` before the cluster stops),
and whether the store is identical to the single-process one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from itertools import chain, zip_longest
from pathlib import Path

from rich.console import Console
from rich.table import Table

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

# About 3 minutes for the three runs on 2 cores; --pages sets any size.
DEFAULT_PAGES = 600
# Any fixed time: every configuration writes it wherever the store records "now".
STORE_CLOCK = 1_700_000_000.0
RUNS = {"single process": [], "--workers 1": ["--workers", "1"], "--workers 2": ["--workers", "2"]}
MIN_TEXT_CHARS = 200  # shorter records are mostly empty scrapes, not articles


# ---------------------------------------------------------------- inputs


def corpus_rows(corpus: str) -> Iterable[dict | None]:
    from eval_stories import load_ant, load_saudinewsnet

    if corpus == "ant":
        return load_ant()
    if corpus == "saudinewsnet":
        return load_saudinewsnet()
    return chain.from_iterable(zip_longest(load_saudinewsnet(), load_ant()))


def write_pages(folder: Path, count: int, corpus: str) -> int:
    """`count` real articles as text pages (both corpora: taken in turn); how many were written."""
    seen: set[str] = set()
    written = 0
    for row in corpus_rows(corpus):
        if written == count:
            break
        if not row or len(row["text"]) < MIN_TEXT_CHARS or row["id"] in seen:
            continue
        seen.add(row["id"])
        (folder / f"{written:06d}.txt").write_text(page_text(row), encoding="utf-8")
        written += 1
    return written


def page_text(row: dict) -> str:
    paragraphs = [line.strip() for line in row["text"].split("\n") if line.strip()]
    head = [row["title"] or "", (row["published"] or "")[:10]]
    return "\n\n".join([line for line in head if line] + paragraphs) + "\n"


# ---------------------------------------------------------------- one run (child process)


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    fork and exec, so a child would report its parent's peak whenever that is larger."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux, bytes on macOS


def run_one(args: argparse.Namespace) -> None:
    """Child: `marsad ingest` once, recording time, its own and its workers' peak RSS."""
    from marsad.cli import main
    from marsad.run import dask as dask_runner
    from marsad.store.snapshot import frozen_clock

    workers: dict[str, float] = {}
    original = dask_runner.dask_client

    @contextlib.contextmanager
    def measured_client(options):
        with original(options) as client:
            yield client
            workers.update(client.run(_peak_rss_mb))

    dask_runner.dask_client = measured_client
    argv = ["ingest", args.inputs, "--db", args.db, "--quiet", *json.loads(args.flags)]
    with frozen_clock(STORE_CLOCK):
        start = time.perf_counter()
        code = main(argv)
        seconds = time.perf_counter() - start
    result = {
        "code": code,
        "seconds": seconds,
        "rss_mb": _peak_rss_mb(),
        "workers_mb": sorted(workers.values()),
    }
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


# ---------------------------------------------------------------- the benchmark (parent)


def measure(folder: Path, scratch: Path, name: str, flags: list[str]) -> dict:
    db, result = scratch / f"{len(flags)}-{flags[-1] if flags else 0}.db", scratch / "result.json"
    command = [sys.executable, __file__, "--run-one", "--inputs", str(folder), "--db", str(db)]
    command += ["--flags", json.dumps(flags), "--result", str(result)]
    Console(stderr=True).print(f"[bold]{name}[/bold] …")
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    outcome = json.loads(result.read_text(encoding="utf-8"))
    if outcome["code"] != 0:
        raise SystemExit(f"{name}: marsad ingest exited with {outcome['code']}")
    return outcome | {"name": name, "db": db}


def compare(runs: list[dict], pages: int) -> None:
    from marsad.store.db import open_engine
    from marsad.store.snapshot import snapshot_differences, store_snapshot

    reference = store_snapshot(open_engine(str(runs[0]["db"]), create=False))
    for run in runs:
        snapshot = store_snapshot(open_engine(str(run["db"]), create=False))
        run["differences"] = snapshot_differences(reference, snapshot)
        run["pages_s"] = pages / run["seconds"]
        run["rows"] = {table: len(snapshot.get(table, [])) for table in ("pages", "articles", "stories")}


COLUMNS = (
    "run",
    "seconds",
    "pages/s",
    "vs single",
    "peak RSS ingest",
    "peak RSS per worker",
    "identical store",
)


def cells(run: dict, single_pages_s: float) -> list[str]:
    workers = ", ".join(f"{mb:.0f} MB" for mb in run["workers_mb"]) or "-"
    same = "yes" if not run["differences"] else "NO: " + "; ".join(run["differences"])
    ratio = run["pages_s"] / single_pages_s
    return [
        run["name"],
        f"{run['seconds']:.1f}",
        f"{run['pages_s']:.2f}",
        f"{ratio:.2f}x",
        f"{run['rss_mb']:.0f} MB",
        workers,
        same,
    ]


def table(runs: list[dict]) -> Table:
    out = Table(title="marsad ingest: one process vs Dask workers (same pages, same run)")
    for column in COLUMNS:
        out.add_column(column, justify="left" if column in ("run", "identical store") else "right")
    for run in runs:
        out.add_row(*cells(run, runs[0]["pages_s"]))
    return out


def markdown(runs: list[dict], command: str, pages: str, load: str) -> str:
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    stored = runs[0]["rows"]
    lines = [
        "# Dask ingest benchmark",
        "",
        f"Command: `{command}`  ",
        f"Date: {when}  ",
        f"Machine: {os.cpu_count()} cores shared with other work (load average before the run: {load}), "
        f"Python {platform.python_version()}, SQLite store  ",
        f"Pages: {pages} real text pages; stored {stored['pages']} pages, {stored['articles']} articles, "
        f"{stored['stories']} stories",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|---|" + "---:|" * (len(COLUMNS) - 2) + "---|",
    ]
    lines += ["| " + " | ".join(cells(run, runs[0]["pages_s"])) + " |" for run in runs]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, help="real text pages to ingest")
    # ANT by default: SaudiNewsNet pages hit the events.id crash (see DEFAULT_PAGES) sooner.
    parser.add_argument("--corpus", choices=["ant", "both", "saudinewsnet"], default="ant")
    parser.add_argument("--out", help="also write the results as Markdown to this file")
    parser.add_argument("--run-one", action="store_true", help=argparse.SUPPRESS)
    for internal in ("--inputs", "--db", "--flags", "--result"):
        parser.add_argument(internal, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_one:
        run_one(args)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_dask_") as scratch:
        folder = Path(scratch) / "pages"
        folder.mkdir()
        pages = write_pages(folder, args.pages, args.corpus)
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        runs = [measure(folder, Path(scratch), name, flags) for name, flags in RUNS.items()]
        compare(runs, pages)
    Console(width=160).print(table(runs))
    if args.out:
        command = "python bench/bench_dask.py " + " ".join(sys.argv[1:])
        report = markdown(runs, command.strip(), f"{pages} ({args.corpus})", load)
        Path(args.out).write_text(report, encoding="utf-8")
    return 0 if all(not run["differences"] for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())

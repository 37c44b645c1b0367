"""Score Marsad's extraction on the held-out dev set, one figure set per part.

    python bench/devset/build.py --shared ../shared --out bench/out/devset   # once
    python bench/score_devset.py [--devset bench/out/devset] [--shared ../shared] [--worst 5]

For each part (wet, residue, composed, fresh) Marsad extracts every page of OUT/<part>/ in this
process, exactly as `marsad extract OUT/<part> --format jsonl` does (readers + pipeline), and
writes OUT/marsad-<part>.jsonl; the shared scorer (../shared/tools/score_pages.py) is then run
on OUT/gold/<part> as a subprocess and its figures are tabulated side by side. text_f1 is the
headline. The dev set has no entity, quote or event gold, so those scorer rows are left out.
This set is held out: read the failures, do not tune on them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.errors import PageRejected
from marsad.run.local import run_local
from marsad.settings import Settings

REPO = Path(__file__).resolve().parents[1]
PARTS = ["wet", "residue", "composed", "fresh"]
# Scorer rows that the dev-set gold can support, headline first.
METRICS = [
    "text_f1",
    "articles_found",
    "spurious_articles",
    "title",
    "source",
    "dateline",
    "published",
    "tags_f1",
    "related_f1",
]
ROW = re.compile(r"^(?P<metric>\w+)\s+(?P<value>-?[\d.]+)\s+\(n=(?P<n>\d+)\)")


def extract_part(folder: Path, out: Path, settings: Settings) -> list[str]:
    """Marsad's page output for every dump in the folder, as JSON lines; returns the rejections."""
    rejected = []
    with out.open("w", encoding="utf-8") as sink:
        for outcome in run_local([str(p) for p in sorted(folder.glob("*.txt"))], settings):
            if isinstance(outcome, PageRejected):
                rejected.append(outcome.line())
                continue
            sink.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")
    return rejected


def score(scorer: Path, gold: Path, system: Path) -> tuple[dict[str, tuple[float, int]], list[dict]]:
    """Run the shared scorer; parse its metric rows and its per-page JSON lines."""
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), "--system", str(system), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows, pages = {}, []
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            pages.append(json.loads(line))
        elif match := ROW.match(line):
            rows[match["metric"]] = (float(match["value"]), int(match["n"]))
    return rows, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=REPO / "bench/out/devset")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--parts", nargs="+", default=PARTS, choices=PARTS)
    parser.add_argument("--worst", type=int, default=5, help="list this many lowest-text_f1 pages per part")
    args = parser.parse_args(argv)
    console = Console()
    scorer = args.shared / "tools/score_pages.py"
    settings = Settings.from_env()
    results, worst = {}, {}
    for part in args.parts:
        system = args.devset / f"marsad-{part}.jsonl"
        with console.status(f"extracting {part}"):
            rejected = extract_part(args.devset / part, system, settings)
        for line in rejected:
            console.print(f"[yellow]{part}: {line}")
        rows, pages = score(scorer, args.devset / "gold" / part, system)
        results[part] = (rows, len(pages), len(rejected))
        worst[part] = sorted(pages, key=lambda p: (p.get("text_f1", 0.0), p["page"]))[: args.worst]

    table = Table(title="Marsad extraction on the held-out dev set (shared score_pages.py; mean per page)")
    table.add_column("metric")
    for part in args.parts:
        table.add_column(f"{part} (n={results[part][1]})", justify="right")
    for metric in METRICS:
        cells = []
        for part in args.parts:
            value = results[part][0].get(metric)
            cells.append(
                "-"
                if value is None
                else f"{value[0]:.3f}" + ("" if value[1] == results[part][1] else f" (n={value[1]})")
            )
        table.add_row(f"[bold]{metric}[/]" if metric == "text_f1" else metric, *cells)
    table.add_row("pages rejected", *[str(results[part][2]) for part in args.parts])
    console.print(table)
    console.print(
        "spurious_articles = extracted articles matching no gold article, per page; "
        "'-' = no gold for that field in this part."
    )
    for part in args.parts:
        console.print(
            f"[bold]{part}[/]: lowest text_f1 pages: "
            + ", ".join(f"{p['page']} {p.get('text_f1', 0):.2f}" for p in worst[part])
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

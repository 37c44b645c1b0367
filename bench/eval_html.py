"""Score Marsad's HTML extraction against bare trafilatura on the Arabic gold pages in shared/.

Usage:  python bench/eval_html.py [--shared PATH] [--json]

Gold (shared/data/html, see its SOURCE.txt):
- CNN Arabic 2013: full gold body (newspaper4k)          -> body token F1
- LBC 2026: gold body paragraphs and date (fundus)        -> body token F1, date
- Assabah: trafilatura's eval entry: "with" snippets must be in the body, "without" must not
- 8 mediacloud pages (htmldate's eval set): gold publication date -> date accuracy
Body F1 is the bag-of-words F1 of shared/tools/score_pages.py (`token_f1`, imported from there so
the scoring is the scorer's). Bare trafilatura is `trafilatura.extract(html)` with its defaults;
its date is the one its metadata reader gives (`bare_extraction(html, with_metadata=True)`), and
htmldate's is `find_date(html, original_date=True)`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

import htmldate
import trafilatura
from rich.console import Console
from rich.table import Table

from marsad.extract.html import extract_html
from marsad.model import Page

REPO = Path(__file__).resolve().parents[1]
# shared/ sits beside the repository (the work tree and CI's clone alike).
DEFAULT_SHARED = REPO.parent / "shared"
CNN = "cnn_arabic_2013/newspaper4k_arabic_article"
LBC = "lbcgroup_lb/LBCGroup_2026_01_08.html.gz"
ASSABAH = "assabah_tn/assabah.com.tn.article.html"
MEDIACLOUD = "htmldate_mediacloud2020_ar"
# Date columns: Marsad given the page URL, Marsad without it (files carry none), the two peers.
SYSTEMS = ("marsad", "marsad_no_url", "trafilatura", "htmldate")


@dataclass
class GoldPage:
    name: str
    html: str
    url: str | None = None
    body: str | None = None
    date: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)


def read_html(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def load_gold(data: Path) -> list[GoldPage]:
    """Every gold page, in a fixed order (CNN, LBC, Assabah, then the mediacloud pages)."""
    pages = [
        GoldPage(
            "cnn_arabic_2013",
            read_html(data / f"{CNN}.html"),
            body=(data / f"{CNN}.expected.txt").read_text(),
        ),
        _lbc(data),
        _assabah(data),
    ]
    dates = json.loads((data / MEDIACLOUD / "gold_dates.json").read_text())
    for file_name in sorted(dates):
        gold = dates[file_name]
        pages.append(
            GoldPage(file_name, read_html(data / MEDIACLOUD / file_name), gold["url"], date=gold["date"])
        )
    return pages


def _lbc(data: Path) -> GoldPage:
    gold = json.loads((data / "lbcgroup_lb" / "LBCGroup.json").read_text())["V1"]
    paragraphs = [p for section in gold["body"]["sections"] for p in section["paragraphs"]]
    url = json.loads((data / "lbcgroup_lb" / "meta.info").read_text())[Path(LBC).name]["url"]
    html = read_html(data / LBC)
    return GoldPage("lbcgroup_2026", html, url, body="\n".join(paragraphs), date=gold["publishing_date"][:10])


def _assabah(data: Path) -> GoldPage:
    entry = json.loads((data / "assabah_tn" / "trafilatura_evaldata_entry.json").read_text())
    html = read_html(data / ASSABAH)
    return GoldPage(
        "assabah_tn", html, entry["url"], with_snippets=entry["with"], without_snippets=entry["without"]
    )


@dataclass
class Outputs:
    marsad_text: str
    marsad_date: str | None
    marsad_date_no_url: str | None
    related: list[str]
    bare_text: str
    bare_date: str | None
    htmldate_date: str | None


def run_systems(page: GoldPage) -> Outputs:
    """Marsad and the bare peers on one page (each parses the HTML string itself)."""
    extracted = extract_html(Page(name=page.name, kind="html", content=page.html, url=page.url))
    main = extracted.articles[0] if extracted.articles else None
    no_url = extract_html(Page(name=page.name, kind="html", content=page.html)).articles
    bare = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    assert not page.html.lstrip().startswith("http"), "htmldate would fetch a URL-like string"
    return Outputs(
        marsad_text=main.text if main else "",
        marsad_date=main.published if main else None,
        marsad_date_no_url=no_url[0].published if no_url else None,
        related=extracted.related_headlines,
        bare_text=trafilatura.extract(page.html, url=page.url) or "",
        bare_date=bare.date if bare else None,
        htmldate_date=htmldate.find_date(page.html, url=page.url, original_date=True),
    )


def snippet_hits(snippets: list[str], text: str) -> int:
    return sum(1 for snippet in snippets if snippet in text)


def score(pages: list[GoldPage], token_f1) -> dict:
    """Per-page rows and the totals, as plain data."""
    rows, dated = [], dict.fromkeys((*SYSTEMS, "pages"), 0)
    for page in pages:
        out = run_systems(page)
        row = {"page": page.name, "related": len(out.related)}
        row["leaked_marsad"] = sum(1 for headline in out.related if headline in out.marsad_text)
        row["leaked_trafilatura"] = sum(1 for headline in out.related if headline in out.bare_text)
        if page.body is not None:
            row["f1_marsad"] = token_f1(page.body, out.marsad_text)
            row["f1_trafilatura"] = token_f1(page.body, out.bare_text)
        if page.with_snippets:
            for system, text in (("marsad", out.marsad_text), ("trafilatura", out.bare_text)):
                row[f"with_{system}"] = snippet_hits(page.with_snippets, text)
                row[f"without_{system}"] = snippet_hits(page.without_snippets, text)
            row["snippets"] = (len(page.with_snippets), len(page.without_snippets))
        if page.date:
            row["date_gold"] = page.date
            row.update(
                date_marsad=out.marsad_date, date_trafilatura=out.bare_date, date_htmldate=out.htmldate_date
            )
            row["date_marsad_no_url"] = out.marsad_date_no_url
            dated["pages"] += 1
            for system in SYSTEMS:
                dated[system] += row[f"date_{system}"] == page.date
        rows.append(row)
    return {"rows": rows, "dates": dated}


def _mark(value: str | None, gold: str) -> str:
    return f"[green]{value}[/]" if value == gold else f"[red]{value}[/]"


def print_tables(result: dict, console: Console) -> None:
    body = Table(title="Body: token F1 against gold (higher is better)")
    for column in ("page", "Marsad", "trafilatura.extract", "Δ"):
        body.add_column(column, justify="left" if column == "page" else "right")
    snippets = Table(title='Assabah: trafilatura eval snippets ("with" found / "without" leaked)')
    for column in ("system", "with (want all)", "without (want 0)"):
        snippets.add_column(column)
    dates = Table(title="Publication date (gold day; the peers are given the URL too)")
    for column in ("page", "gold", "Marsad", "Marsad, no URL", "trafilatura meta", "htmldate"):
        dates.add_column(column, no_wrap=True)
    leaks = Table(title="Related headlines Marsad found, and how many of them sit in each body")
    for column in ("page", "found", "in Marsad body", "in trafilatura.extract body"):
        leaks.add_column(column, justify="left" if column == "page" else "right")
    for row in result["rows"]:
        if "f1_marsad" in row:
            delta = row["f1_marsad"] - row["f1_trafilatura"]
            body.add_row(
                row["page"], f"{row['f1_marsad']:.3f}", f"{row['f1_trafilatura']:.3f}", f"{delta:+.3f}"
            )
        if "snippets" in row:
            n_with, n_without = row["snippets"]
            for system in ("marsad", "trafilatura"):
                snippets.add_row(
                    system, f"{row[f'with_{system}']}/{n_with}", f"{row[f'without_{system}']}/{n_without}"
                )
        if "date_gold" in row:
            gold = row["date_gold"]
            dates.add_row(row["page"], gold, *(_mark(row[f"date_{s}"], gold) for s in SYSTEMS))
        leaks.add_row(
            row["page"], str(row["related"]), str(row["leaked_marsad"]), str(row["leaked_trafilatura"])
        )
    d = result["dates"]
    dates.add_row("accuracy", "", *(f"{d[s]}/{d['pages']}" for s in SYSTEMS))
    for table in (body, snippets, dates, leaks):
        console.print(table)


def import_token_f1(shared: Path):
    """The scorer's own token F1 (shared/tools/score_pages.py)."""
    sys.path.insert(0, str(shared / "tools"))
    from score_pages import token_f1  # noqa: PLC0415 - lives outside the package, found at run time

    return token_f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ folder")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of tables")
    args = parser.parse_args(argv)
    data = args.shared / "data" / "html"
    if not data.is_dir():
        print(f"no gold pages at {data}: pass --shared", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)  # trafilatura logs every page it finds thin
    result = score(load_gold(data), import_token_f1(args.shared))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_tables(result, Console(width=120))
    return 0


if __name__ == "__main__":
    sys.exit(main())

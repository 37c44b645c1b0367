"""Real pages never used while building the text-dump rules: WET renderings of the Assabah
interview and the eight MediaCloud 2020 article pages in ../shared/data/html.

    python bench/score_realwet.py --shared ../shared

Their gold is partial, so the figures are partial too:
- Assabah (trafilatura's evaluation entry): snippets that must be in the body ("with"),
  snippets of boilerplate that must not be ("without"), and the title.
- MediaCloud 2020 (htmldate's evaluation set): the publication date only.
Marsad reads each page as a WET-style text dump (the same rendering as bench/devset's wet/
part: the <title>, then one block element per line); bare trafilatura reads the HTML, which
carries far more structure, and is shown beside it for reference.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import trafilatura
from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "devset"))
from build import wet_text  # noqa: E402 - the dev set's WET rendering, shared on purpose

from marsad.arabic.normalize import MATCHING, normalize  # noqa: E402
from marsad.extract.articles import extract_text_page  # noqa: E402
from marsad.model import Page  # noqa: E402


def folded(text: str | None) -> str:
    return " ".join(normalize(text or "", MATCHING).split())


def marsad_main(html: str, name: str) -> tuple[str, str | None, str | None]:
    page = extract_text_page(Page(name=name, kind="text", content=wet_text(html)))
    if not page.articles:
        return "", None, None
    main = page.articles[0]
    return main.text, main.title, main.published


def trafilatura_main(html: str) -> tuple[str, str | None, str | None]:
    extracted = trafilatura.bare_extraction(html, with_metadata=True)
    document = extracted.as_dict() if extracted is not None else {}
    return document.get("text") or "", document.get("title"), document.get("date")


def score_assabah(shared: Path) -> dict[str, dict[str, str]]:
    folder = shared / "data/html/assabah_tn"
    entry = json.loads((folder / "trafilatura_evaldata_entry.json").read_text(encoding="utf-8"))
    html = (folder / entry["file"]).read_text(encoding="utf-8", errors="replace")
    rows: dict[str, dict[str, str]] = {}
    for system, (text, title, _) in {
        "marsad (text dump)": marsad_main(html, entry["file"]),
        "trafilatura (HTML)": trafilatura_main(html),
    }.items():
        body = folded(text)
        found = sum(folded(snippet) in body for snippet in entry["with"])
        leaked = sum(folded(snippet) in body for snippet in entry["without"])
        rows[system] = {
            "assabah: must-have snippets in body": f"{found}/{len(entry['with'])}",
            "assabah: boilerplate snippets in body": f"{leaked}/{len(entry['without'])}",
            "assabah: title": "right" if folded(title) == folded(entry["title"]) else f"wrong ({title!r:.60})",
        }
    return rows


def score_mediacloud(shared: Path) -> dict[str, dict[str, str]]:
    folder = shared / "data/html/htmldate_mediacloud2020_ar"
    gold = json.loads((folder / "gold_dates.json").read_text(encoding="utf-8"))
    right = {"marsad (text dump)": 0, "trafilatura (HTML)": 0}
    bodies = {"marsad (text dump)": 0, "trafilatura (HTML)": 0}
    for name, expected in sorted(gold.items()):
        html = (folder / name).read_text(encoding="utf-8", errors="replace")
        for system, (text, _title, date) in {
            "marsad (text dump)": marsad_main(html, name),
            "trafilatura (HTML)": trafilatura_main(html),
        }.items():
            right[system] += (date or "")[:10] == expected["date"]
            bodies[system] += len(text) >= 300
    return {
        system: {
            "mediacloud: publication date right": f"{right[system]}/{len(gold)}",
            "mediacloud: a body of 300+ chars found": f"{bodies[system]}/{len(gold)}",
        }
        for system in right
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[1].parent / "shared")
    args = parser.parse_args(argv)
    results = score_assabah(args.shared)
    for system, rows in score_mediacloud(args.shared).items():
        results[system].update(rows)
    systems = list(results)
    table = Table(title="Real pages outside the dev set (partial gold)")
    table.add_column("measure")
    for system in systems:
        table.add_column(system, justify="right")
    for measure in results[systems[0]]:
        table.add_row(measure, *(results[system][measure] for system in systems))
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

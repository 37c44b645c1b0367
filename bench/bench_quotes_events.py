"""What quotes and events cost: their share of the whole pipeline's time per page, same run.

    python bench/bench_quotes_events.py              # dev-set pages + sample page, 3 rounds
    python bench/bench_quotes_events.py --rounds 5 --entities ner

Each page goes through extraction, entities, quotes and events; every stage is timed on the
same pages in the same process, and the report gives milliseconds per page per stage and
the share of quotes + events in the total (goal: at most 25%).

Entities come from the NER model (`--entities ner`, the real pipeline) when
`models/ner_crf.crfsuite` is shipped; otherwise (or with `--entities gold`) from the gold
annotation's names found in the text and resolved with `resolve()`, a stand-in that is
cheaper than the CRF, so the quotes + events share it reports is an upper bound.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

GOAL_SHARE = 0.25
STAGES = ("extract", "entities", "quotes", "events")


def ner_available() -> bool:
    return resources.files("marsad").joinpath("models/ner_crf.crfsuite").is_file()


def load_pages(sample_dir: Path) -> list[tuple[str, str, dict]]:
    """(name, content, gold) for the dev-set pages and the sample page."""
    from eval_events import FIXTURES

    pages = []
    for gold_path in sorted((FIXTURES / "gold").glob("*/*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pages.append((gold["page"], (FIXTURES / "pages" / gold["page"]).read_text(encoding="utf-8"), gold))
    seed = sample_dir / "seed-page.txt"
    if seed.exists():
        gold = json.loads((sample_dir / "seed-page.gold.json").read_text(encoding="utf-8"))
        pages.append((seed.name, seed.read_text(encoding="utf-8"), gold))
    return pages


def run(pages, rounds: int, use_ner: bool) -> dict[str, float]:
    from eval_events import gold_mentions

    from marsad.enrich.entities import add_entities
    from marsad.enrich.events import add_events
    from marsad.enrich.quotes import add_quotes
    from marsad.enrich.resolve import resolve
    from marsad.extract import extract_page
    from marsad.model import Page

    spent = dict.fromkeys(STAGES, 0.0)
    for _ in range(rounds):
        for name, content, gold in pages:
            start = time.perf_counter()
            articles = extract_page(Page(name, kind="text", content=content)).articles
            spent["extract"] += time.perf_counter() - start
            gold_entities = [e for a in gold["articles"] for e in a.get("entities", [])]
            for article in articles:
                start = time.perf_counter()
                if use_ner:
                    add_entities(article)
                else:
                    text = f"{article.title}\n{article.text}" if article.title else article.text
                    article.entities = resolve(text, gold_mentions(text, gold_entities), article.dateline)
                spent["entities"] += time.perf_counter() - start
                start = time.perf_counter()
                add_quotes(article)
                spent["quotes"] += time.perf_counter() - start
                start = time.perf_counter()
                add_events(article)
                spent["events"] += time.perf_counter() - start
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--entities", choices=["auto", "ner", "gold"], default="auto")
    parser.add_argument("--sample", type=Path, default=REPO.parent / "shared" / "samples")
    args = parser.parse_args()
    use_ner = args.entities == "ner" or (args.entities == "auto" and ner_available())
    if args.entities == "ner" and not ner_available():
        print("no NER model shipped (models/ner_crf.crfsuite)", file=sys.stderr)
        return 1
    pages = load_pages(args.sample)
    run(pages[:2], 1, use_ner)  # warm up: load models and gazetteers outside the timing
    spent = run(pages, args.rounds, use_ner)
    total = sum(spent.values())
    count = len(pages) * args.rounds
    print(
        f"{len(pages)} pages x {args.rounds} rounds; "
        f"entities from {'the NER model' if use_ner else 'gold names (stand-in)'}"
    )
    for stage in STAGES:
        print(f"  {stage:9s} {1000 * spent[stage] / count:7.2f} ms/page  {spent[stage] / total:6.1%}")
    share = (spent["quotes"] + spent["events"]) / total
    print(f"  total     {1000 * total / count:7.2f} ms/page")
    print(
        f"quotes + events: {share:.1%} of the pipeline (goal <= {GOAL_SHARE:.0%}) "
        f"-> {'ok' if share <= GOAL_SHARE else 'OVER'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

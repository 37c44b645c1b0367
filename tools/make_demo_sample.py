"""Build the bundled demo sample: real ANT v2.1 articles written as plain-text page dumps.

ANT (Chouigui, Ben Khiroun, Elayeb 2017/2018) is free to use with citation, so a small
sample may ship in the package (see src/marsad/data/sample/ATTRIBUTION.md). The pick is
deterministic: busy days, a random pick of each day's articles, then the day's articles
that Marsad's own story clustering puts in one story with another outlet's (so the demo
shows stories told by several outlets).

    python tools/make_demo_sample.py ../shared/data/sections/ant-v2.1/ant_v2.1.jsonl.gz
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import defaultdict
from email.utils import parsedate_to_datetime
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "sample"
OUTLET_NAMES = {
    "alarabia": "العربية", "skynews": "سكاي نيوز عربية", "france24": "فرانس 24",
    "bbc": "بي بي سي عربي", "cnn": "سي إن إن بالعربية",
}
PER_DAY = 12
DAYS = 12
SEED = 20180401
# Articles per day added from multi-outlet stories after the random pick.
STORY_ARTICLES_PER_DAY = 6


def iso_date(value: str) -> str | None:
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def render(doc: dict) -> str:
    """A page dump as a scraper would save it: title, date, paragraphs, source line."""
    parts = [doc["title"].strip(), iso_date(doc.get("time", "")) or ""]
    parts += [p.strip() for p in doc["text"].split("\n") if p.strip()]
    parts.append(f"المصدر: {OUTLET_NAMES.get(doc['src'].lower(), doc['src'])}")
    return "\n\n".join(p for p in parts if p) + "\n"


def shared_story_docs(docs: list[dict]) -> list[dict]:
    """The day's articles that share a story with another outlet's, biggest stories first."""
    from marsad.stories.cluster import MemoryStoryIndex, Stories, arrival_order
    from marsad.stories.dedup import MemoryDedupIndex
    from marsad.stories.similar import describe

    by_id = {doc["docno"]: doc for doc in docs}
    items = [
        {"id": doc["docno"], "title": doc["title"], "text": doc["text"], "source": doc["src"],
         "published": iso_date(doc.get("time", ""))}
        for doc in docs
    ]
    engine = Stories(MemoryDedupIndex(), MemoryStoryIndex())
    members: dict[str, list[str]] = defaultdict(list)
    for story_doc in arrival_order(describe(item) for item in items):
        _links, placement = engine.add(story_doc)
        members[placement.story_id].append(placement.article_id)
    stories = [ids for ids in members.values() if len({by_id[i]["src"] for i in ids}) >= 2]
    stories.sort(key=lambda ids: (-len(ids), ids[0]))
    return [by_id[i] for ids in stories for i in ids]


def main(path: str) -> None:
    by_day: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            doc = json.loads(line)
            day = iso_date(doc.get("time", ""))
            if day and doc.get("title") and 600 <= len(doc.get("text", "")) <= 6000:
                by_day[day].append(doc)
    rng = random.Random(SEED)
    busy_days = sorted(d for d, docs in by_day.items() if len({x["src"] for x in docs}) >= 4)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.txt"):
        old.unlink()
    count = 0
    written: set[str] = set()  # page bodies already written (ANT repeats some articles)
    for day in rng.sample(busy_days, min(DAYS, len(busy_days))):
        picked = rng.sample(by_day[day], min(PER_DAY, len(by_day[day])))
        # Then the day's articles that share a story with another outlet's, not yet picked.
        picked += [doc for doc in shared_story_docs(by_day[day]) if doc not in picked][:STORY_ARTICLES_PER_DAY]
        for doc in picked:
            page = render(doc)
            body = page.split("\n", 1)[1]
            if body in written:  # ANT files some articles twice
                continue
            written.add(body)
            (OUT / f"{doc['docno']}.txt").write_text(page, encoding="utf-8")
            count += 1
    print(f"wrote {count} pages to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])

"""What a change to quotes or events does to articles nobody annotated: a diff to read by hand.

    python bench/event_changes.py --against HEAD                  # the last commit against the working tree
    python bench/event_changes.py --against HEAD~2 --per-day 8 --seed 77

The events dev set has 61 annotated articles, most of them read while writing the rules.
This runs the whole article chain (language, section, entities, quotes, events) on a fixed
draw of SaudiNewsNet articles, unseen by every model and rule, with the code of commit REV
and with the working tree (the same machinery as `entity_changes.py`), and prints each
article whose events or quotes differ: "- " what is gone, "+ " what came, with the sentence that reports it, then
the counts. Reading the diff decides whether a change helps; nothing here is a score.
"""

from __future__ import annotations

from entity_changes import DRAW, before_and_after, draw_arguments

# Run in a child process per code version, so each imports its own `marsad`.
CHILD = (
    DRAW
    + """
from marsad.pipeline import ARTICLE_STAGES
for item, article in drawn_articles():
    for stage in ARTICLE_STAGES:  # language, section, keywords, entities, quotes, events
        article = stage(article)
    events = {
        f"{e.type}: {' + '.join(e.participants)} @ {e.location or '-'} [{e.status} {e.date or '-'}]":
        (e.evidence or [""])[0][:160]
        for e in article.events
    }
    quotes = {f"{q.speaker or '?'}: {q.text[:90]}": "" for q in article.quotes}
    print(json.dumps({"title": item["title"], "events": events, "quotes": quotes}, ensure_ascii=False))
"""
)


def main() -> None:
    before, after = before_and_after(*draw_arguments(__doc__), child=CHILD)
    changed, gone_count, came_count = 0, 0, 0
    for old, new in zip(before, after, strict=True):
        lines = []
        for part in ("events", "quotes"):
            gone = sorted(set(old[part]) - set(new[part]))
            came = sorted(set(new[part]) - set(old[part]))
            gone_count += len(gone)
            came_count += len(came)
            lines += [f"   - {x}\n       {old[part][x]}".rstrip() for x in gone]
            lines += [f"   + {x}\n       {new[part][x]}".rstrip() for x in came]
        if lines:
            changed += 1
            print(f"== {new['title']}")
            print("\n".join(lines))
    print(f"{len(after)} articles, {changed} with different events or quotes; ", end="")
    print(f"{gone_count} gone, {came_count} new")


if __name__ == "__main__":
    main()

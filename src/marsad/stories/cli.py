"""`marsad stories`, `marsad story ID`, `marsad similar ARTICLE`, `marsad eval pairs FILE.csv`.

Thin: parse, open the store, call `marsad.store.stories`, print with rich. `add_parsers`
registers the commands on the main CLI's subparsers; `update_stories` is what ingest calls
after storing a batch.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.stories.cluster import Story, top_keys

# Outlets named in the stories table; the rest are counted.
SHOW_OUTLETS = 4
SHOW_STORY_TERMS = 8


def update_stories(conn, article_ids: Iterable[str]):
    """Ingest hook: link duplicates and place the given newly stored articles in stories.

    Call inside the transaction that stored them (or right after), e.g. once per batch:
    `update_stories(conn, stored_ids)`. Returns a `StoriesUpdate` summary.
    """
    from marsad.store.stories import update_stories as update

    return update(conn, article_ids)


def _engine(args: argparse.Namespace):
    from marsad.settings import Settings
    from marsad.store.db import open_engine
    from marsad.store.stories import create_story_tables

    engine = open_engine(Settings.from_env(db=args.db).db)
    with engine.begin() as conn:
        create_story_tables(conn)
    return engine


def when(ts: float | None) -> str:
    return "?" if ts is None else datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M")


def outlet_summary(outlets: dict[str, int]) -> str:
    ranked = sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = " · ".join(f"{name} {count}" for name, count in ranked[:SHOW_OUTLETS])
    rest = len(ranked) - SHOW_OUTLETS
    return shown + (f" · +{rest} more" if rest > 0 else "")


def story_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "first_seen": when(story.first_ts),
        "last_updated": when(story.last_ts),
        "articles": story.size,
        "outlets": dict(sorted(story.outlets.items())),
        "entities": top_keys(story.entities, SHOW_STORY_TERMS),
        "terms": top_keys(story.centroid, SHOW_STORY_TERMS),
    }


def cmd_stories(args: argparse.Namespace) -> int:
    from marsad.store.stories import latest_stories, rebuild_stories

    engine = _engine(args)
    if args.rebuild:
        with engine.begin() as conn:
            summary = rebuild_stories(conn)
        Console(stderr=True).print(f"rebuilt: {summary.articles} articles, {summary.new_stories} stories")
    with engine.connect() as conn:
        found = latest_stories(conn, limit=args.limit, min_articles=args.min_articles)
    if args.json:
        for story in found:
            sys.stdout.write(json.dumps(story_dict(story), ensure_ascii=False) + "\n")
        return 0
    table = Table(title=f"latest stories ({len(found)})")
    table.add_column("story", no_wrap=True)
    table.add_column("title")
    table.add_column("articles", justify="right")
    for column in ("outlets", "first seen", "last updated"):
        table.add_column(column)
    for story in found:
        outlets = f"{len(story.outlets)}: {outlet_summary(story.outlets)}"
        table.add_row(
            story.id,
            Text(story.title or "(no title)"),
            str(story.size),
            outlets,
            when(story.first_ts),
            when(story.last_ts),
        )
    Console().print(table)
    return 0


def cmd_story(args: argparse.Namespace) -> int:
    from marsad.store.stories import get_story, story_id_of, story_members

    engine = _engine(args)
    with engine.connect() as conn:
        story = get_story(conn, args.id) or get_story(conn, story_id_of(conn, args.id) or "")
        members = story_members(conn, story.id) if story else []
    if story is None:
        Console(stderr=True).print(f"no story or article with id {args.id}")
        return 1
    if args.json:
        data = story_dict(story) | {"members": [{k: v for k, v in m.items() if k != "ts"} for m in members]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return 0
    out = Console(highlight=False)
    out.print(Text(story.title or "(no title)", style="bold"))
    out.print(
        Text(
            f"{story.id} · {story.size} articles from {len(story.outlets)} outlets · "
            f"first seen {when(story.first_ts)} · last updated {when(story.last_ts)}",
            style="dim",
        )
    )
    entities = top_keys(story.entities, SHOW_STORY_TERMS)
    out.print(
        Text(
            ("main entities: " + "، ".join(entities))
            if entities
            else "key terms: " + "، ".join(top_keys(story.centroid, SHOW_STORY_TERMS)),
            style="cyan",
        )
    )
    table = Table()
    for column in ("outlet", "published", "title", "article", "how", "score"):
        table.add_column(column, no_wrap=column == "article")
    for member in sorted(members, key=lambda m: (m["source"] or "", m["ts"] or 0.0, m["id"])):
        table.add_row(
            member["source"] or "?",
            member["published"] or when(member["ts"]),
            Text(member["title"] or "(no title)"),
            member["id"],
            member["reason"],
            f"{member['score']:.2f}",
        )
    out.print(table)
    return 0


def cmd_similar(args: argparse.Namespace) -> int:
    from marsad.store.stories import article_texts, load_docs, similar_candidates
    from marsad.stories.similar import most_similar

    engine = _engine(args)
    with engine.connect() as conn:
        doc = load_docs(conn, [args.article]).get(args.article)
        if doc is None:
            Console(stderr=True).print(
                f"article {args.article} is not stored or has no stories data yet "
                "(ingest it, or run `marsad stories --rebuild`)"
            )
            return 1
        if args.why:
            return _print_why(conn, doc, args)
        candidates = load_docs(conn, similar_candidates(conn, doc))
        ranked = most_similar(doc, candidates.values(), k=args.k)
        texts = article_texts(conn, [other.id for other, _ in ranked])
    if args.json:
        for other, sim in ranked:
            row = {
                "id": other.id,
                "title": other.title,
                "source": other.source,
                "score": round(sim.score, 4),
                "text_cosine": round(sim.text, 4),
                "jaccard": round(sim.jaccard, 4),
                "hours_apart": None if sim.hours_apart is None else round(sim.hours_apart, 1),
            }
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    table = Table(title=f"articles like {doc.id}: {doc.title or ''}")
    for column in ("rank", "score", "title", "outlet", "published", "article"):
        table.add_column(column, no_wrap=column == "article")
    for rank, (other, sim) in enumerate(ranked, 1):
        published = texts.get(other.id, {}).get("published") or when(other.ts)
        table.add_row(
            str(rank),
            f"{sim.score:.3f}",
            Text(other.title or "(no title)"),
            other.source or "?",
            published,
            other.id,
        )
    Console().print(table)
    return 0


def _print_why(conn, doc, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from marsad.store.stories import article_texts, load_docs
    from marsad.stories.explain import as_lines, explain

    other = load_docs(conn, [args.why]).get(args.why)
    if other is None:
        Console(stderr=True).print(f"article {args.why} is not stored or has no stories data yet")
        return 1
    texts = article_texts(conn, [doc.id, other.id])
    result = explain(doc, other, texts[doc.id]["text"], texts[other.id]["text"])
    if args.json:
        sys.stdout.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
        return 0
    out = Console(highlight=False)
    out.print(Text(f"{doc.id}: {doc.title or ''}", style="bold"))
    out.print(Text(f"{other.id}: {other.title or ''}", style="bold"))
    for line in as_lines(result):
        out.print(Text(line))
    return 0


def cmd_eval_pairs(args: argparse.Namespace) -> int:
    from marsad.eval.pairs import run

    return run(args)


def add_eval_pairs_parser(eval_subparsers) -> None:
    """Register `pairs` under an existing `marsad eval` group."""
    from marsad.eval.pairs import add_arguments

    pairs = eval_subparsers.add_parser("pairs", help="same/different (F1) or graded (Pearson) article pairs")
    add_arguments(pairs)
    pairs.set_defaults(func=cmd_eval_pairs)


def add_parsers(subparsers, eval_subparsers=None) -> None:
    """Register stories, story, similar and eval pairs on the main CLI's subparsers.

    If the main CLI already has an `eval` group, pass its subparsers as `eval_subparsers`;
    otherwise an `eval` group is created here.
    """
    db_help = "database URL or SQLite file (default ./marsad.db)"
    stories = subparsers.add_parser("stories", help="latest stories with outlet counts")
    stories.add_argument("--db", help=db_help)
    stories.add_argument("--limit", type=int, default=20)
    stories.add_argument("--min-articles", type=int, default=2, help="hide stories smaller than this")
    stories.add_argument(
        "--rebuild", action="store_true", help="recompute links and stories over all articles"
    )
    stories.add_argument("--json", action="store_true", help="one JSON object per story")
    stories.set_defaults(func=cmd_stories)

    story = subparsers.add_parser("story", help="one story: its articles by outlet")
    story.add_argument("id", help="story id (or the id of one of its articles)")
    story.add_argument("--db", help=db_help)
    story.add_argument("--json", action="store_true")
    story.set_defaults(func=cmd_story)

    similar = subparsers.add_parser("similar", help="articles most like an article, or why two are linked")
    similar.add_argument("article", help="article id")
    similar.add_argument("-k", type=int, default=10, help="how many (default 10)")
    similar.add_argument("--why", metavar="OTHER", help="explain the link between ARTICLE and OTHER")
    similar.add_argument("--db", help=db_help)
    similar.add_argument("--json", action="store_true")
    similar.set_defaults(func=cmd_similar)

    if eval_subparsers is None:
        evaluate = subparsers.add_parser("eval", help="evaluate against gold data")
        eval_subparsers = evaluate.add_subparsers(dest="eval_command", required=True)
    add_eval_pairs_parser(eval_subparsers)

"""Stories: rewrites across outlets form one story, incrementally, deterministically, without deletions."""

import json
import random

from sqlalchemy import func, select

from marsad.model import Article, Entity, ExtractedPage, Page
from marsad.store.db import open_engine
from marsad.store.repo import save_page
from marsad.store.schema import articles as articles_table
from marsad.store.stories import (
    duplicate_links,
    get_story,
    latest_stories,
    rebuild_stories,
    story_articles,
    story_members,
    update_stories,
)
from marsad.stories.cluster import (
    DUPLICATE,
    NEW,
    SIMILAR,
    MemoryStoryIndex,
    Stories,
    add_member,
    arrival_order,
    new_story,
    story_score,
)
from marsad.stories.dedup import MemoryDedupIndex
from marsad.stories.similar import describe


def load(fixtures):
    data = json.loads((fixtures / "stories" / "rewrites.json").read_text(encoding="utf-8"))
    return {
        row["key"]: Article(
            title=row["title"], text=row["text"], source=row["source"], published=row["published"]
        )
        for row in data["articles"]
    }


def cluster(articles, order=None):
    """{key: (story seed key, reason)} after processing in arrival order."""
    docs = [describe(a) for a in articles.values()]
    if order is not None:
        random.Random(order).shuffle(docs)
    names = {a.id: key for key, a in articles.items()}
    engine = Stories(MemoryDedupIndex(), MemoryStoryIndex())
    out = {}
    for doc in arrival_order(docs):
        _, placement = engine.add(doc)
        out[names[doc.id]] = (names[placement.story_id[1:]], placement.reason)
    return out, engine.index


def test_rewrites_across_outlets_form_one_story(fixtures):
    placed, index = cluster(load(fixtures))
    assert placed["wire"] == ("wire", NEW)
    assert placed["respelled"] == ("wire", DUPLICATE)
    assert placed["rewrite"] == ("wire", DUPLICATE)
    assert placed["report"] == ("wire", SIMILAR)
    assert placed["unrelated"] == ("unrelated", NEW)
    assert placed["month_later"] == ("month_later", NEW)  # the story closed weeks ago


def test_story_has_title_outlets_and_time_span(fixtures):
    articles = load(fixtures)
    _, index = cluster(articles)
    story = index.stories["s" + articles["wire"].id]
    assert story.title == articles["wire"].title  # the first report names the story
    assert story.size == 4
    assert story.outlets == {"واس": 1, "الرياض": 1, "عكاظ": 1, "سبق": 1}
    assert story.last_ts - story.first_ts == 6 * 3600


def test_same_groups_whatever_the_input_order(fixtures):
    reference, _ = cluster(load(fixtures))
    for seed in range(3):
        assert cluster(load(fixtures), order=seed)[0] == reference


def test_shared_entities_raise_the_story_score():
    plain = Article(
        title="زيارة رسمية",
        text="بحث الجانبان تعزيز العلاقات الثنائية والتعاون الاقتصادي",
        published="2024-01-01T10:00:00",
    )
    with_entities = Article(
        title=plain.title,
        text=plain.text,
        published=plain.published,
        entities=[Entity(name="الرياض", type="LOC"), Entity(name="باريس", type="LOC")],
    )
    other = Article(
        title="لقاء",
        text="ناقش الوفدان ملفات التعاون في مجالات الطاقة والتعليم",
        published="2024-01-01T11:00:00",
        entities=[Entity(name="الرياض", type="LOC")],
    )
    story = new_story(describe(other))
    add_member(story, describe(other))
    assert story_score(describe(with_entities), story) > story_score(describe(plain), story)


def page_of(name, article):
    return ExtractedPage(page=Page(name=name, kind="text", content=name + article.text), articles=[article])


def store(engine, articles):
    ids = []
    with engine.begin() as conn:
        for key, article in articles.items():
            save_page(conn, page_of(key, article))
            ids.append(article.id)
    return ids


def snapshot(conn):
    links = conn.execute(
        select(duplicate_links.c.article_id, duplicate_links.c.duplicate_of, duplicate_links.c.kind)
    )
    members = conn.execute(
        select(story_articles.c.article_id, story_articles.c.story_id, story_articles.c.reason)
    )
    return sorted(map(tuple, links)), sorted(map(tuple, members))


def test_store_updates_incrementally_like_the_memory_run(db_url, fixtures):
    articles = load(fixtures)
    engine = open_engine(db_url)
    ids = store(engine, articles)
    order = [describe(a).id for a in articles.values()]
    with engine.begin() as conn:
        first = update_stories(conn, order[:3])  # wire, respelled, rewrite
        second = update_stories(conn, order[3:])
        again = update_stories(conn, ids)
        links, members = snapshot(conn)
        stored = conn.execute(select(func.count()).select_from(articles_table)).scalar_one()
    assert (first.articles, second.articles, again.articles) == (3, 3, 0)
    assert stored == len(articles)  # nothing deleted
    placed, _ = cluster(articles)
    names = {a.id: key for key, a in articles.items()}
    assert {names[a]: (names[s[1:]], r) for a, s, r in members} == placed
    assert sorted((names[a], names[b], k) for a, b, k in links) == [
        ("month_later", "wire", "exact"),
        ("respelled", "wire", "exact"),
        ("rewrite", "wire", "near"),
    ]


def test_rebuild_gives_the_same_stories_and_keeps_articles(db_url, fixtures):
    engine = open_engine(db_url)
    store(engine, load(fixtures))
    with engine.begin() as conn:
        update_stories(conn, [row for row in conn.execute(select(articles_table.c.id)).scalars()])
        before = snapshot(conn)
        rebuild_stories(conn)
        after = snapshot(conn)
        stored = conn.execute(select(func.count()).select_from(articles_table)).scalar_one()
    assert before == after
    assert stored == 6


def test_reading_stories(db_url, fixtures):
    articles = load(fixtures)
    engine = open_engine(db_url)
    ids = store(engine, articles)
    with engine.begin() as conn:
        update_stories(conn, ids)
    with engine.connect() as conn:
        latest = latest_stories(conn, limit=10, min_articles=2)
        story = get_story(conn, "s" + articles["wire"].id)
        members = story_members(conn, story.id)
    assert [s.id for s in latest] == [story.id]
    assert [m["source"] for m in members] == ["واس", "الرياض", "عكاظ", "سبق"]
    assert story.size == 4 and story.title == articles["wire"].title


def test_cli_lists_stories_and_shows_one(tmp_path, fixtures, capsys):
    import argparse

    from marsad.stories.cli import add_parsers

    articles = load(fixtures)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    ids = store(open_engine(db), articles)
    with open_engine(db).begin() as conn:
        update_stories(conn, ids)
    parser = argparse.ArgumentParser(prog="marsad")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    for argv in (["stories", "--db", db, "--json"], ["story", articles["rewrite"].id, "--db", db, "--json"]):
        args = parser.parse_args(argv)
        assert args.func(args) == 0
    listed, shown = capsys.readouterr().out.strip().splitlines()
    assert json.loads(listed)["outlets"] == {"الرياض": 1, "سبق": 1, "عكاظ": 1, "واس": 1}
    assert [m["id"] for m in json.loads(shown)["members"]][0] == articles["wire"].id
    args = parser.parse_args(["stories", "--db", db])
    assert args.func(args) == 0 and "latest stories (1)" in capsys.readouterr().out

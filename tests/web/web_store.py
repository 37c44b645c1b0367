"""A store for the web tests: the sample pages through the real pipeline, plus hand
annotations (entities, quotes, events, sections, two stories) and one hostile article."""

from __future__ import annotations

import json
import os
import uuid
import warnings
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, String, Table, create_engine, delete, select, text, update

from marsad.errors import PageRejected
from marsad.model import Article, Entity, ExtractedPage, Page
from marsad.run.local import run_local
from marsad.settings import Settings
from marsad.store.db import open_engine
from marsad.store.entities import article_entities, store_entities
from marsad.store.repo import save_page
from marsad.store.schema import articles, page_articles, pages

HERE = Path(__file__).parent
SAMPLE = HERE.parents[1] / "src" / "marsad" / "data" / "sample"
ENRICHMENT = json.loads((HERE / "fixtures" / "enrichment.json").read_text(encoding="utf-8"))
ARTIFACTS = HERE.parents[1] / "tests" / "artifacts"
PG_URL = os.environ.get("MARSAD_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TOKEN = "test-token-0123456789abcdef"

# Markup and script in every scraped field a page shows: none of it may run.
HOSTILE_TITLE = 'تحذير <script>window.__pwned = "title"</script> عاجل'
HOSTILE_TEXT = (
    "فقرة أولى من خبر عن الأمن الرقمي تذكر <b>خطر</b> البرمجيات الخبيثة في المواقع الإخبارية العربية.\n"
    "صورة مزورة <img src=x onerror=\"window.__pwned = 'img'\"> داخل النص وتعليق <!-- comment --> غريب.\n"
    "رابط خبيث <a href=\"javascript:window.__pwned='link'\">اضغط هنا</a> "
    'ثم <svg onload="window.__pwned=1"></svg> نهاية.\n'
    "وذكر الخبر المخترق سكربت في سياق الحديث عن حماية القراء."
)
HOSTILE_ENTITY = '<script>window.__pwned="entity"</script>'


def _sample_pages(conn) -> None:
    """Real extraction; the enrichment the web tests check comes only from the hand annotations,
    so what the pages must show does not move when a model is retrained."""
    for outcome in run_local([str(SAMPLE)], Settings()):
        if not isinstance(outcome, PageRejected):
            for article in outcome.articles:
                article.entities, article.quotes, article.events = [], [], []
            save_page(conn, outcome)


def _article_of(conn, page_name: str) -> str:
    query = (
        select(page_articles.c.article_id)
        .join(pages, pages.c.id == page_articles.c.page_id)
        .where(pages.c.name == page_name)
        .order_by(page_articles.c.position)
    )
    return conn.execute(query).scalars().first()


def _annotate(conn) -> dict[str, str]:
    """Sections and language for every sample page; entities, quotes and events for a few."""
    ids = {}
    for (name,) in conn.execute(select(pages.c.name)):
        article_id = _article_of(conn, name)
        section = ENRICHMENT["sections"].get(name.split("-")[1]) if "-" in name else None
        conn.execute(
            update(articles).where(articles.c.id == article_id).values(section=section, language="ar")
        )
        ids[name] = article_id
    for name, fields in ENRICHMENT["articles"].items():
        conn.execute(update(articles).where(articles.c.id == ids[name]).values(**fields))
        if "entities" in fields:  # the store's links follow the hand annotation, as ingest makes them
            conn.execute(delete(article_entities).where(article_entities.c.article_id == ids[name]))
            store_entities(conn, ids[name], [Entity(**entity) for entity in fields["entities"]])
    return ids


def _hostile(conn) -> str:
    article = Article(
        title=HOSTILE_TITLE,
        text=HOSTILE_TEXT,
        source="<i onmouseover=\"window.__pwned='source'\">مصدر</i>",
        published="2018-08-20",
        language="ar",
        section="technology",
        url="javascript:window.__pwned='url'",
        tags=["<img src=x onerror=\"window.__pwned='tag'\">"],
        entities=[Entity(name=HOSTILE_ENTITY, type="ORG", mentions=["البرمجيات الخبيثة"])],
    )
    page = Page(name="hostile.txt", kind="text", content=HOSTILE_TITLE + "\n" + HOSTILE_TEXT)
    save_page(conn, ExtractedPage(page=page, articles=[article]))
    return article.id


def _story_tables():
    """The story tables of `marsad.store.stories` when present, else minimal ones of the
    shape `queries.story_tables` reads."""
    try:
        from marsad.store import stories as story_store
    except ImportError:
        meta = MetaData()
        stories = Table("stories", meta, Column("id", String(40), primary_key=True), Column("title", String))
        members = Table(
            "story_articles",
            meta,
            Column("article_id", String(32), primary_key=True),
            Column("story_id", String(40), nullable=False),
        )
        return stories, members, meta.create_all
    return story_store.stories, story_store.story_articles, story_store.create_story_tables


def _stories(conn, ids: dict[str, str]) -> None:
    """Two hand-made stories (each told by two outlets) in the store's story tables."""
    stories, members, create = _story_tables()
    create(conn)
    full = {  # the columns `marsad.store.stories` requires; the minimal tables ignore them
        "title_id": "",
        "size": 2,
        "outlets": {},
        "centroid": {},
        "entities": {},
        "events": {},
        "updated_at": 0.0,
    }
    for story_id, names in ENRICHMENT["stories"].items():
        row = {"id": story_id, "title": None, **{k: v for k, v in full.items() if k in stories.c}}
        conn.execute(stories.insert(), row)
        for name in names:
            member = {"story_id": story_id, "article_id": ids[name], "score": 1.0, "reason": "similar"}
            conn.execute(members.insert(), {k: v for k, v in member.items() if k in members.c})


def build_store(url: str) -> dict[str, str]:
    """Fill the store at `url`; returns page name -> article id (plus 'hostile')."""
    engine = open_engine(url)
    with engine.begin() as conn:
        _sample_pages(conn)
    with engine.begin() as conn:
        ids = _annotate(conn)
        ids["hostile"] = _hostile(conn)
        _stories(conn, ids)
    engine.dispose()
    return ids


def pg_schema_url() -> tuple[str, str]:
    try:
        admin = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        schema = f"marsad_web_{uuid.uuid4().hex[:10]}"
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means "no PostgreSQL here"
        pytest.skip(f"no PostgreSQL at {PG_URL} ({type(exc).__name__})")
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", schema


def drop_pg_schema(schema: str) -> None:
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def make_client(url: str, token: str | None = TOKEN):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # starlette suggests httpx2; httpx works
        from fastapi.testclient import TestClient

        from marsad.web.app import create_app

        return TestClient(create_app(Settings(db=url), token=token))

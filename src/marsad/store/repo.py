"""Reading and writing pages and articles. Writes are idempotent: ids are content hashes."""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from marsad.errors import PageRejected
from marsad.model import Article, ExtractedPage
from marsad.store.entities import store_entities
from marsad.store.events import store_events
from marsad.store.locks import hold_advisory_lock
from marsad.store.schema import articles, page_articles, pages, rejections
from marsad.store.search import index_article

# Writers take turns, one page's transaction at a time, on PostgreSQL as SQLite's write lock makes
# them do: entities, their variants and stories are read, then written. Two `ingest` runs (or
# ingest and watch) interleaving those statements both inserted the same new entity (a unique
# violation that stopped one run) or built stories from rows the other had not committed yet.
WRITE_LOCK_NAME = "marsad.store.write:"


def lock_for_writing(conn: Connection) -> None:
    """Wait for other writers of this store; held until the transaction ends (no-op on SQLite)."""
    hold_advisory_lock(conn, WRITE_LOCK_NAME)


def _insert_ignore(conn: Connection, table):
    """INSERT that skips rows whose primary key is already stored (both engines)."""
    dialect_insert = sqlite_insert if conn.dialect.name == "sqlite" else pg_insert
    return dialect_insert(table).on_conflict_do_nothing()


def _insert_new(conn: Connection, table, row: dict[str, Any]) -> bool:
    """Insert unless the key exists; True when this call stored the row (RETURNING, not rowcount,
    which psycopg does not report for a skipped conflict)."""
    statement = _insert_ignore(conn, table).returning(table.c.id)
    return conn.execute(statement, row).first() is not None


def page_exists(conn: Connection, page_id: str) -> bool:
    return conn.execute(select(pages.c.id).where(pages.c.id == page_id)).first() is not None


def save_page(conn: Connection, extracted: ExtractedPage) -> tuple[bool, int]:
    """Store a page with its articles; return (page was new, articles newly stored)."""
    lock_for_writing(conn)
    page = extracted.page
    now = time.time()
    is_new = _insert_new(
        conn,
        pages,
        {
            "id": page.id,
            "name": page.name,
            "origin": page.origin,
            "url": page.url,
            "kind": page.kind,
            "encoding": page.encoding,
            "related_headlines": extracted.related_headlines,
            "ingested_at": now,
        },
    )
    if not is_new:
        return False, 0
    new_articles = 0
    for position, article in enumerate(extracted.articles):
        new_articles += _save_article(conn, article, page.id, now)
        conn.execute(
            _insert_ignore(conn, page_articles),
            {"page_id": page.id, "article_id": article.id, "position": position, "role": article.role},
        )
    conn.execute(rejections.delete().where(rejections.c.name == page.name))
    return True, new_articles


def _save_article(conn: Connection, article: Article, page_id: str, now: float) -> int:
    row = article_row(article)
    row.update(first_page_id=page_id, ingested_at=now)
    if not _insert_new(conn, articles, row):
        return 0
    index_article(conn, article.id, article.title, article.text)
    store_entities(conn, article.id, article.entities)
    store_events(conn, article.id, article.events)
    return 1


def article_row(article: Article) -> dict[str, Any]:
    data = asdict(article)
    return {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "source": article.source,
        "dateline": article.dateline,
        "published": article.published,
        "language": article.language,
        "section": article.section,
        "url": article.url,
        "tags": data["tags"],
        "keywords": data["keywords"],
        "entities": data["entities"],
        "quotes": data["quotes"],
        "events": data["events"],
    }


def record_rejection(conn: Connection, rejected: PageRejected) -> None:
    """Remember why an input was refused; a re-run replaces the row, never adds a second."""
    name = rejected.name or "(unnamed input)"
    lock_for_writing(conn)
    conn.execute(rejections.delete().where(rejections.c.name == name))
    conn.execute(
        insert(rejections),
        {"name": name, "reason": rejected.reason, "detail": rejected.detail, "seen_at": time.time()},
    )


def counts(conn: Connection) -> dict[str, int]:
    def count(table) -> int:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    return {"pages": count(pages), "articles": count(articles), "rejections": count(rejections)}


def get_article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
    return dict(row) if row else None

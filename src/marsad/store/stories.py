"""Story tables, kept up to date incrementally from newly stored articles.

`update_stories(conn, article_ids)` runs duplicate detection and story placement for
articles already in `articles`, in publication order, against what earlier calls stored:
MinHash bands live in `story_bands` (an LSH index in SQL), open stories and their top terms
in `stories` / `story_terms`. Articles are never touched: duplicates are links, stories are
memberships. SQLAlchemy Core with bound parameters only, so SQLite and PostgreSQL behave alike.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    delete,
    desc,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)

from marsad.store.schema import articles, metadata
from marsad.stories.cluster import (
    MAX_CANDIDATES,
    MAX_POSTING,
    MIN_SHARED_TERMS,
    QUERY_TERMS,
    Placement,
    Stories,
    Story,
    arrival_order,
    top_keys,
)
from marsad.stories.dedup import DEDUP_WINDOW_SECONDS, DuplicateLink, Fingerprint, band_keys
from marsad.stories.similar import StoryDoc, describe

# Rows per IN (...) list: well under SQLite's bound-parameter limit.
CHUNK = 500

story_docs = Table(
    "story_docs",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("seq", Integer, nullable=False, index=True),  # processing order: "earlier" means smaller
    Column("text_key", String(16), nullable=False, index=True),
    Column("signature", LargeBinary, nullable=False),  # MinHash, uint32 little-endian
    Column("shingles", Integer, nullable=False),
    Column("ts", Float, index=True),
    Column("title", Text),
    Column("source", Text),
    Column("terms", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("events", JSON, nullable=False),
)

story_bands = Table(
    "story_bands",
    metadata,
    Column("band_key", BigInteger, primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
)

duplicate_links = Table(
    "duplicate_links",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("duplicate_of", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("jaccard", Float, nullable=False),
    Column("containment", Float, nullable=False),
    Index("ix_duplicate_links_duplicate_of", "duplicate_of"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text),
    Column("title_id", String(32), nullable=False),
    Column("title_ts", Float),
    Column("first_ts", Float),
    Column("last_ts", Float, index=True),
    Column("size", Integer, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("centroid", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("events", JSON, nullable=False),
    Column("updated_at", Float, nullable=False),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("story_id", String(40), ForeignKey("stories.id"), nullable=False, index=True),
    Column("score", Float, nullable=False),
    Column("reason", String(16), nullable=False),
)

# Inverted index of open stories: a story is findable by its top terms until `closes_at`.
story_terms = Table(
    "story_terms",
    metadata,
    Column("term", String(64), primary_key=True),
    Column("story_id", String(40), ForeignKey("stories.id"), primary_key=True),
    Column("closes_at", Float),
    Index("ix_story_terms_story_id", "story_id"),  # a story's terms are replaced as it grows
)

STORY_TABLES = (story_docs, story_bands, duplicate_links, stories, story_articles, story_terms)


def create_story_tables(conn: Connection) -> None:
    """Create the story tables if missing (also done by `open_engine` once this module is imported).

    One catalogue lookup when they exist, so callers may call it before every batch.
    """
    if not inspect(conn).has_table(story_terms.name):
        metadata.create_all(conn, tables=list(STORY_TABLES), checkfirst=True)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------- rows <-> records


def doc_from_row(row: Any) -> StoryDoc:
    signature = np.frombuffer(row.signature, dtype="<u4").copy()
    fp = Fingerprint(row.article_id, row.text_key, signature, row.shingles, row.ts)
    return StoryDoc(
        id=row.article_id,
        title=row.title,
        source=row.source,
        ts=row.ts,
        fp=fp,
        terms=dict(row.terms),
        entities=tuple(row.entities),
        events=tuple(row.events),
    )


def story_from_row(row: Any) -> Story:
    return Story(
        id=row.id,
        title=row.title,
        first_ts=row.first_ts,
        last_ts=row.last_ts,
        size=row.size,
        outlets=dict(row.outlets),
        centroid=dict(row.centroid),
        entities=dict(row.entities),
        events=dict(row.events),
        title_ts=row.title_ts,
        title_id=row.title_id,
    )


def _story_values(story: Story) -> dict[str, Any]:
    return {
        "title": story.title,
        "title_id": story.title_id,
        "title_ts": story.title_ts,
        "first_ts": story.first_ts,
        "last_ts": story.last_ts,
        "size": story.size,
        "outlets": story.outlets,
        "centroid": story.centroid,
        "entities": story.entities,
        "events": story.events,
        "updated_at": time.time(),
    }


# ---------------------------------------------------------------- the two indexes, in SQL


class SqlDedupIndex:
    """`dedup.DedupIndex` over `story_docs` and `story_bands` (same links as the memory index)."""

    def __init__(self, conn: Connection, docs: dict[str, StoryDoc], window: float = DEDUP_WINDOW_SECONDS):
        self.conn, self.docs, self.window = conn, docs, window
        self.seq = int(conn.execute(select(func.coalesce(func.max(story_docs.c.seq), 0))).scalar_one())

    def first_with_key(self, key: str) -> str | None:
        query = select(story_docs.c.article_id).where(story_docs.c.text_key == key).order_by(story_docs.c.seq)
        return self.conn.execute(query.limit(1)).scalar()

    def candidates(self, fp: Fingerprint) -> list[Fingerprint]:
        if not fp.size:
            return []
        found = select(story_bands.c.article_id).where(story_bands.c.band_key.in_(band_keys(fp.signature)))
        query = select(story_docs).where(story_docs.c.article_id.in_(found.distinct()))
        if fp.ts is not None:
            lo, hi = fp.ts - self.window, fp.ts + self.window
            query = query.where(or_(story_docs.c.ts.is_(None), story_docs.c.ts.between(lo, hi)))
        rows = self.conn.execute(query.order_by(story_docs.c.article_id)).all()
        return [doc_from_row(row).fp for row in rows]

    def add(self, fp: Fingerprint, canonical: bool) -> None:
        doc = self.docs[fp.article_id]
        self.seq += 1
        self.conn.execute(insert(story_docs), [_doc_values(doc, self.seq)])
        if canonical and fp.size:
            keys = sorted(set(band_keys(fp.signature)))
            self.conn.execute(
                insert(story_bands), [{"band_key": k, "article_id": fp.article_id} for k in keys]
            )


def _doc_values(doc: StoryDoc, seq: int) -> dict[str, Any]:
    return {
        "article_id": doc.id,
        "seq": seq,
        "text_key": doc.fp.key,
        "signature": np.asarray(doc.fp.signature, dtype="<u4").tobytes(),
        "shingles": doc.fp.size,
        "ts": doc.ts,
        "title": doc.title,
        "source": doc.source,
        "terms": doc.terms,
        "entities": list(doc.entities),
        "events": list(doc.events),
    }


class SqlStoryIndex:
    """`cluster.StoryIndex` over `stories`, `story_articles` and `story_terms`."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def load(self, story_id: str) -> Story | None:
        row = self.conn.execute(select(stories).where(stories.c.id == story_id)).first()
        return story_from_row(row) if row else None

    def story_of(self, article_id: str) -> Story | None:
        query = select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
        story_id = self.conn.execute(query).scalar()
        return self.load(story_id) if story_id else None

    def candidates(self, doc: StoryDoc) -> list[Story]:
        terms = self._useful_terms(top_keys(doc.terms, QUERY_TERMS), doc.ts)
        if not terms:
            return []
        hits = func.count().label("hits")
        query = (
            self._open(select(story_terms.c.story_id, hits).where(story_terms.c.term.in_(terms)), doc.ts)
            .group_by(story_terms.c.story_id)
            .having(func.count() >= MIN_SHARED_TERMS)
            .order_by(desc("hits"), story_terms.c.story_id)
            .limit(MAX_CANDIDATES)
        )
        ids = [row.story_id for row in self.conn.execute(query)]
        rows = self.conn.execute(select(stories).where(stories.c.id.in_(ids))).all() if ids else []
        by_id = {row.id: story_from_row(row) for row in rows}
        return [by_id[story_id] for story_id in ids]

    def _open(self, query, ts: float | None):
        return (
            query
            if ts is None
            else query.where(or_(story_terms.c.closes_at.is_(None), story_terms.c.closes_at >= ts))
        )

    def _useful_terms(self, terms: list[str], ts: float | None) -> list[str]:
        """Drop terms shared by more than MAX_POSTING open stories (they do not tell stories apart)."""
        if not terms:
            return []
        query = self._open(select(story_terms.c.term, func.count().label("n")), ts)
        query = query.where(story_terms.c.term.in_(terms)).group_by(story_terms.c.term)
        crowded = {row.term for row in self.conn.execute(query) if row.n > MAX_POSTING}
        return [term for term in terms if term not in crowded]

    def save(self, story: Story, placement: Placement) -> None:
        values = _story_values(story)
        exists = self.conn.execute(select(stories.c.id).where(stories.c.id == story.id)).first()
        if exists:
            self.conn.execute(update(stories).where(stories.c.id == story.id).values(**values))
        else:
            self.conn.execute(insert(stories).values(id=story.id, **values))
        self.conn.execute(
            insert(story_articles),
            [
                {
                    "article_id": placement.article_id,
                    "story_id": story.id,
                    "score": placement.score,
                    "reason": placement.reason,
                }
            ],
        )
        self.conn.execute(delete(story_terms).where(story_terms.c.story_id == story.id))
        closes = story.closes_at()
        closes_at = None if closes == float("inf") else closes
        rows = [{"term": term, "story_id": story.id, "closes_at": closes_at} for term in story.index_terms()]
        if rows:
            self.conn.execute(insert(story_terms), rows)


# ---------------------------------------------------------------- updating


@dataclass
class StoriesUpdate:
    """What one `update_stories` call did."""

    articles: int = 0
    links: dict[str, int] = field(default_factory=dict)
    new_stories: int = 0
    joined: int = 0


def update_stories(conn: Connection, article_ids: Iterable[str]) -> StoriesUpdate:
    """Link duplicates and place stored articles in stories; ids already processed are skipped.

    Deterministic: a batch is processed by publication time then id, so the same batches in
    the same order always give the same links and stories (`rebuild_stories` gives the
    canonical result whatever the ingest order was).
    """
    create_story_tables(conn)
    ids = sorted(set(article_ids) - _processed(conn, article_ids))
    docs = arrival_order(describe(row) for row in _article_rows(conn, ids))
    summary = StoriesUpdate(articles=len(docs))
    engine = Stories(SqlDedupIndex(conn, {doc.id: doc for doc in docs}), SqlStoryIndex(conn))
    for doc in docs:
        links, placement = engine.add(doc)
        _save_links(conn, links)
        for link in links:
            summary.links[link.kind] = summary.links.get(link.kind, 0) + 1
        summary.new_stories += placement.reason == "new"
        summary.joined += placement.reason != "new"
    return summary


def _processed(conn: Connection, article_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(article_ids))
    done: set[str] = set()
    for chunk in _chunks(ids):
        done.update(
            conn.execute(select(story_docs.c.article_id).where(story_docs.c.article_id.in_(chunk))).scalars()
        )
    return done


def _article_rows(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    columns = [
        articles.c[name] for name in ("id", "title", "text", "source", "published", "entities", "events")
    ]
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        query = select(*columns, articles.c.ingested_at).where(articles.c.id.in_(chunk))
        rows.extend(dict(row) for row in conn.execute(query).mappings())
    return rows


def _save_links(conn: Connection, links: list[DuplicateLink]) -> None:
    if links:
        conn.execute(
            insert(duplicate_links),
            [
                {
                    "article_id": link.article_id,
                    "duplicate_of": link.duplicate_of,
                    "kind": link.kind,
                    "jaccard": round(link.jaccard, 4),
                    "containment": round(link.containment, 4),
                }
                for link in links
            ],
        )


def rebuild_stories(conn: Connection) -> StoriesUpdate:
    """Forget links and stories (never articles) and recompute them over every stored article."""
    create_story_tables(conn)
    for table in (story_terms, story_articles, stories, duplicate_links, story_bands, story_docs):
        conn.execute(delete(table))
    all_ids = list(conn.execute(select(articles.c.id)).scalars())
    return update_stories(conn, all_ids)


# ---------------------------------------------------------------- reading


def latest_stories(conn: Connection, limit: int = 20, min_articles: int = 1) -> list[Story]:
    """Stories most recently updated first (ties: larger first, then id)."""
    create_story_tables(conn)
    query = (
        select(stories)
        .where(stories.c.size >= min_articles)
        .order_by(desc(func.coalesce(stories.c.last_ts, 0.0)), desc(stories.c.size), stories.c.id)
        .limit(limit)
    )
    return [story_from_row(row) for row in conn.execute(query)]


def get_story(conn: Connection, story_id: str) -> Story | None:
    create_story_tables(conn)
    return SqlStoryIndex(conn).load(story_id)


def story_members(conn: Connection, story_id: str) -> list[dict[str, Any]]:
    """The story's articles (id, title, source, published, url, score, reason), oldest first."""
    query = (
        select(
            articles.c.id,
            articles.c.title,
            articles.c.source,
            articles.c.published,
            articles.c.url,
            story_articles.c.score,
            story_articles.c.reason,
            story_docs.c.ts,
        )
        .join(story_articles, story_articles.c.article_id == articles.c.id)
        .join(story_docs, story_docs.c.article_id == articles.c.id)
        .where(story_articles.c.story_id == story_id)
        .order_by(func.coalesce(story_docs.c.ts, 0.0), articles.c.id)
    )
    return [dict(row) for row in conn.execute(query).mappings()]


def story_id_of(conn: Connection, article_id: str) -> str | None:
    create_story_tables(conn)
    query = select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
    return conn.execute(query).scalar()


def load_docs(conn: Connection, article_ids: Iterable[str]) -> dict[str, StoryDoc]:
    ids = sorted(set(article_ids))
    out: dict[str, StoryDoc] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(select(story_docs).where(story_docs.c.article_id.in_(chunk))):
            out[row.article_id] = doc_from_row(row)
    return out


def links_of(conn: Connection, article_id: str) -> list[DuplicateLink]:
    """Duplicate links touching an article, in both directions."""
    query = select(duplicate_links).where(
        or_(duplicate_links.c.article_id == article_id, duplicate_links.c.duplicate_of == article_id)
    )
    rows = conn.execute(query.order_by(duplicate_links.c.article_id, duplicate_links.c.duplicate_of))
    return [DuplicateLink(r.article_id, r.duplicate_of, r.kind, r.jaccard, r.containment) for r in rows]


def similar_candidates(conn: Connection, doc: StoryDoc) -> list[str]:
    """Articles worth scoring against `doc`: its duplicates, its story, and stories sharing its
    top terms at any time (not only open ones: "similar" looks at the whole archive)."""
    ids = {other for link in links_of(conn, doc.id) for other in (link.article_id, link.duplicate_of)}
    terms = top_keys(doc.terms, QUERY_TERMS)
    hits = func.count().label("hits")
    query = (
        select(story_terms.c.story_id, hits)
        .where(story_terms.c.term.in_(terms))
        .group_by(story_terms.c.story_id)
        .order_by(desc("hits"), story_terms.c.story_id)
        .limit(MAX_CANDIDATES)
    )
    story_ids = [row.story_id for row in conn.execute(query)] if terms else []
    own = story_id_of(conn, doc.id)
    story_ids += [own] if own else []
    if story_ids:
        members = select(story_articles.c.article_id).where(story_articles.c.story_id.in_(story_ids))
        ids.update(conn.execute(members).scalars())
    ids.discard(doc.id)
    return sorted(ids)


def article_texts(conn: Connection, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = sorted(set(article_ids))
    out: dict[str, dict[str, Any]] = {}
    columns = (
        articles.c.id,
        articles.c.title,
        articles.c.text,
        articles.c.source,
        articles.c.published,
        articles.c.url,
    )
    for chunk in _chunks(ids):
        for row in conn.execute(select(*columns).where(articles.c.id.in_(chunk))).mappings():
            out[row["id"]] = dict(row)
    return out

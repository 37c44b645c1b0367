"""The store as Marsad 0.1 made it: pages, articles, entities, events, stories, watch, search.

Baseline revision. The tables are a frozen copy of `store/*.py` as of this revision (a
migration must not change when the live tables do), created only where missing: a store
made before migrations existed (by `create_all`, no `alembic_version`) keeps its tables and
rows, gains any table its older code did not have, and is then recorded at this revision.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

frozen = MetaData()


def _key(name: str, length: int = 32, target: str = "articles.id", **options) -> Column:
    """A primary-key column referencing another table's id."""
    return Column(name, String(length), ForeignKey(target), primary_key=True, **options)


def _required(name: str, kind) -> Column:
    return Column(name, kind, nullable=False)


Table(
    "pages",
    frozen,
    Column("id", String(32), primary_key=True),
    _required("name", Text),
    Column("origin", Text),
    Column("url", Text),
    _required("kind", String(8)),
    Column("encoding", String(32)),
    _required("related_headlines", JSON),
    _required("ingested_at", Float),
)
Table(
    "articles",
    frozen,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    _required("text", Text),
    Column("source", Text, index=True),
    Column("dateline", Text),
    Column("published", String(32), index=True),
    Column("language", String(8)),
    Column("section", String(32), index=True),
    Column("url", Text),
    *(_required(name, JSON) for name in ("tags", "keywords", "entities", "quotes", "events")),
    Column("first_page_id", String(32), ForeignKey("pages.id"), nullable=False),
    _required("ingested_at", Float),
)
Table(
    "page_articles",
    frozen,
    _key("page_id", target="pages.id"),
    _key("article_id"),
    _required("position", Integer),
    _required("role", String(16)),
)
Table(
    "rejections",
    frozen,
    Column("name", Text, primary_key=True),
    _required("reason", String(32)),
    _required("detail", Text),
    _required("seen_at", Float),
)
# -- entities (store/entities.py)
Table(
    "entities",
    frozen,
    Column("id", String(64), primary_key=True),
    _required("name", Text),
    Column("type", String(8), nullable=False, index=True),
    _required("first_seen", Float),
)
Table(
    "entity_variants",
    frozen,
    _key("entity_id", 64, "entities.id"),
    Column("variant_key", Text, primary_key=True),
    _required("variant", Text),
    _required("entity_type", String(8)),
    Column("last_word", Text, nullable=False, index=True),
    Column("letters", Text, nullable=False, index=True),
    _required("evidence", Text),
)
Table(
    "article_entities",
    frozen,
    _key("article_id"),
    _key("entity_id", 64, "entities.id"),
    _required("mentions", Integer),
)
# -- events (store/events.py)
Table(
    "events",
    frozen,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    _required("participants", JSON),
    Column("participant_keys", Text, nullable=False, index=True),
    Column("location", Text),
    Column("occasion", Text),
    Column("date", String(10), index=True),
    Column("day", String(10), index=True),
    Column("date_text", Text),
    Column("duration_minutes", Float),
    Column("cameo", String(8), index=True),
    _required("status", String(10)),
    _required("countries", JSON),
    _required("articles", Integer),
    _required("first_seen", Float),
    _required("updated_at", Float),
)
Table(
    "event_articles",
    frozen,
    _key("event_id", target="events.id"),
    _key("article_id"),
    _required("position", Integer),
    _required("reported", JSON),
    _required("reason", Text),
)
# -- stories (store/stories.py)
Table(
    "story_docs",
    frozen,
    _key("article_id"),
    Column("seq", Integer, nullable=False, index=True),
    Column("text_key", String(16), nullable=False, index=True),
    _required("signature", LargeBinary),
    _required("shingles", Integer),
    Column("ts", Float, index=True),
    Column("title", Text),
    Column("source", Text),
    *(_required(name, JSON) for name in ("terms", "entities", "events")),
)
Table(
    "story_bands",
    frozen,
    Column("band_key", BigInteger, primary_key=True),
    _key("article_id"),
)
Table(
    "duplicate_links",
    frozen,
    _key("article_id"),
    _key("duplicate_of"),
    _required("kind", String(16)),
    _required("jaccard", Float),
    _required("containment", Float),
    Index("ix_duplicate_links_duplicate_of", "duplicate_of"),
)
Table(
    "stories",
    frozen,
    Column("id", String(40), primary_key=True),
    Column("title", Text),
    _required("title_id", String(32)),
    Column("title_ts", Float),
    Column("first_ts", Float),
    Column("last_ts", Float, index=True),
    _required("size", Integer),
    *(_required(name, JSON) for name in ("outlets", "centroid", "entities", "events")),
    _required("updated_at", Float),
)
Table(
    "story_articles",
    frozen,
    _key("article_id"),
    Column("story_id", String(40), ForeignKey("stories.id"), nullable=False, index=True),
    _required("score", Float),
    _required("reason", String(16)),
)
Table(
    "story_terms",
    frozen,
    Column("term", String(64), primary_key=True),
    _key("story_id", 40, "stories.id"),
    Column("closes_at", Float),
)
# -- watch (store/watch.py)
Table(
    "watch_listings",
    frozen,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    _required("checked_at", Float),
)
Table(
    "watch_links",
    frozen,
    Column("url", Text, primary_key=True),
    Column("host", String(300), nullable=False, index=True),
    Column("outlet", Text),
    Column("published", String(40)),
    Column("state", String(16), nullable=False, index=True),
    _required("attempts", Integer),
    Column("page_id", String(64)),
    Column("detail", Text),
    _required("first_seen", Float),
    _required("updated_at", Float),
)

# The search index over normalised text (store/search.py fills it): FTS5 on SQLite, a
# weighted tsvector with a GIN index on PostgreSQL. `IF NOT EXISTS` for pre-migration stores.
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "article_id UNINDEXED, title, body, stems, tokenize='unicode61 remove_diacritics 0')",
)
POSTGRES_SEARCH = (
    "CREATE TABLE IF NOT EXISTS article_search (article_id VARCHAR(32) PRIMARY KEY "
    "REFERENCES articles(id), document tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS article_search_gin ON article_search USING gin(document)",
)
SEARCH_TABLES = {"sqlite": "articles_fts", "postgresql": "article_search"}


def upgrade() -> None:
    bind = op.get_bind()
    frozen.create_all(bind, checkfirst=True)
    for statement in SQLITE_SEARCH if bind.dialect.name == "sqlite" else POSTGRES_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    op.execute(f"DROP TABLE IF EXISTS {SEARCH_TABLES.get(bind.dialect.name, 'article_search')}")
    frozen.drop_all(bind, checkfirst=True)

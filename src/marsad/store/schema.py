"""Tables. Ids are content hashes, so storing the same page or article twice is a no-op."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()

pages = Table(
    "pages",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("origin", Text),
    Column("url", Text),
    Column("kind", String(8), nullable=False),
    Column("encoding", String(32)),
    Column("related_headlines", JSON, nullable=False, default=list),
    Column("ingested_at", Float, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("source", Text, index=True),
    Column("dateline", Text),
    Column("published", String(32), index=True),
    Column("language", String(8)),
    Column("section", String(32), index=True),
    Column("url", Text),
    Column("tags", JSON, nullable=False, default=list),
    Column("keywords", JSON, nullable=False, default=list),
    Column("entities", JSON, nullable=False, default=list),
    Column("quotes", JSON, nullable=False, default=list),
    Column("events", JSON, nullable=False, default=list),
    Column("first_page_id", String(32), ForeignKey("pages.id"), nullable=False),
    Column("ingested_at", Float, nullable=False),
)

# Which page showed which article, in which role: an article embedded in many pages is stored once.
page_articles = Table(
    "page_articles",
    metadata,
    Column("page_id", String(32), ForeignKey("pages.id"), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("role", String(16), nullable=False),
)

# Inputs that could not become pages, keyed so a re-run updates rather than repeats them.
rejections = Table(
    "rejections",
    metadata,
    Column("name", Text, primary_key=True),
    Column("reason", String(32), nullable=False),
    Column("detail", Text, nullable=False),
    Column("seen_at", Float, nullable=False),
)

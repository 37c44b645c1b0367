"""The records that flow through Marsad's pipeline.

A reader turns input into `Page`s; extraction gives each page its `Article`s and
`related_headlines`; later stages fill the article fields they own. `to_dict`
renders the page-output contract (shared/spec/page-output.md): fields a stage
has not computed stay empty or null, never invented.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_id(*parts: str | None, length: int = 16) -> str:
    """A stable id from content, so re-ingesting the same input gives the same id."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:length]


@dataclass
class Page:
    """One input page as read: decoded text or HTML, plus what the container knew."""

    name: str  # file name, or record id for WARC/JSONL records
    kind: str  # "text" | "html"
    content: str
    url: str | None = None
    date: str | None = None  # ISO 8601 when the container gave one
    source: str | None = None  # outlet name when the container gave one
    section: str | None = None  # the publisher's section when the container gave one
    origin: str | None = None  # path of the file the page came from
    encoding: str | None = None

    @property
    def id(self) -> str:
        return content_id(self.kind, self.content)


@dataclass
class Block:
    """One paragraph-like unit of a text page, with the role the segmenter gave it."""

    text: str
    role: str = "unknown"
    index: int = 0


@dataclass
class Entity:
    name: str
    type: str
    mentions: list[str] = field(default_factory=list)
    id: str | None = None
    evidence: list[str] = field(default_factory=list)  # why mentions were merged, for audit


@dataclass
class Quote:
    speaker: str | None
    text: str
    direct: bool


@dataclass
class Event:
    type: str
    participants: list[str] = field(default_factory=list)
    location: str | None = None
    occasion: str | None = None
    date: str | None = None
    date_text: str | None = None
    duration_minutes: float | None = None
    cameo: str | None = None
    status: str = "happened"  # "happened" | "planned"


@dataclass
class Article:
    role: str = "main"  # "main" | "embedded"
    title: str | None = None
    text: str = ""
    source: str | None = None
    dateline: str | None = None
    published: str | None = None
    language: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    url: str | None = None

    @property
    def id(self) -> str:
        """Content hash of what identifies an article: its title and body."""
        return content_id(self.title, self.text)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["id"] = self.id
        return data


@dataclass
class ExtractedPage:
    """A page after extraction: its articles (main first) and related headlines."""

    page: Page
    articles: list[Article] = field(default_factory=list)
    related_headlines: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page.name,
            "page_id": self.page.id,
            "url": self.page.url,
            "articles": [article.to_dict() for article in self.articles],
            "related_headlines": list(self.related_headlines),
        }

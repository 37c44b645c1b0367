"""Response models of the JSON API: what the OpenAPI schema promises, field by field."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Page(BaseModel):
    total: int = Field(description="rows matching the filters, over all pages")
    limit: int
    offset: int


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None


class ArticleSummary(ArticleRef):
    section: str | None = None
    language: str | None = None
    dateline: str | None = None
    lead: str | None = Field(None, description="start of the body")


class ArticleList(Page):
    items: list[ArticleSummary]


class EntityMention(BaseModel):
    name: str
    type: str
    mentions: list[str] = []
    id: str | None = None


class Quote(BaseModel):
    speaker: str | None = None
    text: str
    direct: bool = False


class Event(BaseModel):
    type: str
    participants: list[str] = []
    location: str | None = None
    occasion: str | None = None
    date: str | None = None
    date_text: str | None = None
    duration_minutes: float | None = None
    cameo: str | None = None


class StoryRef(BaseModel):
    id: str
    title: str | None = None


class ArticleDetail(ArticleSummary):
    text: str
    url: str | None = None
    tags: list[str] = []
    keywords: list[str] = []
    entities: list[EntityMention] = []
    quotes: list[Quote] = []
    events: list[Event] = []
    story: StoryRef | None = None


class SimilarArticle(ArticleSummary):
    score: float = Field(description="similarity in [0, 1]")


class SearchHit(ArticleRef):
    section: str | None = None
    language: str | None = None
    dateline: str | None = None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = Field(description="character spans of query words in the snippet")


class FacetValue(BaseModel):
    value: str
    count: int


class SearchResults(Page):
    query: str
    terms: list[str] = Field(description="the query words after Arabic normalisation")
    items: list[SearchHit]
    facets: dict[str, list[FacetValue]] = Field(
        description="counts over every match: source, section, language, month"
    )


class OutletCount(BaseModel):
    source: str | None = None
    count: int


class StorySummary(BaseModel):
    id: str
    title: str | None = None
    size: int
    outlets: int
    first: str | None = None
    last: str | None = None
    by_outlet: list[OutletCount]


class StoryList(Page):
    items: list[StorySummary]


class OutletVersion(BaseModel):
    source: str | None = None
    articles: list[ArticleSummary]


class StoryDetail(BaseModel):
    id: str
    title: str | None = None
    size: int
    first: str | None = None
    last: str | None = None
    timeline: list[ArticleSummary] = Field(description="the story's articles, oldest first")
    by_outlet: list[OutletVersion] = Field(description="each outlet's version(s)")


class EntitySummary(BaseModel):
    name: str
    type: str | None = None
    articles: int


class EntityList(Page):
    items: list[EntitySummary]


class Variant(BaseModel):
    text: str
    count: int


class LinkEvidence(BaseModel):
    variant: str
    evidence: str = Field(description="why the store took this spelling for the entity")


class DayCount(BaseModel):
    day: str
    count: int


class QuoteInArticle(Quote):
    article: ArticleRef


class EventInArticle(Event):
    article: ArticleRef


class Contact(BaseModel):
    name: str
    count: int
    types: list[str]
    last: str | None = None


class EntityDetail(BaseModel):
    name: str
    types: list[str]
    variants: list[Variant]
    articles: int
    mentions_per_day: list[DayCount]
    quotes: list[QuoteInArticle]
    events: list[EventInArticle]
    met: list[Contact] = Field(description="who the entity met, called, visited or agreed with")
    evidence: list[LinkEvidence] = Field(
        default_factory=list, description="the store's spellings of the entity, each with why it was linked"
    )


class EventList(Page):
    items: list[EventInArticle]


class Rejection(BaseModel):
    name: str | None = None
    reason: str
    detail: str


class IngestResult(BaseModel):
    pages: int = Field(description="pages read from the body")
    stored_pages: int
    already_stored: int
    stored_articles: int
    rejected: list[Rejection]


class Stats(BaseModel):
    pages: int
    articles: int
    rejections: int
    stories: bool = Field(description="whether the store holds stories")

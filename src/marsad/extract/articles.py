"""Cut a segmented text page into its articles and its related-headline list.

The main article is everything up to a "read also" marker that opens a second, complete
article (a headline, then body paragraphs that start with a dateline or end with their
own source or tags line). Such an article becomes `embedded`; a marker followed by a run
of headlines, bullets after the body, or "للمزيد: ..." lines become `related_headlines`.
Source and tags lines belong to the article whose body they follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.extract.dateline import find_dateline
from marsad.extract.segment import (
    BULLET_ITEM,
    BYLINE,
    READ_ALSO_BARE,
    READ_ALSO_INLINE,
    SOURCE_LINE,
    is_body_like,
    is_title_like,
    segment,
)
from marsad.extract.dates import find_date
from marsad.extract.tags import TAG_LINE_LABEL, clean_tags
from marsad.model import Article, Block, ExtractedPage, Page

# Roles that carry no article content and may sit between a marker and what it introduces.
SKIPPABLE = {"boilerplate", "navigation", "date", "byline", "unknown"}
# Roles that end a run of body paragraphs and mark the article as having its own metadata.
CLOSING = {"source", "tags"}
# Lines that describe an article rather than belong to its text.
METADATA = frozenset({"source", "byline", "date"})
# A list without a marker needs this many headline-shaped bullets to count as related headlines.
MIN_UNMARKED_LIST = 3


@dataclass
class _Draft:
    """An article being assembled: its paragraphs and the raw lines that describe it."""

    role: str
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    source: str | None = None
    dateline: str | None = None
    published: str | None = None
    tag_lines: list[str] = field(default_factory=list)
    closed: bool = False  # a source or tags line followed its body

    def add_paragraph(self, text: str) -> None:
        if not self.paragraphs:
            found = find_dateline(text)
            if found:
                self.dateline = found.place
                self.source = self.source or found.outlet
        self.paragraphs.append(text)

    def build(self) -> Article:
        body = "\n".join(self.paragraphs)
        tags: list[str] = []
        for line in self.tag_lines:
            tags.extend(tag for tag in clean_tags(line, body) if tag not in tags)
        return Article(
            role=self.role,
            title=self.title,
            text=body,
            source=self.source,
            dateline=self.dateline,
            published=self.published,
            tags=tags,
        )


class ArticleCutter:
    """Walks the blocks once, left to right, keeping the article being built."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.drafts: list[_Draft] = [_Draft(role="main")]
        self.related: list[str] = []
        self.pending_titles: list[str] = []

    @property
    def current(self) -> _Draft:
        return self.drafts[-1]

    def run(self) -> tuple[list[_Draft], list[str]]:
        i = 0
        while i < len(self.blocks):
            i = self.step(i)
        return [d for d in self.drafts if d.paragraphs], _unique(self.related)

    def step(self, i: int) -> int:
        block = self.blocks[i]
        handler = getattr(self, f"on_{block.role}", None)
        if handler is None:
            return i + 1
        return handler(i)

    # -- content -----------------------------------------------------------------------
    def on_body(self, i: int) -> int:
        draft = self.current
        if not draft.paragraphs and draft.title is None and self.pending_titles:
            # The headline is the fullest short line before the body (a site name is shorter).
            draft.title = max(reversed(self.pending_titles), key=lambda t: len(t.split()))
        self.pending_titles = []
        draft.add_paragraph(self.blocks[i].text)
        return i + 1

    def on_short(self, i: int) -> int:
        text = self.blocks[i].text
        if self.current.paragraphs and self.current.closed is False and self._next_role(i) == "body":
            self.current.add_paragraph(text)  # a subheading inside the body
        elif not self.current.paragraphs:
            self.pending_titles.append(text)
        return i + 1

    def on_bullet(self, i: int) -> int:
        end = self._run_end(i, {"bullet"})
        items = [BULLET_ITEM.match(b.text).group("item").strip() for b in self.blocks[i:end]]
        headline_like = all(is_title_like(item) for item in items)
        body_follows = self._next_role(end - 1) == "body"
        if headline_like and len(items) >= MIN_UNMARKED_LIST and not body_follows:
            self.related.extend(items)
        elif any(is_body_like(item) for item in items) and not self.current.closed:
            for index in range(i, end):  # prose set as bullet points is body text, bullets kept
                self.on_body(index)
        elif self.current.paragraphs and not self.current.closed:
            for item in items:
                self.current.add_paragraph(item)
        return end

    # -- metadata ----------------------------------------------------------------------
    def on_source(self, i: int) -> int:
        match = SOURCE_LINE.match(self.blocks[i].text)
        source = match.group("source").strip(" \"'«»“”*") if match else None
        if source:
            self.current.source = source
            self.current.closed = bool(self.current.paragraphs)
        return i + 1

    def on_tags(self, i: int) -> int:
        self.current.tag_lines.append(TAG_LINE_LABEL.sub("", self.blocks[i].text, count=1))
        self.current.closed = bool(self.current.paragraphs)
        return i + 1

    def on_byline(self, i: int) -> int:
        """"أبوظبي - سكاي نيوز عربية": the dateline place and the outlet, before the body."""
        match = BYLINE.match(self.blocks[i].text)
        if match and not self.current.paragraphs:
            self.current.dateline = self.current.dateline or match.group("place").strip()
            self.current.source = self.current.source or match.group("outlet").strip()
        return i + 1

    def on_date(self, i: int) -> int:
        if self.current.published is None:
            self.current.published = find_date(self.blocks[i].text)
        return i + 1

    # -- read also / related -------------------------------------------------------------
    def on_related_inline(self, i: int) -> int:
        match = READ_ALSO_INLINE.match(self.blocks[i].text) or READ_ALSO_BARE.match(self.blocks[i].text)
        if match:
            self.related.append(match.group("headline").strip())
        return i + 1

    def on_read_also(self, i: int) -> int:
        start = self._skip(i + 1)
        if start < len(self.blocks) and self._opens_embedded(start):
            self.drafts.append(_Draft(role="embedded", title=self.blocks[start].text))
            self.pending_titles = []
            return start + 1
        end = self._run_end(start, {"short", "bullet", "related_inline", "unknown"})
        for block in self.blocks[start:end]:
            self.related.append(_headline_text(block))
        return max(end, i + 1)

    def _opens_embedded(self, start: int) -> bool:
        """A headline followed by body that is a complete article of its own."""
        if self.blocks[start].role != "short":
            return False
        # Its own date, source or byline lines may sit between the headline and the body.
        body_start = self._skip(start + 1, also=METADATA)
        if body_start >= len(self.blocks) or self.blocks[body_start].role != "body":
            return False
        if find_dateline(self.blocks[body_start].text) or self.current.closed:
            return True
        body_end = self._run_end(body_start, {"body"} | SKIPPABLE)
        return body_end < len(self.blocks) and self.blocks[body_end].role in CLOSING

    # -- helpers ---------------------------------------------------------------------------
    def _skip(self, i: int, also: frozenset[str] = frozenset()) -> int:
        skipped = (SKIPPABLE - {"unknown"}) | also
        while i < len(self.blocks) and self.blocks[i].role in skipped:
            i += 1
        return i

    def _run_end(self, i: int, roles: set[str]) -> int:
        while i < len(self.blocks) and self.blocks[i].role in roles:
            i += 1
        return i

    def _next_role(self, i: int) -> str | None:
        j = self._skip(i + 1)
        return self.blocks[j].role if j < len(self.blocks) else None


def _headline_text(block: Block) -> str:
    bullet = BULLET_ITEM.match(block.text)
    if bullet:
        return bullet.group("item").strip()
    inline = READ_ALSO_INLINE.match(block.text) or READ_ALSO_BARE.match(block.text)
    return inline.group("headline").strip() if inline else block.text.strip()


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def extract_text_page(page: Page) -> ExtractedPage:
    """Split a plain-text dump into its articles (main first) and related headlines."""
    drafts, related = ArticleCutter(segment(page.content)).run()
    articles = [draft.build() for draft in drafts]
    if articles:
        main = articles[0]
        main.source = main.source or page.source
        main.published = main.published or _iso_day(page.date)
        main.url = page.url
    return ExtractedPage(page=page, articles=articles, related_headlines=related)


def _iso_day(value: str | None) -> str | None:
    return find_date(value) if value else None

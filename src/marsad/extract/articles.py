"""Cut a segmented text page into its articles and its related-headline list.

The main article is everything up to a "read also" marker that opens a second, complete
article (a headline, then body paragraphs that start with a dateline or end with their
own source or tags line). Such an article becomes `embedded`; a marker followed by a run
of headlines, bullets after the body, or "للمزيد: ..." lines become `related_headlines`.
Source and tags lines belong to the article whose body they follow.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from marsad.extract.dateline import find_dateline, find_wire_dateline, read_pair
from marsad.extract.dates import find_date
from marsad.extract.segment import (
    BULLET_ITEM,
    BYLINE,
    HASHTAG_LINE,
    READ_ALSO_BARE,
    READ_ALSO_INLINE,
    SOURCE_LINE,
    TITLE_WITH_SITE,
    is_body_like,
    is_title_like,
    segment,
    wire_headline,
    word_count,
)
from marsad.extract.stated_section import text_page_section
from marsad.extract.tags import TAG_LINE_LABEL, clean_tags, is_navigation_word
from marsad.knowledge import place_of
from marsad.model import Article, Block, ExtractedPage, Page

# Roles that carry no article content and may sit between a marker and what it introduces.
SKIPPABLE = {"boilerplate", "navigation", "date", "byline", "unknown"}
# Roles that end a run of body paragraphs and mark the article as having its own metadata.
CLOSING = {"source", "tags"}
# Lines that describe an article rather than belong to its text.
METADATA = frozenset({"source", "byline", "date"})
# Body lines below this many lines of site chrome (menu items, labels, times, widgets) after
# the article's last paragraph are teasers of other pages, not its text.
MAX_CHROME_GAP = 8
CHROME_ROLES = {"navigation", "boilerplate", "date", "popular", "read_also", "related_inline"}
CHROME_MAX_WORDS = 2
# Roles a headline list (related or "most read") runs through: its headlines and, on
# card-style lists, their labels and times.
RELATED_RUN = {"short", "bullet", "related_inline", "unknown", "date"}
# "Headline - الصباح": a site name after the headline in the page's <title> has a few words.
SITE_NAME_MAX_WORDS = 3
# "سكاي نيوز عربية ، 11 أبريل 2018", "العربية.نت | 2018-05-12": an outlet, then the date.
OUTLET_BEFORE_DATE = re.compile(r"^\s*(?P<outlet>[^\d|،,\-–—:]{2,40}?)\s*[|،,\-–—]")
# Words that open date lines without naming an outlet ("الخميس، 11 أبريل", "نشر في ...").
DATE_LINE_WORDS = frozenset(
    "السبت الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة نشر نشرت نُشر تاريخ بتاريخ "
    "آخر اخر تحديث محدث منذ اليوم أمس امس".split()
)
OUTLET_MAX_WORDS = 4
# A dated headline after a read-also marker opens an article when this many paragraphs follow.
MIN_EMBEDDED_PARAGRAPHS = 2
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
    last_position: int = -1  # the block index of its last paragraph
    source_is_soft: bool = False  # from a byline or date line: a later byline may replace it

    def add_paragraph(self, text: str, position: int) -> None:
        if not self.paragraphs:
            found = find_dateline(text)
            if found:
                self.dateline = found.place
                self.source = self.source or found.outlet
        self.paragraphs.append(text)
        self.last_position = position

    def build(self) -> Article:
        body = "\n".join(without_teaser_leads(self.paragraphs))
        tags: list[str] = []
        for line in self.tag_lines:
            tags.extend(tag for tag in clean_tags(line, body) if tag not in tags)
        desk, title = wire_headline(self.title)
        return Article(
            role=self.role,
            title=title,
            section=desk,
            text=body,
            source=self.source,
            dateline=self.dateline,
            published=self.published,
            tags=tags,
        )


# Teaser leads: the opening sentences of other stories that some sites (and scrapers) append
# after an article. Each is a bare lead ("أكد وزير ...، الأحد، أن ...") where an article's own
# later paragraphs carry a connective ("وأضاف", "فيما"); several name the weekday of their event.
WEEKDAY_IN_LEAD = re.compile(
    r"^(?:\S+\s+){1,14}?(?:فجر|مساء|صباح|ظهر|ليل[ةه]?|يوم)?\s*"
    r"(?:ال)?(?:سبت|أحد|احد|[إا]ثنين|ثلاثاء|[أا]ربعاء|خميس|جمعة)[،,]"
)
CONNECTIVE_START = re.compile(r"^\s*[\"«“(]?\s*(?:و|ف|ثم\s|كما\s|بينما\s|فيما\s|يذكر\s|يشار\s|يُذكر\s)")
MIN_TEASER_LEADS, MIN_DATED_LEADS = 3, 2


def without_teaser_leads(paragraphs: list[str]) -> list[str]:
    """Drop a trailing run of teaser leads: at least three paragraphs at the end, none opening
    with a connective, two or more naming a weekday in their first words, after at least two
    paragraphs of the article itself."""
    start = len(paragraphs)
    while start > 0 and not CONNECTIVE_START.match(paragraphs[start - 1]):
        start -= 1
    run = paragraphs[start:]
    dated = sum(1 for paragraph in run if WEEKDAY_IN_LEAD.match(paragraph))
    if start >= 2 and len(run) >= MIN_TEASER_LEADS and dated >= MIN_DATED_LEADS:
        return paragraphs[:start]
    return paragraphs


class ArticleCutter:
    """Walks the blocks once, left to right, keeping the article being built."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.drafts: list[_Draft] = [_Draft(role="main")]
        self.related: list[str] = []
        self.pending_titles: list[str] = []
        self.lines = {" ".join(block.text.split()) for block in blocks}

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
        if draft.paragraphs and self._chrome_since(draft, i) > MAX_CHROME_GAP:
            return i + 1
        if not draft.paragraphs and draft.title is None and self.pending_titles:
            candidates = [self._without_site(t) for t in self.pending_titles]
            if self.blocks[i].text in candidates:
                # A long headline repeated under the page's <title>: the title, not a paragraph.
                draft.title, self.pending_titles = self.blocks[i].text, []
                return i + 1
            draft.title = _headline(candidates)
        self.pending_titles = []
        draft.add_paragraph(self.blocks[i].text, i)
        return i + 1

    def on_short(self, i: int) -> int:
        text = self.blocks[i].text
        if (
            self.current.paragraphs
            and not self.current.closed
            and self._next_role(i) == "body"
            and self._chrome_since(self.current, i) <= MAX_CHROME_GAP
        ):
            self.current.add_paragraph(text, i)  # a subheading inside the body
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
            for offset, item in enumerate(items):
                self.current.add_paragraph(item, i + offset)
        return end

    # -- metadata ----------------------------------------------------------------------
    def on_source(self, i: int) -> int:
        match = SOURCE_LINE.match(self.blocks[i].text)
        source = _unquoted(match.group("source")) if match else None
        if source:
            self.current.source = source
            self.current.closed = bool(self.current.paragraphs)
        return i + 1

    def on_tags(self, i: int) -> int:
        text = self.blocks[i].text
        draft = self.current
        if HASHTAG_LINE.match(text) and draft.paragraphs and not draft.closed:
            # Between paragraphs a hashtag is part of the text (tweets quoted in an article);
            # a lone one followed by any more prose too. A run of them at the end is the tags.
            following = self._next_role(i)
            if following == "body" or (len(text.split()) == 1 and following in {"short", "unknown"}):
                draft.add_paragraph(text, i)
                return i + 1
        draft.tag_lines.append(TAG_LINE_LABEL.sub("", text, count=1))
        draft.closed = bool(draft.paragraphs)
        return i + 1

    def on_byline(self, i: int) -> int:
        """"أبوظبي - سكاي نيوز عربية": the dateline place and the outlet, before the body."""
        match = BYLINE.match(self.blocks[i].text)
        draft = self.current
        if match and not draft.paragraphs and not is_navigation_word(match.group("place").split()[0]):
            # The byline nearest the body wins over an earlier line of the same shape.
            found = read_pair(match.group("place").strip(), match.group("outlet").strip())
            draft.dateline = found.place or draft.dateline
            if found.outlet and (draft.source is None or draft.source_is_soft):
                draft.source, draft.source_is_soft = found.outlet, True
        return i + 1

    def on_date(self, i: int) -> int:
        draft = self.current
        if draft.published is None:
            draft.published = find_date(self.blocks[i].text)
        wire = find_wire_dateline(self.blocks[i].text)
        if wire and not draft.paragraphs:  # "بريدة 25 شوال 1436 هـ الموافق ... واس"
            draft.dateline = draft.dateline or wire.place
            draft.source = draft.source or wire.outlet
        outlet = OUTLET_BEFORE_DATE.match(self.blocks[i].text)
        before_body = draft.source is None and not draft.paragraphs
        if outlet and before_body and _may_be_outlet(outlet.group("outlet")):
            # "سكاي نيوز عربية | 12 مايو 2018"; a byline nearer the body may still replace it.
            draft.source, draft.source_is_soft = outlet.group("outlet").strip(), True
        return i + 1

    def on_popular(self, i: int) -> int:
        """A "most read" list is the site's, not the article's: skip its headlines."""
        end = self._run_end(i + 1, RELATED_RUN)
        for block in self.blocks[i + 1 : end]:
            block.role = "popular"  # chrome, for measuring how far a later line is from the body
        return end

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
            for between in range(i + 1, start):  # its date may stand between the marker and its headline
                if self.blocks[between].role in {"date", "byline"}:
                    self.step(between)
            return start + 1
        end = self._run_end(start, RELATED_RUN)
        self.related.extend(_related_items(self.blocks[start:end]))
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
        if body_end < len(self.blocks) and self.blocks[body_end].role in CLOSING:
            return True
        # A headline with its own date or byline, then paragraphs: an article, not a link.
        dated = any(self.blocks[j].role in METADATA for j in range(start + 1, body_start))
        paragraphs = sum(1 for b in self.blocks[body_start:body_end] if b.role == "body")
        return dated and paragraphs >= MIN_EMBEDDED_PARAGRAPHS

    # -- helpers ---------------------------------------------------------------------------
    def _without_site(self, line: str) -> str:
        """"Headline - CNNArabic.com" -> "Headline"; "Headline - الصباح | Assabah" too when the
        page also shows "Headline" on its own (an Arabic site name has no other tell)."""
        original, line = line, " ".join(line.split())
        match = TITLE_WITH_SITE.match(line)
        if match and is_title_like(match.group("title")):
            line = match.group("title").strip()
        for separator in (" - ", " | ", " – "):
            head, found, site = line.rpartition(separator)
            if found and word_count(site) <= SITE_NAME_MAX_WORDS and head.strip() in self.lines:
                return head.strip()
        return line if match else original

    def _chrome_since(self, draft: _Draft, i: int) -> int:
        """Lines of site chrome between the draft's last paragraph and line i."""
        between = self.blocks[draft.last_position + 1 : i]
        return sum(1 for b in between if b.role in CHROME_ROLES or word_count(b.text) <= CHROME_MAX_WORDS)

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


QUOTE_PAIRS = {'"': '"', "«": "»", "“": "”", "'": "'"}


def _unquoted(source: str) -> str:
    """'"عربي21"' -> 'عربي21', but '"الحياة" اللندنية' keeps its quotes (they are part of it)."""
    source = source.strip(" *")
    opening, closing = source[:1], source[-1:]
    inner = source[1:-1]
    wrapped = opening in QUOTE_PAIRS and closing == QUOTE_PAIRS[opening]
    if wrapped and opening not in inner and closing not in inner:
        return inner.strip()
    return source


def _may_be_outlet(text: str) -> bool:
    """A short name that is neither a date word nor a place (a place there is a dateline)."""
    words = text.split()
    if not 1 <= len(words) <= OUTLET_MAX_WORDS or any(w in DATE_LINE_WORDS for w in words):
        return False
    return place_of(text.strip()) is None


def _related_items(blocks: list[Block]) -> list[str]:
    """The headlines of a related list; on card-style lists (section, time, headline per card)
    the repeated section labels, times and widget leftovers are not headlines."""
    texts = [_headline_text(block) for block in blocks if block.role != "date"]
    counts = Counter(texts)
    cards = any(block.role == "date" for block in blocks)
    return [
        text
        for text in texts
        if not (cards and (counts[text] > 1 and word_count(text) <= 3 or not is_title_like(text)))
    ]


def _headline(candidates: list[str]) -> str:
    """The fullest short line before the body (a site name or section is shorter); the latest
    of equals, as the headline sits nearest its body."""
    return max(reversed(candidates), key=lambda title: len(title.split()))


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
    blocks = segment(page.content)
    drafts, related = ArticleCutter(blocks).run()
    articles = [draft.build() for draft in drafts]
    if articles:
        main = articles[0]
        main.section = page.section or text_page_section(blocks) or main.section
        main.source = main.source or page.source
        main.published = main.published or _iso_day(page.date)
        main.url = page.url
    return ExtractedPage(page=page, articles=articles, related_headlines=related)


def _iso_day(value: str | None) -> str | None:
    return find_date(value) if value else None

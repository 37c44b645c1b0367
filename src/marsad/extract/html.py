"""An HTML news page to its main article: body via trafilatura, plus Marsad's own clean-up.

Order of work, and why:
1. parse once with lxml, drop scripts/styles, and cut the "read also"/related blocks
   (`related.py`) before trafilatura sees the tree, so related lists cannot leak into the body;
2. trafilatura (precision mode, no comments) gives the body and its metadata reader the
   title, site name, canonical URL and a date (htmldate without its free-text guessing);
3. body paragraphs that are boilerplate (share/follow lines, copyright, comment widgets and
   policies, the headline repeated, duplicates) are dropped by named rules below;
4. the publication date comes from the most trustworthy place that has one: a timestamp with
   the publisher's own UTC offset, the page metadata, a date in the URL, then htmldate's
   extensive search.
Nothing here touches the network: htmldate would fetch a string that looks like a URL, so it
only ever receives parsed trees.
"""

from __future__ import annotations

import re
from configparser import ConfigParser
from dataclasses import dataclass
from datetime import date
from functools import cache
from urllib.parse import urlsplit

import htmldate
import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring
from trafilatura.settings import Document, Extractor, use_config
from trafilatura.utils import load_html

from marsad.arabic.normalize import MATCHING, normalize, strip_diacritics
from marsad.extract.dateline import find_dateline
from marsad.extract.dates import find_date
from marsad.extract.related import (
    RELATED_HEADING,
    cut_related,
    is_related_heading,
    strip_non_content,
    unique_texts,
)
from marsad.extract.segment import wire_headline
from marsad.extract.stated_section import html_page_section
from marsad.model import Article, ExtractedPage, Page

# -- tuning constants ------------------------------------------------------------------------------
# Boilerplate rules only fire on short paragraphs: a long one that mentions "التعليقات" is prose.
MAX_SHARE_WORDS = 20
MAX_NOTICE_WORDS = 30
MAX_POLICY_WORDS = 90
# A publisher keyword is a name or a short phrase; longer items are sentences.
MAX_TAG_WORDS = 8
# A site-name affix of a title is a few words ("قناة صدى البلد"); a longer part is the headline.
MAX_AFFIX_WORDS = 6
# A keyword list that is the headline cut at commas ("طهران,تدفن,«زادة»..") carries no tags:
# recognised when at least this many one-word items are all headline words.
TITLE_SPLIT_MIN_ITEMS = 4
# Earliest publication date accepted (htmldate's own default lower bound).
MIN_DATE = "1995-01-01"


@dataclass(frozen=True)
class HtmlOptions:
    """How Marsad runs trafilatura and htmldate; built once at the edge and passed in."""

    precision: bool = True  # favour precision: a missed paragraph costs less than a leaked menu
    fast: bool = False  # True skips trafilatura's justext/readability fallbacks (faster, less recall)
    tables: bool = True  # some outlets lay out the article body in a table
    extensive_date_search: bool = True  # last resort when metadata and URL carry no date


DEFAULT_OPTIONS = HtmlOptions()

# -- paragraph rules (matched on the raw paragraph; each with an example) ---------------------------
# Follow/share lines: "تابعونا على فيسبوك", "تابعوا أخبار الإمارات من البيان عبر غوغل نيوز",
# "شارك الخبر", "اشترك في نشرتنا", "حمّل تطبيق ...", "Follow us on". A follow verb must reach a
# channel ("على"/"عبر") within a few words, so "تابعنا الأحداث" (we followed) stays prose.
SHARE_FOLLOW = re.compile(
    r"^\s*(?:(?:تابعونا|تابعنا|تابعوا|تابعي)\s+(?:\S+\s+){0,6}?(?:على|عبر)\s"
    r"|شارك(?:وا)?\s+(?:المقال|الخبر|الموضوع|هذا)|انشر\s+(?:المقال|الخبر)|اشترك(?:وا)?\s+(?:في|ب|الآن)"
    r"|للاشتراك\s|حمل(?:وا)?\s+تطبيق|follow\s+us|share\s+(?:this|on)|subscribe\b)",
    re.I,
)
# "جميع الحقوق محفوظة © 2020", "حقوق النشر محفوظة لـ ...", "All rights reserved"
COPYRIGHT = re.compile(
    r"جميع\s+الحقوق\s+محفوظة|حقوق\s+(?:النشر|الطبع|الملكية)(?:\s+\S+)?\s+محفوظة|©|all\s+rights\s+reserved|copyright",
    re.I,
)
# Comment widgets: "إضافة تعليق جديد", "أضف تعليقك", "تم أضافة تعليقك سوف يظهر بعد المراجعة",
# "لا توجد تعليقات على الخبر", "كل التعليقات", "إظهار التعليقات الجديدة (0)"
COMMENT_WIDGET = re.compile(
    r"^\s*(?:[إا]ضافة\s+تعليق|[أا]ضف\s+تعليق|اكتب\s+تعليق|تم\s+[إأا]ضافة\s+تعليق|لا\s+توجد\s+تعليقات"
    r"|كل\s+التعليقات|جميع\s+التعليقات|[إا]ظهار\s+التعليقات|عدد\s+التعليقات|التعليقات\s*$)",
)
# Comment policies: a paragraph about comments that cites rules ("ترحب شبكة CNN بالنقاش ...
# مراجعة التعليقات قبل نشرها ... إرشادات الاستخدام", Sputnik's "إدارة الموقع لها الحق في أن تحذف التعليقات").
COMMENT_TOPIC = re.compile(r"تعليق|التعليقات|مشاركاتك|comments?", re.I)
COMMENT_RULES = re.compile(
    r"قبل\s+نشرها|[إا]رشادات\s+الاستخدام|سياسة\s+الخصوصية|شروط\s+(?:الاستخدام|النشر)|قواعد\s+الموقع"
    r"|[إا]دارة\s+الموقع|يتم\s+حذف|تحذف\s+التعليقات|حق\s+تحرير",
)
# "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية", "المقالات المنشورة تعبر عن رأي كاتبها"
OPINION_DISCLAIMER = re.compile(
    r"لا\s+(?:تعبر|تعكس|يعبر)\s+(?:بالضرورة\s+)?(?:عن\s+)?(?:رأي|راي|وجهة\s+نظر)\s+(?:ال)?(?:موقع|صحيفة|جريدة|شبكة|قناة|مجلة)"
    r"|تعبر\s+عن\s+ر[أا]ي\s+(?:كاتبها|أصحابها|اصحابها)",
)
# "اقرأ أيضا: الرئيس يستقبل ..." inside the body: a related headline, not prose.
READ_ALSO_INLINE = re.compile(
    r"^\s*(?P<marker>[^:：\-–—|]{2,40}?)\s*[:：\-–—|]\s*(?P<headline>\S.{8,300})$",
)
# Title affixes naming the site: "وزير الري يشهد ... - اليوم السابع", "المدينة نيوز - أميركا ..."
TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—]|::)\s+")
# A site name that is a URL ("https://akhbarelyom.com/"): use its host instead.
URL_LIKE = re.compile(r"^(?:https?://|www\.)", re.I)
# Keyword separators: Latin and Arabic commas, semicolons, pipes.
TAG_SEPARATORS = re.compile(r"[,،;؛|]")
# Punctuation around a keyword: "«زادة»..", "#كورونا"
TAG_TRIM = " \t\n\"'«»“”‘’#.:-–—()[]"
# An offset timestamp as publishers write it: "2020-12-25T01:59:50+02:00"
OFFSET_TIMESTAMP = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?P<offset>[+-]\d{2}:?\d{2})"
)
# JSON-LD "datePublished": "2020-12-25T01:59:50+02:00"
JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(?P<value>[^"]{10,40})"')
# Date in a URL path with other segments between: "/2013/middle_east/8/3/syria.clashes", "/2020/8/24/"
URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})/(?:[^/\d][^/]*/)?(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$)"
)
# Meta tags carrying the publication timestamp.
PUBLISHED_META = (
    "//meta[@property='article:published_time']/@content",
    "//*[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate']/@content",
    "//*[@property='dc:date' or @property='dc:created' or @property='dcterms:created']/@content",
)
# A publication cue next to a date: "تم نشره الجمعة 24 نيسان / أبريل 2020", "نُشر في 3 مارس 2021",
# "تاريخ النشر: 2020/04/24", "Published: ..." (matched after harakat are stripped).
PUBLISHED_CUE = re.compile(
    r"(?<!\w)(?:تم\s+نشره?|نشرت?\s+(?:في|بتاريخ|يوم)|نشرت?\s*[:：]|تاريخ\s+النشر|published|posted)", re.I
)
# A byline is short: a longer text with the cue is prose quoting some other date.
MAX_BYLINE_CHARS = 200
# A description cut by the publisher ends with an ellipsis: "... بالإضافة إلى تسجيل..."
ELLIPSIS = re.compile(r"\s*(?:\.{2,}|…)\s*$")
# A lead is recognised from the description's first words (the description may be cut short).
LEAD_PREFIX_WORDS = 8
KEYWORD_META = (
    "//meta[@name='keywords' or @name='news_keywords' or @name='Keywords']/@content",
    "//meta[@property='article:tag']/@content",
)


# -- parsing and trafilatura ------------------------------------------------------------------------
def parse_html(content: str) -> HtmlElement | None:
    """A tree for any markup, truncated or broken; None when nothing parses."""
    try:
        tree = load_html(content)
    except (ValueError, TypeError, etree.LxmlError):
        tree = None
    if tree is not None:
        return tree
    try:
        return document_fromstring(content.encode("utf-8", "replace"), parser=HTMLParser(encoding="utf-8"))
    except (ValueError, etree.LxmlError):
        return None


@cache
def trafilatura_config() -> ConfigParser:
    """trafilatura's settings with Marsad's changes; read once (a file read), never mutated."""
    config = use_config()
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")  # Marsad orders its own date fallbacks
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # the pipeline's per-page limit applies instead
    return config


def trafilatura_options(url: str | None, options: HtmlOptions, max_date: str) -> Extractor:
    """The trafilatura options object for one page (its URL and date bound differ per page)."""
    return Extractor(
        config=trafilatura_config(),
        output_format="python",
        fast=options.fast,
        precision=options.precision,
        comments=False,
        tables=options.tables,
        with_metadata=True,
        url=url,
        date_params={"original_date": True, "extensive_search": False, "max_date": max_date},
    )


def run_trafilatura(
    tree: HtmlElement, url: str | None, options: HtmlOptions, max_date: str
) -> Document | None:
    """trafilatura on a copy of our cleaned tree; None when it finds no text."""
    result = trafilatura.bare_extraction(tree, options=trafilatura_options(url, options, max_date))
    return result if isinstance(result, Document) else None


# -- body paragraphs --------------------------------------------------------------------------------
def split_paragraphs(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").split("\n") if line.strip()]


def is_boilerplate(paragraph: str) -> bool:
    """Share/follow lines, copyright, comment widgets and policies, opinion disclaimers."""
    words = len(paragraph.split())
    paragraph = strip_diacritics(paragraph)  # "حمّل تطبيق"
    if words <= MAX_SHARE_WORDS and (SHARE_FOLLOW.match(paragraph) or COMMENT_WIDGET.match(paragraph)):
        return True
    if words <= MAX_NOTICE_WORDS and (COPYRIGHT.search(paragraph) or OPINION_DISCLAIMER.search(paragraph)):
        return True
    return words <= MAX_POLICY_WORDS and bool(
        COMMENT_TOPIC.search(paragraph) and COMMENT_RULES.search(paragraph)
    )


def read_also_headline(paragraph: str) -> str | None:
    """The headline of an inline "اقرأ أيضا: ..." paragraph, else None."""
    match = READ_ALSO_INLINE.match(paragraph)
    if match and is_related_heading(match.group("marker")):
        return match.group("headline").strip()
    return None


def clean_body(paragraphs: list[str], title: str | None, related: list[str]) -> tuple[list[str], list[str]]:
    """Drop boilerplate, leaked related headlines, the headline and repeats; return (body, headlines)."""
    seen = {normalize(text, MATCHING) for text in related}
    title_key = normalize(title, MATCHING)
    body: list[str] = []
    headlines: list[str] = []
    for paragraph in paragraphs:
        key = normalize(paragraph, MATCHING)
        headline = read_also_headline(paragraph)
        if headline:
            headlines.append(headline)
        elif key in seen or (key == title_key and not body) or is_boilerplate(paragraph):
            continue
        elif RELATED_HEADING.match(key) is None:
            body.append(paragraph)
        seen.add(key)
    return body, headlines


# -- metadata ---------------------------------------------------------------------------------------
def url_path_and_host(url: str | None) -> tuple[str, str | None]:
    """A URL's path and host; empty for a malformed URL ("http://[bad") rather than an error."""
    try:
        parts = urlsplit(url or "")
        return parts.path, parts.hostname
    except ValueError:
        return "", None


def hostname(url: str | None) -> str | None:
    host = url_path_and_host(url)[1]
    return host.removeprefix("www.") if host else None


def site_name(document: Document, url: str | None) -> str | None:
    """og:site_name / publisher from trafilatura; the URL's host only when nothing else is known."""
    name = (document.sitename or "").strip().lstrip("@")
    if name and URL_LIKE.match(name):
        return hostname(name if "//" in name else f"http://{name}")
    return name or hostname(url) or document.hostname


def _names_site(part: str, site_key: str) -> bool:
    key = normalize(part, MATCHING)
    return bool(key) and len(key.split()) <= MAX_AFFIX_WORDS and (key in site_key or site_key in key)


def strip_site_affix(title: str | None, site: str | None) -> str | None:
    """Drop a trailing or leading site name: "خبر - اليوم السابع" -> "خبر"."""
    site_key = normalize(site, MATCHING)
    separators = list(TITLE_SEPARATOR.finditer(title)) if title and site_key else []
    if not title or not separators:
        return title
    last, first = separators[-1], separators[0]
    if _names_site(title[last.end() :], site_key):
        return title[: last.start()].strip()
    if _names_site(title[: first.start()], site_key):
        return title[first.end() :].strip()
    return title


def heading_title(title: str | None, tree: HtmlElement) -> str | None:
    """The page's <h1> when the <title> is it plus decoration: "المدينة نيوز - أميركا ..." -> "أميركا ..."."""
    if not title or not TITLE_SEPARATOR.search(title):
        return title
    parts = {normalize(part, MATCHING) for part in TITLE_SEPARATOR.split(title)}
    for heading in tree.xpath("//h1")[:3]:
        text = " ".join(heading.text_content().split())
        if text and normalize(text, MATCHING) in parts:
            return text
    return title


def lead_paragraph(tree: HtmlElement, description: str | None, body: list[str]) -> str | None:
    """The standfirst that sits outside the article body (Sputnik's "b-article__lead").

    Found as the page element that starts like the meta description; taken only when the
    body does not already hold it.
    """
    words = normalize(ELLIPSIS.sub("", description or ""), MATCHING).split()
    if len(words) < LEAD_PREFIX_WORDS:
        return None
    prefix = " ".join(words[:LEAD_PREFIX_WORDS])
    if any(prefix in normalize(paragraph, MATCHING) for paragraph in body[:3]):
        return None
    for element in tree.xpath("//body//p | //body//*[@itemprop='description']"):
        text = " ".join(element.text_content().split())
        if normalize(text[: len(prefix) * 2], MATCHING).startswith(prefix):
            return text
    return None


def split_tags(values: list[str], title: str | None) -> list[str]:
    """Publisher keywords split at commas, trimmed, deduplicated; the title cut into words is not tags."""
    items = [item.strip(TAG_TRIM) for value in values for item in TAG_SEPARATORS.split(value)]
    title_key = normalize(title, MATCHING)
    items = [item for item in items if item and len(item.split()) <= MAX_TAG_WORDS]
    items = [item for item in items if normalize(item, MATCHING) != title_key]
    title_words = set(title_key.split())
    one_word = [item for item in items if len(item.split()) == 1]
    if len(one_word) >= TITLE_SPLIT_MIN_ITEMS and all(
        normalize(w, MATCHING) in title_words for w in one_word
    ):
        return []
    return unique_texts(items)


def page_keywords(tree: HtmlElement) -> list[str]:
    return [value for query in KEYWORD_META for value in tree.xpath(query) if value and value.strip()]


def page_canonical(tree: HtmlElement) -> str | None:
    hrefs = tree.xpath("//link[@rel='canonical']/@href") + tree.xpath("//meta[@property='og:url']/@content")
    return next((href.strip() for href in hrefs if href.strip().startswith("http")), None)


# -- publication date -------------------------------------------------------------------------------
def _in_range(day: str | None, max_date: str) -> str | None:
    return day if day and MIN_DATE <= day <= max_date else None


def local_timestamp_date(tree: HtmlElement, max_date: str) -> str | None:
    """The calendar day of a publication timestamp written with a non-UTC offset.

    A UTC timestamp of 23:59 is already the next day in Cairo or Riyadh; the outlet's own
    offset gives the date its readers saw ("2020-12-25T01:59:50+02:00" -> 2020-12-25).
    """
    values = [
        m.group("value")
        for text in tree.xpath("//script[contains(@type, 'ld+json')]/text()")
        for m in JSONLD_PUBLISHED.finditer(text)
    ]
    values += [value for query in PUBLISHED_META for value in tree.xpath(query)]
    for value in values:
        match = OFFSET_TIMESTAMP.search(value)
        if match and match.group("offset").replace(":", "") not in ("+0000", "-0000"):
            return _in_range(match.group("day"), max_date)
    return None


def url_date(url: str | None, max_date: str) -> str | None:
    """A Y/M/D date in the URL, allowing one section between year and month (CNN's old URLs)."""
    match = URL_DATE.search(url_path_and_host(url)[0])
    if not match:
        return None
    try:
        day = date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None
    return _in_range(day.isoformat(), max_date)


def byline_date(tree: HtmlElement, max_date: str) -> str | None:
    """A date in a short text that says it is the publication date ("تم نشره ...")."""
    for text in tree.xpath("//body//text()"):
        if len(text) > MAX_BYLINE_CHARS or not PUBLISHED_CUE.search(strip_diacritics(text)):
            continue
        owner = text.getparent()
        around = owner.text_content() if owner is not None else ""
        found = find_date(text) or (find_date(around) if len(around) <= MAX_BYLINE_CHARS else None)
        if _in_range(found, max_date):
            return found
    return None


def extensive_date(tree: HtmlElement, url: str | None, max_date: str) -> str | None:
    """htmldate's free-text search: the last resort, it guesses from any date on the page."""
    try:
        found = htmldate.find_date(
            tree, url=url, original_date=True, extensive_search=True, max_date=max_date
        )
    except (ValueError, TypeError):
        return None
    return _in_range(found, max_date)


def published_date(
    tree: HtmlElement, document: Document, url: str | None, options: HtmlOptions, max_date: str
) -> str | None:
    """The first date found, from the most to the least trustworthy place."""
    found = (
        local_timestamp_date(tree, max_date)
        or _in_range(document.date, max_date)
        or url_date(url, max_date)
        or byline_date(tree, max_date)
    )
    if not found and options.extensive_date_search:
        found = extensive_date(tree, url, max_date)
    return found


def _container_day(page: Page) -> str | None:
    return find_date(page.date) if page.date else None


def date_bound(page: Page) -> str:
    """Latest plausible publication day: the container's date (a crawl date) or today."""
    return _container_day(page) or date.today().isoformat()


# -- the stage --------------------------------------------------------------------------------------
def extract_html(page: Page, options: HtmlOptions = DEFAULT_OPTIONS) -> ExtractedPage:
    """The page's main article and related headlines; no article when no body text is found."""
    tree = parse_html(page.content)
    if tree is None:
        return ExtractedPage(page=page)
    strip_non_content(tree)
    related = cut_related(tree)
    max_date = date_bound(page)
    document = run_trafilatura(tree, page.url, options, max_date)
    if document is None:
        return ExtractedPage(page=page, related_headlines=related)
    url = page.url or page_canonical(tree) or document.url
    source = page.source or site_name(document, url)
    desk, title = wire_headline(heading_title(strip_site_affix(document.title, source), tree))
    body, inline = clean_body(split_paragraphs(document.text), title, related)
    lead = lead_paragraph(tree, document.description, body) if body else None
    body = [lead, *body] if lead and not is_boilerplate(lead) else body
    title_key = normalize(title, MATCHING)
    headlines = [text for text in unique_texts(related + inline) if normalize(text, MATCHING) != title_key]
    if not body:
        return ExtractedPage(page=page, related_headlines=headlines)
    opening = find_dateline(body[0])  # "دمشق، سوريا (CNN) -- ..."
    article = Article(
        role="main",
        title=title,
        text="\n".join(body),
        source=source or (opening.outlet if opening else None),
        dateline=opening.place if opening else None,
        published=published_date(tree, document, url, options, max_date) or _container_day(page),
        tags=split_tags(page_keywords(tree), title),
        url=url,
        section=page.section or html_page_section(tree) or desk,
    )
    return ExtractedPage(page=page, articles=[article], related_headlines=headlines)

"""What a page says its section is, in the publisher's words.

A breadcrumb trail ("الرئيسية › رياضة › كرة القدم"), a "more in" link ("المزيد في سياسة
دولية"), a wire agency's desk slug before its headline ("اقتصادي / ..."), or, in HTML,
the `article:section` meta, JSON-LD `articleSection` or a breadcrumb element. The words are
kept as written on the article (`Article.section`); `enrich.sections.assign_section` maps
them to Marsad's labels and prefers them to the classifier's guess. A line of section links
that names several topics is a site menu, not the page's section, and is passed over.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from marsad.enrich.sections import section_from_breadcrumb
from marsad.extract.segment import BREADCRUMB_SEPARATOR, is_breadcrumb
from marsad.model import Block

# "المزيد في سياسة دولية": the one or two words after the link's words name the section. ("المزيد
# من" is prose's "more of", and prose may "invest more in energy": body paragraphs are not read.)
MORE_IN = re.compile(r"(?<!\w)(?:ال|لل)مزيد\s+في\s+(\S+(?:\s+\S+)?)")
# Longest stated section kept, in characters: a breadcrumb, not a paragraph.
MAX_STATED_CHARS = 200
BREADCRUMB_XPATH = (
    "//*[contains(@class, 'breadcrumb') or contains(@id, 'breadcrumb')"
    " or contains(@itemtype, 'BreadcrumbList')]"
)
SECTION_META = (
    "//meta[@property='article:section']/@content",
    "//meta[@name='article:section']/@content",
    "//meta[@name='section']/@content",
    "//meta[@name='category']/@content",
)


def one_topic(trail: str) -> str | None:
    """The trail if its parts name one section at most (a menu names several), else None;
    also None when no part names a section."""
    parts = [part for part in BREADCRUMB_SEPARATOR.split(trail) if part.strip()]
    labels = {label for part in parts if (label := section_from_breadcrumb(part))}
    return trail.strip()[:MAX_STATED_CHARS] if len(labels) == 1 else None


def more_in(text: str) -> str | None:
    """The words of the first "المزيد في ..." link in `text` that name a section."""
    for match in MORE_IN.finditer(text):
        if section_from_breadcrumb(match.group(1)):
            return match.group(1)
    return None


def text_page_section(blocks: Sequence[Block]) -> str | None:
    """A plain-text page's stated section: its first breadcrumb trail that names one section,
    else its first "more in" link outside the body paragraphs."""
    for block in blocks:
        if is_breadcrumb(block.text) and (trail := one_topic(block.text)):
            return trail
    links = (more_in(block.text) for block in blocks if block.role != "body")
    return next(filter(None, links), None)


def html_page_section(tree: HtmlElement) -> str | None:
    """An HTML page's stated section: its section meta, JSON-LD articleSection, then a
    breadcrumb element naming one section."""
    for query in SECTION_META:
        for value in tree.xpath(query):
            if value and value.strip() and section_from_breadcrumb(value):
                return value.strip()[:MAX_STATED_CHARS]
    for script in tree.xpath("//script[contains(@type, 'ld+json')]/text()"):
        for value in _json_ld_sections(script):
            if section_from_breadcrumb(value):
                return value[:MAX_STATED_CHARS]
    for element in tree.xpath(BREADCRUMB_XPATH)[:5]:
        texts = element.xpath(".//a//text() | .//span//text() | .//li/text()")
        items = [" ".join(text.split()) for text in texts]
        trail = " › ".join(item for item in items if item)
        if trail and (found := one_topic(trail)):
            return found
    return None


def _json_ld_sections(script: str) -> list[str]:
    """`articleSection` values of a JSON-LD block (a string or a list; nested in @graph)."""
    try:
        data = json.loads(script[:100_000])
    except (ValueError, RecursionError):
        return []
    found: list[str] = []
    stack = [data]
    while stack and len(found) < 10:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item[:50])
        elif isinstance(item, dict):
            value = item.get("articleSection")
            values = value if isinstance(value, list) else [value]
            found += [v.strip() for v in values if isinstance(v, str) and v.strip()]
            stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return found

"""Find "read also" / related-article blocks in an HTML tree, keep their headlines, cut them out.

trafilatura often lets a related list leak into the body (its issue #584): a "اقرأ أيضا"
box inside the article container looks like a short list of paragraphs. Marsad removes
such blocks from the parsed tree before trafilatura sees it, and keeps their link texts
as the page's `related_headlines`. A block is found two ways:

- by its heading: a short text whose whole content is a marker ("إقرأ أيضاً", "أخبار ذات
  صلة", "الأكثر قراءة", "Related"); the block is the nearest ancestor that holds
  headline links, or, when the heading sits inside the article text, the link lists
  that follow it;
- by its markup: a class or id naming it ("related-news", "read-more", "most-read").

Either way the block must be link-dense, so an article container that merely carries
a "related" class, or a sentence that mentions "ذات صلة", is never removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from marsad.arabic.normalize import MATCHING, normalize, strip_diacritics

# -- tuning constants ------------------------------------------------------------------------------
# A marker is a few words; longer text is a sentence that happens to contain the words.
MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 80  # cheap test before normalising every text node of the page
# Headlines run 4-25 words: shorter links are menu items, section labels or buttons ("المزيد",
# "تقارير نشرة الاخبار"), and a date ("ديسمبر 24, 2020") is not a headline however long.
MIN_HEADLINE_WORDS = 4
MIN_HEADLINE_LETTER_WORDS = 3
MAX_HEADLINE_WORDS = 40
# In a related block at least half of the words are link text (the rest: dates, teasers).
MIN_LINK_DENSITY = 0.5
# ...and a good share of its links are headlines: a menu's links are one to three words.
MIN_HEADLINE_SHARE = 0.4
# A related box lists a dozen items (image, title and section links each): a bigger link-dense
# element is a page region (menus, a whole column) that may hold the article itself.
MAX_BLOCK_LINKS = 60
# Teasers and dates stay under this; an element with more words outside links holds prose.
MAX_BLOCK_PLAIN_WORDS = 200
# Climb at most this many ancestors from a heading to find its list: LBC wraps its box title
# in five divs before the list's container ("a > h2 > div > div > div > div > div").
MAX_CLIMB = 8
# An ancestor with this many words outside links is article text: stop climbing there.
MAX_PLAIN_WORDS = 60
# Elements never taken as a block: removing them would remove the page.
NEVER_BLOCKS = frozenset({"html", "body", "head", "main", "article"})

# Marker headings, matched on `normalize(text, MATCHING)` (alef/hamza, taa marbuta, ya, diacritics,
# punctuation folded), so one spelling covers "إقرأ أيضاً", "اقرأ ايضا" and "اقرا أيضًا:".
_RELATED_MARKERS = (
    # "اقرأ أيضا", "إقرأ كذلك", "شاهد أيضا", "طالع أيضاً", "اقرأ المزيد", "read also", "see also"
    r"(?:اقرا|اقراي|طالع|شاهد|اطلع|استمع|read|see)\s+(?:ايضا|كذلك|المزيد|also|more)",
    # "أخبار ذات صلة", "مواضيع ذات علاقة", "مقالات مشابهة", "أخبار متعلقة", "الأخبار المرتبطة"
    r"(?:ال)?(?:اخبار|مقالات|مواضيع|موضوعات|قصص|تقارير|روابط|فيديوهات)\s+"
    r"(?:(?:ذات|ذو)\s+(?:صله|علاقه)|(?:ال)?(?:مشابهه|متعلقه|مرتبطه|مقترحه|اخري))",
    # "ذات صلة" alone, as a box title
    r"ذات\s+(?:صله|علاقه)",
    # "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقاً"
    r"(?:الاكثر|الاوسع)\s+(?:قراءه|مشاهده|تداولا|تعليقا|شعبيه|انتشارا)",
    # "قد يهمك", "قد يعجبك أيضا", "اخترنا لك", "ننصحك بقراءة", "المزيد من الأخبار"
    r"قد\s+(?:يهمك|يعجبك|تهمك)(?:\s+ايضا)?|اخترنا\s+لك|ننصحك\s+بقراءه|المزيد\s+من\s+(?:الاخبار|المقالات)",
    # "Related", "Related news", "More stories", "Most read", "You may also like"
    r"related(?:\s+(?:news|articles|posts|stories|content))?|more\s+stories|most\s+(?:read|popular|viewed)"
    r"|you\s+may\s+also\s+like",
)
RELATED_HEADING = re.compile(rf"^(?:{'|'.join(_RELATED_MARKERS)})$")
# A stem every marker above contains, tested on the raw text before the costlier normalisation
# (a page has thousands of short text nodes): "قر" of اقرأ, "صل" of صلة, "كثر" of الأكثر, ...
HEADING_HINT = re.compile(
    r"قر|طالع|شاهد|طلع|ستمع|صل|علاق|شابه|تعلق|رتبط|قترح|خرى|خري|كثر|وسع|يهمك|تهمك|يعجبك|ترنا|ننصح|مزيد"
    r"|related|read|see|more|most|may",
    re.I,
)
# Class or id naming a related/recommendation widget: "related-news", "jnews_related_post",
# "relatedArticles", "read-more", "mostRead", "also-read", "outbrain", "taboola", "postquare".
RELATED_ATTR = re.compile(
    r"related|read-?(?:more|also)|also-?read|more-?(?:news|stories|articles)|most-?(?:read|viewed|popular)"
    r"|you-?may|recommend|outbrain|taboola|postquare",
    re.I,
)
# Tags whose text is never page content; scripts go before any word counting (JSON-LD stays:
# the metadata reader needs it).
NON_CONTENT_TAGS = ("style", "noscript", "template", "iframe", "svg")


@dataclass
class LinkStats:
    """Words inside and outside links in one element, and the headlines among its links."""

    link_words: int
    plain_words: int
    headlines: list[str]
    links: int  # links with any text or title

    @property
    def density(self) -> float:
        total = self.link_words + self.plain_words
        return self.link_words / total if total else 0.0

    def looks_related(self) -> bool:
        if not self.headlines or self.density < MIN_LINK_DENSITY:
            return False
        if self.links > MAX_BLOCK_LINKS or self.plain_words > MAX_BLOCK_PLAIN_WORDS:
            return False
        return len(self.headlines) >= MIN_HEADLINE_SHARE * self.links


def is_related_heading(text: str | None) -> bool:
    """True for a short text that is only a related-block marker ("إقرأ أيضاً:", "Related")."""
    if not text or len(text) > MAX_HEADING_CHARS or not HEADING_HINT.search(strip_diacritics(text)):
        return False
    folded = normalize(text, MATCHING)
    if not folded or len(folded.split()) > MAX_HEADING_WORDS:
        return False
    return bool(RELATED_HEADING.match(folded))


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0


def _own_text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def link_headline(link: HtmlElement) -> str | None:
    """A link's text (or its title, for image links) when it reads like a headline."""
    text = _link_text(link)
    if not MIN_HEADLINE_WORDS <= _words(text) <= MAX_HEADLINE_WORDS or is_related_heading(text):
        return None
    if sum(1 for word in text.split() if any(ch.isalpha() for ch in word)) < MIN_HEADLINE_LETTER_WORDS:
        return None
    return text


def _link_text(link: HtmlElement) -> str:
    return _own_text(link) or " ".join((link.get("title") or "").split())


def link_stats(element: HtmlElement, skip: HtmlElement | None = None) -> LinkStats:
    """Count link and plain words under `element`, ignoring the heading `skip`.

    An element with more links than any related box is not measured further (it is a page
    region), which also keeps the climb from a heading cheap.
    """
    anchors = [a for a in element.iter("a") if skip is None or not (a is skip or skip in a.iterancestors())]
    if len(anchors) > MAX_BLOCK_LINKS:
        return LinkStats(0, 0, [], len(anchors))
    link_words, links, headlines = 0, 0, []
    for link in anchors:
        link_words += _words(_own_text(link))
        links += bool(_link_text(link))
        headline = link_headline(link)
        if headline:
            headlines.append(headline)
    skipped = _words(_own_text(skip)) if skip is not None else 0
    plain = max(0, _words(_own_text(element)) - link_words - skipped)
    return LinkStats(link_words, plain, headlines, links)


def _heading_elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Elements whose own text (or a text right after a <br>) is a related marker."""
    for text in tree.xpath("//body//text()"):
        if not is_related_heading(text):
            continue
        owner = text.getparent()
        if owner is None:
            continue
        yield owner.getparent() if text.is_tail and owner.getparent() is not None else owner


def _dense_siblings(node: HtmlElement) -> list[HtmlElement]:
    """The run of link-dense siblings right after `node` (a heading inside article text)."""
    run = []
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        stats = link_stats(sibling)
        if not stats.looks_related():
            if stats.plain_words or stats.link_words:
                break
            continue
        run.append(sibling)
    return run


def block_for_heading(heading: HtmlElement) -> list[HtmlElement]:
    """The elements a marker heading introduces; empty when no link list belongs to it."""
    node = heading
    for _ in range(MAX_CLIMB):
        parent = node.getparent()
        if parent is None or parent.tag in NEVER_BLOCKS:
            break
        stats = link_stats(parent, skip=heading)
        if stats.looks_related():
            return [parent]
        if stats.links > MAX_BLOCK_LINKS:
            break
        if stats.plain_words > MAX_PLAIN_WORDS:
            siblings = _dense_siblings(node)
            return [node, *siblings] if siblings else []
        node = parent
    return []


def _named_related(element: HtmlElement) -> bool:
    if not isinstance(element.tag, str) or element.tag in NEVER_BLOCKS:
        return False
    names = f"{element.get('class') or ''} {element.get('id') or ''}".replace("_", "-")
    return bool(RELATED_ATTR.search(names))


def _attribute_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """Elements whose class or id names a related widget and that are link-dense, outermost first.

    Items of an accepted widget ("related-item" inside "related-news") are not measured again.
    """
    accepted: list[HtmlElement] = []
    for element in filter(_named_related, tree.iter()):
        if any(ancestor in accepted for ancestor in element.iterancestors()):
            continue
        if link_stats(element).looks_related():
            accepted.append(element)
    return accepted


def _outermost(elements: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Drop elements nested inside another one of the list, keeping document order."""
    chosen = list(dict.fromkeys(elements))
    keep = set(chosen)
    return [el for el in chosen if not any(anc in keep for anc in el.iterancestors())]


def find_related_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """Every related/read-also block of the page, outermost only."""
    found: list[HtmlElement] = []
    for heading in _heading_elements(tree):
        found.extend(block_for_heading(heading))
    found.extend(_attribute_blocks(tree))
    return _outermost(found)


def strip_non_content(tree: HtmlElement) -> None:
    """Remove scripts (but JSON-LD), styles and embeds: they would skew every word count."""
    for script in tree.xpath("//script[not(contains(@type, 'ld+json'))]"):
        script.drop_tree()
    for element in tree.xpath("|".join(f"//{tag}" for tag in NON_CONTENT_TAGS)):
        element.drop_tree()


def cut_related(tree: HtmlElement) -> list[str]:
    """Remove the related blocks from `tree` in place; return their headlines in page order."""
    headlines: list[str] = []
    for block in find_related_blocks(tree):
        headlines.extend(link_stats(block).headlines)
        block.drop_tree()
    return unique_texts(headlines)


def unique_texts(texts: Iterable[str]) -> list[str]:
    """First occurrence of each text, compared after normalisation (image + title links repeat)."""
    seen: set[str] = set()
    kept = []
    for text in texts:
        key = normalize(text, MATCHING)
        if key and key not in seen:
            seen.add(key)
            kept.append(text)
    return kept

"""Feeds and sitemaps to the links they announce.

RSS and Atom are read by feedparser (given the bytes: it never fetches anything itself);
sitemaps (`<urlset>`, news sitemaps, `<sitemapindex>`, gzipped or not) by lxml with
entities and network access off. The kind is told by the content, not by the URL.
"""

from __future__ import annotations

import calendar
import io
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
from lxml import etree

from marsad.errors import MarsadError
from marsad.readers.decode import gunzip_bounded

SITEMAP_ROOTS = ("urlset", "sitemapindex")
GZIP_MAGIC = b"\x1f\x8b"


class ListingError(MarsadError):
    """A feed or sitemap that cannot be read; the message is the one-line reason."""


@dataclass(frozen=True)
class Link:
    url: str
    published: str | None = None  # ISO 8601 (UTC) when the listing gave a date
    title: str | None = None


@dataclass
class Listing:
    kind: str  # "feed" | "sitemap" | "sitemapindex"
    links: list[Link] = field(default_factory=list)  # article pages, newest first
    children: list[Link] = field(default_factory=list)  # sitemaps of an index, newest first


def parse_listing(data: bytes, url: str) -> Listing:
    if data[:2] == GZIP_MAGIC:
        try:
            data = gunzip_bounded(data, url)
        except MarsadError as exc:
            raise ListingError(f"broken gzip: {exc}") from None
    root = _xml_root(data)
    if root is not None and etree.QName(root).localname in SITEMAP_ROOTS:
        return _sitemap(root, url)
    return _feed(data, url)


def absolute(base: str, href: str | None) -> str | None:
    """An absolute http(s) URL without fragment, or None."""
    if not href or not href.strip():
        return None
    target = urldefrag(urljoin(base, href.strip()))[0]
    return target if urlsplit(target).scheme in ("http", "https") else None


def newest_first(links: list[Link]) -> list[Link]:
    """Dated links newest first, then undated ones in document order (sorted() is stable)."""
    unique = list({link.url: link for link in reversed(links)}.values())[::-1]
    return sorted(unique, key=lambda link: link.published or "", reverse=True)


def _xml_root(data: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def _sitemap(root, base: str) -> Listing:
    kind = etree.QName(root).localname
    entries = []
    for node in root:
        if not isinstance(node.tag, str):
            continue  # comments, processing instructions
        fields = {
            etree.QName(child).localname: (child.text or "").strip()
            for child in node.iter()
            if isinstance(child.tag, str)
        }
        href = absolute(base, fields.get("loc"))
        if href:
            date = fields.get("publication_date") or fields.get("lastmod") or None
            entries.append(Link(href, _iso(date), fields.get("title") or None))
    ordered = newest_first(entries)
    return Listing(kind, children=ordered) if kind == "sitemapindex" else Listing(kind, links=ordered)


def _feed(data: bytes, base: str) -> Listing:
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": base})
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {type(problem).__name__}: {problem}" if problem else ""
        raise ListingError(f"neither a feed with entries nor a sitemap{detail}"[:300])
    links = []
    for entry in parsed.entries:
        href = absolute(base, entry.get("link"))
        if href:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            links.append(Link(href, _stamp_iso(stamp), entry.get("title") or None))
    return Listing("feed", links=newest_first(links))


def _stamp_iso(stamp: time.struct_time | None) -> str | None:
    if not stamp:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(stamp)))


def _iso(value: str | None) -> str | None:
    """A sitemap's W3C datetime (2024-05-01, 2024-05-01T10:00:00+03:00) in UTC, or None."""
    try:
        moment = datetime.fromisoformat((value or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

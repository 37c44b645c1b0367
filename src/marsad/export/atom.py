"""Atom 1.0 feeds (RFC 4287) of articles, built with ElementTree so every text is escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

ATOM = "http://www.w3.org/2005/Atom"
# Feed readers show the summary; a few sentences are enough to decide whether to click.
SUMMARY_CHARS = 400
# Articles without a date sort last and get this instant, so `updated` is always valid.
EPOCH = "1970-01-01T00:00:00Z"
# Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF): dropped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Feed:
    id: str  # a stable IRI for the feed, e.g. "urn:marsad:feed:search:..."
    title: str
    self_url: str
    page_url: str  # the HTML page showing the same list


def _timestamp(value: str | None) -> str:
    """An RFC 3339 instant from a stored date or date-time (dates become midnight UTC)."""
    if not value:
        return EPOCH
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return EPOCH
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: NOT_XML.sub("", v) for k, v in attrs.items()})
    if text is not None:
        element.text = NOT_XML.sub("", text)
    return element


def _entry(feed: ET.Element, item: dict[str, Any], article_url: str) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "id", f"urn:marsad:article:{item['id']}")
    _sub(entry, "title", item.get("title") or (item.get("lead") or "")[:80] or item["id"])
    _sub(entry, "updated", _timestamp(item.get("published")))
    _sub(entry, "link", href=article_url, rel="alternate", type="text/html")
    if item.get("source"):
        _sub(_sub(entry, "author"), "name", item["source"])
    summary = item.get("snippet") or item.get("lead") or ""
    if summary:
        _sub(entry, "summary", summary[:SUMMARY_CHARS], type="text")


def atom_feed(feed: Feed, items: Iterable[dict[str, Any]], article_url) -> bytes:
    """The feed document; `article_url(id)` gives each entry's link."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "ar"})
    items = list(items)
    _sub(root, "id", feed.id)
    _sub(root, "title", feed.title)
    _sub(root, "updated", max((_timestamp(i.get("published")) for i in items), default=EPOCH))
    _sub(root, "link", href=feed.self_url, rel="self", type="application/atom+xml")
    _sub(root, "link", href=feed.page_url, rel="alternate", type="text/html")
    _sub(_sub(root, "author"), "name", "Marsad")
    _sub(root, "generator", "Marsad")
    for item in items:
        _entry(root, item, article_url(item["id"]))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)

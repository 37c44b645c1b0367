"""Invariants every fuzz target asserts on what the code under test returns.

A crash is not only an exception: a reader that yields a page the store cannot write (text
with lone surrogates) or an extraction whose output is not valid JSON would fail later, in
`ingest`, for every page after it. So outputs are checked where they are produced.
"""

from __future__ import annotations

import json

from marsad.errors import PageRejected
from marsad.model import ExtractedPage, Page

PAGE_KINDS = {"text", "html"}


def storable(text: str | None) -> None:
    """Text the store and the JSON writer can take: encodable as UTF-8 (no lone surrogates)."""
    if text is not None:
        assert isinstance(text, str), type(text)
        text.encode("utf-8")


def check_read_result(item: object) -> None:
    if isinstance(item, PageRejected):
        assert item.reason and isinstance(item.detail, str)
        return
    assert isinstance(item, Page), type(item)
    assert item.kind in PAGE_KINDS, item.kind
    assert item.content.strip(), "a page with no content"
    for value in (item.name, item.content, item.url, item.date, item.source, item.origin):
        storable(value)


def check_extracted(extracted: ExtractedPage) -> None:
    """The page-output contract: JSON that round-trips, UTF-8 clean, ids stable."""
    data = extracted.to_dict()
    encoded = json.dumps(data, ensure_ascii=False)
    encoded.encode("utf-8")
    assert json.loads(encoded) == data
    for article in extracted.articles:
        assert isinstance(article.text, str)
        assert article.id == article.to_dict()["id"]

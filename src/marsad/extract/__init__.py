"""Extraction: a page (text dump or HTML) to its articles and related headlines."""

from __future__ import annotations

from marsad.extract.articles import extract_text_page
from marsad.model import ExtractedPage, Page


def extract_page(page: Page) -> ExtractedPage:
    if page.kind == "html":
        from marsad.extract.html import extract_html

        return extract_html(page)
    return extract_text_page(page)

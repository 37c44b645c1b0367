"""Plain-text and HTML files (optionally gzipped) to pages."""

from __future__ import annotations

import re
from pathlib import Path

from marsad.errors import PageRejected
from marsad.model import Page
from marsad.readers.decode import decode_bytes, gunzip_bounded

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".aspx"}
# Markup near the start marks HTML whatever the file is called: "<!DOCTYPE html>", "<html", "<body".
HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|article)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2000]))


def inner_name(name: str) -> str:
    """'page.html.gz' -> 'page.html': the name that tells what the compressed bytes are."""
    return name[:-3] if name.lower().endswith(".gz") else name


def page_from_bytes(data: bytes, name: str, origin: str | None = None) -> Page:
    """Decode one file's bytes into a text or HTML page (kind by suffix, else by content)."""
    if name.lower().endswith(".gz"):
        data = gunzip_bounded(data, name)
        name = inner_name(name)
    text, encoding = decode_bytes(data, name)
    suffix = Path(name).suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES or looks_like_html(text) else "text"
    if kind == "text":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(name=name, kind=kind, content=text, origin=origin or name, encoding=encoding)


def read_file(path: Path) -> Page:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PageRejected("unreadable", exc.strerror or str(exc), str(path)) from None
    return page_from_bytes(data, path.name, origin=str(path))

"""WARC and WET files to pages, one per response/conversion record (warcio)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.errors import PageRejected
from marsad.model import Page
from marsad.readers.decode import MAX_PAGE_BYTES, decode_bytes
from marsad.readers.files import looks_like_html

WANTED_RECORDS = {"response", "conversion", "resource"}
# What warcio raises on a malformed archive: not only ArchiveLoadFailed; a response record
# without WARC-Target-URI, for one, fails inside its parser with AttributeError.
WARC_PARSE_ERRORS = (
    ArchiveLoadFailed, ValueError, OSError, EOFError, AttributeError, TypeError, KeyError, IndexError
)


def _page_from_record(record, file_name: str, index: int) -> Page:
    url = record.rec_headers.get_header("WARC-Target-URI")
    name = record.rec_headers.get_header("WARC-Record-ID") or f"{file_name}#{index}"
    payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if getattr(record.raw_stream, "limit", 0) > 0 and len(payload) <= MAX_PAGE_BYTES:
        raise PageRejected("truncated", "the archive ends inside this record", name)
    text, encoding = decode_bytes(payload, name)
    kind = "text" if record.rec_type == "conversion" else "html" if looks_like_html(text) else "text"
    date = record.rec_headers.get_header("WARC-Date")
    return Page(name=name, kind=kind, content=text, url=url, date=date, origin=file_name, encoding=encoding)


def read_warc(stream: IO[bytes], file_name: str) -> Iterator[Page | PageRejected]:
    """Yield a page or a rejection per record; a broken archive ends with one rejection line."""
    index = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in WANTED_RECORDS:
                continue
            if record.http_headers and record.http_headers.get_statuscode() not in (None, "200"):
                continue
            index += 1
            try:
                yield _page_from_record(record, file_name, index)
            except PageRejected as rejected:
                yield rejected
    except WARC_PARSE_ERRORS as exc:
        yield PageRejected("bad_warc", f"archive unreadable after {index} records ({exc})", file_name)

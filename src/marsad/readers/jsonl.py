"""JSONL records (`text` or `html`, optional `url`, `date`, `source`, `section` or
`category`, `id`) to pages. Scraped corpora often split the page in `title` and
`content` (or `body`), as SaudiNewsNet does: the text is then the title line over the
content, as a text dump of the page would have it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO

from marsad.errors import PageRejected
from marsad.model import Page
from marsad.readers.decode import MAX_PAGE_BYTES
from marsad.readers.files import looks_like_html

# JSON escapes can spell lone surrogates (\udc01), which no UTF-8 store or writer takes;
# each becomes U+FFFD, as a broken byte does when bytes are decoded.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8_safe(value: str) -> str:
    return LONE_SURROGATE.sub("\ufffd", value)


def _record_name(record: dict, file_name: str, line_no: int) -> str:
    given = record.get("id") or record.get("name")
    return _utf8_safe(str(given)) if given else f"{file_name}#{line_no}"


def page_from_record(record: object, file_name: str, line_no: int) -> Page:
    if not isinstance(record, dict):
        raise PageRejected("bad_record", "a JSONL line must hold an object", f"{file_name}#{line_no}")
    name = _record_name(record, file_name, line_no)
    html, text = record.get("html"), _record_text(record)
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        raise PageRejected("empty", "record has no `text` or `html`", name)
    if len(content) > MAX_PAGE_BYTES:
        raise PageRejected("too_large", f"record holds {len(content)} characters", name)
    kind = "html" if content is html or looks_like_html(content) else "text"
    return Page(
        name=name,
        kind=kind,
        content=_utf8_safe(content),
        url=_str_or_none(record.get("url")),
        date=_str_or_none(record.get("date")),
        source=_str_or_none(record.get("source")),
        section=_str_or_none(record.get("section") or record.get("category")),
        origin=file_name,
        encoding="utf-8",
    )


def _record_text(record: dict) -> object:
    """`text`, else the `title` line over `content` or `body` (either may stand alone)."""
    if record.get("text") is not None:
        return record.get("text")
    parts = [record.get(field) for field in ("title", "content", "body")]
    texts = [part.strip() for part in parts if isinstance(part, str) and part.strip()]
    return "\n\n".join(texts) if texts else None


def _str_or_none(value: object) -> str | None:
    return _utf8_safe(str(value)) if value not in (None, "") else None


def read_jsonl(stream: IO[str], file_name: str) -> Iterator[Page | PageRejected]:
    """Yield a page or a rejection per non-blank line; one bad line never stops the file."""
    for line_no, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield page_from_record(json.loads(line), file_name, line_no)
        except json.JSONDecodeError as exc:
            yield PageRejected("bad_json", f"line {line_no}: {exc.msg}", f"{file_name}#{line_no}")
        except (ValueError, RecursionError) as exc:  # an integer over 4300 digits; nesting past the stack
            yield PageRejected("bad_json", f"line {line_no}: {type(exc).__name__}", f"{file_name}#{line_no}")
        except PageRejected as rejected:
            yield rejected

"""Hostile inputs built from fuzzer bytes: encodings, bidi controls, giant lines, deep markup.

The first byte of a fuzz input picks a shape; the rest is the payload. Each shape is a
kind of input real crawls deliver or attackers send, so coverage-guided mutation explores
them all instead of only random UTF-8.
"""

from __future__ import annotations

import gzip

# Bidi and invisible format characters: RLO/LRO/PDF, isolates, marks, zero-width joiners, BOM.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\ufeff"
ENCODINGS = ("utf-8", "cp1256", "iso8859_6", "utf-16-le", "utf-16-be", "latin-1")
# A line this long (no newline) is a giant line; well under the 8 MB page limit.
GIANT_LINE_CHARS = 1_000_000
# Nesting depth for deep markup: past libxml2's default limit (256) and Python's recursion limit.
DEEP_NESTING = 5_000
ARABIC_SEED = "قال الرئيس في القاهرة يوم الأربعاء 25 يونيو 2025 إن المفاوضات مستمرة. "


def text_from(data: bytes) -> str:
    """A str shaped by the first byte: plain, legacy-decoded, bidi-laced, giant, many-line."""
    if not data:
        return ""
    shape, payload = data[0] % 8, data[1:]
    text = payload.decode("utf-8", "replace")
    if shape == 1:
        text = payload.decode(ENCODINGS[len(payload) % len(ENCODINGS)], "replace")
    elif shape == 2:
        text = _with_bidi(text, payload)
    elif shape == 3:
        text = _giant(text.replace("\n", " ") or ARABIC_SEED)
    elif shape == 4:
        text = "\n".join([text] * min(2000, 1 + len(payload)))
    elif shape == 5:
        text = ARABIC_SEED + text + ARABIC_SEED
    elif shape == 6:
        text = "".join(chr(b | 0x0600) if b < 0x80 else chr(b) for b in payload)  # Arabic block
    return text


def bytes_from(data: bytes) -> bytes:
    """Raw bytes shaped by the first byte: as given, re-encoded, BOM-prefixed, or giant."""
    if not data:
        return b""
    shape, payload = data[0] % 6, data[1:]
    if shape == 1:
        return text_from(payload).encode(ENCODINGS[len(payload) % len(ENCODINGS)], "replace")
    if shape == 2:
        return b"\xef\xbb\xbf" + payload
    if shape == 3:
        return b"\xff\xfe" + payload
    if shape == 4:
        return _giant_bytes(payload)
    return payload


def html_from(data: bytes) -> str:
    """Markup shaped by the first byte: fuzzed bytes, deep nesting, or fuzzed text in a page."""
    if not data:
        return ""
    shape, payload = data[0] % 4, data[1:]
    text = text_from(payload)
    if shape == 1:
        depth = min(DEEP_NESTING, 10 * (1 + len(payload)))
        tag = ("div", "p", "span", "table", "b")[len(payload) % 5]
        return f"<html><body>{f'<{tag}>' * depth}{text}{f'</{tag}>' * depth}</body></html>"
    if shape == 2:
        return (
            f"<html><head><title>{text[:200]}</title><meta name='keywords' content='{text[:300]}'></head>"
            f"<body><article><h1>{text[:100]}</h1><p>{ARABIC_SEED}{text}</p><p>{ARABIC_SEED}</p>"
            f"</article></body></html>"
        )
    if shape == 3:
        return "<html><body>" + "<p>" + "</p><p>".join(text.split("\n")) + "</p></body></html>"
    return text


def gzip_bomb(ratio_byte: int) -> bytes:
    """A small .gz that expands past the reader's limit (up to ~200 MB of zeros)."""
    size = (ratio_byte % 4 + 1) * 50 * 1024 * 1024
    compressor = gzip.compress(b"\0" * (1 << 20), compresslevel=9)
    return compressor * (size >> 20)  # concatenated members: each 1 MB of zeros, ~1 KB compressed


def _with_bidi(text: str, payload: bytes) -> str:
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if payload and payload[i % len(payload)] % 3 == 0:
            out.append(BIDI[i % len(BIDI)])
    return "".join(out)


def _giant(line: str) -> str:
    return (line * (GIANT_LINE_CHARS // max(1, len(line)) + 1))[:GIANT_LINE_CHARS]


def _giant_bytes(payload: bytes) -> bytes:
    chunk = payload or b"x"
    return (chunk * (GIANT_LINE_CHARS // len(chunk) + 1))[:GIANT_LINE_CHARS]

"""Bytes to text: encoding detection and the checks every reader shares.

Arabic pages still arrive in windows-1256 and ISO-8859-6 as well as UTF-8 and UTF-16.
A wrong guess does not fail loudly, it produces mojibake, so among the plausible
decodings we keep the one whose letters are most often Arabic-script letters.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re

import charset_normalizer

from marsad.arabic.normalize import arabic_ratio
from marsad.errors import PageRejected

# Pages above this are not news articles (a 50 MB "page" is a dump or an attack); 8 MB
# holds the largest real article pages with inline scripts several times over.
MAX_PAGE_BYTES = 8 * 1024 * 1024
# A .gz may expand at most this much: a zip bomb stops here instead of filling memory.
MAX_GUNZIP_BYTES = 64 * 1024 * 1024
# Share of control characters (other than tab/newline/CR) above which bytes are not text.
MAX_CONTROL_SHARE = 0.01
# Encodings tried when the bytes are not valid UTF-8, most likely first for Arabic news.
ARABIC_LEGACY_ENCODINGS = ("cp1256", "iso8859_6")
# UTF-8 with at most this share of broken sequences (a truncated file, one bad byte) is still
# UTF-8: decoding it as windows-1256 would turn every Arabic letter into mojibake ("ط£ط¹").
MAX_BAD_UTF8_SHARE = 0.001
# <meta charset="windows-1256"> or content="text/html; charset=windows-1256"
HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def gunzip_bounded(data: bytes, name: str) -> bytes:
    """Decompress, refusing outputs larger than MAX_GUNZIP_BYTES (zip bombs) or broken streams."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(1 << 20):
                out.write(chunk)
                if out.tell() > MAX_GUNZIP_BYTES:
                    raise PageRejected("too_large", f"gzip expands past {MAX_GUNZIP_BYTES >> 20} MB", name)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise PageRejected("bad_gzip", f"cannot decompress ({exc})", name) from None
    return out.getvalue()


def check_size(data: bytes, name: str) -> None:
    if not data.strip():
        raise PageRejected("empty", "the input has no content", name)
    if len(data) > MAX_PAGE_BYTES:
        mb = len(data) / (1024 * 1024)
        raise PageRejected("too_large", f"{mb:.1f} MB is over the {MAX_PAGE_BYTES >> 20} MB page limit", name)


def _utf16_bom(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # UTF-16 without a BOM: Arabic code units are 0x06xx, so every other byte is 0x06.
    sample = data[:4000]
    if len(sample) >= 4:
        if sample[1::2].count(6) > len(sample) // 4:
            return "utf-16-le"
        if sample[0::2].count(6) > len(sample) // 4:
            return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _candidates(data: bytes) -> list[str]:
    """Plausible decodings: declared charset, the Arabic legacy code pages, the detector's pick."""
    names = [name for name in (_declared_charset(data),) if name]
    names += list(ARABIC_LEGACY_ENCODINGS)
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None:
        names.append(best.encoding)
    return list(dict.fromkeys(names))


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) or raise PageRejected with a one-line reason."""
    check_size(data, name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    encoding = _utf16_bom(data)
    if encoding:
        text = data.decode(encoding, errors="replace")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _mostly_utf8(data) or _best_legacy_decoding(data, name)
    text = text.lstrip("\ufeff")
    if not text.strip():  # a bare byte-order mark, or whitespace in UTF-16
        raise PageRejected("empty", "the input has no content", name)
    _reject_binary(text, name)
    return text, encoding


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    return (text, "utf-8") if broken <= max(2, MAX_BAD_UTF8_SHARE * len(text)) else None


def _best_legacy_decoding(data: bytes, name: str) -> tuple[str, str]:
    scored = []
    for encoding in _candidates(data):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((arabic_ratio(text[:20_000]), encoding, text))
    if not scored:
        # Nothing decodes cleanly: keep what UTF-8 can read; the binary check decides.
        return data.decode("utf-8", errors="replace"), "utf-8"
    _, encoding, text = max(scored, key=lambda item: item[0])
    return text, encoding


def _reject_binary(text: str, name: str) -> None:
    sample = text[:50_000]
    controls = len(CONTROL_CHARS.findall(sample)) + sample.count("\ufffd")
    if controls > max(2, MAX_CONTROL_SHARE * len(sample)):
        raise PageRejected("binary", "looks like binary data, not text or HTML", name)

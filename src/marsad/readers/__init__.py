"""Readers: files, folders, globs and stdin to a stream of pages (or rejections).

Every input yields either a `Page` or a `PageRejected` with a one-line reason, so a
bad file never stops a batch. The container format is chosen by suffix: `.jsonl`,
`.warc`/`.wet` (optionally `.gz`), else a plain-text or HTML page.
"""

from __future__ import annotations

import glob
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.errors import PageRejected
from marsad.model import Page
from marsad.readers.decode import MAX_GUNZIP_BYTES, decode_bytes, gunzip_bounded
from marsad.readers.files import page_from_bytes, read_file
from marsad.readers.jsonl import read_jsonl
from marsad.readers.warc import read_warc

WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
# Files a folder walk picks up; others (images, scripts) are not pages.
PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".gz") + WARC_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"

ReadResult = Page | PageRejected


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | Path]:
    """Folders (recursively, page-like files only), globs and plain paths, in a stable order."""
    for item in inputs:
        if item == STDIN:
            yield STDIN
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _is_page_file(p))
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            yield from (Path(m) for m in matches if Path(m).is_file())
            if not matches:
                yield Path(item)  # reported below as missing
        else:
            yield path


def _is_page_file(path: Path) -> bool:
    return path.name.lower().endswith(PAGE_SUFFIXES)


def read_inputs(inputs: Iterable[str]) -> Iterator[ReadResult]:
    for target in expand_inputs(inputs):
        if target == STDIN:
            yield from read_stream(sys.stdin.buffer, "stdin")
        else:
            yield from read_path(Path(target))


def read_path(path: Path) -> Iterator[ReadResult]:
    name = path.name.lower()
    if not path.exists():
        yield PageRejected("missing", "no such file", str(path))
        return
    try:
        if name.endswith(WARC_SUFFIXES):
            with path.open("rb") as stream:
                yield from read_warc(stream, str(path))
        elif name.endswith(JSONL_SUFFIXES):
            yield from _read_jsonl_bytes(path.read_bytes(), str(path))
        else:
            yield read_file(path)
    except PageRejected as rejected:
        yield rejected
    except OSError as exc:
        yield PageRejected("unreadable", exc.strerror or str(exc), str(path))


def _read_jsonl_bytes(data: bytes, name: str) -> Iterator[ReadResult]:
    if name.lower().endswith(".gz"):
        data = gunzip_bounded(data, name)
    text = data.decode("utf-8", errors="replace")
    yield from read_jsonl(io.StringIO(text), name)


def read_stream(stream, name: str) -> Iterator[ReadResult]:
    """Stdin: JSONL when every line is an object, WARC when it starts like one, else one page."""
    data = stream.read(MAX_GUNZIP_BYTES + 1)
    try:
        if data[:2] == b"\x1f\x8b":
            data = gunzip_bounded(data, name)
        head = data.lstrip()[:20]
        if head.startswith(b"WARC/"):
            yield from read_warc(io.BytesIO(data), name)
        elif head.startswith(b"{") and _all_lines_json(data):
            yield from read_jsonl(io.StringIO(decode_bytes(data, name)[0]), name)
        else:
            yield page_from_bytes(data, name)
    except PageRejected as rejected:
        yield rejected


def _all_lines_json(data: bytes) -> bool:
    lines = [line.strip() for line in data.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith(b"{") and line.endswith(b"}") for line in lines[:50])


__all__ = ["ReadResult", "read_inputs", "read_path", "read_stream", "expand_inputs"]

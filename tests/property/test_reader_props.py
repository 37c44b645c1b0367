"""Readers never crash on hostile bytes: each input gives pages or reasoned rejections, in bounded
time and memory (decode, files incl. .gz and zip bombs, JSONL, WARC, stdin)."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc

import pytest
from hostile import ARABIC_SENTENCE, GIANT_INPUT_SECONDS, LEGACY_ENCODINGS, arabic_text, hostile_text, within
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from marsad.errors import PageRejected
from marsad.model import Page
from marsad.readers import read_stream
from marsad.readers.decode import MAX_GUNZIP_BYTES, decode_bytes
from marsad.readers.files import page_from_bytes
from marsad.readers.jsonl import read_jsonl
from marsad.readers.warc import read_warc

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PAGE_NAMES = ("page.txt", "page.html", "page.txt.gz", "page.html.gz", "noext", "page.gz")


def assert_read_result(item: object) -> None:
    """A page the store and the JSON writer can take, or a rejection with a reason."""
    if isinstance(item, PageRejected):
        assert item.reason and isinstance(item.detail, str)
        return
    assert isinstance(item, Page), type(item)
    assert item.kind in {"text", "html"}
    assert item.content.strip(), "a page with no content"
    for value in (item.name, item.content, item.url, item.date, item.source, item.origin):
        if value is not None:
            value.encode("utf-8")  # no lone surrogates: the store and JSON need UTF-8


def read_one(data: bytes, name: str) -> Page | PageRejected:
    try:
        return page_from_bytes(data, name)
    except PageRejected as rejected:
        return rejected


# -- bytes -> text ------------------------------------------------------------------------------
@FAST
@given(st.binary(max_size=4000))
def test_decode_gives_utf8_clean_text_or_a_reason(data):
    try:
        text, encoding = decode_bytes(data, "x")
    except PageRejected as rejected:
        assert rejected.reason in {"empty", "binary", "too_large"}
        return
    assert text.strip() and encoding
    text.encode("utf-8")


@FAST
@given(arabic_text, st.sampled_from(LEGACY_ENCODINGS))
def test_arabic_round_trips_through_every_supported_encoding(text, encoding):
    """Mixed-encoding crawls: Arabic written in any supported encoding reads back unchanged."""
    text = ARABIC_SENTENCE + text  # enough letters for the encoding guess to have evidence
    decoded, _ = decode_bytes(text.encode(encoding), "x")
    assert decoded == text


@FAST
@given(arabic_text, arabic_text)
def test_mixed_encodings_in_one_file_never_crash(utf8_part, legacy_part):
    """A file glued from a UTF-8 half and a windows-1256 half: text or a rejection, never a crash."""
    data = (ARABIC_SENTENCE + utf8_part).encode("utf-8") + legacy_part.encode("cp1256")
    assert_read_result(read_one(data, "mixed.txt"))


def test_bare_bom_is_rejected_as_empty():
    """Regression (atheris, files/jsonl targets): a lone UTF-16 byte-order mark made an empty page."""
    for data in (b"\xff\xfe", b"\xfe\xff", b"\xff\xfe \x00\n\x00", b"\xef\xbb\xbf"):
        with pytest.raises(PageRejected) as caught:
            decode_bytes(data, "bom.txt")
        assert caught.value.reason == "empty"
        (only,) = read_stream(io.BytesIO(data), "stdin")
        assert isinstance(only, PageRejected) and only.reason == "empty"


# -- files, gzip, zip bombs ---------------------------------------------------------------------
@FAST
@given(st.binary(max_size=3000), st.sampled_from(PAGE_NAMES), st.sampled_from(["raw", "gzip", "cut"]))
def test_any_file_bytes_give_a_page_or_a_reason(data, name, wrapping):
    if wrapping == "gzip":
        data = gzip.compress(data)
    elif wrapping == "cut":
        data = gzip.compress(data)[: max(1, len(data) // 2)]
    assert_read_result(read_one(data, name))


@pytest.mark.parametrize("expanded_mb", [100, 1024])
def test_gzip_bomb_is_refused_in_bounded_time_and_memory(expanded_mb):
    """A ~1 MB .gz that expands to 1 GB is refused after MAX_GUNZIP_BYTES, holding at most a few
    times that in memory (an unbounded gunzip would hold the whole gigabyte)."""
    member = gzip.compress(b"\0" * (1 << 20), compresslevel=9)
    bomb = member * expanded_mb
    tracemalloc.start()
    try:
        with within(GIANT_INPUT_SECONDS, f"{expanded_mb} MB bomb"):
            result = read_one(bomb, "bomb.html.gz")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, PageRejected) and result.reason == "too_large", result
    assert peak < 4 * MAX_GUNZIP_BYTES, f"peak {peak >> 20} MB"


def test_giant_line_reads_in_bounded_time():
    line = (ARABIC_SENTENCE * 45_000).replace("\n", " ")  # ~6 MB of UTF-8, one line, under the 8 MB limit
    with within(GIANT_INPUT_SECONDS, "6 MB single line"):
        page = read_one(line.encode("utf-8"), "giant.txt")
    assert isinstance(page, Page) and page.content == line


# -- JSONL --------------------------------------------------------------------------------------
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(hostile_text, children, max_size=3),
    max_leaves=10,
)
record = st.fixed_dictionaries(
    {},
    optional={key: json_value for key in ("text", "html", "url", "date", "source", "id", "name")},
)
jsonl_line = st.one_of(
    record.map(lambda r: json.dumps(r, ensure_ascii=False)),
    record.map(json.dumps),
    hostile_text.map(lambda t: t.replace("\n", " ")),
    st.integers(1, 200_000).map(lambda n: "[" * n),  # nesting past the recursion limit
    st.tuples(st.integers(0xD800, 0xDFFF), arabic_text).map(  # a lone surrogate spelt as an escape
        lambda s: json.dumps({"text": ARABIC_SENTENCE + s[1], "url": "x"}).replace('"x"', f'"\\u{s[0]:04x}"')
    ),
    st.integers(4_301, 20_000).map(lambda n: '{"text": ' + "7" * n + "}"),  # over int digits
)


@FAST
@given(st.lists(jsonl_line, min_size=1, max_size=6))
def test_every_jsonl_line_gives_one_page_or_one_rejection(lines):
    text = "\n".join(lines)
    expected = sum(1 for line in io.StringIO(text) if line.strip())
    results = list(read_jsonl(io.StringIO(text), "f.jsonl"))
    assert len(results) == expected
    for item in results:
        assert_read_result(item)


def test_jsonl_deep_nesting_and_huge_integers_are_rejected_not_raised():
    """Regression (hypothesis): json.loads raised RecursionError / ValueError out of read_jsonl,
    which stopped the whole `ingest` instead of skipping one line."""
    text = "[" * 100_000 + "\n" + '{"text": ' + "1" * 5000 + "}\n" + json.dumps({"text": ARABIC_SENTENCE})
    results = list(read_jsonl(io.StringIO(text), "f.jsonl"))
    assert [r.reason for r in results[:2]] == ["bad_json", "bad_json"]
    assert isinstance(results[2], Page) and results[2].content == ARABIC_SENTENCE


def test_jsonl_lone_surrogate_escapes_become_replacement_characters():
    """Regression (atheris, jsonl target): "\\udc01" in a JSONL string gave a page no UTF-8 store
    could take; `ingest` skipped it as internal_error."""
    line = '{"text": "\\udc01 ' + ARABIC_SENTENCE + '", "url": "\\ud800", "source": "a\\udfffb"}'
    (page,) = read_jsonl(io.StringIO(line), "f.jsonl")
    assert isinstance(page, Page)
    assert page.content == "\ufffd " + ARABIC_SENTENCE and page.url == "\ufffd" and page.source == "a\ufffdb"
    assert_read_result(page)


@FAST
@given(st.binary(max_size=2000))
def test_stdin_never_crashes(data):
    for item in read_stream(io.BytesIO(data), "stdin"):
        assert_read_result(item)


# -- WARC ---------------------------------------------------------------------------------------
def warc_record(body: bytes, rec_type: bytes = b"response", uri: bytes | None = b"https://x.test/a",
                length: int | None = None, http: bool = True) -> bytes:
    if http:
        body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    headers = [b"WARC/1.0", b"WARC-Type: " + rec_type, b"WARC-Record-ID: <urn:uuid:1>"]
    if uri is not None:
        headers.append(b"WARC-Target-URI: " + uri)
    headers.append(b"Content-Length: " + str(len(body) if length is None else length).encode())
    return b"\r\n".join(headers) + b"\r\n\r\n" + body + b"\r\n\r\n"


def test_warc_record_without_target_uri_is_rejected():
    """Regression (atheris, warc target): warcio raised AttributeError on a response record with
    no WARC-Target-URI, out of read_warc, and `ingest` stopped."""
    good = warc_record(f"<html><body><p>{ARABIC_SENTENCE}</p></body></html>".encode())
    results = list(read_warc(io.BytesIO(good + warc_record(b"hello", uri=None)), "a.warc"))
    assert isinstance(results[0], Page)
    assert isinstance(results[-1], PageRejected) and results[-1].reason == "bad_warc"


@FAST
@given(
    st.lists(
        st.tuples(
            hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.sampled_from([b"response", b"conversion", b"resource", b"request", b"\xff"]),
            st.one_of(st.none(), st.binary(max_size=40)),
            st.one_of(st.none(), st.integers(-10, 10_000)),
            st.booleans(),
            st.booleans(),
        ),
        min_size=1,
        max_size=4,
    ),
    st.floats(0, 1),
)
def test_malformed_warc_gives_pages_or_reasons(records, cut):
    """Lying lengths, missing or binary URIs, odd record types, gzip members, cut mid-record."""
    parts = []
    for body, rec_type, uri, length, http, compress in records:
        raw = warc_record(body, rec_type, uri, length, http)
        parts.append(gzip.compress(raw) if compress else raw)
    archive = b"".join(parts)
    archive = archive[: int(len(archive) * cut)] if cut < 0.5 else archive
    for item in read_warc(io.BytesIO(archive), "f.warc"):
        assert_read_result(item)


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes_as_warc(data):
    assume(data)
    for item in read_warc(io.BytesIO(b"WARC/1.0\r\n" + data), "f.warc"):
        assert_read_result(item)

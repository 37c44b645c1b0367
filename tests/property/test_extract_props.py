"""Extraction never crashes on hostile text or markup, keeps to bounded time, and always produces
page output that round-trips through JSON (segmenter, article cutter, HTML, dates, writer)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from hostile import ARABIC_SENTENCE, BIDI, GIANT_INPUT_SECONDS, hostile_page, hostile_text, within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import PageRejected
from marsad.extract.articles import extract_text_page
from marsad.extract.dates import find_date
from marsad.extract.html import extract_html
from marsad.extract.relative_dates import find_dates
from marsad.extract.segment import segment
from marsad.model import Article, Entity, Event, ExtractedPage, Page, Quote
from marsad.pipeline import process_page
from marsad.settings import Settings

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_page_output(extracted: ExtractedPage) -> None:
    """The page-output contract of `extract --format jsonl`: JSON that round-trips, UTF-8 clean."""
    data = extracted.to_dict()
    line = json.dumps(data, ensure_ascii=False)
    assert "\n" not in line  # one page, one line
    line.encode("utf-8")
    assert json.loads(line) == data
    for article in extracted.articles:
        assert article.text.strip()
        assert article.id == data["articles"][extracted.articles.index(article)]["id"]


def storable(text: str) -> str:
    """Readers hand on only UTF-8-encodable text (lone surrogates are replaced when decoding)."""
    return text.encode("utf-8", "replace").decode("utf-8")


# -- text pages ---------------------------------------------------------------------------------
@FAST
@given(hostile_page)
def test_segmenter_blocks_come_from_the_page(text):
    for block in segment(text):
        assert block.text.strip() in text


@FAST
@given(hostile_page)
def test_text_extraction_output_round_trips(text):
    text = storable(text)
    if text.strip():
        assert_page_output(extract_text_page(Page(name="p", kind="text", content=text)))


def test_giant_line_and_many_lines_extract_in_bounded_time():
    giant = ARABIC_SENTENCE * 40_000  # ~3.4 M characters on one line
    many = (ARABIC_SENTENCE + "\n") * 40_000
    bidi = (BIDI * 20_000) + "\n" + ARABIC_SENTENCE * 20
    for name, text in (("giant line", giant), ("40,000 lines", many), ("bidi run", bidi)):
        with within(GIANT_INPUT_SECONDS, name):
            extracted = extract_text_page(Page(name=name, kind="text", content=text))
        assert_page_output(extracted)
        assert extracted.articles, name  # the Arabic prose is still found


# -- HTML ---------------------------------------------------------------------------------------
markup_piece = st.one_of(
    hostile_text.map(lambda t: t.replace("<", "&lt;")),
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<br>", "<script>", "</script>",
                     "<!--", "-->", "<![CDATA[", "]]>", "<table><tr><td>", "&amp;", "&#0;", "&#x202e;",
                     "<meta charset='x'>", "<title>", "</title>", "<a href='javascript:x'>", "</a>"]),
)
hostile_html = st.lists(markup_piece, max_size=60).map(
    lambda parts: f"<html><body><article><p>{ARABIC_SENTENCE}</p>{''.join(parts)}</article></body></html>"
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_html)
def test_html_extraction_output_round_trips(html):
    assert_page_output(extract_html(Page(name="p.html", kind="html", content=storable(html))))


def test_deeply_nested_html_in_bounded_time():
    """Nesting far past libxml2's depth limit and Python's recursion limit."""
    for depth in (300, 5_000, 100_000):
        for tag in ("div", "span", "table"):
            opened, closed = f"<{tag}>" * depth, f"</{tag}>" * depth
            html = f"<html><body>{opened}<p>{ARABIC_SENTENCE * 20}</p>{closed}</body></html>"
            with within(GIANT_INPUT_SECONDS, f"{depth} nested <{tag}>"):
                assert_page_output(extract_html(Page(name="deep.html", kind="html", content=html)))


def test_whole_pipeline_keeps_the_page_time_limit():
    """process_page (every stage) on a 2 MB hostile page ends within its own time limit."""
    page_text = "\n".join([ARABIC_SENTENCE * 200, BIDI * 1000, "<" * 100_000, ARABIC_SENTENCE * 5000])
    limit = Settings(max_page_seconds=4)
    with within(limit.max_page_seconds + 2, "hostile page through the pipeline"):
        try:
            assert_page_output(process_page(Page(name="p", kind="text", content=page_text), limit))
        except PageRejected as rejected:  # a reasoned rejection (e.g. timeout) is a fine outcome
            assert rejected.reason and rejected.detail


# -- dates --------------------------------------------------------------------------------------
date_words = st.sampled_from(
    ["25", "31", "0", "99", "2025", "1989", "2101", "يونيو", "حزيران", "كانون الأول", "شباط", "فبراير", "/",
     "-", ".", "أمس", "غدا", "الأربعاء", "الماضي", "المقبل", "اليوم", "٢٠٢٥", "٢٩", "  ", "\u200f"]
)
date_text = st.one_of(hostile_text, st.lists(date_words, max_size=12).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(date_text, st.one_of(st.none(), st.dates().map(str), hostile_text), st.booleans())
def test_dates_are_valid_iso_days_or_none(text, reference, planned):
    found = find_date(text)
    if found is not None:
        assert 1990 <= date.fromisoformat(found).year <= 2100
    try:
        mentions = find_dates(text, reference, planned=planned)
    except ValueError:
        # a malformed reference is the caller's mistake, reported as such (never a crash inside)
        assert reference is not None and not _is_iso(reference)
        return
    end = 0
    for mention in mentions:
        assert end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        end = mention.end
        if mention.date is not None:
            date.fromisoformat(mention.date)


def _is_iso(value: str) -> bool:
    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


def test_dates_on_a_giant_line_in_bounded_time():
    text = ("الأربعاء 25 يونيو 2025 " + ARABIC_SENTENCE) * 20_000
    with within(GIANT_INPUT_SECONDS, "dates in 2 M characters"):
        assert find_date(text) == "2025-06-25"
        assert find_dates(text[:200_000], "2025-06-26")


# -- the page-output writer ---------------------------------------------------------------------
field_text = hostile_text.map(storable)


@st.composite
def articles(draw):
    return Article(
        role=draw(st.sampled_from(["main", "embedded"])),
        title=draw(st.one_of(st.none(), field_text)),
        text=draw(field_text.filter(str.strip)),
        source=draw(st.one_of(st.none(), field_text)),
        published=draw(st.one_of(st.none(), field_text)),
        tags=draw(st.lists(field_text, max_size=3)),
        entities=[Entity(draw(field_text), "PER", draw(st.lists(field_text, max_size=2)))],
        quotes=[Quote(draw(st.one_of(st.none(), field_text)), draw(field_text), draw(st.booleans()))],
        events=[Event("meet", draw(st.lists(field_text, max_size=2)),
                      duration_minutes=draw(st.one_of(st.none(), st.floats(0, 1e6))))],
    )


@FAST
@given(field_text, field_text, st.lists(articles(), max_size=3), st.lists(field_text, max_size=3))
def test_page_output_writer_round_trips_any_field_values(name, content, found, related):
    page = Page(name=name or "p", kind="text", content=content or "x", url=content[:40] or None)
    assert_page_output(ExtractedPage(page=page, articles=found, related_headlines=related))


def test_extract_cli_writes_one_json_line_per_page(tmp_path):
    """The real `extract --format jsonl` path on hostile files: every stdout line is JSON."""
    bidi = BIDI * 50 + "\n" + ARABIC_SENTENCE * 5 + "\n" + "\u202e" + ARABIC_SENTENCE
    (tmp_path / "bidi.txt").write_text(bidi)
    (tmp_path / "script.html").write_text(
        f"<html><body><article><h1>\"<script>alert(1)</script></h1><p>{ARABIC_SENTENCE * 5}</p>"
        "</article></body></html>"
    )
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 10)
    done = subprocess.run(
        [sys.executable, "-m", "marsad", "extract", str(tmp_path), "--format", "jsonl"],
        capture_output=True, text=True, timeout=300,
    )
    lines = done.stdout.splitlines()
    assert len(lines) == 2, done.stderr[-2000:]
    for line in lines:
        assert json.loads(line)["articles"]
    assert "skipped" in done.stderr and "junk.txt" in done.stderr

import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.errors import PageRejected
from marsad.extract import extract_page
from marsad.readers import read_inputs, read_stream
from marsad.readers.decode import MAX_PAGE_BYTES, decode_bytes

ARABIC = "أعلن مدير أمن مديرية مكيراس بمحافظة البيضاء العقيد عبد الله صالح معرجي انشقاقه عن الميليشيات."


def read_all(*paths):
    return list(read_inputs([str(p) for p in paths]))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "iso8859_6", "utf-16", "utf-16-le"])
def test_arabic_text_decodes_from_common_encodings(encoding):
    data = ARABIC.encode(encoding)
    text, _ = decode_bytes(data, "page.txt")
    assert text == ARABIC


def test_windows_1256_file_is_read_as_arabic(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes((ARABIC + "\n\n" + ARABIC).encode("cp1256"))
    (page,) = read_all(path)
    assert page.kind == "text"
    assert page.encoding == "cp1256"
    assert ARABIC in page.content


def test_html_declared_charset_is_used(tmp_path):
    html = f'<html><head><meta charset="windows-1256"></head><body><p>{ARABIC}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1256"))
    (page,) = read_all(path)
    assert page.kind == "html" and ARABIC in page.content


def test_html_is_recognised_by_content_whatever_the_name(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(f"<!DOCTYPE html><html><body><p>{ARABIC}</p></body></html>", encoding="utf-8")
    (page,) = read_all(path)
    assert page.kind == "html"


def test_gzipped_html(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(f"<html><body><p>{ARABIC}</p></body></html>".encode()))
    (page,) = read_all(path)
    assert page.kind == "html" and page.name == "page.html"


def test_gzip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"\0" * (80 * 1024 * 1024)))
    (rejected,) = read_all(path)
    assert isinstance(rejected, PageRejected) and rejected.reason == "too_large"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"   \n\n ", "empty"), (bytes(range(256)) * 40, "binary")],
)
def test_unusable_files_are_rejected_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (rejected,) = read_all(path)
    assert isinstance(rejected, PageRejected)
    assert rejected.reason == reason
    assert "bad.txt" in rejected.line()


def test_oversized_file_is_rejected(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(ARABIC.encode() * (MAX_PAGE_BYTES // len(ARABIC.encode()) + 10))
    (rejected,) = read_all(path)
    assert rejected.reason == "too_large"


def test_missing_file_is_reported(tmp_path):
    (rejected,) = read_all(tmp_path / "nope.txt")
    assert rejected.reason == "missing"


def test_jsonl_records_and_a_bad_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARABIC, "url": "https://example.org/a", "source": "واس"}),
        "{not json",
        json.dumps({"html": f"<html><body><p>{ARABIC}</p></body></html>", "date": "2024-05-01"}),
        json.dumps({"text": ""}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = read_all(path)
    assert [type(r).__name__ for r in results] == ["Page", "PageRejected", "Page", "PageRejected"]
    assert results[0].name == "a1" and results[0].source == "واس" and results[0].kind == "text"
    assert results[1].reason == "bad_json"
    assert results[2].kind == "html" and results[2].date == "2024-05-01"
    assert results[3].reason == "empty"


def test_jsonl_records_split_in_title_and_content(tmp_path):
    path = tmp_path / "corpus.jsonl"
    record = {"title": "عام / مهرجان تمور بريدة يواصل فعالياته", "content": ARABIC, "source": "was"}
    lines = [json.dumps(record, ensure_ascii=False), json.dumps({"title": " "})]
    path.write_text("\n".join(lines), encoding="utf-8")
    page, empty = read_all(path)
    assert page.content == f"{record['title']}\n\n{ARABIC}" and page.kind == "text"
    assert empty.reason == "empty"
    (article,) = extract_page(page).articles
    assert article.title == "مهرجان تمور بريدة يواصل فعالياته" and article.text == ARABIC


def _warc_bytes(records):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_responses_become_pages(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        _warc_bytes(
            [
                ("https://example.org/1", f"<html><body><p>{ARABIC}</p></body></html>".encode()),
                ("https://example.org/2", b""),
            ]
        )
    )
    results = read_all(path)
    assert results[0].url == "https://example.org/1" and results[0].kind == "html"
    assert isinstance(results[1], PageRejected) and results[1].reason == "empty"


def test_truncated_warc_reports_and_keeps_earlier_records(tmp_path):
    data = _warc_bytes([("https://example.org/1", f"<p>{ARABIC}</p>".encode())] * 2)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 40])
    results = read_all(path)
    assert any(not isinstance(r, PageRejected) for r in results)
    assert isinstance(results[-1], PageRejected)


def test_folders_and_globs_expand_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [p.name for p in read_all(tmp_path)] == ["a.txt", "b.txt"]
    assert [p.name for p in read_inputs([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]


def test_stdin_jsonl_and_plain_text():
    jsonl = (json.dumps({"text": ARABIC}) + "\n" + json.dumps({"text": ARABIC + " ثانية"})).encode()
    assert len(list(read_stream(io.BytesIO(jsonl), "stdin"))) == 2
    (page,) = read_stream(io.BytesIO(ARABIC.encode("cp1256")), "stdin")
    assert page.content == ARABIC

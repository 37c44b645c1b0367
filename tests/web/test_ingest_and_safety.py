"""POST /ingest (token, types, limits) and the escaping of hostile scraped text in pages."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from web_store import TOKEN, make_client

from marsad.web.security import INGEST_MAX_BODY

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARABIC_PAGE = (
    "وزير الخارجية يلتقي نظيره في العاصمة\n\n"
    "التقى وزير الخارجية اليوم نظيره في العاصمة لبحث العلاقات الثنائية بين البلدين وسبل تطويرها في مجالات "
    "الاقتصاد والتجارة والطاقة، وأكد الجانبان أهمية التعاون الإقليمي لمواجهة التحديات المشتركة في المنطقة."
)


@pytest.fixture
def fresh(tmp_path):
    return make_client(f"sqlite:///{tmp_path / 'ingest.db'}")


def post(client, body, content_type="text/plain; charset=utf-8", headers=AUTH, **params):
    return client.post(
        "/ingest", content=body, headers={**headers, "Content-Type": content_type}, params=params
    )


def test_ingest_is_off_without_a_token(tmp_path):
    client = make_client(f"sqlite:///{tmp_path / 'off.db'}", token=None)
    assert post(client, ARABIC_PAGE.encode()).status_code == 403


def test_ingest_needs_the_right_token(fresh):
    assert post(fresh, ARABIC_PAGE.encode(), headers={}).status_code == 401
    assert post(fresh, ARABIC_PAGE.encode(), headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_ingest_a_text_page_then_find_it(fresh):
    response = post(fresh, ARABIC_PAGE.encode(), name="visit.txt", source="وكالة الاختبار")
    assert response.status_code == 200, response.text
    assert response.json()["stored_articles"] == 1
    assert post(fresh, ARABIC_PAGE.encode(), name="visit.txt").json()["already_stored"] == 1
    hits = fresh.get("/api/search", params={"q": "وزير الخارجية"}).json()["items"]
    assert hits and hits[0]["source"] == "وكالة الاختبار"


def test_ingest_jsonl_reports_each_rejection(fresh):
    lines = [
        json.dumps({"id": "ok", "text": ARABIC_PAGE}, ensure_ascii=False),
        json.dumps({"id": "empty"}),
        "{not json",
    ]
    response = post(fresh, "\n".join(lines).encode(), "application/x-ndjson")
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["pages"] == 3 and result["stored_articles"] == 1
    assert sorted(r["reason"] for r in result["rejected"]) == ["bad_json", "empty"]


def test_ingest_html_drops_scripts(fresh):
    pytest.importorskip(
        "marsad.extract.html", reason="HTML extraction (marsad.extract.html) is not in this tree yet"
    )
    body = f"<article><h1>عنوان</h1><p>{ARABIC_PAGE}</p></article>"
    html = f"<html><body><script>alert(1)</script>{body}</body></html>"
    response = post(fresh, html.encode(), "text/html")
    assert response.status_code == 200, response.text
    article_id = fresh.get("/api/articles").json()["items"][0]["id"]
    assert "alert(1)" not in fresh.get(f"/api/articles/{article_id}").json()["text"]


@pytest.mark.parametrize(
    "body, content_type, status",
    [
        (b"", "text/plain", 400),
        (b"   \n", "text/plain", 400),
        (ARABIC_PAGE.encode(), "image/png", 415),
        (b"hello world, this page is in English and far too short", "text/plain", 422),
    ],
)
def test_ingest_errors_are_clear_4xx(fresh, body, content_type, status):
    response = post(fresh, body, content_type)
    assert response.status_code == status
    assert response.json()["detail"]


def test_ingest_body_limit(fresh):
    response = post(fresh, b"x" * (INGEST_MAX_BODY + 1))
    assert response.status_code == 413 and "limit" in response.json()["detail"]


def test_read_requests_cannot_carry_big_bodies(fresh):
    response = fresh.request("GET", "/api/articles", content=b"x" * 100_000)
    assert response.status_code == 413


class _Collector(HTMLParser):
    """Collects script elements, event-handler attributes and link targets of a page."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.hrefs = 0, [], []

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.handlers += [name for name, _ in attrs if name.lower().startswith("on")]
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src")]


def parsed(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


@pytest.mark.parametrize(
    "url",
    ["/articles/{hostile}", "/search?q=الخبيثة", "/articles?section=technology", "/entities", "/"],
)
def test_hostile_text_is_shown_as_text(client, ids, url):
    html = client.get(url.format(hostile=ids["hostile"])).text
    page = parsed(html)
    assert page.scripts == 0 and page.handlers == []
    assert not any(href.lower().startswith(("javascript:", "data:")) for href in page.hrefs)
    assert "<script>window" not in html and "&lt;script&gt;" in html


def test_hostile_article_page_shows_markup_literally(client, ids):
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "&lt;img src=x onerror=" in html and "&lt;a href=&#34;javascript:" in html
    assert 'href="javascript:' not in html  # the article's javascript: URL gets no link
    entity = client.get("/entities/" + "%3Cscript%3Ewindow.__pwned%3D%22entity%22%3C%2Fscript%3E")
    assert entity.status_code == 200 and parsed(entity.text).scripts == 0

"""Attacks on the web app and on `watch`, each tried for real: XSS through every page and feed,
SQL injection through every parameter, oversize bodies, missing or wrong ingest tokens, request
floods, and SSRF through watch's fetcher. bench/SECURITY.md tabulates the results."""

from __future__ import annotations

import http.server
import threading
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from web_store import HOSTILE_ENTITY, HOSTILE_TITLE, TOKEN, make_client

from marsad.web import security
from marsad.web.security import DEFAULT_MAX_BODY, INGEST_MAX_BODY

# A script payload that must only ever appear escaped; its marker must never reach a live tag.
SCRIPT = '"><script>window.__pwned="q"</script><img src=x onerror=alert(1)>'
SQL_PAYLOADS = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    '" OR ""="',
    "1) OR (1=1",
    "%' UNION SELECT id, text, text FROM articles --",
    "\\'; SELECT pg_sleep(5); --",
    "1; DELETE FROM pages",
]
PAGES = [
    "/", "/articles", "/articles/{hostile}", "/articles/{hostile}/similar", "/stories", "/stories/{story}",
    "/entities", "/entities/{entity}", "/events", "/search?q=الخبيثة", "/search?q={script}",
    "/articles?section=technology",
]
FEEDS = ["/feeds/search?q=الخبيثة", "/feeds/sections/technology", "/feeds/entities/{entity}"]


class Live(HTMLParser):
    """What a browser would run: script elements, event-handler attributes, script URLs."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.script_urls, self.inline = [], [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))
            self._in_script = True
        self.handlers += [name for name, _ in attrs if name.lower().startswith("on")]
        self.script_urls += [
            value for name, value in attrs
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                ("javascript:", "data:text", "vbscript:"))
        ]

    def handle_endtag(self, tag):
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append(data)


def live(html: str) -> Live:
    parser = Live()
    parser.feed(html)
    return parser


def fill(path: str, ids: dict, story: str) -> str:
    return path.format(
        hostile=ids["hostile"], story=story, entity=quote(HOSTILE_ENTITY, safe=""), script=quote(SCRIPT)
    )


@pytest.fixture(scope="module")
def story_id(client) -> str:
    return client.get("/api/stories").json()["items"][0]["id"]


# -- XSS ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", PAGES)
def test_xss_no_page_carries_live_script(client, ids, story_id, path):
    response = client.get(fill(path, ids, story_id))
    assert response.status_code == 200, (path, response.status_code)
    page = live(response.text)
    # only our own static scripts, by URL: no inline script, no handler, no script URL
    assert all(src and src.startswith("/static/") for src in page.scripts), page.scripts
    assert page.inline == [] and page.handlers == [] and page.script_urls == []
    assert "__pwned" not in response.text or "&lt;" in response.text  # present only escaped
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_xss_hostile_fields_reach_the_page_escaped(client, ids):
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "تحذير &lt;script&gt;window.__pwned" in html  # the title, shown as text
    assert HOSTILE_TITLE not in html
    reflected = client.get(f"/search?q={quote(SCRIPT)}").text
    assert SCRIPT not in reflected and "&lt;script&gt;window.__pwned" in reflected


@pytest.mark.parametrize("path", FEEDS)
def test_xss_feeds_are_well_formed_xml_with_text_only(client, ids, story_id, path):
    response = client.get(fill(path, ids, story_id))
    assert response.status_code == 200, response.text[:300]
    assert "xml" in response.headers["content-type"]
    root = ET.fromstring(response.content)  # a raw "<script>" would not parse, or would be an element
    assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] in {"script", "img", "svg", "iframe"}]
    if "الخبيثة" in path:
        assert "window.__pwned" in response.text  # the hostile article is in it, as escaped text


def test_xss_exports_are_not_html(client):
    for path in ("/export/articles.jsonl", "/export/articles.csv", "/export/events.jsonl"):
        response = client.get(path)
        assert response.status_code == 200
        assert "html" not in response.headers["content-type"]
        assert response.headers["x-content-type-options"] == "nosniff"


# -- SQL injection ----------------------------------------------------------------------------------
def get_operations(app) -> list[tuple[str, list[str], list[str]]]:
    """Every GET route of the app: (path, path parameters, query parameters). Query parameters
    come from the OpenAPI schema (filters are models there); an HTML page takes those of its
    /api twin."""
    documented = {
        path: [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"]
        for path, ops in app.openapi()["paths"].items() if "get" in ops
    }

    def walk(routes):
        for route in routes:
            if hasattr(route, "original_router"):
                yield from walk(route.original_router.routes)
            elif isinstance(route, APIRoute) and "GET" in route.methods:
                yield route

    found = []
    for route in walk(app.routes):
        query = documented.get(route.path) or documented.get("/api" + route.path.rstrip("/"), [])
        found.append((route.path, [p.name for p in route.dependant.path_params], query))
    return found


def counts(client) -> dict:
    return client.get("/api/stats").json()


def test_sql_injection_in_every_parameter_changes_nothing(store, monkeypatch):
    """Every query and path parameter of every GET route gets each payload: never a 5xx, never
    a row more or less in the store, and a search for a payload finds no more than its words."""
    monkeypatch.setattr(security, "RATE_LIMITS", [("/", (1e6, 1e6))])  # hundreds of requests at once
    client = make_client(store[0])
    before = counts(client)
    operations = get_operations(client.app)
    assert len(operations) >= 25
    tried = 0
    for path, path_params, query_params in operations:
        for payload in SQL_PAYLOADS:
            url = path
            for name in path_params:
                url = url.replace(f"{{{name}:path}}", quote(payload, safe="")).replace(
                    f"{{{name}}}", quote(payload, safe=""))
            for name in query_params or [None]:
                params = {name: payload} if name else {}
                response = client.get(url, params=params)
                tried += 1
                assert response.status_code < 500 and response.status_code != 429, (
                    url, name, payload, response.text[:300])
    assert counts(client) == before
    assert tried >= 300
    for payload in SQL_PAYLOADS[:2]:
        hits = client.get("/api/search", params={"q": "كلمةلاوجودلها" + payload}).json()
        assert hits["total"] == 0, payload  # no "OR 1=1": the payload is searched for as text


# -- request size, token, rate ----------------------------------------------------------------------
@pytest.fixture
def fresh(tmp_path):
    return make_client(f"sqlite:///{tmp_path / 'attack.db'}")


def test_oversize_requests_get_413_before_any_work(fresh):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    assert fresh.post("/ingest", content=b"x" * (INGEST_MAX_BODY + 1), headers=auth).status_code == 413
    assert fresh.post("/api/search", content=b"x" * (DEFAULT_MAX_BODY + 1)).status_code == 413
    # a lying Content-Length cannot slip a big body past: the stream is counted too

    def chunks():
        for _ in range(INGEST_MAX_BODY // 65536 + 2):
            yield b"x" * 65536

    assert fresh.post("/ingest", content=chunks(), headers=auth).status_code == 413
    assert fresh.get("/api/stats").json()["articles"] == 0


@pytest.mark.parametrize(
    "headers, status",
    [
        ({}, 401),
        ({"Authorization": "Bearer "}, 401),
        ({"Authorization": "Bearer wrong-token"}, 401),
        ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 401),  # one character short
        ({"Authorization": f"Bearer {TOKEN}x"}, 401),
        ({"Authorization": f"Basic {TOKEN}"}, 401),
        ({"Authorization": TOKEN}, 401),
        ({"X-Token": TOKEN}, 401),
    ],
)
def test_ingest_without_the_right_token_is_refused(fresh, headers, status):
    page = "وزير الخارجية يلتقي نظيره في العاصمة لبحث العلاقات الثنائية بين البلدين وسبل تطويرها. " * 3
    response = fresh.post("/ingest", content=page.encode(), headers={**headers, "Content-Type": "text/plain"})
    assert response.status_code == status
    assert fresh.get("/api/stats").json()["articles"] == 0


def test_ingest_disabled_server_refuses_even_a_token(tmp_path):
    client = make_client(f"sqlite:///{tmp_path / 'off.db'}", token=None)
    response = client.post("/ingest", content=b"x", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403


def test_ingest_flood_gets_429_with_retry_after(fresh):
    """Token guessing or an ingest flood: past the burst, 429 before the token is even checked."""
    burst = dict(security.RATE_LIMITS)["/ingest"][0]
    codes = [
        fresh.post("/ingest", content=b"x", headers={"Authorization": f"Bearer guess-{i}"}).status_code
        for i in range(int(burst) + 5)
    ]
    assert codes[: int(burst)] == [401] * int(burst)
    assert codes[int(burst) :] == [429] * 5
    limited = fresh.post("/ingest", content=b"x", headers={"Authorization": f"Bearer {TOKEN}"})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert limited.headers["x-frame-options"] == "DENY"  # security headers on the 429 too
    assert fresh.get("/api/stats").status_code == 200  # reading is budgeted apart


def test_read_flood_gets_429_and_the_budget_refills(tmp_path, monkeypatch):
    now = [0.0]
    monkeypatch.setattr(security, "RATE_LIMITS", [("/", (5, 1.0))])
    app_client = make_client(f"sqlite:///{tmp_path / 'flood.db'}")
    limiter = _rate_limiter(app_client)
    limiter.clock = lambda: now[0]
    limiter.buckets.clear()  # forget the request that built the stack
    codes = [app_client.get("/api/stats").status_code for _ in range(8)]
    assert codes == [200] * 5 + [429] * 3
    now[0] += 2.0  # two tokens back
    assert [app_client.get("/api/stats").status_code for _ in range(3)] == [200, 200, 429]


def test_rate_limiter_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(security, "RATE_LIMIT_MAX_CLIENTS", 100)
    limiter = security.RateLimit(app=None)
    for i in range(5_000):
        limiter._take((f"10.0.{i // 256}.{i % 256}", "/"), 10, 1.0)
    assert len(limiter.buckets) <= 101


def _rate_limiter(client) -> security.RateLimit:
    client.get("/api/stats")  # builds the middleware stack
    layer = client.app.middleware_stack
    while not isinstance(layer, security.RateLimit):
        layer = layer.app
    return layer


# -- SSRF through watch -----------------------------------------------------------------------------
INTERNAL = [
    "http://127.0.0.1/", "http://localhost/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
    "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://0.0.0.0/",
    "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://10.0.0.1/", "http://172.16.5.4/",
    "http://192.168.1.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://224.0.0.1/",
    "file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://10.0.0.1/",
]


@pytest.mark.parametrize("url", INTERNAL)
def test_ssrf_guard_refuses_every_internal_address_form(url):
    """The real resolver on IP literals and their numeric disguises (resolved locally, no network)."""
    from marsad.watch.guard import AddressGuard, AddressRefused

    with pytest.raises(AddressRefused):
        AddressGuard([]).check_url(url)


class _Redirector(http.server.BaseHTTPRequestHandler):
    target = ""
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).hits.append(self.path)
        self.send_response(302)
        self.send_header("Location", type(self).target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.parametrize(
    "target", ["http://2130706433:{port}/admin", "http://[::ffff:127.0.0.1]:{port}/admin",
               "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://localhost:{port}/x"]
)
def test_ssrf_redirect_from_a_listed_feed_into_internal_addresses_is_refused(target):
    """A listed (allowed) host answers with a redirect into loopback, metadata or a private range:
    the fetcher refuses before connecting, and the redirect target never gets a request."""
    from marsad.watch.fetch import Fetcher, FetchFailed, HostClock
    from marsad.watch.guard import AddressGuard
    from marsad.watch.options import WatchOptions

    server = http.server.HTTPServer(("127.0.0.1", 0), _Redirector)
    port = server.server_address[1]
    _Redirector.target, _Redirector.hits = target.format(port=port), []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fetcher = Fetcher(WatchOptions(retries=0, timeout=3), AddressGuard([f"127.0.0.1:{port}"]), HostClock(0.0))
    try:
        with pytest.raises(FetchFailed) as failed:
            fetcher.get(f"http://127.0.0.1:{port}/feed.xml")
    finally:
        fetcher.close()
        server.shutdown()
    assert failed.value.reason == "refused", failed.value
    assert _Redirector.hits == ["/feed.xml"]  # only the listed URL was requested, never the target


# -- XSS in a real browser --------------------------------------------------------------------------
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def tab():
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian chromium: apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_context(locale="ar").new_page()
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        yield page
        browser.close()


def pwned(tab) -> str:
    return tab.evaluate("typeof window.__pwned") + (" dialog" if tab.dialogs else "")


@pytest.mark.slow
def test_xss_the_browser_runs_no_hostile_script_on_any_page(tab, live_url, sqlite_store):
    # control: the same check does see a script that runs
    tab.set_content("<script>window.__pwned = 1</script>")
    assert pwned(tab) == "number"
    ids = sqlite_store[1]
    story = make_client(sqlite_store[0]).get("/api/stories").json()["items"][0]["id"]
    for path in PAGES + FEEDS:
        url = live_url + fill(path, ids, story)
        response = tab.goto(url)
        assert response.status == 200, url
        for link in tab.locator("a").all()[:40]:  # hover what could carry handlers
            if link.is_visible():
                link.hover(timeout=2000)
        tab.wait_for_timeout(100)
        assert pwned(tab) == "undefined", url

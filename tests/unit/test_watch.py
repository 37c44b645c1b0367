"""`marsad watch` against local HTTP servers (never the internet): feeds, pages, robots.txt,
ETags, failures, slow hosts and redirects into private addresses."""

from __future__ import annotations

import hashlib
import html
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from marsad.pipeline import process_page
from marsad.readers.files import page_from_bytes
from marsad.settings import Settings
from marsad.store import watch as memory
from marsad.store.db import open_engine
from marsad.store.schema import pages
from marsad.watch.options import WatchOptions
from marsad.watch.poller import Watcher
from marsad.watch.sources import Outlet, Sources

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "marsad" / "data" / "sample"
# Test pace: fast enough for a unit test, slow enough that "within one interval" means something.
FAST = WatchOptions(interval=1.5, delay=0.0, timeout=3.0, retries=1, backoff=0.05, max_backoff=1.0)


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None  # a redirect target
    sleep: float = 0.0  # seconds before answering
    failures: int = 0  # answer 503 this many times first
    always_fail: bool = False


@dataclass
class Hit:
    path: str
    headers: dict
    at: float


@dataclass
class Site:
    """A local web server whose routes and request log the test controls."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    not_modified: int = 0

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                site.answer(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def netloc(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return f"http://{self.netloc}{path}"

    def requests(self, path: str) -> list[Hit]:
        return [hit for hit in list(self.hits) if hit.path == path]

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        self.hits.append(Hit(handler.path, dict(handler.headers), time.monotonic()))
        route = self.routes.get(handler.path)
        if route is None:
            return self._send(handler, 404, b"not found", "text/plain")
        time.sleep(route.sleep)
        if route.always_fail or route.failures > 0:
            route.failures -= 1
            return self._send(handler, 503, b"busy", "text/plain")
        if route.location:
            return self._send(handler, 302, b"", "text/plain", {"Location": route.location})
        etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
        if handler.headers.get("If-None-Match") == etag:
            self.not_modified += 1
            return self._send(handler, 304, b"", None, {"ETag": etag})
        headers = {"ETag": etag, "Last-Modified": formatdate(usegmt=True)}
        self._send(handler, route.status, route.body, route.content_type, headers)

    @staticmethod
    def _send(handler, status: int, body: bytes, content_type: str | None, headers: dict | None = None):
        handler.send_response(status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if status != 304:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if status != 304:
            handler.wfile.write(body)


def article_page(sample: Path) -> tuple[str, bytes]:
    """A real Arabic article (from the bundled sample) as an HTML page; returns (title, bytes)."""
    paragraphs = [line.strip() for line in sample.read_text(encoding="utf-8").splitlines() if len(line) > 60]
    title = " ".join(paragraphs[0].split()[:8])
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = (
        f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{html.escape(title)}"
        f"</title></head><body><article><h1>{html.escape(title)}</h1>{body}</article></body></html>"
    )
    return title, page.encode("utf-8")


def rss(site: Site, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>خبر {n}</title><link>{site.url(path)}</link>"
        f"<pubDate>{formatdate(1_700_000_000 + n * 60, usegmt=True)}</pubDate></item>"
        for n, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>اختبار</title>'
        f"{items}</channel></rss>"
    ).encode()


SAMPLES = sorted(SAMPLE.glob("*.txt"))


def publish(site: Site, feed_path: str, count: int, first: int = 0, prefix: str = "/news/") -> dict[str, str]:
    """Serve `count` sample articles and a feed listing them; returns {path: title}."""
    titles = {}
    for n in range(first, first + count):
        path = f"{prefix}{n}.html"
        titles[path], site.routes.setdefault(path, Route()).body = article_page(SAMPLES[n])
    paths = [p for p in site.routes if p.startswith(prefix)]
    site.routes[feed_path] = Route(rss(site, paths), "application/rss+xml")
    return titles


def stored_urls(engine) -> set[str]:
    with engine.connect() as conn:
        return {url for url in conn.execute(select(pages.c.url)).scalars() if url}


def wait_for(condition, timeout: float, since: float | None = None) -> float | None:
    """Seconds from `since` (default: now) until `condition()` held, or None after `timeout`."""
    start = time.monotonic() if since is None else since
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.05)
    return None


@pytest.fixture(scope="module", autouse=True)
def warm_pipeline():
    """Load the pipeline's models once, so the first stored page does not count their load time."""
    process_page(page_from_bytes(article_page(SAMPLES[0])[1], "warm.html"), Settings())


@pytest.fixture
def sites():
    started: list[Site] = []

    def make() -> Site:
        started.append(Site().start())
        return started[-1]

    yield make
    for site in started:
        site.stop()


@pytest.fixture
def store(tmp_path):
    settings = Settings(db=f"sqlite:///{tmp_path / 'watch.db'}")
    return settings, open_engine(settings.db)


def watcher_for(store, outlets: list[Outlet], options: WatchOptions = FAST, problems=None) -> Watcher:
    settings, engine = store
    report = problems.append if problems is not None else None
    return Watcher(Sources(outlets=outlets), engine, settings, options, report=report)


class Running:
    """A watcher polling in a background thread until the test ends."""

    def __init__(self, watcher: Watcher):
        self.watcher = watcher
        self.thread = threading.Thread(target=watcher.run, daemon=True)

    def __enter__(self) -> Watcher:
        self.thread.start()
        return self.watcher

    def __exit__(self, *exc) -> None:
        self.watcher.stop.set()
        self.thread.join(timeout=15)
        assert not self.thread.is_alive(), "watch did not stop"


# -- (a) a new feed item reaches the store and the web UI/API within one polling interval ---------


def test_new_feed_item_reaches_store_and_api_within_one_interval(sites, store):
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    site = sites()
    site.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", "text/plain")
    titles = publish(site, "/feed.xml", 2)
    settings, engine = store
    watcher = watcher_for(store, [Outlet("موقع الاختبار", (site.url("/feed.xml"),))])
    with Running(watcher):
        first = {site.url(path) for path in titles}
        assert wait_for(lambda: first <= stored_urls(engine), timeout=30) is not None
        new_path, new_title = next(iter(publish(site, "/feed.xml", 1, first=2).items()))
        waited = wait_for(lambda: site.url(new_path) in stored_urls(engine), timeout=30)
    assert waited is not None, "the new item never reached the store"
    # One interval until the next poll, plus the fetch and the pipeline for one page.
    assert waited <= FAST.interval + 3.0, f"took {waited:.2f} s"
    client = TestClient(create_app(settings))
    listed = client.get("/api/articles", params={"limit": 50}).json()["items"]
    assert new_title in [item["title"] for item in listed]
    assert {item["source"] for item in listed} == {"موقع الاختبار"}
    word = new_title.split()[1]
    assert any(
        hit["title"] == new_title for hit in client.get("/api/search", params={"q": word}).json()["items"]
    )
    assert client.get("/api/stories").json()["total"] >= 1
    page = client.get("/articles/" + next(i["id"] for i in listed if i["title"] == new_title))
    assert page.status_code == 200 and html.escape(new_title, quote=False) in page.text


# -- (b) a failing or slow host delays only itself ---------------------------------------------------


def test_slow_and_failing_hosts_delay_only_themselves(sites, store):
    slow, failing, fast = sites(), sites(), sites()
    slow_sleep = 6.0
    publish(slow, "/feed.xml", 1, first=10)
    slow.routes["/feed.xml"].sleep = slow_sleep
    failing.routes["/feed.xml"] = Route(always_fail=True)
    fast_titles = publish(fast, "/feed.xml", 2, first=20)
    options = WatchOptions(interval=1.5, delay=0.0, timeout=slow_sleep + 4, retries=2, backoff=0.5)
    problems: list[str] = []
    named = (("slow", slow), ("failing", failing), ("fast", fast))
    outlets = [Outlet(name, (site.url("/feed.xml"),)) for name, site in named]
    settings, engine = store
    started = time.monotonic()
    with Running(watcher_for(store, outlets, options, problems)) as watcher:
        fast_urls = {fast.url(path) for path in fast_titles}
        fast_done = wait_for(lambda: fast_urls <= stored_urls(engine), timeout=30, since=started)
        slow_url = slow.url("/news/10.html")
        slow_done = wait_for(lambda: slow_url in stored_urls(engine), timeout=30, since=started)
        # While the slow host is busy, a new item on the fast host still arrives within an interval.
        new_path = next(iter(publish(fast, "/feed.xml", 1, first=22)))
        new_wait = wait_for(lambda: fast.url(new_path) in stored_urls(engine), timeout=30)
        failing_hits = len(failing.requests("/feed.xml"))
        stats = dict(watcher.stats)
    assert fast_done is not None and slow_done is not None and new_wait is not None
    # The fast host's items are stored before the slow host's first answer can even arrive,
    # although the slow and the failing hosts come first in the sources.
    assert fast_done < slow_sleep, f"fast host took {fast_done:.2f} s"
    assert slow_done >= slow_sleep
    # And a new item on the fast host arrives within one interval (plus fetch and extraction).
    assert new_wait <= options.interval + 3.0, f"took {new_wait:.2f} s"
    assert failing_hits >= 3  # first try plus two retries, with backoff
    assert stats[failing.netloc].errors >= 1 and stats[fast.netloc].errors == 0
    assert any(line.startswith(failing.url("/feed.xml")) and "http_503" in line for line in problems)


# -- (c) robots.txt --------------------------------------------------------------------------------


def test_robots_txt_disallow_is_respected(sites, store):
    site = sites()
    site.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n", "text/plain"
    )
    publish(site, "/feed.xml", 2, first=30, prefix="/private/")
    publish(site, "/feed.xml", 1, first=32, prefix="/news/")
    site.routes["/feed.xml"] = Route(rss(site, ["/private/30.html", "/private/31.html", "/news/32.html"]))
    settings, engine = store
    watcher_for(store, [Outlet("o", (site.url("/feed.xml"),))]).run(once=True)
    assert site.requests("/private/30.html") == [] and site.requests("/private/31.html") == []
    assert stored_urls(engine) == {site.url("/news/32.html")}
    with engine.connect() as conn:
        assert memory.link_states(conn) == {"blocked": 2, "stored": 1}
    assert all(hit.headers.get("User-Agent", "").startswith("MarsadBot/") for hit in site.hits)


def test_robots_txt_that_forbids_everything_stops_the_host(sites, store):
    site = sites()
    site.routes["/robots.txt"] = Route(b"User-agent: MarsadBot\nDisallow: /\n", "text/plain")
    publish(site, "/feed.xml", 1, first=33)
    problems: list[str] = []
    watcher_for(store, [Outlet("o", (site.url("/feed.xml"),))], problems=problems).run(once=True)
    assert [hit.path for hit in site.hits] == ["/robots.txt"]
    assert problems == [f"{site.url('/feed.xml')}: robots: disallowed by robots.txt"]


# -- (d) ETag / 304, kept in the store across restarts ---------------------------------------------


def test_etag_is_sent_again_after_a_restart_and_304_fetches_nothing(sites, store):
    site = sites()
    publish(site, "/feed.xml", 2, first=40)
    outlets = [Outlet("o", (site.url("/feed.xml"),))]
    settings, engine = store
    watcher_for(store, outlets).run(once=True)
    assert len(stored_urls(engine)) == 2 and site.not_modified == 0
    watcher_for(store, outlets).run(once=True)  # a new process: validators come from the store
    feed_hits = site.requests("/feed.xml")
    assert len(feed_hits) == 2 and feed_hits[1].headers.get("If-None-Match")
    assert feed_hits[1].headers.get("If-Modified-Since")
    assert site.not_modified == 1
    assert len(site.requests("/news/40.html")) == 1 and len(site.requests("/news/41.html")) == 1
    publish(site, "/feed.xml", 1, first=42)  # the feed changes: a 200, and only the new page is fetched
    watcher_for(store, outlets).run(once=True)
    assert site.not_modified == 1
    assert [len(site.requests(f"/news/{n}.html")) for n in (40, 41, 42)] == [1, 1, 1]
    assert len(stored_urls(engine)) == 3


# -- (e) retries with exponential backoff ---------------------------------------------------------


def test_server_errors_are_retried_with_growing_waits(sites, store):
    site = sites()
    publish(site, "/feed.xml", 1, first=50)
    site.routes["/news/50.html"].failures = 2
    options = WatchOptions(interval=60, delay=0.0, timeout=3, retries=3, backoff=0.2)
    settings, engine = store
    watcher_for(store, [Outlet("o", (site.url("/feed.xml"),))], options).run(once=True)
    hits = [hit.at for hit in site.requests("/news/50.html")]
    assert len(hits) == 3
    assert hits[1] - hits[0] >= 0.2 and hits[2] - hits[1] >= 0.4
    assert stored_urls(engine) == {site.url("/news/50.html")}


def test_a_page_that_keeps_failing_is_retried_on_later_passes_then_given_up(sites, store):
    site = sites()
    publish(site, "/feed.xml", 1, first=51)
    site.routes["/news/51.html"].always_fail = True
    options = WatchOptions(interval=60, delay=0.0, timeout=3, retries=1, backoff=0.01, max_article_attempts=2)
    problems: list[str] = []
    settings, engine = store
    for _ in range(3):
        watcher_for(store, [Outlet("o", (site.url("/feed.xml"),))], options, problems).run(once=True)
    assert len(site.requests("/news/51.html")) == 4  # two passes of (try + retry), then given up
    assert problems[0].endswith("(will retry next pass)") and "http_503" in problems[0]
    with engine.connect() as conn:
        assert memory.link_states(conn) == {"failed": 1}


# -- (f) no redirects or links into private addresses ----------------------------------------------


def test_redirect_from_a_listed_host_to_another_loopback_host_is_refused(sites, store):
    listed, internal = sites(), sites()
    internal.routes["/admin"] = Route(b"<html><body>secret</body></html>")
    publish(listed, "/feed.xml", 1, first=60)
    port = internal.server.server_address[1]
    listed.routes["/go-internal"] = Route(location=f"http://localhost:{port}/admin")
    listed.routes["/go-metadata"] = Route(location="http://169.254.169.254/latest/meta-data/")
    listed.routes["/go-same-host"] = Route(location="/news/60.html")  # allowed: the listed host itself
    listed.routes["/feed.xml"] = Route(
        rss(listed, ["/go-internal", "/go-metadata", "/go-same-host"]).replace(
            b"</channel>", f"<item><link>http://127.0.0.1:{port}/admin</link></item></channel>".encode()
        )
    )
    problems: list[str] = []
    settings, engine = store
    watcher_for(store, [Outlet("o", (listed.url("/feed.xml"),))], problems=problems).run(once=True)
    assert internal.hits == []
    assert stored_urls(engine) == {listed.url("/news/60.html")}
    refused = [line for line in problems if ": refused: " in line]
    assert len(refused) == 3
    assert any(
        f"localhost:{port}/admin: refused: localhost resolves to 127.0.0.1" in line for line in refused
    )
    assert any(
        "169.254.169.254 resolves to 169.254.169.254, a link-local address" in line for line in refused
    )
    assert all("\n" not in line for line in problems)


def test_a_name_that_rebinds_to_loopback_at_connect_time_is_refused(sites):
    from marsad.watch.fetch import Fetcher, FetchFailed, HostClock
    from marsad.watch.guard import AddressGuard

    internal = sites()
    internal.routes["/"] = Route(b"secret")
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # public when checked, loopback when connecting
    guard = AddressGuard([], resolver=lambda host, port: next(answers))
    fetcher = Fetcher(WatchOptions(retries=0, timeout=2), guard, HostClock(0.0))
    with pytest.raises(FetchFailed) as failed:
        fetcher.get(f"http://rebind.example:{internal.server.server_address[1]}/")
    fetcher.close()
    assert failed.value.reason == "refused" and "127.0.0.1, a loopback address" in failed.value.detail
    assert internal.hits == []


def test_answers_over_the_size_cap_are_refused(sites, store):
    site = sites()
    publish(site, "/feed.xml", 1, first=61)
    site.routes["/news/61.html"].body += b"<!--" + b"x" * 50_000 + b"-->"
    problems: list[str] = []
    options = WatchOptions(interval=60, delay=0.0, timeout=3, retries=0, max_bytes=20_000)
    settings, engine = store
    watcher_for(store, [Outlet("o", (site.url("/feed.xml"),))], options, problems).run(once=True)
    assert stored_urls(engine) == set()
    assert problems == [
        f"{site.url('/news/61.html')}: too_large: {len(site.routes['/news/61.html'].body)} "
        "bytes announced, the cap is 20000"
    ]


def test_per_host_delay_spaces_requests(sites, store):
    site = sites()
    publish(site, "/feed.xml", 3, first=62)
    options = WatchOptions(interval=60, delay=0.3, timeout=3, retries=0)
    watcher_for(store, [Outlet("o", (site.url("/feed.xml"),))], options).run(once=True)
    times = sorted(hit.at for hit in site.hits)
    assert len(times) == 5  # robots.txt, the feed, three pages
    # Slots are booked on the client's clock, so on a busy machine one request may reach the
    # server late and the next on time; the four gaps together still cover four delays,
    # less the first request's own lag (the slots themselves are checked exactly below).
    assert times[-1] - times[0] >= 4 * 0.3 - 0.1


def test_the_host_clock_books_one_slot_per_delay(monkeypatch):
    from marsad.watch import fetch

    monkeypatch.setattr(fetch.time, "monotonic", lambda: 100.0)
    clock = fetch.HostClock(0.3)
    waits = [clock.reserve("a.example") for _ in range(3)]
    assert waits == pytest.approx([0.0, 0.3, 0.6])
    assert clock.reserve("b.example") == 0.0  # another host waits for nobody
    clock.set_delay("a.example", 2.0)  # a robots.txt Crawl-delay
    assert clock.reserve("a.example") == pytest.approx(0.9)
    assert clock.reserve("a.example") == pytest.approx(2.9)


def test_bad_listings_are_reported_one_line_each_and_the_rest_goes_on(sites, store):
    site = sites()
    publish(site, "/feed.xml", 1, first=65)
    site.routes["/broken.xml"] = Route(b"<html><body>not a feed</body></html>")
    problems: list[str] = []
    outlets = [
        Outlet("bad", (site.url("/broken.xml"), site.url("/missing.xml"))),
        Outlet("good", (site.url("/feed.xml"),)),
    ]
    settings, engine = store
    watcher_for(store, outlets, problems=problems).run(once=True)
    assert stored_urls(engine) == {site.url("/news/65.html")}
    assert sorted(line.split(": ")[1] for line in problems) == ["http_404", "unreadable"]
    watcher_for(store, outlets).run(once=True)  # a re-run stores nothing twice
    with engine.connect() as conn:
        assert len(conn.execute(select(pages.c.id)).all()) == 1

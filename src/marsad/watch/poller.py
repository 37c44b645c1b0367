"""The watch loop: one worker thread per host fetches, one loop extracts and stores.

Workers do only network I/O (robots.txt, feeds, sitemaps, article pages) for their own
host, each at its own pace, so a slow or failing host holds up nobody else. Everything
they fetch comes back on one queue to the loop, which runs the pipeline and writes the
store: the store has a single writer, and every outcome is recorded before the next.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Engine

from marsad.errors import PageRejected
from marsad.model import ExtractedPage
from marsad.readers.files import page_from_bytes
from marsad.run.local import outcome_of
from marsad.settings import Settings
from marsad.store import watch as memory
from marsad.store.repo import record_rejection, save_page
from marsad.store.stories import update_stories
from marsad.watch.feeds import Link, Listing, ListingError, parse_listing
from marsad.watch.fetch import Fetched, Fetcher, FetchFailed, HostClock
from marsad.watch.guard import AddressGuard, AddressRefused, host_key
from marsad.watch.options import WatchOptions
from marsad.watch.robots import Robots
from marsad.watch.sources import Sources

# How often the loop wakes up with nothing to do (status refresh, Ctrl-C, --once check).
TICK_S = 0.2
# Content types taken as pages; others (images, PDFs, video) are refused without parsing.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True)
class ListingTask:
    url: str
    outlet: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class ArticleTask:
    url: str
    outlet: str | None
    published: str | None = None


Task = ListingTask | ArticleTask


@dataclass
class Done:
    task: Task
    fetched: Fetched | None = None
    listing: Listing | None = None
    failure: FetchFailed | None = None
    problem: str | None = None  # a fetched listing that could not be read


@dataclass
class HostStats:
    host: str
    polls: int = 0  # feeds and sitemaps read
    not_modified: int = 0  # of which answered 304
    new_links: int = 0
    fetched: int = 0  # article pages fetched
    stored: int = 0  # new pages stored
    articles: int = 0  # new articles stored
    rejected: int = 0  # pages the pipeline refused
    blocked: int = 0  # URLs robots.txt forbids
    errors: int = 0
    retries: int = 0
    last_problem: str = ""
    queued: int = 0  # tasks waiting at the host's worker


class HostWorker(threading.Thread):
    """Fetches one host's URLs in order, at the host's pace."""

    def __init__(
        self, key: str, fetcher: Fetcher, robots: Robots, results: queue.Queue, stop: threading.Event
    ):
        super().__init__(name=f"watch-{key}", daemon=True)
        self.key = key
        self.fetcher = fetcher
        self.robots = robots
        self.results = results
        self.stop_event = stop
        self.tasks: queue.Queue[Task] = queue.Queue()
        self.delay = fetcher.clock.delay(key)

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                task = self.tasks.get(timeout=TICK_S)
            except queue.Empty:
                continue
            self.results.put(self.do(task))
        self.fetcher.close()

    def do(self, task: Task) -> Done:
        try:
            self.fetcher.guard.check_url(task.url)  # before robots.txt: no request at all to such a host
            if not self.robots.allowed(task.url):
                return Done(task, failure=FetchFailed(task.url, "robots", "disallowed by robots.txt"))
            self._obey_crawl_delay(task.url)
            if isinstance(task, ArticleTask):
                return Done(task, self.fetcher.get(task.url))
            fetched = self.fetcher.get(task.url, task.etag, task.last_modified)
            listing = None if fetched.not_modified else parse_listing(fetched.body, fetched.url)
            return Done(task, fetched, listing)
        except AddressRefused as refused:
            return Done(task, failure=FetchFailed(task.url, "refused", str(refused)))
        except FetchFailed as failed:
            return Done(task, failure=failed)
        except ListingError as problem:
            return Done(task, problem=f"{task.url}: unreadable: {problem}")
        except Exception as exc:  # noqa: BLE001 - one bad URL must not end the host's worker
            return Done(task, problem=f"{task.url}: internal_error: {type(exc).__name__}: {exc}")

    def _obey_crawl_delay(self, url: str) -> None:
        wanted = self.robots.crawl_delay(url)
        if wanted is not None and wanted > self.delay:
            self.fetcher.clock.set_delay(host_key(url), wanted)


def extract(task: ArticleTask, fetched: Fetched, settings: Settings) -> ExtractedPage | PageRejected:
    """The fetched page through the pipeline, or why it was refused."""
    kind = fetched.content_type.split(";")[0].strip().lower()
    if kind and kind not in PAGE_TYPES:
        return PageRejected("not_a_page", f"content type {kind}", task.url)
    try:
        page = page_from_bytes(fetched.body, task.url, origin=task.url)
    except PageRejected as rejected:
        return rejected
    except Exception as exc:  # noqa: BLE001 - a decoding bug costs one page, with its reason
        return PageRejected("internal_error", f"{type(exc).__name__}: {exc}", task.url)
    page.kind = "html" if "html" in kind else page.kind
    page.url, page.source, page.date = fetched.url, task.outlet, task.published
    return outcome_of(page, settings)  # the same failure reasons as ingest


class Watcher:
    """Polls every listing of `sources` each `options.interval` seconds and stores new articles."""

    def __init__(
        self,
        sources: Sources,
        engine: Engine,
        settings: Settings,
        options: WatchOptions,
        report: Callable[[str], None] | None = None,
    ):
        self.sources = sources
        self.engine = engine
        self.settings = settings
        self.options = options
        self.report = report or (lambda line: None)
        self.stop = threading.Event()
        self.results: queue.Queue[Done] = queue.Queue()
        self.guard = AddressGuard(sources.listed_hosts)
        self.clock = HostClock(options.delay)
        for key, delay in sources.host_delays(options.delay).items():
            self.clock.set_delay(key, delay)
        self.workers: dict[str, HostWorker] = {}
        self.stats: dict[str, HostStats] = {}
        self.in_flight: set[str] = set()
        self.children: dict[str, list[str]] = {}  # sitemap index -> its child sitemaps
        self.passes = 0

    # -- the loop ---------------------------------------------------------------------------

    def run(self, once: bool = False, on_tick: Callable[[Watcher], None] | None = None) -> None:
        """Poll until `stop` is set (or, with `once`, until one pass is fully stored)."""
        next_poll = time.monotonic()
        try:
            while not self.stop.is_set():
                if time.monotonic() >= next_poll and not (once and self.passes):
                    self.poll_all()
                    next_poll = time.monotonic() + self.options.interval
                wait = TICK_S if once else min(TICK_S, max(next_poll - time.monotonic(), 0.001))
                try:
                    self.handle(self.results.get(timeout=wait))
                except queue.Empty:
                    pass
                if on_tick:
                    on_tick(self)
                if once and not self.in_flight:
                    break
        finally:
            self.close()

    def close(self) -> None:
        self.stop.set()
        for worker in self.workers.values():
            worker.join(timeout=self.options.timeout + 1)

    def poll_all(self) -> None:
        """Queue a read of every feed and sitemap, and every link left queued by earlier passes."""
        self.passes += 1
        with self.engine.connect() as conn:
            for outlet in self.sources.outlets:
                for url in outlet.listings:
                    for listing in self._tree(url):
                        self._poll(conn, listing, outlet.name)
            for link in memory.queued_links(conn, self.options.max_article_attempts):
                if link.url not in self.in_flight:
                    self.submit(ArticleTask(link.url, link.outlet, link.published))

    def _tree(self, url: str, depth: int = 0) -> Iterator[str]:
        """A listing and the child sitemaps it had last time (an index of indexes: two levels)."""
        yield url
        if depth < 2:
            for child in self.children.get(url, ()):
                yield from self._tree(child, depth + 1)

    def _poll(self, conn, url: str, outlet: str) -> None:
        if url not in self.in_flight:
            self.submit(ListingTask(url, outlet, *memory.validators(conn, url)))

    def submit(self, task: Task) -> None:
        self.in_flight.add(task.url)
        self.worker_for(task.url).tasks.put(task)

    def worker_for(self, url: str) -> HostWorker:
        key = host_key(url)
        worker = self.workers.get(key)
        if worker is None:
            fetcher = Fetcher(self.options, self.guard, self.clock, pause=self.stop.wait)
            robots = Robots(fetcher, self.options.robots_ttl, retry_after=self.options.interval)
            worker = self.workers[key] = HostWorker(key, fetcher, robots, self.results, self.stop)
            worker.start()
        return worker

    def host(self, url: str) -> HostStats:
        key = host_key(url)
        stats = self.stats.get(key) or self.stats.setdefault(key, HostStats(key))
        worker = self.workers.get(key)
        stats.queued = worker.tasks.qsize() if worker else 0
        return stats

    # -- results ----------------------------------------------------------------------------

    def handle(self, done: Done) -> None:
        self.in_flight.discard(done.task.url)
        stats = self.host(done.task.url)
        stats.retries += done.fetched.retries if done.fetched else done.failure.retries if done.failure else 0
        if isinstance(done.task, ListingTask):
            self._listing_done(done, stats)
        else:
            self._article_done(done, stats)

    def _problem(self, stats: HostStats, line: str) -> None:
        stats.last_problem = line
        self.report(line)

    def _listing_done(self, done: Done, stats: HostStats) -> None:
        task, fetched = done.task, done.fetched
        if done.failure or done.problem or fetched is None:
            stats.errors += 1
            self._problem(stats, done.failure.line() if done.failure else done.problem or task.url)
            return
        stats.polls += 1
        if fetched.not_modified or done.listing is None:
            stats.not_modified += 1
            return
        if done.listing.kind == "sitemapindex":
            self._follow_index(task, done.listing)
            return
        links = done.listing.links
        with self.engine.begin() as conn:
            fresh = set(memory.unseen(conn, [link.url for link in links])[: self.options.max_new_links])
            new = [link for link in links if link.url in fresh]
            memory.queue_links(conn, [self._queued(link, task.outlet) for link in new])
            memory.save_validators(conn, task.url, fetched.etag, fetched.last_modified)
        stats.new_links += len(new)
        for link in new:
            self.submit(ArticleTask(link.url, task.outlet, link.published))

    @staticmethod
    def _queued(link: Link, outlet: str) -> memory.QueuedLink:
        return memory.QueuedLink(link.url, host_key(link.url), outlet, link.published)

    def _follow_index(self, task: ListingTask, listing: Listing) -> None:
        """A sitemap index is read whole each pass (no validators kept), its newest children polled."""
        children = [child.url for child in listing.children[: self.options.max_child_sitemaps]]
        self.children[task.url] = children
        with self.engine.connect() as conn:
            for child in children:
                self._poll(conn, child, task.outlet)

    def _article_done(self, done: Done, stats: HostStats) -> None:
        task = done.task
        assert isinstance(task, ArticleTask)
        if done.failure or done.fetched is None:
            failure = done.failure or FetchFailed(task.url, "internal_error", done.problem or "")
            self._article_failed(task, failure, stats)
            return
        stats.fetched += 1
        outcome = extract(task, done.fetched, self.settings)
        with self.engine.begin() as conn:
            if isinstance(outcome, PageRejected):
                record_rejection(conn, outcome)
                memory.finish_link(conn, task.url, memory.REJECTED, detail=outcome.line())
            else:
                new_page, new_articles = save_page(conn, outcome)
                if new_articles:
                    update_stories(conn, [article.id for article in outcome.articles])
                memory.finish_link(conn, task.url, memory.STORED, page_id=outcome.page.id)
        if isinstance(outcome, PageRejected):
            stats.rejected += 1
            self._problem(stats, f"skipped {outcome.line()}")
        else:
            stats.stored += new_page
            stats.articles += new_articles

    def _article_failed(self, task: ArticleTask, failure: FetchFailed, stats: HostStats) -> None:
        with self.engine.begin() as conn:
            if failure.reason == "robots":
                stats.blocked += 1
                memory.finish_link(conn, task.url, memory.BLOCKED, detail=failure.line())
                return
            stats.errors += 1
            retrying = failure.transient and memory.retry_link(
                conn, task.url, failure.line(), self.options.max_article_attempts
            )
            if not retrying and not failure.transient:
                memory.finish_link(conn, task.url, memory.FAILED, detail=failure.line())
        self._problem(stats, failure.line() + (" (will retry next pass)" if retrying else ""))

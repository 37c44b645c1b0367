"""The ordered stages a page goes through, and `process_page` that runs them.

Stages are plain functions: page-level ones take and return an ExtractedPage, article
stages take and return an Article. Runners (local, Dask) call `process_page`; none of
the stages touch the CLI, the store or the web.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from marsad.arabic.normalize import arabic_ratio
from marsad.enrich.entities import add_entities
from marsad.enrich.events import add_events
from marsad.enrich.keywords import assign_keywords
from marsad.enrich.language import assign_language
from marsad.enrich.quotes import add_quotes
from marsad.enrich.sections import assign_section
from marsad.errors import PageRejected
from marsad.extract import extract_page
from marsad.model import Article, ExtractedPage, Page
from marsad.settings import Settings

ArticleStage = Callable[[Article], Article]


def drop_fragments(extracted: ExtractedPage, settings: Settings) -> ExtractedPage:
    """Keep articles with enough body text; a page left with none is rejected."""
    kept = [a for a in extracted.articles if len(a.text) >= settings.min_article_chars]
    if not kept:
        raise PageRejected("no_article", "no article text found on the page", extracted.page.name)
    extracted.articles = kept
    return extracted


def require_arabic(extracted: ExtractedPage, settings: Settings) -> ExtractedPage:
    text = " ".join(a.text for a in extracted.articles)[:20_000]
    ratio = arabic_ratio(text)
    if ratio < settings.min_arabic_ratio:
        raise PageRejected("not_arabic", f"only {ratio:.0%} of its letters are Arabic", extracted.page.name)
    return extracted


PAGE_STAGES = [drop_fragments, require_arabic]
# Language first: later stages analyse only Arabic articles. Entities before quotes and
# events, which name their speakers and participants by resolved entity.
ARTICLE_STAGES: list[ArticleStage] = [
    assign_language,
    assign_section,
    assign_keywords,
    add_entities,
    add_quotes,
    add_events,
]


# After the limit, the alarm repeats this often until the page gives up: a raise that lands
# in a garbage-collector callback is printed and dropped by Python, not propagated, and the
# page would otherwise run to its end (a 2 MB hostile page went on for 33 s past a 4 s limit).
TIMEOUT_REPEAT_SECONDS = 0.5


@contextmanager
def time_limit(seconds: float, name: str) -> Iterator[None]:
    """Abort a page that takes too long (only possible in the main thread, via SIGALRM)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise PageRejected("timeout", f"processing took over {seconds:g} s", name)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, TIMEOUT_REPEAT_SECONDS)
    try:
        yield
    finally:
        while True:  # a repeat landing here is caught, and the alarm disarmed all the same
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except PageRejected:
                continue


def process_page(
    page: Page, settings: Settings, article_stages: Sequence[ArticleStage] = ARTICLE_STAGES
) -> ExtractedPage:
    """Extract and enrich one page; raises PageRejected with a reason when it cannot.
    `article_stages=()` extracts only (benchmarks compare the two)."""
    with time_limit(settings.max_page_seconds, page.name):
        extracted = extract_page(page)
        for page_stage in PAGE_STAGES:
            extracted = page_stage(extracted, settings)
        for stage in article_stages:
            extracted.articles = [stage(article) for article in extracted.articles]
    return extracted

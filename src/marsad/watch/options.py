"""How `marsad watch` fetches: one options object, built once by the CLI and passed in."""

from __future__ import annotations

from dataclasses import dataclass

from marsad import __version__

USER_AGENT = f"MarsadBot/{__version__}"
# The token robots.txt groups are matched against (robotparser compares this substring).
ROBOTS_AGENT = "MarsadBot"

# Poll each feed and sitemap this often: news feeds change every few minutes, and most
# outlets' robots.txt or terms ask for no more than one visit a minute or so.
DEFAULT_INTERVAL_S = 300.0
# Minimum gap between two requests to one host (raised by a robots.txt Crawl-delay).
DEFAULT_HOST_DELAY_S = 2.0
# Whole-request time limit (connect, headers and body): a host slower than this is failing.
DEFAULT_TIMEOUT_S = 20.0
# Larger answers are refused: article pages are well under 1 MB, a news sitemap of 1000 URLs
# is ~300 kB; 8 MB matches the page limit of the readers (readers/decode.py MAX_PAGE_BYTES).
DEFAULT_MAX_BYTES = 8 * 1024 * 1024
# Retries after a 5xx, 429, timeout or connection error; waits double from the base.
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF_S = 1.0
MAX_BACKOFF_S = 60.0
# Redirect hops followed per request (each hop is checked against the address guard).
MAX_REDIRECTS = 5
# New links taken from one listing per pass, newest first: watch follows the news, it does
# not crawl archives (a sitemap can hold 50,000 URLs; use `marsad ingest` for archives).
MAX_NEW_LINKS = 200
# Child sitemaps followed from one sitemap index, most recently modified first.
MAX_CHILD_SITEMAPS = 5
# An article whose fetch failed with a passing error (5xx, timeout) is retried on later
# passes, at most this many passes, then given up.
MAX_ARTICLE_ATTEMPTS = 3
# robots.txt is read again after this long.
ROBOTS_TTL_S = 6 * 3600.0


@dataclass(frozen=True)
class WatchOptions:
    interval: float = DEFAULT_INTERVAL_S
    delay: float = DEFAULT_HOST_DELAY_S
    timeout: float = DEFAULT_TIMEOUT_S
    max_bytes: int = DEFAULT_MAX_BYTES
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF_S
    max_backoff: float = MAX_BACKOFF_S
    max_redirects: int = MAX_REDIRECTS
    max_new_links: int = MAX_NEW_LINKS
    max_child_sitemaps: int = MAX_CHILD_SITEMAPS
    max_article_attempts: int = MAX_ARTICLE_ATTEMPTS
    robots_ttl: float = ROBOTS_TTL_S
    user_agent: str = USER_AGENT

"""robots.txt, read with the standard library's parser and fetched like any other page.

Rules follow RFC 9309 where it is clear and the standard parser elsewhere: a robots.txt
that answers 401/403 forbids the whole host, a missing one (other 4xx) allows all, and
one that cannot be read (5xx, timeout, refused) forbids the host until it is tried again
at the next pass. A `Crawl-delay` raises the host's minimum gap between requests.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from marsad.watch.fetch import Fetcher, FetchFailed
from marsad.watch.guard import host_key
from marsad.watch.options import ROBOTS_AGENT

FORBIDDING_STATUSES = ("http_401", "http_403")


@dataclass
class _Rules:
    parser: RobotFileParser
    expires: float


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def _parser(lines: list[str] | None, allow_all: bool = False) -> RobotFileParser:
    parser = RobotFileParser()
    if lines is None:
        parser.allow_all, parser.disallow_all = allow_all, not allow_all
    else:
        parser.parse(lines)
    return parser


class Robots:
    """The robots.txt rules of the hosts one worker fetches from, cached for `ttl` seconds."""

    def __init__(self, fetcher: Fetcher, ttl: float, retry_after: float):
        self.fetcher = fetcher
        self.ttl = ttl
        self.retry_after = retry_after  # an unreadable robots.txt is tried again this soon
        self._rules: dict[str, _Rules] = {}

    def allowed(self, url: str) -> bool:
        return self._rules_for(url).can_fetch(ROBOTS_AGENT, url)

    def crawl_delay(self, url: str) -> float | None:
        delay = self._rules_for(url).crawl_delay(ROBOTS_AGENT)
        return float(delay) if delay is not None else None

    def _rules_for(self, url: str) -> RobotFileParser:
        key = host_key(url)
        rules = self._rules.get(key)
        if rules is None or rules.expires < time.monotonic():
            parser, ttl = self._read(robots_url(url))
            rules = self._rules[key] = _Rules(parser, time.monotonic() + ttl)
        return rules.parser

    def _read(self, url: str) -> tuple[RobotFileParser, float]:
        try:
            fetched = self.fetcher.get(url)
        except FetchFailed as failed:
            if failed.reason in FORBIDDING_STATUSES:
                return _parser(None, allow_all=False), self.ttl
            if failed.reason.startswith("http_4"):
                return _parser(None, allow_all=True), self.ttl
            return _parser(None, allow_all=False), self.retry_after
        text = fetched.body.decode("utf-8", errors="replace")
        return _parser(text.splitlines()), self.ttl

"""The sources file: which outlets to watch, where their feeds and sitemaps are, how politely.

Two forms. TOML (a file ending in .toml):

    [defaults]
    delay = 2.0                      # seconds between two requests to one host

    [[outlet]]
    name = "BBC عربي"
    feeds = ["https://feeds.bbci.co.uk/arabic/rss.xml"]
    sitemaps = ["https://www.bbc.com/arabic/sitemap.xml"]
    delay = 5.0                      # this outlet's hosts: at most one request per 5 s

or plain text, one feed or sitemap URL per line, optionally followed by the outlet's
name; a line starting with `#`, or the rest of a line after ` #`, is a comment.
Whether a URL is a feed or a sitemap is told by what it serves. Each problem (a bad URL,
an unknown key) is reported on one line and the rest of the file is used.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from marsad.watch.guard import ALLOWED_SCHEMES, host_key

OUTLET_KEYS = {"name", "feeds", "sitemaps", "delay"}
DEFAULT_KEYS = {"delay"}


@dataclass(frozen=True)
class Outlet:
    name: str
    listings: tuple[str, ...]  # feed and sitemap URLs
    delay: float | None = None  # None: the default delay


@dataclass
class Sources:
    outlets: list[Outlet] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    delay: float | None = None  # [defaults] delay

    @property
    def listed_hosts(self) -> frozenset[str]:
        """host:port of every feed and sitemap: the only hosts allowed to be private addresses."""
        return frozenset(host_key(url) for outlet in self.outlets for url in outlet.listings)

    def host_delays(self, default: float) -> dict[str, float]:
        """The slowest delay any outlet asks for, per host."""
        delays: dict[str, float] = {}
        for outlet in self.outlets:
            for url in outlet.listings:
                key = host_key(url)
                delays[key] = max(delays.get(key, 0.0), _first_set(outlet.delay, self.delay, default))
        return delays


def _first_set(*values: float | None) -> float:
    return next(value for value in values if value is not None)


def url_problem(url: object) -> str | None:
    if not isinstance(url, str):
        return f"{url!r} is not a URL string"
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"{url}: not a URL ({exc})"
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.hostname:
        return f"{url}: not an http(s) URL with a host"
    return None


def _clean_urls(values: object, where: str, problems: list[str]) -> list[str]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        problems.append(f"{where}: expected a list of URLs")
        return []
    urls = []
    for value in values:
        problem = url_problem(value)
        if problem:
            problems.append(f"{where}: {problem}")
        else:
            urls.append(value.strip())
    return urls


def _delay(value: object, where: str, problems: list[str]) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        problems.append(f"{where}: delay must be a number of seconds >= 0, not {value!r}")
        return None
    return float(value)


def parse_toml(text: str, name: str = "sources") -> Sources:
    sources = Sources()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        sources.problems.append(f"{name}: not valid TOML ({exc})")
        return sources
    for key in sorted(set(data) - {"defaults", "outlet"}):
        sources.problems.append(f"{name}: unknown section {key!r} (expected [defaults] and [[outlet]])")
    defaults = data.get("defaults", {})
    for key in sorted(set(defaults) - DEFAULT_KEYS):
        sources.problems.append(f"{name}: [defaults]: unknown key {key!r}")
    sources.delay = _delay(defaults.get("delay"), f"{name}: [defaults]", sources.problems)
    for number, entry in enumerate(data.get("outlet", []), start=1):
        outlet = _outlet(entry, f"{name}: outlet {number}", sources.problems)
        if outlet:
            sources.outlets.append(outlet)
    return sources


def _outlet(entry: dict, where: str, problems: list[str]) -> Outlet | None:
    label = entry.get("name") if isinstance(entry.get("name"), str) else None
    where = f"{where} ({label})" if label else where
    for key in sorted(set(entry) - OUTLET_KEYS):
        problems.append(f"{where}: unknown key {key!r}")
    urls = _clean_urls(entry.get("feeds", []), where, problems)
    urls += _clean_urls(entry.get("sitemaps", []), where, problems)
    if not urls:
        problems.append(f"{where}: no usable feed or sitemap URL, outlet skipped")
        return None
    name = label or urlsplit(urls[0]).hostname or "outlet"
    return Outlet(name, tuple(dict.fromkeys(urls)), _delay(entry.get("delay"), where, problems))


def parse_lines(text: str, name: str = "sources") -> Sources:
    sources = Sources()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        url, _, label = line.partition(" ")
        problem = url_problem(url)
        if problem:
            sources.problems.append(f"{name}:{number}: {problem}")
            continue
        sources.outlets.append(Outlet(label.strip() or urlsplit(url).hostname or url, (url,)))
    return sources


def read_sources(path: str | Path) -> Sources:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Sources(problems=[f"{path}: cannot read the sources file ({exc})"])
    if path.suffix.lower() == ".toml":
        return parse_toml(text, str(path))
    return parse_lines(text, str(path))

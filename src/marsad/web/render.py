"""Markup the templates cannot build safely on their own: highlighted text, links, charts.

Scraped text is never trusted. Every function here escapes the text first and only then
wraps the escaped pieces in tags it writes itself (`Markup.format` escapes its arguments),
so a headline holding `<script>` shows as those characters. Nothing else marks text safe.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape
from starlette.datastructures import URL

from marsad.arabic.tokenize import SINGLE_PROCLITICS
from marsad.web.labels import ENTITY_TYPES, label

# Links out of the site are kept only for these schemes: `javascript:` and `data:` URLs in
# scraped metadata would run in the reader's browser.
SAFE_SCHEMES = frozenset({"http", "https"})
MAX_URL_CHARS = 2_000
# A mention may carry one proclitic letter (و ف ب ل ك: "وماكرون", "بباريس") and is never a
# piece of a longer word.
MENTION_BEFORE = rf"(?:(?<![\w])|(?<=(?<![\w])[{SINGLE_PROCLITICS}]))"
MENTION_AFTER = r"(?![\w])"
# Shortest mention worth marking: one- and two-letter surfaces match inside too much text.
MIN_MENTION_CHARS = 3
# Mentions-per-day chart: drawing size in SVG units, and the longest span of days drawn.
CHART_WIDTH, CHART_HEIGHT, CHART_MAX_DAYS = 600, 140, 365
CHART_AXIS = 18  # room under the bars for the date labels
CHART_MAX_BAR = 24  # a bar of a short span stays a bar, not a block


def entity_url(name: str) -> str:
    return "/entities/" + quote(name, safe="")


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link, else None (the template then shows no link)."""
    if not url or len(url) > MAX_URL_CHARS or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else None


def mark_spans(text: str, spans: Iterable[Iterable[int]]) -> Markup:
    """Escape `text`, wrapping the given (start, end) character spans in <mark>."""
    pieces, cursor = [], 0
    for start, end in sorted(tuple(span) for span in spans):
        if start < cursor or end <= start:
            continue
        pieces += [escape(text[cursor:start]), Markup("<mark>{}</mark>").format(text[start:end])]
        cursor = end
    pieces.append(escape(text[cursor:]))
    return Markup("").join(pieces)


@dataclass(frozen=True)
class _Surface:
    text: str
    name: str
    kind: str


def _surfaces(entities: Iterable[dict[str, Any]]) -> list[_Surface]:
    """Every written form of every entity, longest first so that longer names win."""
    seen: dict[str, _Surface] = {}
    for entity in entities:
        name = str(entity.get("name") or "")
        kind = str(entity.get("type") or "MISC")
        for form in [name, *(entity.get("mentions") or [])]:
            form = str(form).strip()
            if len(form) >= MIN_MENTION_CHARS and form not in seen:
                seen[form] = _Surface(form, name, kind)
    return sorted(seen.values(), key=lambda s: (-len(s.text), s.text))


def mention_pattern(surfaces: list[_Surface]) -> re.Pattern[str] | None:
    if not surfaces:
        return None
    alternatives = "|".join(re.escape(s.text) for s in surfaces)
    return re.compile(f"{MENTION_BEFORE}({alternatives}){MENTION_AFTER}")


def _entity_link(surface: _Surface, written: str) -> Markup:
    return Markup('<a class="ent ent-{}" href="{}" title="{}">{}</a>').format(
        surface.kind.lower(),
        entity_url(surface.name),
        f"{surface.name} · {label(ENTITY_TYPES, surface.kind)}",
        written,
    )


def highlight_entities(text: str, entities: Iterable[dict[str, Any]]) -> list[Markup]:
    """The body as escaped paragraphs, each entity mention a link to its entity page."""
    surfaces = _surfaces(entities)
    pattern = mention_pattern(surfaces)
    by_text = {s.text: s for s in surfaces}
    paragraphs = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            continue
        if pattern is None:
            paragraphs.append(escape(paragraph))
            continue
        pieces, cursor = [], 0
        for match in pattern.finditer(paragraph):
            pieces += [
                escape(paragraph[cursor : match.start(1)]),
                _entity_link(by_text[match.group(1)], match.group(1)),
            ]
            cursor = match.end(1)
        pieces.append(escape(paragraph[cursor:]))
        paragraphs.append(Markup("").join(pieces))
    return paragraphs


# ---------------------------------------------------------------- mentions-per-day chart


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    count: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    first: str
    last: str
    peak: int
    baseline: float


def day_chart(days: list[dict[str, Any]]) -> Chart | None:
    """Bar geometry for counts per ISO day, one slot per calendar day (empty days stay empty)."""
    counts = {row["day"]: int(row["count"]) for row in days if _is_iso_day(row.get("day"))}
    if not counts:
        return None
    last = date.fromisoformat(max(counts))
    first = max(date.fromisoformat(min(counts)), last - timedelta(days=CHART_MAX_DAYS - 1))
    span = (last - first).days + 1
    slot = CHART_WIDTH / span
    peak = max(count for day, count in counts.items() if day >= first.isoformat())
    plot = CHART_HEIGHT - CHART_AXIS
    bars = []
    for offset in range(span):
        day = (first + timedelta(days=offset)).isoformat()
        count = counts.get(day, 0)
        if count:
            height = max(1.0, plot * count / peak)
            width = min(max(slot * 0.8, 1.0), CHART_MAX_BAR)
            x = offset * slot + (slot - width) / 2
            bars.append(
                Bar(round(x, 2), round(plot - height, 2), round(width, 2), round(height, 2), day, count)
            )
    return Chart(CHART_WIDTH, CHART_HEIGHT, bars, first.isoformat(), last.isoformat(), peak, plot)


def _is_iso_day(value: Any) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- facet links


def _month_range(value: str) -> tuple[str, str] | None:
    """'2018-07' -> ('2018-07-01', '2018-07-31')."""
    year, _, month = value.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return None
    last = calendar.monthrange(int(year), int(month))[1]
    return f"{value}-01", f"{value}-{last:02d}"


def relative(url: URL) -> str:
    """Path and query only: links never repeat the Host header the request came with."""
    return url.path + (f"?{url.query}" if url.query else "")


def facet_link(url: URL, name: str, value: str | None) -> str:
    """The page's URL with one facet applied (a month becomes a date range), or cleared if None."""
    keys = ["date_from", "date_to"] if name == "month" else [name]
    url = url.remove_query_params([*keys, "offset"])
    if value is None:
        return relative(url)
    if name == "month":
        bounds = _month_range(value)
        return relative(
            url if bounds is None else url.include_query_params(date_from=bounds[0], date_to=bounds[1])
        )
    return relative(url.include_query_params(**{name: value}))


def page_link(url: URL, offset: int) -> str:
    return relative(url.include_query_params(offset=max(0, offset)))

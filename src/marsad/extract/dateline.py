"""Datelines that open a news body: "أنقرة (زمان التركية) –", "دمشق (رويترز) -", "القاهرة - أ ش أ:",
"دبي، الإمارات العربية المتحدة (CNN)—", and the outlet-first "سبق- أبها:" (read the
other way round when only the second name is a gazetteer place).

The place is kept as the article's `dateline`; the outlet in brackets (or after the dash)
is the article's source when the page has no source line. The dateline stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.knowledge import place_of

_PLACE = r"(?P<place>[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){0,2})"
# The country after a city: "دبي، الإمارات العربية المتحدة (CNN)— ..." (the city is the dateline).
_COUNTRY = r"(?:\s*[،,]\s*[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){0,3})?"
# "أنقرة (زمان التركية) – ...", "واشنطن (CNN) -- ...", "غزة (الأناضول): ..."
DATELINE_WITH_OUTLET = re.compile(
    rf"^\s*{_PLACE}{_COUNTRY}\s*\((?P<outlet>[^()\n]{{2,40}})\)\s*(?:[-–—]{{1,2}}|[:：])\s*\S"
)
# "القاهرة - أ ش أ: ...", "الرياض – واس: ..." (an outlet of 1-4 words closed by a colon)
DATELINE_DASH_OUTLET = re.compile(
    rf"^\s*{_PLACE}\s*[-–—]\s*(?P<outlet>[^\s:：،,.\-–—]+(?:\s+[^\s:：،,.\-–—]+){{0,3}})\s*[:：]\s*\S"
)
# Words that start sentences, never places: a line "وقال (...) -" is no dateline.
NOT_PLACES = frozenset("قال وقال أكد وأكد أضاف وأضاف وفق ووفق حسب وحسب بحسب في وفي من".split())


@dataclass(frozen=True)
class Dateline:
    place: str
    outlet: str | None


def find_dateline(paragraph: str) -> Dateline | None:
    for pattern in (DATELINE_WITH_OUTLET, DATELINE_DASH_OUTLET):
        match = pattern.match(paragraph)
        if match and match.group("place").split()[0] not in NOT_PLACES:
            place, outlet = match.group("place").strip(), " ".join(match.group("outlet").split()) or None
            if pattern is DATELINE_DASH_OUTLET and outlet and place_of(outlet) and not place_of(place):
                place, outlet = outlet, place  # "سبق- أبها:": the outlet came first
            return Dateline(place=place, outlet=outlet)
    return None

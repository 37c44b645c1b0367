"""Datelines that open a news body: "أنقرة (زمان التركية) –", "دمشق (رويترز) -", "القاهرة - أ ش أ:",
"دبي، الإمارات العربية المتحدة (CNN)—", and the outlet-first "سبق- أبها:" (read the
other way round when only the second name is a gazetteer place). A reporter's byline in
the same form, "لجين الأحمدي – عين اليوم:", names no place: two words or more that are no
known place and start with a known given name. Some outlets open with all three,
"فهد المنجومي- سبق- مكة المكرمة:" (reporter, outlet, place; Sabq writes this on most of its
reports), or with a credit in the third slot, "سبق - عدن - تصوير :".

The place is kept as the article's `dateline`; the outlet in brackets (or after the dash)
is the article's source when the page has no source line. The dateline stays in the body.

A wire agency may give the dateline a line of its own, the Hijri date, its Gregorian
equivalent and the agency: "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس" (SPA). That
line is a date line, not a headline (`find_wire_dateline`, `segment.DATE_LINE_CUE`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.arabic.normalize import normalize_word
from marsad.knowledge import place_of
from marsad.names import shipped_given_names, shipped_known_people

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
_PART = r"[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){0,2}"
# "فهد المنجومي- سبق- مكة المكرمة: ..." (reporter, outlet and place, in that order or another)
DATELINE_THREE_PARTS = re.compile(
    rf"^\s*(?P<first>{_PART})\s*[-–—]\s*(?P<second>{_PART})\s*[-–—]"
    rf"\s*(?P<third>{_PART})\s*[:：]\s*\S"
)
# Credits that may fill a slot of a three-part opening: no place, no outlet.
CREDIT_WORDS = frozenset(normalize_word(w) for w in "تصوير متابعة ترجمة خاص تحرير".split())
# "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس": the place, the Hijri date, "الموافق" and
# the Gregorian date, then the agency, sometimes glued to the "م" ("2015 مواس").
WIRE_DATELINE = re.compile(
    rf"^\s*{_PLACE}\s+\d{{1,2}}\s+\S+\s+\d{{4}}\s*هـ\s*الموافق\s+\d{{1,2}}\s+\S+\s+\d{{4}}\s*م"
    r"(?:\s*(?P<outlet>[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){0,2}))?\s*$"
)
# First words of place names that are also given names ("سيدي بوزيد", "أبو ديس", "بنت جبيل").
PLACE_FIRST_WORDS = frozenset(normalize_word(w) for w in "سيدي أبو بني بنت عين بئر تل رأس جبل وادي دير كفر".split())
# Words that start sentences, never places: a line "وقال (...) -" is no dateline.
NOT_PLACES = frozenset("قال وقال أكد وأكد أضاف وأضاف وفق ووفق حسب وحسب بحسب في وفي من".split())


@dataclass(frozen=True)
class Dateline:
    place: str | None  # None for a reporter's byline
    outlet: str | None


def find_wire_dateline(line: str) -> Dateline | None:
    """A wire agency's dateline line (place, Hijri and Gregorian dates, agency), or None."""
    match = WIRE_DATELINE.match(line)
    if not match:
        return None
    return Dateline(place=match.group("place"), outlet=match.group("outlet"))


def find_dateline(paragraph: str) -> Dateline | None:
    for pattern in (DATELINE_WITH_OUTLET, DATELINE_DASH_OUTLET):
        match = pattern.match(paragraph)
        if match and match.group("place").split()[0] not in NOT_PLACES:
            place, outlet = match.group("place").strip(), " ".join(match.group("outlet").split()) or None
            return read_pair(place, outlet, either_order=pattern is DATELINE_DASH_OUTLET)
    three = DATELINE_THREE_PARTS.match(paragraph)
    return read_three_parts([three["first"], three["second"], three["third"]]) if three else None


def read_three_parts(parts: list[str]) -> Dateline | None:
    """Reporter, outlet and place ("عمر عريبي- سبق- جازان"), or two of them and a credit.
    Read only when a part is a reporter or a known place: a line of three dashed phrases
    ending in a colon may be prose ("قدر من رب العالمين - سبحانه وتعالى - أن ...")."""
    names = [" ".join(part.split()) for part in parts if normalize_word(part.strip()) not in CREDIT_WORDS]
    if len(names) == 2:
        return read_pair(*names)
    if len(names) != 3 or names[0].split()[0] in NOT_PLACES:
        return None
    known = [name for name in names if place_of(name)]
    reporters = [name for name in names if is_byline(name) and name not in known]
    if not known and not reporters:
        return None
    # Without a known place, the order reporter, outlet, place decides.
    place = known[-1] if known else names[2] if names[0] in reporters else None
    others = [name for name in names if name != place and name not in reporters]
    outlet = others[0] if len(others) == 1 else names[1] if names[1] in others else None
    return Dateline(place=place, outlet=outlet)


def read_pair(place: str, outlet: str | None, either_order: bool = True) -> Dateline:
    """A dateline's two names as place and outlet: where only the second is a known place the
    outlet came first ("سبق- أبها"); a reporter's name is neither ("عمر الزهراني – جدة",
    "حنان خواسك – عين اليوم")."""
    if either_order and outlet and place_of(outlet) and not place_of(place):
        place, outlet = outlet, place
    if outlet and is_byline(outlet):
        outlet = None
    return Dateline(place=None if is_byline(place) else place, outlet=outlet)


def is_byline(name: str) -> bool:
    """ "لجين الأحمدي": a person's name where a dateline's place would be: a known given name
    first, or a word that is no place and has no article, then a family name in "ال...ي"
    ("سلوى المدني"; a two-word place ends otherwise, "مكة المكرمة", "حفر الباطن", or opens
    with the article, "الحد الجنوبي")."""
    words = name.split()
    if len(words) < 2 or place_of(name):
        return False
    first = normalize_word(words[0])
    if first in PLACE_FIRST_WORDS:
        return False
    last = normalize_word(words[-1])
    family_name = (
        len(words) == 2
        and last.startswith("ال")
        and last.endswith("ي")
        and len(last) >= 5
        and not first.startswith("ال")
        and not place_of(words[0])  # "جازان الشمالي": a place and its side
    )
    return first in shipped_given_names() or first in shipped_known_people() or family_name

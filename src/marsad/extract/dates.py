"""Dates written in Arabic news: "25 يونيو 2025", "3 كانون الثاني 2022", "2025-06-25", "25/6/2025".

Our own small parser: dateparser misses the Levantine month names ("كانون الأول",
"أيلول/ سبتمبر") and the Maghreb ones ("جوان", "أوت") that Arabic outlets use.
"""

from __future__ import annotations

import re
from datetime import date

from marsad.arabic.normalize import NormalizeOptions, normalize

# Month names after normalisation (alef/hamza/taa folded), each mapped to its number.
MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "جويلية": 7, "اوت": 8,
    "يونيه": 6, "يوليه": 7,
    # Moroccan spellings
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
_MONTH_ALTERNATION = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# "25 يونيو 2025", "3 كانون الثاني/ يناير 2022" (a second month name after "/" is skipped)
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALTERNATION})(?:\s*/\s*(?:{_MONTH_ALTERNATION}))?\s*,?\s+(?P<year>\d{{4}})\b"
)
# "2025-06-25", "2025/06/25", "2025-06-25T10:30:00"
ISO_DATE = re.compile(r"\b(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b")
# "25/06/2025", "25-6-2025" (day first, as Arabic outlets write it)
DMY_DATE = re.compile(r"\b(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4})\b")
YEAR_RANGE = (1990, 2100)
# Keep punctuation ("/" and "-" separate date parts); fold letters and digits.
_DATE_OPTIONS = NormalizeOptions(taa_marbuta=False)


def _valid(year: int, month: int, day: int) -> str | None:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str | None) -> str | None:
    """The first date written in `text`, as ISO YYYY-MM-DD, or None."""
    if not text:
        return None
    folded = normalize(text, _DATE_OPTIONS)
    match = DAY_MONTH_YEAR.search(folded)
    if match:
        month = MONTHS[match.group("month")]
        return _valid(int(match.group("year")), month, int(match.group("day")))
    for pattern in (ISO_DATE, DMY_DATE):
        match = pattern.search(folded)
        if match:
            found = _valid(int(match.group("year")), int(match.group("month")), int(match.group("day")))
            if found:
                return found
    return None


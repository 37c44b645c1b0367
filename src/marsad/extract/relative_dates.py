"""When an event happened, from the words news uses: "مساء يوم الأربعاء", "أمس", "في 22 مايو".

    find_dates("التقى أردوغان مساء يوم الأربعاء ترامب", reference=date(2025, 6, 26))
    -> [DateMention("مساء يوم الأربعاء", 12, 29, "2025-06-25")]

Relative words are resolved against the article's date (`reference`): a bare weekday is
the last such day on or before it ("الأربعاء" in a Thursday article is yesterday), or
the next one when the event is still planned; "الماضي" and "المقبل/القادم" force the
direction. A day and month without a year are the last such day on or before the
reference, or the next one when it is near or the event planned. Without a reference
only absolute dates get a value; the words are kept.
Written for Arabic news, whose weekday-based datelines no library parses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.arabic.normalize import normalize_word
from marsad.extract.dates import MONTHS, find_date

# Python weekday numbers (Monday = 0) of the Arabic day names.
WEEKDAYS = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
}
# Parts of the day that may precede a day name ("مساء يوم الأربعاء", "صباح الأحد").
PARTS_OF_DAY = ("صباح", "مساء", "ظهر", "بعد ظهر", "عصر", "فجر", "ليلة", "ليل", "منتصف ليل")
PAST_WORDS = ("الماضي", "المنصرم", "الفائت", "الفائتة", "الماضية")
FUTURE_WORDS = ("المقبل", "القادم", "المقبلة", "القادمة")
# Words for a day relative to the article's date, and their offset in days.
DAY_WORDS = {
    "أول أمس": -2,
    "أمس الأول": -2,
    "أمس": -1,
    "البارحة": -1,
    "الليلة الماضية": -1,
    "اليوم": 0,
    "الليلة": 0,
    "غدا": 1,
    "غداً": 1,
    "يوم غد": 1,
    "بعد غد": 2,
}
# A day and month without a year is the last such day on or before the article's date (news
# reports what happened: "بين الأول من يناير و30 يونيو قتل" in a July article is this past
# January), unless the next one is this near ("في 12 أغسطس" written in July) or the event
# is still planned and the day lies within half a year ahead.
NEAR_FUTURE_DAYS = 62
HALF_YEAR_DAYS = 183  # a planned event's date further ahead than this is last year's day


# Letters that news spells several ways, and the class each stands for in a pattern.
SPELLINGS = {"أ": "[أاإ]", "إ": "[إاأ]", "آ": "[آا]", "ى": "[ىي]", "ة": "[ةه]"}
MARKS = "[\u064b-\u0652]*"  # harakat a writer may add: "غدًا" with its tanween on the dal


def _tolerant(word: str) -> str:
    """A regex for a word that also matches its spellings without hamza ("الاربعاء") and with
    harakat ("غدًا")."""
    return "".join(SPELLINGS.get(ch, re.escape(ch)) + (MARKS if ch.isalpha() else "") for ch in word)


def _alternation(words) -> str:
    return "|".join(_tolerant(w) for w in sorted(words, key=len, reverse=True))


def _month_pattern(name: str) -> str:
    """Month keys are stored normalised ("ايار"); match their written forms ("أيار", "آذار")."""
    pattern = re.escape(name).replace("ا", "[اأإآ]").replace("ي", "[يى]").replace("ه", "[هة]")
    return pattern.replace(r"\ ", r"\s+")


MONTH = "|".join(_month_pattern(m) for m in sorted(MONTHS, key=len, reverse=True))
# "مساء يوم الأربعاء الماضي", "اليوم الجمعة", "يوم غد الجمعة", "الخميس المقبل".
WEEKDAY_PHRASE = re.compile(
    rf"(?<![\w])[وفب]?(?P<body>(?:(?P<part>{_alternation(PARTS_OF_DAY)})\s+)?"
    rf"(?:(?P<lead>اليوم|يوم غد|غدا|غداً|يوم)\s+)?"
    rf"(?P<day>{_alternation(WEEKDAYS)})(?![\w])"
    rf"(?:\s+(?P<dir>{_alternation(PAST_WORDS + FUTURE_WORDS)})(?![\w]))?)"
)
# "أمس", "صباح اليوم", "غدا" on their own.
DAY_WORD = re.compile(
    rf"(?<![\w])(?:(?:{_alternation(PARTS_OF_DAY)})\s+)?(?P<word>{_alternation(DAY_WORDS)})(?![\w])"
)
# "في 22 مايو", "في 12 حزيران/يونيو", "13 مارس/آذار" (a year, when written, is read by find_date).
DAY_MONTH = re.compile(
    rf"(?<![\w])(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})(?:\s*/\s*(?:{MONTH}))?(?![\w])(?:\s*,?\s*(?P<year>\d{{4}}))?"
)


# Ordinal day numbers as words ("في الثاني عشر من حزيران"); the tens take "و" ("الحادي والعشرين").
_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
_TEEN_UNITS = ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
ORDINAL_DAYS = {word: day for day, word in enumerate(_UNITS, start=1)}
ORDINAL_DAYS |= {f"{unit} عشر": 10 + i for i, unit in enumerate(_TEEN_UNITS, start=1)}
ORDINAL_DAYS |= {"العشرين": 20, "الثلاثين": 30}
ORDINAL_DAYS |= {f"{unit} والعشرين": 20 + i for i, unit in enumerate(_TEEN_UNITS, start=1)}
ORDINAL_DAYS["الحادي والثلاثين"] = 31
# "الثاني عشر من حزيران/يونيو", "من الخامس إلى السابع من تموز" (the first day is kept).
ORDINAL_MONTH = re.compile(
    rf"(?<![\w])(?P<day>{_alternation(ORDINAL_DAYS)})(?:\s+(?:إلى|الى|حتى|و)\s+(?:{_alternation(ORDINAL_DAYS)}))?"
    rf"\s+من\s+(?P<month>{MONTH})(?:\s*/\s*(?:{MONTH}))?(?![\w])"
    r"(?:\s*,?\s*(?:عام\s+)?(?P<year>(?:19|20)\d\d)(?!\d))?"  # "الخامس من أغسطس 1990": that year
)


# The tables keyed by normalised spelling, to read a match back ("الاربعاء" -> 2).
_WEEKDAY_KEYS = {normalize_word(k): v for k, v in WEEKDAYS.items()}
_DAY_WORD_KEYS = {normalize_word(k): v for k, v in DAY_WORDS.items()}
_ORDINAL_KEYS = {normalize_word(k): v for k, v in ORDINAL_DAYS.items()}


@dataclass(frozen=True)
class DateMention:
    text: str  # the words as written
    start: int
    end: int
    date: str | None  # ISO date when it could be worked out


def weekday_date(weekday: int, reference: date, direction: str | None) -> date:
    """The weekday on/before the reference ("past"), on/after it ("future"), the closer of
    the two ("nearest"), or strictly before/after ("past!"/"future!": "الماضي", "المقبل")."""
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if direction == "past!":
        return reference - timedelta(days=back or 7)
    if direction == "future!":
        return reference + timedelta(days=ahead or 7)
    if direction == "future":
        return reference + timedelta(days=ahead)
    if direction == "nearest":
        return reference + timedelta(days=ahead) if ahead < back else reference - timedelta(days=back)
    return reference - timedelta(days=back)


def _month_number(written: str) -> int:
    folded = re.sub(r"\s+", " ", written).translate(str.maketrans("أإآىة", "ااايه"))
    return MONTHS[folded]


# "الخامس من أغسطس الماضي" is the last such day before the article's date, "... المقبل" the next
# one after it, whatever the rule for a bare day and month would say.
LAST_OR_NEXT = re.compile(r"\s+(?:(?P<last>الماضي|المنصرم|الفائت)|(?P<next>المقبل|القادم))(?![\w])")


def _year_of(day: int, month: int, reference: date, planned: bool, said: str | None = None) -> date | None:
    years = (reference.year - 1, reference.year, reference.year + 1)
    candidates = [d for year in years if (d := _valid_date(year, month, day)) is not None]
    if not candidates:
        return None
    past = [c for c in candidates if c <= reference]
    future = [c for c in candidates if c >= reference]
    if said == "last":
        return past[-1] if past else None
    if said == "next":
        return future[0] if future else None
    ahead = (future[0] - reference).days if future else None
    if ahead is not None and (ahead <= NEAR_FUTURE_DAYS or (planned and ahead <= HALF_YEAR_DAYS)):
        return future[0]
    return past[-1] if past else None


def _said_last_or_next(text: str, end: int) -> str | None:
    """ "last" or "next" when "الماضي" or "المقبل" follows a date's end."""
    found = LAST_OR_NEXT.match(text, end)
    return found.lastgroup if found else None


def _weekday_mentions(text: str, reference: date | None, planned: bool) -> list[DateMention]:
    found = []
    for m in WEEKDAY_PHRASE.finditer(text):
        day = _WEEKDAY_KEYS[normalize_word(m.group("day"))]
        lead, word = m.group("lead") or "", m.group("dir") or ""
        if lead in ("يوم غد", "غدا", "غداً"):
            direction = "future!"
        elif lead == "اليوم":
            direction = "nearest"  # "اليوم الجمعة": the reference day, give or take a time zone
        elif word and re.fullmatch(_alternation(PAST_WORDS), word):
            direction = "past!"
        elif word:
            direction = "future!"
        else:
            direction = "future" if planned else "past"
        value = weekday_date(day, reference, direction).isoformat() if reference else None
        found.append(DateMention(m.group("body").strip(), m.start("body"), m.end(), value))
    return found


def _day_word_mentions(text: str, reference: date | None) -> list[DateMention]:
    found = []
    for m in DAY_WORD.finditer(text):
        offset = _DAY_WORD_KEYS[normalize_word(m.group("word"))]
        value = (reference + timedelta(days=offset)).isoformat() if reference else None
        found.append(DateMention(m.group().strip(), m.start(), m.end(), value))
    return found


def _day_month_mentions(text: str, reference: date | None, planned: bool) -> list[DateMention]:
    found = []
    for m in DAY_MONTH.finditer(text):
        if m.group("year"):
            value = find_date(m.group())
        else:
            when = (
                _year_of(int(m.group("day")), _month_number(m.group("month")), reference, planned,
                         _said_last_or_next(text, m.end()))  # fmt: skip
                if reference
                else None
            )
            value = when.isoformat() if when else None
        found.append(DateMention(m.group().strip(), m.start(), m.end(), value))
    return found


def _ordinal_mentions(text: str, reference: date | None, planned: bool) -> list[DateMention]:
    found = []
    for m in ORDINAL_MONTH.finditer(text):
        day, month = _ORDINAL_KEYS[normalize_word(m.group("day"))], _month_number(m.group("month"))
        if m.group("year"):
            when = _valid_date(int(m.group("year")), month, day)
        else:
            said = _said_last_or_next(text, m.end())
            when = _year_of(day, month, reference, planned, said) if reference else None
        found.append(DateMention(m.group().strip(), m.start(), m.end(), when.isoformat() if when else None))
    return found


# "على حدود الرابع من يونيو 1967": a border named after a day, not a date of what is reported.
BORDERS_BEFORE = re.compile(r"(?<![\w])[وبل]?(?:ال)?حدود\s+$")
BORDERS_REACH = 20  # characters before a date where that word would stand


def find_dates(text: str, reference: date | str | None = None, planned: bool = False) -> list[DateMention]:
    """Date expressions in `text`, in order, without overlaps (the longest wins)."""
    if isinstance(reference, str):
        reference = _parse(reference)
    mentions = _weekday_mentions(text, reference, planned) + _day_month_mentions(text, reference, planned)
    mentions += _ordinal_mentions(text, reference, planned)
    mentions += _day_word_mentions(text, reference)
    kept: list[DateMention] = []
    for mention in sorted(mentions, key=lambda d: (d.start, -(d.end - d.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return [m for m in kept if not BORDERS_BEFORE.search(text, max(0, m.start - BORDERS_REACH), m.start)]


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "الحادي والثلاثين من يونيو", 29 February of a common year


def _parse(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None

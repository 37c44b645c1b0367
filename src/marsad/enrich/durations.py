"""How long something lasted, as written in Arabic news: "لمدة ساعة تقريبا" = 60 minutes.

    find_durations("واستمر اللقاء لنحو 45 دقيقة") -> [Duration(45.0, "لنحو 45 دقيقة", 14, 27)]

A duration needs a number (digits or a number word), a dual unit ("ساعتين", "يومين") or a
cue word before it ("لمدة ساعة"): a bare "ساعات" is a time, not a length. Words like
"بعد" or "منذ" right before make it a point in time ("بعد 24 ساعة"), so those are skipped.
Events decide which duration belongs to which event; this module only reads the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Unit words (with the dual forms) -> (minutes per unit, count the form carries by itself).
UNITS = {
    "دقيقة": (1, 1),
    "دقائق": (1, None),
    "دقيقتين": (1, 2),
    "دقيقتان": (1, 2),
    "ساعة": (60, 1),
    "ساعات": (60, None),
    "ساعتين": (60, 2),
    "ساعتان": (60, 2),
    "يوم": (1440, 1),
    "أيام": (1440, None),
    "يومين": (1440, 2),
    "يومان": (1440, 2),
    "أسبوع": (10080, 1),
    "أسابيع": (10080, None),
    "أسبوعين": (10080, 2),
    "أسبوعان": (10080, 2),
}
# Number words up to ten, the tens news uses for minutes, and fractions.
NUMBER_WORDS = {
    "واحد": 1,
    "واحدة": 1,
    "اثنين": 2,
    "اثنتين": 2,
    "اثنان": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "أربع": 4,
    "أربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثماني": 8,
    "ثمانية": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
    "عشرين": 20,
    "عشرون": 20,
    "ثلاثين": 30,
    "ثلاثون": 30,
    "أربعين": 40,
    "أربعون": 40,
    "خمسين": 50,
    "خمسون": 50,
    "ستين": 60,
    "تسعين": 90,
    "نصف": 0.5,
    "ربع": 0.25,
}
# Words before the amount that mark a length: "لمدة", "لنحو", "قرابة" ("لمدة ساعة تقريبا").
CUES = (
    "لمدة",
    "مدة",
    "لنحو",
    "نحو",
    "حوالي",
    "حوالى",
    "لحوالي",
    "قرابة",
    "لقرابة",
    "زهاء",
    "ما يقارب",
    "ما يزيد على",
    "ما يزيد عن",
    "أكثر من",
    "لأكثر من",
    "على مدى",
    "طيلة",
    "طوال",
    "على مدار",
)
# Words right before that make the phrase a point in time, not a length ("بعد ساعات").
NOT_LENGTH = ("بعد", "قبل", "منذ", "خلال", "غضون", "أقل من", "الـ")


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _tolerant(pattern: str) -> str:
    """Let hamza-on-alef forms match their bare spelling too ("اربعة" for "أربعة")."""
    return pattern.replace("أ", "[أاإ]")


# [cue] [amount] unit ["ونصف"/"وربع"] ["تقريبا"]; the unit may carry the preposition ل
# ("لأسبوعين") and tanween ("تقريباً").
DURATION = re.compile(
    _tolerant(
        rf"(?<![\w])(?:(?P<cue>{_alternation(CUES)})\s+)?"
        rf"(?:(?P<number>\d+(?:[.,]\d+)?|{_alternation(NUMBER_WORDS)})\s+)?"
        rf"(?:ل)?(?P<unit>{_alternation(UNITS)})(?![\w])"
        r"(?:\s+و(?P<fraction>نصف|ربع)(?![\w]))?"
        r"(?:\s+(?P<approx>تقريبا|تقريباً))?"
    )
)
_FOLD = str.maketrans({"ا": "أ", "إ": "أ"})  # for looking up unit spellings


@dataclass(frozen=True)
class Duration:
    minutes: float
    text: str  # the words as written
    start: int
    end: int


_UNITS_FOLDED = {unit.translate(_FOLD): value for unit, value in UNITS.items()}


def _unit(written: str) -> tuple[int, int | None]:
    return _UNITS_FOLDED[written.translate(_FOLD)]


def _number(written: str | None) -> float | None:
    if written is None:
        return None
    if written[0].isdigit():
        return float(written.replace(",", "."))
    for word, value in NUMBER_WORDS.items():
        if re.fullmatch(_tolerant(re.escape(word)), written):
            return float(value)
    return None


def _is_point_in_time(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and any(
        before[-1].endswith(word) or " ".join(before[-2:]) == word for word in NOT_LENGTH
    )


def find_durations(text: str) -> list[Duration]:
    """Every length of time written in `text`, in order."""
    found = []
    for match in DURATION.finditer(text):
        per_unit, own_count = _unit(match.group("unit"))
        count = _number(match.group("number"))
        if count is None and own_count != 2 and not (match.group("cue") or match.group("fraction")):
            continue  # a bare "ساعة"/"ساعات" is not a length
        if not match.group("cue") and _is_point_in_time(text, match.start()):
            continue
        amount = (count if count is not None else own_count or 1) * per_unit
        if match.group("fraction"):
            amount += per_unit * NUMBER_WORDS[match.group("fraction")]
        found.append(Duration(float(amount), match.group().strip(), match.start(), match.end()))
    return found


def find_duration(text: str) -> Duration | None:
    """The first length of time in `text`, or None."""
    durations = find_durations(text)
    return durations[0] if durations else None

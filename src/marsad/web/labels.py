"""Arabic labels for the codes the store keeps (sections, entity types, event types, months).

A code without a label is shown as stored, so a new section or event type never breaks a page.
"""

from __future__ import annotations

import re

SECTIONS = {
    "politics": "سياسة",
    "economy": "اقتصاد",
    "sports": "رياضة",
    "culture": "ثقافة",
    "technology": "تكنولوجيا",
    "health": "صحة",
    "religion": "دين",
}

ENTITY_TYPES = {"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}

EVENT_TYPES = {
    "meeting": "لقاء",
    "call": "اتصال",
    "visit": "زيارة",
    "agreement": "اتفاق",
    "statement": "تصريح",
    "attack": "هجوم",
    "protest": "احتجاج",
    "election": "انتخابات",
}

LANGUAGES = {"ar": "العربية", "en": "الإنكليزية", "fr": "الفرنسية", "fa": "الفارسية", "ur": "الأردية"}

FACETS = {"source": "المصدر", "section": "القسم", "language": "اللغة", "month": "الشهر"}

# Month names as most pan-Arab outlets write them (Egyptian/Gulf usage).
MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)


def label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    return table.get(code, code)


def facet_label(name: str, value: str) -> str:
    """A facet value as shown: sections and languages translated, months spelled out."""
    if name == "section":
        return label(SECTIONS, value)
    if name == "language":
        return label(LANGUAGES, value)
    if name == "month":
        return month_label(value)
    return value


def month_label(value: str) -> str:
    """'2018-07' -> 'يوليو 2018'."""
    year, _, month = value.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{MONTHS[int(month) - 1]} {year}"
    return value


def date_label(value: str | None) -> str:
    """'2018-07-08' or '2018-07-08T10:00:00' -> '8 يوليو 2018'; anything else as given."""
    if not value:
        return ""
    day_part = value[:10]
    parts = day_part.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


# Why names were linked (`enrich/resolve.py`, `store/entities.py` write these in English for
# the CLI and the API): each reason in Arabic, the names it cites kept as written.
EVIDENCE = (
    (re.compile(r"^first seen$"), "أول ظهور في المخزن"),
    (re.compile(r"^same id (.+)$"), r"المعرّف نفسه \1"),
    (re.compile(r"^stored spelling (.+)$"), r"صيغة محفوظة: \1"),
    (re.compile(r"^spelling variant of stored (.+)$"), r"تهجئة أخرى للاسم المحفوظ \1"),
    (re.compile(r"^fuller or shorter name of stored (.+)$"), r"صيغة أطول أو أقصر للاسم المحفوظ \1"),
    (re.compile(r"^surname of the only stored person with it$"), "اسم عائلة الشخص الوحيد المحفوظ به"),
    (re.compile(r"^spelling variant: (.+)$"), r"تهجئة أخرى في الخبر: \1"),
    (re.compile(r"^same place in the gazetteer \((.+)\): (.+)$"), r"المكان نفسه في المعجم (\1): \2"),
    (re.compile(r"^a person's surname: (.+) read as (\w+)$"), r"اسم عائلة شخص: \1 قُرئ \2"),
    (re.compile(r"^short form: (.+)$"), r"صيغة مختصرة في الخبر: \1"),
    (re.compile(r"^given name: (.+)$"), r"الاسم الأول في الخبر: \1"),
    (re.compile(r"^head noun: (.+)$"), r"اسم الجنس في الخبر: \1"),
    (re.compile(r"^capital for its country: (.+)$"), r"العاصمة بمعنى بلدها: \1"),
    (
        re.compile(r"^title: (.+) → the only person from (.+) in the article$"),
        r"لقب: \1 → الشخص الوحيد من \2 في الخبر",
    ),
    (
        re.compile(r"^one type per name: (.+) read as (\w+) (\d+)×, as (\w+) (\d+)×$"),
        r"نوع واحد للاسم: \1 قُرئ \2 \3 مرة و\4 \5 مرة",
    ),
)


TYPE_CODE = re.compile(r"(?<![A-Za-z])(?:PER|LOC|ORG|MISC)(?![A-Za-z])")


def evidence_label(evidence: str) -> str:
    """A link's evidence ("first seen; short form: بوتين ⊂ فلاديمير بوتين") in Arabic; a
    reason without a translation is shown as written."""
    parts = []
    for part in evidence.split("; "):
        for pattern, arabic in EVIDENCE:
            if pattern.match(part):
                part = TYPE_CODE.sub(lambda code: ENTITY_TYPES[code.group()], pattern.sub(arabic, part))
                break
        parts.append(part)
    return "؛ ".join(parts)

"""Bodies the press names as actors that the taggers miss or cut: groupings of states
("مجموعة البريكس", "مجموعة العشرين", "مجلس التعاون الخليجي", "آسيان", and the coalitions of
states at war in Yemen, Syria and Iraq: "التحالف العربي", "التحالف الدولي"), and armed
groups and movements ("بوكو حرام", "هيئة تحرير الشام", "قوات الدعم السريع").

Both taggers learnt their organisations from ANERcorp and the Wojood sample, where these
names are rare or tagged unevenly (ANERcorp leaves "مجلس التعاون الخليجي" untagged twice),
and none of the shipped gazetteers lists them; so the taggers leave "مجموعة العشرين" and
"بوكو حرام" untagged, read "بريكس" as a person, "آسيان" as a place and only "سوريا" of
"قوات سوريا الديمقراطية". The lists below are written for Marsad from common knowledge (no
resource covers Arabic names of blocs and armed groups); a name they hold becomes one ORG
span, with a leading "مجموعة", "تكتل", "رابطة" or "حلف" when the name does not already open
with it ("مجموعة البريكس"). A movement is listed only with the words that make it one
("حركة الشباب", never "الشباب", a club; "تنظيم القاعدة", never "القاعدة", a rule).
Only untagged words or spans wholly inside the name are replaced: a longer span the taggers
found ("قمة مجموعة العشرين") stays. The spellings on one line name one body, and its first
spelling is the entity's name (`grouping_of`), so "مجلس التعاون لدول الخليج العربية" and
"مجلس التعاون الخليجي" are one entity in an article and across the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from marsad.arabic.tokenize import proclitic_splits
from marsad.eval.ner import span_tags, spans
from marsad.knowledge import key

# One body per line, its spellings separated by "|", the name Marsad gives it first.
GROUPINGS = """
بريكس|البريكس
مجموعة العشرين
مجموعة السبع|مجموعة الدول السبع|مجموعة السبع الصناعية|مجموعة الدول السبع الصناعية|مجموعة الدول الصناعية السبع
مجموعة الثماني|مجموعة الثمانية|مجموعة الدول الثماني|مجموعة الدول الصناعية الثماني
مجموعة السبع والسبعين|مجموعة الـ77
مجلس التعاون الخليجي|مجلس التعاون لدول الخليج العربية|مجلس التعاون الخليجي العربي
آسيان|الآسيان|رابطة دول جنوب شرق آسيا
ميركوسور
الكومنولث|رابطة الكومنولث
أوبك|منظمة الدول المصدرة للنفط
أوبك بلس
منظمة شنغهاي للتعاون
الناتو|حلف الناتو|حلف شمال الأطلسي|حلف الأطلسي|الحلف الأطلسي
منظمة الأمن والتعاون في أوروبا
الاتحاد الأوروبي
الاتحاد الأفريقي|الاتحاد الإفريقي
الاتحاد الاقتصادي الأوراسي|الاتحاد الأوراسي
جامعة الدول العربية|الجامعة العربية
منظمة التعاون الإسلامي|منظمة المؤتمر الإسلامي
اتحاد المغرب العربي|الاتحاد المغاربي
إيكواس|الإيكواس|المجموعة الاقتصادية لدول غرب أفريقيا
إيغاد|الإيغاد
التحالف العربي|التحالف العربي لدعم الشرعية|تحالف دعم الشرعية
التحالف الدولي
"""
# Armed groups and movements, one per line as above.
ARMED_GROUPS = """
بوكو حرام|جماعة بوكو حرام
جبهة النصرة|جبهة فتح الشام
هيئة تحرير الشام
أنصار الله|جماعة أنصار الله|جماعة الحوثي|جماعة الحوثيين
حركة الشباب|حركة الشباب المجاهدين|حركة الشباب الصومالية
قوات سوريا الديمقراطية|قسد
وحدات حماية الشعب|وحدات حماية الشعب الكردية
الحشد الشعبي|قوات الحشد الشعبي|هيئة الحشد الشعبي
قوات الدعم السريع
الجيش السوري الحر|الجيش الحر
أحرار الشام|حركة أحرار الشام
جيش الإسلام
تنظيم القاعدة
الحرس الثوري|الحرس الثوري الإيراني
"""
# Head nouns that join a grouping's name written after them: "مجموعة البريكس", "تكتل ميركوسور".
HEADS = frozenset(key(word) for word in "مجموعة تكتل رابطة حلف منظمة تحالف".split())


@cache
def canonical_groupings() -> dict[tuple[str, ...], str]:
    """Every spelling, as a tuple of matching forms, to the first spelling of its line."""
    return {
        tuple(key(word) for word in spelling.split()): line.split("|")[0]
        for line in (GROUPINGS + ARMED_GROUPS).splitlines()
        if line.strip()
        for spelling in line.split("|")
    }


def _spelling(surface: str, as_written: bool = False) -> tuple[str, ...] | None:
    """The grouping's spelling a mention is, behind proclitics and a head noun, or None."""
    words = [key(word) for word in surface.split()]
    if not words:
        return None
    names = canonical_groupings()
    for first in [words[0]] if as_written else _readings(words[0]):
        name = (first, *words[1:])
        if name in names:
            return name
        if first in HEADS and name[1:] in names:
            return name[1:]
    return None


def grouping_of(surface: str) -> str | None:
    """The name of the grouping a mention names ("لمجموعة البريكس" -> "بريكس"), or None."""
    spelling = _spelling(surface)
    return canonical_groupings()[spelling] if spelling else None


def is_grouping_as_written(surface: str) -> bool:
    """ "بريكس" is a grouping as written, so no proclitic ب comes off it ("ريكس")."""
    return _spelling(surface, as_written=True) is not None


@cache
def _by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Spellings by their first word, longest first, so a token is looked up once."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(canonical_groupings(), key=len, reverse=True):
        index.setdefault(name[0], []).append(name)
    return {first: tuple(names) for first, names in index.items()}


def _readings(token: str) -> list[str]:
    """The token as written and without its proclitics ("ولمجموعة" -> "مجموعة")."""
    return [rest for _, rest in proclitic_splits(key(token))]


def _match_at(tokens: Sequence[str], i: int) -> int:
    """The end of a grouping's name that starts at `i`, or `i`."""
    index = _by_first_word()
    for first in _readings(tokens[i]):
        for name in index.get(first, ()):
            end = i + len(name)
            if end <= len(tokens) and all(key(tokens[k]) == name[k - i] for k in range(i + 1, end)):
                return end
    return i


def add_known_bodies(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """`tags` with each listed body named in `tokens` as one ORG span, a grouping's head noun
    before it included."""
    marked = list(tags)
    i = 0
    while i < len(tokens):
        end = _match_at(tokens, i)
        if end == i and i + 1 < len(tokens) and not HEADS.isdisjoint(_readings(tokens[i])):
            end = _match_at(tokens, i + 1)
            end = i if end == i + 1 else end
        if end == i:
            i += 1
            continue
        inside = [(a, b) for a, b, _ in spans(marked) if a < end and i < b]
        if all(i <= a and b <= end for a, b in inside):
            marked[i:end] = span_tags("ORG", end - i)
        i = end
    return marked

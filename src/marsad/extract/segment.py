"""Give every block (line) of a plain-text page dump a role.

Roles: title, body, source, tags, read_also (a marker that may open an embedded article
or a list), related (one related headline), navigation, boilerplate, date, unknown.
Line-level rules decide what a line can be by its own shape; `articles.py` then
resolves the context-dependent ones (a short line is a title only when an article
body follows it). No trained model: text dumps carry almost no markup, and the cues
that matter (labels, bullets, punctuation, length) are explicit and auditable as rules.
"""

from __future__ import annotations

import re

from marsad.arabic.normalize import MATCHING, normalize
from marsad.extract.dates import find_date
from marsad.extract.tags import TAG_LINE_LABEL, is_navigation_word
from marsad.model import Block

# A line with at least this many words is body prose even without final punctuation.
BODY_MIN_WORDS = 16
# Prose ending with sentence punctuation needs at least this many words to be body.
PUNCTUATED_BODY_MIN_WORDS = 6
# Headlines in Arabic news run 3-20 words; longer unpunctuated lines are prose.
TITLE_MAX_WORDS = 24
TITLE_MIN_WORDS = 2

# "إقرأ أيضاً:", "اقرأ ايضا", "للمزيد", "شاهد أيضا", "طالع أيضا", "مقالات مشابهة", "أخبار ذات صلة"
READ_ALSO_WORDS = (
    r"(?:[إا]قر[أا]|شاهد|طالع|[إا]ستمع)\s+(?:[أا]يضا[ًا]?|المزيد)|للمزيد(?:\s+(?:[إا]قر[أا]|اطلع|طالع))?"
    r"|(?:مقالات|أخبار|اخبار|مواضيع|موضوعات|قصص|تقارير)\s+(?:مشابهة|ذات\s+صلة|متعلقة|مقترحة|[ذد]ات\s+علاقة)"
    r"|(?:[إا]خترنا|اخترنا)\s+لك|الأكثر\s+(?:قراءة|مشاهدة|تداولا)|الاكثر\s+(?:قراءة|مشاهدة)|[أا]خبار\s+متعلقة"
    r"|(?:قد|ربما)\s+(?:يهمك|يعجبك|يهمكم)(?:\s+[أا]يضا[ًا]?)?"
    r"|(?:read|see)\s+(?:also|more)|related(?:\s+(?:news|articles|stories))?|more\s+stories"
)
# The marker alone on its line: "إقرأ أيضاً:" -> opens an embedded article or a list.
READ_ALSO_MARKER = re.compile(rf"^\s*(?:{READ_ALSO_WORDS})\s*[:：.…|\-–—]*\s*$", re.I)
# The marker with a headline after it: "للمزيد: ضربات جوية تستهدف مطار ..." -> one related headline.
# Also "اقرأ أيضا في بي بي سي: ..." (a few words naming the site before the colon) and
# "إقرأ أيضا| ...", "اقرأ أيضا... ...".
READ_ALSO_INLINE = re.compile(
    rf"^\s*(?:{READ_ALSO_WORDS})(?:\s+(?:في|على|من)(?:\s+\S+){{1,3}})?\s*[:：|…\-–—.]+\s*(?P<headline>\S.{{3,300}})$",
    re.I,
)
# The marker then a headline with no separator: "إقرأ أيضا مصر تعلن ..." (a short, unpunctuated line).
READ_ALSO_BARE = re.compile(rf"^\s*(?:{READ_ALSO_WORDS})\s+(?P<headline>[^.!]{{8,200}})$", re.I)
# A byline of place and outlet on its own line: "أبوظبي - سكاي نيوز عربية", "القاهرة – أ ش أ".
BYLINE = re.compile(
    r"^\s*(?P<place>[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){0,2})\s*[-–—/]\s*"
    r"(?P<outlet>[^\s:：،,.\-–—](?:[^:：،,.\-–—]|\.(?=\S)){1,40})\s*$"
)
# "بقلم: فلان", "كتب: فلان", "إعداد: ..." -> an author line, never a title.
AUTHOR_LINE = re.compile(r"^\s*(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير|بواسطة|by)\s*[:：]?\s+\S", re.I)
# "المصدر: عربي21", "مصدر الخبر : وكالة الأناضول", "*نقلاً عن "الشروق" المصرية", "Source: Reuters"
SOURCE_LINE = re.compile(
    r"^\s*(?:\*+\s*)?(?:(?:ال)?مصدر(?:\s+الخبر)?|source|نقلا[ًا]?\s+عن|المرجع)\s*(?:[:：]|\s[-–—](?=\s))?\s*(?P<source>[^\n]{2,80}?)\s*\.?$",
    re.I,
)
# Bulleted list items: "  • روسيا: إسطنبول لا تزال ...", "- عنوان", "» عنوان"
# Numbered items ("1. ...", "٣) ...") count as bullets: one or two digits, then "." or ")" and a space.
BULLET_ITEM = re.compile(
    r"^\s*(?:[•·▪◦●■►◄◀▶❖◆♦★☆➤➢○»›\*]|-(?!-)|–|[0-9٠-٩]{1,2}\s*[.)]\s)\s*(?P<item>\S.*)$"
)
# Separator rules such as "-----" or "*****" carry no text.
RULE_LINE = re.compile(r"^\s*[-–—_=*~.•·]{3,}\s*$")
# Share, follow, comment, copyright, advertising and disclaimer lines.
BOILERPLATE = re.compile(
    r"(?:جميع\s+الحقوق\s+محفوظة|حقوق\s+(?:النشر|الطبع)\s+محفوظة|all\s+rights\s+reserved|©|copyright"
    r"|^\s*(?:شارك|مشاركة|انشر|أرسل|ارسل|طباعة|اطبع|حفظ|نسخ\s+الرابط)\b.{0,40}$"
    r"|تابعونا\s+على|تابعوا\s+(?:آخر|اخر)|تابعنا\s+على|اشترك\s+(?:في|ب)|للاشتراك\s+في|اضغط\s+هنا|انقر\s+هنا"
    r"|^\s*(?:تويتر|فيسبوك|فيس\s+بوك|واتساب|تلغرام|تيليجرام|انستغرام|يوتيوب|لينكد\s*[إا]ن)(?:\s+|$)(?:.{0,30})$"
    r"|(?:أضف|اضف|اكتب)\s+تعليق|التعليقات|عدد\s+التعليقات|^\s*إعلان\s*$|^\s*اعلان\s*$|advertisement"
    r"|المقالات\s+المنشورة\s+تمثل\s+ر[أا]ي|تعبر\s+عن\s+ر[أا]ي\s+كاتبها|لا\s+تعبر\s+بالضرورة"
    r"|^\s*(?:facebook|twitter|whatsapp|telegram|share|print|email)\s*$)",
    re.I,
)
# Share of menu words that makes a short unpunctuated line navigation.
NAVIGATION_SHARE = 0.6
SENTENCE_END = re.compile(r"[.!؟?…:؛»”\"')]\s*$")
LATIN_LETTERS = re.compile(r"[A-Za-z]")


def split_blocks(text: str) -> list[Block]:
    """One block per non-empty line: text dumps put each paragraph on its own line."""
    lines = [line.strip() for line in text.split("\n")]
    return [Block(text=line, index=i) for i, line in enumerate(lines) if line]


def word_count(text: str) -> int:
    return len(text.split())


def is_body_like(text: str) -> bool:
    """Prose: long, or a full sentence with its final punctuation."""
    words = word_count(text)
    if words >= BODY_MIN_WORDS:
        return True
    return words >= PUNCTUATED_BODY_MIN_WORDS and bool(re.search(r"[.!]\s*[\"”»']?\s*$", text))


def is_title_like(text: str) -> bool:
    """Headline shape: a few words, no full stop at the end, not all Latin."""
    words = word_count(text)
    if not TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS:
        return False
    if re.search(r"[.:،,]\s*$", text):
        return False
    return not LATIN_LETTERS.search(text) or bool(re.search("[\u0600-\u06ff]", text))


# Menu separators between items: "الرئيسية - صور - حوارات", "مصر | سياسة | علوم", "أخبار › العالم".
MENU_SEPARATOR = re.compile(r"\s+[|•·›»/\-–—]\s+|\s*\|\s*")
MENU_MIN_ITEMS, MENU_MAX_ITEM_WORDS = 4, 3


def is_menu(text: str) -> bool:
    """Many short items between separators, however long the line: a site menu, not prose."""
    items = [item for item in MENU_SEPARATOR.split(text) if item.strip()]
    if len(items) < MENU_MIN_ITEMS or SENTENCE_END.search(text):
        return False
    return all(word_count(item) <= MENU_MAX_ITEM_WORDS for item in items)


def is_navigation(text: str) -> bool:
    if "|" in text and word_count(text) >= 3:
        return True
    words = normalize(text, MATCHING).split()
    if len(words) < 3 or SENTENCE_END.search(text):
        return False
    menu = sum(1 for word in words if is_navigation_word(word))
    return menu / len(words) >= NAVIGATION_SHARE


def classify_line(text: str) -> str:
    """The role a line has on its own; 'short' lines are settled by their context later."""
    if RULE_LINE.match(text):
        return "boilerplate"
    if READ_ALSO_MARKER.match(text):
        return "read_also"
    if READ_ALSO_INLINE.match(text) or (READ_ALSO_BARE.match(text) and word_count(text) <= 22):
        return "related_inline"
    if TAG_LINE_LABEL.match(text):
        return "tags"
    if SOURCE_LINE.match(text) and word_count(text) <= 10:
        return "source"
    if BOILERPLATE.search(text) and word_count(text) <= 25:
        return "boilerplate"
    if BULLET_ITEM.match(text):
        return "bullet"
    if AUTHOR_LINE.match(text) and word_count(text) <= 8:
        return "byline"
    if BYLINE.match(text) and word_count(text) <= 7:
        return "byline"
    if is_menu(text):
        return "navigation"
    if is_body_like(text):
        return "body"
    if find_date(text) and word_count(text) <= 8:
        return "date"
    if is_navigation(text):
        return "navigation"
    if is_title_like(text):
        return "short"
    return "unknown"


def segment(text: str) -> list[Block]:
    blocks = split_blocks(text)
    for block in blocks:
        block.role = classify_line(block.text)
    return blocks


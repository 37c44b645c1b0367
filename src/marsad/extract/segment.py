"""Give every block (line) of a plain-text page dump a role.

Roles: title, body, source, tags, read_also (a marker that may open an embedded article
or a list), related (one related headline), popular (a "most read" marker: the list after
it is site chrome, not related to the article), navigation, boilerplate, date, unknown.
Line-level rules decide what a line can be by its own shape; `articles.py` then
resolves the context-dependent ones (a short line is a title only when an article
body follows it). Page-level passes then drop teaser headlines shown twice and stray prose:
a lone long line far above the article's body (a page title with its site name, a teaser, a
menu without separators). No trained model: text dumps carry almost no markup, and the cues
that matter (labels, bullets, punctuation, length) are explicit and auditable as rules.
"""

from __future__ import annotations

import html
import re
import statistics
from collections import Counter

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
    r"|(?:مقالات|أخبار|اخبار|مواضيع|موضوعات|قصص|تقارير|روابط)\s+(?:مشابهة|ذات\s+صلة|متعلقة|مقترحة|[ذد]ات\s+علاقة)"
    r"|[أا]خبار\s+متعلقة"
    r"|(?:قد|ربما)\s+(?:يهمك|يعجبك|يهمكم)(?:\s+[أا]يضا[ًا]?)?"
    r"|(?:read|see)\s+(?:also|more)|related(?:\s+(?:news|articles|stories))?|more\s+stories"
)
# The marker alone on its line: "إقرأ أيضاً:" -> opens an embedded article or a list.
READ_ALSO_MARKER = re.compile(rf"^\s*(?:{READ_ALSO_WORDS})\s*[:：.…|\-–—]*\s*$", re.I)
# "الأكثر قراءة", "الأكثر تصفحاً": the site's popular list, unrelated to the article on the page.
POPULAR_MARKER = re.compile(
    r"^\s*(?:(?:ال[أا]كثر|الاكثر)\s+(?:قراء[ةه]|مشاهد[ةه]|تداولا[ًا]?|تصفحا[ًا]?|شعبي[ةه]|تعليقا[ًا]?|[إا]عجابا[ًا]?)"
    r"(?:\s+(?:اليوم|هذا\s+الأسبوع))?|[إا]خترنا\s+لك[مي]?|زوارنا\s+يقر(?:ؤون|أون)(?:\s+الآن)?)\s*[:：.…|\-–—]*\s*$"
)
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
    r"^\s*(?:\*+\s*)?(?:(?:ال)?مصدر(?:\s+الخبر)?|source|نقلا[ًا]?\s+عن|المرجع)\s*(?:[:：]|[-–—](?=\s))?\s*(?P<source>[^\n]{2,80}?)\s*\.?$",
    re.I,
)
# Bulleted list items: "  • روسيا: إسطنبول لا تزال ...", "- عنوان", "» عنوان"
# Numbered items ("1. ...", "٣) ...") count as bullets: one or two digits, then "." or ")" and a space.
BULLET_ITEM = re.compile(
    r"^\s*(?:[•·▪◦●■►◄◀▶❖◆♦★☆➤➢○»›\*]|-(?!-)|–|[0-9٠-٩]{1,2}\s*[.)\-–]\s)\s*(?P<item>\S.*)$"
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
    r"|^\s*powered\s+by\b|^\s*تعليقات\s*\(\d+\)\s*$|^\s*(?:ال)?عودة\s+(?:إلى\s+|الى\s+)?(?:ل)?(?:ل|ا)?لأعلى\s*$"
    r"|المقالات\s+المنشورة\s+تمثل\s+ر[أا]ي|تعبر\s+عن\s+ر[أا]ي\s+كاتبها|لا\s+تعبر\s+بالضرورة|الآراء\s+الواردة"
    r"|^\s*(?:facebook|twitter|whatsapp|telegram|share|print|email)\s*$)",
    re.I,
)
# Comment-policy and terms notices run long; two of these cues in one line mark one.
POLICY_CUES = re.compile(
    r"التعليقات|تعليقاتكم|سياسة\s+الخصوصية|شروط\s+(?:الاستخدام|الخدمة)|[إا]رشادات\s+الاستخدام"
    r"|الآراء\s+الواردة|المشاركات|privacy\s+policy|terms\s+of\s+(?:use|service)",
    re.I,
)
# "عنوان الخبر - CNNArabic.com", "عنوان | Lebanon News": a headline with the site's Latin name.
TITLE_WITH_SITE = re.compile(r"^(?P<title>.+?)\s+[-|–—]\s+(?P<site>[A-Za-z][\w.\- ]{1,40})$")
# Share of menu words that makes a short unpunctuated line navigation.
NAVIGATION_SHARE = 0.6
SENTENCE_END = re.compile(r"[.!؟?…:؛»”\"')]\s*$")
LATIN_LETTERS = re.compile(r"[A-Za-z]")


# A character reference left in a text dump by the scraper that made it ("&quot;الحقباني&quot;",
# "&#8220;", "&amp;"): only whole references, so "AT&T" and "&copy" stay as written.
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def decode_character_references(text: str) -> str:
    return CHARACTER_REFERENCE.sub(lambda match: html.unescape(match.group()), text)


def split_blocks(text: str) -> list[Block]:
    """One block per non-empty line: text dumps put each paragraph on its own line."""
    lines = [line.strip() for line in decode_character_references(text).split("\n")]
    return [Block(text=line, index=i) for i, line in enumerate(lines) if line]


def word_count(text: str) -> int:
    return len(text.split())


def is_body_like(text: str) -> bool:
    """Prose: long, or a full sentence with its final full stop (a short line ending in "!" or
    "؟!" is a headline of an opinion piece more often than a paragraph)."""
    words = word_count(text)
    if words >= BODY_MIN_WORDS:
        return True
    return words >= PUNCTUATED_BODY_MIN_WORDS and bool(re.search(r"\.\s*[\"”»']?\s*$", text))


def is_title_like(text: str) -> bool:
    """Headline shape: a few words, no full stop at the end, not all Latin."""
    words = word_count(text)
    if not TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS:
        return False
    if re.search(r"[.:،,]\s*$", text):
        return False
    return not LATIN_LETTERS.search(text) or bool(re.search("[\u0600-\u06ff]", text))


# A wire agency's revision note after its headline ("... / إضافة أولى واخيرة", "إضافة ثانية"):
# the agency's numbering of updates to a story, not words of the headline.
_ORDINAL = r"(?:[أا]ولى|ثانية|ثالثة|رابعة|خامسة|سادسة|[أا]خيرة)"
# Set off by a separator, a run of spaces or brackets: in running words it may be a headline's.
WIRE_REVISION = re.compile(
    rf"(?:\s*[/\-–—|]\s*|\s{{2,}}|\s*[(\[]\s*)إضافة\s+{_ORDINAL}(?:\s+و\s*{_ORDINAL})?\s*[)\]]?\s*$"
)


def without_wire_revision(title: str | None) -> str | None:
    """The headline without a wire agency's revision note at its end."""
    if not title:
        return title
    return WIRE_REVISION.sub("", title) or title


# A wire agency's desk before its headline ("سياسي / ...", "عام / ..."): the desk is the section
# (or none, for the general desk) and not a word of the headline.
WIRE_DESK = re.compile(
    r"^\s*(?P<desk>عام|سياسي|[اإ]قتصادي|ثقافي|رياضي|اجتماعي|صحي|علمي|تقني|ديني|تقرير)\s*/\s*(?=\S)"
)


def split_wire_desk(title: str | None) -> tuple[str | None, str | None]:
    """(desk, headline) of a title that opens with a wire agency's desk slug, else (None, title)."""
    match = WIRE_DESK.match(title or "")
    if not match:
        return None, title
    return match.group("desk"), title[match.end() :]


def wire_headline(title: str | None) -> tuple[str | None, str | None]:
    """(desk, headline) of a title with a wire agency's marks taken off: its desk slug in
    front and its revision note at the end."""
    return split_wire_desk(without_wire_revision(title))


# Menu separators between items: "الرئيسية - صور - حوارات", "مصر | سياسة | علوم", "أخبار › العالم".
MENU_SEPARATOR = re.compile(r"\s+[|•·›»/\-–—]\s+|\s*\|\s*")
MENU_MIN_ITEMS, MENU_MAX_ITEM_WORDS = 4, 3
# "#اليمن #الشرق_الأوسط": a line of hashtags only is the publisher's tags.
HASHTAG_LINE = re.compile(r"^\s*#[^\s#]+(?:\s+#[^\s#]+)*\s*$")
RELATIVE_TIME = re.compile(
    r"^\s*(?:منذ\s+(?:\d+\s+)?(?:ثانية|ثوان|ثواني|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|ايام|أسبوع|اسبوع|أسبوعين|أسابيع|شهر|أشهر)"
    r"|أمس|امس|اليوم|الآن|قبل\s+\d+\s+(?:دقيقة|دقائق|ساعة|ساعات|يوم|أيام))\s*$"
)
BREADCRUMB_SEPARATOR = re.compile(r"\s*[›»>/|]\s*")
# A longer line is still a date line when it says so or gives a time: "آخر تحديث: السبت 11 أغسطس
# 2018 - 12:16 بتوقيت مكة", "نُشر بتاريخ 23 أبريل 2018 الساعة 07:58 م".
DATE_LINE_CUE = re.compile(
    r"\d{1,2}:\d{2}|آخر\s+تحديث|تاريخ\s+النشر|بتاريخ|نُ?شر\s+في|بتوقيت|\d\s*هـ\s*الموافق"  # "1436 هـ الموافق"
)
# Items between pipes may be longer link texts ("خدمة آخر خبر للرسائل النصية").
PIPE_MENU_MAX_ITEM_WORDS = 7


def is_menu(text: str) -> bool:
    """Many short items between separators, however long the line: a site menu, not prose."""
    items = [item for item in MENU_SEPARATOR.split(text) if item.strip()]
    if len(items) < MENU_MIN_ITEMS or SENTENCE_END.search(text):
        return False
    return all(word_count(item) <= MENU_MAX_ITEM_WORDS for item in items)


def is_breadcrumb(text: str) -> bool:
    """"الرئيسية › رياضة", "الرئيسية / أخبار / العالم": a trail that starts at a menu word."""
    items = [item.strip() for item in BREADCRUMB_SEPARATOR.split(text)]
    if len(items) < 2 or not all(items) or SENTENCE_END.search(text):
        return False
    return is_navigation_word(items[0]) and all(word_count(item) <= MENU_MAX_ITEM_WORDS for item in items)


def is_pipe_menu(text: str) -> bool:
    """"خدمة آخر خبر | RSS | Twitter | Facebook": links between pipes, however many words."""
    items = [item for item in text.split("|") if item.strip()]
    if len(items) < MENU_MIN_ITEMS - 1 or SENTENCE_END.search(text.rstrip("| ")):
        return False
    return all(word_count(item) <= PIPE_MENU_MAX_ITEM_WORDS for item in items)


def is_policy_notice(text: str) -> bool:
    return len(set(match.group(0) for match in POLICY_CUES.finditer(text))) >= 2


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
    if POPULAR_MARKER.match(text):
        return "popular"
    if READ_ALSO_MARKER.match(text):
        return "read_also"
    if READ_ALSO_INLINE.match(text) or (READ_ALSO_BARE.match(text) and word_count(text) <= 22):
        return "related_inline"
    if TAG_LINE_LABEL.match(text) or HASHTAG_LINE.match(text):
        return "tags"
    if SOURCE_LINE.match(text) and word_count(text) <= 10:
        return "source"
    if (BOILERPLATE.search(text) and word_count(text) <= 25) or is_policy_notice(text):
        return "boilerplate"
    if BULLET_ITEM.match(text):
        return "bullet"
    desk, headline = split_wire_desk(text)
    if desk and is_title_like(headline):
        return "short"  # "اقتصادي / ارتفاع أسعار النفط": a wire headline under its desk
    if is_breadcrumb(text):
        return "navigation"
    if AUTHOR_LINE.match(text) and word_count(text) <= 8:
        return "byline"
    if BYLINE.match(text) and word_count(text) <= 7 and not find_date(text):
        return "byline"  # "سكاي نيوز عربية - 18 فيفري 2018" is an outlet and a date, not a byline
    if is_menu(text) or is_pipe_menu(text):
        return "navigation"
    site_title = TITLE_WITH_SITE.match(text)
    if site_title and is_title_like(site_title.group("title")):
        return "short"
    if is_body_like(text):
        return "body"
    if find_date(text) and (word_count(text) <= 8 or DATE_LINE_CUE.search(text)):
        return "date"
    if RELATIVE_TIME.match(text):
        return "date"  # "منذ 5 ساعات", "أمس": a time with no day to read off
    if is_navigation(text):
        return "navigation"
    if is_title_like(text):
        return "short"
    return "unknown"


def segment(text: str) -> list[Block]:
    blocks = split_blocks(text)
    for block in blocks:
        block.role = classify_line(block.text)
    drop_repeated_teasers(blocks)
    drop_stray_prose(blocks)
    return blocks


def drop_repeated_teasers(blocks: list[Block]) -> None:
    """A long unpunctuated line that the page shows twice is a teaser card's headline (rendered
    pages repeat them for two screen sizes), not a paragraph of the article."""
    counts = Counter(block.text for block in blocks if block.role == "body")
    for block in blocks:
        if block.role == "body" and counts[block.text] > 1 and not SENTENCE_END.search(block.text):
            block.role = "navigation"


# Body lines this many lines apart (or closer) belong to one run of prose.
RUN_GAP = 3
# A run above the page's main run is stray when it is this small and this far from the next one.
STRAY_MAX_LINES, STRAY_MAX_WORDS, STRAY_MIN_DISTANCE = 2, 40, 6
# Lines between a stray run and the next are site chrome: menu items, widget labels, times.
CHROME_MEDIAN_WORDS = 2
# Roles between two runs that tie the first to what follows: it is an article of its own.
ARTICLE_ENDINGS = {"source", "tags", "read_also", "related_inline"}


def drop_stray_prose(blocks: list[Block]) -> None:
    """Re-label as navigation the lone long lines well above the page's largest run of prose,
    when what separates them from it is site chrome (one- and two-word lines).

    Pages rendered from HTML repeat the headline with the site's name at the top, or carry a
    menu without separators that is long enough to look like prose; taken as body they start
    the article too early. A run that ends with its own source or tags line, or is followed
    by a read-also marker, is an article and stays.
    """
    runs = _body_runs(blocks)
    if len(runs) < 2:
        return
    main = max(range(len(runs)), key=lambda k: sum(word_count(blocks[j].text) for j in runs[k]))
    for k in range(main):
        run, following = runs[k], runs[k + 1]
        words = sum(word_count(blocks[j].text) for j in run)
        distance = following[0] - run[-1]
        gap = blocks[run[-1] + 1 : following[0]]
        if (
            len(run) <= STRAY_MAX_LINES
            and words <= STRAY_MAX_WORDS
            and distance >= STRAY_MIN_DISTANCE
            and not {block.role for block in gap} & ARTICLE_ENDINGS
            and statistics.median(word_count(block.text) for block in gap) <= CHROME_MEDIAN_WORDS
        ):
            for j in run:
                blocks[j].role = "navigation"


def _body_runs(blocks: list[Block]) -> list[list[int]]:
    """Positions of body lines, grouped into runs that no more than RUN_GAP lines separate."""
    runs: list[list[int]] = []
    for position, block in enumerate(blocks):
        if block.role != "body":
            continue
        if runs and position - runs[-1][-1] <= RUN_GAP:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs


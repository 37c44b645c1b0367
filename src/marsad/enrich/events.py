"""Article stage: events (who met, called, visited, signed, announced, attacked ... whom,
where, when, for how long, at which summit), with participants resolved to entities.

    add_events(article)  # after entities; article.published resolves "مساء يوم الأربعاء"

Each rule in TRIGGERS is a named regex for one way Arabic news reports an event type: a
verb ("التقى", "سيزور"), a light verb with its noun ("أجرى اتصالا هاتفيا", "عقد قمة") or a
noun whose participants are attached to it ("لقاء بوتين وبزكشيان", "اللقاء الذي جمع X
وY", "القمة المرتقبة لترامب مع كيم"). A trigger inside a wish, a call, a denial or a
cancellation ("أعرب عن أمله في أن ... التوقيع", "دعت إلى اجتماع", "ألغى لقاء") reports no
event. Participants are the actors of the trigger's clause (people, organisations,
countries acting as a whole; never a place after "في" nor the speaker who reports it).
Location, occasion ("على هامش قمة حلف الناتو"), duration ("لمدة ساعة تقريبا") and date come
from the trigger's sentence and from later sentences that refer back to the event ("وعُقد
اللقاء في ...", "واستمر اللقاء لنحو 45 دقيقة"). Mentions of one event in an article are
merged; the store merges them across articles (`marsad.store.events`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from marsad.arabic.normalize import normalize_word as key  # cached: hot in the clause scans
from marsad.enrich import cameo
from marsad.enrich.durations import find_durations
from marsad.enrich.language import read_as_arabic
from marsad.enrich.quotes import (
    COMPLEMENTIZER,
    FAMILIES,
    OFFICE_HEADS,
    QUOTE_MARKS,
    TITLE_HEADS,
    UNNAMED_SOURCES,
    WHAT_SUBJECT,
    WORD,
    EntitySpan,
    Reading,
    read_speech,
    word_count,
)
from marsad.enrich.resolve import BODY_HEADS, PLACE_NOUNS, TITLE_WORDS
from marsad.enrich.span_trim import DAYS, TIMES_OF_DAY, is_nationality, reads_as, reads_as_name_in_ya
from marsad.extract.relative_dates import find_dates
from marsad.knowledge import country_of_word, load_knowledge, place_of
from marsad.model import Article, Entity, Event

# An event keeps at most this many sentences as evidence, each cut to this many characters.
MAX_EVIDENCE, EVIDENCE_CHARS = 3, 240
# Words between a noun trigger and the last participant attached to it ("لقاء بوتين وبزكشيان").
NOUN_REACH_WORDS = 14
# A subject written before its verb stands at most this many words before it ("فواشنطن،
# التي تستعد لفرض"); farther back it belongs to another verb.
SUBJECT_REACH_WORDS = 3
# A possessive pronoun at a visit or event noun's end ("زيارته", "وصولهما").
POSSESSIVE_END = re.compile(r"(?:ه|ها|هم|هما)$")
# Words before a competition's name ("كأس السوبر", "دوري أبطال آسيا"), which takes no part.
COMPETITIONS = frozenset(key(w) for w in "كأس بطولة دوري مباراة".split())
# "وحضر الاجتماع X، وY": those who attended the meeting reported before, not a meeting of theirs.
ATTEND_VERBS = frozenset(key(w) for w in "حضر وحضر يحضر ويحضر".split())
# A title before these words is another clause's ("قام الامير X بتحديد ... ولكن اتى نادي
# العربي القطري واتفق مع كارينيو").
CLAUSE_BREAK = re.compile(r"(?<![\w])[وف]?(?:لكن|ثم)(?![\w])")
# Words before a trigger searched for a wish, call, denial or cancellation.
MODALITY_REACH_WORDS = 9


@dataclass
class ExtractedEvent(Event):
    """An event with what the page-output contract adds to the shared record."""

    status: str = "happened"  # "happened" | "planned"
    countries: dict[str, str] = field(default_factory=dict)  # participant -> ISO country, when known
    evidence: list[str] = field(default_factory=list)  # sentences that report it


MARKS = "[\u064b-\u065f\u0670]*"  # harakat and shadda a writer may add ("وعُقد", "رحّب")


def _forms(words: str, marks: bool = True) -> str:
    """A regex alternation of written forms, tolerant of hamza/alef spellings and harakat."""
    table = {"أ": "[أاإ]", "إ": "[إاأ]", "ى": "[ىي]", "ة": "[ةه]"}
    forms = sorted(set(words.split()), key=len, reverse=True)
    after = MARKS if marks else ""
    alternatives = (
        "".join(table.get(ch, re.escape(ch)) + (after if ch.isalpha() else "") for ch in form)
        for form in forms
    )
    return "(?:" + "|".join(alternatives) + ")"


def _rule(pattern: str) -> re.Pattern:
    """A trigger: optional و/ف and future سـ before, whole words, tanween after."""
    return re.compile(rf"(?<![\w])(?:[وف])?(?P<fut>س(?=[يت]))?(?:{pattern})[\u064b]?(?![\w])")


MEETING_NOUNS = (
    "لقاء اللقاء لقاءه لقائه لقاءها لقائها لقاءهما لقائهما للقاء بلقاء اجتماع الاجتماع اجتماعه اجتماعهما "
    "اجتماعات الاجتماعات قمة القمة قمته قمتهما للقمة محادثات المحادثات محادثاته محادثاتهما مباحثات المباحثات"
)
# Meetings in the plural open an event ("أجرى لقاءات مع X وY") but name none again ("مثل هذه اللقاءات").
PLURAL_MEETINGS = "لقاءات اللقاءات"
VISIT_NOUNS = "زيارة الزيارة زيارته زيارتها زيارتهما بزيارة لزيارة وصول وصوله بوصوله لوصول"
# Word lists of the rules below, one verb form per word (masculine/feminine, past/present).
MEET_VERBS = (
    "التقى التقت التقيا التقوا التقتا يلتقي تلتقي يلتقيان تلتقيان اجتمع اجتمعت اجتمعا اجتمعوا يجتمع تجتمع "
    "يجتمعان تباحث تباحثا تباحثت يتباحث يتباحثان بحث بحثت بحثا يبحث تبحث يبحثان صافح صافحت تصافح"
)
HOLD_VERBS = "عقد عقدت عقدا يعقد تعقد يعقدان أجرى أجرت أجريا يجري تجري يجريان"
HOLD_NOUNS = "لقاء لقاءا اجتماعا اجتماع قمة محادثات مباحثات مشاورات اجتماعات لقاءات"
HOLDER_TITLES = "الأمير الملك الرئيس الشيخ صاحب خادم ولي"  # a holder's long title chain may follow
CALL_VERBS = "أجرى أجرت يجري تجري أجريا تلقى تلقت يتلقى"
CALL_NOUNS = "اتصالا اتصال مكالمة محادثة مباحثات مشاورات اتصالات"
PHONE_WORDS = "هاتفيا هاتفي هاتفية الهاتفية الهاتفي"
TALK_VERBS = "تحدث تحدثا تحدثت بحث بحثا تباحث تباحثا ناقش يبحث تشاور"
SIGN_VERBS = "وقع وقعت وقعا يوقع توقع التوقيع توقيع وقعوا"
AGREEMENT_NOUNS = "اتفاق اتفاقا اتفاقية اتفاقيات مذكرة معاهدة وثيقة"
STRIKE_VERBS = "شن شنت يشن تشن شنا شنوا شنتها شنها نفذ نفذت نفذتها نفذها وجه وجهت"
STRIKE_NOUNS = "هجوم هجوما هجمات غارة غارات ضربة ضربات عملية"
# "من" between a person and an organisation: the body he is from ("روبرت بارو من جامعة هارفارد").
AFFILIATION = re.compile(r"\s+من\s+")
# Verbs of condemning before an attack's noun ("دانت X قصف المتمردين ..."): X did not strike.
CONDEMNED = re.compile(
    r"(?<![\w])[وف]?(?:دان|دانت|أدان|أدانت|ادان|ادانت|استنكر|استنكرت|شجب|شجبت|ندد|نددت)(?![\w])"
)
# What an "operation" carried out may be other than an attack ("نفذ علماء عملية محاكاة").
PEACEFUL_OPERATIONS = (
    "محاكاة جراحية جراحة تجميل زراعة زرع ولادة قيصرية إنقاذ انقاذ إجلاء اجلاء إغاثة اغاثة بيع شراء "
    "استحواذ اكتتاب طرح تصويت فرز إحصاء احصاء تبادل صيانة تطوير تحديث نقل تسليم"
)
PEACEFUL = "|".join(PEACEFUL_OPERATIONS.split())
# Who strikes when the verb is "هاجم"/"استهدف", which also criticise or aim a policy at someone.
ARMED = (
    "مسلحون مسلحين مسلح طائرة طائرات مسيرة مسيرات مقاتلات صاروخ صواريخ قذيفة قذائف ميليشيا ميليشيات "
    "مليشيا مليشيات"
)
ARMED_VERBS = "هاجم هاجمت هاجموا يهاجم تهاجم استهدف استهدفت يستهدف تستهدف"
# What makes an explosion an attack: "سيارة مفخخة", "عبوة ناسفة", "تفجير انتحاري".
BOMBS = "مفخخة ناسفة انتحاري انتحارية انتحاريا"
PROTEST_VERBS = "خرج خرجت خروج شهد شهدت تشهد اندلعت نظم نظمت ينظم تنظيم سينظم يحتشد احتشد"
PROTEST_NOUNS = "مظاهرات مظاهرة احتجاجات احتجاج تظاهرات تظاهرة اعتصام مسيرة مسيرات المتظاهرين احتجاجا"


@dataclass(frozen=True)
class Trigger:
    name: str
    type: str
    pattern: re.Pattern
    form: str = "verb"  # "verb" | "noun" | "host" | "statement"


def _triggers(marks: bool) -> list[Trigger]:
    """The rules, written once; `marks` lets every letter carry harakat (slower: used only on
    texts that have any)."""

    def f(words: str) -> str:
        return _forms(words, marks)

    def then(first: str, second: str, gap: int) -> str:
        """Words of `first`, up to `gap` words, then words of `second` ("أجرى ... اتصالا")."""
        return rf"(?:{f(first)})\s+(?:\S+\s+){{0,{gap}}}?(?:{f(second)})"

    def then_titled(first: str, second: str, gap: int) -> str:
        """As `then` for a verb whose subject opens with a title, with no full stop between: a
        host's titles may run long ("عقد الأمير محمد بن سلمان بن عبد العزيز ولي ولي العهد النائب
        الثاني لرئيس مجلس الوزراء وزير الدفاع السعودي في مكتبه بجدة أمس اجتماعًا")."""
        return rf"(?:{f(first)})\s+(?={f(HOLDER_TITLES)}\s)(?:[^\s.!؟]+\s+){{0,{gap}}}?(?:{f(second)})"

    def any_of(*patterns: str) -> re.Pattern:
        return _rule("|".join(patterns))

    return [
        # "أجرى العاهل السعودي اتصالا هاتفيا بالرئيس التركي", "تحدث هاتفيا", "مباحثات هاتفية"
        Trigger(
            "phone_call",
            "call",
            any_of(
                then(CALL_VERBS, "اتصالا اتصال مكالمة", 8) + rf"\s+{f('هاتفيا هاتفي هاتفية')}",
                then(CALL_NOUNS, PHONE_WORDS, 0),
                then(TALK_VERBS, "هاتفيا", 3),
                f("هاتف هاتفت"),
                f("اتصل اتصلت يتصل تتصل"),  # "اتصل الرئيس بايدن بالعاهل الأردني"
            ),
        ),
        # "التقى الرئيس التركي ... بنظيره الأمريكي", "يلتقي", "اجتمع", "تباحث ... مع"
        Trigger("meet_verb", "meeting", _rule(f(MEET_VERBS))),
        # "تناول خادم الحرمين ... مع سمير جعجع مستجدات الأوضاع": discussed with
        Trigger("discuss_with", "meeting", _rule(then("تناول تناولت يتناول تتناول", "مع", 12))),
        # "استقبل X Y" (X hosts Y), "كان في استقباله X"
        Trigger(
            "host_verb",
            "meeting",
            any_of(
                f("استقبل استقبلت يستقبل تستقبل"),
                rf"كان في {f('استقباله استقبالها استقبالهما')}",
                # "وجاء تصريح الأمير خليفة أثناء استقباله ... وفدًا": whom he received
                rf"{f('لدى خلال أثناء عند')}\s+{f('استقباله استقبالها')}",
            ),
            "host",
        ),
        # "عقد قمة", "أجرى محادثات", "يجري مباحثات"
        # (the host's name and titles may stand between: "عقد خادم الحرمين ... في قصر العوجا، اليوم
        # الخميس، جلسة مباحثات")
        Trigger(
            "hold_meeting",
            "meeting",
            any_of(
                then(HOLD_VERBS, HOLD_NOUNS, 14) + r"(?![\w])",
                then_titled(HOLD_VERBS, HOLD_NOUNS, 24) + r"(?![\w])",
                then(HOLD_VERBS, "جلسة", 14) + r"(?![\w])",  # "عقد مجلس الأمن جلسة طارئة"
            ),
        ),
        # "لقاء بوتين وبزكشيان", "اللقاء الذي جمع", "القمة المرتقبة لترامب مع كيم"
        Trigger("meeting_noun", "meeting", _rule(f(f"{MEETING_NOUNS} {PLURAL_MEETINGS}")), "noun"),
        # "زار", "يزور", "وصل إلى موسكو", "يحل ضيفا"
        Trigger(
            "visit_verb",
            "visit",
            any_of(
                f("زار زارت زارا يزور تزور زارها"),
                # the visitor's titles may stand between: "وصل صاحب السمو ... مستشار خادم الحرمين أمس إلى"
                rf"{f('وصل وصلت يصل تصل وصلا')}(?=\s+(?:[^\s.]+\s+){{0,22}}?(?:إلى|الى|{f('العاصمة')}))",
                rf"{f('يحل حل')}\s+{f('ضيفا')}",
            ),
        ),
        Trigger("visit_noun", "visit", _rule(f(VISIT_NOUNS)), "noun"),
        # "وقع اتفاقا", "توصلا إلى اتفاق", "اتفقتا على"
        Trigger(
            "sign_agreement",
            "agreement",
            any_of(
                then(SIGN_VERBS, AGREEMENT_NOUNS, 14),  # "ووقع المندوب الدائم ... المعلمي على اتفاقية"
                then("توصل توصلت توصلا توصلتا توصلوا", "اتفاق لاتفاق اتفاقا", 5),
                then("اتفق اتفقت اتفقا اتفقتا اتفقوا اتفقنا", "على", 14),
                f("أبرم أبرمت"),
            ),
        ),
        # "أعلن X", "في بيان", "أصدر بيانا", "مؤتمر صحفي"
        Trigger("announce", "statement", _rule(f("أعلن أعلنت أعلنا"))),
        Trigger(
            "communique",
            "statement",
            any_of(
                rf"(?:في|فى)\s+{f('بيان بيانه بيانها')}",
                then("أصدر أصدرت", "بيانا بيان", 6),  # "أصدرت وزارة الخارجية القطرية بيانا"
                then("مؤتمر مؤتمره مؤتمرها", "صحفي صحافي الصحفي الصحافي", 0),
            ),
            "statement",
        ),
        # "شنت غارات", "قصفت", "وجه ضربة جوية", "الضربات التي شنتها", "الهجوم الذي وقع"
        Trigger(
            "strike",
            "attack",
            any_of(
                then(STRIKE_VERBS, STRIKE_NOUNS, 4) + rf"(?!\s+(?:ال)?(?:{PEACEFUL}))",
                rf"{f('قصف قصفت يقصف تقصف قصفتها')}(?=\s)",
                then(ARMED_VERBS, ARMED, 2),  # "هاجم مسلحون نقطة تفتيش"
                then(ARMED, ARMED_VERBS, 2),  # "طائرة مسيرة حوثية استهدفت"
                then("انفجرت انفجار تفجير تفجيرا انفجر", "سيارة عبوة قنبلة", 1) + rf"\s+{f(BOMBS)}",
                then("انفجار تفجير تفجيرا هجوم هجوما", BOMBS, 0),
                rf"{f('الضربة الضربات الغارة الغارات الهجوم الهجمات')}(?:\s+\S+){{0,2}}?\s+(?:التي|الذي)\s+"
                rf"{f('شنتها شنها نفذتها نفذها شنوها وقع وقعت استهدف استهدفت')}",
            ),
        ),
        # "خرجت مظاهرات", "تشهد ... احتجاجات", "من المقرر خروج عدة احتجاجات"
        Trigger(
            "protest",
            "protest",
            any_of(then(PROTEST_VERBS, PROTEST_NOUNS, 6), f("تظاهر تظاهروا احتج احتجوا")),
        ),
        Trigger(
            "ceasefire",
            "ceasefire",
            _rule(
                then("أعلن أعلنت توصل توصلا اتفق اتفقا دخل يسري سرى بدأ", "وقف هدنة", 5)
                + rf"(?:\s+{f('إطلاق لإطلاق')}\s+النار)?"
            ),
        ),
        Trigger(
            "sanction", "sanction", _rule(then("فرض فرضت يفرض تفرض لفرض بفرض", "عقوبات العقوبات حظرا", 4))
        ),
        Trigger(
            "election",
            "election",
            any_of(
                then("جرت أجريت تجرى تجري انطلقت", "الانتخابات انتخابات الاقتراع", 2),
                then("انتخابات الانتخابات", "جرت أجريت", 3),
            ),
        ),
        Trigger("negotiation", "negotiation", _rule(f("مفاوضات المفاوضات")), "noun"),
    ]


TRIGGERS = _triggers(marks=True)
PLAIN_TRIGGERS = _triggers(marks=False)  # for texts without harakat, most news
HARAKAT = re.compile("[\u064b-\u065f\u0670]")
# Nouns that refer back to an event already reported ("وعُقد اللقاء في ...").
ANAPHORS = {
    "meeting": re.compile(
        rf"(?<![\w])(?:[وف]?(?:ب|ل)?)(?:{_forms(MEETING_NOUNS)}|{_forms('خلالها خلاله')})(?![\w])"
    ),
    "visit": re.compile(rf"(?<![\w])(?:[وف]?(?:ب|ل)?)(?:{_forms(VISIT_NOUNS)})(?![\w])"),
    "call": re.compile(rf"(?<![\w])(?:[وف]?(?:ب|ل)?)(?:{_forms('الاتصال المكالمة')})(?![\w])"),
}
# "to" before a destination that may be no named place ("إلى المملكة").
TOWARDS = re.compile(r"(?<![\w])(?:إلى|الى)\s")
# After an event noun: another one, not the one reported before ("قمة أخرى", "لقاء جديد").
ANOTHER = {
    key(w) for w in "أخرى آخر جديد جديدة ثانية ثان ثاني مقبلة مقبل المقبلة المقبل القادمة القادم".split()
}
# Before "في" + an organisation: people inside it, not a place ("مصادر في الحكومة اليابانية").
INSIDERS = UNNAMED_SOURCES | {  # "وعدد من المسؤولين في الحكومة الأردنية": its staff, not a venue
    key(w)
    for w in "عضو أعضاء المسؤولين المسؤولون مسؤولي المسئولين المسئولون مسئولي الموظفين موظفي العاملين".split()
}
# A wish, proposal, call, threat, denial or cancellation before a trigger: no event.
MODALITY_WORDS = (
    "أمل أمله أملها يأمل تأمل نأمل دعا دعت يدعو تدعو الدعوة للدعوة دعوة طالب طالبت يطالب اقترح اقترحت "
    "حث حثت يحث تحث إجبار لإجبار يجبر تجبر "  # "حثت ... المجتمع الدولي على إجبار البرلمان على توقيع"
    "يقترح ألغى ألغت ألغي يلغي إلغاء لإلغاء رفض رفضت يرفض نفى نفت ينفي لم لن إمكانية احتمال باحتمال احتمالات "
    "احتمالية هدد هددت يهدد تهدد تهديد يسعى تسعى بهدف يدرس يتوقع توقع "
    "تأجيل أجلت أرجئت المفترض المفترضة نفي نفيه نفيها "  # "تم تأجيل زيارة ظريف", "نفيه أي لقاء"
    "يسمح تسمح إذا اذا"  # "يسمح القرار بإعادة فرض العقوبات", "إذا زار": allowed or supposed
)
MODALITY = re.compile(rf"(?<![\w])[وف]?(?:{_forms(MODALITY_WORDS)}|في\s+حال)(?![\w])")  # "وفي حال حصلت زيارة"
# An invitation: its verb anywhere in the clause before "إلى" + a trigger noun.
INVITED_WORDS = "دعا دعت يدعو تدعو دعاه دعاها دعوة دعوته الدعوة وجه وجهت"
INVITED = re.compile(rf"(?<![\w])[وف]?(?:{_forms(INVITED_WORDS)})(?![\w])")
PURPOSE_LEADS = {key(w) for w in "لإجراء للقيام لأداء".split()}  # "الدعوة للرئيس لإجراء زيارة"
# Cancellation after a trigger: "اللقاء الذي كان مقررا ... قد ألغي".
CANCELLED = re.compile(rf"(?<![\w])(?:{_forms('ألغي ألغيت أُلغي إلغاء تأجيل أرجئ')})(?![\w])")
# Planning words before a trigger or attached to its noun.
PLANNED_WORDS = (
    "المقرر المقررة مقرر المرتقب المرتقبة مرتقب مرتقبة المزمع المزمعة مزمع يعتزم تعتزم المنتظر المنتظرة "
    "المقبل المقبلة القادم القادمة يستعد تستعد سيعقد ستعقد ستجري سيجري ستجمع ستجمعه سيجمع "
    "ينتظر تنتظر ينتظرون يترقب تترقب يترقبون "  # "في حين ينتظر وصول X": awaited
    "سوف "  # "سوف تكون على الطاولة مجددا في لقاءات الجبير في روسيا"
    "يتوقع توقع تتوقع المتوقع"  # of a meeting, visit or call ("يتوقع لقاء كيم في مايو")
)
# Expecting a meeting, visit or call is planning it; expecting anything else is no event.
EXPECTED = frozenset(key(w) for w in "يتوقع توقع تتوقع".split())
SCHEDULED_TYPES = frozenset({"meeting", "visit", "call"})
PLANNED = re.compile(rf"(?<![\w])[وف]?(?:{_forms(PLANNED_WORDS)})(?![\w])")
# An agreement or decision to hold it, right before a trigger: it is still to come.
AGREED_TO = re.compile(r"(?<![\w])(?:[وف]?(?:(?:ال)?اتفاق|اتفق[تاو]*)\s+على|[وف]?قرر[تاو]*)\s+$")
# A summit's own verb right after it: "القمة العربية ستعقد في ...", "القمة التي عقدت".
HELD = re.compile(rf"(?:(?:التي|الذي)\s+)?(?:[وف]?س)?{_forms('عقدت تعقد انعقدت تنعقد عقد يعقد')}(?![\w])")
# A verb in the future (سـ + imperfect) after a noun trigger: "القمة ... ستعقد".
FUTURE_VERB = re.compile(r"(?<![\w])[وف]?س[يت][\u0600-\u064a]{2,}")
# Words that end a trigger's clause: its topic ("لبحث ..."), another clause, a report.
CLAUSE_END_WORDS = (
    "لبحث لمناقشة للبحث لإجراء للتباحث بشأن حول وذلك حيث فيما بينما وسط بعد عقب إثر أعرب تناول وتناول تناولت "
    "لتعزيز لضمان لتفادي وتبادلا ردا حسب بحسب وفقا وفق طبقا نقلت نقلا يجري خلالها بعدما عندما حين لأن كما "
    "لتهدئة لطمأنة لتسوية لتنسيق "  # "حيث سيلتقي نظراءه ... لتهدئة مخاوفهم الناتجة عن الاتفاق ... مع إيران"
    "محاولة بهدف سعيا أملا "  # "التقى ... نتنياهو في محاولة لتهدئة قلق اسرائيل حيال الاتفاق ... بين ايران"
    "تقضي يقضي تنص ينص "  # "وقعت X اتفاقية مع Y تقضي بتوريد [ميثيلين ...]": what it provides for
    "ثم لكن لكنه لكنها لكنهم "  # "واتفق مع كارينيو ... ثم تمت مخاطبة الروماني اولاريو كوزمين": another clause
    "لوقف لمنع لمكافحة لمواجهة"  # "اتفقا أثناء اتصال هاتفي على العمل معا لوقف ... حدود تركيا مع سوريا"
)
# "When" opening a clause of its own: what stands before it is another clause's.
WHEN = re.compile(rf"(?<![\w])[و]?(?:{_forms('عندما حينما حين بينما')})(?![\w])")
SPOKEN_FOR = re.compile(r"(?<![\w])(?:متحدث|المتحدث|ناطق|الناطق|متحدثة|المتحدثة)\s+(?:باسم|بإسم)")
# What a meeting is about: the places after these words are its topic ("لبحث الأوضاع في السودان").
TOPIC = re.compile(rf"(?<![\w])(?:{_forms('لبحث لمناقشة للبحث للتباحث بشأن حول')})(?![\w])")
# A figure or a stage after "وصل إلى": an amount or a point reached, not a place.
AMOUNT_WORDS = (
    "نحو حوالي أكثر أقل قرابة مستوى مستويات أعلى أدنى ذروة "
    "حد حدود مرحلة المرحلة درجة طريق نهاية ذات نفس نتيجة النتيجة نتائج النتائج قناعة"  # a stage or
    # a result: "وصل دي مستورا إلى ذات النتائج السابقة", "وصلت المفاوضات إلى طريق مسدود"
)
AMOUNT = re.compile(rf"(?:\d|[٠-٩]|{_forms(AMOUNT_WORDS)}(?![\w]))")
# A meeting verb's talks held by phone: "بحث X ونظيره Y خلال اتصال هاتفي".
BY_PHONE = re.compile(
    rf"(?<![\w])(?:{_forms('خلال في عبر')})\s+{_forms('اتصال مكالمة محادثة')}\s+"
    rf"{_forms('هاتفي هاتفية')}(?![\w])"
)
# Verbs whose object is the topic: a country after them is discussed, not visited.
DISCUSS_VERBS = (
    "بحث بحثا بحثت يبحث تبحث يبحثان تباحث تباحثا ناقش ناقشا ناقشت تناول تناولا تناولت تطرق تطرقا تطرقت"
)
DISCUSS = re.compile(rf"[وف]?س?(?:{_forms(DISCUSS_VERBS)})")  # "سيبحث": will discuss
# Where a statement's reported words begin: "أن/إن", a quotation mark or a colon.
REPORTED = re.compile(rf"{COMPLEMENTIZER.pattern}|[{QUOTE_MARKS}:]")
# A newspaper or channel that "holds a meeting" with someone interviews him.
MEDIA_HEADS = frozenset(key(w) for w in "صحيفة جريدة مجلة قناة إذاعة تلفزيون موقع برنامج".split())
# "نظيره", "بنظيرته", "نظيريه": a counterpart, who meets with the subject.
COUNTERPART_WORD = re.compile(r"ب?نظير(?:ه|ته|يه|ها|هم|هما)")
DURING_LEADS = frozenset(key(w) for w in "خلال أثناء".split())  # key folds "اثناء" in
# A phrase of time put before the verb: the names in it are no subject when one follows the verb.
FRONTED_TIME = re.compile(r"(?<![\w])[وف]?(?:خلال|أثناء|اثناء|عقب|إبان|ابان)\s")
ACTOR_TYPES = ("PER", "ORG", "LOC")  # a country signs too ("وقعت المالديف اتفاقا")
DURING = {"خلالها", "خلاله"}  # right after a verb, "during it" ends no clause
# A verb telling what happened in it ("اتصالا هاتفيا ... أدان فيه التفجير الذي استهدف مسجد X"):
# a new clause, unless a partner follows ("بحث فيه مع X").
IN_IT_VERB = re.compile(r"(?<![\w])[\w]{3,}\s+(?:فيه|فيها|خلاله|خلالها)(?![\w])(?!\s+مع(?![\w]))")
# What a discussion verb's object names: the names after it are its topic, not parties ("بحث
# الاتفاق بين الغرب وإيران"), unless a partner follows with مع ("بحث العلاقات مع نظيره X").
TOPIC_NOUNS = {
    key(w)
    for w in "العلاقات علاقات الاتفاق الاتفاقية الاتفاقيات التطورات تطورات المستجدات مستجدات الأوضاع "
    "أوضاع الوضع الأزمة أزمة الملف ملف الملفات القضية القضايا قضايا سبل آخر التعاون أوجه المسائل "
    "الموضوعات الشأن الشأنين الجهود الخطوات البرنامج "
    "آلية آليات تنفيذ خطة خطط الخطة آفاق فرص نتائج مستقبل مسار سير ترتيبات الترتيبات إمكانية إمكانيات".split()
}
ACCREDITED = key("لدى")  # "السفير الألماني لدى المملكة": a place in an envoy's title
# Words before a place right after a visit verb that make it no destination ("زار ... لدى المملكة").
NOT_VISIT_OBJECT = {key(w) for w in "من بين و لدى".split()}
# "هذه الزيارة": the event named before, again.
DEMONSTRATIVES = {key(w) for w in "هذه هذا تلك ذلك".split()}
AROUND_EVENT = {key(w) for w in "خلال وخلال أثناء وأثناء عقب وعقب بعد وبعد".split()}  # "وخلال اللقاء"
WHILE_IN = {key(w) for w in "خلال وخلال أثناء وأثناء لدى ولدى".split()}  # the event is under way
OWN_PARTIES = {key(w) for w in "مع بين الذي التي".split()}  # "خلال اللقاء الذي جمعه مع"
ATTENDED = {key(w) for w in "حضره حضرها حضراه شهده شهدها".split()}  # whoever attended takes no new part
# A discussion verb after a trigger ("اتصالا ... بحثا خلاله التطورات في غزة"): what follows is the topic.
DISCUSS_WORD = re.compile(rf"(?<![\w])[وف]?(?:{_forms(DISCUSS_VERBS)})(?![\w])")
# "أن طائراته قصفت": the speaker's planes, troops or army struck.
OWN_FORCES = re.compile(r"[أإا]ن\s+\S+(?:ه|ها)\s*$")
PREPOSITIONS = {key(w) for w in "في من إلى الى على عن".split()}  # before a verb's letters: a noun
# Nouns whose complement is "بحث" the noun (research, search): "محرك بحث", "مركز بحث".
# ("في إطار بحث يتعلق بالحياة الفطرية": a noun in construct after "إطار" is no verb either.)
RESEARCH_HEADS = {key(w) for w in "محرك محركات مركز مراكز معهد إطار".split()}
NOUN_LEADS = PREPOSITIONS | RESEARCH_HEADS
# Two sides of a match meeting ("والتقى اللاعبان في نهائي الدورة").
OPPONENTS = {
    key(w)
    for w in "اللاعبان الفريقان المنتخبان الناديان المدربان اللاعبين الفريقين المنتخبين "
    "بفريق بمنتخب فريق منتخب "  # "عندما يلتقي بفريق غاز سبور التركي"
    "فريقه فريقها فريقنا فريقهم منتخبه منتخبها منتخبنا الفريق المنتخب".split()  # "حيث سيلتقي فريقه مع"
}
# "اجتمع فيها": "in which" right after a meeting verb; its subject comes within a few words.
IN_WHICH = {key(w) for w in "فيه فيها فيهم فيهما".split()}
IN_WHICH_REACH_WORDS = 4
# "يبحث X عن": looks for, no talks.
SEARCH_FORMS = {key(w) for w in "بحث بحثت بحثا يبحث تبحث يبحثون يبحثان ويبحث وتبحث فيبحث".split()}
SEARCHED_FOR = re.compile(r"(?<![\w])عن(?![\w])|(?<![\w])مع(?![\w])")
# The dead and unnamed people moved, received or arriving: no guest and no visitor.
REMAINS = "جثمان الجثمان جثامين جثة الجثة رفات"
DISPLACED = "لاجئا لاجئين اللاجئين مهاجرا مهاجرين المهاجرين نازحين النازحين"
# What "استقبل" receives when it is no named guest: news ("استقبل الوسط الرياضي خبر موافقة
# الوزير"), a crowd ("المواقع التي استقبلت الشباب") or a goal.
RECEIVED_THINGS = {
    key(w)
    for w in "خبر الخبر نبأ النبأ أنباء قرار القرار إعلان رسالة رسائل برقية برقيات تهنئة دعوة طلبات "
    "الطلبات شكاوى الشكاوى بلاغات البلاغات اتصالا اتصالات مكالمة "
    "جمهور الجمهور الجماهير جماهير الزوار زوار الحجاج حجاج المعتمرين الشباب السياح المصلين المهنئين "
    "المعزين المراجعين العزاء التهاني أعدادا أعداد "
    "الراغبين الراغبات المتقدمين المتقدمات المرضى الحالات المصابين الجرحى الطلاب الطالبات الطلبة "
    "المستفيدين المستفيدات "  # "يستقبل الفرع النسائي الراغبات بشغل 90 وظيفة"
    "حالة حالات مراجعا مراجعين مريضا "  # "واصلت العيادات ... استقبال المراجعين حيث استقبلت نحو 1600 حالة"
    "مرمى مرماه شباك شباكه هدفا هدفين هدفان أهدافا "  # "استقبل مرمى ستوك هدفا": a goal let in
    "الطائرة طائرة الطائرات الرحلة رحلة الرحلات "  # "واستقبل الطائرة عند وصولها، مدير المطار X"
    f"{REMAINS} {DISPLACED}".split()  # "استقبل وكيل المحافظة X جثمان الشهيد Y", "170 من اللاجئين"
}
# What arrives by "وصل" on no visit: cargo ("وصلت اليوم الطائرة الإغاثية إلى مطار عدن"), troops
# ("قوات برية وصلت إلى عدن") and a sports team or its coaches ("وصل منتخبنا إلى دبي").
ARRIVING_THINGS = {
    key(w)
    for w in "الطائرة طائرة الطائرات السفينة سفينة السفن الباخرة باخرة الشحنة شحنة القافلة قافلة "
    "المساعدات مساعدات الدفعة دفعة الحافلة القطار الرحلة الشحنات "
    "قوات القوات تعزيزات التعزيزات وحدات كتيبة الكتيبة كتائب الكتائب "  # "وصلت كتيبة عسكرية إماراتية"
    "المنتخب منتخب منتخبنا البعثة بعثة الفريق فريق الطاقم طاقم "
    f"{REMAINS} "  # "يصل مساء اليوم إلى المدينة المنورة جثمان الشهيد"
    "النسخة نسخة الكأس "  # "وصلت النسخة الأصلية من كأس السوبر إلى لندن"
    "الأمر الأمور الحال المطاف "  # "حتى وصل الأمر إلى حد أن": things came to a point
    "مصابا مصابين المصابين جرحى الجرحى مرضى المرضى حاجا حجاج الحجاج معتمرا معتمرين المعتمرين "
    f"{DISPLACED}".split()  # "وصل إلى عمّان 80 مصابا يمنيا": unnamed
}
# What "وصل إلى" reaches when it is no place: a state, a stage or a result ("وصلت إلى ضرورة الفصل").
REACHED_STATES = {
    key(w)
    for w in "ضرورة قناعة نتيجة نتائج مرحلة مراحل طريق حل تسوية الحكم السلطة الرئاسة نهائي النهائي "
    "الدور المربع مستوى مستويات درجة حد الحد مرتبة المرتبة ذروة".split()
}
VISITING_TIMES = {key(w) for w in "أوقات اوقات ساعات مواعيد".split()}  # "أوقات الزيارة": hours
# "بحثا أجراه X": a study someone made, not two parties who discussed.
STUDY_MAKERS = "أجراه أجرته أجراها أعده أعدته أعدها نشره نشرته قدمه قدمته"
STUDY_MADE = re.compile(rf"\s+(?:{_forms(STUDY_MAKERS)})(?![\w])")
# "الحج والعمرة والزيارة": the pilgrim's visit to the Prophet's mosque, a rite, not a visit.
PILGRIMAGES = {key(w) for w in "العمرة والعمرة للعمرة الحج والحج للحج".split()}
# What is visited when a visit noun names a building: "بزيارة منزل شاروخان" is his house.
VISITED_BUILDINGS = {key(w) for w in "منزل بيت قبر ضريح متحف معرض مقر مصنع مستشفى مدرسة جناح".split()}
# The bare verb "اتصل" reaches a person; "قضية تتصل بكسب غير مشروع" only relates to something.
BARE_CONTACT = {key(w) for w in "اتصل اتصلت يتصل تتصل".split()}
# An attack in words: "شن هجوما لاذعا على", "هجوما كاسحا على من وصفهم" (on people, not places).
VERBAL_ATTACK = re.compile(
    rf"\s*(?:(?:{_forms('لاذعا حادا كلاميا إعلاميا')})(?![\w])|(?:\S+\s+)?على\s+من(?![\w]))"
)
ARRIVAL_SUBJECT_WORDS = 8  # "قوات برية "محدودة" من دول التحالف وصلت": the subject and its modifiers
# Words between "وصل" and a subject after it: when, "to", and the place ("وصل الى مطار حائل الطاقم").
ARRIVAL_SKIPPED = DAYS | TIMES_OF_DAY | PLACE_NOUNS | {
    key(w) for w in "إلى الى مطار ميناء محطة العاصمة".split()
} | {
    key(w)  # an ordinal and a formula: "وصلت -بحفظ الله ـ اليوم ثاني طائرة إلى مطار عدن"
    for w in "أول أولى ثاني ثانية ثالث ثالثة رابع رابعة خامس خامسة آخر أخرى "
    "بحفظ بحمد بفضل بعون بإذن الله".split()
}
# Nouns before "وقف إطلاق النار" that watch or break a truce, not declare one.
TRUCE_WATCH = {key(w) for w in "مراقبة بمراقبة لمراقبة خرق لخرق خروقات انتهاك انتهاكات بانتهاك".split()}
# "قال X في اتصال هاتفي، إن": how X spoke to the reporter, no call between parties.
PHONE_LEADS = {key(w) for w in "في خلال عبر".split()}
CALL_NOUN_KEYS = {key(w) for w in CALL_NOUNS.split()}
INTERVIEW_REACH_WORDS = 8
# ... or further when the words between are the speaker's titles in apposition ("وقال الشيخ X،
# مفتي عام السعودية، رئيس هيئة كبار العلماء، ...، خلال اتصال هاتفي"): no أن and no comma-less run.
INTERVIEW_APPOSITION_WORDS = 30
# Words a family word may stand before the relative it is named after ("أسرة شيخ قبائل أكلب
# ورئيس مركز الثنية الشيخ سعيد آل عطيان").
FAMILY_REACH_WORDS = 10
# Honorifics that may stand between an event noun and the name they introduce.
HONORIFIC_LEADS = {
    key(w) for w in "صاحب السمو الملكي الأمير الأميرة الشيخ فخامة الرئيس معالي سعادة جلالة الملك سمو دولة "
    "السيد الدكتور".split()
}
# Where a call's partner would have to be named: the next comma or "أن".
INTERVIEW_STOP = re.compile(r"[،,:؛]|(?<![\w])[أإا]ن(?:ه|ها|هم)?(?![\w])")
EMPLOYER_GAP_WORDS = 4  # words between an employer and its person ("والدعوة والإرشاد الشيخ")
# Words that make a body named after a person his employer or club: "مبارك واكسو لاعب روبن كازان".
# Also its founder ("مؤسس مجموعة علي بابا الصينية، جاك ما").
MEMBER_OF = OFFICE_HEADS | {key(w) for w in "لاعب مدرب حارس مهاجم مدافع نجم مؤسس".split()}
# For parties that are no targets: what is done against someone, or an update on something,
# is the topic ("أطلع أردوغان ... نظيره الإيراني روحاني على سير العمليات ... ضد مواقع داعش").
TOPIC_OPENS = re.compile(r"(?<![\w])(?:ضد|على\s+(?:سير|مجريات|تطورات|آخر|نتائج))(?![\w])")
# "، وكان باستقباله أمير الكويت", "، وتم خلال الاجتماع": after a comma, "وكان/وتم" opens a
# clause of its own.
# A relative pronoun with و adds a clause about something named before ("مباحثات ... ركزت على
# علاقات التعاون ...، والتي كانت وجهات نظر خادم الحرمين وأخيه الملك عبدالله متطابقة حيالها").
# "while" before a verb: "خلال زيارة ... لبغداد أمس ... في وقت يحاول فيه العراق استعادة الرمادي"
WHILE_PATTERN = r"(?<![\w])[وف]?في\s+(?:وقت(?=\s+[يت]\w)|الوقت\s+الذي(?![\w]))"
CLAUSE_END = re.compile(
    rf"(?<![\w])[وف]?(?:{_forms(CLAUSE_END_WORDS)})(?![\w])|[؛:]|[،,]\s*و(?:كان|كانت|تم|من المقرر)(?![\w])"
    r"|(?<![\w])و(?:التي|الذي|اللتين|اللذين|الذين)(?![\w])"
    + "|"
    + WHILE_PATTERN
)
WHILE_CLAUSE = re.compile(WHILE_PATTERN)
# Cues before a summit or forum that make it the occasion of another event.
OCCASION_LEADS = _forms("خلال أثناء ضمن في إطار للمشاركة بمشاركة")
OCCASION_NOUNS = _forms(
    "قمة القمة منتدى المنتدى مؤتمر المؤتمر اجتماعات الجمعية دورة الدورة معرض ملتقى ألعاب الألعاب"
)
OCCASION = re.compile(
    rf"(?:على هامش|{OCCASION_LEADS}(?:\s+{_forms('مشاركته مشاركتها مشاركتهما أعمال')}(?:\s+في)?)?)\s+"
    rf"(?P<occasion>{OCCASION_NOUNS}(?![\w])[^،.؛:\n]{{0,90}})"
)
OCCASION_STOP = re.compile(
    rf"\s+(?:{_forms('المنعقد المنعقدة الذي التي حيث والتي والذي بحضور عقب')})(?![\w]).*$|\s*[،,].*$"
)
# Verbs of lasting that tie a length to the event they follow ("واستمر اللقاء لنحو 45 دقيقة").
LASTING = re.compile(
    rf"(?<![\w])[وف]?(?:{_forms('استمر استمرت استمرا دام دامت استغرق استغرقت تستغرق يستغرق تستمر')})(?![\w])"
)
# Words right before a place that make it where something happened.
PLACE_CUES = {
    key(w)
    for w in (
        "في بمدينة مدينة عاصمة العاصمة المنعقد المنعقدة داخل قمة القمة اجتماع محادثات منتدى "
        "لقاء اللقاء مؤتمر المؤتمر مباحثات "
        "تستضيف تستضيفها استضافت يستضيف تشهد وتشهد شهدت وشهدت يشهد ستشهد"
    ).split()
}
VISIT_PLACE_CUES = {key(w) for w in "إلى الى".split()}
WHAT = WHAT_SUBJECT  # "ما بما مما", not "لما", "when": "ولما وصل إلى"
TARGET_CUES = {key(w) for w in "على ضد".split()}  # where an attack struck
# Words between a noun trigger and its participants ("اللقاء الأخير الذي جمع الرئيسين الروسي").
NOUN_LINKS = {
    key(w)
    for w in (
        "بين مع و الذي التي جمع جمعت يجمع سيجمع ستجمع ستجمعه جمعه الأخير الأول الثاني الثالث "
        "المرتقب المرتقبة التاريخي التاريخية الثنائي الثنائية المقرر المقررة المزمع المزمعة السري "
        "الرئيس الرئيسين الزعيم الزعيمين نظيره نظيرته رئيس رئيسة وزير وزيرة ولي العهد الملك الأمير "
        "الشيخ أمير زعيم عقد الذي المقبل الخارجية الدفاع الداخلية المالية الخزانة التجارة الوزراء "
        "الدولة الأمن القومي مستشار يقوم قام سيقوم بها "
        "رسمية الرسمية عمل قصيرة مفاجئة عهد بلاده بلادها سمو الأولى الثانية إلى الى الأمريكي الأميركي "
        "التمهيدية التحضيرية المشتركة الأخيرة السابقة السري السرية غير المسبوقة المسبوق مرتقب مرتقبة "
        "تاريخي تاريخية ستجمع تجمع "
        "صاحب السمو الملكي سعادة "  # "زيارة صاحب السمو الملكي الأمير محمد"
        "الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت اليوم غدا أمس "
        "الشمالي الشمالية الجنوبي الجنوبية "  # the rest of "الكوري الشمالي" after a title
        "دولة فخامة معالي سماحة جلالة نائب"  # honorifics before a title: "وصول دولة نائب الرئيس"
    ).split()
}


WITH = key("مع")
BETWEEN = key("بين")  # "جلسة المباحثات بين وزير الخارجية الكويتي وظريف": both sides named there
RELATIVES = {key(w) for w in "التي الذي اللتين اللذين الذين".split()}
APPOSED_TITLE_REACH = 3  # words of a title between a name and its country ("أمير دولة قطر")
ENVOYS = {key(w) for w in "سفير سفيرة قنصل مبعوث مبعوثة ممثل مندوب".split()}
WHERE = key("حيث")
# "في العاصمة الصومالية": a capital named by its country's adjective
CAPITAL_OF = re.compile(r"(?<![\w])(?:في|ب)\s*(?P<capital>العاصمة)\s+(?P<people>\w+)")
TRAVEL_TYPES = ("meeting", "visit", "call")  # events whose subject may be on a visit
# A place after "في" between a noun and its party is where it happens, no party.
IN_PLACE = re.compile(r"[\s،,]*(?:في|فى)\s+")
# What may stand between a noun and a party attached to it: spaces, commas, quotes, proclitics.
GAP = re.compile(r"[\s،,\"«»“”]*(?:[وف]?(?:لـ|[بلك])|[وف])?")
_TITLE_WORDS = {
    key(w) for w in "رئيس وزير وزيرة مستشار سفير مدير نائب أمين مبعوث قائد ولي أمير ملك شيخ سلطان".split()
}


def _bare_title(word: str) -> bool:
    folded = key(word)
    return folded in _TITLE_WORDS or any(
        folded.startswith(prefix) and folded[len(prefix) :] in _TITLE_WORDS
        for prefix in ("وال", "بال", "لل", "ال", "و", "ل", "ب")
    )


@dataclass
class Draft:
    """An event while it is being read: participants as entities, offsets of its trigger."""

    type: str
    participants: list[Entity]
    start: int
    end: int
    sentence: tuple[int, int]
    rule: str
    hosted: bool = False
    planned: bool = False
    location: Entity | None = None
    place_name: str | None = None
    occasion: str | None = None
    date: str | None = None
    date_text: str | None = None
    duration: float | None = None
    evidence: list[str] = field(default_factory=list)


# Rules tried first win where two rules match the same words ("أعلن وقف إطلاق النار" is a
# ceasefire, not a statement; "عقد اجتماعا" is one meeting, not a verb and a noun).
PRIORITY = [
    "phone_call",
    "ceasefire",
    "sign_agreement",
    "host_verb",
    "hold_meeting",
    "meet_verb",
    "discuss_with",
    "visit_verb",
    "strike",
    "protest",
    "sanction",
    "election",
    "communique",
    "announce",
    "meeting_noun",
    "visit_noun",
    "negotiation",
]
# Letters every match of a rule contains (free of hamza and final-letter variants): a text
# without any of them cannot match, so the rule's regex is not run on it.
ANCHORS = {
    "phone_call": ("هاتف", "تصل"),
    "meet_verb": ("لتق", "جتمع", "باحث", "بحث", "صافح"),
    "host_verb": ("ستقبل", "ستقبال"),
    "discuss_with": ("تناول",),
    "hold_meeting": ("لقاء", "جتماع", "قمة", "محادث", "مباحث", "مشاور", "جلس"),
    "meeting_noun": ("لقاء", "لقائ", "جتماع", "قمة", "قمت", "محادث", "مباحث"),
    "visit_verb": ("زار", "يزور", "تزور", "وصل", "يصل", "تصل", "ضيف"),
    "visit_noun": ("زيار", "وصول"),
    "sign_agreement": ("وقع", "توقيع", "توصل", "تفق", "برم"),
    "announce": ("علن",),
    "communique": ("بيان", "مؤتمر", "موتمر"),
    "strike": ("شن", "نفذ", "وجه", "قصف", "ضرب", "غار", "هجوم", "هجمات", "هاجم", "ستهدف", "فجر"),
    "protest": ("ظاهر", "حتج", "عتصام", "مسير"),
    "ceasefire": ("وقف", "هدن"),
    "sanction": ("فرض",),
    "election": ("نتخاب", "قتراع"),
    "negotiation": ("مفاوض",),
}
_BY_NAME = {trigger.name: trigger for trigger in TRIGGERS}
_PLAIN_BY_NAME = {trigger.name: trigger for trigger in PLAIN_TRIGGERS}
PRESENT_PREFIXES = ("ي", "ت")
# "while" before a present verb: the event is going on ("في وقت يزور فيه", "بينما يلتقي",
# "في الوقت الذي يزور فيه"), not planned.
WHILE = {key(w) for w in "وقت بينما وبينما".split()}
WHILE_THE_TIME = (key("الوقت"), key("الذي"))
# Rules whose past tense starts with ت, so the letter does not mark the present.
PAST_WITH_TA = {
    "تباحث",
    "تباحثا",
    "تباحثت",
    "تحدث",
    "تحدثا",
    "تحدثت",
    "تلقى",
    "تلقت",
    "توصل",
    "توصلت",
    "توصلا",
    "توصلتا",
}
# Purpose ل before a noun trigger makes it planned ("للقاء كيم", "لزيارة مصر").
PURPOSE_NOUNS = {key(w) for w in "للقاء لزيارة للقمة لإجراء".split()}
# "الصور الأولى للقاء "السري" الذي جمع X وY": a meeting that took place, named after a noun
# ("of the meeting"), not one someone went to hold.
TOOK_PLACE = re.compile(
    r"\s*(?:[\"«“]?[\w\u0600-\u06ff]+[\"»”]?\s+){0,2}?(?:الذي|التي)\s+"
    rf"(?:{_forms('جمع جمعت جمعه جمعهما عقد عقدت انعقد تم جرى جرت')})(?![\w])"
)
# A noun trigger's own relative clause of happening, whose place is where it happened.
OCCURRED = re.compile(
    r"\s*(?:[\w\u0600-\u06ff]+\s+){0,2}?(?:الذي|التي)\s+"
    rf"(?:{_forms('وقع وقعت حدث حدثت جرى جرت عقد عقدت انعقد انعقدت استهدف استهدفت شهدته شهدتها')})(?![\w])"
)
PRINCE_OF = {key(w) for w in "أمير أميرا وأمير".split()}  # "أمير منطقة الرياض": a governor's title
MEETING_NOUN_KEYS = {key(w) for w in MEETING_NOUNS.split()}
# The visit or meeting as the subject of a verb ("الزيارة ستبحث", "الاجتماع بحث").
DEFINITE_EVENT_NOUNS = {key(w) for w in (MEETING_NOUNS + " " + VISIT_NOUNS).split() if w.startswith("ال")}
# Event types that need no named participant (the place or the act is the news).
ANONYMOUS_TYPES = {"attack", "protest", "election", "ceasefire", "agreement"}
# Types whose other side may follow مع ("اجتمع ماكرون مع ميركل").
PARTNERED = {"meeting", "call", "negotiation", "agreement"}
# Types that need two named sides when reported by a noun alone.
DYADIC_TYPES = {"meeting", "call", "negotiation"}


class EventReader:
    """Reads one article's events sentence by sentence, then merges their mentions."""

    def __init__(self, reading: Reading, published: str | None, sports: bool = False):
        self.sports = sports
        self.view = reading.view
        self.quoted = reading.quoted
        self.cue_speakers = reading.cue_speakers
        self.reference = _day(published)
        self.knowledge = load_knowledge()
        self.countries: dict[str, str | None] = {}
        self.trigger_at = -1  # offset of the trigger being read
        self.found: list[tuple[Trigger, re.Match]] = []
        self._following: dict[tuple[int, int], tuple[list[Entity], int]] = {}  # per article
        self.drafts: list[Draft] = []
        self.named_back: list[tuple[tuple[int, int], int]] = []  # (sentence, offset) of "خلال اللقاء"

    # -- reading ------------------------------------------------------------------------------

    def read(self) -> list[Draft]:
        found = self.found = self.matches()
        for sentence in self.view.sentences:
            span = (sentence.start, sentence.end)
            here = [(t, m) for t, m in found if sentence.start <= m.start() < sentence.end]
            new = []
            for trigger, match in here:
                draft = self.draft(match, span, trigger)
                if draft is not None:
                    new.append(draft)
                    self.drafts.append(draft)
            self.refer_back(span, {d.type for d in new})
        self.inherit_visit_places()
        merged = merge_drafts(self.drafts)
        for draft in merged:  # "القمة بين واشنطن وبيونغيانغ" merged with "..., المقررة في 12 يونيو"
            draft.planned = draft.planned or self.to_come(draft.date)
        return merged

    def inherit_visit_places(self) -> None:
        """A meeting held during a visit ("يجري خلالها محادثات مع ...") is where the visit is."""
        for i, draft in enumerate(self.drafts):
            if draft.type != "meeting" or draft.location is not None:
                continue
            for visit in reversed(
                self.drafts[: i + 1] + [d for d in self.drafts[i + 1 :] if d.sentence == draft.sentence]
            ):
                shared = any(same_party(a, b) for a in visit.participants for b in draft.participants)
                if visit.type == "visit" and visit.location is not None and shared:
                    draft.location, draft.place_name = visit.location, visit.place_name
                    break

    def matches(self) -> list[tuple[Trigger, re.Match]]:
        """Trigger matches in the text, highest-priority rule first, without overlaps; a match
        never crosses a sentence end."""
        ends = sorted(s.end for s in self.view.sentences)
        plain = not HARAKAT.search(self.view.text)
        rules = _PLAIN_BY_NAME if plain else _BY_NAME
        taken: list[tuple[int, int]] = []
        found = []
        for name in PRIORITY:
            if plain and not any(anchor in self.view.text for anchor in ANCHORS[name]):
                continue
            trigger = rules[name]
            for match in trigger.pattern.finditer(self.view.text):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                if any(match.start() < e < match.end() for e in ends):
                    continue
                if trigger.form in ("verb", "host") and self.in_name(match.start()):
                    continue  # "حضر رئيس النصر الأمير [فيصل] بن تركي": a name, not ف + "يصل"
                if trigger.form == "verb" and self.family_name_in_ya(match):
                    continue  # "سمير التقي لـ«الشرق الأوسط»": Samir al-Taqi, no meeting
                taken.append((match.start(), match.end()))
                found.append((trigger, match))
        return sorted(found, key=lambda pair: pair[1].start())

    def declared_thing(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """An announcing verb right after "التي/الذي" after a common noun, with no actor right
        after it, is the passive of a relative clause: it describes the thing declared ("حالة
        الطوارئ التي أعلنت"), no statement of its own ("يوري ميلنر الذي أعلن" is one)."""
        relative = re.search(r"(\S+)\s*$", self.view.text[max(0, match.start() - 12) : match.start()])
        if not relative or key(relative.group(1).lstrip("وف")) not in RELATIVES:
            return False
        antecedent = match.start() - len(relative.group(0))
        if any(s.end >= antecedent - 3 for s in self.view.spans_in(max(0, antecedent - 60), antecedent)):
            return False  # a name right before "الذي" is the subject of the relative clause
        after = [s for s in self.view.spans_in(match.end(), sentence[1]) if self.view.is_actor(s)]
        return not after or word_count(self.view.text[match.end() : after[0].start]) > 1

    def family_name_in_ya(self, match: re.Match) -> bool:
        """Is a verb written with ي instead of its ى right after a person's name ("سمير
        التقي") the rest of the name, as taggers sometimes leave it?"""
        word = WORD.match(self.view.text, match.start())
        in_ya = word is not None and reads_as_name_in_ya(word.group())
        return in_ya and self.view.person_right_before(match.start())

    def in_name(self, offset: int) -> bool:
        """Does `offset` fall inside a person's name?"""
        return any(s.start <= offset < s.end for s in self.view.spans if s.entity.type == "PER")

    def draft(self, match: re.Match, sentence: tuple[int, int], trigger: Trigger) -> Draft | None:
        if self.unreal(match, sentence, trigger.type):
            return None
        if self.sports and trigger.type == "meeting" and trigger.form == "noun":
            return None  # "اللقاء أمام الإمارات": a match
        if self.sports and trigger.type == "meeting" and self.view.word_after(match.end()) in OPPONENTS:
            return None  # "والتقى اللاعبان في نهائي الدورة": a match
        held_by = {key(w) for w in WORD.findall(match.group())}
        if trigger.name == "hold_meeting" and MEDIA_HEADS.intersection(held_by):
            return None  # "أجرت صحيفة سونتاجز بليك لقاء مطولا مع جروس": an interview
        if trigger.type == "attack" and VERBAL_ATTACK.match(self.view.text, match.end()):
            return None  # "شن الأعرجي هجوما كاسحا على من وصفهم": words, not arms
        if trigger.type == "ceasefire" and self.watches_truce(match):
            return None  # "قيادة الأمم المتحدة المكلفة بمراقبة وقف إطلاق النار": no new truce
        if trigger.type == "visit" and trigger.form == "verb" and self.thing_arrives(match, sentence):
            return None  # "وصلت اليوم الطائرة الإغاثية إلى مطار عدن": cargo, no visitor
        studied = key(match.group().split()[-1]).removeprefix("و") == key("بحثا")
        if trigger.type == "meeting" and studied and STUDY_MADE.match(self.view.text, match.end()):
            return None  # "لكن بحثا أجراه مايكل جافين، من بنك باركليز، يشير إلى"
        whoever = self.view.word_before(match.start()) == key("من") and match.group().startswith("ي")
        if trigger.type == "visit" and trigger.form == "verb" and whoever:
            return None  # "إن من يزور المدينة المنورة هذه الأيام يدرك": whoever visits
        if trigger.type == "visit" and self.view.word_before(match.start()) in PILGRIMAGES:
            return None  # "لبرنامج ضيوف خادم الحرمين الشريفين للحج والعمرة والزيارة"
        if trigger.type == "visit" and self.view.word_before(match.start()) in VISITING_TIMES:
            return None  # "اعتمد ... أوقات الزيارة في مستشفيات مكة": visiting hours, no visitor
        if trigger.type == "visit" and self.reaches_no_place(match, sentence):
            return None  # "الخطة التي تصل إلى 86 مليار يورو": an amount reached, no arrival
        if trigger.name == "meet_verb" and self.view.word_before(match.start()) in NOUN_LEADS:
            return None  # "في بحث فريد من نوعه": the noun (research), not the verb
        if trigger.name == "meet_verb" and self.combines_qualities(match, sentence):
            return None  # "رحلة عطاء اجتمع فيها الجهد والعرق بالنجاح": qualities, no people
        if trigger.type == "meeting" and trigger.form == "verb" and self.searches(match, sentence):
            return None  # "ويبحث برشلونة ... عن تكرار إنجاز": looking for, no talks
        if trigger.form == "host" and self.receives_thing(match, sentence):
            return None  # "استقبل الوسط الرياضي خبر موافقة الوزير": news received, no guest
        if trigger.type == "call" and self.relates_to(match):
            return None  # "قضية فساد تتصل بكسب غير مشروع": relates to, no call
        if trigger.type == "call" and self.phone_interview(match, sentence):
            return None  # "وقال الأصبحي في اتصال هاتفي، إنه": how he spoke to the reporter
        reached = self.view.word_before(match.start()) in WHAT
        if trigger.type == "visit" and trigger.form == "verb" and reached:
            return None  # "أشاد بما وصلت إليه كوريا الجنوبية من تقدم": what it has reached, no visit
        if trigger.form == "verb" and self.view.word_before(match.start()) in DEFINITE_EVENT_NOUNS:
            return None  # "الزيارة ستبحث التعاون": what the visit will discuss, no new event
            # (an indefinite noun opens a clause of its own: "لإجراء زيارة يلتقي خلالها")
        if trigger.type == "meeting" and trigger.form == "verb" and self.agenda_of_noun(match, sentence):
            return None  # "اجتماعات وزراء الخارجية ... والتي ستبحث عدة ملفات": what they will discuss
        self.trigger_at = match.start()
        planned = self.is_planned(match, sentence, trigger)
        draft = Draft(trigger.type, [], match.start(), match.end(), sentence, trigger.name, planned=planned)
        if trigger.form == "statement" or trigger.name == "announce":
            if planned:
                return None
            if trigger.name == "announce" and self.declared_thing(match, sentence):
                return None  # "حالة الطوارئ التي أعلنت في الرابع من يوليو": what was declared
            # "أصدرت وزارة الخارجية بيانا": the issuer may stand inside the match
            reach = match.end() if trigger.name == "communique" else match.start()
            issuer = self.issuer(reach, sentence, match.start())
            draft.participants = [issuer] if issuer else []
        elif trigger.form == "noun" and self.refers_back(match, sentence, trigger):
            return None  # "وصل إلى واشنطن، في زيارة تستمر لأسبوعين": the same visit again
        elif trigger.form == "noun" and self.named_again(match, sentence, trigger):
            self.named_back.append((sentence, match.start()))
            return None  # "عبر العميد الداموك عن شكره هذه الزيارة": the visit reported before
        elif trigger.name == "meet_verb" and self.discussed_at_named(match, sentence):
            return None  # "استعرضا خلال اللقاء ... المستجدات وبحث آلية": what that meeting discussed
        elif trigger.form == "noun" and self.is_occasion_of_earlier(match, sentence):
            return None  # "التقى X بنظيره Y على هامش قمة الناتو": the summit is the occasion
        elif trigger.name == "meet_verb" and self.talks_during_earlier(match, sentence):
            return None  # "أجرى X اتصالا هاتفيا مع Y، بحثا خلاله": what the call discussed
        elif trigger.type == "call" and self.means_of_earlier(match, sentence):
            return None  # "بحث X ونظيره Y خلال اتصال هاتفي": the call the earlier verb reported
        elif trigger.type == "visit":
            self.read_visit(draft, match, sentence, trigger)
        elif trigger.form == "noun":
            draft.participants = self.attached(match, sentence)
            if trigger.type == "negotiation" and self.same_talks_again(match, draft):
                return None  # "وجاءت مفاوضات الأهلي مع الكسار ... تم تجديد المفاوضات مع الكسار"
            if (
                not draft.participants
                and trigger.type == "meeting"
                and HELD.match(self._after_parties(match, sentence))
            ):
                draft.rule = "held_summit"  # "القمة العربية ... ستعقد في الرياض": a summit of no named party
        else:
            draft.participants = self.verb_parties(match, sentence, trigger)
            self.shared_subject(draft, match, sentence)
            draft.hosted = trigger.form == "host"
            self.during_visit(draft, match, sentence)
            clause_end = self.clause_end_of(match, sentence)
            if trigger.type == "meeting" and BY_PHONE.search(self.view.text, match.end(), clause_end):
                draft.type = "call"  # "بحث أوباما ونظيره أردوغان خلال اتصال هاتفي ..."
        if self.sports and draft.type == "meeting" and not any(p.type == "PER" for p in draft.participants):
            return None  # "يلتقي فريق الهلال ... العين الإماراتي": two teams play a match
        if self.sports and draft.type == "meeting" and self.clubs_by_country(draft, sentence) >= 2:
            return None  # "ويلتقي أستانا الكازاخستاني مع أبويل نيقوسيا القبرصي": clubs, read as people
        self.fill(draft, draft)
        if not self.enough(draft, trigger):
            return None
        draft.evidence.append(self.view.text[sentence[0] : sentence[1]][:EVIDENCE_CHARS])
        return draft

    def clubs_by_country(self, draft: Draft, sentence: tuple[int, int]) -> int:
        """How many parties are named as clubs are on a sports page: the name, then its country's
        adjective ("فلنسيا الاسباني", "[بوريسوف البيلاروسي]")."""
        clubs = 0
        for party in draft.participants:
            spans = [s for s in self.view.spans_in(*sentence) if s.entity is party]
            after = [WORD.findall(self.view.text[s.end : s.end + 25])[:1] for s in spans]
            last = [key(party.name.split()[-1])] if len(party.name.split()) > 1 else []
            clubs += any(is_nationality(w) for w in last + [w[0] for w in after if w])
        return clubs

    def shared_subject(self, draft: Draft, match: re.Match, sentence: tuple[int, int]) -> None:
        """ "وصل سليماني إلى موسكو ... والتقى بالرئيس بوتين": a verb joined by و with only a
        partner after it (بـ/مع) shares the subject of the event drafted before it, and that
        event's other parties are not this one's."""
        words = WORD.findall(match.group())
        after = WORD.findall(self.view.text[match.end() : match.end() + 20])[:1]
        if not words or not words[0].startswith("و") or not after:
            return
        if not (after[0].startswith("ب") or key(after[0]) == key("مع")):
            return
        earlier = next((d for d in reversed(self.drafted_before(match, sentence)) if d.participants), None)
        subject = earlier.participants[0] if earlier else None
        if subject is None or subject.type != "PER":
            return
        # "لقاءات مع العبادي ونظيره العبيدي، وعقد اجتماعا مع الجبوري": the earlier partners met him there
        partners = earlier.participants[1:]
        draft.participants = [p for p in draft.participants if not any(same_party(p, o) for o in partners)]
        if not any(same_party(subject, p) for p in draft.participants):
            draft.participants.insert(0, subject)

    def watches_truce(self, match: re.Match) -> bool:
        """ "المكلفة بمراقبة وقف إطلاق النار", "خرق وقف إطلاق النار": the truce is only watched."""
        truce = re.search(r"(?:وقف|هدن)", match.group())
        return truce is not None and self.view.word_before(match.start() + truce.start()) in TRUCE_WATCH

    def thing_arrives(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """What "وصل" brings is cargo, troops or a team: the verb follows a thing's relative "التي"
        ("كاسحات الألغام التي وصلت إلى عدن"), its clause names such a subject and no person before
        it ("قوات برية ... وصلت", "وكان منتخبنا قد وصل"), or its subject after it, past the time
        words, is one ("وصلت اليوم الطائرة الإغاثية")."""
        lead = max(sentence[0], match.start() - 40)
        before = WORD.findall(self.view.text[lead : match.start()])[-2:]
        if len(before) == 2 and before[1] == "التي" and not self.view.spans_in(lead, match.start()):
            return True
        clause = self.clause_start(match.start(), sentence)
        subject = list(WORD.finditer(self.view.text, clause, match.start()))[-ARRIVAL_SUBJECT_WORDS:]
        things = [w.start() for w in subject if key(w.group()) in ARRIVING_THINGS]
        named = self.view.spans_in(things[-1] if things else clause, match.start())
        if things and not any(s.entity.type == "PER" for s in named):
            return True  # "قوات برية "محدودة" من دول التحالف وصلت إلى عدن", "وكان منتخبنا قد وصل"
            # (a person before the thing is no subject: "غادر X في طائرة تابعة للأمم المتحدة وصلت")
        places = [s for s in self.view.spans_in(match.end(), sentence[1]) if s.entity.type == "LOC"]
        for word in list(WORD.finditer(self.view.text, match.end(), sentence[1]))[:ARRIVAL_SUBJECT_WORDS]:
            in_place = any(s.start <= word.start() < s.end for s in places)
            written = key(word.group())
            nisba = self.knowledge.country_of_adjective(word.group())
            described = word.group().isdigit() or nisba is not None  # "80 مصابا يمنيا"
            in_place = in_place or place_of(word.group()) is not None  # "عمّان", its shadda unmatched
            if written and written not in ARRIVAL_SKIPPED and not in_place and not described:  # not "ـ"
                return written in ARRIVING_THINGS  # "وصل الى مطار حائل الطاقم الفني"
        return False

    def combines_qualities(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """ "اجتمع فيها الجهد والعرق", "اجتمعت فيه صفات القائد": "in it/him" right after the verb,
        then no named party among the next words: things combined, not people meeting."""
        if self.view.word_after(match.end()) not in IN_WHICH:
            return False
        words = list(WORD.finditer(self.view.text, match.end(), sentence[1]))[:IN_WHICH_REACH_WORDS]
        if len(words) > 1 and key(words[1].group()) in OFFICE_HEADS | TITLE_WORDS:
            return False  # "يجتمع فيه وزير الخارجية الأميركي (جون كيري)": an office holder
        named = [s for s in self.view.spans if match.end() <= s.start < words[-1].end()]
        return not any(s.entity.type in ("PER", "ORG") for s in named)

    def searches(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """ "ويبحث برشلونة، الفائز ...، عن تكرار إنجاز": بحث with عن before any مع is a search."""
        words = WORD.findall(match.group())
        if not words or key(words[0]) not in SEARCH_FORMS:
            return False
        first = SEARCHED_FOR.search(self.view.text, match.end(), self.clause_end_of(match, sentence))
        return first is not None and first.group() == "عن"

    def receives_thing(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """ "استقبل ... خبر/رسالة/قرار": a word for a thing where the guest would stand, before the
        second named party ("واستقبل السيسي رسالة من الملك عبد الله")."""
        named = [s for s in self.view.spans_in(match.end(), sentence[1]) if s.entity.type in ("PER", "ORG")]
        employers = self.employers(named)
        parties = [s for i, s in enumerate(named) if i not in employers]
        end = parties[1].start if len(parties) > 1 else self.clause_end_of(match, sentence)
        return any(key(w) in RECEIVED_THINGS for w in WORD.findall(self.view.text[match.end() : end]))

    def relates_to(self, match: re.Match) -> bool:
        """The bare verb "اتصل" with ب and no name in the next words: "تتصل بكسب غير مشروع"
        ("اتصل بولي العهد الأمير محمد بن نايف" reaches a person behind his titles)."""
        words = WORD.findall(match.group())
        if len(words) != 1 or key(words[0]).removeprefix("و") not in BARE_CONTACT:
            return False
        after = re.match(r"\s+(?!بعض)ب\w+(?:\s+\S+){0,4}", self.view.text[match.end() :])  # not "اتصل بعض"
        reach = match.end() + after.end() if after else match.end()
        return after is not None and not any(match.end() <= s.start < reach for s in self.view.spans)

    def phone_interview(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """ "وقال X في اتصال هاتفي، إن ...": a call noun after a speech cue and في/خلال/عبر, with
        nobody named between it and the next comma or "أن", is how X spoke to the reporter."""
        words = WORD.findall(match.group())
        if not words or key(words[0]) not in CALL_NOUN_KEYS:
            return False
        if self.view.word_before(match.start()) not in PHONE_LEADS:
            return False
        cues = [c for c, _ in self.cue_speakers if sentence[0] <= c.start and c.end <= match.start()]
        between = self.view.text[cues[-1].end : match.start()] if cues else ""
        if not cues or word_count(between) > INTERVIEW_REACH_WORDS and not self.in_apposition(between):
            return False
        stop = INTERVIEW_STOP.search(self.view.text, match.end(), sentence[1])
        named = self.view.spans_in(match.end(), stop.start() if stop else sentence[1])
        return not any(s.entity.type in ("PER", "ORG") and not self.quoted_name(s) for s in named)

    @staticmethod
    def in_apposition(between: str) -> bool:
        """A speaker and his titles, each after a comma, and nothing said yet."""
        parts = between.split("،")
        return (
            word_count(between) <= INTERVIEW_APPOSITION_WORDS
            and len(parts) > 2
            and not COMPLEMENTIZER.search(between)
            and all(word_count(part) <= INTERVIEW_REACH_WORDS for part in parts)
        )

    def quoted_name(self, span: EntitySpan) -> bool:
        """A name in quotation marks after a call: the paper spoken to ("مع «الشرق الأوسط»")."""
        before = self.view.text[max(0, span.start - 1) : span.start]
        after = self.view.text[span.end : span.end + 1]
        return before != "" and after != "" and before in QUOTE_MARKS and after in QUOTE_MARKS

    def reaches_no_place(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """ "تصل إلى 86 مليار", "وصل إلى نحو 40%", "وصلت إلى ضرورة الفصل": what reaches a figure
        or a state of things arrives nowhere."""
        to = re.search(r"(?<![\w])(?:إلى|الى)\s+", self.view.text[match.end() : sentence[1]])
        if to is None:
            return False
        if AMOUNT.match(self.view.text, match.end() + to.end()) is not None:
            return True
        reached = WORD.match(self.view.text, match.end() + to.end())
        return reached is not None and key(reached.group()) in REACHED_STATES

    def during_visit(self, draft: Draft, match: re.Match, sentence: tuple[int, int]) -> None:
        """ "لإجراء زيارة يلتقي خلالها X": a verb "during it" happens where the visit before
        it in the sentence goes."""
        if not self._during_it(match):
            return
        visits = [d for d in self.drafts if d.sentence == sentence and d.type == "visit" and d.location]
        if visits:
            draft.location, draft.place_name = visits[-1].location, visits[-1].place_name

    def clause_end_of(self, match: re.Match, sentence: tuple[int, int]) -> int:
        """The end of the trigger's clause, not counting the phone call that says how it was held."""
        stop = CLAUSE_END.search(self.view.text, match.end(), sentence[1])
        return stop.start() if stop else sentence[1]

    def talks_during_earlier(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """A meeting verb "during it" ("بحثا خلاله") after a call or meeting drafted earlier in
        the sentence tells what that event discussed (a meeting during a visit is its own)."""
        if not self._during_it(match):
            return False
        return any(d.type in ("call", "meeting") for d in self.drafted_before(match, sentence))

    def discussed_at_named(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """A discussion verb after a noun in its sentence that named an earlier meeting again
        ("وأوضحت الوكالة أن الجانبين استعرضا خلال اللقاء ... وبحث آلية تنفيذ"): its topic."""
        words = WORD.findall(match.group())
        discusses = bool(words) and DISCUSS.fullmatch(words[0]) is not None
        return discusses and any(where == sentence and at < match.start() for where, at in self.named_back)

    def _during_it(self, match: re.Match) -> bool:
        """ "يلتقي خلالها", "بحثا خلاله": the trigger's next word is "during it"."""
        after = WORD.findall(self.view.text[match.end() : match.end() + 12])[:1]
        return bool(after) and after[0] in DURING

    def agenda_of_noun(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """A meeting verb right after "التي/الذي" whose nearest meeting noun before it in the
        sentence has no person after it: the verb tells what that meeting discusses."""
        if self.view.word_before(match.start()).removeprefix("و") not in RELATIVES:
            return False
        words = WORD.finditer(self.view.text, sentence[0], match.start())
        nouns = [w for w in words if key(w.group()) in MEETING_NOUN_KEYS]
        if not nouns:
            return False
        between = self.view.spans_in(nouns[-1].end(), match.start())
        return not any(s.entity.type == "PER" for s in between)

    def drafted_before(self, match: re.Match, sentence: tuple[int, int]) -> list[Draft]:
        """The events drafted earlier in the trigger's sentence."""
        return [d for d in self.drafts if d.sentence == sentence and d.start < match.start()]

    def means_of_earlier(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """A phone call after "خلال/في/عبر", when an event was drafted earlier in the sentence."""
        return self._part_of_earlier(match, sentence, BY_PHONE, 0)

    def is_occasion_of_earlier(self, match: re.Match, sentence: tuple[int, int]) -> bool:
        """A noun trigger inside "على هامش قمة ..."/"خلال مشاركته في منتدى ..." after an event
        drafted earlier in the same sentence names that event's occasion, not a second event."""
        return self._part_of_earlier(match, sentence, OCCASION, "occasion")

    def _part_of_earlier(self, match: re.Match, sentence: tuple[int, int], phrase: re.Pattern, group) -> bool:
        """Does the trigger lie inside `phrase` (its `group`) in a sentence where an event was
        drafted before it?"""
        if not self.drafted_before(match, sentence):
            return False
        return any(
            found.start(group) <= match.start() < found.end(group)
            for found in phrase.finditer(self.view.text, sentence[0], sentence[1])
        )

    def same_talks_again(self, match: re.Match, draft: Draft) -> bool:
        """ "المفاوضات" with the article, after talks drafted earlier in the article that share
        a party with it: the same negotiation named again, not a new one."""
        first = WORD.findall(match.group())[:1]
        if not first or not key(first[0]).lstrip("وف").startswith("ال"):
            return False
        earlier = [d for d in self.drafts if d.type == "negotiation" and d.start < match.start()]
        return any(same_party(a, b) for d in earlier for a in d.participants for b in draft.participants)

    def named_again(self, match: re.Match, sentence: tuple[int, int], trigger: Trigger) -> bool:
        """ "هذه الزيارة", "هذا اللقاء": a demonstrative names an event of its type drafted before;
        so does a definite noun after a word of time with no party of its own right after it
        ("وخلال اللقاء اعتمد المنيفي هوية الحملة", not "خلال اللقاء مع X")."""
        before = self.view.word_before(match.start())
        definite = key(match.group()).startswith("ال")
        lead = [key(w) for w in WORD.findall(self.view.text[max(0, match.start() - 20) : match.start()])][-2:]
        attended = definite and (before in ATTEND_VERBS or (bool(lead) and lead[0] in ATTEND_VERBS))
        this = before in DEMONSTRATIVES or attended  # "وحضر الاجتماع X", "حضر جلسة المباحثات X"
        if before in AROUND_EVENT and definite:
            named = [s for s in self.view.spans_in(match.end(), sentence[1]) if s.start - match.end() <= 1]
            following = WORD.findall(self.view.text[match.end() : match.end() + 30])[:2]
            attended = len(following) == 2 and key(following[1]) in ATTENDED  # "اللقاء الذي حضره X"
            own = bool(following) and key(following[0]) in OWN_PARTIES and not attended
            this = not named and not own  # not "اللقاء مع X"
        return this and any(d.type == trigger.type for d in self.drafts)

    def refers_back(self, match: re.Match, sentence: tuple[int, int], trigger: Trigger) -> bool:
        """A noun with no party of its own, after an event of its type in the same sentence."""
        parties, _ = self.following_parties(match.end(), sentence[1])
        earlier = [d for d in self.drafted_before(match, sentence) if d.type == trigger.type]
        return not parties and bool(earlier)

    def verb_parties(self, match: re.Match, sentence: tuple[int, int], trigger: Trigger) -> list[Entity]:
        """The parties of a verb: its clause's actors, plus the subject a pronoun stands for:
        "كان في استقباله X" and "يلتقي خلالها X" (the sentence's subject), "قال X إنه اتفق مع Y"
        and "اتفقنا" in X's quote (the speaker X)."""
        if trigger.type == "protest":  # the organisers, not whom they protest against
            return [p for p in self.clause_actors(match, sentence, before_only=True)]
        targets, partners = trigger.type in ("attack", "sanction"), trigger.type in PARTNERED
        parties = self.clause_actors(match, sentence, targets=targets, partners=partners)
        clause_start = self.clause_start(match.start(), sentence)
        condemned = trigger.type == "attack" and CONDEMNED.search(self.view.text, clause_start, match.start())
        if condemned:  # "دانت منظمة هيومن رايتس ووتش، أمس، قصف المتمردين لمناطق سكنية": no striker
            named_before = {id(s.entity) for s in self.view.spans_in(clause_start, match.start())}
            parties = [p for p in parties if id(p) not in named_before]
        quote = self.quote_at(match.start())
        if trigger.type == "attack" and quote is not None:  # 'وقال الأصبحي "الميليشيات شنت هجمات"'
            inside = [s.entity for s in self.view.spans_in(quote[0], quote[1])]
            parties = [p for p in parties if any(p is e for e in inside)]
        verb = WORD.findall(match.group())[0] if WORD.findall(match.group()) else ""
        before = self.view.text[self.clause_start(match.start(), sentence) - 6 : match.start()]
        speaker = self.speaker_before(match.start())
        pronoun_subject = re.search(r"[أإا]ن(?:ه|ها)\s*$", before) or verb.endswith("نا")
        lead = self.view.text[max(0, match.start() - 30) : match.start()]
        if trigger.type == "attack" and OWN_FORCES.search(lead):
            pronoun_subject = True  # "أعلن الجيش أن طائراته قصفت": the speaker's own forces
        if pronoun_subject and speaker is None:
            speaker = self.spoken_for(match.start(), sentence)
        if pronoun_subject and speaker is not None and not any(same_party(speaker, p) for p in parties):
            parties.insert(0, speaker)
        possessive = trigger.form == "host" and re.search("(?:ه|ها|هما)$", match.group())  # "في استقباله X"
        wants = 2 if trigger.type in DYADIC_TYPES or trigger.form == "host" else 1
        reported = trigger.type in ("attack", "protest") and any(
            sentence[0] <= c.start < match.start() for c, _ in self.cue_speakers
        )  # "وقال الأصبحي: الميليشيات ... قتلت": the speaker did not strike
        named_subject = not possessive and self.subject_with_partner(match)
        if (possessive or len(parties) < wants) and not reported and not named_subject and not condemned:
            clause = (self.actors_start(match.start(), sentence), sentence[1])  # not the reporting speaker
            after_when = clause[0] != self.clause_start(match.start(), sentence)
            if after_when and not self.view.text[clause[0] : match.start()].strip():
                clause = sentence  # "أكد كيري أنه يعتزم بحث ... عندما يلتقي مع لافروف": Kerry's verb
            clause = self.within_quote(match.start(), clause)
            owner = self.sentence_owner(clause, match.start(), parties, nearest=True, speakers=False)
            if owner is None and possessive:
                owner = self.visitor_before(match)
            if owner is not None:
                parties.insert(0, owner)
        return _unique(parties)

    def visitor_before(self, match: re.Match) -> Entity | None:
        """ "وصل الأمير محمد بن سلمان إلى الأردن ... كما كان في استقباله X": with no one named
        before it in its sentence, "his" reception is that of the visitor of the event drafted
        just before, when that is a person's visit."""
        earlier = [d for d in self.drafts if d.start < match.start()]
        last = max(earlier, key=lambda d: d.start) if earlier else None
        if last is None or last.type != "visit" or not last.participants:
            return None
        return last.participants[0] if last.participants[0].type == "PER" else None

    def spoken_for(self, position: int, sentence: tuple[int, int]) -> Entity | None:
        """ "قال متحدث باسم وولستروم إنها ستجتمع": an unnamed spokesman's "she" is whom he
        speaks for."""
        for found in SPOKEN_FOR.finditer(self.view.text, sentence[0], position):
            after = [s for s in self.view.spans_in(found.end(), position) if s.start <= found.end() + 1]
            if after and after[0].entity.type in ("PER", "ORG"):
                return after[0].entity
        return None

    def speaker_before(self, position: int) -> Entity | None:
        """Who is speaking at `position`: the speaker of the last cue before it in its paragraph."""
        paragraph_start = self.view.text.rfind("\n", 0, position) + 1
        said = [r.entity for c, r in self.cue_speakers if paragraph_start <= c.start < position and r.entity]
        return said[-1] if said else None

    def _after_parties(self, match: re.Match, sentence: tuple[int, int]) -> str:
        _, reach = self.following_parties(match.end(), sentence[1])
        return self.view.text[reach : sentence[1]].lstrip(" ،,")

    def enough(self, draft: Draft, trigger: Trigger) -> bool:
        """Enough named parties for the event to be worth reporting."""
        count = len(draft.participants)
        if draft.type == "agreement":
            return count >= 2  # an agreement binds two parties
        if draft.type in ANONYMOUS_TYPES:
            return count >= 1 or draft.location is not None
        if draft.type == "meeting" and count == 0 and draft.location is not None:
            return (
                trigger.name == "meeting_noun" and draft.rule == "held_summit"
            )  # "القمة العربية ستعقد في الرياض"
        if draft.type in DYADIC_TYPES:
            single_body = (
                count == 1 and draft.participants[0].type == "ORG" and trigger.name == "hold_meeting"
            )
            return count >= 2 or single_body
        if draft.type == "visit":  # a visitor and the place or body visited
            return count >= 2 and any(p.type != "LOC" for p in draft.participants)
        return count >= 1

    def unreal(self, match: re.Match, sentence: tuple[int, int], event_type: str) -> bool:
        """A wish, call, threat, denial or cancellation around the trigger."""
        start = sentence[0]
        for stop in CLAUSE_END.finditer(self.view.text, sentence[0], match.start()):
            start = stop.end()  # "دعت إلى اجتماع ... بعد الضربات التي شنتها": another clause
        window = " ".join(self.view.text[start : match.start()].split()[-MODALITY_REACH_WORDS:])
        lead = self.view.word_before(match.start())
        modal = [key(m.group()).lstrip("وف") for m in MODALITY.finditer(window)]
        expected = event_type in SCHEDULED_TYPES and all(word in EXPECTED for word in modal)
        if modal and not expected and lead not in WHILE_IN:
            return True  # not "ودعا الرئيس ... خلال لقائه X": the call was made at the meeting
        if lead in VISIT_PLACE_CUES and INVITED.search(self.view.text, start, match.start()):
            return True  # "دعا الرئيس ... المبعوث الأممي الى زيارة عدن": an invitation, however far back
        if lead in PURPOSE_LEADS and INVITED.search(self.view.text, sentence[0], match.start()):
            return True  # "وجه الدعوة للرئيس السيسي لإجراء زيارة إلى اليونان"
        if event_type not in ("meeting", "visit", "call"):
            return False
        after = self.view.text[match.end() : self.clause_end(match.end(), sentence)]
        return CANCELLED.search(after) is not None

    def is_planned(self, match: re.Match, sentence: tuple[int, int], trigger: Trigger) -> bool:
        if match.group("fut"):
            return True
        if AGREED_TO.search(self.view.text, max(sentence[0], match.start() - 30), match.start()):
            return True  # "تم الاتفاق على عقد اجتماع قريب", "قرروا عقد لقاء"
        words = self.view.text[sentence[0] : match.start()].split()[-MODALITY_REACH_WORDS:]
        after = self.view.text[match.end() : match.end() + 40].split()[:2]
        if PLANNED.search(" ".join(words)) or (trigger.form == "noun" and PLANNED.search(" ".join(after))):
            return True
        if trigger.form == "noun":
            _, reach = self.following_parties(match.end(), sentence[1])
            next_word = reach + len(self.view.text[reach:]) - len(self.view.text[reach:].lstrip(" ،,"))
            if FUTURE_VERB.match(self.view.text, next_word):
                return True  # "القمة التاريخية بين X وY ستعقد في سنغافورة"
            between = PLANNED.search(self.view.text, match.end(), reach)  # consumed as a link word
            if between or PLANNED.match(self.view.text, next_word):
                return True  # "القمة بين كوريا الشمالية والولايات المتحدة، المقررة في 12 يونيو"
        first = key(WORD.findall(match.group())[0]) if WORD.findall(match.group()) else ""
        bare = first[1:] if first[:1] in ("و", "ف") and len(first) > 3 else first
        if trigger.form == "noun" and key(WORD.findall(match.group())[0]) in PURPOSE_NOUNS:
            return not TOOK_PLACE.match(self.view.text, match.end())
        present = bare.startswith(PRESENT_PREFIXES) and bare not in {key(w) for w in PAST_WITH_TA}
        last_two = tuple(key(w) for w in words[-2:])
        if present and last_two and (last_two[-1] in WHILE or last_two == WHILE_THE_TIME):
            return False  # "في وقت يزور فيه وزير الدفاع الاميركي اشتون كارتر اسرائيل": going on now
        return present and trigger.form in ("verb", "host") and trigger.type in ("meeting", "visit", "call")

    def clause_end(self, start: int, sentence: tuple[int, int]) -> int:
        """Where the parties of a trigger stop: a topic, another clause, an occasion, a speech cue."""
        stop = CLAUSE_END.search(self.view.text, start, sentence[1])
        if stop and stop.group() in DURING and not self.view.text[start : stop.start()].strip():
            stop = CLAUSE_END.search(self.view.text, stop.end(), sentence[1])  # "يلتقي خلالها X"
        occasion = OCCASION.search(self.view.text, start, sentence[1])
        told = next((m for m in IN_IT_VERB.finditer(self.view.text, start, sentence[1]) if m.start() > start
                     and not any(s.start <= m.start() < s.end for s in self.view.spans)), None)  # fmt: skip
        cues = [c.start for c, _ in self.cue_speakers if start < c.start < sentence[1]]
        triggers = [
            m.start() for _, m in self.found if start < m.start() < sentence[1] and not self.during_named(m)
        ]
        return min([sentence[1]] + [m.start() for m in (stop, occasion, told) if m] + cues[:1] + triggers[:1])

    def during_named(self, found: re.Match) -> bool:
        """ "ويلتقي محمد بن زايد خلال الزيارة الرئيس بوتين": "during the visit" names an
        event already told; the verb's clause goes on past it. Not "his visit", which may name
        where it went ("أثناء زيارتهما روسيا")."""
        words = WORD.findall(found.group())
        told = bool(words) and key(words[0]).startswith("ال")
        return told and self.view.word_before(found.start()) in DURING_LEADS

    def actors_start(self, position: int, sentence: tuple[int, int]) -> int:
        """Where the trigger's subject may stand: its clause, after any "when" opening a clause
        ("الدور الذي تلعبه إيران عندما يلتقي مع لافروف": not Iran); its date may stand before."""
        start = self.clause_start(position, sentence)
        for conjunction in WHEN.finditer(self.view.text, start, position):
            start = conjunction.end()
        return start

    def clause_start(self, position: int, sentence: tuple[int, int]) -> int:
        """After the last أن/إن or dateline dash before the trigger ("أنقرة (وكالة) – التقى")."""
        start = sentence[0]
        for comp in COMPLEMENTIZER.finditer(self.view.text, sentence[0], position):
            start = comp.end()
        marks = list(re.finditer(r"[–—:)]|\s-\s", self.view.text[start:position]))
        return start + marks[-1].end() if marks else start

    def actor(self, span: EntitySpan, targets: bool = False, partners: bool = False) -> bool:
        """Can this mention be a party? As in quotes, plus the target after على/ضد of an attack
        or sanction and the partner after مع of a meeting, call or agreement ("اجتمع ماكرون مع
        ميركل"); never words inside a quotation when the trigger is outside it."""
        if any(a <= span.start < b and not a <= self.trigger_at < b for a, b in self.quoted):
            return False  # a quoted list is not the clause's parties, unless the trigger is quoted too
        if span.entity.type == "PER" and self.view.serves_deputy(span):
            return False  # "دي ميستورا المبعوث الخاص للأمين العام للأمم المتحدة بان كي مون"
        if span.entity.type == "LOC" and self.view.word_before(span.start) in PLACE_CUES:
            return False  # "التي تستضيفها سنغافورة", "في مدينة لاهاي"
        if span.entity.type == "LOC" and self.view.in_part_of(span):
            return False  # "في جنوب لبنان": where, not who
        if span.entity.type == "LOC" and self.view.word_before(span.start) == ACCREDITED:
            return False  # "السفير الألماني لدى المملكة": his title, not a party
        if span.entity.type == "LOC" and self.office_place(span):
            return False  # "فيصل بن بندر أمير منطقة الرياض": his title, not a party
        if span.entity.type == "LOC" and self.in_apposed_title(span):
            return False  # "تميم بن حمد آل ثاني أمير دولة قطر": his title, he is the party
        if span.entity.type == "PER" and self.family_of(span):
            return False  # "استقبل ... أسرة شيخ قبائل أكلب ... الشيخ سعيد آل عطيان": his family came
        if reads_as(self.view.word_before(span.start), COMPETITIONS):
            return False  # "ذات العلاقة بمباراة كأس السوبر": a competition, no party
        if self.view.is_actor(span):
            return True
        before = self.view.word_before(span.start)
        if partners and self.view.text[max(0, span.start - 1) : span.start] == "ب":
            return span.entity.type in ("PER", "ORG")  # "اتصل ببوتين", "اجتمع بوفد الكونغرس"
        if not (targets and before in {key("على"), key("ضد")}) and not (partners and before == key("مع")):
            return False
        return span.entity.type in ("PER", "ORG") or self._is_country(span.entity)

    def family_of(self, span: EntitySpan) -> bool:
        """Is the person named as whose family it is ("أسرة X", "عائلة الشهيد X"): a family word
        within a few words before the name, no comma between, and no "و" joining him on?"""
        lead = self.view.text[max(0, span.start - 80) : span.start]
        words = list(WORD.finditer(lead))[-FAMILY_REACH_WORDS:]
        family = next((w for w in reversed(words) if key(w.group()) in FAMILIES), None)
        if family is None:
            return False
        between = lead[family.end() :]
        joined = any(w.startswith("و") and len(w) > 2 for w in WORD.findall(between)[-2:])  # "... والأمير Y"
        return "،" not in between and "," not in between and not joined

    def in_apposed_title(self, span: EntitySpan) -> bool:
        """A country inside the title right after a person's name ("جون كيري وزير خارجية
        الولايات المتحدة الأميركية", "تميم بن حمد آل ثاني أمير دولة قطر"): at most three words
        between, the first an office but no envoy's ("استقبل الملك سفير فرنسا": France's envoy
        came), no comma, and no name right after the country (that title is the next man's:
        "استقبل الملك سلمان رئيس وزراء باكستان نواز شريف")."""
        before = self.view.spans_in(max(0, span.start - 60), span.start)
        people = [s for s in before if s.entity.type == "PER"]
        if not people:
            return False
        between = self.view.text[people[-1].end : span.start]
        words = [key(w) for w in WORD.findall(between)]
        if not 0 < len(words) <= APPOSED_TITLE_REACH or words[0] not in TITLE_HEADS or words[0] in ENVOYS:
            return False
        named_next = any(s.entity.type == "PER" for s in self.view.spans_in(span.end, span.end + 3))
        return not re.search("[،,]", between) and not named_next

    def office_place(self, span: EntitySpan) -> bool:
        """A city or region right after an office word, with or without a word for its kind:
        "أمير منطقة الرياض", "محافظ جدة", "رئيس بلدية الخبر". A country after a title stands
        for the person it introduced (`party`), so countries are left to that."""
        if self._is_country(span.entity):
            return False
        words = [key(w) for w in WORD.findall(self.view.text[max(0, span.start - 40) : span.start])][-2:]
        if words and words[-1] in PLACE_NOUNS:
            words = words[:-1]
        return bool(words) and (words[-1] in OFFICE_HEADS or words[-1] in PRINCE_OF)

    def party(self, span: EntitySpan) -> Entity:
        """A country after a title ("أمير قطر") stands for the person it introduced."""
        return self.view.acting_entity(span)

    def clause_actors(
        self,
        match: re.Match,
        sentence: tuple[int, int],
        targets: bool = False,
        before_only: bool = False,
        partners: bool = False,
    ) -> list[Entity]:
        """Actors of a verb's clause: its subject just before it (within 8 words) and the actors
        after it up to the clause end; title phrases ("الرئيس الأميركي") count as their person."""
        start = self.actors_start(match.start(), sentence)
        end = self.clause_end(match.end(), sentence)
        # After a verb and a name, a relative clause tells of that name and ends the parties
        # ("التقى عددا من رفاق الطيار معاذ الكساسبة الذي قتله تنظيم داعش"); after a common noun
        # they follow it ("كان في استقباله أمام بوابة المسجد الذي تعرض للتفجير أمير منطقة عسير").
        # (After a noun trigger it may be the noun's own, "الزيارة التي سيقوم بها إلى واشنطن", and
        # looking back one inserted after the subject ends nothing: "هددت روما التي تطالب باريس
        # بالاعتذار، بإلغاء الاجتماع"; so this is not in `clause_end`.)
        relative = self.relative_after(match.end(), end)
        if relative is not None and self.view.spans_in(match.end(), relative):
            end = relative
        topic_opens = None if targets else TOPIC_OPENS.search(self.view.text, match.end(), end)
        end = topic_opens.start() if topic_opens else end
        before = [
            s
            for s in self.view.spans_in(start, match.start())
            if len(self.view.text[s.end : match.start()].split()) <= SUBJECT_REACH_WORDS
        ]
        if self.person_after_verb(match):  # "وبعد ... من قيام بروكسل بإبلاغ ...، عقد مدفيديف لقاء"
            before = [s for s in before if not re.search("[،,]", self.view.text[s.end : match.start()])]
        fronted = list(FRONTED_TIME.finditer(self.view.text, start, match.start()))
        # (a place right after a verb of visiting is where to, no subject: "والذي يزور مصر")
        if fronted and self.person_after_verb(match, ACTOR_TYPES if partners else ("PER", "ORG")):
            # "أثناء زيارة للرئيس الصيني شي جين بينغ وقعت المالديف اتفاقا": the visit is when
            before = [s for s in before if s.end <= fronted[-1].start()]
        spans = before + self.view.spans_in(
            match.start(), match.end() if before_only else end
        )  # may hold the subject
        found, placed, employers, served = [], None, self.employers(spans), []
        topic = self.discussed_topic(match, end) if partners else None
        for index, span in enumerate(spans):
            if index in employers:
                continue  # "مدير فرع وزارة الشؤون الإسلامية ... الشيخ أحمد الحازمي": the man acts
            if topic is not None and span.start > topic and not self.partner_word(span):
                continue  # "بحث الاتفاق بين الغرب وإيران": Iran is discussed
            between = self.view.text[placed.end : span.start] if placed is not None else None
            listed = between is not None and re.fullmatch(r"[\s،,]*و?\s*", between)
            if span.entity.type == "LOC" and listed:
                placed = span  # "الأوضاع في اليمن وسوريا والعراق": places listed after a place
                continue
            after_trigger = span.start >= match.start()  # "قرب الحدود مع سوريا، حيث التقى": no partner
            previous = spans[index - 1] if index else None
            if previous is not None and previous.entity.type == "PER" and span.entity.type == "ORG":
                if AFFILIATION.fullmatch(self.view.text[previous.end : span.start]):
                    continue  # "بحث روبرت بارو من جامعة هارفارد في البيانات": where he works
            accepted = self.actor(span, targets and after_trigger, partners and after_trigger)
            if accepted:
                found.append(self.party(span))
            elif span.entity.type == "PER" and self.view.serves_deputy(span):
                served.append(span.entity)  # not his title's person either
            placed = span if span.entity.type == "LOC" and not accepted else None  # "في اليمن"
        breaks = list(CLAUSE_BREAK.finditer(self.view.text, start, match.start()))
        # the first title phrase stands for its person, and so does any other inside the trigger's
        # words for one not named in the clause ("عقد الأمير محمد بن سلمان ووزير الدفاع الأميركي
        # اجتماعاً": the prince's title, then Carter's)
        # (not one before a verb whose own subject follows it: "واجتمع الراشد بلاعبي الفريق")
        lead = match.start() if self.subject_with_partner(match) else breaks[-1].end() if breaks else start
        titled = self.view.titled_people(lead, end)[:1]
        named_here = [s.entity for s in spans]
        inside = [
            person
            for joined in WORD.finditer(self.view.text, match.start(), match.end())
            if joined.group().startswith("و") and key(joined.group()[1:]) in TITLE_HEADS
            for person in self.view.titled_people(joined.start(), match.end())[:1]
        ]  # only a title joined by و: the host's own titles may stand inside too ("عقد الأمير
        # محمد بن سلمان ... وزير الدفاع السعودي في مكتبه بجدة أمس اجتماعًا")
        titled += [p for p in inside if not any(p is e for e in named_here)]
        for person in titled:
            if person not in found and not any(person is p for p in served):
                found.append(person)
        return _unique(found)

    def subject_with_partner(self, match: re.Match) -> bool:
        """ "واجتمع الراشد بلاعبي الفريق": a person right after the verb, then a partner with
        بـ or مع, is the verb's own subject; no one else of the sentence joins him (with no
        partner word the name may be the object: "وصل X ...، والتقى الملك سلمان")."""
        if not self.person_after_verb(match):
            return False
        verb = WORD.match(self.view.text, match.start())
        person = self.view.spans_in(verb.end(), match.end() + 60)[0]
        following = WORD.findall(self.view.text[person.end : person.end + 30])[:1]
        return bool(following) and (following[0].startswith("ب") or key(following[0]) == key("مع"))

    def person_after_verb(self, match: re.Match, kinds: Collection[str] = ("PER",)) -> bool:
        """Does a person's name follow the trigger's verb right away ("عقد ألكسندر مدفيديف")?
        Then he is its subject, and a name before a comma belongs to a phrase put first."""
        verb = WORD.match(self.view.text, match.start())
        after = self.view.spans_in(verb.end(), match.end() + 60) if verb else []
        right_after = bool(after) and not self.view.text[verb.end() : after[0].start].strip()
        return right_after and after[0].entity.type in kinds

    def discussed_topic(self, match: re.Match, end: int) -> int | None:
        """Where a discussion verb's topic noun stands right after it ("بحث [الاتفاق] بين ...")
        or right after a name that follows it ("سيبحث الرئيس الأميركي مع ماي [إمكانية] عقد
        اتفاقات ... بين الولايات المتحدة والمملكة المتحدة")."""
        words = WORD.findall(match.group())
        if not words or not DISCUSS.fullmatch(words[0]):
            return None
        for position in [match.end()] + [s.end for s in self.view.spans_in(match.end(), end)]:
            after = WORD.search(self.view.text, position, end)
            if after and key(after.group()) in TOPIC_NOUNS:
                return after.start()
        return None

    def partner_word(self, span: EntitySpan) -> bool:
        """Is this name a partner, after مع or with ب glued ("مع بوتين", "ببوتين"), maybe
        behind "his counterpart" and a nationality ("مع نظيره الفرنسي لوران فابيوس")?"""
        glued = self.view.text[max(0, span.start - 1) : span.start] == "ب"
        if glued or self.view.word_before(span.start) == key("مع"):
            return True
        lead = [key(w) for w in WORD.findall(self.view.text[max(0, span.start - 40) : span.start])][-3:]
        at = next((i for i, w in enumerate(lead) if COUNTERPART_WORD.fullmatch(w)), None)
        if at is None:
            return False
        with_him = lead[at].startswith("ب") or (at > 0 and lead[at - 1] == key("مع"))
        return with_him and all(is_nationality(w) for w in lead[at + 1 :])

    def employers(self, spans: list[EntitySpan]) -> set[int]:
        """Indexes of the spans that are the employer of a person named after them."""
        return {
            i
            for i, span in enumerate(spans)
            if self.employer_of_next(span, spans[i + 1 : i + 3])
            or (i and self.employer_of_previous(span, spans[i - 1]))
        }

    def employer_of_previous(self, span: EntitySpan, person: EntitySpan) -> bool:
        """An organisation right after a person and his office ("مبارك واكسو لاعب روبن كازان",
        "X رئيس حركة حماس") is his employer, not a party of its own."""
        if span.entity.type != "ORG" or person.entity.type != "PER":
            return False
        gap = [key(w) for w in WORD.findall(self.view.text[person.end : span.start])]
        comma = "،" in self.view.text[person.end : span.start]
        return 1 <= len(gap) <= 2 and gap[0] in MEMBER_OF and not comma

    def employer_of_next(self, span: EntitySpan, following: list[EntitySpan]) -> bool:
        """An organisation after an office word ("مدير فرع وزارة ...", "رئيس حركة حماس") with a
        person named right after it is that person's employer, not a party of its own."""
        person = next((s for s in following if s.entity.type != "LOC"), None)  # "فرع الوزارة بمنطقة مكة X"
        if span.entity.type != "ORG" or person is None or person.entity.type != "PER":
            return False
        lead = [key(w) for w in WORD.findall(self.view.text[max(0, span.start - 40) : span.start])][-4:]
        gap = WORD.findall(self.view.text[span.end : person.start])
        return any(w in MEMBER_OF for w in lead) and len(gap) <= EMPLOYER_GAP_WORDS

    def attached(self, match: re.Match, sentence: tuple[int, int]) -> list[Entity]:
        """Participants attached to a noun: "لقاء بوتين وبزكشيان", "القمة بين X وY", "لقائه بـX",
        plus the owner of a possessive or purpose noun ("لقائه" -> the sentence's subject)."""
        people, reach = self.following_parties(match.end(), sentence[1])
        for titled in self.view.titled_people(match.end(), reach):
            if not any(same_party(titled, p) for p in people):
                people.append(titled)
        written = WORD.findall(match.group())[-1] if WORD.findall(match.group()) else ""
        noun = key(written)
        possessive = re.search(r"(?:ه|ها|هما)$", written.rstrip("\u064b")) is not None
        purpose = noun in PURPOSE_NOUNS and not TOOK_PLACE.match(self.view.text, match.end())
        owners = 2 if written.endswith("هما") else 1
        partnered = self.view.word_after(match.end()) == WITH  # "لقاءات مع X وY": someone met them
        listed = self.view.word_after(match.end()) == BETWEEN and not possessive  # all named after بين
        # "أن اجتماع الهيئة العامة سيبحث": a body's own meeting, which whoever tells of it does not hold
        next_span = next((s for s in self.view.spans if match.end() <= s.start <= match.end() + 1), None)
        own_meeting = bool(next_span) and next_span.entity.type == "ORG" and people == [next_span.entity]
        if (possessive or purpose or partnered or len(people) == 1) and not listed:
            for _ in range(owners):
                owner = self.sentence_owner(self.within_quote(match.start(), sentence), match.start(), people,
                                            nearest=purpose)  # fmt: skip
                if possessive and written.startswith("و"):
                    owner = self.coordinated_owner(match, sentence) or owner
                if owner is not None and not (own_meeting and self.tells_in(owner, sentence)):
                    people.insert(0, owner)
        return _unique(people)

    def tells_in(self, entity: Entity, sentence: tuple[int, int]) -> bool:
        """Is the entity the speaker of a speech cue in the sentence?"""
        return any(sentence[0] <= c.start < sentence[1] and r.entity is entity for c, r in self.cue_speakers)

    def coordinated_owner(self, match: re.Match, sentence: tuple[int, int]) -> Entity | None:
        """Whose "ولقائه" it is after another event noun: the person that noun names ("ترحيب
        بلاده بزيارة الأمير محمد بن سلمان ... ولقائه بالملك عبدالله الثاني": the prince's)."""
        earlier = [m for t, m in self.found if t.form == "noun" and sentence[0] <= m.start() < match.start()]
        if not earlier:
            return None
        named = self.view.spans_in(earlier[-1].end(), match.start())
        person = next((s for s in named if s.entity.type == "PER" and self.actor(s)), None)
        return person.entity if person else None

    def following_parties(self, position: int, end: int) -> tuple[list[Entity], int]:
        """Parties named right after a noun, through links ("بين", "مع", "الذي جمع", titles,
        nationality adjectives); a title may carry up to two words of its own ("وزير التخطيط")."""
        if (position, end) not in self._following:
            people, reach = self._following_parties(position, end)
            # "الزعيم الكوري الشمالي كيم جونغ أون": his title and his name are one party
            self._following[(position, end)] = (_unique(people), reach)
        people, reach = self._following[(position, end)]
        return list(people), reach

    def _following_parties(self, position: int, end: int) -> tuple[list[Entity], int]:
        people: list[Entity] = []
        spans = [s for s in self.view.spans if position <= s.start < end]
        words, slack = 0, 1  # one complement word may follow the noun: "مفاوضات التجارة بين"
        text = self.view.matching
        before_place = None  # where a place passed over began, until a party follows it
        while words <= NOUN_REACH_WORDS and position < end:
            span = next(
                (s for s in spans if s.start >= position and GAP.fullmatch(text[position : s.start])),
                None,
            )
            where = IN_PLACE.match(text, position)
            places = (s for s in spans if where and s.start == where.end() and s.entity.type == "LOC")
            located = next(places, None)
            if located is not None:
                before_place = position if before_place is None else before_place
                position, words = located.end, words + 1  # "خلال لقائه، أمس في الرياض، X": where, then X
                continue
            if span is not None:
                place = span.entity.type == "LOC"
                after = [s for s in spans if s.start >= span.end][:2]
                employer = self.employer_of_next(span, after)  # "لقائه الامين العام لمجلس التعاون ... X"
                party = span.entity.type != "MISC" and (not place or self._party_place(span, words))
                if party and not employer:
                    people.append(self.party(span))
                    before_place = None
                position, slack = span.end, 0
                continue
            word = re.match(r"[\s،,\"«»“”]*([\w\u0600-\u06ff#]+)", text[position:end])
            if not word:
                break
            linked = self._links(word.group(1))
            if not linked and slack == 0 and not _bare_title(word.group(1)):
                break  # "بين الوزير X [والوزير] Y": a second party's title goes on
            slack = 2 if _bare_title(word.group(1)) else max(0, slack - 1) if not linked else slack
            if words == 0 and linked and not _bare_title(word.group(1)):
                slack = 0  # the spare word is only for a complement right after the noun
            position += word.end()
            words += 1
        return people, position if before_place is None else before_place  # "لقاءات الجبير [في روسيا]"

    def _party_place(self, span: EntitySpan, words: int) -> bool:
        """Does a place after a noun take part? A country or capital acting does, but a city
        right after the noun is where it happens ("لقاء الدوحة", "محادثات جنيف")."""
        if not self.view.is_actor(span):
            return False
        written = place_of(self.view.text[span.start : span.end])  # "ستوكهولم", resolved to Sweden
        written_as_country = written is None or written.kind == "country"
        return words > 0 or (written_as_country and self._is_country(span.entity))

    def _links(self, word: str) -> bool:
        folded = key(word)
        bare = folded[1:] if folded[:1] in ("و", "ب", "ل") and len(folded) > 3 else folded
        return folded in NOUN_LINKS or bare in NOUN_LINKS or country_of_word(word) is not None

    def _is_country(self, entity: Entity) -> bool:
        place = place_of(entity.name)
        return place is not None and place.kind == "country"

    def quote_at(self, position: int) -> tuple[int, int] | None:
        """The quoted words that hold `position`, if any."""
        return next(((a, b) for a, b in self.quoted if a <= position < b), None)

    def within_quote(self, position: int, span: tuple[int, int]) -> tuple[int, int]:
        """The part of `span` inside the quoted words that hold `position`: a trigger in a
        quotation takes its owner from it ('قال متحدث باسم الرئاسة هو جربا شيهو، إن «الزيارة
        التي ستستمر يوما واحدا للكاميرون»': not the spokesman's visit)."""
        quote = self.quote_at(position)
        return (max(span[0], quote[0]), min(span[1], quote[1])) if quote else span

    def sentence_owner(
        self,
        sentence: tuple[int, int],
        before: int,
        exclude: list[Entity],
        nearest: bool = False,
        speakers: bool = True,
    ) -> Entity | None:
        """Whose "لقائه" it is: the first person acting in the sentence (for a purpose noun,
        "لزيارة", the nearest one before it), else an organisation, else the speaker."""
        named = self.view.spans_in(sentence[0], sentence[1])
        employers = self.employers(named)
        spans = [
            s for i, s in enumerate(named) if i not in employers and self.actor(s) and s.entity not in exclude
        ]
        if nearest:
            spans = sorted((s for s in spans if s.end <= before), key=lambda s: -s.start)
        for wanted in ("PER", "ORG"):
            for span in spans:
                if span.entity.type == wanted:
                    return span.entity
        if not speakers:
            return None
        said = [r.entity for c, r in self.cue_speakers if sentence[0] <= c.start < before and r.entity]
        return said[-1] if said and said[-1] not in exclude else None

    def issuer(self, position: int, sentence: tuple[int, int], trigger_start: int) -> Entity | None:
        """Who made a statement: the speaker of the cue at or before it in the sentence, else
        the actor right before the trigger ('وصفته "جازبروم" في بيان'), else the sentence's
        first actor."""
        cues = [(c, r) for c, r in self.cue_speakers if sentence[0] <= c.start <= position + 1]
        if cues and cues[-1][1].entity is not None:
            return cues[-1][1].entity
        if cues:
            return None
        actors = [s for s in self.view.spans_in(sentence[0], position) if self.view.is_actor(s)]
        before = [s for s in actors if s.end <= trigger_start]
        if before and not WORD.search(self.view.text[before[-1].end : trigger_start]):
            return before[-1].entity
        return actors[0].entity if actors else None

    def read_visit(self, draft: Draft, match: re.Match, sentence: tuple[int, int], trigger: Trigger) -> None:
        """Visitor, destination and visited party: "زار X إسرائيل", "وصل إلى جدة ... X",
        "زيارة X إلى Y", "زيارته لروسيا"; an organisation visited ("زار ... قيادة التحالف")
        is the visited party, else the destination's country."""
        end = self.clause_end(match.end(), sentence)
        places = [
            s
            for s in self.view.spans_in(match.end(), end)
            if s.entity.type == "LOC" and self._headed(s, match)
        ]
        if not places:  # the object after a named visitor: "وسيزور وزير الخارجية الصيني وانغ يي القاهرة"
            not_object = {key(w) for w in "من بين و في عن مع لدى".split()}
            places = [
                s
                for s in self.view.spans_in(match.end(), end)
                if s.entity.type == "LOC" and self.view.word_before(s.start) not in not_object
            ][:1]
        destination = places[0] if places else None
        if trigger.form == "noun" and self.view.word_after(match.end()) in VISITED_BUILDINGS:
            visitors = []  # "بزيارة منزل شاروخان": his house is visited, the visitor is not named
        elif trigger.form == "noun":
            following, reach = self.following_parties(match.end(), sentence[1])
            named = next((s for s in self.view.spans_in(match.end(), reach) if s.entity.type == "PER"), None)
            named_first = named is not None and all(
                key(w) in HONORIFIC_LEADS for w in WORD.findall(self.view.text[match.end() : named.start])
            )
            # a title after the name is his ("زيارة الأمير محمد بن سلمان ولي ولي العهد النائب الثاني")
            titled = None if named_first else self.view.titled_person(match.end(), reach)
            visitors = [p for p in ([titled] if titled else []) + following if p.type != "LOC"]
            noun = match.group().split()[-1]
            if POSSESSIVE_END.search(noun) and not named_first:
                visitors = []  # "وكان في استقبال ولي ولي العهد لدى وصوله المطار الأمير فيصل": his hosts
            if not visitors and not self.arrival_of_thing(match):
                quoted_part = self.within_quote(match.start(), sentence)
                owner = self.subject_of_earlier(match, sentence) or self.sentence_owner(
                    quoted_part, match.start(), [], nearest=True, speakers=False
                )
                visitors = [owner] if owner is not None else []
        else:
            visitors = [p for p in self.clause_actors(match, sentence) if p.type != "LOC"]
        stated = TOWARDS.search(self.view.text, match.end(), end)  # "لزيارة شكري إلى المملكة": unnamed
        if destination is None and trigger.form == "noun" and not stated:  # "متجها إلى الكويت، لإجراء زيارة"
            earlier = [s for s in self.view.spans_in(sentence[0], match.start()) if s.entity.type == "LOC"]
            earlier = [s for s in earlier if self.view.word_before(s.start) in VISIT_PLACE_CUES]
            destination = earlier[-1] if earlier else None
        if destination is not None and visitors and self.own_country(visitors[0], destination):
            visitors = []  # "برقية للرئيس المصري السيسي بعد انتهاء زيارته لمصر": not his visit
        limit = destination.start if destination and destination.start > match.end() else end
        seen_visitor = max(
            (s.end for s in self.view.spans_in(match.end(), limit) if visitors and s.entity is visitors[0]),
            default=match.end(),
        )
        between = self.view.spans_in(match.end(), limit)
        employers = self.employers(between)  # "مبارك واكسو لاعب روبن كازان": his club, not visited
        hosts = [
            s.entity
            for i, s in enumerate(between)
            if s.start >= seen_visitor
            and s.entity.type == "ORG"
            and s.entity not in visitors[:1]
            and i not in employers
        ]
        draft.participants = visitors[:1]
        if hosts and trigger.form != "noun":
            draft.participants.append(hosts[0])
        elif destination is not None:
            country = self.country_entity(destination)
            if country is not None:
                draft.participants.append(country)
        if destination is not None:
            draft.location, draft.place_name = destination.entity, self.place_label(destination)

    def subject_of_earlier(self, match: re.Match, sentence: tuple[int, int]) -> Entity | None:
        """ "التقى كارتر ... بارزاني في اليوم الثاني من زيارته للعراق": "his" visit is that of
        the subject of the event drafted before in the sentence, not of its nearest name; so is
        a visit during which that event happens ("سيعقد لافروف اجتماعا ... مع كيري والجبير خلال
        زيارة عمل لقطر")."""
        words = WORD.findall(match.group())
        during = self.view.word_before(match.start()) in DURING_LEADS
        possessive = bool(words) and words[-1].endswith(("ه", "ها"))
        earlier = [d.participants for d in self.drafted_before(match, sentence) if d.type in TRAVEL_TYPES]
        earlier = [parties for parties in earlier if parties]
        subject = earlier[0][0] if (possessive or during) and earlier else None
        return subject if subject is not None and subject.type == "PER" else None  # a person travels

    def own_country(self, visitor: Entity, destination: EntitySpan) -> bool:
        """Is the destination the visitor's own country (no one visits his own country)?"""
        if not self._is_country(destination.entity):
            return False
        found = cameo.place_country(self.place_label(destination))
        if found is None or visitor.type == "LOC":
            return False
        return self.nationality(visitor, strict=True) == found.country

    def arrival_of_thing(self, match: re.Match) -> bool:
        """ "أعلن المحافظ وصول أول سفينة مساعدات": a bare visit noun followed by a common word
        names what arrives; the sentence's subject did not travel."""
        written = WORD.findall(match.group())[-1] if WORD.findall(match.group()) else ""
        if "وصول" not in written or re.search(r"(?:ه|ها|هما)$", written):
            return False  # "وصوله": the owner travels; a "زيارة" is always someone's
        following = re.match(r"\s+([\w\u0600-\u06ff]+)", self.view.text[match.end() :])
        if following is None or any(s.start == match.end() + following.start(1) for s in self.view.spans):
            return False
        word = following.group(1)
        if word in ("له", "لها", "لهما"):
            return False  # "ثاني زيارة له": his
        return not self._links(word) and not _bare_title(word)

    def _headed(self, span: EntitySpan, match: re.Match) -> bool:
        """Is this place where the visit goes: after إلى/لـ, or the verb's object ("زار إسرائيل",
        "يصل العاصمة المصرية القاهرة")?"""
        glued = self.view.text[max(0, span.start - 1) : span.start] == "ل"
        before = self.view.word_before(span.start)
        near = len(self.view.text[match.end() : span.start].split()) <= 3
        return glued or before in VISIT_PLACE_CUES or (near and before not in NOT_VISIT_OBJECT)

    def place_label(self, span: EntitySpan) -> str:
        """A city named where the entity resolved it to its country (metonymy) keeps its name."""
        surface = place_of(self.view.text[span.start : span.end])
        if surface is not None and surface.kind == "city" and self._is_country(span.entity):
            return surface.name
        return span.entity.name

    def country_entity(self, span: EntitySpan) -> Entity | None:
        found = cameo.place_country(self.place_label(span))
        if found is None:
            return None
        for entity in self.view.entities:
            if entity.type == "LOC" and place_of(entity.name) and place_of(entity.name).id == found.id:
                return entity
        return Entity(found.name, "LOC", [found.name], found.id)

    # -- attributes ---------------------------------------------------------------------------

    def fill(self, draft: Draft, anchor: Draft) -> None:
        """Location, occasion, duration and date from the anchor's sentence, where missing."""
        start, end = anchor.sentence
        after = anchor.end if anchor is draft else start
        if draft.location is None or self._is_country(draft.location):
            place = self.place(start, end, after, draft)
            if place is not None and (draft.location is None or _city_in(place.entity, draft.location)):
                draft.location, draft.place_name = place.entity, self.place_label(place)
        if draft.occasion is None and draft.type in ("meeting", "visit", "call", "negotiation", "agreement"):
            draft.occasion = self.occasion(start, end, draft)
        if draft.duration is None and draft.type in ("meeting", "visit", "call", "negotiation"):
            draft.duration = self.duration(start, end, after)
        if draft.date_text is None:
            self.date(
                draft, start, end, anchor.start if anchor is draft else start, anchor.rule == "meeting_noun"
            )

    def place(self, start: int, end: int, after: int, draft: Draft) -> EntitySpan | None:
        """The most specific place introduced by في/بـ/مدينة ... in the sentence; for a trigger
        opening a clause with "حيث", the place just before it ("إلى الدوحة حيث سيلتقي"), unless
        its own clause names one ("في إقليم كردستان، حيث اجتمع الوفد ... في محافظة السليمانية"),
        not in a relative clause ("الاتفاق الذي أبرمته ... في فيينا"), or the sentence names a
        city of that country ("وصل إلى مدينة جدة ... في زيارة للمملكة، حيث كان في استقباله")."""
        found = self.place_in_sentence(start, end, after, draft)
        where = self.place_before_where(draft) if after == draft.end else None
        if where is None or found is None:
            return found or (self.named_after(where) if where else None)
        own_end = self.relative_after(draft.end, end) or end
        if draft.end <= found.start < own_end or _city_in(found.entity, where.entity):
            return found
        return self.named_after(where)

    def place_in_sentence(self, start: int, end: int, after: int, draft: Draft) -> EntitySpan | None:
        """The most specific place introduced by في/بـ/مدينة ... in the sentence."""
        cues = PLACE_CUES | (TARGET_CUES if draft.type == "attack" else set())
        cues |= {"و" + cue for cue in cues}  # "وفي مصر سيلتقي كيري": a place put first
        towards = draft.type == "visit" or draft.rule == "meeting_noun"  # "إلى قصر وندسور للقاء الملكة"
        topic = TOPIC.search(self.view.text, after, end) if draft.type != "attack" else None
        if topic is None and draft.type in ("call", "visit", "meeting"):
            topic = DISCUSS_WORD.search(self.view.text, draft.end, end)  # "اتصالا ... بحثا خلاله"
        trigger_words = WORD.findall(self.view.text[draft.start : draft.end])
        discussed = bool(trigger_words) and DISCUSS.fullmatch(trigger_words[0]) is not None
        end = topic.start() if topic else end  # "جلسة طارئة لبحث الأوضاع في السودان": what, not where
        meanwhile = WHILE_CLAUSE.search(self.view.text, after, end)
        end = meanwhile.start() if meanwhile else end  # "... في وقت يحاول فيه العراق استعادة الرمادي"
        candidates = []
        for span in self.view.spans_in(start, end):
            if span.entity.type != "LOC" or span.entity in draft.participants and draft.type != "visit":
                continue
            if self.view.word_before(span.start) == ACCREDITED:
                continue  # "السفير لدى المملكة": the ambassador's title
            before = [key(w) for w in WORD.findall(self.view.text[max(start, span.start - 40) : span.start])][
                -3:
            ]
            # the place a visit or a trip to meet goes to, maybe with its kind ("إلى قصر وندسور")
            kind_of_place = len(before) > 1 and reads_as(before[-1], PLACE_NOUNS)
            led = before[-2:] if kind_of_place else before[-1:]
            if towards and VISIT_PLACE_CUES.intersection(led):
                before = before + ["في"]
            letter = self.view.text[max(0, span.start - 1) : span.start]
            # "زيارة لم يعلن عنها مسبقا لبغداد": where a visit goes
            glued = letter == "ب" or ((draft.type == "attack" or towards) and letter == "ل")
            if glued or any(w in cues for w in before):
                rank = self._specificity(span, before)
                if rank == 2 and discussed and span.start >= after:
                    continue  # "بحث X ونظيره Y الحرب في سوريا": the country is what they discussed
                candidates.append(
                    (rank, 0 if span.start >= after else 1, abs(span.start - after), span.start, span)
                )
        if not candidates and draft.type in ("meeting", "visit"):  # "في البيت الأبيض", "في الكرملين"
            for span in self.view.spans_in(max(start, after), end):
                body = reads_as(span.entity.name.split()[0], BODY_HEADS)  # "الوزراء في مجلس التعاون": members
                lead = self.view.text[max(start, span.start - 40) : span.start]
                before = [key(w) for w in WORD.findall(lead)]
                inside = before[-1:] == [key("في")] and not INSIDERS.intersection(before[-2:-1])
                if span.entity.type == "ORG" and inside and not body:  # not "مصادر في الحكومة اليابانية"
                    return span
        if draft.rule == "meeting_noun" and after == draft.end:
            _, reach = self.following_parties(draft.end, end)
            where = IN_PLACE.match(self.view.text, reach)
            attached = [s for s in self.view.spans_in(reach, end) if where and s.start == where.end()]
            if attached and attached[0].entity.type == "LOC":
                return self.named_after(attached[0])  # "في لقاءات الجبير في روسيا": its own place
        clause = self.own_clause(draft, after)
        own = [c for c in candidates if clause is not None and c[3] >= clause]
        candidates = own or candidates  # "بعد الهجوم الانتحاري الذي وقع ... في سوروتش": there
        if draft.type != "statement" and not any(c[1] == 0 for c in candidates):  # none after the trigger
            capital = self.capital_by_adjective(after, end)
            if capital is not None:
                return capital
        return self.named_after(min(candidates, key=lambda c: c[:4])[4]) if candidates else None

    def capital_by_adjective(self, start: int, end: int) -> EntitySpan | None:
        """ "على فندق في العاصمة الصومالية": a capital named by its country's adjective, after
        the trigger, is a place of its own (Mogadishu), named as the gazetteer names it."""
        found = CAPITAL_OF.search(self.view.text, start, end)
        country = country_of_word(found.group("people")) if found else None
        if found is None or country is None:
            return None
        capital = load_knowledge().capital_of(country.country) if country.country else None
        if capital is None:
            return None
        entity = Entity(capital.name, "LOC", [capital.name], capital.id)
        return EntitySpan(found.start("capital"), found.end(), entity)

    def place_before_where(self, draft: Draft) -> EntitySpan | None:
        """ "ومن مصر سينتقل كيري الاثنين إلى الدوحة حيث سيلتقي نظراءه": "where" takes up the
        place named right before it, when the trigger opens the clause it starts."""
        if draft.type == "statement":
            return None
        lead = WORD.findall(self.view.text[max(draft.sentence[0], draft.start - 12) : draft.start])
        if not lead or key(lead[-1]).removeprefix("و") != WHERE:
            return None
        where = self.view.text.rfind(lead[-1], draft.sentence[0], draft.start)
        before = [s for s in self.view.spans_in(draft.sentence[0], where) if s.entity.type == "LOC"]
        if not before or self.view.text[before[-1].end : where].strip(" ،,"):
            return None
        if self.view.word_before(before[-1].start) == key("مع"):
            return None  # "قرب الحدود مع سوريا، حيث التقى": a border, not where
        return before[-1]

    def own_clause(self, draft: Draft, after: int) -> int | None:
        """Where the trigger's own relative clause of happening ends its head ("الهجوم الذي
        وقع", in the match or right after it), if it has one; None if not."""
        if after != draft.end:
            return None
        if OCCURRED.search(self.view.text, draft.start, draft.end):
            return draft.end
        occurred = OCCURRED.match(self.view.text, draft.end)
        return occurred.end() if occurred else None

    def named_after(self, span: EntitySpan) -> EntitySpan:
        """A place described by a kind of place takes the name that follows it: "في قرية الهدنة
        الحدودية "بانمونجوم"" is Panmunjom."""
        if not reads_as(span.entity.name.split()[0], PLACE_NOUNS):
            return span
        for later in self.view.spans_in(span.end, span.end + 60):
            between = self.view.text[span.end : later.start]
            apposed = len(between.split()) <= 2 and not re.search(r"[،,.؛:]", between)
            if later.entity.type == "LOC" and apposed:
                return later
        return span

    def _specificity(self, span: EntitySpan, before: list[str]) -> int:
        """0 a city (gazetteer, or "مدينة X"/"عاصمة X"), 1 another named place, 2 a country."""
        name = span.entity.name
        city_words = {key("مدينة"), key("بمدينة"), key("العاصمة")}  # "عاصمة X" names a country
        place = place_of(re.sub(r"^(?:مدينة|العاصمة)\s+", "", name))
        if (
            (place and place.kind == "city")
            or (before and before[-1] in city_words)
            or key(name.split()[0]) in city_words
        ):
            return 0
        return 2 if place and place.kind == "country" else 1

    def duration(self, start: int, end: int, after: int) -> float | None:
        """A length after the trigger, or one governed by "استمر/دام/استغرق" anywhere in the
        sentence ("واستمر اللقاء لنحو 45 دقيقة")."""
        for found in find_durations(self.view.text[start:end]):
            lead = " ".join(self.view.text[start : start + found.start].split()[-3:])
            if start + found.start >= after or LASTING.search(lead):
                return found.minutes
        return None

    def occasion(self, start: int, end: int, draft: Draft) -> str | None:
        for match in OCCASION.finditer(self.view.text, start, end):
            if match.start("occasion") <= draft.start < match.end("occasion"):
                continue
            name = OCCASION_STOP.sub("", match.group("occasion"))
            name = re.sub('["«»“”]', "", name).strip(" .،,")
            words = name.split()
            return " ".join(words[:10]) if len(words) >= 2 else None
        return None

    def date(self, draft: Draft, start: int, end: int, after: int, only_after: bool = False) -> None:
        """The first date from the trigger on, else the last one before it in its clause; for
        a statement, no date to come in what it reports ('وقالت ساندرز في مؤتمر صحفي إن
        "الرئيس ... سيلتقي رئيسة الوزراء في 13 يوليو"': the statement was made already)."""
        if draft.planned and AGREED_TO.search(self.view.text, max(start, after - 30), after):
            only_after = True  # "اتفقتا الثلاثاء على عقد قمة": Tuesday is the agreement's day
        mentions = find_dates(self.view.text[start:end], self.reference, planned=draft.planned)
        later = [m for m in mentions if start + m.start >= after]
        if draft.type == "statement" and not draft.planned:
            reported = REPORTED.search(self.view.text, max(start, after), end)
            said = reported.start() if reported else end
            later = [m for m in later if start + m.start < said or not self.to_come(m.date)]
        earlier = [
            m
            for m in mentions
            if start + m.end <= after and start + m.start >= self.clause_start(after, (start, end))
        ]
        relative = self.relative_after(max(after, draft.end), end)  # not its own ("الهجوم الذي وقع")
        if earlier and not only_after and relative is not None:
            # "سينتقل كيري الاثنين إلى الدوحة حيث سيلتقي نظراءه ... الاتفاق الذي أبرمته الدول
            # الكبرى مع إيران في 14 يوليو": a date in a relative clause after the trigger is its own
            later = [m for m in later if start + m.start < relative]
        chosen = later[0] if later else (earlier[-1] if earlier and not only_after else None)
        if chosen is not None and not later and self.future_before_statement(draft, chosen.date):
            chosen = None  # "مشاركة ... في لقاء السوبر غدا ... بعدما أعلن X": the match is tomorrow
        if chosen is not None:
            draft.date, draft.date_text = chosen.date, chosen.text
            if self.reference and chosen.date and chosen.date > self.reference.isoformat():
                draft.planned = True

    def relative_after(self, after: int, end: int) -> int | None:
        """Where the first relative pronoun after the trigger stands in its sentence, if any."""
        words = WORD.finditer(self.view.text, after, end)
        return next((w.start() for w in words if key(w.group()) in RELATIVES), None)

    def future_before_statement(self, draft: Draft, date: str | None) -> bool:
        """A statement not worded as to come is made by the time it is reported: a later date
        before it in its sentence is another clause's."""
        return draft.type == "statement" and not draft.planned and self.to_come(date)

    def to_come(self, date: str | None) -> bool:
        """Is the date after the article's?"""
        return bool(self.reference and date and date > self.reference.isoformat())

    def refer_back(self, sentence: tuple[int, int], new_types: set[str]) -> None:
        """A sentence that names an earlier event again ("وعُقد اللقاء في ...") adds to it."""
        text = self.view.text[sentence[0] : sentence[1]]
        for event_type, pattern in ANAPHORS.items():
            named = pattern.search(text)
            another = named and self.view.word_after(sentence[0] + named.end()) in ANOTHER
            if event_type in new_types or not named or another:
                continue  # "قمة أخرى بين الزعيمين": a second one
            earlier = [d for d in self.drafts if d.type == event_type and d.sentence[0] < sentence[0]]
            if earlier and self.someone_elses(named, sentence, earlier[-1]):
                continue  # "مشاركة المدافع فيصل الخراع ... عقب وصوله أمس الأول": his own arrival
            if earlier:
                target = earlier[-1]
                # what it adds is said from the noun on ("وعُقد اللقاء في قصر الحكم"), not in a clause
                # before it ("وروتو الذي يحاكم ... في لاهاي، كان موجودا في قاعة الاجتماع")
                rest = (sentence[0] + named.start(), sentence[1])
                self.fill(target, Draft(event_type, [], rest[0], rest[0], rest, "anaphor"))
                target.evidence.append(text[:EVIDENCE_CHARS])

    def someone_elses(self, named: re.Match, sentence: tuple[int, int], target: Draft) -> bool:
        """Is a possessive event noun ("وصوله", "زيارتها") that of a person named before it in
        its sentence who takes no part in the earlier event?"""
        if not POSSESSIVE_END.search(named.group()):
            return False
        start = sentence[0] + named.start()
        people = [s.entity for s in self.view.spans_in(sentence[0], start) if s.entity.type == "PER"]
        return bool(people) and not any(same_party(people[-1], p) for p in target.participants)

    # -- output -------------------------------------------------------------------------------

    def country_code(self, entity: Entity) -> str | None:
        """ISO country of a participant, from the words around its mentions."""
        if entity.name not in self.countries:
            self.countries[entity.name] = self._country_code(entity)
        return self.countries[entity.name]

    def _country_code(self, entity: Entity) -> str | None:
        if entity.type == "LOC":
            found = cameo.place_country(entity.name)
            return found.country if found else None
        stated = self.nationality(entity)
        if stated is not None:
            return stated
        for span in (s for s in self.view.spans if s.entity is entity):
            near = [s for s in self.view.spans if s.entity.type == "LOC" and 0 <= span.start - s.end <= 12]
            if near and cameo.place_country(near[-1].entity.name):
                return cameo.place_country(near[-1].entity.name).country
        return cameo.NON_STATE if entity.type == "ORG" else None

    def nationality(self, entity: Entity, strict: bool = False) -> str | None:
        """The country of a nationality adjective in a mention ("الرئيس الأميركي") or beside
        one ("الروسي فلاديمير بوتين", "بوتين الروسي"); `strict` reads only the mention's own
        sentence before it (not '"... الجانب الصيني". وذكرت كورت'), for CAMEO a nearer word
        of the sentence before often still names the party's country."""
        for word in " ".join([entity.name, *entity.mentions]).split():
            found = country_of_word(word)
            if found:
                return found.country
        for span in (s for s in self.view.spans if s.entity is entity):
            lead = self.view.text[max(0, span.start - 40) : span.start]
            before = WORD.findall(re.split(r"[.!?؟\n]", lead)[-1] if strict else lead)[-3:]
            if self.view.text[max(0, span.start - 1) : span.start] in ("ل", "ب"):
                before = []  # "ولي العهد السعودي للسيسي": the adjective is the crown prince's
            # "بوتين الروسي", but not "بوتين والإيراني ...": that one is the next name's
            after = [w for w in WORD.findall(self.view.text[span.end : span.end + 25])[:1] if not w.startswith("و")]
            for word in reversed(before + after):
                found = country_of_word(word)
                if found:
                    return found.country
        return None

    def place_code(self, draft: Draft) -> str | None:
        if draft.location is None:
            return None
        found = cameo.place_country(draft.place_name or draft.location.name)
        if found:
            return found.country
        for span in (s for s in self.view.spans if s.entity is draft.location):
            for word in WORD.findall(self.view.text[span.end : span.end + 20])[:1]:
                nation = country_of_word(word)
                if nation:
                    return nation.country
        return None

    def event(self, draft: Draft) -> ExtractedEvent:
        countries = {p.name: self.country_code(p) for p in draft.participants}
        code = cameo.cameo_code(
            draft.type,
            planned=draft.planned,
            hosted=draft.hosted,
            place_country=self.place_code(draft),
            party_countries=list(countries.values()),
            occasion=draft.occasion,
            sentence=" ".join(draft.evidence),
        )
        return ExtractedEvent(
            type=draft.type,
            participants=[p.name for p in draft.participants],
            location=(draft.place_name or draft.location.name) if draft.location else None,
            occasion=draft.occasion,
            date=draft.date,
            date_text=draft.date_text,
            duration_minutes=draft.duration,
            cameo=code,
            status="planned" if draft.planned else "happened",
            countries={name: code for name, code in countries.items() if code and code != cameo.NON_STATE},
            evidence=draft.evidence[:MAX_EVIDENCE],
        )


def _unique(entities) -> list[Entity]:
    seen, out = set(), []
    for entity in entities:
        if id(entity) not in seen:
            seen.add(id(entity))
            out.append(entity)
    return out


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def same_party(a: Entity, b: Entity) -> bool:
    """One referent: the same entity or name, or two names of a person one inside the other
    ("كيم" and "كيم جونغ أون", which resolution may leave apart)."""
    if a is b or key(a.name) == key(b.name):
        return True
    if a.type == b.type == "PER":
        words_a, words_b = set(key(a.name).split()), set(key(b.name).split())
        return words_a <= words_b or words_b <= words_a
    return False


def _within(small: list[Entity], big: list[Entity]) -> bool:
    return all(any(same_party(x, y) for y in big) for x in small)


def same_event(a: Draft, b: Draft) -> bool:
    """Two mentions of one event in an article: same type, compatible dates, and the same
    parties (one side's list inside the other's), or both without parties at one place."""
    if a.type != b.type or (a.date and b.date and a.date != b.date):
        return False
    if not a.participants or not b.participants:  # an unnamed side joins a named one at the same place
        same_place = a.location is b.location or (a.location is None and b.location is None)
        return same_place or (
            not a.participants and not b.participants and (a.location is None or b.location is None)
        )
    return _within(a.participants, b.participants) or _within(b.participants, a.participants)


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for draft in drafts:
        target = next((m for m in merged if same_event(m, draft) and _unambiguous(m, draft, merged)), None)
        if target is None:
            merged.append(draft)
            continue
        for person in draft.participants:
            if not any(same_party(person, p) for p in target.participants):
                target.participants.append(person)
        target.hosted = target.hosted or draft.hosted
        if target.location is None or (
            draft.location is not None and _city_in(draft.location, target.location)
        ):
            target.location, target.place_name = draft.location, draft.place_name
        for name in ("occasion", "date", "date_text", "duration"):
            if getattr(target, name) is None:
                setattr(target, name, getattr(draft, name))
        target.evidence.extend(e for e in draft.evidence if e not in target.evidence)
    return merged


def _city_in(city: Entity, country: Entity) -> bool:
    found, known = cameo.place_country(city.name), load_knowledge().place(country.name)
    return (
        found is not None
        and known is not None
        and known.kind == "country"
        and found.id == known.id
        and city is not country
    )


def _unambiguous(target: Draft, draft: Draft, merged: list[Draft]) -> bool:
    """A smaller party list joins a bigger one only when no other event also contains it."""
    if _within(draft.participants, target.participants) and _within(target.participants, draft.participants):
        return True
    return sum(1 for m in merged if same_event(m, draft)) == 1


def find_events(
    text: str, entities: list[Entity], published: str | None = None, sports: bool = False
) -> list[ExtractedEvent]:
    """Events in a body text whose entities are already resolved. In a sports report a
    meeting noun ("اللقاء أمام الإمارات", "قمة الهلال والنصر") is a match, so only verbs
    report meetings there."""
    if not text:
        return []
    reader = EventReader(read_speech(text, entities), published, sports=sports)
    return [reader.event(draft) for draft in reader.read()]


def add_events(article: Article) -> Article:
    """Fill `article.events` from its body; `published` resolves relative dates."""
    if not read_as_arabic(article):
        return article
    sports = article.section == "sports"
    article.events = find_events(article.text, article.entities, article.published, sports=sports)
    return article

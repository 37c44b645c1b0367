"""Article stage: who said what. Direct quotes (in quotation marks) and reported speech
("قال X إن ..."), each with its speaker resolved to one of the article's entities.

    add_quotes(article)  # article.entities must be filled first (entities before quotes)

A speech cue is a verb or participle of saying (قال/قالت، أكد، أضاف، أشار إلى، مؤكدا ...),
a medium that carries someone's words ("ونقلت CNN عن X أن": X is the speaker), a colon
after a name, or an attribution after the quote ("..."، بحسب X). The speaker is, in order:
- the entity named as the cue's subject ("وقال الرئيس الأميركي دونالد ترامب إن"); a
  person beats the organisation in his title ("المتحدث باسم الكرملين دميتري بيسكوف"), and
  an office with no name ("رئيس مجلس الأمن") or a vague source ("مصادر") is nobody;
- for a participle, the speaker of the sentence ("وتابعت التبريزي ...، مبينة أن");
- for a verb with the subject before it, that subject ("إلا أن ترامب قال إن");
- for a continuation cue ("وأضاف:", "وأردفت بقولها:"), the last speaker whose gender agrees
  with the verb. An addressee ("مخاطبا بوتين"), an outlet ("لـCNN") or a companion
  ("في مؤتمر صحفي مع العبادي") is never the speaker.
Quoted words of at least MIN_QUOTE_WORDS words after the cue are direct quotes; otherwise the
clause after أن/إن is reported speech (direct=False), up to the next cue or the sentence
end. Reported speech is kept only when its speaker is named in the sentence (see
QuoteOptions). The entity locator and gender rules here are shared with the event stage.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import islice, pairwise
from typing import NamedTuple

from marsad.arabic.normalize import normalize_word as key  # cached: hot in the cue and title scans
from marsad.arabic.sentences import Sentence, split_spans
from marsad.arabic.tokenize import SINGLE_PROCLITICS
from marsad.enrich.language import read_as_arabic
from marsad.enrich.resolve import BODY_HEADS
from marsad.knowledge import country_of_word, load_knowledge, place_of
from marsad.model import Article, Entity, Quote
from marsad.names import KIN, PATRONYMIC_PARTICLES, REGNAL_ORDINALS, TITLES_OF_HIM

# Quoted words shorter than this are names, labels or scare quotes ("مثمرة جدا"), not quotes.
MIN_QUOTE_WORDS = 3
# Reported clauses shorter than this are fragments ("قال إنه كذلك").
MIN_REPORTED_WORDS = 3
# A cue's subject must stand within this many words before its أن/إن.
MAX_SUBJECT_WORDS = 25


@dataclass(frozen=True)
class QuoteOptions:
    """What to keep beyond the default (direct quotes, reported speech with a named speaker).

    implicit_reported: reported speech whose speaker is only implied ("وأضاف أن ...");
        off by default because its boundaries and speaker are the least certain.
    unattributed: quotes whose speaker is not an entity ("وقالت مصادر إن"), speaker None.
    """

    implicit_reported: bool = False
    unattributed: bool = False


DEFAULT_OPTIONS = QuoteOptions()


MARKS = "[\u064b-\u065f\u0670]*"  # harakat and shadda a writer may add ("وأكّد")


def _tolerant(word: str) -> str:
    """Regex for a word that also matches its spellings with bare alef ("اكد" for "أكد") and
    with harakat. A final ى stays ى: written ي, the cue verbs are other words ("رأي" opinion,
    "نفي" denial, "روي" the name Roy)."""
    table = {"أ": "[أاإ]", "إ": "[إاأ]"}
    return "".join(table.get(ch, re.escape(ch)) + MARKS for ch in word)


def _alternation(words) -> str:
    return "|".join(_tolerant(w) for w in sorted(set(words), key=len, reverse=True))


# Verbs of saying, masculine past; the feminine adds ت (رأى/نفى/روى are irregular).
SPEECH_VERBS = (
    "قال أكد أضاف أوضح أشار لفت تابع أردف شدد صرح أعلن اعتبر رأى نفى كشف ذكر بين أفاد حذر نوه "
    "استطرد ختم أقر اعترف جدد زعم علق أبلغ روى وصف أبان"
).split()


def _written_forms(*verbs: str) -> frozenset[str]:
    """The verbs as a cue is written: bare, or after و/ف."""
    return frozenset(key(conj + verb) for verb in verbs for conj in ("", "و", "ف"))


# "وصف" (described) quotes only words in quotation marks.
DESCRIBE_FORMS = _written_forms("وصف", "وصفت")
# "أبلغ" takes whom it informs right after it.
INFORM_FORMS = _written_forms("أبلغ", "أبلغت")
IRREGULAR_FEMININE = {"رأى": "رأت", "نفى": "نفت", "روى": "روت"}
PRESENT_VERBS = {  # present tense: ي masculine, ت feminine; cues only after و/ف or first in a sentence
    f"{prefix}{stem}": "f" if prefix == "ت" else "m"
    for stem in "قول ؤكد ضيف وضح شير رى عتبر".split()
    for prefix in "يت"
}
# Cue words that are also common other words: "بين" is "between" unless "وبيّن ... أن".
# So is "أبان" (explained), whose bare-alef form is "إبان" (during), and "أقر" (admitted), which
# also passes a law ("أقرت المالديف الخميس تشريعا يسمح ...").
AMBIGUOUS_VERBS = {"بين", "أبان", "أبانت", "أقر", "أقرت"}
SPEECH_PARTICIPLES = (
    "قائل مؤكد مضيف موضح مشير لافت مبين مشدد معتبر منوه محذر مردف متابع كاشف معلن ناف مستطرد مستدرك"
).split()
# Cue words that carry someone else's words: "ونقلت CNN عن X".
MEDIUM_VERBS = ("نقل", "نقلت", "تنقل", "ينقل")
# Speech verbs with the said thing as a pronoun, cues only after "وهو ما": "وهو ما أكده شكري
# بدوره، قائلا إن" (elsewhere "ذكره" is as often "his mention", and "ما كشفه X" a noun clause).
SAID_IT_VERBS = "قال أكد أعلن ذكر أوضح كشف نفى أقر".split()
# Participles and verbs that end a reported clause without being quote cues themselves.
BOUNDARY_WORDS = "معرب متهم مطالب داع مشيد معلق".split()


def _said_it(verb: str) -> str:
    """ "أكد" -> "أكده", "نفى" -> "نفاه": the verb with "it" as its object."""
    return verb[:-1] + "اه" if verb.endswith("ى") else verb + "ه"


def _said_it_forms() -> dict[str, str]:
    """Written form -> gender of the speech verbs with "it" as object ("أكده", "أكدته")."""
    forms = {_said_it(verb): "m" for verb in SAID_IT_VERBS}
    forms.update({_said_it(IRREGULAR_FEMININE.get(verb, verb + "ت")): "f" for verb in SAID_IT_VERBS})
    return forms


def _cue_forms() -> dict[str, tuple[str, str]]:
    """Written form -> (kind, gender) for every cue word."""
    forms: dict[str, tuple[str, str]] = {}
    for verb in SPEECH_VERBS:
        forms[verb] = ("verb", "m")
        forms[IRREGULAR_FEMININE.get(verb, verb + "ت")] = ("verb", "f")
    for verb, gender in PRESENT_VERBS.items():
        forms[verb] = ("verb", gender)
    for stem in SPEECH_PARTICIPLES:
        forms[stem + "ا"] = ("participle", "m")
        forms[stem + ("ية" if stem.endswith("ف") and stem == "ناف" else "ة")] = ("participle", "f")
    forms["نافيا"] = ("participle", "m")
    for form, gender in _said_it_forms().items():
        forms[form] = ("verb", gender)
    for verb in MEDIUM_VERBS:
        forms[verb] = ("medium", "f" if verb.endswith("ت") or verb.startswith("ت") else "m")
    for stem in BOUNDARY_WORDS:
        forms[stem + "ا"] = ("boundary", "m")
        forms[stem + "ة"] = ("boundary", "f")
    for verb in ("أعرب", "دعا", "طالب", "أشاد"):
        forms[verb] = ("boundary", "m")
    return forms


CUE_FORMS = _cue_forms()
_FORM_KEYS = {key(form): value for form, value in CUE_FORMS.items()}
# A cue word, optionally after و/ف, with tanween on participles ("مؤكداً").
CUE = re.compile(rf"(?<![\w])(?P<conj>[وف])?(?P<form>{_alternation(CUE_FORMS)})[\u064b]?(?![\w])")
_PRESENT_KEYS = {key(form) for form in PRESENT_VERBS}
_AMBIGUOUS_KEYS = {key(form) for form in AMBIGUOUS_VERBS}
_EXPLAINED_KEYS = {key(form) for form in ("أبان", "أبانت")}
_ADMITTED_KEYS = {key(form) for form in ("أقر", "أقرت")}
_SAID_IT_KEYS = {key(form) for form in _said_it_forms()}
# أن/إن and their pronoun forms, also after ب ("بأن"); the clause after it is the quote.
# Harakat are taken with it ("قال: (إنَّ الرجل"), so the quote does not open on a stray mark.
COMPLEMENTIZER = re.compile(rf"(?<![\w])(?:ب|ل)?[أإا]ن{MARKS}(?:(?:ه|ها|هم|هما|نا|ني|كم){MARKS})?(?![\w])")
# Words before أن that make it a conjunction, not a complementizer ("بعد أن", "يجب أن").
NOT_COMPLEMENTIZER = {
    key(w)
    for w in "بعد قبل منذ دون بدون يجب بد يمكن ينبغي ريثما لدرجة إلى_حين "
    "يبدو ويبدو فيبدو".split()  # "فيما يبدو أنها مباراته الأخيرة": it seems, no one says it
}
# Words in a subject slot that are not the subject: time words and discourse fillers.
FILLERS = {
    key(w)
    for w in (
        "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت اليوم أمس مجددا مجدداً أيضا أيضاً "
        "كذلك لاحقا لاحقاً بدوره بدورها جانبه جانبها جهته جهتها من يوم صباح مساء قد أمس "
        "سابقا سابقاً مؤخرا مؤخراً رسميا رسمياً"  # "أعلنت سابقا عن إنتاج فيلم ... حول حياة ابن الهيثم"
    ).split()
}
# Words right before an entity that make it something other than the speaker: an addressee
# ("مخاطبا بوتين"), a companion ("مع العبادي"), a place ("في لندن"), an employer ("باسم").
NOT_SUBJECT_BEFORE = {
    key(w)
    for w in "مخاطبا مخاطبة موجها متوجها عن مع في إلى الى على لدى أمام بحضور باسم عبر حول بشأن لـ ضد "
    "زودت زود تلقت تلقى "  # 'في بيان زودت "الرياض" بنسخة منه': the paper that received it
    "بحق تجاه حيال "  # "للتصريحات التي أطلقها مسؤولون إيرانيون بحق البحرين، إن": what they were about
    "بحسب حسب"  # "بحسب سكاي نيوز في وقت أعلنت قيادة قوات التحالف بدء هدنة": who reports it
    .split()
}
# Head nouns of the press: 'علقت صحيفة "لوفيجارو" الفرنسية على زيارة الرئيس الأميركي': the paper.
MEDIA_HEADS = {key(w) for w in "صحيفة جريدة مجلة قناة إذاعة شبكة موقع".split()}
# The same prepositions after و; not "وعبر" or "وحول", which are also verbs ("وعبر المهنا عن رضاه").
PREPOSITIONS_WITH_WA = {key("و" + w) for w in "في مع على إلى الى عن لدى أمام".split()}
# "إن" (with its hamza below) before a form of كان: a condition ("إن كان ضروريًا").
KANA_FORMS = {key(w) for w in "كان كانت كانوا كانا".split()}
# "ما" right before a verb with no subject after it is the subject: a fact, not a speaker.
WHAT_SUBJECT = {key(w) for w in "ما بما مما".split()}
# Bodies a titled person heads ("حزب الرئيس", "حكومة رئيس الوزراء"), whose members speak.
GENITIVE_HEADS = {key(w) for w in "حزب حكومة نظام إدارة مكتب قوات أنصار مؤيدي".split()}
AGAINST = key("ضد")  # "ضد تنظيم داعش": what is opposed never speaks
# Prepositions of place a list of places joined by و shares: "المتجهين إلى تركيا ومصر" (Egypt
# too is a destination, no speaker; not "دائمة العضوية في مجلس الأمن وألمانيا").
LISTING_PREPOSITIONS = {key(w) for w in "في إلى الى لدى".split()}
# Words before a capital that make it the city, not its government ("في موسكو", "مدينة").
PLACE_WORDS = {
    key(w) for w in "في إلى الى من مدينة العاصمة عاصمة بمدينة داخل نحو قرب مقرها مقره ومقرها ومقره "
    "منطقة بمنطقة لمنطقة محافظة بمحافظة لمحافظة "  # "بالإدارة العامة للتعليم بمنطقة الرياض"
    "وسط بوسط سكان أهالي ضواحي أحياء شوارع ريف بريف".split()  # "من سكان وسط دمشق تقول"
}  # "هيئة معارضة مقرها لندن": the city where it sits
# Words that head a subject naming an office, not a person ("رئيس مجلس الأمن"); the entity
# after them is the employer unless a person is named too.
OFFICE_HEADS = {
    key(w)
    for w in (
        "رئيس رئيسة المتحدث المتحدثة متحدث الناطق الناطقة ناطق سفير السفير وزير وزيرة مستشار المستشار "
        "مدير المدير نائب أمين الأمين ممثل مبعوث المبعوث مسؤول مسؤولة مصدر مصادر عضو قائد زعيم وكيل محافظ "
        "عمدة حاكم قنصل القنصل مدرب المدرب سكرتير السكرتير"  # "وقال عمدة لندن إنه": the mayor, not the city
    ).split()
}
# Title words that, with a country, stand for the one person the article introduced with them
# ("أمير قطر" for "أمير قطر الشيخ تميم بن حمد", "العاهل المغربي" for "العاهل المغربي، الملك محمد السادس").
TITLE_HEAD_WORDS = "رئيس رئيسة أمير ملك عاهل ولي وزير وزيرة سلطان شيخ مستشار زعيم سفير مبعوث قائد نائب خادم"
TITLE_HEADS = {key(w) for w in TITLE_HEAD_WORDS.split()}
# Titles standing alone before a name, beside the heads of office ("السيد X", "الدكتور X").
# (Not the ranks "فريق", "لواء": "للمشرف على الفريق علي حدادي" is the team's supervisor.)
TITLE_WORDS_ALONE = {key(w) for w in "سيد سيدة دكتور دكتورة مهندس".split()}
ADDRESS_TITLES = TITLE_HEADS | TITLE_WORDS_ALONE
# Any word that may contain a title head, to skip the others fast.
TITLE_WORD = re.compile("|".join(_tolerant(w) for w in TITLE_HEAD_WORDS.split()))
# "في بيان" within so many words after a cue whose speaker is unnamed, or a statement as the
# cue's unnamed subject: "البيان" later on is that statement, issued by no one named.
STATEMENT_REACH_WORDS = 8
# Reports and sources that are a verb's subject right before it ("معلومات مؤكدة تفيد بأن").
REPORTS = {key(w) for w in "معلومات تقارير أنباء تسريبات مصادر وثائق".split()}
# "what X said": a cue after these is a noun clause, whose speaker the participle after it
# does not take ("بين ما أشار إليه روحاني ... مؤكدا أن": the one who compares speaks), though
# a relative clause does ("بحسب ما ذكرت الصحيفة التي رأت أن").
WHAT_WAS_SAID = {key(w) for w in "ما بما مما لما عما".split()}
# "which is what": "وهو ما أكده شكري بدوره، قائلا إن" is no noun clause; its speaker goes on.
WHICH_IS = {key(w) for w in "هو وهو هي وهي هذا وهذا ذلك وذلك".split()}
# An unnamed source as a cue's subject: the verbs after it that name no one go on with it.
UNNAMED_SOURCES = {
    key(w) for w in "مصدر مصادر مسؤول مسؤولون مسؤولين مسؤولو مسئول مسئولون مسئولين مسئولو".split()
}
# Unnamed people only without the article ("قال دبلوماسي إسرائيلي سابق"): "الخبير" refers back
# to one the article may have named ("هاورد ويب ... حيث تابع الخبير سير المعسكر").
UNNAMED_PEOPLE = {
    key(w)
    for w in "دبلوماسي دبلوماسيون خبير خبراء محلل محللون "
    "عضو أعضاء عامل موظف مواطن ناشط ناشطون مندوب مندوبان".split()  # "قال عضو في حزب الرئيس ... صالح"
}
# A sentence opening with what is spoken about ("وحول ...، قال", "وعن ...، أضاف"): the names
# there are its topic, and the speaker is the one speaking on.
TOPIC_LEAD = re.compile(r"[وف]?(?:(?:حول|عن|بشأن)\s|فيما يتعلق ب)")
# Events and venues named after their city: the place in their name does not act.
NAMED_AFTER_PLACE = {key(w) for w in "مهرجان معرض مؤتمر ملتقى منتدى مطار ميناء ملعب استاد سوق".split()}
# Works whose title in quotation marks may read as a person's name ("مسلسل «مريم»").
WORKS = {key(w) for w in "مسلسل فيلم كتاب برنامج مسرحية أغنية رواية قصيدة ديوان ألبوم عمل".split()}
# Words for the areas of a place: "في مناطق مختلفة من اليمن", "في أنحاء متفرقة من سوريا".
AREA_WORDS = {key(w) for w in "مناطق أنحاء مدن محافظات أجزاء أماكن قرى بلدات أرجاء".split()}
# Buildings, streets and prizes named after a person: the person does not act ('بزيارة قصر
# "أبا السعود" التاريخي ... وقال:' is the prince speaking, "جائزة الملك فيصل").
NAMED_AFTER_PERSON = {
    key(w) for w in "قصر مسجد جامع مستشفى مدرسة شارع ميدان جسر قاعة جائزة كرسي مؤسسة مركز جامعة مدينة".split()
}  # "مؤسسة محمد بن سلمان الخيرية", "مركز الملك سلمان للإغاثة", "جامعة الملك سعود"
# A government or regime named after its leader: the leader holds no office named before it.
REGIMES = {key(w) for w in "حكومة نظام إدارة".split()}  # not "الناطق باسم الحكومة X": X speaks
# Words an addressee after "لـ" may take before the subject ("وأكد لـ"الاقتصادية" مصدر خاص أن").
ADDRESSEE_WORDS = 3
# Subjects that stand for an issuer named earlier ("وأضاف البيان", "وأفادت الوزارة").
ISSUER_WORDS = {
    key(w)
    for w in "البيان الوكالة الصحيفة الوزارة المكتب الرئاسة الحكومة المجلس التحالف الجماعة الحركة "
    "السلطات الشرطة الإدارة الاتحاد الجيش "  # "أعلنت السلطات المغربية اعتقال 8 أشخاص ... باسم تنظيم داعش"
    # a body's head noun ("وقالت الشركة في بيان إن", "ويرى الصندوق أن"): the one named before
    "الشركة البنك المصرف الصندوق الهيئة المنظمة المؤسسة الجمعية الجامعة المجموعة الحزب النادي".split()
}
# A body's head right after a cue: with no organisation named in its first words, an unnamed
# body speaks ("أعلنت إدارة الفئات السنية لكرة القدم بنادي الوحدة عن بدء ... فوزي كرني").
# "أعلنت مديرية أمن شمال سيناء", "أعلن جهاز مكافحة الإرهاب في العراق ... عن تحرير جامعة الأنبار"
SPEAKING_BODIES = BODY_HEADS | {key(w) for w in "إدارة لجنة مديرية جهاز قيادة".split()}
# An account or a site as the subject, with no name of its own in its first words ("أعلن
# الحساب الرسمي لنهائي بطولة كأس السوبر التي ستقام بين الهلال والنصر"): no one named speaks.
ACCOUNTS = {key(w) for w in "الحساب حساب موقع صفحة".split()}  # ("وأشار الموقع": the site named before)
ANY_TYPE = ("PER", "ORG", "LOC", "MISC")
# A family right after a cue speaks, not the relative named in its construct ("قالت عائلة زعيم
# طالبان الراحل الملا محمد عمر إنها"): a family has no name of its own.
# Companions stand in the same place ("عددا من رفاق الطيار معاذ الكساسبة": his comrades, not he).
FAMILIES = {key(w) for w in "عائلة أسرة أقارب أبناء ذوو ذوي أهل أهالي رفاق زملاء".split()}
# A subject loyal to or under someone ("القوات الموالية لهادي"): he is named, it speaks unnamed.
LOYAL_TO = {
    key(w)
    for w in "الموالية الموالي الموالين الموالون المؤيدة المؤيدين المؤيدون التابعة التابع التابعين".split()
}
# Words between an office's organisation or place and its holder's name ("مدير أمن مديرية مكيراس
# بمحافظة البيضاء العقيد X"); a person further on is no holder: "أعلن المتحدث باسم طالبان ذبيح
# الله مجاهد اختيار [منصور]".
HOLDER_REACH_WORDS = 3
# Words of a subject's title before the name, an office first ("مدير المهرجان", "رئيس الوزراء الإسرائيلي").
SUBJECT_TITLE_WORDS = 3
# An aide's title and his principal's: a person named after both is whom the aide serves
# ("مستشارة الرئيس الأمريكي باراك أوباما", "المبعوث الخاص للأمين العام للأمم المتحدة بان كي مون").
DEPUTY_WORDS = {
    key(w + suffix)
    for w in "مستشار مبعوث ممثل مساعد مندوب سكرتير متحدث ناطق محامي".split()  # "أحد محامي حبري X"
    for w in (w, "ال" + w)
    for suffix in ("", "ة")
}
# "مدير مكتب الرئيس بوتفليقة": the president is whom the office serves, as for an aide.
SERVING_WORDS = DEPUTY_WORDS | {key("مكتب")}
DEPUTY_QUALIFIERS = {
    key(w) for w in "الخاص الخاصة الشخصي الشخصية الأممي الأممية الإعلامي الإعلامية باسم".split()
}
PRINCIPAL_TITLES = {
    key(form)
    for w in "الرئيس الأمين الملك رئيس الأمير ولي خادم المرشد".split()
    for form in (w, "ل" + w.removeprefix("ا"))  # "للأمين", "لرئيس"
}
PRINCIPAL_BODIES = {
    key(w) for w in "العام العهد الحرمين الشريفين الوزراء للأمم الأمم المتحدة للجامعة الجامعة".split()
}
# The words that open a sentence, where a title phrase is the subject of its first verb ("وشبه
# ولي عهد السعودية ...").
OPENING_WORDS = 3
# How many words after "نقل ... عن" may stand before the source's name ("عن كبير مسؤولي الدفاع
# في السفارة الجنرال تشارلز هوبر"), unless what was reported opens first ("فإن", "أن").
MEDIUM_SOURCE_WORDS = 10
REPORTED_OPENERS = {key(w) for w in "أن إن بأن فإن وأن قوله قولها".split()}
# How many of a sentence's first words may hold an unnamed relative as its subject.
RELATIVE_SUBJECT_WORDS = 4
# Possessive suffixes and what the noun ends in without them (ة is ه once normalised).
POSSESSIVES = (("تهما", "ه"), ("تهم", "ه"), ("تها", "ه"), ("ته", "ه"), ("هما", ""), ("هم", ""), ("ها", ""))
COMPASS = {key(w) for w in "جنوب شمال شرق غرب وسط جنوبي شمالي شرقي غربي".split()}
# "نظيره الروسي": the titles before a counterpart are his partner's.
COUNTERPART = re.compile(r"(?<![\w])[وب]?نظير(?:ه|ها|هم|هما|ته|تها)?(?![\w])")
# "X ... من أبرز المرشحين لخلافة Y": a title before these words is X's, not Y's.
AMONG = re.compile(r"(?<![\w])من\s+(?:أبرز|أهم|أشهر|أقوى|بين|ضمن)(?![\w])")
# A short quotation right after a name that opens with one of these is his title ('أبو أسامة
# العراقي "والي ولاية البركة"').
APPOSED_TITLES = OFFICE_HEADS | TITLE_HEADS | {key(w) for w in "والي قيادي".split()}
# Words after a title in apposition to a name within which another person would take it as his.
APPOSED_TITLE_WORDS = 6
# Words before a person's name in which a title with a country introduces him.
TITLE_COUNTRY_WORDS = 5
# Documents as a cue's subject: the body named after them issued them.
DOCUMENTS = {key(w) for w in "التقرير البيان الدراسة البحث الوثيقة".split()}
# A document just issued, right before a verb that is its own ("أصدرت البورصة بيانا أكد ..."):
# the verb's subject is the document, so its issuer speaks, not a name after the verb.
ISSUED_DOCUMENTS = {key(w) for w in "بيانا بلاغا تقريرا تعميما".split()}
# Subjects counted or in the plural name no one ("وحذرت ثماني منظمات حقوقية", "قالت عدة جمعيات").
COUNTED = {
    key(w)
    for w in "عدة عدد بعض ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة "
    "عشر عشرة عشرات مئات".split()
}
PLURAL_BODIES = {key(w) for w in "منظمات هيئات جمعيات شركات مؤسسات أحزاب جماعات فصائل نقابات".split()}
ONE_OF = {key(w) for w in "أحد إحدى".split()}
AS_BEING = {key(w) for w in "بأنه بأنها بأنهم بانه بانها".split()}  # "وصف X بأنه"
# "X، التي أكدت أن": the relative pronoun before a cue and whose gender it names; the person it
# stands for is named within so many words before it.
RELATIVE_GENDERS = {key("الذي"): "m", key("التي"): "f"}
ANTECEDENT_REACH_WORDS = 12
# A person named by role right after a cue ("وقال اللاعب بعد مباراة تشلسي"): a body or place
# further on is not the speaker.
ROLE_NOUNS = {
    key(w)
    for w in "اللاعب اللاعبة المدرب المدربة النجم النجمة الحارس المهاجم المدافع الفنان الفنانة الممثل "
    "الممثلة المطرب المطربة الكاتب الكاتبة الشاعر الشاعرة الطبيب الطبيبة المتهم المتهمة الشاب الشابة "
    "الرجل المرأة الفتاة الطفل الطفلة".split()
}
# Nouns for a person that introduce the name after them, so a title before them is another's.
PERSON_NOUNS = ROLE_NOUNS | {key(w) for w in "المواطن المواطنة الطالب الطالبة المقيم المقيمة".split()}
# A verbal noun with a pronoun suffix right after a cue is its object ("أعلن تحقيقه أرباحا")
# when no actor follows within so many words.
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")
OBJECT_REACH_WORDS = 4
# A time adjunct right after a cue, before its subject: "وقالت في وقت سابق هوغيت لابيل".
TIME_ADJUNCT = re.compile(r"\s*(?:في|فى)\s+(?:وقت|الوقت)\s+(?:سابق|لاحق|مبكر|متأخر)(?:\s+من\s+\S+)?")
# A form of كان, then a body's head noun in construct opening the verb's subject, within so
# many words of the verb: "وكانت [قيادة القوات المشتركة لتحالف دعم الشرعية في اليمن] أعلنت".
KANA = re.compile(r"(?<![\w])[وف]?كان(?:ت)?(?![\w])")
SUBJECT_NOUN_REACH_WORDS = 12
# "وكان قد أعلن X": the subject may come after "كان ... قد"; "X قد أعلن" has it before.
BEFORE_QAD_VERB = {key(w) for w in "كان كانت وكان وكانت فكان فكانت و ف".split()}  # "و قد صرح X"
# Where the subject before "قد" starts: after a form of كان or after أن/إن ("الجدير بالذكر
# أن وزارة التجارة قد أعلنت").
CLAUSE_OPENER = re.compile(r"(?<![\w])(?:[وف]?كان|[وف]?كانت|أن|إن|بأن|وأن)(?![\w])")
BODY_NAME_REACH_WORDS = 4  # "أعلنت وكالة التصنيف الائتماني [ستاندرد اند بورز]"
# Head nouns before a quoted name: "منتدى "..."", "بعنوان "..."" (the quotes are a label).
LABEL_HEADS = {
    key(w)
    for w in (
        "منتدى معهد برنامج صحيفة وكالة قناة محطة موقع حركة تحالف ائتلاف عملية مبادرة مؤتمر قمة كتاب "
        "فيلم مسلسل شركة مجموعة حزب تنظيم شعار عنوان بعنوان اسم باسم مجلة جريدة وسم هاشتاغ وصف بوصف "
        "يسمى بـ المعروف مشروع خطة صفقة "
        "مؤسسة جمعية منظمة هيئة مركز جائزة مهرجان حملة رابطة نادي"  # 'مؤسسة «ألف اختراع واختراع»'
    ).split()
}
# A name in quotation marks after a label noun with its article is this short at most.
LABELLED_NAME_WORDS = 6
NAME_WORDS = 5  # a quoted name and the word before it ("الشيخ ماهر المعيقلي")
ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
MIN_ARABIC_WORDS = 2
# Words right after a short quoted phrase that make it a name: '«لجنة إطلاق السراح المشروط»
# التابعة لوزارة العدل'.
NAME_FOLLOWERS = {key(w) for w in "التابع التابعة التابعين التابعتين المعروف المعروفة المسمى المسماة".split()}
# After a short quoted phrase that opens with a label noun, a relative pronoun
# (`RELATIVE_GENDERS`) makes it a name too ('«المؤتمر الإعلامي الدولي لمواجهة الارهاب التكفيري»
# الذي عقد'); not after words spoken ('«إنها بداية العمليات في المطار» الذي تم استعادته').
# Attribution after a quote: '"..."، بحسب X', "... وفقا لـX"; the cue and a title may stand
# before the name ("، قال وزير الدفاع الإيراني محمد ...").
ATTRIBUTION_REACH_WORDS = 6
ATTRIBUTION = re.compile(
    r"^[\s،,]*(?:بحسب|حسب|وفق|وفقا|وفقاً|طبقا|طبقاً|على حد تعبير|على لسان|نقلا عن|نقلاً عن)(?![\w])"
)
TRAILING_ATTRIBUTION = re.compile(
    r"\s*[،,]\s*(?:بحسب|حسب|وفق|وفقا|وفقاً|طبقا|طبقاً|على حد تعبير|نقلا عن|نقلاً عن)(?![\w]).*$"
    r"|\s*[،,]?\s*و?(?:هو|هي|هذا|ذلك)\s+ما\s*$",  # "..., وهو ما" before "أكده شكري"
    re.S,
)
# A word: letters and digits with any harakat, never the Arabic comma or semicolon (which the
# block U+0600-U+06FF also holds).
WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")
QUOTE_MARKS = '"«»“”„'
MARKED_NAME_LEAD = 12  # characters between an opening quotation mark and a name inside the marks
# Clitic-free feminine titles next to a name ("الباحثة أنيسة ...", "..., الوزيرة").
FEMININE_TITLES = {
    key(w)
    for w in (
        "الباحثة الوزيرة وزيرة المتحدثة الناطقة السفيرة رئيسة المستشارة الملكة الأميرة الشيخة السيدة "
        "النائبة الكاتبة الصحفية المديرة مديرة الأمينة الناشطة المحامية الدكتورة الممثلة المغنية زوجته"
    ).split()
}
# Men's names that end in ة, against the rule that such first names are women's.
MASCULINE_TA_NAMES = {key(w) for w in "أسامة حمزة طلحة معاوية عبيدة عروة عطية قتيبة ثامر جبلة".split()}
FEMININE_NAMES = {
    key(w)
    for w in (
        "مريم زينب هند سعاد نور منى ليلى سلمى هيفاء أسماء هدى سناء وفاء نجلاء دينا رانيا سارة ساره تيريزا "
        "أنجيلا هيلاري"
    ).split()
}
# Countries whose Arabic name is grammatically masculine ("أعلن العراق").
MASCULINE_COUNTRIES = {key(w) for w in "العراق الأردن السودان لبنان اليمن المغرب البحرين الكويت".split()}


class EntitySpan(NamedTuple):
    start: int
    end: int
    entity: Entity


def _matching_text(text: str) -> str:
    """Same length as `text`, with hashtag marks turned into spaces ("#كوريا_الشمالية")."""
    return text.replace("_", " ").replace("#", " ")


def locate_entities(text: str, entities: list[Entity]) -> list[EntitySpan]:
    """Every occurrence of an entity's name or mentions, proclitics allowed ("وبزكشيان",
    "للولايات المتحدة", "لـCNN"); longest surface first, no overlaps, in text order."""
    owner: dict[str, Entity] = {}
    for entity in entities:
        for surface in [entity.name, *entity.mentions]:
            if surface and len(surface) > 1:
                owner.setdefault(_matching_text(surface).strip(), entity)  # "#فهد_بن_تركي"
    for surname, entity in _surnames(entities).items():
        owner.setdefault(surname, entity)  # "وتابعت التبريزي" for "أنيسة بصيري التبريزي"
    matching = _matching_text(text)
    taken = bytearray(len(text))
    spans = []
    for surface in sorted(owner, key=len, reverse=True):
        forms = [(surface, 0)]
        if surface.startswith("ال") and len(surface) > 3:
            forms.append(("لل" + surface[2:], 2))  # "للولايات المتحدة" for "الولايات المتحدة"
        for written, _ in forms:
            for start in _occurrences(matching, written):
                end = start + len(written)
                if not any(taken[start:end]):
                    taken[start:end] = b"\x01" * (end - start)
                    spans.append(EntitySpan(start, end, owner[surface]))
    return sorted(spans)


# A comma and a word with و open the next item of a list ("...، ورونالد لويس", "...، والعميد X").
LIST_ITEM = re.compile(r"[،,]\s*و")
# A surname shorter than this is too often a common word to stand for a person on its own.
MIN_SURNAME_CHARS = 4


def _surnames(entities: list[Entity]) -> dict[str, Entity]:
    """The last word of each person's full name, when no other entity of the article ends in it
    (two people sharing a family name leave it ambiguous), it is not itself a mention of
    another entity, and it is a family name, not a father's name after بن nor a king's ordinal."""
    by_last: dict[str, list[Entity]] = {}
    for entity in entities:
        words = entity.name.split() if entity.type == "PER" and entity.name else []
        if (
            len(words) >= 2
            and len(words[-1]) >= MIN_SURNAME_CHARS
            and key(words[-1]) not in TITLE_HEADS
            and key(words[-1]) not in REGNAL_ORDINALS
            and key(words[-2]) not in PATRONYMIC_PARTICLES  # "نايف" of "محمد بن نايف" is his father
        ):
            by_last.setdefault(words[-1], []).append(entity)
    surfaces = {surface for entity in entities for surface in [entity.name, *entity.mentions]}
    return {last: group[0] for last, group in by_last.items() if len(group) == 1 and last not in surfaces}


def _occurrences(text: str, word: str):
    """Starts of `word` in `text` as a whole word, perhaps after a proclitic (و ف ب ل ك لـ)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (end == len(text) or not text[end].isalnum()) and _word_start(text, start):
            yield start
        start = text.find(word, start + 1)


def _word_start(text: str, start: int) -> bool:
    """Only proclitic letters (at most three: "ولـ") between `start` and a word boundary."""
    i = start
    while i > 0 and start - i < 3 and text[i - 1] in "وفبلكـ":
        i -= 1
    return i == 0 or not text[i - 1].isalnum()


@dataclass
class ArticleView:
    """The text with entity spans, sentences and what is known of each entity's gender."""

    text: str
    entities: list[Entity]
    spans: list[EntitySpan] = field(init=False)
    sentences: list[Sentence] = field(init=False)
    genders: dict[str, str] = field(init=False)  # entity name -> "m" | "f"

    titles: dict[tuple[str, str], Entity | None] = field(init=False)  # (title, country) -> person

    def __post_init__(self) -> None:
        self.matching = _matching_text(self.text)  # hashtags as words: "#زعيم_كوريا" -> " زعيم كوريا"
        self.spans = locate_entities(self.text, self.entities)
        self.sentences = split_spans(self.text)
        self.genders = {entity.name: entity_gender(self, entity) for entity in self.entities}
        self.titles = self._title_people()

    def _title_people(self) -> dict[tuple[str, str], Entity | None]:
        """Who each title or office, with its country or none, introduced: the person named right
        after it (None where it introduced two)."""
        found: dict[tuple[str, str], Entity | None] = {}
        people = [s for s in self.spans if s.entity.type == "PER" and not self._is_title_mention(s)]
        for span in people:
            # Titles after any person named before and any counterpart ("جمع وزير الخارجية
            # السعودي بنظيره الروسي سيرغي لافروف": the Saudi minister's are not Lavrov's), and a
            # title with a country only in the last words ("وشبه ولي عهد السعودية المرشد الأعلى
            # للجمهورية الإيرانية علي خامنئي": the crown prince's title is not Khamenei's).
            lead = max(0, span.start - 60)
            named = [p.end for p in people if lead <= p.end <= span.start]
            counterpart = [m.end() for m in COUNTERPART.finditer(self.text, lead, span.start)]
            among = [m.end() for m in AMONG.finditer(self.text, lead, span.start)]
            # "السفير ... صباح امس [الطفلة] زينب": a word for a person introduces her, not the title
            words = WORD.finditer(self.text, lead, span.start)
            roles = [w.end() for w in words if key(w.group()) in PERSON_NOUNS]
            # "إريك روزينباخ رئيس الأركان بمكتب وزير الدفاع، ورونالد لويس": the next of a list
            listed = [m.end() for m in LIST_ITEM.finditer(self.text, lead, span.start + 1)]
            after = max([lead, *named, *counterpart, *among, *roles, *listed])
            near = {m[0] for m in self._title_marks(after, span.start, TITLE_COUNTRY_WORDS, own=True)}
            for offset, title, country in self._title_marks(after, span.start, own=True):
                office = self._offices.get(offset) if offset in near else None
                names = [title, office] if office else [title]
                countries = {"", country} if offset in near and country is not None else {""}
                for pair in ((name, place) for name in names for place in countries):
                    known = found.get(pair, span.entity)
                    found[pair] = span.entity if known is span.entity else None  # two people: ambiguous
        # A title after a name ("قال عادل الجبير وزير الخارجية") only where no title before one
        # introduced anybody: weaker evidence, it never makes a title ambiguous.
        apposed: dict[tuple[str, str], Entity | None] = {}
        for span in people:
            for offset, title, _country in self._apposed_title(span, people):
                office = self._offices.get(offset)
                for pair in ((name, "") for name in ([title, office] if office else [title])):
                    known = apposed.get(pair, span.entity)
                    apposed[pair] = span.entity if known is span.entity else None
        return apposed | found

    def _apposed_title(self, span: EntitySpan, people: list[EntitySpan]) -> list[tuple[int, str, str | None]]:
        """The title right after a person's name, in apposition ("قال عبد اللطيف الزياني الأمين
        العام لمجلس التعاون"), unless it introduces the next person named ("استقبل الأمير X
        [الرئيس] الفرنسي Y")."""
        following = WORD.search(self.text, span.end)
        if following is None or self.text[span.end : following.start()].strip(" ،,"):
            return []
        marks = self._title_marks(following.start(), following.end(), own=True)
        if not marks:
            return []
        reach = list(islice(WORD.finditer(self.text, following.start()), APPOSED_TITLE_WORDS + 1))
        limit = reach[-1].end() if reach else following.end()
        if any(following.start() < p.start <= limit for p in people):
            return []  # the title of the person after it
        return marks

    def _is_title_mention(self, span: EntitySpan) -> bool:
        """ "الزعيم الإيراني" as a mention of Khamenei introduces no one with the titles before it."""
        words = WORD.findall(self.text[span.start : span.end])
        return all(_bare(key(w)) in TITLE_HEADS or country_of_word(w) is not None for w in words)

    def _scan_titles(self) -> list[tuple[int, str, str | None]]:
        """(offset, title, ISO country) for every title word in the text; the country is a
        nationality adjective or a country's name within the next three words, else None. A
        title in construct names its office with the next word ("وزير الخارجية", "رئيس الجالية",
        "ولي عهد"), noted in `_offices`: such a phrase stands only for whom that office
        introduced, not for anyone with the bare title ("رئيس الجالية اليمنية" is not the
        Yemeni "الرئيس")."""
        knowledge = load_knowledge()
        places = {s.start: s.entity for s in self.spans if s.entity.type == "LOC"}
        names = {s.start for s in self.spans if not self._is_title_mention(s)}
        words = list(WORD.finditer(self.text))
        marks = []
        self._offices: dict[int, str] = {}
        for i, word in enumerate(words):
            if not TITLE_WORD.search(word.group()):
                continue  # cheap test before normalising
            title = _bare(key(word.group()))
            if title not in TITLE_HEADS or (i and self._main_adjective(words[i - 1].group(), word.group())):
                continue
            country = None
            for other in words[i + 1 : i + 4]:
                found = country_of_word(other.group())
                if found is None and other.start() in places:  # "زعيم كوريا الشمالية"
                    place = knowledge.place(places[other.start()].name)
                    found = place if place is not None and place.kind == "country" else None
                if found is not None:
                    country = found.country or ""
                    break
            following = words[i + 1] if i + 1 < len(words) else None
            definite = key(word.group()).startswith(("ال", "وال", "بال", "فال", "لل"))
            if following is not None and not definite and following.start() not in names:
                complement = _without_pronoun(_bare(key(following.group())))
                if complement not in TITLE_HEADS and country_of_word(following.group()) is None:
                    self._offices[word.start()] = f"{title} {complement}"
            marks.append((word.start(), title, country))
        return marks

    @staticmethod
    def _main_adjective(before: str, word: str) -> bool:
        """ "المقر الرئيس", "السبب الرئيس": "الرئيس" after a noun with the article is the
        adjective "main", no president."""
        definite = key(before).startswith(("ال", "وال", "بال", "فال", "لل"))
        return key(word) == key("الرئيس") and definite and _bare(key(before)) not in ADDRESS_TITLES

    def _title_marks(
        self, start: int, end: int, last_words: int | None = None, own: bool = False
    ) -> list[tuple[int, str, str | None]]:
        """The title marks in [start, end), or in its `last_words` words only; with `own`, not
        the titles of a principal (`_principal_title`)."""
        if not hasattr(self, "_titles_scanned"):
            self._titles_scanned = self._scan_titles()
        if last_words is not None:
            words = list(WORD.finditer(self.text, start, end))[-last_words:]
            start = max(start, words[0].start()) if words else end
        marks = [m for m in self._titles_scanned if start <= m[0] < end]
        return [m for m in marks if not self._principal_title(m[0])] if own else marks

    def _principal_title(self, offset: int) -> bool:
        """Is the title word at `offset` governed by ل, with an honorific or glued ("لسمو ولي
        العهد", "للرئيس"), or by another title in construct ("نائب رئيس الوزراء")? Then it
        names whom the person serves."""
        word = key(WORD.match(self.text, offset).group())
        before = self.word_before(offset)
        if before in TITLE_HEADS or (before in DEPUTY_WORDS and not before.startswith("ال")):
            return True  # "نائب خادم الحرمين", "نائب رئيس الوزراء", "مستشار الرئيس": the principal
        return word.startswith("لل") or (before.startswith("ل") and before[1:] in HONOURED_TITLES)

    def titled_person(self, start: int, end: int, addressed: bool = True) -> Entity | None:
        """The person a title phrase in [start, end) stands for, if the article introduced one
        ("أمير قطر"; a bare "الملك" when one person was introduced as king)."""
        people = self.titled_people(start, end, addressed)
        return people[0] if people else None

    def titled_people(self, start: int, end: int, addressed: bool = True) -> list[Entity]:
        """Every person the title phrases in [start, end) stand for, in order: the one the
        title's office (or the bare title) introduced with this country, else with none; an
        office with a country may stand for its bare title with that country ("رئيس الحكومة
        الإسرائيلية" for "رئيس الوزراء الإسرائيلي"), never for the bare title alone ("رئيس
        الجالية اليمنية" is not "الرئيس" Saleh). Without `addressed`, not a title after a
        preposition ("التفت ... إلى الرئيس كلينتون": whom someone turned to)."""
        found: list[Entity] = []
        for offset, title, country in self._title_marks(start, end, own=True):
            if not addressed and self.word_before(offset) in NOT_SUBJECT_BEFORE:
                continue
            office = self._offices.get(offset, title)
            wider = (title, country) if country and office != title else (title, "")
            pairs = ((office, country or ""), (office, ""), wider)
            person = next((p for pair in pairs if (p := self.titles.get(pair)) is not None), None)
            if person is not None and person not in found:
                found.append(person)
        return found

    def acting_entity(self, span: EntitySpan) -> Entity:
        """A country right after a title ("أمير قطر قال", "رئيس وزراء لبنان") stands for the person
        it introduced."""
        if span.entity.type != "LOC":
            return span.entity
        place = place_of(span.entity.name)
        before = [_bare(key(w)) for w in WORD.findall(self.text[max(0, span.start - 40) : span.start])[-2:]]
        office = len(before) == 2 and before[1] not in TITLE_HEADS and before[0] in TITLE_HEADS
        title = before[0] if office else before[-1] if before else ""
        if place is None or place.kind != "country" or title not in TITLE_HEADS:
            return span.entity
        person = self.titles.get((title, place.country or ""))
        if office and person is not None:  # "رئيس وزراء لبنان الأسبق سعد الحريري": an office of two
            # words stands for the person named right after it, not for a name further on
            # ("رئيس جمهورية السنغال، قلادة الملك عبدالعزيز")
            following = [s for s in self.spans if s.start >= span.end][:1]
            near = following and len(WORD.findall(self.text[span.end : following[0].start])) <= 2
            person = person if near and following[0].entity is person else None
        return person or span.entity

    def serves_deputy(self, span: EntitySpan) -> bool:
        """Is this person named as whom an aide serves, not the aide: after the aide's title and
        his principal's ("مستشارة الرئيس الأمريكي باراك أوباما"), right after a principal's
        title with لل ("مستشارة الأمن القومي للرئيس أوباما") or in construct right after the
        aide's title ("مستشارة أوباما لمكافحة الإرهاب ليزا موناكو")? A portfolio between the
        principal's title and the name makes the name the aide's own ("مستشار الرئيس لشؤون
        الأمن القومي X"), as does an aide's title with the article ("المتحدث X")."""
        lead = self.text[max(0, span.start - 80) : span.start]
        lead = lead[max(lead.rfind("،"), lead.rfind(","), lead.rfind("\n")) + 1 :]
        words = [key(w) for w in WORD.findall(lead)]
        deputy = max((i for i, w in enumerate(words) if w in SERVING_WORDS), default=None)
        if deputy is None:
            return False
        rest = [w for w in words[deputy + 1 :] if w not in DEPUTY_QUALIFIERS]
        if not rest:
            return not words[deputy].startswith("ال")
        if rest[-1].startswith("لل") and rest[-1] in PRINCIPAL_TITLES:
            return True
        if rest[0] not in PRINCIPAL_TITLES:
            return False
        return all(w in PRINCIPAL_TITLES or w in PRINCIPAL_BODIES or country_of_word(w) for w in rest[1:])

    def spans_in(self, start: int, end: int) -> list[EntitySpan]:
        return [s for s in self.spans if start <= s.start and s.end <= end]

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return Sentence(self.text[offset:offset], offset, offset)

    def word_before(self, offset: int) -> str:
        words = WORD.findall(self.text[max(0, offset - 30) : offset])
        return key(words[-1]) if words else ""

    def person_right_before(self, offset: int) -> bool:
        """Does a person's name end right before `offset`, but for spaces?"""
        end = len(self.text[:offset].rstrip())
        return any(s.end == end and s.entity.type == "PER" for s in self.spans)

    def word_after(self, offset: int) -> str:
        words = WORD.findall(self.text[offset : offset + 30])
        return key(words[0]) if words else ""

    def is_actor(self, span: EntitySpan) -> bool:
        """Can this mention be someone who speaks or acts (not a place, employer or addressee)?"""
        if span.entity.type == "MISC":
            return False
        before = self.word_before(span.start)
        raw_before = self.text[max(0, span.start - 2) : span.start]
        if before in NOT_SUBJECT_BEFORE or raw_before.endswith(("لـ", "ل")) or raw_before.endswith("ب"):
            return False
        if before in PREPOSITIONS_WITH_WA:
            return False  # "وفي لبنان أكدت مصادر متشددة", "وفي مصر سيلتقي كيري": where, not who
        if _is_kin(before):
            return False  # "وقال والد أفراح": her father speaks, not she
        if span.entity.type == "PER" and _named_after(before):
            return False  # 'قصر "أبا السعود"': the palace, not a person
        mark = self.text[max(0, span.start - 1) : span.start]
        if span.entity.type == "PER" and mark and mark in QUOTE_MARKS and before.removeprefix("ال") in WORKS:
            return False  # "بطل مسلسل «مريم» ... وقال": a series, not its heroine ('موقع "لو فيجارو"' speaks)
        if self.listed_after_preposition(span):
            return False  # "إلى تركيا ومصر"
        if span.entity.type == "LOC" and (self.in_part_of(span) or self.areas_of(span)):
            return False  # "في شمال شرق الولايات المتحدة", "في مناطق مختلفة من اليمن": where, not who
        if before in BODY_HEADS and self.word_before(self.text.rfind(" ", 0, span.start - 1) + 1) == AGAINST:
            return False  # "ضد تنظيم داعش": the object of "against", through its head noun
        if span.entity.type == "LOC":  # a country, or a capital standing for its government
            if before in OFFICE_HEADS or _bare(before) in OFFICE_HEADS:
                return False  # "عمدة لندن", "سفير فرنسا": the office holder acts, not the place
            if _bare(before) in NAMED_AFTER_PLACE:
                return False  # "وقال مهرجان القاهرة السينمائي الدولي في بيان": the festival, unnamed
            written = place_of(self.text[span.start : span.end])  # "برلين", merged into Germany
            place = written if written is not None else place_of(span.entity.name)
            return place is not None and (
                place.kind == "country" or (place.capital and not self.named_as_place(span.start))
            )
        return True

    def addressed_by_title(self, span: EntitySpan) -> bool:
        """A preposition before the name's one title word: "إلى الرئيس كلينتون", "مع الشيخ X"."""
        words = WORD.findall(self.text[max(0, span.start - 40) : span.start])[-2:]
        titled = len(words) == 2 and _bare(key(words[1])) in ADDRESS_TITLES
        return titled and key(words[0]) in NOT_SUBJECT_BEFORE

    def areas_of(self, span: EntitySpan) -> bool:
        """ "مواقع للحوثيين في مناطق مختلفة من اليمن": a place after "من" and a word for its areas."""
        words = [key(w) for w in WORD.findall(self.text[max(0, span.start - 40) : span.start])[-3:]]
        return bool(words) and words[-1] == key("من") and any(_bare(w) in AREA_WORDS for w in words[:-1])

    def in_part_of(self, span: EntitySpan) -> bool:
        """ "في جنوب لبنان", "بشمال سوريا", "في شمال شرق الولايات المتحدة", "جبال قنديل شمال
        العراق": a place after parts of the compass and a word of place or another place."""
        words = list(WORD.finditer(self.text, max(0, span.start - 40), span.start))
        if not words or key(words[-1].group()).removeprefix("ب") not in COMPASS:
            return False
        if key(words[-1].group()).startswith("ب") and key(words[-1].group())[1:] in COMPASS:
            return True
        first = len(words) - 1
        while first > 0 and key(words[first - 1].group()) in COMPASS:
            first -= 1  # "شمال شرق"
        compass = words[first].start()
        if first > 0 and key(words[first - 1].group()) in PLACE_WORDS:
            return True
        places = [s for s in self.spans_in(0, compass) if s.entity.type == "LOC"]
        return any(not self.text[s.end : compass].strip() for s in places)  # "جبال قنديل شمال"

    def listed_after_preposition(self, span: EntitySpan) -> bool:
        """Is this name joined by و to a list that opens after a preposition of place ("إلى
        تركيا ومصر", "في سوريا والعراق واليمن")?"""
        listed = False
        while self.word_before(span.start) == key("و") and span.entity.type == "LOC":
            previous = max((s for s in self.spans if s.end <= span.start), key=lambda s: s.end, default=None)
            joined = previous is not None and not self.text[previous.end : span.start].strip(" ،,و")
            if not joined or previous.entity.type != "LOC":
                return False
            span, listed = previous, True
        return listed and self.word_before(span.start) in LISTING_PREPOSITIONS

    def named_as_place(self, offset: int) -> bool:
        """Is the capital at `offset` the city: "في موسكو", or introduced by its country's
        adjective ("العاصمة الروسية موسكو", "ضواحي العاصمة الفنلندية هلسنكي")?"""
        words = WORD.findall(self.text[max(0, offset - 40) : offset])[-2:]
        if not words:
            return False
        if key(words[-1]) in PLACE_WORDS:
            return True
        return len(words) == 2 and key(words[0]) in PLACE_WORDS and country_of_word(words[1]) is not None


def _named_after(word: str) -> bool:
    """A head in construct before a person's name: "قصر", "لمؤسسة" ("قصر X", "لمؤسسة محمد بن
    سلمان"); with the article it is not ("المدير التنفيذي للمركز عصام أبو خليل": his office)."""
    return word in NAMED_AFTER_PERSON or (word[:1] in "وبلف" and word[1:] in NAMED_AFTER_PERSON)


def _possessed(word: str) -> bool:
    """A noun with a pronoun suffix, read as written ("تحقيقه", "سيطرتها"; normalised, a
    feminine "مديرة" would end in ه too), not an honorific ("سموه")."""
    return len(word) >= 5 and word.endswith(PRONOUN_SUFFIXES) and key(word) not in TITLES_OF_HIM


def _unnamed_subject(words: list[str], addressed: bool = False) -> bool:
    """Do the words after a cue open with an unnamed source, maybe after an addressee with ل
    (`addressed`: only then; a source word first may be a named official's office)?"""
    if words and words[0].startswith("ل") and len(words[0]) <= 2:  # "لـ", "ل" before a quoted name
        return any(_unnamed_word(w) for w in words[1 : 1 + ADDRESSEE_WORDS])
    return not addressed and bool(words) and _unnamed_word(words[0])


def _unnamed_word(word: str) -> bool:
    return _bare(word) in UNNAMED_SOURCES or word in UNNAMED_PEOPLE


def _is_kin(word: str) -> bool:
    """A bare kin word, maybe after و, as normalised ("والد", "وشقيق")."""
    return word in KIN or (word[:1] == "و" and word[1:] in KIN)


def _without_pronoun(word: str) -> str:
    """A noun without its possessive suffix: "خارجيتها" -> "خارجيه", "دفاعها" -> "دفاع"."""
    for suffix, rest in POSSESSIVES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + rest
    return word


def _epithet(word: str) -> bool:
    """A definite adjective of relation after a name: "تنظيم داعش [الإرهابي] أعلن"."""
    word = key(word)
    return len(word) >= 6 and word.startswith("ال") and word.endswith(("ي", "يه"))


def _bare(word: str) -> str:
    """A title word without article or proclitic: "والرئيس" -> "رئيس" ("وزير" stays)."""
    if word in TITLE_HEADS:
        return word
    for prefix in ("وال", "بال", "لل", "ال", "و", "ل", "ب"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


# "سموه", "معاليه", ...: each honorific and the titles of its rank, which introduce the person
# its pronoun form refers back to.
HONOURED_TITLE_REACH_WORDS = 6
HONOURED_TITLES = {
    key(pronoun): {_bare(key(w)) for w in titles.split()}
    for pronoun, titles in {
        "سمو": "الأمير أمير الأميرة ولي",
        "معالي": "وزير الوزير وزيرة الوزيرة",
        "فخامة": "الرئيس رئيس",
        "جلالة": "الملك ملك العاهل",
        "فضيلة": "الشيخ إمام خطيب المفتي",
    }.items()
}


def entity_gender(view: ArticleView, entity: Entity) -> str:
    """ "f" or "m": for people from a feminine title next to a mention or the first name; for
    organisations from the head noun ("وزارة" is feminine); countries are feminine but a few."""
    if entity.type == "PER":
        for span in (s for s in view.spans if s.entity is entity):
            near = WORD.findall(view.text[max(0, span.start - 25) : span.start])[-2:]
            near += WORD.findall(view.text[span.end : span.end + 25])[:2]
            if any(key(word) in FEMININE_TITLES for word in near):
                return "f"
        first = key(entity.name.split()[0]) if entity.name.split() else ""
        if first in FEMININE_NAMES or (
            first.endswith("ه") and first not in MASCULINE_TA_NAMES and len(first) > 2
        ):
            return "f"
        return "m"
    head = key(entity.name.split()[0]) if entity.name.split() else ""
    if entity.type == "LOC":
        return "m" if key(entity.name) in MASCULINE_COUNTRIES else "f"
    first = next((s for s in view.spans if s.entity is entity), None)
    noun = view.word_before(first.start) if first else ""
    if noun.endswith("ه") and noun not in NOT_SUBJECT_BEFORE:  # "صحيفة واشنطن بوست", "وكالة يونهاب"
        return "f"
    return "f" if head.endswith("ه") else "m"


class Cue(NamedTuple):
    start: int
    end: int
    kind: str  # "verb" | "participle" | "medium" | "boundary" | "colon" | "after"
    gender: str


class Resolved(NamedTuple):
    entity: Entity | None
    explicit: bool  # named in the sentence, not carried over from an earlier one


# A number in straight quotes, spaced on both sides ('خلال الأسبوع " 133 " مع " 970 " حالة'):
# its two marks would each read as an opener.
NUMBER_IN_QUOTES = re.compile(r'"\s*[0-9٠-٩][0-9٠-٩.,٫٬%]*\s*"')


def pair_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks in a paragraph. Straight
    quotes open or close by what is around them (spaced on both sides, one closes an open
    straight quote); an unclosed opener runs to the paragraph end (minus a trailing
    attribution), and stray closers are dropped."""
    pairs, stack = [], []
    numbers = {i for m in NUMBER_IN_QUOTES.finditer(text) for i in (m.start(), m.end() - 1)}
    for i, mark in enumerate(text):
        if mark not in QUOTE_MARKS or i in numbers:
            continue
        spaced = (text[i - 1 : i] or " ").isspace() and (text[i + 1 : i + 2] or " ").isspace()
        closes = stack and text[stack[-1]] == mark and (mark == '"' or _glued_opener(text, stack[-1], i))
        if spaced and closes:
            # 'الحملة " نمو بصحة وأمان " بالتعاون': the second closes; so does a guillemet
            # written the wrong way round after one glued to its word ('«كليبر « مؤخراً')
            pairs.append((stack.pop() + 1, i))
        elif _opens(text, i):
            stack.append(i)
        elif stack:
            pairs.append((stack.pop() + 1, i))
    for opener in stack:
        rest = text[opener + 1 :].lstrip()
        if rest and rest[0] not in QUOTE_MARKS:
            end = len(text.rstrip(" .\n"))
            tail = TRAILING_ATTRIBUTION.search(text[opener + 1 : end])
            pairs.append((opener + 1, opener + 1 + tail.start() if tail else end))
    return sorted(pairs)


def _glued_opener(text: str, i: int, closer: int) -> bool:
    """A « with its first word right after it, or a spaced one before a short name ("« جي فاكتوري
    «"): a spaced « that follows cannot open another."""
    short = len(text[i + 1 : closer].split()) <= MARKED_NAME_WORDS
    return text[i] == "«" and (text[i + 1 : i + 2].isalpha() or short)


def _opens(text: str, i: int) -> bool:
    mark = text[i]
    if mark in "«„":
        return True
    if mark in "»”":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in ":(" or before == "ـ":
        return True
    if before.isspace() or i == 0:
        return True
    if after.isspace() and CUE.fullmatch(text[: i].rsplit(None, 1)[-1]):
        return True  # glued to its speech verb: 'وقال" تلقينا الموافقة'
    if after.isspace() or not after.isalnum():
        return False
    # a letter on both sides: و"علينا (a one-letter proclitic opens) or a closing mark glued on
    start_of_word = i - 1 == 0 or text[i - 2].isspace()
    return start_of_word and before in SINGLE_PROCLITICS


def _is_label(text: str, start: int, short: bool = False) -> bool:
    """A label noun right before the mark, not across a comma ("مسيرة الهيئة، «الأمر الذي أضر
    ...»" is a quote); with its article only before a `short` name ("الحملة " نمو بصحة وأمان "",
    but "وقال وزير الزراعة أمام المؤتمر «لم تعد صناعة البطاطا ...»" is a quote)."""
    words = list(WORD.finditer(text, max(0, start - 20), start))
    if not words or text[words[-1].end() : start].strip():
        return False
    word = key(words[-1].group())
    return word in LABEL_HEADS or (short and word.removeprefix("ال") in LABEL_HEADS)


def _after_which_is(before: str) -> bool:
    """Do the words before a cue end in "which is what" ("وهو ما", "وهذا ما")? Only there does
    "أكده X" name a new speaker: "التحقق من صحة ما كشفه موقع ويكيليكس" is a noun clause."""
    words = WORD.findall(before)[-2:]
    return len(words) == 2 and key(words[0]) in WHICH_IS and key(words[1]) in WHAT_WAS_SAID


def find_cues(text: str, offset: int, skip: list[tuple[int, int]]) -> list[Cue]:
    """Speech cues in a paragraph (offsets in the article), outside quoted words. A present
    verb counts only after و/ف or first in its sentence ("تؤكد الإرادة" is not a cue), and
    "بين" only as "وبيّن ... أن"."""
    cues = []
    for match in CUE.finditer(text):
        if any(a <= match.start() < b for a, b in skip):
            continue
        form = key(match.group("form"))
        initial = not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in ".!?؟؛:"
        if form in _PRESENT_KEYS and not (match.group("conj") or initial):
            continue
        if form in _SAID_IT_KEYS and not _after_which_is(text[: match.start()]):
            continue
        if form in _EXPLAINED_KEYS and "أ" not in match.group("form"):
            continue  # "وإبان الحرب", "ابان حكمه": during; the verb is written with its hamza
        if form in _AMBIGUOUS_KEYS:
            following = text[match.end() : match.end() + 60]
            # first in its clause after a fronted phrase: "وخلال جولة أجرتها الصحيفة، بين عامل ... أنه"
            after_comma = text[: match.start()].rstrip().endswith(("،", ","))
            opening = match.group("conj") or after_comma or form in _ADMITTED_KEYS  # "أوباما أقر ... بأن"
            if not opening or not COMPLEMENTIZER.search(" ".join(following.split()[:6])):
                continue
        kind, gender = _FORM_KEYS[form]
        cues.append(Cue(offset + match.start(), offset + match.end(), kind, gender))
    return cues


# First words of a subject slot that mean the subject is not there ("وقال في بيان إن",
# "وتابعت بقولها:", "وقال للصحفيين"): the speaker is carried over.
# "in it" right after a cue, before a preposition: an impersonal verb ("أُعلن فيها عن وفاة الملا").
IN_WHICH = {key(w) for w in "فيه فيها خلاله خلالها".split()}
PREPOSITION_WORDS = {
    key(w)
    for w in (
        "في خلال خلالها خلاله عبر أمام مع على إلى من عن لدى بقوله بقولها بالقول للصحفيين للصحافيين "
        "لصحفيين لوسائل لوكالة لقناة لصحيفة لمحطة لشبكة لموقع للتلفزيون مخاطبا مخاطبة "
        "بمناسبة وبمناسبة"  # "وقال بمناسبة احتفاء مؤسسة محمد بن سلمان ...:": the occasion, not the speaker
    ).split()
}


def _clean(text: str) -> str:
    text = TRAILING_ATTRIBUTION.sub("", text)
    text = REVERSED_GUILLEMETS.sub(r"«\1»", text)  # 'أن « كاسيو « تفتخر' -> '«كاسيو» تفتخر'
    text = text.strip().strip(QUOTE_MARKS + " .،,:؛").strip()
    for opening, closing in PAIRED_MARKS:  # '«ناس» شهدت نمواً': the name keeps its opening mark
        first_close, first_open = text.find(closing), text.find(opening)
        named_first = 0 <= first_close and (first_open < 0 or first_close < first_open)
        if named_first and word_count(text[:first_close]) <= MARKED_NAME_WORDS:
            text = opening + text
        last_open, last_close = text.rfind(opening), text.rfind(closing)
        if last_open > last_close and word_count(text[last_open:]) <= MARKED_NAME_WORDS:
            text += closing  # 'كما كان الحال بالنسبة للطائرة «ميراج 2000»'
    return text


# One or two words in quotation marks right after a cue: its subject, named ('وقال "بادي"').
MARKED_SUBJECT = re.compile(r'\s*["«“]\s*[^\s"«»“”]+(?:\s[^\s"«»“”]+)?\s*["»”](?=[\s،,])')
# Marks that open and close, and how many words a name they enclose at a quote's edge holds
# (a closing mark further in belongs to a quote run on past its end, which gains nothing).
PAIRED_MARKS = (("«", "»"), ("“", "”"))
MARKED_NAME_WORDS = 3
# A short name between two opening guillemets, the second spaced: written the wrong way round.
REVERSED_GUILLEMETS = re.compile(r"«\s*([^\s«»]+(?:\s[^\s«»]+){0,2})\s+«(?=\s)")


def word_count(text: str) -> int:
    return len(WORD.findall(text))


class QuoteFinder:
    """Walks the article paragraph by paragraph, keeping the last speaker of each gender."""

    def __init__(self, view: ArticleView, options: QuoteOptions):
        self.view = view
        self.options = options
        self.last_speaker: dict[str, Entity] = {}
        self.unnamed_since: dict[str, int] = {}  # gender -> where an unnamed source last spoke
        self.last_any: Entity | None = None
        self.quotes: list[Quote] = []
        self.cue_speakers: list[tuple[Cue, Resolved]] = []  # every cue and who it gave the words to
        self.quotations: list[tuple[int, int]] = []  # the paragraph's quoted words that are quotes
        self.marked: list[tuple[int, int]] = []  # all the paragraph's words in paired quotation marks
        self.earlier_quotations: list[tuple[int, int]] = []  # those of the paragraphs before

    def run(self) -> list[Quote]:
        offset = 0
        for paragraph in self.view.text.split("\n"):
            self.paragraph(paragraph, offset)
            offset += len(paragraph) + 1
        seen, unique = set(), []
        for quote in self.quotes:
            marker = (quote.speaker, key(quote.text))
            if marker not in seen:
                seen.add(marker)
                unique.append(quote)
        return unique

    def paragraph(self, text: str, offset: int) -> None:
        local = pair_quotes(text)
        quoted = [(a + offset, b + offset) for a, b in local]
        self.marked = quoted
        self.earlier_quotations += self.quotations
        self.quotations = [q for q in quoted if self.qualifies(q)]
        cues = find_cues(text, offset, local)
        claimed: set[tuple[int, int]] = set()
        previous: dict[int, Resolved] = {}  # sentence start -> last speaker in that sentence
        opener: dict[int, Resolved] = {}  # sentence start -> the speaker of its first cue
        said_by_another: set[int] = set()  # sentences whose last cue is "ما قاله X": a noun clause
        paragraph_end = offset + len(text)
        cuts = [
            self.opens(cue, cues[i + 1].start if i + 1 < len(cues) else paragraph_end, quoted)
            for i, cue in enumerate(cues)
        ]
        for i, cue in enumerate(cues):
            if cue.kind == "boundary":
                continue
            region_end = next((c.start for j, c in enumerate(cues) if j > i and cuts[j]), paragraph_end)
            sentence = self.view.sentence_at(cue.start)
            direct = [
                q
                for q in quoted
                if cue.end <= q[0] - 1 < min(region_end, sentence.end)
                and q not in claimed
                and self.qualifies(q)
            ]
            comp = self.complementizer(cue.end, min(region_end, sentence.end))
            subject_end = min(comp[0] if comp else region_end, sentence.end)  # not the next sentence's
            if direct:
                subject_end = min(subject_end, direct[0][0] - 1)
            colon = self.view.text.find(":", cue.end, subject_end)
            subject_end = colon if colon >= 0 else subject_end
            last = previous.get(sentence.start)
            if last is None and cue.kind == "participle":  # «أولا ... النزاعات. ثانيا ...»، موضحا أن
                opened = next((a for a, b in quoted if a < sentence.start < b), None)  # a period inside
                last = previous.get(self.view.sentence_at(opened - 1).start) if opened else None
            if cue.kind == "participle" and sentence.start in said_by_another:
                last = None  # "بين ما أشار إليه روحاني ...، مؤكدا أن": not Rouhani's participle
            resolved = self.speaker(cue, sentence, subject_end, last, opener.get(sentence.start))
            previous[sentence.start] = resolved
            opener.setdefault(sentence.start, resolved)
            which_is = _after_which_is(self.view.text[max(0, cue.start - 30) : cue.start])
            # "وهو ما أكده X" goes on with X; when X is unnamed, or "بنفسه", with the sentence's speaker
            if self.view.word_before(cue.start) in WHAT_WAS_SAID and not (resolved.entity and which_is):
                said_by_another.add(sentence.start)
            else:
                said_by_another.discard(sentence.start)
            self.cue_speakers.append((cue, resolved))
            self.remember(resolved, cue)
            if direct:
                claimed.update(direct)
                for start, end in direct:
                    self.emit(resolved, self.view.text[start:end], True)
            elif comp and (resolved.explicit or self.options.implicit_reported) and not self.describes(cue):
                clause_end = min(region_end, sentence.end)
                if not self.only_a_subject(comp[1], clause_end, sentence):
                    self.emit(resolved, self.view.text[comp[1] : clause_end], False)
        for q in quoted:
            if q not in claimed and self.qualifies(q):
                entity = self.attributed_after(q) or self.named_before_colon(q)
                if entity:
                    self.emit(Resolved(entity, True), self.view.text[q[0] : q[1]], True)

    def only_a_subject(self, start: int, end: int, sentence: Sentence) -> bool:
        """Is the clause cut by the next cue just that cue's subject ('ذكرت "هآرتس" أن [مدير
        المهرجان كارلو شاتريان (في منصبه منذ عام 2006)] اعتبر أن ...')? Its words are then
        the next speaker's, not a quote."""
        spans = self.view.spans_in(start, end)  # a place there is what is said: "بمحاسبة قتلة سوروتش"
        named = [s for s in spans if s.entity.type in ("PER", "ORG") and self.view.is_actor(s)]
        if end >= sentence.end or not named:
            return False
        after = re.sub(r"\([^)]*\)", " ", self.view.text[named[-1].end : end])  # "(في منصبه منذ 2006)"
        title = [_bare(key(w)) for w in WORD.findall(self.view.text[start : named[0].start])]
        office = not title or (len(title) <= SUBJECT_TITLE_WORDS and title[0] in OFFICE_HEADS | TITLE_HEADS)
        listed = all(
            not self.view.text[a.end : b.start].strip(" ،,و") for a, b in zip(named, named[1:], strict=False)
        )  # "الرياض تقيم عاليا دور موسكو" says something
        return listed and office and word_count(after) == 0

    def describes(self, cue: Cue) -> bool:
        """ "ووصف البيت الأبيض الاجتماعات بأنها إيجابية": a description, a quote only when its
        words are in quotation marks."""
        return key(self.view.text[cue.start : cue.end]) in DESCRIBE_FORMS

    def describes_object(self, cue: Cue, end: int) -> bool:
        """ "ووصف داركود بأنه": after a describing verb that opens a clause, the name right before
        "بأنه" is whom it describes, so the subject goes on from the clause before."""
        if not self.describes(cue) or not self.opens_clause(cue):
            return False
        after = WORD.findall(self.view.text[cue.end : end + 8])[:2]
        return len(after) == 2 and key(after[1]) in AS_BEING and bool(self.view.spans_in(cue.end, end))

    def qualifies(self, quote: tuple[int, int]) -> bool:
        """Enough words, and not a name: no label noun or proclitic before the mark ("منتدى
        "..."", "لـ"سكاي نيوز عربية""), no "التابعة" after a short one, no title right after a
        person's name, and not just an entity's name."""
        text = self.view.text[quote[0] : quote[1]]
        short = word_count(text) <= LABELLED_NAME_WORDS
        if word_count(text) < MIN_QUOTE_WORDS or _is_label(self.view.text, quote[0] - 1, short):
            return False
        first = WORD.match(text.lstrip())
        head = key(first.group()).removeprefix("ال") if first is not None else ""
        if short and head in APPOSED_TITLES and self.view.person_right_before(quote[0] - 1):
            return False  # 'أبو أسامة العراقي "والي ولاية البركة"': his title ('قال X "نحن ..."' is a quote)
        following = self.view.word_after(quote[1] + 1)
        if short and (following in NAME_FOLLOWERS or (head in LABEL_HEADS and following in RELATIVE_GENDERS)):
            return False
        if len(ARABIC_WORD.findall(text)) < MIN_ARABIC_WORDS:
            return False  # 'شهادة الآيزو "120000 (ISO/IEC)"': a code, no words spoken
        glued = self.view.text[max(0, quote[0] - 3) : quote[0] - 1]
        if glued.endswith("ـ") or (
            glued.endswith(("ل", "ب", "ك")) and (len(glued) < 2 or not glued[-2].isalpha())
        ):
            return False
        if short and self.names_person(quote):
            return False  # 'أن الموهوبة "جنا خالد مقداد"', '"الشيخ ماهر المعيقلي"': a name
        named = sum(len(WORD.findall(self.view.text[s.start : s.end])) for s in self.view.spans_in(*quote))
        return named < 0.8 * word_count(text)

    def names_person(self, quote: tuple[int, int]) -> bool:
        """Is the quoted text a person's name, with at most one word before it (a title, or a
        first name the taggers did not know)?"""
        text = self.view.text[quote[0] : quote[1]]
        people = [s for s in self.view.spans_in(*quote) if s.entity.type == "PER"]
        last = people[-1] if people else None
        if last is None or self.view.text[last.end : quote[1]].strip(" .،,"):
            return False
        return word_count(self.view.text[quote[0] : last.start]) <= 1 and word_count(text) <= NAME_WORDS

    def opens(self, cue: Cue, next_cue: int, quoted: list[tuple[int, int]]) -> bool:
        """Does this cue start words of its own (so it ends the clause before it)? A boundary
        participle always does; a speech verb when أن/إن, a colon or a quote follows it."""
        if cue.kind == "boundary" or key(self.view.text[cue.start : cue.end]) in _SAID_IT_KEYS:
            return True  # "..., وهو ما أكده شكري" ends the clause before it
        end = min(next_cue, self.view.sentence_at(cue.start).end)
        if self.complementizer(cue.end, end) or ":" in self.view.text[cue.end : min(end, cue.end + 30)]:
            return True
        return any(cue.end <= q[0] - 1 < end for q in quoted)

    def complementizer(self, start: int, end: int) -> tuple[int, int] | None:
        """The first أن/إن after a cue that introduces a clause (not "بعد أن")."""
        for match in COMPLEMENTIZER.finditer(self.view.text, start, end):
            if word_count(self.view.text[start : match.start()]) > MAX_SUBJECT_WORDS:
                return None
            if any(s.start <= match.start() < s.end for s in self.view.spans):
                continue  # "إن" inside a name ("سي إن إن")
            if self.conditional(match):
                continue  # "قائلا إن كان ضروريًا فإن عليهم": "if", not "that"
            if self.view.word_before(match.start()) not in NOT_COMPLEMENTIZER:
                return match.start(), match.end()
        return None

    def conditional(self, match: re.Match) -> bool:
        """ "إن" right before a form of كان is "if": the complementizer إنّ takes a noun or a
        pronoun, never a verb ("بعد أن كان" is another "أن")."""
        bare = re.sub(MARKS, "", match.group())
        return bare == "إن" and self.view.word_after(match.end()) in KANA_FORMS

    def speaker(
        self,
        cue: Cue,
        sentence: Sentence,
        subject_end: int,
        previous: Resolved | None,
        opener: Resolved | None,
    ) -> Resolved:
        """Who speaks at this cue; `previous` and `opener` are the speakers of the sentence's
        last and first cues before it."""
        view = self.view
        if cue.kind == "medium":
            return self.medium_source(cue.end, subject_end)
        if cue.kind in ("verb", "participle") and self.report_before(cue, sentence):
            return Resolved(None, True)  # "معلومات مؤكدة تفيد بأن نوري المالكي": no one named speaks
        if cue.kind == "participle":
            if previous is not None:
                return previous
            subject = self.sentence_subject(sentence.start, cue.start)
            return Resolved(subject, True) if subject else Resolved(self.discourse(cue), False)
        document = re.search(r"(\S+)\s+$", view.text[max(sentence.start, cue.start - 20) : cue.start])
        if document and key(document.group(1)) in ISSUED_DOCUMENTS:  # "وأصدرت البورصة بيانا أكد صحة ..."
            issuer = self.sentence_subject(sentence.start, cue.start)
            return Resolved(issuer, True)  # the document speaks for who issued it, if named
        before = self.subject_before(cue, sentence)
        if before is not None:
            return Resolved(before, True)
        if self.describes_object(cue, subject_end) and opener is not None and opener.entity is not None:
            return opener  # "وأعلن المدعي الأمريكي ديفيد هيكتون ... ووصف داركود بأنه": Hickton
        if view.word_before(cue.start) == key("قد") and cue.kind == "verb":
            subject = self.subject_before_qad(cue, sentence)
            if subject is not None:
                return subject
        if cue.kind == "verb" and self.unnamed_body_before(cue, sentence):
            return Resolved(None, True)  # "وكانت قيادة القوات المشتركة ... أعلنت": no name speaks
        if key(view.text[cue.start : cue.end]) in INFORM_FORMS and self.informs_body(cue, subject_end):
            subject_end = cue.end  # "أبلغت مجلس الأمن": whom it informed, not who spoke
        adjunct = TIME_ADJUNCT.match(view.text, cue.end)
        start = adjunct.end() if adjunct else cue.end  # "وقالت في وقت سابق هوغيت لابيل"
        words = [w for w in (key(w) for w in WORD.findall(view.text[start:subject_end])) if w not in FILLERS]
        lead = words[1:] if words[:1] and words[0] in IN_WHICH else words  # "أعلن فيها عن وفاة X"
        if words and words[0] in TITLES_OF_HIM:
            referred = self.honoured(words[0], cue.start)  # "وشدد معاليه على ...": the minister
            return Resolved(referred, referred is not None)
        if self.marked_subject(start):  # 'وقال "بادي" في تصريحات لصحيفة ...'
            return Resolved(None, True)  # a name the taggers missed speaks, not the paper after it
        named = any(s.entity.type == "PER" and view.is_actor(s) for s in view.spans_in(start, subject_end))
        if _unnamed_subject(lead, addressed=True) and not named:
            # "وأكد لـ"الاقتصادية" مصدر خاص أن": an unnamed source; "أكد لـ"الاقتصادية" المحلل ...
            # مارتين جورجييف، أن": the analyst named
            return Resolved(None, True)
        if lead and self.is_preposition(lead[0]):  # "وقال للصحفيين", "وأضاف مخاطبا X": no subject here
            subject_end = start
        actors = [s for s in view.spans_in(start, subject_end) if view.is_actor(s)]
        if actors and words and self.object_first(start, actors[0]):
            actors = []  # "فقد أعلن تحقيقه أرباحا صافية ... في بنك قطر الدولي": no subject after it
        right_after = bool(actors) and self.headed_by(start, actors[0])
        if words and words[0] in ISSUER_WORDS and not right_after:
            return Resolved(self.issuer(words[0], cue.start), True)  # "أعلنت الوزارة عن ... لقناة السويس"
        head = words[0] if words else ""
        body = head in SPEAKING_BODIES and not self.named_body_first(start, subject_end)
        account = head in ACCOUNTS and not self.named_body_first(start, subject_end, ANY_TYPE)
        if body or account:
            return Resolved(None, True)  # "أعلن نادي اتحاد جدة ... تعاقده مع ... بولوني": an unnamed body
        if words and words[0] in FAMILIES:
            return Resolved(None, True)  # "قالت عائلة ... الملا محمد عمر إنها": the family, unnamed
        if len(words) > 1 and words[1] in LOYAL_TO:
            return Resolved(None, True)  # "أكدت القوات الموالية لحكومة الرئيس هادي أنها": the forces
        if words and (words[0] in COUNTED or words[0] in PLURAL_BODIES):
            return Resolved(None, True)  # "وحذرت ثماني منظمات حقوقية ... الذي صادق عليه البرلمان"
        one_of = words and words[0] in ONE_OF
        if one_of and (self.describes(cue) or not any(s.entity.type == "PER" for s in actors)):
            return Resolved(None, True)  # "وصف أحد أعضاء حركة طالبان ... الملا عمر بأنه": one unnamed
        if words and words[0] in ROLE_NOUNS and not any(s.entity.type == "PER" for s in actors):
            return Resolved(None, True)  # "وقال اللاعب بعد مباراة تشلسي": the player, unnamed here
        if _unnamed_subject(words) and not any(s.entity.type == "PER" for s in actors):
            return Resolved(None, True)  # "وقال المسؤول في مدينة سبها جنوب طرابلس": no one named
        if _unnamed_subject(words) and any(self.in_body_of(s, start) for s in actors):
            return Resolved(None, True)  # "قال عضو في حزب الرئيس اليمني السابق علي عبد الله صالح، إن"
        titled = view.titled_person(start, subject_end)
        if titled is not None and not any(s.entity.type == "PER" for s in actors):
            return Resolved(titled, True)
        if right_after and actors[0].entity.type == "ORG":  # "أعلن الجيش الإسرائيلي حالة التأهب ... زادة"
            view.genders[actors[0].entity.name] = cue.gender
            return Resolved(actors[0].entity, True)
        if actors:
            people = [s for s in actors if s.entity.type == "PER"]
            if len(people) > 1 and view.serves_deputy(people[0]):
                people = people[1:]  # "وتقول مستشارة أوباما لمكافحة الإرهاب ليزا موناكو": the adviser
            elif len(people) > 1 and self.in_marks(people[0]):
                people = people[1:]  # 'وأوضحت مديرة التوظيف في "باب رزق جميل" رولا باصمد': a name of a thing
            if people:
                office = bool(words) and words[0] in OFFICE_HEADS
                if office and not self.holds_office(start, people[0], subject_end):
                    return Resolved(None, True)  # an unnamed official; the person is further on
                if words and not office:
                    view.genders[people[0].entity.name] = cue.gender  # verb-subject agreement
                return Resolved(people[0].entity, True)
            if words and words[0] in OFFICE_HEADS:
                return Resolved(None, True)  # an unnamed official of that organisation
            if actors[0].entity.type == "ORG":
                view.genders[actors[0].entity.name] = cue.gender
            return Resolved(actors[0].entity, True)
        if words and not self.is_preposition(words[0]):
            return Resolved(None, True)
        if view.word_before(cue.start) in WHAT_SUBJECT:
            return Resolved(None, True)  # "تقارير ... بما أشار إلى أن": what was reported says it
        by_relative = self.relative_clause_speaker(cue, sentence, opener)
        if by_relative is not None:
            return Resolved(by_relative, True)
        if self.opens_clause(cue) and self.unnamed_since.get(cue.gender) == sentence.end:
            return Resolved(None, True)  # "فيما قال مصدر قضائى إن ... وأشار إلى أن": the source again
        carried = opener is not None and not opener.explicit and self.opens_clause(cue)
        known = opener is not None and opener.entity is not None and (opener.explicit or carried)
        if known and cue.kind == "verb":
            if view.genders.get(opener.entity.name, cue.gender) == cue.gender:
                # "أكد الجبير أن ... وتطرق إلى قضية X وقال:": the sentence's subject, also when
                # carried from the sentence before ("وأكد ... بيد إيران ..., وقال": not Iran)
                return opener
        if self.relative_opens(sentence.start, cue.start):
            return Resolved(None, True)  # "استهل والد الشهيد حديثه مع سمو الأمير ...، وقال": the father
        if TOPIC_LEAD.match(view.text, sentence.start):  # "وحول رؤيته لأسباب الاستسلام ...، قال"
            return Resolved(self.discourse(cue), False)
        # a verb joined by و after an unnamed speaker's cue goes on with him, not with a name inside
        # his words ("واضاف بان ... من الأردن والمغرب ...، وأشار الى أن"); a verb without و may be
        # reported there ("ذكرت أن مدير المهرجان X ... اعتبر أن": X)
        earlier = [(c.start, r) for c, r in self.cue_speakers if sentence.start <= c.start < cue.start]
        unnamed_before = bool(earlier) and earlier[-1][1].entity is None and self.opens_clause(cue)
        subject = self.sentence_subject(sentence.start, earlier[-1][0] if unnamed_before else cue.start)
        return Resolved(subject, True) if subject else Resolved(self.discourse(cue), False)

    def relative_clause_speaker(
        self, cue: Cue, sentence: Sentence, opener: Resolved | None = None
    ) -> Entity | None:
        """Who speaks after a relative pronoun right before the cue. Of the cue's gender, it is
        its subject: the person last named before it, within a few words ("مع الدكتورة سهيلة زين
        العابدين ...، التي أكدت أن"). Of the other gender, it is its object, and the subject is
        whoever spoke at the sentence's first cue, if of the cue's gender ("وقال [كارتر] إن
        الولايات المتحدة يجب ...، التي قال إنه ناقشها"), else the sentence's first body or person
        of the cue's gender ("أعلنت منظمة ... (إيباك) حربا على إدارة ... أوباما، بسبب اتفاق ...،
        الذي قالت إنه": AIPAC, not Obama)."""
        relative = self.view.word_before(cue.start)
        if relative not in RELATIVE_GENDERS:
            return None
        start = self.view.text.rfind(" ", 0, cue.start - 1)
        if RELATIVE_GENDERS[relative] != cue.gender:
            said = opener.entity if opener is not None else None
            if said is not None and self.view.genders.get(said.name, cue.gender) == cue.gender:
                return said
            actors = [s for s in self.view.spans_in(sentence.start, start) if self.view.is_actor(s)]
            agreeing = [s for s in actors if self.view.genders.get(s.entity.name) == cue.gender]
            ranked = sorted(agreeing, key=lambda s: s.entity.type == "LOC")  # bodies and people first
            return ranked[0].entity if ranked else None
        lead = list(WORD.finditer(self.view.text, sentence.start, start))[-ANTECEDENT_REACH_WORDS:]
        if not lead:
            return None
        people = [s for s in self.view.spans_in(lead[0].start(), start) if s.entity.type == "PER"]
        if not people or self.view.genders.get(people[-1].entity.name) != cue.gender:
            return None
        return people[-1].entity

    def relative_opens(self, start: int, end: int) -> bool:
        """Does a relative with no name ("والد الشهيد", "شقيقة الضحية") stand among the sentence's
        first words, before any actor? He is its subject, not a person named later."""
        words = list(WORD.finditer(self.view.text, start, end))[:RELATIVE_SUBJECT_WORDS]
        first_actor = next((s.start for s in self.view.spans_in(start, end) if self.view.is_actor(s)), end)
        for word in words:
            if word.start() >= first_actor:
                return False
            if _is_kin(key(word.group())):
                return True  # a bare kin word is someone's relative ("شقيق الرئيس"), named or not
        return False

    def in_body_of(self, span: EntitySpan, start: int) -> bool:
        """A person named with his title after a body he leads or owns ("في حزب الرئيس اليمني
        السابق علي عبد الله صالح"): the body's, not the one who speaks of it ("المسؤول في مكتب
        التحقيقات الفدرالي ايد رينولد" is the official)."""
        words = [key(w) for w in WORD.findall(self.view.text[start : span.start])]
        return any(a in GENITIVE_HEADS and _bare(b) in TITLE_HEADS for a, b in pairwise(words))

    def object_first(self, start: int, actor: EntitySpan) -> bool:
        """Does the verb's object start before the actor, so that the actor is no subject? A
        noun with a pronoun suffix right after the verb, with the actor several words on ("أعلن
        تحقيقه أرباحا ... بنك قطر"; a subject with the suffix names the actor right after it:
        "قال نظيره الروسي سيرغي لافروف"), or such a noun after a definite subject with no name."""
        words = WORD.findall(self.view.text[start : actor.start])
        if not words:
            return False
        if _possessed(words[0]):
            return len(words) > OBJECT_REACH_WORDS
        # "أعلنت المقاومة الشعبية سيطرتها على ثلاثة مواقع ... وقوات صالح": a subject with no name,
        # then its object; a title or an office heads a subject whose name comes later
        head = key(words[0])
        titled = head in OFFICE_HEADS or _bare(head) in OFFICE_HEADS | TITLE_HEADS
        issued = head in DOCUMENTS  # "وأشار التقرير الذي أصدره البنك الأهلي": its issuer speaks
        return head.startswith("ال") and not (titled or issued) and any(_possessed(w) for w in words[1:])

    def holds_office(self, start: int, person: EntitySpan, subject_end: int) -> bool:
        """Does the person hold the office named after the cue? Yes when the subject ends where
        the words begin (at أن, a colon or a quote: "أوضح أمين منطقة جازان، رئيس اللجنة ...،
        محمد بن حمود الشايع، أنه"); with no such end, only right after the office's organisation
        or place ("أعلن المتحدث باسم وزارة الخارجية الأمريكية جون كيربي"), not words later in
        the verb's object ("أعلن المتحدث باسم طالبان ذبيح الله مجاهد اختيار [منصور]")."""
        text = self.view.text
        if self.view.word_before(person.start) in REGIMES:
            return False  # "متحدث باسم مقاتلين ... تدعمها حكومة هادي": Hadi's government, not him
        words_begin = text[subject_end : subject_end + 1] in (":", *QUOTE_MARKS)
        if words_begin or COMPLEMENTIZER.match(text, subject_end):
            return True
        if self.is_preposition(self.view.word_after(person.end)):
            return True  # "وأشارت عضو الجمعية ... عالية آل فريد إلى وجود": the subject ends there
        named = self.view.spans_in(start, person.start)
        gap = text[named[-1].end if named else start : person.start]
        return not named or word_count(gap) <= HOLDER_REACH_WORDS

    def informs_body(self, cue: Cue, end: int) -> bool:
        """ "أبلغت مجلس الأمن": a body right after "أبلغ" is whom it informs; a person or a title
        there is its subject ("وأبلغ وزير النقل ليو تيونج رويترز")."""
        after = self.view.spans_in(cue.end, end)
        right_after = bool(after) and not self.view.text[cue.end : after[0].start].strip()
        return right_after and after[0].entity.type != "PER"

    def opens_clause(self, cue: Cue) -> bool:
        """Does the verb carry و or ف ("وقال", "فأكد"), opening a clause of its own?"""
        opened = CUE.match(self.view.text, cue.start)
        return opened is not None and bool(opened.group("conj"))

    def subject_before(self, cue: Cue, sentence: Sentence) -> Entity | None:
        """A subject written before its verb: "إلا أن ترامب قال", "وكان ترامب أعلن", also past
        an epithet ("تنظيم داعش الإرهابي أعلن"); not before a verb with و or ف, which opens a
        clause of its own ("وتطرق إلى قضية رائف بدوي وقال:"), nor before a verb a person's
        name follows right away ("... رئاسة الفيفا قال كامبل لرويترز إن": Campbell)."""
        if cue.kind != "verb" or self.opens_clause(cue):
            return None
        after = self.view.spans_in(cue.end, sentence.end)
        if after and after[0].entity.type == "PER" and self.headed_by(cue.end, after[0]):
            return None
        for span in self.view.spans_in(sentence.start, cue.start):
            between = self.view.text[span.end : cue.start].split()
            if any(mark in self.view.text[span.end : cue.start] for mark in "،,"):
                continue  # "... برنامج طهران النووي، قال كيري إن": a clause ends at the comma
            lead = (self.view.word_before(span.start), self.view.text[span.start : span.end])
            if any(w.startswith("لل") for w in lead):
                continue  # "عبد المنان الشقيق الأصغر للملا عمر قال": the brother, not Omar, said it
            verb_start = self.view.text.rfind(" ", 0, span.start - 1)
            if self.view.word_before(verb_start + 1) in RELATIVE_GENDERS:
                continue  # "بينات الذي غادر الاتحاد أكد": the club is what he left
            fillers = all(key(w) in FILLERS or _epithet(w) for w in between)
            if fillers and len(between) <= 2 and self.view.is_actor(span):
                if span.entity.type != "PER" and self.after_office(span):
                    return None  # "وكان مدرب برشلونة قد أعلن": the coach, unnamed here
                return self.view.acting_entity(span)
        return None

    def unnamed_body_before(self, cue: Cue, sentence: Sentence) -> bool:
        """ "وكانت قيادة القوات المشتركة لتحالف دعم الشرعية في اليمن أعلنت": after a form of
        كان, a body's head noun in construct, or an untagged capital ("وكانت المنامة أعلنت"),
        opens the verb's subject and no actor stands in it."""
        openers = list(KANA.finditer(self.view.text, sentence.start, cue.start))
        if not openers:
            return False
        start = openers[-1].end()
        written = WORD.findall(self.view.text[start : cue.start])
        words = [key(w) for w in written]
        capital = len(written) == 1 and (place := place_of(written[0])) is not None and place.capital
        body = bool(words) and len(words) <= SUBJECT_NOUN_REACH_WORDS and words[0] in SPEAKING_BODIES
        if not capital and not body:
            return False  # a head with the article refers back ("وكانت الوزارة أعلنت": the ministry named)
        return not any(self.view.is_actor(s) for s in self.view.spans_in(start, cue.start))

    def report_before(self, cue: Cue, sentence: Sentence) -> bool:
        """Is the verb's subject a report or source without a name, right before it in its
        sentence or past one adjective ("معلومات مؤكدة تفيد", "تقارير تقول")? Not before a verb
        with و, which opens a clause of its own."""
        if self.opens_clause(cue):
            return False
        start = max(sentence.start, cue.start - 40)
        words = [key(w) for w in WORD.findall(self.view.text[start : cue.start])][-2:]
        return bool(words) and (words[-1] in REPORTS or (len(words) == 2 and words[0] in REPORTS))

    def after_office(self, span: EntitySpan) -> bool:
        """Is this organisation or place the employer of an office named right before it?"""
        return _bare(self.view.word_before(span.start)) in OFFICE_HEADS

    def subject_before_qad(self, cue: Cue, sentence: Sentence) -> Resolved | None:
        """ "X قد أعلن": the subject stands between the clause's start (a form of كان, أن, or
        the sentence) and "قد": its first actor ("وكان اللواء جعفر محمد سعد، المستشار ...، قد
        أعلن"), else the person a title there stands for ("وكان الرئيس الصيني قد قال"), else
        nobody named ("وكانت قيادة القوات المشتركة ... قد أعلنت"). None when "قد" follows كان
        right away or after a detached و ("وكان قد أعلن X", "و قد صرح X": the subject comes
        after), or when an office no title resolves stands there ("وكان المحافظ قد أعلن")."""
        view = self.view
        qad = view.text.rfind("قد", 0, cue.start)
        if view.word_before(qad) in BEFORE_QAD_VERB:
            return None
        start = sentence.start
        for opener in CLAUSE_OPENER.finditer(view.text, sentence.start, qad):
            start = opener.end()
        actors = [s for s in view.spans_in(start, qad) if view.is_actor(s)]
        if actors and actors[0].entity.type != "PER" and self.after_office(actors[0]):
            person = next((s for s in actors if s.entity.type == "PER"), None)  # "وكان مدرب برشلونة X قد"
            return Resolved(view.acting_entity(person) if person else None, True)  # an unnamed official
        if actors:
            return Resolved(view.acting_entity(actors[0]), True)
        titled = view.titled_person(start, qad)
        words = WORD.findall(view.text[start:qad])
        offices = [w for w in words if _bare(key(w)) in OFFICE_HEADS | TITLE_HEADS]
        if titled is None and offices:
            return None  # "وكان المحافظ قد أعلن": an office the article may name elsewhere
        return Resolved(titled, True)

    def named_body_first(self, start: int, end: int, types: Collection[str] = ("ORG",)) -> bool:
        """Does an organisation's name start among the first words after `start` that are no
        filler ("أعلنت اليوم [وزارة الداخلية]", "وقال تنظيم [داعش]", "أعلنت وكالة التصنيف
        الائتماني [ستاندرد اند بورز]")? A site's name may carry any tag ("موقع "[لو فيجارو]"")."""
        words = [w for w in WORD.finditer(self.view.text, start, end) if key(w.group()) not in FILLERS]
        return any(
            s.start <= word.start() < s.end and s.entity.type in types
            for word in words[:BODY_NAME_REACH_WORDS]
            for s in self.view.spans
        )

    @staticmethod
    def is_preposition(word: str) -> bool:
        return word in PREPOSITION_WORDS or word.startswith(("بال", "لل", "بقول"))

    def medium_source(self, start: int, end: int) -> Resolved:
        """ "ونقلت CNN عن X": X, the first person (else actor) after عن, within its first words
        ("عن وزير الخارجية الأمريكي جون كيري"); one further on is in what was reported ("نقلت
        صحيفة ديلي ميل عن ذي غارديان، فإن نجوم البوب تذكروا ميشيل أوباما")."""
        source = re.search(r"(?<![\w])عن(?![\w])", self.view.text[start:end])
        if not source:
            return Resolved(None, True)
        words = list(WORD.finditer(self.view.text, start + source.end(), end))[:MEDIUM_SOURCE_WORDS]
        said = next((w for w in words if key(w.group()) in REPORTED_OPENERS), None)
        end = said.start() if said else min(end, words[-1].end()) if words else end
        after = [s for s in self.view.spans_in(start + source.end(), end) if s.entity.type != "MISC"]
        people = [s for s in after if s.entity.type == "PER"]
        chosen = (people or after or [None])[0]
        return Resolved(chosen.entity if chosen else None, True)

    def sentence_subject(self, start: int, end: int) -> Entity | None:
        """The sentence's first person, unless an honorific ("سموه") or a title phrase among its
        first words stands for another ("وشبه ولي عهد السعودية المرشد الأعلى ... علي خامنئي بأدولف
        هتلر، وقال إن": the crown prince), else its first actor; never a name inside quoted
        words ("«لا يمكن ان تكون مدينة مثل اسلام اباد ...»، معتبرا ان": not the city)."""
        actors = [
            s
            for s in self.view.spans_in(start, end)
            if self.view.is_actor(s) and not self.in_quote(s) and not self.view.addressed_by_title(s)
        ]  # "التفت الرئيس السنغافوري إلى الرئيس كلينتون قائلا": not whom he turned to
        people = [s for s in actors if s.entity.type == "PER"]
        opening_words = WORD.finditer(self.view.text, start, people[0].start if people else end)
        for word in islice(opening_words, OPENING_WORDS):
            if key(word.group()) in TITLES_OF_HIM:  # "وعبَّر سموه عن سعادته بزيارة ...، وقال": the prince
                honoured = self.honoured(key(word.group()), word.start())
                if honoured is not None:
                    return honoured
        if not people:
            for part_start, part_end in self.outside_quotes(start, end):  # not "«... بالرئيس روحاني»"
                titled = self.view.titled_person(part_start, part_end, addressed=False)
                if titled is not None:
                    return titled
        else:
            opening = next(islice(WORD.finditer(self.view.text, start, end), OPENING_WORDS, None), None)
            limit = min(people[0].start, opening.start()) if opening else people[0].start
            others = [t for t in self.view.titled_people(start, limit, False) if t is not people[0].entity]
            if others:
                return others[0]
        chosen = (people or actors or [None])[0]
        return chosen.entity if chosen else None

    def outside_quotes(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) outside the paragraph's quoted words."""
        parts = []
        for a, b in sorted(self.quotations):
            if b < start:
                continue
            if a - 1 >= end:
                break
            if a - 1 > start:
                parts.append((start, a - 1))  # up to the opening mark
            start = b + 1
        return [*parts, (start, end)] if start < end else parts

    def in_marks(self, span: EntitySpan) -> bool:
        """Does the name stand inside a short run in quotation marks ('"باب رزق جميل"'), the name
        of a programme or brand rather than a person acting?"""
        return any(0 <= span.start - a < MARKED_NAME_LEAD and span.end == b for a, b in self.marked)

    def in_quote(self, span: EntitySpan, earlier: bool = False) -> bool:
        """Inside quoted words, not in a name in quotation marks ("مؤسسة «ألف اختراع واختراع»");
        with `earlier`, those of the paragraphs before too."""
        quotations = self.earlier_quotations + self.quotations if earlier else self.quotations
        return any(a <= span.start < b for a, b in quotations)

    def honoured(self, pronoun: str, before: int) -> Entity | None:
        """The person "سموه" or "معاليه" stands for: the first one named before it after that
        honorific, else after a title of its rank ("الأمير جلوي بن عبدالعزيز" for "سموه" in an
        article that names the prince in its lead and another prince in passing)."""
        honorific = next((h for h in HONOURED_TITLES if pronoun.startswith(h.rstrip("ه"))), None)  # "فخامته"
        if honorific is None:
            return None
        people = [s for s in self.view.spans if s.end <= before and s.entity.type == "PER"]
        for titles in ({_bare(honorific)}, HONOURED_TITLES[honorific]):  # "معالي" itself first
            for span in people:
                lead = self.view.text[max(0, span.start - 60) : span.start].rsplit(".", 1)[-1]
                words = WORD.findall(lead)[-HONOURED_TITLE_REACH_WORDS:]  # "معالي وزير الخارجية القطري د."
                if titles & {_bare(key(w)) for w in words}:
                    return span.entity
        return None

    def discourse(self, cue: Cue) -> Entity | None:
        """The speaker a continuation cue refers to: the last one of the verb's gender, else the
        nearest earlier person of that gender named since an unnamed source of that gender spoke,
        not inside quoted words."""
        if cue.gender in self.last_speaker:
            return self.last_speaker[cue.gender]
        since = self.unnamed_since.get(cue.gender, 0)  # "وأوضح المصدر ... وأضاف": the source goes on
        earlier = [
            s
            for s in self.view.spans_in(since, cue.start)
            if s.entity.type == "PER"
            and not self.in_quote(s, earlier=True)  # "«... تحدثت ايضا الى ناصر (الخليفي)»"
            and not self.view.addressed_by_title(s)
        ]
        for span in reversed(earlier):
            if self.view.genders.get(span.entity.name) == cue.gender:
                return span.entity
        return None

    def headed_by(self, start: int, span: EntitySpan) -> bool:
        """Does the actor stand right at `start`, or after only its own head noun ("وأعلن النادي
        [الأهلي] عن ... تعيين مساعد الزويهري", "أعلن نادي [يوفنتوس] عن منح ... بول بوجبا": the
        club speaks, not the man it names; so does a paper after "صحيفة"), maybe after a body of
        its own ("إدارة النادي [الأهلي]")?"""
        between = WORD.findall(self.view.text[start : span.start])
        if not between:
            return not self.view.text[start : span.start].strip()
        heads = [key(word).removeprefix("ال") for word in between]
        if len(heads) == 2 and heads[0] in SPEAKING_BODIES:
            heads = heads[1:]  # "أعلنت إدارة النادي [الأهلي] عن تعاقدها مع ... فلورين": its board
        headed = len(heads) == 1 and (heads[0] in BODY_HEADS or heads[0] in MEDIA_HEADS)
        return headed and span.entity.type == "ORG"

    def issuer(self, word: str, before: int) -> Entity | None:
        """ "البيان" -> the last speaker; "الوزارة" -> the last organisation called وزارة ..."""
        if word == key("البيان"):
            return self.last_any
        stem = word[2:]
        for span in reversed([s for s in self.view.spans if s.end <= before and s.entity.type == "ORG"]):
            context = key(self.view.text[max(0, span.start - 8) : span.end])
            if stem in context:
                return span.entity
        return None

    def attributed_after(self, quote: tuple[int, int]) -> Entity | None:
        """'"..."، بحسب X' or '"..."، قال X'."""
        after = self.view.text[quote[1] + 1 : quote[1] + 60]
        match = ATTRIBUTION.match(after) or CUE.match(re.sub(r"^[\s،,]*(?:هكذا\s+)?", "", after))
        if not match:
            return None
        if match.re is ATTRIBUTION:  # "«...»، بحسب الجمارك، تعود ملكيتها إلى X": X is no source
            after = after[: match.end()] + re.split(r"[،,.؛]", after[match.end() :])[0]
        base = quote[1] + 1
        people = [s for s in self.view.spans_in(base, base + len(after)) if s.entity.type in ("PER", "ORG")]
        near = bool(people) and word_count(self.view.text[base : people[0].start]) <= ATTRIBUTION_REACH_WORDS
        return people[0].entity if near else None

    def named_before_colon(self, quote: tuple[int, int]) -> Entity | None:
        """'من مقابلة بنس: "..."': the name right before the colon that opens the quote."""
        before = self.view.text[max(0, quote[0] - 4) : quote[0]]
        if ":" not in before:
            return None
        colon = quote[0] - 4 + before.index(":") if quote[0] >= 4 else before.index(":")
        near = [s for s in self.view.spans if 0 <= colon - s.end <= 2 and s.entity.type in ("PER", "ORG")]
        near = [s for s in near if self.view.is_actor(s)]  # not "وقال والد أفراح:"
        return near[0].entity if near else None

    def remember(self, resolved: Resolved, cue: Cue) -> None:
        if resolved.entity is None:
            after = [key(w) for w in WORD.findall(self.view.text[cue.end : cue.end + 80])]
            lead = after[:STATEMENT_REACH_WORDS]
            in_statement = any(w == key("في") and "بيان" in v for w, v in zip(lead, lead[1:], strict=False))
            unissued = cue.kind != "medium" and after[:1] == [key("بيان")]  # "وأفاد بيان صادر عن ولاية X"
            if resolved.explicit and (in_statement or unissued):  # not "ونقل بيان للجيش عن مصدر"
                self.last_any = None  # "وأوضح مصدر في الخلية في بيان ... وأضاف البيان": no name issued it
            marked = self.marked_subject(cue.end)  # 'وقال "بادي" ... وأضاف': his words too
            if resolved.explicit and (_unnamed_subject(after) or self.untagged_subject(cue) or marked):
                self.last_speaker.pop(cue.gender, None)
                self.unnamed_since[cue.gender] = self.view.sentence_at(cue.start).end
            return
        gender = self.view.genders.get(resolved.entity.name, cue.gender)
        self.last_speaker[gender] = resolved.entity
        self.last_any = resolved.entity

    def marked_subject(self, start: int) -> bool:
        """One or two untagged words in quotation marks right after a cue, then a preposition or
        a colon: a name the taggers missed is the subject ('وقال "بادي" في تصريحات'), not a
        newspaper told ('أبلغ "الاقتصادية" المهندس مسفر') or a nickname before a name ('ويقول
        «التناك» محمد العسيف')."""
        marked = MARKED_SUBJECT.match(self.view.text, start)
        if marked is None or self.view.spans_in(marked.start(), marked.end()):
            return False
        rest = self.view.text[marked.end() :].lstrip()
        return rest[:1] in (":", "،", ",") or self.view.word_after(marked.end()) in PREPOSITION_WORDS

    def untagged_subject(self, cue: Cue) -> bool:
        """ "وكان موتا، احد العناصر ...، صرح مرارا": a subject after كان that names no entity the
        taggers found; the verbs after it that name no one are his, not an earlier speaker's."""
        if cue.kind != "verb":
            return False
        sentence = self.view.sentence_at(cue.start)
        openers = list(KANA.finditer(self.view.text, sentence.start, cue.start))
        if not openers or self.view.spans_in(openers[-1].end(), cue.start):
            return False
        subject = [key(w) for w in WORD.findall(self.view.text[openers[-1].end() : cue.start])]
        return bool(subject) and subject[0] not in (key("قد"), key("قال"))

    def emit(self, resolved: Resolved, text: str, direct: bool) -> None:
        text = _clean(text)
        if word_count(text) < (MIN_QUOTE_WORDS if direct else MIN_REPORTED_WORDS):
            return
        if resolved.entity is None and not self.options.unattributed:
            return
        self.quotes.append(Quote(resolved.entity.name if resolved.entity else None, text, direct))


@dataclass
class Reading:
    """One article read for speech: the view, its quotes and who each cue gave the words to.
    The quote and event stages both need it; `read_speech` computes it once per article."""

    view: ArticleView
    quotes: list[Quote]
    cue_speakers: list[tuple[Cue, Resolved]]
    quoted: list[tuple[int, int]]


# The last few readings, so the event stage does not read an article the quote stage just
# read. A pure memo (same input, same output): correct in any process and under any runner.
READINGS_KEPT = 4
_readings: OrderedDict[tuple, Reading] = OrderedDict()


def _entity_key(entities: list[Entity]) -> tuple:
    return tuple((e.name, e.type, tuple(e.mentions)) for e in entities)


def read_speech(text: str, entities: list[Entity]) -> Reading:
    """The speech reading of a body text with default options (memoised for the last few)."""
    marker = (text, _entity_key(entities))
    if marker in _readings:
        _readings.move_to_end(marker)
        return _readings[marker]
    view = ArticleView(text, entities)
    finder = QuoteFinder(view, DEFAULT_OPTIONS)
    quotes = finder.run()
    quoted, offset = [], 0
    for paragraph in text.split("\n"):
        quoted += [(a + offset, b + offset) for a, b in pair_quotes(paragraph)]
        offset += len(paragraph) + 1
    reading = Reading(view, quotes, finder.cue_speakers, quoted)
    _readings[marker] = reading
    while len(_readings) > READINGS_KEPT:
        _readings.popitem(last=False)
    return reading


def find_quotes(text: str, entities: list[Entity], options: QuoteOptions = DEFAULT_OPTIONS) -> list[Quote]:
    """Quotes in a body text whose entities are already resolved."""
    if not text:
        return []
    if options == DEFAULT_OPTIONS:
        return list(read_speech(text, entities).quotes)
    return QuoteFinder(ArticleView(text, entities), options).run()


def add_quotes(article: Article, options: QuoteOptions = DEFAULT_OPTIONS) -> Article:
    """Fill `article.quotes` from its body (headline quotes are not attributed reliably)."""
    if not read_as_arabic(article):
        return article
    article.quotes = find_quotes(article.text, article.entities, options)
    return article

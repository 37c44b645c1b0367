"""Trim the taggers' spans of words the annotated data never counts as names.

Both taggers sweep words next to a name into its span. These leave it:
- after a person: titles ("محمد بن سلمان ولي [العهد]"; a span of titles alone, "سمو ولي",
  goes) and a blessing ("[حفظه الله]");
- after any name: honorifics ("مجلس التنمية [المهندس]"; royal titles stay, "كأس الملك"),
  a dangling preposition ("محمد [لـ]") and a time word ("[الماضي]": 101 times O in
  ANERcorp), which takes a month name it made a date of with it ("شعبان الماضي");
- before a person: a verb of saying ("[وأضاف] آيدين", the quote finder's cue words), a
  word of kinship ("[شقيق] عبد السلام") and a title or honorific ("[المهندس] الفارس");
- alone, outside persons: a nationality adjective ("اليوناني", "سعودية"; الإيراني is O 38
  times in ANERcorp, never a name; a word that is also a place, "والسعودية", stays, unless
  و joins it to a word that can only be an adjective: "طائرات روسية [وسورية]") and a
  word for a kind of place ("بريف" before "دمشق"; منطقة is O 64 times). A person is not
  touched by these: "المصري" alone may be a surname.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from functools import cache

from marsad.arabic.normalize import normalize_word
from marsad.arabic.sentences import LETTER_NAMES
from marsad.arabic.tokenize import SINGLE_PROCLITICS, proclitic_splits
from marsad.enrich.gazetteer import CURRENCY, shipped_gazetteer
from marsad.enrich.ner_features import shipped_lexicon
from marsad.enrich.person_spans import more_frequent
from marsad.enrich.quotes import CUE, QUOTE_MARKS
from marsad.enrich.resolve import (
    BODY_HEADS,
    GENERIC_HEADS,
    ORG_HEADS,
    PLACE_NOUNS,
    PREPOSITION_BAND_GAP,
    ROYAL_TITLES,
    SON_OF,
    TITLE_WORDS,
    person_name_words,
)
from marsad.eval.ner import span_tags, spans
from marsad.extract.dates import MONTHS
from marsad.knowledge import country_of_word, key, place_of
from marsad.names import KIN, NAME_PARTICLES, TITLES_OF_HIM, shipped_given_names, shipped_known_people

# Words of office and honour that end no person's name; a few are also family names
# ("محمد الشيخ", "عبدالرحمن السلطان", "محمد الأمين", "حسني الزعيم", "محمد المرشد"), so they stay.
FAMILY_NAMES = frozenset(key(word) for word in "الشيخ الأمير السلطان الأمين الزعيم القائد المرشد".split())
# Honorifics and offices that end no name at all; royal titles end the names of cups and
# universities ("كأس الملك", "جامعة الملك سعود", "بطولة كأس ولي العهد"), so only persons lose them.
HONORIFICS = frozenset(
    key(word)
    for word in "سمو فخامة معالي سعادة المهندس الدكتور الأستاذ محافظ مدير نائب عضو معاون "
    "المهندسة الدكتورة الأستاذة".split()  # "وزارة التعليم [الدكتورة] هياء العواد"
)
# "جلالة", "صاحب" (السمو) and "عهده" ("ولي عهده": his crown prince) are titles too.
TITLES = (TITLE_WORDS - FAMILY_NAMES) | HONORIFICS | {
    key(word) for word in "جلالة صاحب عهده بالإنابة بالنيابة القيادي بروفيسور البروفيسور بروفسور".split()
}
# "النيل" is the Nile, and also the verbal noun "undermining", which "من" follows ("النيل من
# سمعته"); ANERcorp tags "النيل من" O.
NILE = frozenset({key("النيل")})
TIME_WORDS = frozenset(key(word) for word in "الماضي المقبل الجاري القادم الحالي المنصرم".split())
THEN_WORDS = frozenset(key(word) for word in "آنذاك انذاك حينذاك حينها وقتها وقتذاك".split())
DISEASE_HEADS = frozenset(key(word) for word in "فيروس جائحة وباء مرض متحور سلالة حمى".split())
VIRUSES = frozenset({key("كورونا")})
DYNASTY = frozenset({key("سلالة")})
# Pronouns end no name ("فيصل [وهو] يلتقط"); a و before them is read off with the others.
PRONOUNS = frozenset(key(word) for word in "هو هي هم هما".split())
# Adjectives of a hospital, airport or university named after someone ("مطار الملك عبدالعزيز
# [الدولي]", "مستشفى الملك فهد [التخصصي]"): the person's name ends before them.
INSTITUTION_ADJECTIVES = frozenset(
    key(word)
    for word in "الدولي الدولية التخصصي التخصصية الجامعي الجامعية العامة الرياضية الإسلامية الخيرية".split()
)
# Quantities open the phrase after a name ("بين هادي وولد الشيخ أحمد [عدد] من المسؤولين");
# the training data tags every one of them O.
QUANTITIES = frozenset(key(word) for word in "عدد عددا بعض جميع كافة معظم أغلب".split())
# Past-tense verbs of the events a name is subject of ("إن الملك سلمان [اتصل] بولي العهد");
# the training data tags all 202 of them O.
EVENT_VERBS = frozenset(
    key(word)
    for word in "زار زارت اتصل اتصلت التقى التقت استقبل استقبلت اجتمع اجتمعت وصل وصلت غادر غادرت توجه "
    "توجهت عاد عادت بحث ناقش وقع وقعت أعلن أعلنت شارك شاركت ترأس أجرى أجرت".split()
)
YA_VERBS = frozenset(key(word) for word in "التقى أجرى".split())  # ى folds into ي once normalised
# A deputy's title after a name in construct ("منصور بن محمد بن سعد [وكيل] وزارة الداخلية"; with
# the article, "الوكيل" is also a family name).
DEPUTY_AFTER = frozenset({key("وكيل")})
AFTER_PERSON = TITLES | TIME_WORDS | THEN_WORDS | PRONOUNS | INSTITUTION_ADJECTIVES | QUANTITIES | EVENT_VERBS
AFTER_PERSON |= DEPUTY_AFTER
# Weekdays end a place's or a body's name ("الضاحية الباريسية [الأحد]"); "عبد الأحد" is a
# person, whose name they do not end.
WEEKDAYS = frozenset(
    key(word) for word in "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة".split()
)
AFTER_NAME = HONORIFICS | TIME_WORDS | PRONOUNS | WEEKDAYS | QUANTITIES | EVENT_VERBS
# "اليمن" is also good fortune in the Eid wish "يعيده ... باليمن والخير والبركات".
YEMEN = frozenset({key("اليمن")})
GOOD_WISHES = frozenset(
    key(word) for word in "والخير والبركات والبركة والمسرات والسعادة والرخاء والمسرة".split()
)
# A time of day before a day ("استقبل [صباح] الجمعة", "مساء أمس") is no name, though "صباح"
# is one (Sheikh Sabah); ANERcorp train and Wojood tag every such pair O.
TIMES_OF_DAY = frozenset(key(word) for word in "صباح مساء فجر ظهر عصر ليلة".split())
DAYS = WEEKDAYS | frozenset(key(word) for word in "اليوم أمس امس الغد غد يوم".split())
MARKETS = frozenset({key("سوق")})
# Words for God in formulae ("المولى عز وجل", "الله سبحانه وتعالى"): no person's name.
GOD = frozenset(key(word) for word in "المولى القدير سبحانه تعالى وتعالى وجل".split())
# "[سائلا المولى العلي] القدير": a span that holds one of these asks God, unless it is the
# second word of a compound given name ("عبد القدير").
GOD_IN_PRAYER = frozenset(key(word) for word in "المولى القدير".split())
# Prayers for the dead open with these verbs ("رحمه الله [وأسكنه الفردوس] الأعلى", "[وألهم]
# ذويه"): no name holds one, so a person's name ends before it. ("رحمه" is not here: as a
# key it is the given name "رحمة".)
PRAYER_VERBS = frozenset(
    key(word) for word in "أسكنه أسكنها أسكنهم ألهم ألهمهم تغمده تغمدها تغمدهم جزاه جزاها جزاهم".split()
)
# "ولله الحمد": "الله" after ل is no name's ("عبدالله", "جبر الله" hold it bare).
TO_GOD = frozenset(key(word) for word in "لله ولله فلله".split())
# "[بحمد الله]", "بإذن الله", "بفضل الله": with ب, these words before "الله" open a formula
# ("حمد الله" alone may be a family name).
BY_GOD = frozenset(key(word) for word in "بحمد وبحمد بإذن وبإذن بفضل وبفضل بعون وبعون بمشيئة وبمشيئة".split())
# Second words of compound given names ("صلاح الدين", "عبد الله", "سيف الإسلام", "زين العابدين").
COMPOUND_NAME_ENDS = frozenset(key(word) for word in "الدين الله الرحمن الإسلام الحق العابدين".split())
COMPOUND_NAME_STARTS = frozenset(key(word) for word in "عبد أبو ابو بو".split())
# Particles that join a name to the next, Arabic (`NAME_PARTICLES`, and "ولد" of Mauritanian
# names) and foreign ("دي", "فان"): a span does not end on one ("عبد العزيز [ولد] في الكويت").
PARTICLES = NAME_PARTICLES | frozenset(key(word) for word in "دي ديل دو دا فان فون ولد".split())
# First words of foreign place names that name nothing alone ("سان" of "سان جوزيه").
NAME_PREFIXES = frozenset(key(word) for word in "سان سانت سانتا نيو لوس لاس ريو بورت شبه".split())
EMIR = frozenset({key("أمير")})
# Titles and honorifics that open no person's name ("[المهندس] الفارس", "[الرئيس] بوتين");
# "ولي" ("ولي الله") and the family-name titles ("الأمير") are not among them.
LEADING_TITLES = HONORIFICS | frozenset(
    key(word)
    for word in (
        "الرئيس رئيس الوزير وزير السفير المستشار المتحدث اللواء العميد العقيد المقدم الرائد النقيب "
        "الملازم الركن ركن الفنان الفنانة اللاعب اللاعبة المدرب الكاتب الكاتبة الإعلامي الإعلامية "
        "الروائي الممثل الممثلة المطرب المطربة المخرج الزميل الزميلة الشهيد العريف الرقيب الجندي "
        # players' positions ("[المهاجم] زلاتان إبراهيموفيتش"), professors
        "المهاجم المدافع الحارس الظهير البروفيسور بروفيسور البروفسور بروفسور "
        # the late ("[الراحل] غازي القصيبي"), a party's leading member ("[القيادي] روش شاويس")
        "الراحل الراحلة الفقيد الفقيدة القيادي القيادية "
        # acting for another ("رئيس مجلس الأمة [بالإنابة] مبارك الخرينج")
        "الإنابة النيابة "
        # the same titles without the article ("[دكتور] شهاب", "[نقيب] عبدالإله الجابري"), and
        # a deputy ("[وكيل] الوزارة": "الوكيل" is also a family name)
        "دكتور مهندس نقيب لواء عقيد ملازم عريف رقيب وكيل "
        # a preacher ("[فخطيب] الجمعة"; "الخطيب" is also a family name), a supreme guide
        # ("[المرشد] الإيراني علي خامنئي"; no "مرشد" in ANERcorp train or Wojood)
        "خطيب المرشد مرشد "
        # a Taliban cleric ("[الملا] محمد عمر"; "طارق الملا" keeps his family name, which ends it)
        "الملا "
        # a captain ("[كابتن] حسن وزنة"), a founder ("[مؤسس] «فيسبوك» وزوجته")
        "كابتن الكابتن مؤسس المؤسس"
    ).split()
)
# Titles with a possessive pronoun ("[زعيمهم] عبد الملك الحوثي", "[نائبه] ...", "[مواطنه]
# ويليان").
LEADING_TITLES |= frozenset(
    key(title + pronoun)
    for title in "زعيم رئيس قائد وزير مستشار سفير نائب مدير متحدث مواطن زميل نظير".split()
    for pronoun in ("ه", "ها", "هم", "هما", "نا")
)
# and their feminines, whose ة is written ت before the pronoun ("[مواطنتنا] إيزابيل بريم")
LEADING_TITLES |= frozenset(
    key(title + "ت" + pronoun)
    for title in "زعيم رئيس قائد وزير مستشار سفير نائب مدير متحدث مواطن زميل نظير".split()
    for pronoun in ("ه", "ها", "هم", "هما", "نا")
)
# a doctor's trade before his name ("[طبيب] الدوسري"), as "دكتور" above
LEADING_TITLES |= frozenset(key(word) for word in "طبيب الطبيب طبيبة الطبيبة".split())
# A title may carry a proclitic ("[بالشهيد] ممدوح"); an honorific only as written, since
# "ومعالى زايد" is a name.
TITLES_AFTER_CLITICS = LEADING_TITLES - HONORIFICS
# Every word of office: a person's span of these alone names no one ("سمو ولي", "[العريف]",
# "[سموه]").
PERSON_TITLE_WORDS = TITLES | LEADING_TITLES | TITLES_OF_HIM
# Kin words (`marsad.names.KIN`) with a possessive pronoun ("[ابنتيه] دالما", "[زوجته] كلاوديا"); "ابن" joins
# them here, as "ابنه" (his son) is in no name.
FEMININE_POSSESSED = ("ته", "تها", "تهم", "تيه", "تاه", "تي")  # "زوجة" -> "زوجته", "ابنتيه", "زوجتي"
MASCULINE_POSSESSED = ("ه", "ها", "هم", "يه", "اه", "ي")  # "نجل" -> "نجله", "والداه", "شقيقي"
KIN_WITH_PRONOUN = set(
    key(word[:-1] + ending) if word.endswith("ه") else key(word + other)
    for word in (*KIN, key("ابن"))
    for ending, other in zip(FEMININE_POSSESSED, MASCULINE_POSSESSED, strict=True)
)
# Relatives and kin with broken plurals ("صالح ونجله [وأقربائه]").
KIN_WITH_PRONOUN |= {key(word) for word in "أقاربه أقاربها أقربائه أقربائها ذويه ذويها".split()}
ANY_KIN = KIN | KIN_WITH_PRONOUN
# Words for the unnamed people news writes about: "قال [مندوبان]", "غزاي الحربي [ابن السجين]".
UNNAMED_PERSON_NOUNS = frozenset(
    key(word)
    for word in (
        "مندوب مسؤول دبلوماسي مصدر شاهد مراقب محلل ناشط مبعوث متحدث مسلح جندي ضابط طالب سجين مغرد مشرع "
        "متوفى متوفاة فقيد فقيدة شهيد ضحية متهم قتيل مصاب معتقل أسير مفقود مريض"
    ).split()
)
# Of those, the ones that are no given name too ("طالب", "شاهد" are), standing alone.
UNNAMED_ROLES = frozenset(key(word) for word in "مغرد مشرع مسؤول دبلوماسي مندوب متحدث مصدر".split())
SON_OR_DAUGHTER = frozenset(key(word) for word in "ابن ابنة بنت نجل نجلة".split())
# Titles that stand before a name and nothing else ("الدكتور [السويد]").
TITLES_ALONE = frozenset(key(word) for word in "الدكتور الدكتورة المهندس المهندسة الأستاذ الأستاذة".split())
# Latin letters spelt out in Arabic ("سي", "إن"), compared normalised ("أن" is "إن").
SPELT_LETTERS = frozenset(key(letter) for letter in LETTER_NAMES)
# Function words, question words, forms of كان and words of prayer that open or end no
# name ("[لدى] كوتش", "[فإن] بوخضور", "المدينة [في]", "[كانتا]", "سعود الدوسري [اللهم]",
# "[وأين]", "[أول] نايف", "عرفات [أمام]", "الجيش الأفغاني [وحده]"),
# matched as written: normalised, "فإن" would be the particle "فان" (Van) and "على" the name
# Ali. Of the gold spans of ANERcorp train and Wojood train/val, 12 open or end with one, all
# titles of works, Latin letters spelt out or a family name after "أبو": those stay whole.
FUNCTION_WORDS = frozenset(
    "في وفي من ومن إلى الى عن وعن مع ومع لدى ولدى لديه أن إن فإن وإن وأن بأن لأن كما لكن ولكن بل "
    "أو ثم قد وقد فقد لقد هذا هذه ذلك تلك الذي التي الذين اللذين اللذان اللتين اللتان "  # not "اللواتي",
    "منذ حتى عند عندما حول خلال نحو ضد عبر "  # an Omani family name ("زهير اللواتي")
    "منه منها منهم عنه عنها له لها لهم به بها فيه فيها إليه عليه معه كان كانت كانتا كانوا اللهم آمين "
    "أين وأين كيف وكيف لماذا هل وهل متى أول أمام وأمام "
    "وحده وحدها وحدهم نفسه نفسها ذاته ذاتها أيضا أيضاً أنا نحن أنت أنتم بجوار بجانب قرب بالقرب "
    "ليس وليس ليست وليست بالفعل فعلا غير غيري غيره غيرها غيرهم".split()
)
# "his name is", "called": a name follows, none goes through ("لابني [عبدالله] ولد اسمه عبدالرحمن":
# a boy named, where "ولد" is no particle of the name).
NAMING = frozenset("اسمه اسمها واسمه واسمها يدعى تدعى يسمى تسمى المدعو المدعوة".split())
FUNCTION_WORDS |= NAMING
# "that": inside a span it starts the clause after a name ("البورصة [أن] الهيكلية").
THAT = frozenset(  # bare alef too: "وقالت [المنظمة] ان السلطات"; "وصف ... الملا عمر [بأنه]"
    "أن إن بأن لأن وأن وإن فإن ان وان بأنه بأنها بأنهم بانه بانها لأنه لأنها".split()
)
# "not" likewise ("الاتحاد [وليس الغريم]").
NOT = frozenset("ليس وليس ليست وليست".split())
GIRLS = frozenset(key(w) for w in "بنات البنات".split())
WEATHER_WORDS = frozenset(
    key(w) for w in "أمطار الأمطار أمطارا مطر ثلوج الثلوج برد البرد رياح الرياح عواصف أودية الأودية".split()
)
# Common nouns a place shares its letters with, and the words in the sentence that show the
# noun is meant (None: always): "البنين" is sons (Benin is "بنين", without the article), and
# so is "بنين" beside girls ("مدارس بنين وبنات"); "سيول" beside rain is torrents, not Seoul.
COMMON_NOUNS_AS_PLACES = (
    (frozenset({key("البنين")}), None),
    (frozenset({key("بنين")}), GIRLS),
    (frozenset({key("سيول")}), WEATHER_WORDS),
)
FOR_THE = "لل"  # "للعلوم": for the sciences
LIST_MARKS = frozenset("، , ؛ ;".split())
OR = frozenset("أو او".split())  # "[منظمة] أو تنظيما": two alternatives, no one name
INSIDE_NO_PERSON = FUNCTION_WORDS - {"أمام", "وأمام"}
NUMBERS = frozenset(
    key(word)
    for word in (
        "اثنان اثنين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشرة"
    ).split()
)
# "على" as written ends no name ("الفالح [على]"); it may open one, written for Ali
# ("على عبد الله صالح"), so only the end of a span loses it.
ON_WORDS = frozenset({"على", "وعلى"})
QUOTATION_MARKS = frozenset(QUOTE_MARKS)
# Negations end no name ("عائلة الملا عمر [لا] تؤيد"); they may open a foreign one ("لا ليغا",
# "لن هوى شيانغ" in ANERcorp train).
NEGATIONS = frozenset({"لا", "لم", "لن"})
ENDING_WORDS = FUNCTION_WORDS | ON_WORDS | NEGATIONS
# "ابن خالة فيصل": a cousin of Faisal, not a name ("ابن" alone opens names: "ابن خلدون").
TO_ME = key("لي")
GLORY_AFTER = frozenset(key(word) for word in "وجل اسمه شأنه من".split())  # "عز" of God's praise
COUSINS = frozenset(key(word) for word in "عم عمة خال خالة".split())
# A blessing after a name ("السيسي [حفظه الله]", "[رحمه الله]"): its verb, then "الله".
# Formulae after the Prophet's and the Companions' names ("محمد [صلى الله] عليه وسلم",
# "[صلوات الله]", "عمر [رضي الله] عنه") end the same way, and so do prayers for the dead
# ("عبدالعزيز [طيب الله] ثراه", "[تغمده الله] برحمته").
BLESSINGS = frozenset(
    key(word)
    for word in "حفظه حفظها حفظهم يحفظه رحمه رحمها يرحمه رحمهم صلى صل صلوات رضي طيب تغمده غفر".split()
)
GOODWILL = key("رضوان")
UPON_HIM = frozenset(key(word) for word in "عليه عليها عليهم عليهما".split())
# Two words that read as a given name and a family name but are a phrase: "حسن" (good)
# before a noun of conduct ("مبادئ حسن الجوار", "حسن النية", "حسن السيرة"), "عمر" (age)
# before "about" ("عن عمر ناهز 74 عاما"), "ضيوف الرحمن" (the pilgrims).
GOOD_CONDUCT = (
    "الجوار النية النوايا الظن الخلق السير السيرة السلوك التعامل المعاملة الأداء الاستقبال الضيافة "
    "التنظيم الإدارة التصرف الحظ الختام الخاتمة الاختيار التدبير الإصغاء"
)
# The same nouns without the article, bare or with a possessive ("بـ"حسن نية"", "حسن
# تدبيرهم", "حسن نيته").
CONDUCT_NOUNS = "تدبير خلق نية سيرة تعامل أداء ظن تصرف حظ استقبال ضيافة إدارة اختيار".split()
CONDUCT_POSSESSED = " ".join(
    (noun[:-1] + "ت" if noun.endswith("ة") else noun) + pronoun
    for noun in CONDUCT_NOUNS
    for pronoun in ("ه", "ها", "هم", "هما", "كم", "نا")
) + " " + " ".join(CONDUCT_NOUNS)
# "أمين" is a given name and an office: before a kind of place or "عام" it is the office.
SECRETARY = key("أمين")
GENERAL = frozenset({key("عام"), key("العام")})
CAPITAL_WORDS = frozenset({key("العاصمة"), key("عاصمة")})  # "أمين العاصمة المقدسة": Mecca's mayor
NOT_NAME_PHRASES = frozenset(
    (key(clitics + first), key(second))
    for first, seconds in (
        ("حسن", f"{GOOD_CONDUCT} {CONDUCT_POSSESSED}"),
        ("عمر", "ناهز يناهز يقارب يتجاوز"),
        ("ضيوف", "الرحمن"),  # the pilgrims, "God's guests"
    )
    for second in seconds.split()
    for clitics in ("", "و", "ب", "وب", "ل")
)
# Letters that open a present-tense verb after the future's س; object pronouns of two letters.
VERB_PREFIXES = frozenset("يتن")
OBJECT_PRONOUNS = ("ني", "نا", "هم", "ها")
# The ت of a noun in "-ة" with a possessive pronoun after it ("مسؤوليته", "حكومتها").
POSSESSIVE_AFTER_TA = ("تهما", "تهم", "تها", "ته")
# "على لسان فلان": in the words of someone, "لسان" no part of the name.
TONGUE, ON = key("لسان"), key("على")
# Tanween marks an indefinite noun or adverb ("زيفاً", "دولاراً"); names do not carry it
# (2 of 13,181 name tokens of ANERcorp train, none of Wojood's 3,487 PER/ORG/LOC/GPE tokens).
TANWEEN = ("\u064b", "\u064c", "\u064d")
# Month names of every calendar the press uses, word by word ("كانون", "الثاني", "شعبان").
MONTH_WORDS = frozenset(word for month in MONTHS for word in month.split()) | {
    key(word) for word in "محرم صفر ربيع الأول الآخر جمادى رجب شعبان رمضان شوال ذو القعدة الحجة".split()
}


# A person's span that ends in a company's legal form is the company ("عبدالله هاشم المحدودة").
# Foreign companies keep theirs in transliteration ("ميلون كوربورشن", "فارجو آند كومباني").
COMPANY_FORMS = frozenset(
    key(word)
    for word in "المحدودة القابضة كوربوريشن كوربورشن كوربوريشين كومباني كومبني إنكوربوريتد ليمتد".split()
)
# "and" spelt from English inside a name makes it a company's ("جونسون آند جونسون"); in
# ANERcorp train and Wojood it stands only inside organisations.
ENGLISH_AND = frozenset(key(word) for word in "آند أند".split())
# A shopping centre's name ends so ("سلمى مول", "سماح سنتر").
MALL_WORDS = frozenset(key(word) for word in "مول مولز سنتر بلازا".split())
# Two places of a kind in construct ("[ولايتي] تكساس وأوكلاهوما", "مدينتا"), from the
# feminine place nouns ("ولاية" -> "ولايتي", "ولايتا").
PLACE_NOUN_DUALS = frozenset(
    noun[:-1] + ending for noun in PLACE_NOUNS if noun.endswith("ه") for ending in ("تي", "تا")
)
# A country's name that is also an everyday adjective ("دعم [مالي]": financial): a place
# only after a preposition or a word that takes a country after it ("جنوب مالي", "رئيس مالي").
ADJECTIVE_PLACES = frozenset({key("مالي")})
COUNTRY_HEADS = frozenset(
    key(word)
    for word in (
        "جنوب شمال شرق غرب وسط دولة جمهورية رئيس حكومة جيش شعب عاصمة منتخب سفير وزير إمبراطورية "
        "استعمار إستعمار حدود أراضي سلطات"
    ).split()
)
# Heads of a kind of body or place ("منظمة", "شركة", "منطقة") before adjectives alone.
KIND_HEADS = BODY_HEADS | PLACE_NOUNS | {key("شركة")}
# Military and police ranks with the article.
RANKS = frozenset(
    key(word) for word in "اللواء العميد العقيد المقدم الرائد النقيب الملازم العريف الرقيب".split()
)
# The officers' ranks that end an organisation's span ("نادي الرائد" is a club).
ORG_RANKS = RANKS - {key(word) for word in "الرائد العريف الرقيب".split()}
# Titles of a person that open no organisation's or place's name ("[زعيم] طالبان", "[رئيس] مجلس
# الأمن"); "لواء رام الله" is a district and royal titles name institutions ("الملك فيصل").
PERSON_TITLES = frozenset(
    key(word)
    for word in "الرئيس رئيس رئيسة الزعيم زعيم وزير وزيرة السفير المتحدث المبعوث قائد القائد".split()
)
# Offices that open no place's or organisation's name, after a proclitic too ("إمام
# [وخطيب] جامع الغدير"); "إمام" alone may be a family name, so only before a name.
OFFICES_BEFORE_BODY = PERSON_TITLES | frozenset(key(word) for word in "إمام خطيب".split())
# Heads of institutions that alone are no place ("[مركز]").
INSTITUTION_WORDS = frozenset(key(word) for word in "مركز مستشفى مدرسة جامعة كلية فرع معهد".split())
# Words a writer adds after a group's name ("داعش الإرهابي").
DESCRIPTORS = frozenset(key(word) for word in "الإرهابي الإرهابية المتطرف المتطرفة".split())
AFTER_BODY = DESCRIPTORS | ORG_RANKS
# Kinds of state without the article: no place alone ("بسلطنة" with its name cut off).
STATE_NOUNS = frozenset(key(word) for word in "سلطنة جمهورية مملكة دولة إمارة".split())
# A word ANT writes at least 2**COMMON_BAND times is a common word ("سباق").
COMMON_BAND = 5
# ANT writes the past of a derived verb at least this often (2^3 times) for its present to read so.
KNOWN_PAST_BAND = 3
# The band both singulars of a plural of people reach in ANT ("مراقب", "مراقبة").
PLURAL_SINGULAR_BAND = 4
# ك + the article before a word ANT writes in this band, so many bands more often than with ك
# ("كالصاعقة"); rarer words than those a bare preposition is tested on.
LIKE_BAND, LIKE_BAND_GAP = 4, 2
# Number words a sum ends on ("ألفي ريال", "ستين دولارا", "خمسة عشر دينارا").
NUMBER_WORDS = frozenset(
    key(word)
    for word in "ألف ألفي آلاف مليون مليوني ملايين مليار ملياري مليارات مئة مائة مئتي مائتي عشر عشرين "
    "عشرون ثلاثين ثلاثون أربعين أربعون خمسين خمسون ستين ستون سبعين سبعون ثمانين ثمانون تسعين تسعون".split()
)
# Hundredths of currencies, after a number a sum and no name ("70.67 بنس", "40 سنتا").
CURRENCY_SUBUNITS = frozenset(
    key(word) for word in "سنت سنتا سنتات بنس بنسات هللة هللات فلس فلسا قرش قرشا قروش سنتيم سنتيما".split()
)
# Words of direction without the article are adjectives ("منطقة [جنوبية]"); with it, a
# region may be named so ("الشرقية"), so only the bare forms are here.
DIRECTION_ADJECTIVES = frozenset(
    key(word) for word in "جنوبي جنوبية شمالي شمالية شرقي شرقية غربي غربية".split()
)
# Heads of organisation names that open no person's name ("[لأمانة جازان] طارق الرفاعي"), and
# guards ("[حرس الشرف]", "حرس الحدود").
PERSON_SPAN_ORG_HEADS = BODY_HEADS | {key("حرس")}

# Heads that make a MISC span an organisation ("[الاتحاد الكويتي لكرة القدم]" tagged MISC):
# ANERcorp train and Wojood tag no MISC name so but two errors; a summit, a movement (also
# "الحركة البراونية") and a forum may name an event or an idea.
MISC_SPAN_ORG_HEADS = BODY_HEADS - frozenset(key(word) for word in "قمة حركة منتدى".split())

# Heads of the names of mosques, airports and grounds ("[بالمسجد الحرام] عبدالحفيظ الثبيتي").
PERSON_SPAN_PLACE_HEADS = frozenset(key(word) for word in "مسجد جامع مطار ملعب استاد".split())
# Heads of festival, tournament, cup and prize names ("[مهرجان بريدة]", "[جائزة] الملك فيصل").
PERSON_SPAN_EVENT_HEADS = frozenset(
    key(word) for word in "مهرجان بطولة جائزة كأس دوري مسابقة معرض أولمبياد".split()
)


def trim_spans(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """The tags with the words above taken off their spans."""
    trimmed = _family_names_read_as_places(tokens, _people_split_at_commas(tokens, tags))
    for start, end, kind in spans(list(trimmed)):
        if kind == "MISC" and reads_as(tokens[start], MISC_SPAN_ORG_HEADS):
            trimmed[start:end] = span_tags("ORG", end - start)  # "[الاتحاد الكويتي لكرة القدم]"
            kind = "ORG"
        ailing = kind in ("LOC", "ORG") or (kind == "PER" and not _names_a_dynasty(tokens, start))
        if ailing and _names_a_disease(tokens, start):
            trimmed[start:end] = span_tags("MISC", end - start)  # "بفيروس [كورونا]": the virus
            kind = "MISC"
        while kind in ("PER", "ORG") and start < end and after_proclitics(tokens[start], EVENT_VERBS):
            trimmed[start] = "O"  # "«[اتصلت بي] السيدة بيشوب»": a verb opens no name
            start += 1
            if start < end:
                trimmed[start] = f"B-{kind}"
        if start == end:
            continue
        start, end = _without_function_words(tokens, trimmed, start, end, kind)
        start = _without_plural_nouns(tokens, trimmed, start, end, kind)
        office = after_proclitics(tokens[start], OFFICES_BEFORE_BODY)
        if kind in ("ORG", "LOC") and end - start > 1 and office:
            trimmed[start] = "O"  # "[زعيم] طالبان", "[وخطيب] جامع الغدير"
            start += 1
            trimmed[start] = f"B-{kind}"
        if start == end:
            continue
        if kind == "PER" and _retag_non_person(tokens, trimmed, start, end):
            continue
        if kind == "PER" and _emir_of_place(tokens, start, end):
            trimmed[start : start + 2] = ["O", "B-LOC"]  # "[أمير عسير]": the region's governor
            continue
        if kind == "PER" and _nationality_before_person(tokens, tags, start, end):
            trimmed[start] = "O"  # "أوضح [الكاميروني] أمينو بوبا": his people, before his name
            continue
        if kind == "PER":
            titled = start
            start = _person_start(tokens, trimmed, start, end)
            if start > titled and end - start == 1 and is_nationality(tokens[start]):
                trimmed[start] = "O"  # "[المهاجم السويدي]": a title and his people, no name
                continue
            if start > titled and _retag_non_person(tokens, trimmed, start, end):
                continue  # "[وكيل] وزارة": past the title, a body's head noun
        last = _name_end(tokens, tags, start, end, kind)
        if kind == "PER":  # "مدينة الملك [عبدالعزيز] للعلوم": no name goes on with "for the"
            last = _for_the(tokens, start, last)
        trimmed[last:end] = ["O"] * (end - last)
        if kind == "PER":
            _split_glued_people(tokens, trimmed, start, last)
        if _names_nothing(tokens, start, last, end, kind):
            trimmed[start:last] = ["O"] * (last - start)
    return _without_tanween(tokens, trimmed)


def reads_as_name_in_ya(token: str) -> bool:
    """ "سمير [التقي]": a verb written with ى ("التقى") is a family name when written with ي."""
    return token.endswith("ي") and key(token) in YA_VERBS


def _nationality_before_person(tokens: Sequence[str], tags: Sequence[str], start: int, end: int) -> bool:
    """A person span of one nationality adjective with the article, right before another
    person's span: the adjective of the name after it ("الكاميروني [أمينو بوبا]"); a surname
    such as "المصري" comes after a given name, not before one."""
    definite = key(tokens[start]).startswith("ال")
    next_person = end < len(tags) and tags[end] == "B-PER"
    return end - start == 1 and definite and next_person and is_nationality(tokens[start])


def _emir_of_place(tokens: Sequence[str], start: int, end: int) -> bool:
    """ "أمير عسير", "أمير قطر": "emir" and a place the gazetteer lists, which no given name
    spells, is an office; "أمير خان", "أمير عبد اللهيان" are names."""
    if end - start != 2 or not after_proclitics(tokens[start], EMIR):
        return False
    place = tokens[start + 1]
    listed = shipped_gazetteer().names(place, "LOC") or shipped_gazetteer().names(place, "LOC_WEAK")
    return listed and key(place) not in shipped_given_names()


def _family_names_read_as_places(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """ "[عبدالله بن محمد] [السويد]", "الدكتور [السويد]": a place's name with the article right
    after a father's name, or after a doctor's or engineer's title alone, is the family name
    (no one is "Abdullah son of Mohammed Sweden")."""
    for start, end, kind in spans(list(tags)):
        if kind != "LOC" or end - start != 1 or not key(tokens[start]).startswith("ال") or start < 2:
            continue
        lineage = tags[start - 1] == "I-PER" and key(tokens[start - 2]) in SON_OF
        if lineage:
            tags[start] = "I-PER"
        elif tags[start - 1] == "O" and key(tokens[start - 1]) in TITLES_ALONE:
            tags[start] = "B-PER"
    return tags


def _people_split_at_commas(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """ "شقيقة كل من: سعيد، أحمد، [محمد، عبدالعزيز]": a comma inside a person's span
    separates two people (no name holds one)."""
    split = list(tags)
    for i in range(1, len(tokens) - 1):
        if tokens[i] in LIST_MARKS and split[i] == "I-PER":
            split[i] = "O"
            if split[i + 1] == "I-PER":
                split[i + 1] = "B-PER"
    return split


def without_non_names(
    tokens: Sequence[str], tags: Sequence[str], trimmed: Collection[tuple[int, int, str]] = ()
) -> list[str]:
    """The tags less the spans that name nothing (`_names_nothing`), for spans added after
    the trim (those in `trimmed` were checked then): the known-people list holds "حسن
    الجوار", which the taggers read as a name in ANT."""
    kept = list(tags)
    for start, end, kind in spans(tags):
        if (start, end, kind) not in trimmed and _names_nothing(tokens, start, end, end, kind):
            kept[start:end] = ["O"] * (end - start)
    return kept


def _without_function_words(
    tokens: Sequence[str], tags: list[str], start: int, end: int, kind: str
) -> tuple[int, int]:
    """The span less the function words at its ends, untagged in place. Titles of works
    (MISC in quotation marks: "« [من البداية للنهاية] »") may open with any word, and Latin
    letters spelt out ("سي إن إن", "في تي جي") hold words that read as particles, so those
    spans stay whole; an unquoted MISC span loses the words that open it ("الفرصة [مع] كأس
    العالم 2002")."""
    if sum(key(token) in SPELT_LETTERS for token in tokens[start:end]) >= 2:
        return start, end
    if kind == "MISC":
        closed = QUOTATION_MARKS.intersection(tokens[end : end + 3])
        if start > 0 and tokens[start - 1] in QUOTATION_MARKS and closed:
            return start, end
        first = start
        while first < end - 1 and tokens[first] in FUNCTION_WORDS:
            first += 1
        tags[start:first] = ["O"] * (first - start)
        tags[first] = "B-MISC"
        return first, end
    first, last = start, end
    while first < last and tokens[first] in FUNCTION_WORDS:
        first += 1
    # "[على] أوتزي": "on" before a name; "على عبد الله صالح" is Ali written so
    on = first < last - 1 and tokens[first] in ON_WORDS
    if on and (kind != "PER" or not _opens_name(tokens[first + 1])):
        first += 1
    # "البورصة [أن الهيكلية]": "that" inside a span ends the name before it, and so does a
    # number ("مجلس الشورى [خمس مجالس]"; "مجموعة السبع" has the article); inside a person's
    # name any function word does ("بقوة [حتى يحظى]"; organisations hold "في": "نقابة
    # العاملين في جامعة بيرزيت", and "أمام" is also the family name Imam)
    ends = THAT | NOT | OR | (INSIDE_NO_PERSON if kind == "PER" else frozenset())
    last = next(
        (i for i in range(first + 1, last)
         if (tokens[i] in ends and key(tokens[i - 1]) not in PARTICLES) or key(tokens[i]) in NUMBERS
         or tokens[i] in NAMING),
        last,
    )  # fmt: skip
    if last < end and tokens[last] in NAMING and last - 1 > first and key(tokens[last - 1]) in PARTICLES:
        last -= 1  # "[عبدالله] ولد اسمه": a boy, no "ولد" of a Mauritanian name
    while last > first and tokens[last - 1] in ENDING_WORDS and key(tokens[last - 2]) not in PARTICLES:
        last -= 1  # "أبو [بها]" is a family name
    tags[start:first] = ["O"] * (first - start)
    tags[last:end] = ["O"] * (end - last)
    if first < last:
        tags[first] = f"B-{kind}"
    return first, last


def _opens_name(word: str) -> bool:
    """A given name or a word of a known full name ("عبد", "محمد")."""
    return key(word) in person_name_words()


def _without_plural_nouns(tokens: Sequence[str], tags: list[str], start: int, end: int, kind: str) -> int:
    """Where the span begins once plural nouns leave it ("[مسؤولو] الشركة", "[عارضو]",
    "[مطربون]"): nouns of people, not names. Titles of works (MISC) keep theirs."""
    first = start
    while kind != "MISC" and first < end and reads_as_plural_noun(tokens[first]):
        first += 1
    tags[start:first] = ["O"] * (first - start)
    if start < first < end:
        tags[first] = f"B-{kind}"
    return first


def _person_start(tokens: Sequence[str], tags: list[str], start: int, end: int) -> int:
    """Where a person's name begins in its span, after a verb of saying or a kin word (also
    after a proclitic: "[وابنه] أحمد علي عبدالله صالح"), a cousin ("ابن خالة"), titles and
    "in" + a place ("[بجدة] عمر الجاسر"); the words before it are untagged in place."""
    first = start
    if end - first > 1 and (is_speech_verb(tokens[first]) or reads_as(tokens[first], ANY_KIN)):
        first += 1
    if end - first > 2 and key(tokens[first]) == key("ابن") and key(tokens[first + 1]) in COUSINS:
        first += 2
    if end - first > 1 and key(tokens[first]) == TONGUE and first > 0 and key(tokens[first - 1]) == ON:
        first += 1  # "على [لسان] غلام علي رشيد": in the words of
    if end - first > 1 and _by_common_noun(tokens[first]):
        first += 1  # "[بموت] خاشقجي": by the death of
    if end - first > 1 and key(tokens[first]).startswith("ال") and is_nationality(tokens[first]):
        first += 1  # "[الأوروغوياني] رودريجيز" (no person's span opens so in ANERcorp train or Wojood)
    if end - first > 1 and key(tokens[first]) in THEN_WORDS:
        first += 1  # "الرئيس الإيراني [آنذاك] هاشمي رفسنجاني" (all 16 O in ANERcorp train and Wojood)
    while end - first > 1 and (leads_no_name(tokens[first]) or is_at_place(tokens[first])
                               or _arabic_letter(tokens[first])
                               or opens_as_title(tokens[first])):  # fmt: skip
        first += 1  # "[الرئيس] بوتين", "[بجدة] عمر الجاسر", "[د] محمد" (د. for doctor), "[الشيخ] محمد"
    if first > start:
        tags[start:first] = ["O"] * (first - start)
        tags[first] = "B-PER"
    return first


def _name_end(tokens: Sequence[str], tags: Sequence[str], start: int, end: int, kind: str) -> int:
    """Where a name ends in its span: before a blessing, trailing titles, time words, pronouns,
    ب + a place, a particle, a word that is ل + the article, or a title before a person."""
    last = end
    if last - start >= 2 and key(tokens[last - 1]) == key("الله"):
        formula = key(tokens[last - 2])
        upon_him = last < len(tokens) and key(tokens[last]) in UPON_HIM
        if formula in BLESSINGS or (formula == GOODWILL and upon_him):
            last -= 2  # "[صلى الله]" alone is no name; "شخصيته [رضوان الله] عليه" (Radwan is a name too)
    trailing = AFTER_PERSON if kind == "PER" else AFTER_NAME
    while last > start + 1 and (
        (
            key(tokens[last - 1]) in trailing
            and not _market_day(tokens, last - 1)
            and not reads_as_name_in_ya(tokens[last - 1])
            and not _family_name_after_given(tokens, start, last - 1)
        )
        or (tokens[last - 1].startswith("و") and key(tokens[last - 1][1:]) in trailing)  # "وسمو"
        or tokens[last - 1].endswith("ـ")
        or (kind == "PER" and is_at_place(tokens[last - 1]))
        or (kind == "LOC" and _in_kind_of_place(tokens[last - 1]))  # "القلمون [بريف]" دمشق
        or (kind == "PER" and reads_as_kin(tokens[last - 1]))  # "نور [وشقيقها]", "أوزيل [لابنه]"
        or key(tokens[last - 1]) in PARTICLES  # "[الاتحاد] ابن": a particle needs a name after it
        or (kind == "ORG" and tokens[last - 1].startswith("و") and reads_as(tokens[last - 1][1:], ORG_HEADS))
    ):  # "[المنظمة الدولية للهجرة] ومنظمة": the next organisation's head
        last -= 1
    if kind != "MISC":  # "تنظيم الدولة الإسلامية [مسؤوليته]"
        last = _first_of(start + 1, last, lambda i: reads_as_possessed_noun(tokens[i]))
    if kind in ("PER", "ORG"):  # "نتنياهو [سيجيب]", "صالح [يحشدون]"
        last = _first_of(start + 1, last, lambda i: reads_as_verb(tokens[i]))
    if kind != "MISC":  # a headline's verb after its subject: "مدني المدينة [ينتشل]", "أمير عسير [يفتتح]"
        last = _first_of(start + 1, last, lambda i: reads_as_derived_verb(tokens[i]))
    if kind in ("PER", "ORG"):
        # "منصور [زعيما]", "الاتحاد السعودي [خطابا]": an indefinite accusative ends the name
        # (not a place's: "قرية دورا القرع")
        last = _first_of(start + 1, last, lambda i: reads_as_accusative(tokens[i]))
    if kind == "PER":
        # "صالح الأحمد [إشادة سموه الكريم]": "his Highness" refers back to someone
        last = _first_of(start + 1, last, lambda i: after_proclitics(tokens[i], TITLES_OF_HIM))
        # "[عبدالعزيز] للعلوم": no name word is ل + the article
        last = _first_of(start + 1, last, lambda i: key(tokens[i]).startswith("لل"))
        # "الملا عمر [كالصاعقة]": ك + the article + a common word ("كالفن" opens a name)
        last = _first_of(start + 1, last, lambda i: _like_common_word(tokens[i]))
        # "عبد الرحمن [شقيق الشهيد]": a kin word ends the name (none stands inside a person's
        # span in ANERcorp train or Wojood)
        last = _first_of(start + 1, last, lambda i: after_proclitics(tokens[i], KIN))
        # "طارق بن عمار [فأنشأ] استوديو": ف + a verb or noun opening with a hamza
        last = _first_of(start + 1, last, lambda i: _then_common_word(tokens[i]))
        last = _first_of(start, last, lambda i: reads_as_prayer(tokens[i]))
        last = _first_of(start + 1, last, lambda i: _to_organisation(tokens, i, last))
        while last > start + 1 and (_to_common_noun(tokens[last - 1]) or _voweled_verb(tokens[last - 1])
                                    or _arabic_letter(tokens[last - 1])
                                    or reads_as_headline_verb(tokens[last - 1])):  # fmt: skip
            last -= 1  # "فهد [لسباق]", "محمد عبده [يُحيي]", "محمد الطريقي [د]. جار الله"
    else:  # "جامعة أكسفورد [الدكتور ريشرد]"; "مستشفى الدكتور سليمان الحبيب" is named after him
        last = _first_of(start + 2, last, lambda i: key(tokens[i]) in HONORIFICS)
    if kind == "ORG":  # "داعش [الإرهابي]", "مجلس الشورى [اللواء]": no part of the body's name
        while last > start + 1 and key(tokens[last - 1]) in AFTER_BODY:
            last -= 1
    if kind == "LOC":
        while last > start + 1 and _dual_adjective(tokens[last - 1]):
            last -= 1  # "الفوعة وكفريا [الشيعيتين]": an adjective of two places
        while last > start + 1 and key(tokens[last - 1]) in RANKS:
            last -= 1  # "بتبوك [الرائد] فهد": a rank before the next person
    before_person = kind != "PER" and last == end and last - start > 1
    if before_person and _title_before_person(tokens, tags, start, end):
        last -= 1
    return last


def _then_common_word(token: str) -> bool:
    """ "فأنشأ", "فإن": "and then" (ف) before a common word opening with a hamza, no name
    word ("فإسماعيل" is ف + a name); ف before other letters starts names ("فيسير", "فيصل")."""
    rest = key(token[1:])
    return (
        token.startswith(("فأ", "فإ"))
        and len(rest) >= 3
        and not _name_word(rest)
        and shipped_lexicon().band(rest) >= COMMON_BAND
    )


def _arabic_letter(token: str) -> bool:
    """One Arabic letter alone: an abbreviation ("د." doctor, "م." engineer) or an initial,
    which ends or opens no person's name in ANERcorp train or Wojood (initials sit inside:
    "كاثلين ج . ماكينيس")."""
    return len(token) == 1 and "\u0621" <= token <= "\u064a"


def _first_of(first: int, last: int, test: Callable[[int], bool]) -> int:
    """The first index in [first, last) that passes `test`, else `last`: where a name ends."""
    return next((i for i in range(first, last) if test(i)), last)


def _names_nothing(tokens: Sequence[str], start: int, last: int, end: int, kind: str) -> bool:
    """Whether what is left of a span, [start, last), names nothing: a formula ("المولى عز
    وجل", "ولله الحمد"), titles alone, a phrase ("حسن الجوار"), no letter at all, month
    names before a time word, or one word that is a people's adjective, a kind of place, a
    paired adjective or a foreign name's first word."""
    rest = [key(token) for token in tokens[start:last]]
    if last < len(tokens) and key(tokens[last]) in GLORY_AFTER and rest[-1:] == [key("عز")]:
        return True  # "المولى [عز] وجل", "الله [عز] وجل", "بقوله [عزّ] اسمه", "فقال [عز] من قائل"
    if rest[-2:] == [key("عز"), key("وجل")]:
        rest = rest[:-2]  # "الله [عز وجل]"
    if not rest or all(word in GOD for word in rest) or (kind == "PER" and any(w in TO_GOD for w in rest)):
        return True
    if len(rest) == 2 and rest[0] in BY_GOD and rest[1] == key("الله"):
        return True  # "وصلت البعثة [بحمد الله] إلى تونس"
    if last - start == 1 and (_arabic_letter(tokens[start]) or key(tokens[start]) in SPELT_LETTERS):
        return True  # "و(ب)": hepatitis B, "[سي]", "اتصلت [بي]": a letter alone names nothing
    if any(_glued_or(word) for word in rest) and all(word.startswith("او") for word in rest):
        return True  # "التخريب [أوالإتلاف]", "[أوتعديل أوتحريف]": "or" glued to common words by the scrape
    if rest[0] in WEEKDAYS:
        return True  # "أمس [الأحد 10]-10-1436هـ": no span opens with a weekday in ANERcorp or Wojood
    if kind == "ORG" and len(rest) > 1 and rest[0][:2] == "ال" and rest[0][2:] in GENERIC_HEADS and (
        rest[1].startswith("ل")
    ):
        return True  # "[الوزارة لشؤون الأراضي]": the ministry's office for, no name
    if kind == "LOC" and last - start == 1 and _common_noun_in_context(tokens, start):
        return True  # "من [البنين] والبنات", "وهطلت أمطار وجرت [سيول]"
    if kind == "LOC" and rest == [key("السعودية")] and start > 0 and _describes(tokens[start - 1]):
        return True  # "الشركة [السعودية] للكهرباء": the adjective; ANERcorp tags 129 of 142 O
    # the word after a span of one word
    after_one = key(tokens[last]) if last - start == 1 and last < len(tokens) else ""
    if after_one in GOOD_WISHES and after_proclitics(tokens[start], YEMEN):
        return True  # "أن يعيده على الجميع [باليمن] والخير والبركات": good fortune, not Yemen
    day_next = key(tokens[start + 1]) if start + 1 < len(tokens) else ""
    if after_proclitics(tokens[start], TIMES_OF_DAY) and day_next in DAYS:
        return True  # "استقبل [صباح] الجمعة", "[مساء أمس]": a time, not Sheikh Sabah
    if after_one.startswith("من") and after_proclitics(tokens[start], NILE):  # "بالنيل من"
        return True  # "[النيل] من": undermining, not the Nile (83 of SaudiNewsNet's "النيل من/منه")
    dated = any(key(token) in TIME_WORDS for token in tokens[last:end])
    if kind == "PER" and all(_title_word(rest, at) for at in range(len(rest))):
        return True  # "سمو ولي", "[وولي] العهد", "[ولولي عهده]", "[ولي عهد] أبوظبي", "[العريف]"
    if kind == "PER" and opens_as_title(tokens[last - 1]) and all(
        after_proclitics(word, PERSON_TITLE_WORDS) for word in rest[:-1]
    ):
        return True  # "[وسمو الشيخ] [راشد بن محمد]": titles alone, the name a span of its own
    if kind == "PER" and rest == [SECRETARY] and (
        reads_as(after_one, PLACE_NOUNS) or after_one in GENERAL or after_one in CAPITAL_WORDS
    ):
        return True  # "وأوضح [أمين] محافظة الطائف", "[أمين] العاصمة المقدسة": the mayor, not the name Amin
    if kind == "PER" and tuple(rest) in NOT_NAME_PHRASES:
        return True
    if kind == "PER" and _for_the(tokens, start, last) < last:
        return True  # the known-people list's "عبدالعزيز للعلوم" (from "مدينة الملك عبدالعزيز للعلوم")
    if kind in ("PER", "ORG") and last - start == 1 and reads_as_verb(tokens[start]):
        return True  # "[ويكرسون]"
    if kind == "PER" and (last - start >= 2 or key(tokens[start]).endswith(("تان", "تا"))) and all(
        reads_as_dual(token) for token in tokens[start:last]
    ):
        return True  # "[مندوبان خليجيان]", "[دراستان]", "[محطتا]": two of a kind, no name
    several = len(rest) == 1 and rest[0].endswith(("ان", "ون", "ين")) and rest[0][:-2] in UNNAMED_PERSON_NOUNS
    if kind == "PER" and several:
        return True  # "قال [مندوبان] في منظمة أوبك": two delegates; "[مغردون]", "[مشرعون]"
    if kind == "PER" and len(rest) == 1 and rest[0] in UNNAMED_ROLES:
        return True  # "وكتب [مغرد] آخر"
    if kind == "PER" and len(rest) == 2 and rest[0] in SON_OR_DAUGHTER and rest[1].startswith("ال"):
        if rest[1].removeprefix("ال") in UNNAMED_PERSON_NOUNS:
            return True  # "غزاي الحربي [ابن السجين]": the prisoner's son
    if kind != "MISC" and last - start == 1 and reads_as_accusative(tokens[start]):
        return True  # "دعما [إيرانيا]", "[تكريما] لأسطورة الكرة"
    phrase_after = last < len(tokens) and (rest[0], key(tokens[last])) in NOT_NAME_PHRASES
    if kind == "PER" and len(rest) == 1 and phrase_after:
        return True  # "[لحسن] الحظ" (fortunately), the phrase's second word left out of the span
    if kind == "PER" and len(rest) == 1 and rest[0] in ANY_KIN:
        return True  # "[شقيق]" alone
    lone = tokens[start] if last - start == 1 else ""
    if kind == "PER" and lone and (_by_common_noun(lone) or _to_common_noun(lone)):
        return True  # "وأشاد الفنان [باتصال] وزراء الإعلام", "أن [لوعود] وزارة الإسكان دورا"
    told = start > 0 and is_speech_verb(tokens[start - 1])
    if kind == "PER" and rest == [TO_ME] and told:
        return True  # "فقال [لي]:": to me, not the surname Li
    if kind == "PER" and len(rest) == 2 and rest[0] == key("ابن") and rest[1] in COUSINS:
        return True  # "[ابن خالة]" alone
    if len(rest) == 1 and rest[0] in MALL_WORDS:
        return True  # "[مول]" alone: a mall, no name
    if last - start == 1 and kind != "MISC" and reads_as(tokens[start], PERSON_SPAN_PLACE_HEADS):
        return True  # "خطيب [الجامع]", "[المطار]": a mosque's or an airport's head alone
    if kind == "PER" and any(
        word in GOD_IN_PRAYER and (i == 0 or rest[i - 1] != key("عبد")) for i, word in enumerate(rest)
    ):
        return True  # "[سائلا المولى العلي القدير]"
    if kind != "MISC" and not any(letter.isalpha() for token in tokens[start:last] for letter in token):
        return True  # "[6]"; a model number is MISC ("ساب 9-5")
    if kind != "MISC" and last - start == 1 and len(tokens[start]) == 1:
        return True  # "[م]" (م. for engineer): a letter alone
    if dated and all(word in MONTH_WORDS for word in rest):
        return True
    glossed = start > 1 and tokens[start - 1] in ("(", "/") and key(tokens[start - 2]) in MONTH_WORDS
    dated_before = start > 0 and (tokens[start - 1].isdigit() or glossed)
    if last - start == 1 and rest[0] in MONTH_WORDS and dated_before:
        return True  # "15 [نيسان]", "أبريل ([نيسان])" is April, not Nissan
    if last - start == 1 and kind != "MISC" and reads_as_plural_adjective(tokens[start]):
        return True  # "[غنائيين]", "[سعوديين]": a plural adjective, no name
    if last - start == 1 and kind == "PER" and reads_as_sound_plural(tokens[start]):
        return True  # "اتجاهين [معاكسين]"
    if last - start == 1 and kind == "PER" and reads_as_plural_of_people(tokens[start]):
        return True  # "وقال [مراقبون]", "[منسوبو] الجامعة"
    if last - start == 1 and kind == "LOC" and rest[0] in ADJECTIVE_PLACES and _after_noun(tokens, start):
        return True  # "دعم [مالي]"
    if last - start == 1 and kind == "LOC" and _kind_of_state_or_institution(tokens[start]):
        return True  # "[سلطنة]", "[مركز]" alone; "السلطنة" may name Oman
    if kind in ("ORG", "LOC") and _indefinite_kind(tokens[start:last]):
        return True  # "[منظمة إرهابية]", "[منظمة دولية]": a kind of body, no name
    if last - start == 1 and kind == "ORG" and _counts_money(tokens, start):
        return True  # "مليون [ريال]", "ربحية السهم [بالريال]" (not Real Madrid)
    after_digits = start > 0 and tokens[start - 1][:1].isdigit()
    if last - start == 1 and rest[0] in CURRENCY_SUBUNITS and after_digits:
        return True  # "70.67 [بنس]" (pence, not Pence)
    return (
        last - start == 1
        and kind != "PER"
        and (
            is_nationality(tokens[start])
            or is_place_noun(tokens[start], kind)
            or is_paired_adjective(tokens, start)
            or key(tokens[start]) in NAME_PREFIXES
            or key(tokens[start]) in DIRECTION_ADJECTIVES
        )
    )


def _without_tanween(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """Spans that hold a word with tanween go: an indefinite noun or adverb opens or ends
    them ("[مالكاً للعقارات]", "[حربًا على الإرهاب]"), and what is left is no name either."""
    for start, end, _kind in spans(tags):
        if any(has_tanween(token) for token in tokens[start:end]):
            tags[start:end] = ["O"] * (end - start)
    return tags


def has_tanween(token: str) -> bool:
    return any(mark in token for mark in TANWEEN)


def _title_before_person(tokens: Sequence[str], tags: Sequence[str], start: int, end: int) -> bool:
    """ "جامعة الباحة [الشيخ] سعيد العنقري": a title that could be a family name ends a
    place or organisation span right before a person ("آل الشيخ" stays a name, and so does
    "جامعة الأمير", which names the university after the person)."""
    title = key(tokens[end - 1])
    before = key(tokens[end - 2])
    heads = PERSON_SPAN_ORG_HEADS
    named = any(key(token).removeprefix("ال") not in heads for token in tokens[start : end - 1])
    return (
        title in FAMILY_NAMES and before != key("آل") and named and end < len(tags) and tags[end] == "B-PER"
    )


def _retag_non_person(tokens: Sequence[str], tags: list[str], start: int, end: int) -> bool:
    """Retags in place a person's span that names an organisation, a place or an event, and
    says whether it did: one that ends in a company's legal form or opens with an
    organisation's head noun ("مجموعة بن زومة") becomes ORG, one that opens with a mosque's
    or an airport's becomes LOC; when a given name follows the head ("لأمانة جازان طارق
    الرفاعي"), not after a royal title ("جامعة الملك سعود"), the words before it are the
    organisation or place and the person starts there. One that opens with a festival's,
    cup's or prize's head noun ("مهرجان بريدة") is MISC whole, as such names often hold a
    person's ("جائزة الملك فيصل"). A head noun alone and without the article takes the
    untagged definite words after it ("وكيل [وزارة] الداخلية" -> "وزارة الداخلية")."""
    inner = tokens[start + 1 : end - 1]
    if key(tokens[end - 1]) in COMPANY_FORMS or any(key(token) in ENGLISH_AND for token in inner):
        tags[start:end] = span_tags("ORG", end - start)  # "[جونسون آند جونسون]"
        return True
    if end - start > 1 and key(tokens[end - 1]) in MALL_WORDS:
        tags[start:end] = span_tags("LOC", end - start)  # "[سلمى مول]": a building (Wojood's FAC)
        return True
    if reads_as(tokens[start], PERSON_SPAN_EVENT_HEADS):
        tags[start:end] = span_tags("MISC", end - start)
        return True
    if reads_as(tokens[start], PERSON_SPAN_ORG_HEADS):
        kind = "ORG"
    elif end - start > 1 and reads_as(tokens[start], PERSON_SPAN_PLACE_HEADS):
        kind = "LOC"
    else:
        return False
    given = shipped_given_names()
    # "جامعة الملك سعود": a given name after a royal title is the one the place is named after
    person = next(
        (i for i in range(start + 1, end)
         if opens_name(tokens[i], given) and key(tokens[i - 1]) not in ROYAL_TITLES),  # fmt: skip
        end,
    )
    tags[start:person] = span_tags(kind, person - start)
    if person < end:
        tags[person:end] = span_tags("PER", end - person)
    elif end - start == 1 and not key(tokens[start]).startswith("ال"):
        follow = end  # "وكيل [وزارة] الداخلية": a head noun in construct takes its untagged complement
        while (
            follow < min(len(tokens), end + 3)
            and tags[follow] == "O"
            and key(tokens[follow]).startswith("ال")
            and not after_proclitics(tokens[follow], PERSON_TITLE_WORDS)  # "... الداخلية [الدكتور] أحمد"
        ):
            tags[follow] = f"I-{kind}"
            follow += 1
    return True


def _indefinite_kind(words: Sequence[str]) -> bool:
    """A head noun without the article and adjectives of it alone ("منظمة إرهابية", "شركة
    أمريكية"): each adjective a nisba ("-ي", "-ية") of a word ANT writes often, so a place
    name in "-ية" is none ("بلدية قلقيلية"); or such a head right before "for the ..."
    ("شركة للغواصات السياحية"), which no name in ANERcorp train or Wojood opens with."""
    if len(words) < 2 or key(words[0]).startswith(("ال", "وال", "بال", "لل")):
        return False
    if words[1].startswith("لل"):  # "[شركة للغواصات السياحية]": a company for ..., no name
        return reads_as(words[0], KIND_HEADS)
    if not all(_nisba_adjective(word) for word in words[1:]):
        return False
    return reads_as(words[0], KIND_HEADS)


def _kind_of_state_or_institution(word: str) -> bool:
    return after_proclitics(word, STATE_NOUNS) or reads_as(word, INSTITUTION_WORDS)


def _nisba_adjective(word: str) -> bool:
    """An indefinite adjective in "-ي"/"-ية" of a word ANT writes often ("إرهابية", "حدودية")."""
    norm = normalize_word(word)
    stem = norm[:-2] if norm.endswith("يه") else norm[:-1] if norm.endswith("ي") else ""
    return not norm.startswith("ال") and len(stem) >= 3 and shipped_lexicon().band(stem) >= COMMON_BAND


def _counts_money(tokens: Sequence[str], i: int) -> bool:
    """A currency's name after a number ("ألفي ريال", "55.1 مليون ريال") or after "in" ("بالريال"):
    money, not the club a bare "الريال" may name."""
    if not shipped_gazetteer().names(tokens[i], CURRENCY):
        return False
    return _after_number(tokens, i) or key(tokens[i]).startswith("بال")


def _after_number(tokens: Sequence[str], i: int) -> bool:
    before = tokens[i - 1] if i > 0 else ""  # "الألفي ريال", "بملياري ريال"
    number = key(before).removeprefix("ال") in NUMBER_WORDS or after_proclitics(before, NUMBER_WORDS)
    return number or before[:1].isdigit()


ALI = "علي"  # as written: normalised it is the preposition "على", which is why the taggers leave it out
TITLE_REACH_WORDS = 3


def with_ali_after_title(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """ "رئيس البرلمان [علي] لاريجاني", "الرئيس اليمني السابق [علي] عبدالله صالح": "علي" as
    written right before a person's span opens the name when a title or a nationality
    adjective stands in the three words before it (the preposition "على" spelt with ي stays
    out: "حصل علي جائزة")."""
    joined = list(tags)
    for i in range(1, len(tokens) - 1):
        if tokens[i] != ALI or joined[i] != "O" or joined[i + 1] != "B-PER":
            continue
        lead = tokens[max(0, i - TITLE_REACH_WORDS) : i]
        if any(key(word) in PERSON_TITLE_WORDS or is_nationality(word) for word in lead):
            joined[i], joined[i + 1] = "B-PER", "I-PER"
    return joined


def add_accusative_currencies(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """ "ستين [دولارا]", "150 [جنيها]": a currency's name in the accusative after a number is
    MISC, as the taggers tag its plain form ("دولار"): ANERcorp and Wojood both file
    currencies so, but the "-ا" form is rare in their text and the taggers leave it out
    (on the dev tail, 8 of 9 such words are gold MISC; the word "كبيرا" is not "كبير" + ا,
    hence the number before it)."""
    marked = list(tags)
    currencies = shipped_gazetteer()
    for i, token in enumerate(tokens):
        if marked[i] != "O" or len(token) < 4 or not token.endswith("ا"):
            continue
        if currencies.names(token[:-1], CURRENCY) and _after_number(tokens, i):
            marked[i] = "B-MISC"
    return marked


def _by_common_noun(word: str) -> bool:
    """ "بموت" (by the death of) before a name: ب + a common word, and the word as written
    is no name word either ("باسم" is a given name). Only where a name opens: at its end ب +
    a common word is a family name as often ("خيري بشارة")."""
    return _preposition_on_common_word(word, "ب") and normalize_word(word) not in person_name_words()


def _like_common_word(word: str) -> bool:
    """ "كالصاعقة" (like the thunderbolt): ك + the article + a common word."""
    rest = normalize_word(word[1:])
    return key(word).startswith("كال") and _commoner_twin(rest, word, LIKE_BAND, LIKE_BAND_GAP)


def _to_common_noun(word: str) -> bool:
    """ "لسباق" (for a race): ل + a common word ("لافروف", "لحود" stay)."""
    return not word.startswith("لل") and _preposition_on_common_word(word, "ل")


def _preposition_on_common_word(word: str, preposition: str) -> bool:
    """`preposition` + a word of three letters or more that is no name word and that ANT
    writes often and far more often than with the preposition."""
    if not word.startswith(preposition) or len(word) < 4:
        return False
    rest = normalize_word(word[1:])
    return _commoner_twin(rest, word, COMMON_BAND, PREPOSITION_BAND_GAP) and rest not in person_name_words()


def _market_day(tokens: Sequence[str], i: int) -> bool:
    """ "سوق [الجمعة]": a market named after its weekday keeps it."""
    return key(tokens[i]) in WEEKDAYS and i > 0 and reads_as(tokens[i - 1], MARKETS)


def _voweled_verb(word: str) -> bool:
    """ "يُحيي", "يقلّد": a present-tense verb written with its vowels, as headlines put one
    after the name of the one who acts; names are not voweled so."""
    return word[:1] in ("ي", "ت") and any("\u064b" <= letter <= "\u0652" for letter in word)


def reads_as_headline_verb(word: str) -> bool:
    """ "الجبوري [يستنكر]", "عبدالله [يدشن]": a headline's present-tense verb after the name. It
    opens with ي or ت, ANT also writes it with the other prefix (the verb's other gender:
    "يستنكر"/"تستنكر"), and it is no word of any name list; or it opens with "تت" ("تتشدد",
    which ANT may not hold). Foreign names that open so have no such twin ("تيفيز", "توريس")."""
    norm = normalize_word(word)
    if norm[:1] not in ("ي", "ت") or len(norm) < 4 or norm in person_name_words():
        return False
    if norm.startswith("تت") and len(norm) >= 5:
        return True  # "عائلة الملا عمر [تتشدد]": a feminine present of the derived forms, no name
    twin = ("ت" if norm[0] == "ي" else "ي") + norm[1:]
    lexicon = shipped_lexicon()
    return lexicon.band(norm) >= 0 and lexicon.band(twin) >= 0


def reads_as_verb(word: str) -> bool:
    """A present-tense verb the taggers ran a name on into ("سيجيب", "ستبلغ", "يحشدون",
    "يسألني", "يجلسان"), after و/ف: the future's س before a verb ANT writes far more often
    without it, "ي"/"ت" + a stem ANT knows (or whose past it knows: "فيستشهدون") + the
    plural "-ون", or a common verb + an object pronoun or the dual "-ان".
    Name words are none ("يوسف", "ستيفن", "سيدني", "تهاني"); none of the name words of
    ANERcorp train or Wojood's persons and organisations reads so."""
    norm = normalize_word(word)
    if norm[:1] in ("و", "ف") and len(norm) > 4 and norm[1:2] in ("س", "ي", "ت"):
        norm = norm[1:]
    names = person_name_words()
    if len(norm) < 5 or norm in names:
        return False
    if norm[0] == "س" and norm[1] in VERB_PREFIXES:
        rest = norm[1:]
        return _commoner_twin(rest, norm, COMMON_BAND) and rest not in names
    if norm[0] not in ("ي", "ت"):
        return False
    if len(norm) >= 6 and norm.endswith("ون"):
        stem = norm[:-2]
        # "يستشهد" is rare but its past "استشهد" is not; "يتحدث" -> "تحدث"
        pasts = [stem, *_derived_pasts(stem)]
        return stem not in names and any(shipped_lexicon().band(form) >= 2 for form in pasts)
    dual = len(norm) >= 6 and norm.endswith("ان")  # "يجلسان"
    if norm.endswith(OBJECT_PRONOUNS) or dual:
        stem = norm[:-2]
        return _commoner_twin(stem, norm, COMMON_BAND) and stem not in names
    return False


def reads_as_derived_verb(word: str) -> bool:
    """ "ينتشل", "يفتتح", "يتفقد", "تحتفل": a present verb of the derived forms (V to X), whose
    past ANT knows ("انتشل", "افتتح"), after و/ف; no name word is one."""
    norm = normalize_word(word)
    if norm[:1] in ("و", "ف") and len(norm) > 5:
        norm = norm[1:]
    if len(norm) < 5 or norm[0] not in ("ي", "ت") or norm in person_name_words():
        return False
    return any(shipped_lexicon().band(past) >= KNOWN_PAST_BAND for past in _derived_pasts(norm))


def _derived_pasts(present: str) -> list[str]:
    """The past of a derived verb's present stem: "يستشهد" -> "استشهد", "ينطلق" -> "انطلق",
    "يحتفل" -> "احتفل" (forms X, VII, VIII), "يتحدث" -> "تحدث" (V, VI)."""
    bare = present[1:]
    if bare.startswith("ت") and len(bare) >= 4:
        return [bare]
    if bare.startswith(("ست", "ن")) or bare[1:2] == "ت":
        return ["ا" + bare]
    return []


def _dual_adjective(word: str) -> bool:
    norm = key(word)
    return norm.startswith("ال") and norm.endswith("تين")


def _to_organisation(tokens: Sequence[str], i: int, end: int) -> bool:
    """ "رامي عبد الرحمن [لفرانس برس]": ل + an organisation the gazetteer lists (a weak entry
    only of two words or more), which the person speaks to, inside a person's span."""
    if not tokens[i].startswith("ل") or tokens[i].startswith("لل") or len(tokens[i]) < 4:
        return False
    gazetteer = shipped_gazetteer()
    for j in range(i + 1, end + 1):
        words = [normalize_word(tokens[i][1:]), *(normalize_word(token) for token in tokens[i + 1 : j])]
        weak = len(words) > 1 and gazetteer.lists_whole(words, ("ORG_WEAK",))
        if weak or gazetteer.lists_whole(words, ("ORG",)):
            return True
    return False


def _after_noun(tokens: Sequence[str], i: int) -> bool:
    """The word before `i` is a bare noun that an adjective may follow: a word of letters,
    no preposition, without the article and not one that takes a country ("جنوب")."""
    if i == 0 or not tokens[i - 1].isalpha() or tokens[i - 1] in FUNCTION_WORDS:
        return False
    before = key(tokens[i - 1])
    takes_country = before in COUNTRY_HEADS or reads_as(tokens[i - 1], COUNTRY_HEADS)
    return not before.startswith("ال") and not takes_country


def opens_name(word: str, given: Collection[str]) -> bool:
    """A given name, listed or "عبد" + one of God's names written as one word ("عبدالحفيظ")."""
    norm = key(word)
    return norm in given or (norm.startswith("عبد") and len(norm) >= 6)


def reads_as_prayer(word: str) -> bool:
    """ "وأسكنه", "تغمده": a verb that opens a prayer for the dead, after any proclitics."""
    return after_proclitics(word, PRAYER_VERBS)


def reads_as_plural_noun(word: str) -> bool:
    """ "[عارضو] المعرض", "[منتسبو] الجامعة", "[مطربون]": a noun's sound plural, in construct
    ("-و", its ن lost before the noun it belongs to) or not ("-ون", six letters or more:
    "عون", "حسون" are names), that ANT writes more often in its "-ين" form. Foreign names
    in "-و" or "-ون" have no such twin ("ماركو", "ماكرون"), and "الفارو" (Álvaro) is no
    construct: the article is never on one."""
    norm = normalize_word(word)
    if norm.startswith("ال"):
        return False
    if len(norm) >= 5 and norm.endswith("و"):
        twin = norm[:-1] + "ين"
    elif len(norm) >= 6 and norm.endswith("ون"):
        twin = norm[:-2] + "ين"
    else:
        return False
    return _commoner_twin(twin, norm)


def reads_as_plural_of_people(word: str) -> bool:
    """ "مراقبون", "منسوبو": a noun's sound plural standing alone, which ANT also writes in
    its other case ("مراقبين", the construct "منسوبي") and whose masculine and feminine
    singulars it writes often ("مراقب", "مراقبة"). `reads_as_plural_noun` asks the other case
    to be the commoner one, which "مراقبون" (the subject of "وقال مراقبون") is not. Foreign
    names in "-و"/"-ون" lack one of these ("ماركو": "ماركة" but no "ماركي"; "روبيو")."""
    norm = normalize_word(word)
    if len(norm) >= 6 and norm.endswith("ون"):
        stem = norm[:-2]
    elif len(norm) >= 5 and norm.endswith("و"):
        stem = norm[:-1]
    else:
        return False
    band = shipped_lexicon().band
    singulars = band(stem) >= PLURAL_SINGULAR_BAND and band(stem + "ه") >= PLURAL_SINGULAR_BAND
    other_cases = (stem + "ين", "ال" + stem + "ين", stem + "ي")  # "القائمين" where "قائمين" is rare
    return singulars and max(band(other) for other in other_cases) >= 2 and not _name_word(norm)


def reads_as_dual(word: str) -> bool:
    """ "مندوبان", "خليجيان", "دراستان": a noun or adjective in the dual ("-ان", "-تان"),
    which ANT writes more often in the singular. Given names in "-ان" are no duals
    ("عدنان", "سلمان"), but family names and clubs may read so ("طوقان", "ميلان"), so the
    caller asks it of every word of a person's span, or of one word in "-تان"."""
    norm = normalize_word(word)
    if len(norm) < 5 or _name_word(norm):
        return False
    if norm.endswith("تان"):
        singular = norm[:-3] + "ه"
    elif norm.endswith("تا"):  # in construct: "[محطتا] الكهرباء"
        singular = norm[:-2] + "ه"
    elif norm.endswith("ان"):
        singular = norm[:-2]
    else:
        return False
    return singular not in person_name_words() and _commoner_twin(singular, norm, COMMON_BAND)


def reads_as_accusative(word: str) -> bool:
    """ "إيرانيا", "تكريما", "فصولا": an indefinite noun or adjective in the accusative,
    its tanween unwritten, which ANT writes more often without the "ا". The article is never
    on one ("البابا" is the Pope); names and places that end so stay ("لناديا", "روسيا"). In
    ANERcorp train and Wojood only currencies ("دولارا", MISC there) read so as a name of
    one word."""
    norm = normalize_word(word)
    if len(norm) < 4 or not norm.endswith("ا") or norm.startswith("ال"):
        return False
    if _name_word(norm) or place_of(word) is not None:
        return False  # not any proclitic: "تكريما" is no ت + ك + "ريما"
    bare = norm[:-1]
    return bare not in person_name_words() and _commoner_twin(bare, norm, COMMON_BAND)


def reads_as_possessed_noun(word: str) -> bool:
    """ "مسؤوليته", "حكومتها": a noun in "-ة" with a possessive pronoun, which ANT writes more
    often bare; no name word of ANERcorp train or Wojood reads so ("غوته" has no such twin).
    Also a longer noun with "his" written "ه" (not "ة": normalised, the two are one letter)
    that ANT writes more often without it ("اليحيى [استنكاره]"), when neither is a name
    word ("نبيه"). After a one-letter proclitic too ("حيدر العبادي [بدستوريتها]")."""
    norm = normalize_word(word)
    if norm[:1] in SINGLE_PROCLITICS and len(norm) >= 6 and reads_as_possessed_noun(word[1:]):
        return True
    for pronoun in POSSESSIVE_AFTER_TA:
        if norm.endswith(pronoun) and len(norm) - len(pronoun) >= 3:
            twin = norm[: -len(pronoun)] + "ه"
            return _commoner_twin(twin, norm, COMMON_BAND)
    if not word.endswith("ه") or len(norm) < 6:
        return False
    if _name_word(norm) or norm[:-1] in person_name_words():
        return False
    return _commoner_twin(norm[:-1], norm, 3)


def reads_as_plural_adjective(word: str) -> bool:
    """ "غنائيين", "سعوديين": the plural of an adjective in "-ي" that ANT writes more often
    in the singular; Korean names in "-يين" have no such singular ("دونغيين")."""
    norm = normalize_word(word)
    return len(norm) >= 6 and norm.endswith("يين") and _commoner_twin(norm[:-2], norm)


def reads_as_sound_plural(word: str) -> bool:
    """ "معاكسين": an adjective or participle in the plural "-ين" whose masculine and
    feminine singulars ("معاكس", "معاكسة") ANT both writes more often. Names in "-ين"
    have no feminine twin ("الحسين": "الحس" but no "الحسة"); in ANERcorp train and Wojood
    only a place ("زرعين") and a word inside an organisation's name read so, so this is
    asked of a person's span of one word only."""
    norm = normalize_word(word)
    if len(norm) < 5 or not norm.endswith("ين") or _name_word(norm):
        return False
    return _commoner_twin(norm[:-2], norm) and _commoner_twin(norm[:-2] + "ه", norm)


def _common_noun_in_context(tokens: Sequence[str], start: int) -> bool:
    """Is the word at `start` one of `COMMON_NOUNS_AS_PLACES`, with its context in the sentence?"""
    return any(
        after_proclitics(tokens[start], words)
        and (context is None or any(after_proclitics(token, context) for token in tokens))
        for words, context in COMMON_NOUNS_AS_PLACES
    )


def _for_the(tokens: Sequence[str], start: int, last: int) -> int:
    """The first word with "لل" (for the) after a span's first word, else `last`: no name goes
    on with it ("مدينة الملك [عبدالعزيز] للعلوم")."""
    return next((i for i in range(start + 1, last) if tokens[i].startswith(FOR_THE)), last)


def _glued_or(norm: str) -> bool:
    """ "أوالإتلاف", "أوباستخدام": أو glued to a word with the article, or to a word ANT writes
    often and more often than the glued form ("أوباما", "أوروبا" have no such word after أو)."""
    if not norm.startswith("او") or len(norm) <= 5:
        return False
    return norm.startswith("اوال") or _commoner_twin(norm[2:], norm, COMMON_BAND)


def _commoner_twin(twin: str, word: str, least: int = 2, gap: int = 1) -> bool:
    """ANT writes `twin` (normalised) in frequency band `least` at least (2: a few times;
    `COMMON_BAND`: a common word) and `gap` bands or more above `word`."""
    return shipped_lexicon().band(twin) >= least and more_frequent(twin, word, gap)


def _name_word(norm: str) -> bool:
    """The normalised word, as written or after one of و ف ب ل, is a name word."""
    names = person_name_words()
    return norm in names or (norm[:1] in ("و", "ف", "ب", "ل") and norm[1:] in names)


def reads_as_kin(word: str) -> bool:
    """A word of kinship with a pronoun, after any proclitics ("وشقيقها", "لابنه")."""
    return after_proclitics(word, KIN_WITH_PRONOUN)


def is_speech_verb(word: str) -> bool:
    """ "وأضاف", "فقالت": a cue word of the quote finder, after و/ف or bare ("روي كين" is
    Roy Keane: the cue "روى" is matched only as written)."""
    return CUE.fullmatch(word) is not None


def is_paired_adjective(tokens: Sequence[str], i: int) -> bool:
    """ "روسية [وسورية]", "[سورية] وروسية": a word that is both a place and its people's
    adjective, joined by و to a word that can only be an adjective and as definite as it,
    is an adjective too ("سعودية والسعودية": the second is the country)."""
    if country_of_word(tokens[i]) is None:
        return False

    def pair(first: str, second: str) -> bool:
        definite = first.startswith("ال") == second[1:].startswith("ال")
        return second.startswith("و") and definite

    before = i > 0 and pair(tokens[i - 1], tokens[i]) and is_nationality(tokens[i - 1])
    after = i + 1 < len(tokens) and pair(tokens[i], tokens[i + 1]) and is_nationality(tokens[i + 1])
    return before or after


def is_place_noun(word: str, kind: str) -> bool:
    """ "بريف", "والمنطقة", "ولايتي" (of the two states): a word for a kind of place, with or
    without clitics and article, or two of them."""
    return kind == "LOC" and (reads_as(word, PLACE_NOUNS) or reads_as(word, PLACE_NOUN_DUALS))


def reads_as(word: str, words: frozenset[str]) -> bool:
    """Whether a reading of `word` without its proclitics and article is one of `words`."""
    return any(rest.removeprefix("ال") in words for _, rest in proclitic_splits(key(word)))


# "عهد" is a given name ("عهد التميمي") and, after "ولي", the crown of "ولي عهد أبوظبي".
CROWN = (key("ولي"), key("عهد"))


def _title_word(words: list[str], at: int) -> bool:
    """Whether words[at] is a title word, "عهد" counting as one right after "ولي"."""
    if at and key(words[at]) == CROWN[1] and after_proclitics(words[at - 1], {CROWN[0]}):
        return True
    return after_proclitics(words[at], PERSON_TITLE_WORDS)


def after_proclitics(word: str, words: Collection[str]) -> bool:
    """Whether `word` as written or a reading of it without its proclitics (the article kept:
    "بالشهيد" -> "الشهيد") is one of `words`."""
    return any(rest in words for _, rest in proclitic_splits(key(word)))


# Royal titles that open a new person inside a span; "الشيخ" is left, as Gulf lineages
# carry it ("محمد بن حسين الشيخ عبدالرحمن الجودر" is one man), and so are the words before
# a title that keep it inside one name ("بن الملك").
ROYALS = frozenset(key(word) for word in "الملك الأمير الأميرة السلطان".split())
LINEAGE_WORDS = SON_OF | {key("آل")}


def _family_name_after_given(tokens: Sequence[str], start: int, at: int) -> bool:
    """ "عبدالله [المقبل]": a time word right after a lone given name is his family name
    ("الأسبوع المقبل" needs a noun of time, and no name is "the coming")."""
    return at == start + 1 and key(tokens[at]) in TIME_WORDS and key(tokens[start]) in shipped_given_names()


def _split_glued_people(tokens: Sequence[str], tags: list[str], start: int, end: int) -> None:
    """Two people in one span, "[جميل البقعاوي] [ماجد الحقيل]": a given name after a family
    name with the article opens a new person (a name's given names come first), when each
    side keeps two words or more. A family name that is a given name with the article
    ("علي الحسن محمد") splits nothing. (People joined by و are left: splitting at "وX" also
    cut foreign names such as "تشونغ ويونغ".)"""
    given = shipped_given_names()
    for i in range(start + 2, end - 1):  # "[محمد بن سلمان] الأمير [سلطان]": a royal title opens the next
        if key(tokens[i]) in ROYALS and key(tokens[i - 1]) not in LINEAGE_WORDS:
            tags[i], tags[i + 1] = "O", "B-PER"  # not "تركي بن [الملك] عبدالعزيز", "آل الشيخ"
            start = i + 1
    if end - start >= 3 and key(tokens[start]) in known_surnames() and key(tokens[start + 1]) in given:
        tags[start + 1] = "B-PER"  # "[ترامب] [جينا هاسبيل]": a known surname alone, then a name
        start += 1
    for i in range(start + 3, end - 1):  # "[سلمان بن عبدالعزيز] [حمد بن عيسى آل خليفة]" (glued tags)
        cousin = i + 2 < end and key(tokens[i + 2]) in COUSINS  # "أحمد ابن عم الشهيد": his cousin
        chained = key(tokens[i - 2]) in SON_OF and key(tokens[i + 1]) in SON_OF and not cousin
        if chained and key(tokens[i]) in given and key(tokens[i - 1]) not in COMPOUND_NAME_STARTS:
            tags[i] = "B-PER"  # a given name with its own "بن" after a father's name opens a person
            start = i
    for i in range(start + 2, end - 1):
        family = key(tokens[i - 1])
        # "صلاح الدين أحمد ناجي", "عبد القادر عبد الجليل", "أبو الحسن علي": one man each
        opened = i - 2 >= start and key(tokens[i - 2]) in COMPOUND_NAME_STARTS
        compound = family in COMPOUND_NAME_ENDS or opened or family in PARTICLES  # "شاكر آل غالب"
        if family.startswith("ال") and family[2:] not in given and not compound and key(tokens[i]) in given:
            tags[i] = "B-PER"
            if family in AFTER_PERSON and i - 1 > start:  # "مطار الملك خالد [الدولي] يوسف العبدان"
                tags[i - 1] = "O"
            start = i


@cache
def known_surnames() -> frozenset[str]:
    """Words that end known full names more than twice as often as they open one, and are
    no given names and have no article ("ترامب", "بوتين"; not "صالح", "علي"): one of them
    alone may stand before another person's name."""
    ends, opens = Counter(), Counter()
    for names in shipped_known_people().values():
        for name in names:
            ends[name[-1]] += 1
            opens[name[0]] += 1
    given = shipped_given_names()
    return frozenset(
        word for word, count in ends.items()
        if not word.startswith("ال") and word not in given and count > 2 * opens[word]
    )  # fmt: skip


def leads_no_name(word: str) -> bool:
    """A title or honorific ("[الرئيس] بوتين") or a people's adjective with the article
    ("[الكولومبي] راداميل فالكاو") in front of a person; "تركي الفيصل" keeps his given name."""
    definite = key(word).removeprefix("و").startswith("ال")  # "[والغانيين] مونتاري"
    titled = after_proclitics(word, TITLES_AFTER_CLITICS)  # "[بالشهيد]"
    return key(word) in LEADING_TITLES or titled or (definite and is_nationality(word))


def opens_as_title(word: str) -> bool:
    """ "الشيخ", "والأمير": a word that is a family name after a given name ("محمد الشيخ") but a
    title before one; no person's span in ANERcorp train or Wojood opens with one."""
    return after_proclitics(word, FAMILY_NAMES)


def is_at_place(word: str) -> bool:
    """ "بالهفوف", "ببريدة", "لميلان": ب (in) or ل (to, for) before a known place, where a
    person is or goes, not part of their name; a place of its own ("بريدة", "بيروت") is not
    read so."""
    norm = key(word)
    if place_of(norm) is not None:
        return False
    return any(
        clitic in ("ب", "ل")
        and len(rest.removeprefix("ال")) >= 3  # "برس" is no ب + "رس"
        and place_of(rest)
        and (rest.startswith("ال") or more_frequent(rest, norm, 1))  # "مارك بونسان" is not in Wonsan
        for clitic, rest in proclitic_splits(norm)
    )


def _in_kind_of_place(word: str) -> bool:
    """ "بريف", "بمحافظة": "in the ... of", which opens the next place, not this one's end."""
    bare = key(word)
    return bare.startswith("ب") and bare[1:] in PLACE_NOUNS


def _names_a_dynasty(tokens: Sequence[str], start: int) -> bool:
    """ "سلالة آل سعود": a person's span after "سلالة" names a dynasty, not a virus's strain."""
    before = tokens[start - 1] if start > 0 else ""
    return after_proclitics(tokens[start], DYNASTY) or after_proclitics(before, DYNASTY)


def _names_a_disease(tokens: Sequence[str], start: int) -> bool:
    """A place's, an organisation's or a person's span that names a disease ("إصابة [بفيروس
    كورونا]" read as a person): after "فيروس", "جائحة",
    "وباء" ... ("جائحة كورونا"), or a virus whose name is also a town's ("كورونا", a
    Californian city in GeoNames, which news since 2020 almost never means)."""
    if after_proclitics(tokens[start], VIRUSES) or after_proclitics(tokens[start], DISEASE_HEADS):
        return True  # "[فيروس كورونا]"
    return start > 0 and after_proclitics(tokens[start - 1], DISEASE_HEADS)


def _describes(word: str) -> bool:
    """A definite noun an adjective may follow ("الشركة", "بالسفارة"), not the state's own name
    ("المملكة العربية السعودية")."""
    bare = next((rest for _, rest in proclitic_splits(key(word)) if rest.startswith("ال")), "")
    return bare not in ("", key("العربية"), key("المملكة")) and place_of(bare) is None


def is_nationality(word: str) -> bool:
    """A word naming a country's people that no reading makes a place ("اليوناني" yes, "والسعودية" no)."""
    if country_of_word(word) is None:
        return False
    return not any(place_of(rest) for _, rest in proclitic_splits(key(word)))

"""Arabic stop words, in normalised form, for keywords and section features.

Two groups with different reasons: function words carry no topic at all, and news
stock words (reporting verbs, weekdays, "said", "today") occur in every section, so
they would crowd a news article's keywords. Both are stored as `normalize_word`
output, so a lookup works whatever alef, hamza or taa marbuta the page used.
Written for Marsad (no list copied); the words are ordinary Arabic vocabulary.
"""

from __future__ import annotations

from functools import cache

from marsad.arabic.normalize import normalize_word, strip_diacritics, strip_tatweel

# Pronouns, prepositions, conjunctions, particles, demonstratives, relatives.
FUNCTION_WORDS = """
في من على إلى الى عن مع بين عند لدى حتى منذ خلال ضد نحو حول دون تحت فوق أمام خلف بعد قبل
و أو ثم بل لكن لكنه لكنها لكن ولكن إلا الا أن إن أنه أنها إنه إنها أنهم إنهم كان كانت كانوا يكون تكون
ليس ليست لم لن لا ما ماذا لماذا متى أين كيف كم هل قد لقد سوف إذا اذا إذ لو لولا كما كي لكي حيث
هو هي هم هن هما أنا نحن أنت أنتم هذا هذه ذلك تلك هؤلاء أولئك هنا هناك هنالك الذي التي الذين اللذين
اللتين اللواتي اللاتي من ما أي أية كل بعض غير سوى جميع عدة أحد إحدى أيضا أيضاً فقط حين بينما عندما
له لها لهم لهن به بها بهم فيه فيها فيهم منه منها منهم عنه عنها عنهم إليه إليها عليه عليها عليهم
لديه لديها لدينا معه معها ذات ذو ضمن عبر لدى مثل وفق وفقا وفقاً إزاء تجاه رغم برغم يا أما إما
بسبب سبب بحق لهذا لذلك لذا كذلك أيضا بشكل شكل خاصة خاص عبر إذن أثناء أن لأن عليه إنما
""".split()

# Words every news section uses: reporting verbs, time words, generic nouns.
NEWS_WORDS = """
قال قالت يقول تقول أضاف أضافت يضيف أكد أكدت يؤكد أشار أشارت يشير أوضح أوضحت أعلن أعلنت يعلن
ذكر ذكرت تابع تابعت لفت كشف كشفت نقل نقلت بحسب حسب وذكر وقال وقالت وأضاف وأكد وأشار وأوضح
اليوم أمس غدا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم أيام الساعة العام عام
الماضي الماضية المقبل المقبلة الحالي الحالية الأول الأولى الثاني الثانية أكثر أقل أكبر أبرز
خبر أخبار تقرير وكالة وكالات مصدر مصادر بيان صحفي صحفية إطار شأن بشأن جانب أجل نحو أمر أمور
يتم تم وتم يمكن يجب لدى وذلك ذلك وهو وهي كما وكان وكانت سنة سنوات شهر أشهر مليون مليار ألف
قام قامت يقوم تقوم شاهد فيديو بالفيديو صور بالصور عاجل متابعة
""".split()


@cache
def stopwords() -> frozenset[str]:
    """All stop words, normalised; built on first use so importing costs nothing."""
    return frozenset(normalize_word(word) for word in FUNCTION_WORDS + NEWS_WORDS)


@cache
def function_word_spellings() -> frozenset[str]:
    """Function words as written, not normalised: "على" is the preposition, while its
    normalised form "علي" is also a name, so code that must tell them apart reads these."""
    return frozenset(strip_diacritics(word) for word in FUNCTION_WORDS)


def is_function_word_as_written(token: str) -> bool:
    """ "على", "وعلى", "إلى": a function word as spelt, with at most a conjunction in front."""
    word = strip_diacritics(strip_tatweel(token))
    spellings = function_word_spellings()
    return word in spellings or (len(word) > 2 and word[0] in "وف" and word[1:] in spellings)


def is_stopword(word: str) -> bool:
    """True for a function word or news stock word, in any spelling variant."""
    return normalize_word(word) in stopwords()

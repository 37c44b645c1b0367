"""Language id: Arabic against the other Arabic-script languages and the Latin ones.

Sentences written for these tests (news-style, one or two lines each).
"""

import pytest

from marsad.enrich.language import assign_language, detect_language
from marsad.model import Article

ARABIC = (
    "أعلنت وزارة الصحة في بيان صدر مساء الثلاثاء عن افتتاح ثلاثة مستشفيات جديدة في المحافظات "
    "الجنوبية، مؤكدة أن الخدمات ستبدأ الشهر المقبل."
)
PERSIAN = (
    "وزیر امور خارجه ایران روز سه‌شنبه در نشست خبری گفت که گفتگوها با کشورهای همسایه "
    "ادامه خواهد داشت و دولت برای حل مشکلات اقتصادی برنامه دارد."
)
URDU = (
    "وزیر اعظم نے منگل کے روز کہا کہ حکومت مہنگائی پر قابو پانے کے لیے نئے اقدامات کر رہی ہے "
    "اور عوام کو جلد ریلیف ملے گا۔"
)
ENGLISH = (
    "The health ministry said on Tuesday that three new hospitals would open "
    "in the southern provinces next month."
)
FRENCH = (
    "Le ministère de la santé a annoncé mardi l'ouverture de trois nouveaux hôpitaux "
    "dans les provinces du sud."
)
KURDISH = (
    "وەزارەتی تەندروستی ڕۆژی سێشەممە ڕایگەیاند کە سێ نەخۆشخانەی نوێ لە پارێزگاکانی باشوور "
    "دەکرێنەوە."
)
PASHTO = (
    "د روغتیا وزارت د سه شنبې په ورځ وویل چې په سویلي ولایتونو کې به درې نوي روغتونونه "
    "پرانیستل شي او خلکو ته به ښې خدمتونه وړاندې کړي."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [(ARABIC, "ar"), (PERSIAN, "fa"), (URDU, "ur"), (ENGLISH, "en"), (FRENCH, "fr"), (KURDISH, "ku"),
     (PASHTO, "ps")],
)
def test_detects_each_language(text, code):
    assert detect_language(text) == code


def test_arabic_article_quoting_latin_brand_names_is_still_arabic():
    text = ARABIC + " وقالت شركة Apple وشركة Samsung إنهما ستدعمان المشروع عبر منصة iCloud."
    assert detect_language(text) == "ar"


@pytest.mark.parametrize("text", [None, "", "   ", "عاجل", "12:30 - 2024", "Breaking"])
def test_empty_or_short_text_has_no_language(text):
    assert detect_language(text) is None


def test_an_arabic_article_with_a_kurdish_name_in_its_own_letters_stays_arabic():
    assert detect_language(ARABIC + " والتقى الوزير مسرور بارزاني (مەسرور) في أربيل.") == "ar"


def test_long_text_is_cut_but_still_detected():
    assert detect_language(FRENCH * 200) == "fr"


def test_stage_sets_the_article_language():
    assert assign_language(Article(title="Élections", text=FRENCH)).language == "fr"
    assert assign_language(Article(title=None, text="")).language is None


@pytest.mark.parametrize("text", [PERSIAN, KURDISH, ENGLISH])
def test_a_non_arabic_article_is_marked_and_not_read_by_the_arabic_stages(text):
    from marsad.pipeline import ARTICLE_STAGES

    article = Article(title=None, text=text * 3)
    for stage in ARTICLE_STAGES:
        article = stage(article)
    assert article.language in ("fa", "ku", "en")
    assert (article.section, article.keywords, article.entities, article.quotes, article.events) == (
        None, [], [], [], []
    )
    # a section the page states is kept all the same
    stated = Article(title=None, text=text * 3, section="سياسة")
    for stage in ARTICLE_STAGES:
        stated = stage(stated)
    assert stated.section == "politics"


def test_an_arabic_article_is_read_by_the_arabic_stages():
    from marsad.pipeline import ARTICLE_STAGES

    article = Article(title="افتتاح مستشفيات جديدة", text=ARABIC * 3)
    for stage in ARTICLE_STAGES:
        article = stage(article)
    assert article.language == "ar" and article.section is not None and article.keywords

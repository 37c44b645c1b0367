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


@pytest.mark.parametrize(
    ("text", "code"),
    [(ARABIC, "ar"), (PERSIAN, "fa"), (URDU, "ur"), (ENGLISH, "en"), (FRENCH, "fr")],
)
def test_detects_each_language(text, code):
    assert detect_language(text) == code


def test_arabic_article_quoting_latin_brand_names_is_still_arabic():
    text = ARABIC + " وقالت شركة Apple وشركة Samsung إنهما ستدعمان المشروع عبر منصة iCloud."
    assert detect_language(text) == "ar"


@pytest.mark.parametrize("text", [None, "", "   ", "عاجل", "12:30 - 2024", "Breaking"])
def test_empty_or_short_text_has_no_language(text):
    assert detect_language(text) is None


def test_long_text_is_cut_but_still_detected():
    assert detect_language(FRENCH * 200) == "fr"


def test_stage_sets_the_article_language():
    assert assign_language(Article(title="Élections", text=FRENCH)).language == "fr"
    assert assign_language(Article(title=None, text="")).language is None

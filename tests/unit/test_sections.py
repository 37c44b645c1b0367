"""Sections: the shipped model on obvious paragraphs, breadcrumbs, and what it refuses.

The paragraphs were written for these tests; the shipped model is in the package, so
nothing here needs the training data.
"""

import subprocess
import sys

import pytest

from marsad.enrich.sections import (
    LABELS,
    MODEL_PATH,
    assign_section,
    classify_section,
    section_from_breadcrumb,
    section_probabilities,
    strip_boilerplate,
)
from marsad.model import Article

SPORTS = (
    "فاز فريق الهلال على النصر بثلاثة أهداف مقابل هدف في مباراة الدوري السعودي للمحترفين مساء السبت، "
    "وسجل المهاجم هدفين في الشوط الثاني، ليعزز الفريق صدارته لجدول الترتيب قبل مواجهة كأس الملك."
)
ECONOMY = (
    "ارتفعت أسعار النفط في الأسواق العالمية بعد أن قررت منظمة أوبك خفض الإنتاج، وصعد خام برنت إلى "
    "تسعين دولارا للبرميل، بينما تراجعت مؤشرات البورصة وسط مخاوف المستثمرين من التضخم وأسعار الفائدة."
)
TECHNOLOGY = (
    "كشفت شركة آبل عن هاتف آيفون الجديد بمعالج أسرع وكاميرا محسنة، ويدعم الهاتف تطبيقات الذكاء "
    "الاصطناعي وتحديثات نظام التشغيل، كما أعلنت الشركة عن ساعة ذكية جديدة وخدمات سحابية للمستخدمين."
)
POLITICS = (
    "التقى وزير الخارجية نظيره الأمريكي في العاصمة لبحث الأزمة السياسية والمفاوضات بين الحكومة "
    "والمعارضة، وأكد الوزيران دعم الحوار ووقف إطلاق النار، بينما صوت البرلمان على قرار بتمديد الهدنة."
)
CULTURE = (
    "افتتح مهرجان القاهرة السينمائي دورته الجديدة بعرض فيلم للمخرج المصري، بحضور نجوم الفن والممثلين، "
    "وتتنافس في المسابقة الرسمية أفلام عربية وأجنبية، إلى جانب معرض للكتاب وحفلات موسيقية."
)


@pytest.mark.parametrize(
    ("title", "text", "label"),
    [
        ("الهلال يهزم النصر ويبتعد بالصدارة", SPORTS, "sports"),
        ("النفط يرتفع بعد قرار أوبك", ECONOMY, "economy"),
        ("آبل تكشف عن آيفون جديد", TECHNOLOGY, "technology"),
        ("مباحثات لوقف إطلاق النار", POLITICS, "politics"),
        ("انطلاق مهرجان القاهرة السينمائي", CULTURE, "culture"),
    ],
)
def test_obvious_paragraphs_get_their_section(title, text, label):
    assert classify_section(title, text) == label


def test_sports_without_a_title():
    assert classify_section(None, SPORTS) == "sports"


def test_probabilities_cover_all_labels_and_sum_to_one():
    probabilities = section_probabilities(None, SPORTS)
    assert set(probabilities) == set(LABELS)
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert probabilities["sports"] > 0.8


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "عاجل",
        "The central bank raised interest rates by two points on Thursday to curb inflation.",
    ],
)
def test_no_section_for_empty_short_or_non_arabic_text(text):
    assert classify_section(None, text) is None


@pytest.mark.parametrize(
    ("breadcrumb", "label"),
    [
        ("سياسة دولية", "politics"),
        ("الرئيسية > أخبار > سياسة دولية", "politics"),
        ("اقتصاد", "economy"),
        ("اقتصاد عربي", "economy"),
        ("رياضة", "sports"),
        ("الرئيسية » رياضة » كرة القدم", "sports"),
        ("ثقافة وفنون", "culture"),
        ("علوم وتكنولوجيا", "technology"),
        ("صحة", "health"),
        ("دين ودنيا", "religion"),
        ("المجتمع", "society"),
        ("عربي ودولي", "politics"),
        ("الشرق الأوسط", "politics"),
        ("News / Sport", "sports"),
    ],
)
def test_breadcrumb_words_map_to_labels(breadcrumb, label):
    assert section_from_breadcrumb(breadcrumb) == label


@pytest.mark.parametrize("breadcrumb", ["", "الرئيسية", "أخبار الرياض", "منوعات"])
def test_breadcrumbs_without_a_topic_give_none(breadcrumb):
    assert section_from_breadcrumb(breadcrumb) is None


def test_stated_section_takes_precedence_over_the_model():
    article = Article(title="الهلال يهزم النصر", text=SPORTS, section="الرئيسية > اقتصاد")
    assert assign_section(article).section == "economy"
    assert assign_section(Article(title=None, text=SPORTS)).section == "sports"


def test_boilerplate_lines_are_removed_before_classifying():
    text = (
        "دبي، الإمارات العربية المتحدة (CNN)-- نص الخبر.\nللمزيد: عنوان آخر\nاقرأ أيضاً: خبر\nفرانس24/ أ ف ب"
    )
    cleaned = strip_boilerplate(text)
    assert "نص الخبر" in cleaned
    for gone in ("CNN", "للمزيد", "اقرأ", "أ ف ب"):
        assert gone not in cleaned


def test_model_ships_in_the_package_and_loads_lazily():
    assert MODEL_PATH.exists() and MODEL_PATH.stat().st_size < 5_000_000
    probe = "import marsad.enrich.sections as s; print(s.shipped_model.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def _ant(outlet, url, category):
    return {"outlet_dir": outlet, "url": url, "cat": category, "title": url, "text": ""}


def test_harmonise_ant_keeps_one_copy_per_url_with_its_topical_desk():
    from collections import Counter

    from marsad.train.sections import harmonise_ant

    records = [
        _ant("France24", "u/match", "internationalNews"),
        _ant("France24", "u/match", "sport"),
        _ant("France24", "u/summit", "internationalNews"),
        _ant("France24", "u/summit", "middleEast"),
        _ant("CNN", "u/oil-app", "economy"),
        _ant("CNN", "u/oil-app", "technology"),
        _ant("CNN", "u/match", "internationalNews"),
    ]
    counts: Counter[str] = Counter()
    kept = {(r["outlet_dir"], r["url"]): r["cat"] for r in harmonise_ant(records, counts)}
    assert kept == {
        ("France24", "u/match"): "sport",
        ("France24", "u/summit"): "internationalNews",
        ("CNN", "u/match"): "internationalNews",
    }
    assert counts["dropped: two topical desks"] == 1
    assert counts["news-desk copy of a topical article"] == 1
    assert counts["duplicate copies"] == 3

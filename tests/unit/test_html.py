"""HTML extraction: body, metadata, related blocks, boilerplate, and bad markup.

The small pages below were written for these tests (the Arabic text is ours); the one real
page is the CNN Arabic fixture in tests/fixtures/html (see its ATTRIBUTION.md).
"""

from __future__ import annotations

from collections import Counter

import pytest

from marsad.arabic.normalize import tokens
from marsad.extract import extract_page
from marsad.extract.html import (
    HtmlOptions,
    extract_html,
    is_boilerplate,
    parse_html,
    split_tags,
    strip_site_affix,
    url_date,
)
from marsad.extract.related import cut_related, is_related_heading, strip_non_content
from marsad.model import Page

BODY = [
    "أعلنت وزارة الزراعة اليوم الأحد عن خطة جديدة لدعم صغار المزارعين في المحافظات الجنوبية،"
    " تشمل قروضا ميسرة وبذورا محسنة وتدريبا على أساليب الري الحديثة خلال الموسم المقبل.",
    "وقال وزير الزراعة في مؤتمر صحفي إن الخطة ستكلف نحو مئتي مليون دولار على ثلاث سنوات،"
    " وإن تمويلها سيأتي من الموازنة العامة ومن منحة مقدمة من صندوق دولي للتنمية الزراعية.",
    "وأضاف الوزير أن الوزارة ستفتح باب التسجيل للمزارعين الراغبين في الاستفادة من البرنامج"
    " مطلع الشهر المقبل، على أن تعطى الأولوية للأسر التي تضررت من موجة الجفاف الأخيرة.",
    "ورحب اتحاد المزارعين بالخطة في بيان، داعيا إلى توسيعها لتشمل مربي المواشي وصيادي الأسماك"
    " في المناطق الساحلية الذين تراجعت دخولهم بشكل كبير خلال العامين الماضيين.",
]
RELATED = [
    "ارتفاع أسعار القمح في الأسواق العالمية للشهر الثالث",
    "الحكومة تقر موازنة العام المقبل بعجز أقل من المتوقع",
    "موجة جفاف تضرب المحافظات الجنوبية وتحذيرات من نقص المياه",
]
TITLE = "خطة حكومية لدعم صغار المزارعين في الجنوب"


def page_html(body_extra: str = "", head_extra: str = "", after_article: str = "") -> str:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in BODY)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{TITLE} - جريدة المثال</title>
<meta property="og:site_name" content="جريدة المثال">
<meta property="og:title" content="{TITLE}">
<meta name="keywords" content="الزراعة، المزارعين, الجفاف ; وزارة الزراعة">
<meta property="article:published_time" content="2024-03-10T23:30:00+03:00">
<link rel="canonical" href="https://example.com/news/agri-plan">
{head_extra}
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sports">رياضة</a></li></ul></nav>
<main><article>
<h1>{TITLE}</h1>
<div class="article-body">
{paragraphs}
{body_extra}
</div>
{after_article}
</article></main>
<footer><p>جميع الحقوق محفوظة © 2024 جريدة المثال</p></footer>
</body></html>"""


def related_box(heading: str = "اقرأ أيضاً") -> str:
    links = "\n".join(f'<li><a href="/news/{i}">{text}</a></li>' for i, text in enumerate(RELATED))
    return f'<div class="box"><h3>{heading}</h3><ul>{links}</ul></div>'


def html_page(content: str, **kwargs) -> Page:
    return Page(name="test.html", kind="html", content=content, **kwargs)


def token_f1(gold: str, system: str) -> float:
    gold_tokens, system_tokens = Counter(tokens(gold)), Counter(tokens(system))
    common = sum((gold_tokens & system_tokens).values())
    if not common:
        return 0.0
    precision, recall = common / sum(system_tokens.values()), common / sum(gold_tokens.values())
    return 2 * precision * recall / (precision + recall)


# -- the whole stage ----------------------------------------------------------------------------------
def test_article_with_read_also_list_inside_body():
    extracted = extract_html(html_page(page_html(body_extra=related_box())))
    (article,) = extracted.articles
    assert article.text.split("\n") == BODY
    assert extracted.related_headlines == RELATED
    for headline in RELATED:
        assert headline not in article.text


def test_metadata_fields():
    (article,) = extract_html(html_page(page_html())).articles
    assert article.role == "main"
    assert article.title == TITLE
    assert article.source == "جريدة المثال"
    assert article.url == "https://example.com/news/agri-plan"
    assert article.tags == ["الزراعة", "المزارعين", "الجفاف", "وزارة الزراعة"]
    assert article.language is None  # another stage detects it
    # 23:30 in the publisher's +03:00 is still 10 March there (20:30 UTC)
    assert article.published == "2024-03-10"


def test_a_wire_agencys_revision_note_leaves_the_html_headline():
    content = page_html().replace(f"<h1>{TITLE}</h1>", f"<h1>{TITLE} / إضافة أولى واخيرة</h1>")
    content = content.replace(f'content="{TITLE}"', f'content="{TITLE} / إضافة أولى واخيرة"')
    (article,) = extract_html(html_page(content)).articles
    assert article.title == TITLE


def test_a_dateline_opening_the_body_is_read():
    html = page_html().replace("<p>أعلنت وزارة الزراعة", "<p>القاهرة - أ ش أ: أعلنت وزارة الزراعة", 1)
    (article,) = extract_html(html_page(html)).articles
    assert article.dateline == "القاهرة"
    assert article.source == "جريدة المثال"  # the page's own name wins over the agency
    assert article.text.startswith("القاهرة - أ ش أ:")  # the dateline stays in the body
    (plain,) = extract_html(html_page(page_html())).articles
    assert plain.dateline is None


def test_container_url_and_source_win():
    page = html_page(page_html(), url="https://mirror.example.org/a", source="وكالة المثال")
    (article,) = extract_html(page).articles
    assert article.url == "https://mirror.example.org/a"
    assert article.source == "وكالة المثال"


def test_related_block_after_article_by_class_name():
    links = "".join(f'<div class="item"><a href="/n/{i}">{t}</a></div>' for i, t in enumerate(RELATED))
    extracted = extract_html(
        html_page(page_html(after_article=f'<section class="related-news">{links}</section>'))
    )
    assert extracted.related_headlines == RELATED
    assert extracted.articles[0].text.split("\n") == BODY


def test_related_heading_wrapped_in_title_divs():
    links = "".join(
        f'<div class="card"><a href="/n/{i}" title="{t}"></a><h4><a href="/n/{i}">{t}</a></h4></div>'
        for i, t in enumerate(RELATED)
    )
    title = '<div class="t"><h2><a class="x">أخبار ذات صلة</a></h2></div>'
    box = f'<div class="module">{title}<div>{links}</div></div>'
    extracted = extract_html(html_page(page_html(after_article=box)))
    assert extracted.related_headlines == RELATED


def test_inline_read_also_paragraph_becomes_a_headline():
    inline = f'<p><strong>اقرأ أيضا:</strong> <a href="/n/9">{RELATED[0]}</a></p>'
    extracted = extract_html(html_page(page_html(body_extra=inline)))
    assert extracted.related_headlines == [RELATED[0]]
    assert RELATED[0] not in extracted.articles[0].text


def test_container_classed_related_is_not_removed():
    """A link-poor element is never a related block, whatever its class says."""
    html = page_html().replace('class="article-body"', 'class="article-body has-related"')
    extracted = extract_html(html_page(html))
    assert extracted.articles[0].text.split("\n") == BODY
    assert extracted.related_headlines == []


def test_menu_heading_does_not_take_the_menu():
    menu = '<ul class="menu"><li><a href="/most">الأكثر قراءة</a></li><li><a href="/a">سياسة</a></li></ul>'
    extracted = extract_html(html_page(page_html().replace("<nav>", f"<nav>{menu}")))
    assert extracted.related_headlines == []


def test_boilerplate_paragraphs_are_dropped():
    extra = "<p>تابعونا على فيسبوك وتويتر</p><p>إضافة تعليق جديد</p><p>جميع الحقوق محفوظة © 2024</p>"
    (article,) = extract_html(html_page(page_html(body_extra=extra))).articles
    assert article.text.split("\n") == BODY


def test_script_text_never_reaches_the_body():
    script = '<script>var note = "هذا نص داخل سكربت لا ينبغي أن يظهر في المتن أبدا";</script>'
    style = "<style>.x { content: 'نص داخل التنسيق'; }</style>"
    extracted = extract_html(html_page(page_html(body_extra=script + style)))
    text = extracted.articles[0].text
    assert "سكربت" not in text and "التنسيق" not in text
    assert text.split("\n") == BODY


def test_truncated_page_does_not_raise():
    html = page_html(body_extra=related_box())
    for cut in (len(html) // 3, len(html) // 2, len(html) - 40, 30, 5):
        extracted = extract_html(html_page(html[:cut]))
        assert all(isinstance(a.text, str) for a in extracted.articles)
    cut_mid_body = html[: html.index(BODY[2][:20])]
    assert BODY[0] in extract_html(html_page(cut_mid_body)).articles[0].text


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   ",
        "<<<>>>",
        "<html><body></body></html>",
        "\x00\x01 binary",
        "<p>نص قصير</p>",
        "<?xml version='1.0'?><a>",
    ],
)
def test_bad_markup_gives_an_empty_result(content):
    extracted = extract_html(html_page(content))
    assert extracted.articles == [] or all(a.text for a in extracted.articles)


def test_no_network(monkeypatch):
    """A page whose content looks like a URL must not be fetched by trafilatura or htmldate."""
    import htmldate.utils
    import trafilatura.downloads

    def refuse(*_args, **_kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(htmldate.utils, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", refuse)
    extracted = extract_html(html_page("https://example.com/story"))  # read as a one-line text
    assert [a.text for a in extracted.articles] in ([], ["https://example.com/story"])
    assert extract_html(html_page(page_html())).articles


def test_extract_page_dispatches_html():
    assert extract_page(html_page(page_html())).articles[0].title == TITLE


def test_options_object_is_used():
    extracted = extract_html(html_page(page_html()), HtmlOptions(fast=True, extensive_date_search=False))
    assert extracted.articles[0].text.split("\n") == BODY


# -- helpers ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "اقرأ أيضا",
        "إقرأ أيضاً:",
        "اقرا ايضا",
        "أخبار ذات صلة",
        "مواضيع ذات علاقة",
        "مقالات مشابهة",
        "الأكثر قراءة",
        "Related",
        "Read more",
        "الأخبار المرتبطة",
        "قد يهمك أيضاً",
    ],
)
def test_related_headings(text):
    assert is_related_heading(text)


@pytest.mark.parametrize("text", ["", "أخبار", "قال إن الأخبار ذات صلة بالملف النووي", "سياسة"])
def test_not_related_headings(text):
    assert not is_related_heading(text)


def test_cut_related_keeps_tail_text():
    tree = parse_html(f"<html><body><div><p>قبل</p>{related_box()}بعد الصندوق</div></body></html>")
    strip_non_content(tree)
    assert cut_related(tree) == RELATED
    assert "بعد الصندوق" in tree.text_content()


def test_boilerplate_rules_spare_prose():
    assert is_boilerplate("تابعوا أخبار الإمارات من البيان عبر غوغل نيوز")
    assert is_boilerplate(
        "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط."
    )
    assert not is_boilerplate("شارك الرئيس في القمة العربية التي عقدت في القاهرة")
    assert not is_boilerplate("تابعنا الأحداث منذ الصباح الباكر")
    assert not is_boilerplate("قال الوزير إن التعليقات على مواقع التواصل لا تعنيه")


def test_url_date_and_title_affix_and_tags():
    assert (
        url_date("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html", "2026-01-01")
        == "2013-08-03"
    )
    assert url_date("https://www.youm7.com/story/2020/8/24/x/4943459", "2026-01-01") == "2020-08-24"
    assert url_date("https://example.com/2020/13/40/x", "2026-01-01") is None
    assert url_date("http://[bad/2013/x/8/3/", "2026-01-01") is None
    assert (
        strip_site_affix("وزير الري يشهد توقيع عقد - اليوم السابع", "اليوم السابع")
        == "وزير الري يشهد توقيع عقد"
    )
    assert strip_site_affix("خطة - جديدة للدعم", "اليوم السابع") == "خطة - جديدة للدعم"
    assert (
        split_tags(["طهران,تدفن,«زادة»..,وتتهم,المعارضة"], "طهران تدفن «زادة».. وتتهم المعارضة الإيرانية")
        == []
    )
    assert split_tags(["مصر, كورونا، إصابات", "#كورونا"], "عنوان") == ["مصر", "كورونا", "إصابات"]


# -- the real page ------------------------------------------------------------------------------------
def test_cnn_arabic_page_matches_its_gold(fixtures):
    folder = fixtures / "html"
    html = (folder / "cnn_arabic_2013.html").read_text(encoding="utf-8")
    gold = (folder / "cnn_arabic_2013.expected.txt").read_text(encoding="utf-8")
    (article,) = extract_html(html_page(html)).articles
    assert token_f1(gold, article.text) >= 0.97
    assert "ترحب شبكة CNN بالنقاش" not in article.text
    assert article.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert article.published == "2013-08-03"
    assert article.dateline == "دمشق"  # "دمشق، سوريا (CNN) -- ..."

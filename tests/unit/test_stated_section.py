"""The section a page states (breadcrumbs, "more in" links, wire desks, HTML metadata) is
found by extraction and wins over the classifier's guess."""

from __future__ import annotations

import json

import pytest

from marsad.enrich.sections import assign_section, classify_section
from marsad.extract import extract_page
from marsad.extract.segment import split_wire_desk
from marsad.extract.stated_section import more_in, one_topic
from marsad.model import Page
from marsad.readers.jsonl import page_from_record

# A story the classifier files under politics: a minister, a summit, a ceasefire.
BODY = (
    "أعلن وزير الخارجية في مؤتمر صحفي عقده في العاصمة اليوم أن القمة المقبلة ستبحث وقف إطلاق النار "
    "في المنطقة، مؤكدا أن الحكومة ستواصل مساعيها الدبلوماسية مع الأطراف كافة.\n\n"
    "وأضاف الوزير أن الرئيس سيلتقي نظراءه على هامش القمة لبحث العلاقات الثنائية وسبل دعم الاستقرار "
    "في المنطقة، داعيا المجتمع الدولي إلى تحمل مسؤولياته."
)


def text_page(*lines: str) -> Page:
    return Page(name="p.txt", kind="text", content="\n\n".join(lines))


def section_of(page: Page) -> str | None:
    return assign_section(extract_page(page).articles[0]).section


def test_the_body_alone_reads_as_politics():
    assert classify_section("الوزير يعلن موعد القمة", BODY) == "politics"


def test_a_breadcrumb_trail_on_a_text_page_wins():
    page = text_page("الرئيسية › اقتصاد › أسواق", "الوزير يعلن موعد القمة", BODY)
    article = extract_page(page).articles[0]
    assert article.section == "الرئيسية › اقتصاد › أسواق"
    assert assign_section(article).section == "economy"


def test_a_site_menu_naming_several_sections_is_not_the_pages_section():
    page = text_page("الرئيسية | سياسة | اقتصاد | رياضة | ثقافة | صحة", "الوزير يعلن موعد القمة", BODY)
    assert extract_page(page).articles[0].section is None
    assert section_of(page) == "politics"


def test_a_more_in_link_names_the_section():
    page = text_page("الوزير يعلن موعد القمة", BODY, "المزيد في رياضة محلية")
    assert section_of(page) == "sports"
    assert more_in("المزيد من الأخبار") is None  # "more news" names no section
    # in prose, "more in" is no link: "investing more in energy" leaves the section to the model
    prose = BODY + "\n\nوقال الوزير إن بلاده ستستثمر المزيد في الطاقة المتجددة خلال السنوات المقبلة."
    assert section_of(text_page("الوزير يعلن موعد القمة", prose)) == "politics"


def test_a_wire_desk_slug_leaves_the_headline_and_names_the_section():
    page = text_page("اقتصادي / الوزير يعلن موعد القمة", BODY)
    article = extract_page(page).articles[0]
    assert article.title == "الوزير يعلن موعد القمة"
    assert assign_section(article).section == "economy"
    # the general desk names no section: the classifier decides
    general = extract_page(text_page("عام / الوزير يعلن موعد القمة", BODY)).articles[0]
    assert general.title == "الوزير يعلن موعد القمة"
    assert assign_section(general).section == "politics"
    assert split_wire_desk("سياسة / اقتصاد") == (None, "سياسة / اقتصاد")  # not a desk word


def html(head: str = "", body_top: str = "") -> Page:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    content = (
        f'<html lang="ar"><head><meta charset="utf-8"><title>الوزير يعلن موعد القمة</title>{head}</head>'
        f"<body>{body_top}<article><h1>الوزير يعلن موعد القمة</h1>{paragraphs}</article></body></html>"
    )
    return Page(name="p.html", kind="html", content=content)


@pytest.mark.parametrize(
    ("head", "body_top", "label"),
    [
        ('<meta property="article:section" content="رياضة">', "", "sports"),
        (
            '<script type="application/ld+json">'
            + json.dumps({"@graph": [{"@type": "NewsArticle", "articleSection": ["ثقافة وفنون"]}]})
            + "</script>",
            "",
            "culture",
        ),
        ("", '<nav class="breadcrumbs"><a href="/">الرئيسية</a> <a>تكنولوجيا</a></nav>', "technology"),
    ],
)
def test_html_metadata_and_breadcrumb_elements_name_the_section(head, body_top, label):
    assert section_of(html(head, body_top)) == label


def test_html_without_a_stated_section_is_classified():
    assert section_of(html()) == "politics"


def test_a_jsonl_records_category_is_the_stated_section():
    record = {"text": f"الوزير يعلن موعد القمة\n\n{BODY}", "category": "الصحة"}
    assert section_of(page_from_record(record, "f.jsonl", 1)) == "health"


def test_one_topic_reads_trails_and_menus():
    assert one_topic("الرئيسية › رياضة › كرة القدم") == "الرئيسية › رياضة › كرة القدم"
    assert one_topic("الرئيسية / أخبار / السعودية") is None  # no section word
    assert one_topic("سياسة | اقتصاد") is None  # two sections: a menu

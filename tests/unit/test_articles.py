from marsad.extract.articles import extract_text_page
from marsad.extract.dateline import find_dateline
from marsad.extract.dates import find_date
from marsad.extract.segment import classify_line
from marsad.model import Page


def extract(path):
    return extract_text_page(Page(name=path.name, kind="text", content=path.read_text(encoding="utf-8")))


def test_aggregator_page_splits_into_main_and_embedded(fixtures):
    page = extract(fixtures / "pages" / "aggregator-two-articles.txt")
    main, embedded = page.articles
    assert main.role == "main" and embedded.role == "embedded"
    assert main.title == "ضربة جديدة للحوثيين.. انشقاق مسؤولين كبار في البيضاء"
    assert main.source == "سكاي نيوز عربية"
    assert main.published == "2018-05-12"
    assert main.tags == ["الحوثي", "اليمن", "مأرب", "البيضاء"]
    assert main.text.startswith("أعلن مدير أمن مديرية مكيراس")
    assert main.text.endswith("جبهات الساحل الغربي ومحافظة تعز.")
    assert len(main.text.split("\n")) == 5
    assert embedded.title == "قائد عسكري يعلن انشقاقه عن الحوثيين"
    assert embedded.source == "العربية"
    assert len(embedded.text.split("\n")) == 7
    assert "الرئيسية" not in main.text + embedded.text
    assert "الحقوق" not in embedded.text
    assert page.related_headlines == [
        "فرنسا: قتيلان أحدهما المهاجم في اعتداء بسكين وسط باريس",
        'إسرائيل قد تمنع  الأذان بسبب "السفارة الأميركية"',
        "3 دول تعطل إعلانا أوروبيا ينتقد نقل السفارة الأميركية للقدس",
    ]


def test_read_also_residue_inside_a_body_stays_out_of_it(fixtures):
    page = extract(fixtures / "pages" / "residue-in-body.txt")
    (article,) = page.articles
    assert article.title == "اغتصاب فتاة وحرقها حية في الهند للمرة الثالثة خلال أسبوع"
    assert article.published == "2018-05-12"
    lines = article.text.split("\n")
    assert not [line for line in lines if line.startswith(("اقرأ", "شارك", "تابعونا", "---"))]
    assert len(article.text.split("\n")) == 16
    assert page.related_headlines == [
        "احتجاجات في الهند بعد اغتصاب طفلة في كشمير",
        "مودي يدعو إلى معاقبة المغتصبين",
        "الهند تقر عقوبة الإعدام لمغتصبي الأطفال",
    ]


def test_bulleted_steps_inside_a_body_are_kept():
    body = "وأوضحت الشركة أن على المستخدمين اتباع الخطوات التالية لحذف بياناتهم من التطبيق بشكل نهائي وآمن."
    content = "\n\n".join(
        ["كيف تحذف بياناتك", body, "• انقر على الإعدادات.", "• اختر الخصوصية.", "• اضغط حذف الحساب.", body + " ثم"]
    )
    (article,) = extract_text_page(Page(name="p", kind="text", content=content)).articles
    assert "اختر الخصوصية." in article.text.split("\n")


def test_page_without_title_or_metadata_is_one_main_article():
    text = "ويقول المحللون إن الدولتين وجدتا أرضية مشتركة أخرى، مع عزلتهما بشكل متزايد بسبب العقوبات العالمية."
    page = extract_text_page(Page(name="p", kind="text", content=text + "\n\n" + text))
    (article,) = page.articles
    assert article.title is None and article.source is None and article.tags == []


def test_source_page_metadata_fills_gaps():
    text = "ويقول المحللون إن الدولتين وجدتا أرضية مشتركة أخرى، مع عزلتهما بشكل متزايد بسبب العقوبات العالمية."
    page = Page(name="p", kind="text", content=text, source="واس", date="2015-07-21 02:51:32", url="u")
    (article,) = extract_text_page(page).articles
    assert (article.source, article.published, article.url) == ("واس", "2015-07-21", "u")


def test_datelines():
    assert find_dateline("أنقرة (زمان التركية) – التقى الرئيس التركي") .place == "أنقرة"
    assert find_dateline("أنقرة (زمان التركية) – التقى الرئيس التركي").outlet == "زمان التركية"
    assert find_dateline("القاهرة - أ ش أ: أعلنت وزارة الصحة").outlet == "أ ش أ"
    assert find_dateline("دمشق (رويترز) - قال مسؤول").place == "دمشق"
    assert find_dateline("وقال (المسؤول) - إن") is None
    assert find_dateline("أعلنت وزارة الصحة اليوم أن") is None


def test_dates_in_arabic_forms():
    assert find_date("الأربعاء 25 يونيو 2025") == "2025-06-25"
    assert find_date("3 كانون الثاني/ يناير 2022") == "2022-01-03"
    assert find_date("نشر في 2024/02/29 الساعة 10") == "2024-02-29"
    assert find_date("٢٥/٠٦/٢٠٢٥") == "2025-06-25"
    assert find_date("12 جوان 2019") == "2019-06-12"
    assert find_date("31/02/2024") is None
    assert find_date("لا تاريخ هنا") is None


def test_line_roles():
    assert classify_line("المصدر: عربي21") == "source"
    assert classify_line("*نقلاً عن \"الشروق\" المصرية") == "source"
    assert classify_line("إقرأ أيضاً:") == "read_also"
    assert classify_line("مقالات مشابهة") == "read_also"
    assert classify_line("للمزيد: ماكرون وترامب يريدان اتفاقا نوويا جديدا مع إيران") == "related_inline"
    assert classify_line("• روسيا: إسطنبول لا تزال المنصة الرئيسية") == "bullet"
    assert classify_line("جميع الحقوق محفوظة © 2024") == "boilerplate"
    assert classify_line("** جميع المقالات المنشورة تمثل رأي كتابها فقط.") == "boilerplate"
    assert classify_line("الرئيسية أخبار سياسة اقتصاد رياضة") == "navigation"
    assert classify_line("ماذا دار في أول لقاء بين أردوغان وترامب؟") == "short"

from marsad.extract.articles import extract_text_page
from marsad.extract.dateline import find_dateline
from marsad.extract.dates import find_date
from marsad.extract.segment import classify_line
from marsad.model import Page


def extract(path):
    return extract_content(path.read_text(encoding="utf-8"), path.name)


def extract_content(content: str, name: str = "page.txt"):
    return extract_text_page(Page(name=name, kind="text", content=content))


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


def test_a_wire_agencys_revision_note_leaves_the_headline():
    body = "الرياض 15 شوال 1436 هـ واس أكد وزير الخارجية في مؤتمر صحفي حرص المملكة على علاقاتها مع جيرانها."
    for note in (" / إضافة أولى واخيرة", "   إضافة ثانية", " (إضافة ثالثة وأخيرة)"):
        page = extract_content(f"وزير الخارجية يعقد مؤتمرا صحفيا مع نظيره{note}\n\n{body}\n")
        assert page.articles[0].title == "وزير الخارجية يعقد مؤتمرا صحفيا مع نظيره"
    # in running words, "إضافة" belongs to the headline
    page = extract_content(f"مجلس الوزراء يقر إضافة ثانية للميزانية\n\n{body}\n")
    assert page.articles[0].title == "مجلس الوزراء يقر إضافة ثانية للميزانية"


def test_a_wire_agencys_dateline_line_is_no_headline():
    body = (
        "يواصل مهرجان تمور بريدة فعالياته وأنشطته من خلال عمليات البيع والشراء اليومية والفعاليات التراثية "
        "والثقافية والتوعوية بمركز النخلة داخل السوق، إضافة للمعارض المشاركة بالمهرجان."
    )
    for agency in (" واس", "", "واس"):  # apart, missing, glued to the "م"
        dateline = f"بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م{agency}"
        page = extract_content(f"عام / مهرجان تمور بريدة يواصل فعالياته\n\n{dateline}\n\n{body}\n")
        (article,) = page.articles
        assert article.title == "مهرجان تمور بريدة يواصل فعالياته"
        assert (article.dateline, article.published) == ("بريدة", "2015-08-10")
        assert article.source == ("واس" if agency else None)
        assert article.text == body


def test_a_reporters_name_in_a_byline_is_neither_place_nor_outlet():
    body = "صرح المتحدث باسم وزارة الصحة بأن درجات الحرارة وصلت إلى 47 درجة مئوية في بعض المناطق اليوم."
    page = extract_content(f"وفاة 21 شخصا نتيجة ارتفاع الحرارة\n\nحنان خواسك – عين اليوم\n\n{body}\n")
    (article,) = page.articles
    assert (article.dateline, article.source) == (None, "عين اليوم")
    # a given name the list lacks, with a family name in "ال...ي"
    page = extract_content(f"وفاة 21 شخصا نتيجة ارتفاع الحرارة\n\nسلوى المدني – عين اليوم\n\n{body}\n")
    assert (page.articles[0].dateline, page.articles[0].source) == (None, "عين اليوم")
    # places of two words stay places: a place and its side, a place with the article
    for place in ("الحد الجنوبي", "جازان الشمالي", "حفر الباطن"):
        page = extract_content(f"وفاة 21 شخصا نتيجة ارتفاع الحرارة\n\n{place} – واس\n\n{body}\n")
        assert (page.articles[0].dateline, page.articles[0].source) == (place, "واس")
    # reporter first, then the place: the place is the dateline
    (article,) = extract_content(f"كريري يغادر للمملكة\n\nمنيف الشهراني – الرياض\n\n{body}\n").articles
    assert article.dateline == "الرياض"


def test_bulleted_steps_inside_a_body_are_kept():
    body = "وأوضحت الشركة أن على المستخدمين اتباع الخطوات التالية لحذف بياناتهم من التطبيق بشكل نهائي وآمن."
    content = "\n\n".join(
        ["كيف تحذف بياناتك", body, "• انقر على الإعدادات.", "• اختر الخصوصية.", "• اضغط حذف الحساب.", body + " ثم"]
    )
    (article,) = extract_content(content).articles
    assert "اختر الخصوصية." in article.text.split("\n")


def test_page_without_title_or_metadata_is_one_main_article():
    text = "ويقول المحللون إن الدولتين وجدتا أرضية مشتركة أخرى، مع عزلتهما بشكل متزايد بسبب العقوبات العالمية."
    page = extract_content(text + "\n\n" + text)
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


def test_a_reporters_byline_in_dateline_form_names_no_place():
    byline = find_dateline("خالد الغامدي – عين اليوم: أعلنت وزارة الصحة")
    assert byline is not None and byline.place is None and byline.outlet == "عين اليوم"
    reporter_then_place = find_dateline("خالد الغامدي – جدة: أعلنت الأمانة")
    assert reporter_then_place.place == "جدة" and reporter_then_place.outlet is None
    # Places whose first word is also a given name stay places.
    assert find_dateline("سيدي بوزيد (رويترز) - قال مسؤول").place == "سيدي بوزيد"
    assert find_dateline("الرياض – واس: أعلن").place == "الرياض"


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


# A rendered page, built here from invented lines: chrome above and below a three-paragraph story.
PARAGRAPHS = [
    "أعلنت وزارة الزراعة اليوم عن خطة وطنية جديدة لدعم صغار المزارعين في المناطق الريفية، تشمل قروضا ميسرة وبذورا محسنة.",
    "وقال الوزير في مؤتمر صحفي إن الخطة ستنفذ على ثلاث مراحل تبدأ مطلع العام المقبل وتستمر حتى نهاية العقد الحالي.",
    "وأضاف أن الحكومة خصصت ميزانية كبيرة للمشروع بالتعاون مع عدد من المنظمات الدولية المعنية بالأمن الغذائي في المنطقة.",
]
HEADLINE = "الحكومة تطلق خطة لدعم صغار المزارعين في الأرياف"
TEASER = "وزير الاقتصاد يبحث مع وفد من رجال الأعمال سبل تعزيز الاستثمار في قطاع الصناعات الغذائية والزراعية المحلية خلال المرحلة"


def _rendered_page() -> str:
    lines = [
        f"{HEADLINE} - Example News",  # the <title> element: headline and the site's Latin name
        "الرئيسية",
        "أخبار",
        "رياضة",
        # A long menu without separators, as HTML rendering leaves them.
        "سياسة اقتصاد رياضة ثقافة فنون منوعات صحة تكنولوجيا سيارات سياحة طقس مقالات رأي فيديو صور بودكاست",
        "اتصل بنا",
        "من نحن",
        "English",
        HEADLINE,
        "2024-03-05",
        *PARAGRAPHS,
        "خدمة الأخبار العاجلة | النشرة البريدية | RSS | تطبيق الهاتف المحمول | Twitter",
        "نرحب بتعليقاتكم، ونذكر بأن جميع المشاركات تخضع لشروط الاستخدام وسياسة الخصوصية في الموقع ويمكن نشرها مع اسمك.",
        "الأكثر قراءة",
        "مقتل ثلاثة في حادث سير على الطريق الدولي",
        "ارتفاع أسعار الذهب في الأسواق المحلية",
        "إطلاق مهرجان المسرح العربي في دورته الجديدة",
        "اقتصاد",
        "2024-03-04",
        TEASER,
        "اقتصاد",
        "2024-03-04",
        TEASER,
        "محليات",
        "2024-03-03",
        TEASER + " الجديدة",
    ]
    return "\n".join(lines)


def test_rendered_page_chrome_stays_out_of_the_story():
    page = extract_content(_rendered_page())
    (article,) = page.articles
    assert article.title == HEADLINE
    assert article.text.split("\n") == PARAGRAPHS
    assert article.published == "2024-03-05"
    assert page.related_headlines == []  # a "most read" list is the site's, not the story's


def test_card_style_related_list_keeps_headlines_only():
    cards = []
    heads = ["تعرف على أفضل الوجهات السياحية لهذا الصيف", "خبراء يحذرون من موجة حر غير مسبوقة"]
    for head in heads:
        cards += ["منوعات", "2024-03-01", head, "منوعات", "2024-03-01", head]
    content = "\n".join([HEADLINE, *PARAGRAPHS, "مقالات ذات صلة", "0", *cards])
    page = extract_content(content)
    assert page.related_headlines == heads
    assert page.articles[0].text.split("\n") == PARAGRAPHS


def test_classify_line_recognises_pipe_menus_and_policy_notices():
    assert classify_line("خدمة آخر خبر للرسائل النصية | RSS | شاشة الهاتف المحمول | Twitter | Facebook") == "navigation"
    notice = "ترحب الصحيفة بالنقاش المفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها ننصحك بقراءة شروط الاستخدام جيدا."
    assert classify_line(notice) == "boilerplate"
    assert classify_line("الأكثر تصفحاً") == "popular"
    # One cue alone is ordinary news prose.
    assert classify_line("وقالت الشركة إن سياسة الخصوصية الجديدة ستدخل حيز التنفيذ الشهر المقبل في جميع الدول.") == "body"


def test_trailing_teaser_leads_of_other_stories_are_trimmed():
    from marsad.extract.articles import without_teaser_leads

    own = [
        "أعلن وزير المالية، الخميس، عن خفض أسعار الفائدة بنسبة نصف نقطة مئوية لدعم النمو.",
        "وقال الوزير إن القرار يأتي في إطار خطة شاملة لتحفيز الاقتصاد خلال العام الجاري.",
    ]
    teasers = [
        "أكد رئيس الوزراء، الأحد، أن الحكومة ماضية في تنفيذ برنامج الإصلاح الاقتصادي.",
        "نفت وزارة الخارجية، الإثنين، صحة الأنباء المتداولة حول إغلاق السفارة.",
        "كشف مصدر مسؤول عن تفاصيل جديدة بشأن صفقة الغاز المرتقبة مع دول الجوار.",
    ]
    assert without_teaser_leads(own + teasers) == own
    # An article's own closing paragraphs carry connectives or no weekday: nothing is cut.
    assert without_teaser_leads(own + teasers[2:]) == own + teasers[2:]
    closing = ["وأضاف أن الحكومة، الأحد، بدأت التنفيذ.", "وتابع أن النتائج، الإثنين، كانت إيجابية.", teasers[2]]
    assert without_teaser_leads(own + closing) == own + closing


def test_a_reporter_outlet_and_place_opening_gives_the_place_and_the_outlet():
    cases = {
        "فهد المنجومي- سبق- مكة المكرمة: أعلنت الأمانة": ("مكة المكرمة", "سبق"),
        "زيد الخمشي - الرياض - سبق: أعلنت الأمانة": ("الرياض", "سبق"),
        "سبق - عدن - تصوير : وصلت القافلة": ("عدن", "سبق"),
        # no known place: the reporter first, so the order reporter, outlet, place decides
        "بندر آل عوض- سبق- بدر الجنوب: أعلنت البلدية": ("بدر الجنوب", "سبق"),
    }
    for opening, expected in cases.items():
        found = find_dateline(opening)
        assert found is not None and (found.place, found.outlet) == expected, opening
    # three dashed phrases with neither a reporter nor a known place are prose
    assert find_dateline("قدر الله - سبحانه وتعالى - أن يلتقيا: وكان ذلك") is None


def test_city_country_outlet_datelines():
    found = find_dateline("دبي، الإمارات العربية المتحدة (CNN)— قال المتحدث إن الاجتماع انتهى.")
    assert found is not None and (found.place, found.outlet) == ("دبي", "CNN")
    found = find_dateline("نيويورك، الولايات المتحدة الأمريكية (CNN)-- أعلنت الشركة أمس عن نتائجها.")
    assert found is not None and found.place == "نيويورك"
    assert find_dateline("وقال الوزير، في مؤتمر صحفي (أمس) - إن الخطة جاهزة.") is None


def test_an_outlet_written_before_the_place_is_read_the_right_way_round():
    found = find_dateline("سبق- أبها: أعاد ملتقى ليالي أبها الرمضانية ذاكرة أهالي المدينة.")
    assert found is not None and (found.place, found.outlet) == ("أبها", "سبق")
    found = find_dateline("الرياض – واس: قال المتحدث إن الاجتماع انتهى.")
    assert found is not None and (found.place, found.outlet) == ("الرياض", "واس")


def test_the_byline_nearest_the_body_wins_over_breadcrumbs_and_outlet_date_lines():
    content = "\n".join(
        [
            "الرئيسية / اقتصاد",
            "وكالة الأنباء - 5 أكتوبر 2018",
            HEADLINE,
            "أبوظبي - سكاي نيوز عربية",
            *PARAGRAPHS,
        ]
    )
    (article,) = extract_content(content).articles
    assert (article.dateline, article.source) == ("أبوظبي", "سكاي نيوز عربية")
    assert article.published == "2018-10-05"
    assert article.title == HEADLINE


def test_source_lines_with_a_dash_and_outlet_date_lines_name_the_source():
    for source_line, expected in [("المصدر - العربية", "العربية"), ("المصدر: رويترز", "رويترز")]:
        content = "\n".join([HEADLINE, *PARAGRAPHS, source_line])
        (article,) = extract_content(content).articles
        assert article.source == expected
    content = "\n".join([HEADLINE, "وكالة المستقبل، 11 أبريل 2018", *PARAGRAPHS])
    (article,) = extract_content(content).articles
    assert (article.source, article.published) == ("وكالة المستقبل", "2018-04-11")
    # A weekday or a city before the date is no outlet.
    for line in ["الخميس، 11 أبريل 2018", "القاهرة، 11 أبريل 2018"]:
        content = "\n".join([HEADLINE, line, *PARAGRAPHS])
        (article,) = extract_content(content).articles
        assert article.source is None and article.published == "2018-04-11"


def test_long_date_lines_and_breadcrumbs_are_never_the_headline():
    for chrome in ["آخر تحديث: السبت 11 أغسطس 2018 - 12:16 بتوقيت مكة", "الرئيسية › اقتصاد"]:
        content = "\n".join([chrome, HEADLINE, *PARAGRAPHS])
        (article,) = extract_content(content).articles
        assert article.title == HEADLINE
    assert classify_line("آخر تحديث: السبت 11 أغسطس 2018 - 12:16 بتوقيت مكة") == "date"
    assert classify_line("الرئيسية / أخبار / العالم") == "navigation"
    assert classify_line("روسيا: عضوية دول البلقان في الناتو تهدد أمن المنطقة") == "short"


def test_an_embedded_article_keeps_the_date_set_between_the_marker_and_its_headline():
    embedded_body = [
        "أنقرة (الأناضول) – أعلنت وزارة الصحة عن افتتاح مستشفى جديد في العاصمة بطاقة ثلاثمئة سرير.",
        "وقال الوزير إن المستشفى سيخدم أكثر من مليون مواطن في المناطق المحيطة بالعاصمة.",
    ]
    content = "\n".join(
        [HEADLINE, "2024-03-05", *PARAGRAPHS, "اقرأ أيضا:", "تاريخ النشر: 2024/02/01 07:50",
         "افتتاح مستشفى جديد في العاصمة", *embedded_body]
    )
    main, embedded = extract_content(content).articles
    assert (main.published, embedded.published) == ("2024-03-05", "2024-02-01")
    assert embedded.title == "افتتاح مستشفى جديد في العاصمة" and embedded.text.split("\n") == embedded_body


def test_moroccan_month_names():
    assert find_date("7 يوليوز 2018") == "2018-07-07"
    assert find_date("17 غشت 2018") == "2018-08-17"
    assert find_date("3 دجنبر 2019") == "2019-12-03"


def test_a_dated_headline_after_read_also_opens_an_article_without_a_dateline():
    embedded_body = [
        "وافق مجلس الوزراء في جلسة خاصة على مشروع الموازنة العامة للعام المقبل دون اقتراض جديد.",
        "وقالت الحكومة إن الموازنة تتضمن استثمارات كبيرة في قطاعات التعليم والنقل والطاقة المتجددة.",
    ]
    content = "\n".join([HEADLINE, *PARAGRAPHS, "اقرأ أيضا:", "الحكومة تقر موازنة بلا ديون", "7 يوليوز 2018", *embedded_body])
    main, embedded = extract_content(content).articles
    assert main.text.split("\n") == PARAGRAPHS
    assert (embedded.title, embedded.published) == ("الحكومة تقر موازنة بلا ديون", "2018-07-07")
    assert embedded.text.split("\n") == embedded_body


def test_related_list_with_numbers_times_and_footer_keeps_only_headlines():
    heads = ["تفاصيل خلاف حول تصنيف الحزب منظمة إرهابية", "أسير يعترف بتلقي دورات ثقافية في الخارج"]
    content = "\n".join(
        [HEADLINE, *PARAGRAPHS, "روابط ذات صلة", f"1- {heads[0]}", "منذ 5 ساعات", f"2- {heads[1]}", "أمس",
         "تعليقات (0)", "Powered by WordPress", "العودة للأعلى"]
    )
    page = extract_content(content)
    assert page.related_headlines == heads
    assert page.articles[0].text.split("\n") == PARAGRAPHS


def test_a_line_of_hashtags_is_the_tags():
    content = "\n".join([HEADLINE, *PARAGRAPHS, "#اليمن #الشرق_الأوسط", "المصدر: العربية"])
    (article,) = extract_content(content).articles
    assert article.tags == ["اليمن", "الشرق الأوسط"] and article.source == "العربية"
    assert classify_line("#اليمن") == "tags"
    assert classify_line("وانتشر وسم #اليمن على مواقع التواصل خلال الساعات الماضية") != "tags"


def test_a_hashtag_between_paragraphs_stays_in_the_text():
    content = "\n".join([HEADLINE, PARAGRAPHS[0], "#الزراعة", *PARAGRAPHS[1:], "#المزارعين #الريف"])
    (article,) = extract_content(content).articles
    assert article.text.split("\n") == [PARAGRAPHS[0], "#الزراعة", *PARAGRAPHS[1:]]
    assert article.tags == ["المزارعين", "الريف"]


def test_quotes_around_a_whole_source_go_but_quotes_inside_one_stay():
    for line, expected in [('المصدر: "عربي21"', "عربي21"), ('المصدر: "الحياة" اللندنية', '"الحياة" اللندنية')]:
        content = "\n".join([HEADLINE, *PARAGRAPHS, line])
        (article,) = extract_content(content).articles
        assert article.source == expected


def test_an_opinion_headline_ending_in_exclamation_is_the_title():
    title = "الاتفاق النووي الإيراني.. نصر أم رضوخ؟!"
    (article,) = extract_content("\n".join([title, *PARAGRAPHS])).articles
    assert article.title == title and article.text.split("\n") == PARAGRAPHS


def test_character_references_a_scraper_left_in_a_text_dump_are_decoded():
    body = (
        "توّج النجم السعودي الواعد للتنس سعود الحقباني بكأس السوبر الأمريكية"
        " بعد فوزه في المباراة النهائية على منافسه."
    )
    page = extract_content(f"&quot;الحقباني&quot; يعايد وطنه بكأس السوبر\n\n{body} شركة AT&T &copy\n")
    article = page.articles[0]
    assert article.title == '"الحقباني" يعايد وطنه بكأس السوبر'
    # only whole references: a bare ampersand or a reference without its semicolon stays
    assert "AT&T &copy" in article.text

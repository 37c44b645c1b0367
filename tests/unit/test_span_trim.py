from marsad.enrich.span_trim import (
    add_accusative_currencies,
    is_nationality,
    trim_spans,
    with_ali_after_title,
    without_non_names,
)


def test_titles_leave_a_person_and_a_person_of_titles_alone_goes():
    tokens = ["بعث", "محمد", "بن", "سلمان", "ولي", "العهد", "برقية", "وقال", "سمو", "ولي"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "I-PER", "I-PER", "O", "O", "O", "O", "O", "O"]
    tokens = ["ووصلت", "البعثة", "بحمد", "الله", "واعتقل", "أشقاء", "مهدي"]  # a formula; kin
    tags = ["O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "O", "O", "B-PER"]
    tokens = ["واستعرض", "حرس", "الشرف"]  # a guard is no person
    assert trim_spans(tokens, ["O", "B-PER", "I-PER"]) == ["O", "B-ORG", "I-ORG"]
    tokens = ["النقيب", "محمد", "أمين", "الحبشي", "معاون", "مباحث"]  # an assistant's title
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O"])[4] == "O"
    for family in ("الشيخ", "السلطان", "الأمين"):  # family names, not titles
        assert trim_spans(["قال", "محمد", family], ["O", "B-PER", "I-PER"]) == ["O", "B-PER", "I-PER"]


def test_lone_nationality_adjectives_are_untagged_but_places_and_persons_stay():
    tokens = ["رئيس", "الوزراء", "اليوناني", "وأميرة", "سعودية", "والسعودية", "المصري", "الأمم", "المتحدة"]
    tags = ["O", "O", "B-ORG", "O", "B-LOC", "B-LOC", "B-PER", "B-ORG", "I-ORG"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "O", "B-LOC", "B-PER", "B-ORG", "I-ORG"]
    assert is_nationality("الإيرانية") and not is_nationality("والسعودية") and not is_nationality("مصر")


def test_a_lone_word_for_a_kind_of_place_is_untagged():
    tokens = ["سيطروا", "على", "مستودعات", "بريف", "دمشق", "في", "جنوب", "أفريقيا"]
    tags = ["O", "O", "O", "B-LOC", "B-LOC", "O", "B-LOC", "I-LOC"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "B-LOC", "O", "B-LOC", "I-LOC"]
    assert trim_spans(["منطقة"], ["B-ORG"]) == ["B-ORG"]  # only places are trimmed so


def test_a_verb_of_saying_in_front_of_a_person_leaves_the_span():
    tokens = ["وروى", "آيدين", "أن", "الفكرة", "بدأت", "وقالت", "سارة"]
    tags = ["B-PER", "I-PER", "O", "O", "O", "B-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "O", "O", "O", "B-PER", "O"]  # a lone word stays


def test_a_title_after_an_organisation_leaves_it():
    tokens = ["مجلس", "التنمية", "السياحية", "المهندس", "محمد", "العمرة"]
    tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER"]


def test_a_month_made_a_date_is_no_name_and_a_time_word_leaves_a_name():
    tokens = ["في", "شعبان", "الماضي", "زار", "رمضان", "محمد"]
    tokens += ["القمة", "العربية", "المقبلة", "يونيو", "المقبل"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "B-MISC", "I-MISC", "O", "B-MISC", "I-MISC"]
    expected = ["O", "O", "O", "O", "B-PER", "I-PER", "B-MISC", "I-MISC", "O", "O", "O"]
    assert trim_spans(tokens, tags) == expected
    assert trim_spans(["سيف", "برس"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]  # not ب + "الرس"
    assert trim_spans(["مارك", "بونسان"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]  # not in Wonsan
    governor = ["أحمد", "الصغير", "محافظ", "خيبر"]
    assert trim_spans(governor, ["B-PER", "I-PER", "I-PER", "B-LOC"]) == ["B-PER", "I-PER", "O", "B-LOC"]


def test_royal_titles_stay_in_the_names_of_cups_and_universities():
    tokens = ["بطولة", "كأس", "ولي", "العهد", "في", "جامعة", "الملك", "سعود"]
    tags = ["B-MISC", "I-MISC", "I-MISC", "I-MISC", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert trim_spans(tokens, tags) == tags
    assert trim_spans(["كأس", "الملك"], ["B-MISC", "I-MISC"]) == ["B-MISC", "I-MISC"]


def test_a_blessing_after_a_name_leaves_it():
    tokens = ["الرئيس", "عبدالفتاح", "السيسي", "حفظه", "الله", "رئيس"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "I-PER", "O", "O", "O"]


def test_kin_before_a_person_and_a_dangling_preposition_after_a_name_leave_the_span():
    tokens = ["اعتقل", "شقيق", "عبد", "السلام", "وقال", "محمد", "لـ", "الصحيفة"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER", "I-PER", "O", "B-PER", "O", "O"]
    assert trim_spans(["محمد", "بن", "سلمان"], ["B-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "I-PER"]


def test_a_place_joined_to_an_adjective_by_and_is_an_adjective():
    tokens = "قصفت طائرات روسية وسورية مواقع".split()
    assert trim_spans(tokens, ["O", "O", "O", "B-LOC", "O"]) == ["O"] * 5
    tokens = "قصفت طائرات سورية وروسية مواقع".split()
    assert trim_spans(tokens, ["O", "O", "B-LOC", "O", "O"]) == ["O"] * 5
    # Two places joined by و stay places.
    tokens = "زار روسيا وسورية أمس".split()
    assert trim_spans(tokens, ["O", "B-LOC", "B-LOC", "O"]) == ["O", "B-LOC", "B-LOC", "O"]


def test_a_person_span_that_names_an_organisation_becomes_one():
    tokens = "قال مدير لأمانة جازان طارق الرفاعي إن".split()
    tags = ["O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-ORG", "I-ORG", "B-PER", "I-PER", "O"]
    tokens = "وقال مدير بمستشفى الأفلاج خالد الحامد".split()
    tags = ["O", "O", "B-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-ORG", "I-ORG", "B-PER", "I-PER"]
    tokens = "رعاية مجموعة بن زومة للحفل".split()
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "O"]) == ["O", "B-ORG", "I-ORG", "I-ORG", "O"]
    tokens = "شركة عبدالله هاشم المحدودة تعلن".split()
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "O"]) == ["O", "B-ORG", "I-ORG", "I-ORG", "O"]


def test_a_title_between_an_organisation_and_a_person_belongs_to_neither():
    tokens = "في جامعة الباحة الشيخ سعيد العنقري أن".split()
    tags = ["O", "B-ORG", "I-ORG", "I-ORG", "B-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O"]
    tokens = "مؤسسة آل الشيخ محمد".split()  # a family name inside the organisation's
    assert trim_spans(tokens, ["B-ORG", "I-ORG", "I-ORG", "B-PER"]) == ["B-ORG", "I-ORG", "I-ORG", "B-PER"]


def test_a_plural_word_for_places_alone_is_untagged():
    assert trim_spans("حكام الولايات أمروا".split(), ["O", "B-LOC", "O"]) == ["O", "O", "O"]


def test_a_title_after_a_bare_head_noun_stays_in_the_organisation():
    tokens = "جامعة الأمير محمد بن فهد تفتح".split()
    tags = ["B-ORG", "I-ORG", "B-PER", "I-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == tags


def test_a_title_or_honorific_in_front_of_a_person_leaves_the_span():
    tokens = "وأوضح المهندس الفارس أن".split()
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "O", "B-PER", "O"]
    tokens = "قال الرئيس فلاديمير بوتين".split()
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER"]) == ["O", "O", "B-PER", "I-PER"]
    # a title that is also a family name leaves the front of a span, not its end
    tokens = "استقبل الأمير فيصل بن خالد".split()
    untitled = ["O", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "I-PER"]) == untitled
    tokens = "وقال محمد الشيخ إن".split()
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "I-PER", "O"]
    # alone, after an honorific, it names no one: "وسمو [الشيخ] [راشد بن محمد]"
    tokens = "وسمو الشيخ راشد بن محمد".split()
    assert trim_spans(tokens, ["B-PER", "I-PER", "B-PER", "I-PER", "I-PER"]) == untitled


def test_a_name_spelt_like_a_verb_of_saying_stays_in_the_span():
    tokens = "وانتقد روي هودسون القرار".split()
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "I-PER", "O"]
    tokens = "وروى آيدين القصة".split()
    assert trim_spans(tokens, ["B-PER", "I-PER", "O"]) == ["O", "B-PER", "O"]


def test_words_with_tanween_end_no_name():
    tokens = ["نشروا", "زيفاً", "أن", "سعر", "دولاراً", "في", "وإعلانهم", "حربًا", "على", "الإرهاب"]
    tags = ["O", "B-PER", "O", "O", "B-MISC", "O", "O", "B-MISC", "I-MISC", "I-MISC"]
    assert trim_spans(tokens, tags) == ["O"] * len(tokens)
    assert trim_spans(["زيفًا"], ["B-PER"]) == ["O"]  # tanween written before the alef
    assert trim_spans(["بيروت"], ["B-LOC"]) == ["B-LOC"]


def test_formulae_of_blessing_after_the_prophets_name_leave_it():
    tokens = ["النبي", "محمد", "صلوات", "الله", "عليه", "وعمر", "بن", "الخطاب", "رضي", "الله", "عنه"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "O", "O", "O", "B-PER", "I-PER", "I-PER", "O", "O", "O"]


def test_a_festival_or_prize_opening_a_person_span_is_misc_whole():
    tokens = ["انطلق", "مهرجان", "بريدة", "للتمور", "وتسلم", "جائزة", "الملك", "فيصل"]
    tags = ["O", "B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-MISC", "I-MISC", "O", "O", "B-MISC", "I-MISC", "I-MISC"]


def test_in_a_known_place_after_a_name_leaves_it():
    tokens = ["مستشفى", "الملك", "فهد", "بالهفوف", "وزار", "خالد", "العتيبي", "ببريدة", "ومحمد", "بريدة"]
    tags = ["O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "B-PER", "I-PER"]
    expected = ["O", "O", "B-PER", "O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]  # "بريدة" may be a name
    assert trim_spans(tokens, tags) == expected
    assert trim_spans(["سيف", "برس"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]  # not ب + "الرس"
    assert trim_spans(["مارك", "بونسان"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]  # not in Wonsan


def test_a_cousin_a_lone_blessing_and_a_joined_honorific_are_no_names():
    tokens = ["وعزى", "ابن", "خالة", "فيصل", "البيشي", "ابن", "خلدون", "صلى", "الله", "عليه", "وسلم"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "B-PER", "I-PER", "B-PER", "I-PER", "O", "O"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "B-PER", "I-PER", "B-PER", "I-PER", "O", "O", "O", "O"]
    tokens, tags = ["سلمان", "بن", "عبدالعزيز", "وسمو", "ولي"], ["B-PER", "I-PER", "I-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == ["B-PER", "I-PER", "I-PER", "O", "O"]


def test_a_pronoun_ends_no_name_and_a_lone_name_prefix_is_no_place():
    tokens = ["التقط", "فيصل", "وهو", "صورة", "في", "سان", "وفي", "سان", "جوزيه"]
    tags = ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "B-LOC", "I-LOC"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "O", "O", "O", "O", "O", "B-LOC", "I-LOC"]


def test_a_peoples_adjective_with_the_article_leaves_a_persons_front():
    tokens = ["ضم", "الكولومبي", "راداميل", "فالكاو", "وقال", "تركي", "الفيصل"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]


def test_a_span_ends_on_no_particle_and_a_person_on_no_word_with_li_and_the_article():
    tokens = ["الاتحاد", "ابن", "جامعة", "الملك", "عبدالعزيز", "للعلوم", "والتقنية"]
    tags = ["B-ORG", "I-ORG", "O", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["B-ORG", "O", "O", "O", "B-PER", "O", "O"]


def test_a_given_name_after_a_family_name_opens_a_second_person():
    tokens = ["بحضور", "جميل", "البقعاوي", "ماجد", "الحقيل", "وعلي", "الحسن", "محمد", "الزهراني"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "B-PER", "I-PER", "I-PER", "I-PER"]
    expected = ["O", "B-PER", "I-PER", "B-PER", "I-PER", "B-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == expected  # "الحسن" is a given name too: one person
    assert trim_spans(["محمد", "الخطيب", "ماجد"], ["B-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "I-PER"]
    # compound given names, then the father's
    for one in (["صلاح", "الدين", "أحمد", "ناجي"], ["عبد", "القادر", "عبد", "الجليل"]):
        assert trim_spans(one, ["B-PER", "I-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "I-PER", "I-PER"]


def test_formulae_for_god_ranks_institution_adjectives_and_foreign_particles():
    tokens = ["المولى", "عز", "وجل", "العميد", "الركن", "فهد", "القحطاني", "مطار", "الملك", "خالد", "الدولي"]
    tags = ["B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "B-PER", "I-PER"]
    expected = ["O", "O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "O"]
    assert trim_spans(tokens, tags) == expected
    assert trim_spans(["سانتا", "كروز", "دي"], ["B-LOC", "I-LOC", "I-LOC"]) == ["B-LOC", "I-LOC", "O"]
    assert trim_spans(["قال", "عز", "الدين"], ["O", "B-PER", "I-PER"]) == ["O", "B-PER", "I-PER"]


def test_a_person_span_with_li_allah_is_a_formula():
    assert trim_spans(["ولله", "الحمد"], ["B-PER", "I-PER"]) == ["O", "O"]
    assert trim_spans(["جبر", "الله"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]


def test_to_a_place_and_public_end_a_person():
    tokens = ["انضم", "غابرييل", "باليتا", "لميلان", "مكتبة", "الملك", "عبدالعزيز", "العامة"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "I-PER", "O", "O", "O", "B-PER", "O"]


def test_occupations_lead_no_name_and_organisations_end_before_a_doctor_or_the_next_one():
    tokens = ["الفنان", "عبدالله", "الرويشد", "و", "الشهيد", "السبيعي", "الله", "عز", "وجل"]
    tags = ["B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "B-MISC", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "I-PER", "O", "O", "B-PER", "B-MISC", "O", "O"]
    tokens = ["جامعة", "أكسفورد", "الدكتور", "ريشرد", "مستشفى", "الدكتور", "سليمان", "الحبيب"]
    tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    assert trim_spans(tokens, tags) == ["B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    tokens = ["المنظمة", "الدولية", "للهجرة", "ومنظمة", "مدينة", "الملك", "فهد", "الرياضية"]
    tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-PER", "O"]
    assert trim_spans(["سوق", "الجمعة"], ["B-LOC", "I-LOC"]) == ["B-LOC", "I-LOC"]  # a market's name
    tokens = ["جامعة", "الإمام", "محمد", "بن", "سعود", "الإسلامية"]
    tags = ["O", "O", "B-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER", "I-PER", "I-PER", "O"]


def test_function_words_leave_the_ends_of_a_span_and_a_span_of_them_goes():
    tokens = ["وقال", "لدى", "كوتش", "ستيوارت", "إن", "بيروت", "في", "أكد", "بأن", "يونايتد"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "B-PER", "B-ORG"]
    trimmed = trim_spans(tokens, tags)
    assert trimmed == ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "B-ORG"]


def test_function_words_stay_in_titles_spelt_letters_and_after_a_name_particle():
    tokens = ["برنامج", "«", "مع", "نور", "»", "موقع", "سي", "إن", "إن", "السيد", "محمد", "أبو", "بها"]
    tags = ["O", "O", "B-MISC", "I-MISC", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == tags


def test_kin_with_a_pronoun_and_titles_without_the_article_open_no_name():
    tokens = ["اتهم", "ابنتيه", "دالما", "وحضر", "دكتور", "محمود", "فهمي", "و", "نقيب", "عبدالإله", "الجابري"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    trimmed = trim_spans(tokens, tags)
    assert trimmed == ["O", "O", "B-PER", "O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "I-PER"]


def test_a_peoples_adjective_with_wa_and_the_article_opens_no_name():
    tokens = ["الثلاثي", "الفنزويلي", "ريفاس", "والغانيين", "مونتاري"]
    tags = ["O", "O", "B-PER", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER", "O", "B-PER"]


def test_good_conduct_phrases_titles_with_wa_and_numbers_name_nothing():
    tokens = ["مبادئ", "وحسن", "الجوار", "وولي", "العهد", "الدور", "6", "حسن", "نصر", "الله"]
    tags = ["O", "B-PER", "I-PER", "B-PER", "O", "O", "B-LOC", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O"] * 7 + ["B-PER", "I-PER", "I-PER"]


def test_a_span_does_not_end_on_the_particle_walad():
    tokens = ["محمد", "يوسف", "عبد", "العزيز", "ولد", "في", "الكويت", "محمد", "ولد", "عبد", "العزيز"]
    tags = ["B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O", "B-LOC", "B-PER", "I-PER", "I-PER", "I-PER"]
    expected = ["B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "B-LOC", "B-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == expected


def test_spans_added_after_the_trim_that_name_nothing_go():
    tokens = ["مبادئ", "حسن", "الجوار", "و", "حسن", "نصر", "الله"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    assert without_non_names(tokens, tags) == ["O", "O", "O", "O", "B-PER", "I-PER", "I-PER"]


def test_titles_with_a_proclitic_the_body_and_prayers_for_the_dead_leave_a_person():
    tokens = ["اعتزازهم", "بالشهيد", "ممدوح", "وشيعوا", "جثمان", "الشريف"]
    tokens += ["الملك", "عبدالعزيز", "طيب", "الله"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    trimmed = trim_spans(tokens, tags)
    assert trimmed == ["O", "O", "B-PER", "O", "O", "B-PER", "O", "B-PER", "O", "O"]


def test_age_is_no_name_and_an_institution_adjective_leaves_the_first_of_two_glued_people():
    tokens = ["عن", "عمر", "ناهز", "74", "مطار", "الملك", "خالد", "الدولي", "يوسف", "العبدان"]
    tags = ["O", "B-PER", "I-PER", "O", "O", "O", "B-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "O", "O", "B-PER", "O", "B-PER", "I-PER"]


def test_prayer_words_forms_of_kana_and_his_crown_prince_name_nothing():
    tokens = ["سعود", "الدوسري", "اللهم", "آمين", "كانتا", "ولولي", "ولي", "ولي", "عهده", "المولى", "القدير"]
    tags = ["B-PER", "I-PER", "I-PER", "B-PER", "B-LOC", "B-PER", "I-PER", "I-PER", "I-PER", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["B-PER", "I-PER"] + ["O"] * 9


def test_ala_as_written_ends_no_name_but_may_open_one():
    tokens = ["وحصل", "الفالح", "على", "البكالوريوس", "وقال", "على", "عبد", "الله", "صالح"]
    tags = ["O", "B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "O", "O", "O", "B-PER", "I-PER", "I-PER", "I-PER"]


def test_question_words_kin_after_a_name_a_month_after_its_day_and_possessed_conduct():
    tokens = ["وأين", "المسؤول", "نور", "وشقيقها", "في", "15", "نيسان", "بفضل", "حسن", "تدبيرهم"]
    tokens += ["عرفات", "أمام"]
    tags = ["B-PER", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "O", "B-PER", "I-PER", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER"] + ["O"] * 7 + ["B-PER", "O"]


def test_kin_with_a_preposition_ends_a_person():
    tokens = ["وجه", "أوزيل", "لابنه", "رسالة"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "O", "O"]


def test_in_a_place_a_family_a_pronoun_and_the_pilgrims_open_no_name():
    tokens = ["وعرض", "بجدة", "عمر", "الجاسر", "وحضر", "أبناء", "الحناكي", "أنا", "لضيوف", "الرحمن"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "B-PER", "B-PER", "I-PER"]
    expected = ["O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "O", "O", "O"]
    assert trim_spans(tokens, tags) == expected


def test_plural_nouns_of_people_open_no_name_and_name_nothing_alone():
    # "مسؤولو" (officials of) and "مطربون" (singers): ANT writes their "-ين" forms more often
    tokens = ["وقال", "مسؤولو", "أرامكو", "إن", "مطربون", "شاركوا", "مع", "ماركو", "ولاعبين"]
    tags = ["O", "B-ORG", "I-ORG", "O", "B-PER", "O", "O", "B-PER", "O"]
    expected = ["O", "O", "B-ORG", "O", "O", "O", "O", "B-PER", "O"]
    assert trim_spans(tokens, tags) == expected


def test_prayers_for_the_dead_and_god_asked_end_or_make_no_name():
    tokens = ["رحم", "الله", "صالح", "الصقيه", "وأسكنه", "الفردوس", "سائلا", "المولى", "العلي", "القدير"]
    tags = ["O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "B-PER", "I-PER", "I-PER", "I-PER"]
    expected = ["O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O", "O"]
    assert trim_spans(tokens, tags) == expected
    # "عبد القدير" is a given name, not a prayer
    assert trim_spans(["عبد", "القدير", "خان"], ["B-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "I-PER"]


def test_relatives_acting_titles_and_ranks_alone_leave_persons():
    tokens = ["للمخلوع", "صالح", "ونجله", "وأقربائه", "وقال", "بالإنابة", "مبارك", "الخرينج"]
    tokens += ["واستشهد", "العريف"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "O", "B-PER"]
    expected = ["O", "B-PER", "O", "O", "O", "O", "B-PER", "I-PER", "O", "O"]
    assert trim_spans(tokens, tags) == expected


def test_adjectives_that_read_as_places_name_nothing_alone():
    # "ولايتي" (the two states of), "جنوبية" (southern), "دعم مالي" (financial support);
    # "جنوب مالي" is the country
    tokens = ["في", "ولايتي", "تكساس", "منطقة", "جنوبية", "ودعم", "مالي", "في", "جنوب", "مالي"]
    tags = ["O", "B-LOC", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O", "O", "B-LOC"]
    expected = ["O", "O", "B-LOC", "O", "O", "O", "O", "O", "O", "B-LOC"]
    assert trim_spans(tokens, tags) == expected
    # a plural adjective alone is no name; a Korean name in "-يين" is
    assert trim_spans(["وغنى", "غنائيين"], ["O", "B-PER"]) == ["O", "O"]
    assert trim_spans(["جونغيين"], ["B-ORG"]) == ["B-ORG"]


def test_foreign_companies_and_mosques_in_a_persons_span():
    tokens = ["وقال", "ميلون", "كوربورشن", "إن", "بالمسجد", "الحرام", "عبدالحفيظ", "الثبيتي"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "I-PER"]
    expected = ["O", "B-ORG", "I-ORG", "O", "B-LOC", "I-LOC", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == expected


def test_a_currency_after_a_sum_is_no_club_and_kin_after_a_proclitic_opens_no_name():
    tokens = ["يتجاوز", "الألفي", "ريال", "وفاز", "الريال", "وابنه", "أحمد", "علي"]
    tokens += ["والراحل", "غازي", "القصيبي"]
    tags = ["O", "O", "B-ORG", "O", "B-ORG", "B-PER", "I-PER", "I-PER", "B-PER", "I-PER", "I-PER"]
    expected = ["O", "O", "O", "O", "B-ORG", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == expected


def test_an_organisation_spoken_to_and_an_adjective_of_two_places_end_names():
    tokens = ["وقال", "رامي", "عبد", "الرحمن", "لفرانس", "برس", "إن", "الفوعة", "وكفريا", "الشيعيتين"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"]
    expected = ["O", "B-PER", "I-PER", "I-PER", "O", "O", "O", "B-LOC", "B-LOC", "O"]
    assert trim_spans(tokens, tags) == expected
    # a family name that starts with ل stays ("لافروف", "لادن")
    assert trim_spans(["سيرغي", "لافروف"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]


def test_a_deputy_a_letter_alone_and_la_before_a_common_noun_are_no_names():
    tokens = ["وأوضح", "وكيل", "الوزارة", "وقال", "م", ".", "خالد", "ميدان", "الملك", "فهد", "لسباق", "الهجن"]
    tags = ["O", "B-PER", "O", "O", "B-PER", "O", "B-PER", "O", "O", "B-PER", "I-PER", "O"]
    expected = ["O", "O", "O", "O", "O", "O", "B-PER", "O", "O", "B-PER", "O", "O"]
    assert trim_spans(tokens, tags) == expected


def test_a_kind_of_body_with_its_adjectives_alone_is_no_name():
    tokens = ["صنفتها", "منظمة", "إرهابية", "وقالت", "بلدية", "قلقيلية", "إن", "جامعة", "فري"]
    tags = ["O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG"]
    expected = ["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG"]
    assert trim_spans(tokens, tags) == expected


def test_a_groups_descriptor_and_a_bare_kind_of_state_are_no_names():
    tokens = ["تنظيم", "داعش", "الإرهابي", "في", "سلطنة", "وقالت", "السلطنة"]
    tags = ["O", "B-ORG", "I-ORG", "O", "B-LOC", "O", "B-LOC"]
    expected = ["O", "B-ORG", "O", "O", "O", "O", "B-LOC"]
    assert trim_spans(tokens, tags) == expected


def test_a_persons_title_opens_no_body_and_a_rank_ends_a_place():
    tokens = ["قتل", "زعيم", "طالبان", "بتبوك", "الرائد", "فهد", "في", "مركز", "لواء", "رام", "الله"]
    tags = ["O", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-PER", "O", "B-LOC", "B-LOC", "I-LOC", "I-LOC"]
    expected = ["O", "O", "B-ORG", "B-LOC", "O", "B-PER", "O", "O", "B-LOC", "I-LOC", "I-LOC"]
    assert trim_spans(tokens, tags) == expected


def test_that_inside_a_span_ends_the_name_and_a_leading_member_is_a_title():
    tokens = ["وأعلنت", "البورصة", "أن", "الهيكلية", "وقال", "القيادي", "روش", "شاويس", "القيادي"]
    tags = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "I-PER", "I-PER"]
    expected = ["O", "B-ORG", "O", "O", "O", "O", "B-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == expected
    assert trim_spans(["سي", "أن", "أن"], ["B-ORG", "I-ORG", "I-ORG"]) == ["B-ORG", "I-ORG", "I-ORG"]


def test_a_number_inside_a_span_ends_the_name_and_next_to_opens_none():
    tokens = ["ويضم", "مجلس", "الشورى", "خمس", "مجالس", "وجلس", "بجوار", "كورتوا"]
    tags = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER"]
    expected = ["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "B-PER"]
    assert trim_spans(tokens, tags) == expected


def test_a_title_with_a_pronoun_a_rank_after_a_body_and_a_function_word_inside_a_person():
    tokens = ["وقال", "زعيمهم", "عبد", "الملك", "الحوثي", "مجلس", "الشورى", "اللواء", "بقوة", "حتى", "يحظى"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "B-ORG", "I-ORG", "I-ORG", "B-PER", "I-PER", "I-PER"]
    expected = ["O", "O", "B-PER", "I-PER", "I-PER", "B-ORG", "I-ORG", "O", "B-PER", "O", "O"]
    assert trim_spans(tokens, tags) == expected
    # "أبو بها" is a family name: the particle keeps "بها" in
    family = ["B-PER", "I-PER", "I-PER", "O"]
    assert trim_spans(["محمد", "أبو", "بها", "قال"], family) == family
    # a club named "الرائد" keeps its name
    assert trim_spans(["نادي", "الرائد"], ["B-ORG", "I-ORG"]) == ["B-ORG", "I-ORG"]


def test_a_weekday_ends_a_place_but_not_a_market_named_after_it():
    tokens = ["في", "الضاحية", "الباريسية", "الأحد", "في", "سوق", "الجمعة"]
    tags = ["O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "I-LOC"]
    expected = ["O", "B-LOC", "I-LOC", "O", "O", "B-LOC", "I-LOC"]
    assert trim_spans(tokens, tags) == expected


def test_my_brother_a_brother_alone_and_the_prophets_blessing_are_no_names():
    tokens = ["وقال", "شقيقي", "حمدي", "قنديل", "إن", "شقيق", "محمد", "صل", "الله"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "B-PER", "I-PER", "I-PER"]
    expected = ["O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "O", "O"]
    assert trim_spans(tokens, tags) == expected


def test_a_voweled_verb_after_a_name_is_no_part_of_it():
    tokens = ["محمد", "عبده", "يُحيي", "عيد", "أبوظبي"]
    tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC"]
    assert trim_spans(tokens, tags) == ["B-PER", "I-PER", "O", "O", "B-LOC"]


def test_an_honorific_inside_a_place_starts_the_next_name():
    tokens = ["في", "شارع", "جدة", "الدكتور", "ريشرد", "قال"]
    tags = ["O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "O"]
    assert trim_spans(tokens, tags)[:3] == ["O", "B-LOC", "I-LOC"]
    assert trim_spans(tokens, tags)[3] != "I-LOC"


def test_hundredths_of_a_currency_after_a_number_are_no_name():
    tokens = ["إلى", "70.67", "بنس", "وقال", "بنس", "إن"]
    tags = ["O", "O", "B-PER", "O", "B-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "B-PER", "O"]  # Pence the man stays


def test_fortunately_and_in_the_words_of_are_no_part_of_a_name():
    tokens = ["لكن", "لحسن", "الحظ", "نجا", "ونقلت", "الوكالة", "على", "لسان", "رشيد", "قوله"]
    tags = ["O", "B-PER", "O", "O", "O", "O", "O", "B-PER", "I-PER", "O"]
    expected = ["O", "O", "O", "O", "O", "O", "O", "O", "B-PER", "O"]
    assert trim_spans(tokens, tags) == expected
    # a man named Hassan stays, and so does a name after "لسان" without "على"
    assert trim_spans(["وقال", "لحسن", "إنه"], ["O", "B-PER", "O"]) == ["O", "B-PER", "O"]


def test_a_noun_with_a_possessive_pronoun_ends_a_name():
    tokens = ["وأعلن", "تنظيم", "الدولة", "الإسلامية", "مسؤوليته", "عن", "الهجوم"]
    tags = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]
    assert trim_spans(["يوهان", "غوته"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]


def test_a_present_tense_verb_ends_a_name():
    tokens = ["فإن", "نتنياهو", "سيجيب", "وأنصار", "صالح", "يحشدون", "و", "ستيفن", "هادلي", "يجلسان"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    expected = ["O", "B-PER", "O", "O", "B-PER", "O", "O", "B-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == expected
    assert trim_spans(["وقال", "يوسف", "تهاني"], ["O", "B-PER", "I-PER"]) == ["O", "B-PER", "I-PER"]


def test_his_highness_and_and_not_end_a_name():
    tokens = ["الأستاذ", "صالح", "الأحمد", "إشادة", "سموه", "الكريم", "إلى", "الاتحاد", "وليس", "الغريم"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG"]
    expected = ["O", "B-PER", "I-PER", "I-PER", "O", "O", "O", "B-ORG", "O", "O"]
    assert trim_spans(tokens, tags) == expected


def test_an_accusative_noun_alone_is_no_name_but_names_and_places_in_alif_stay():
    tokens = ["تطلب", "دعما", "إيرانيا", "و", "فصولا", "لناديا", "في", "روسيا"]
    tags = ["O", "O", "B-ORG", "O", "B-PER", "B-PER", "O", "B-LOC"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "O", "B-PER", "O", "B-LOC"]


def test_a_currency_after_a_number_word_with_a_proclitic_is_no_club():
    tokens = ["صكوكا", "بملياري", "ريال", "وفاز", "الريال"]
    tags = ["O", "O", "B-ORG", "O", "B-ORG"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "B-ORG"]


def test_a_person_of_duals_alone_is_no_name():
    tokens = ["وقال", "مندوبان", "خليجيان", "إن", "دراستان", "أكدتا", "و", "عدنان", "طوقان"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "O", "O", "O", "B-PER", "I-PER"]


def test_an_indefinite_head_before_for_the_is_a_kind_of_body():
    tokens = ["في", "شركة", "للغواصات", "السياحية", "و", "شركة", "أرامكو", "للتجارة"]
    tags = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG"]


def test_a_title_and_a_peoples_adjective_name_no_one():
    tokens = ["وقال", "المهاجم", "السويدي", "إن", "المدرب", "جوزيه", "مورينيو", "و", "محمد", "المصري"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER"]
    expected = ["O", "O", "O", "O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == expected


def test_a_mall_a_cousin_a_construct_dual_and_a_letter_alone():
    tokens = ["في", "سلمى", "مول", "و", "ابن", "خالة", "و", "محطتا", "الكهرباء", "في", "ا", "و", "ريتا"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER", "O", "O", "B-LOC", "O", "B-PER"]
    expected = ["O", "B-LOC", "I-LOC", "O", "O", "O", "O", "O", "O", "O", "O", "O", "B-PER"]
    assert trim_spans(tokens, tags) == expected


def test_on_before_a_name_that_no_given_name_opens_leaves_the_span():
    tokens = ["عثر", "على", "أوتزي", "و", "على", "عبد", "الله", "صالح", "و", "على", "الاتحاد"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "B-ORG", "I-ORG"]
    expected = ["O", "O", "B-PER", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "B-ORG"]
    assert trim_spans(tokens, tags) == expected


def test_his_denunciation_and_his_highness_alone_are_no_part_of_a_name():
    tokens = ["وأبدى", "اليحيى", "استنكاره", "وقال", "سموه", "إن", "نبيه", "بري"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "O", "O", "O", "O", "B-PER", "I-PER"]


def test_a_professor_indeed_good_faith_and_by_the_death_of_are_no_names():
    tokens = ["قال", "دافيد", "بوي", "بروفيسور", "في", "مجلس", "العفو", "بالفعل", "إن", "بـ", "حسن", "نية"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-PER", "O"]
    expected = ["O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    assert trim_spans(tokens, tags) == expected
    tokens = ["اعتراف", "المملكة", "بموت", "خاشقجي", "و", "باسم", "يوسف"]
    tags = ["O", "B-LOC", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-LOC", "O", "B-PER", "O", "B-PER", "I-PER"]


def test_and_spelt_from_english_inside_a_persons_span_makes_it_a_company():
    tokens = ["شركة", "جونسون", "آند", "جونسون", "و", "محمد", "علي"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER"]


def test_his_compatriot_and_her_colleague_open_no_name():
    tokens = ["ضم", "مواطنه", "ويليان", "و", "زميلها", "سارة"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER", "O", "O", "B-PER"]


def test_a_known_surname_alone_before_another_name_is_a_person_of_its_own():
    tokens = ["وعين", "ترامب", "جينا", "هاسبيل", "و", "علي", "عبدالله", "صالح"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    expected = ["O", "B-PER", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == expected


def test_a_lone_letter_ends_or_opens_no_persons_name():
    # "د." (doctor) of the next person, glued to the end of a list's name or opening one
    tokens = ["محمد", "الطريقي", "د", ".", "جار", "الله", "العضيب"]
    tags = ["B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(["أخيه", "(", "س", "امحمد", ")"], ["O", "O", "B-PER", "I-PER", "O"]) == [
        "O", "O", "O", "B-PER", "O"]  # fmt: skip
    # an initial inside a name stays
    tokens = ["كاثلين", "ج", ".", "ماكينيس"]
    assert trim_spans(tokens, ["B-PER", "I-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "I-PER", "I-PER"]


def test_a_sound_plural_alone_is_no_person_but_names_in_ين_stay():
    tokens = ["في", "اتجاهين", "معاكسين", "حين"]
    assert trim_spans(tokens, ["O", "O", "B-PER", "O"]) == ["O", "O", "O", "O"]
    for name in ("الحسين", "ياسين"):  # no feminine twin, or a given name
        assert trim_spans(["وقال", name], ["O", "B-PER"]) == ["O", "B-PER"]


def test_a_plural_of_people_alone_is_no_person_but_foreign_names_in_و_and_ون_stay():
    assert trim_spans(["وقال", "مراقبون", "إن"], ["O", "B-PER", "O"]) == ["O", "O", "O"]
    assert trim_spans(["وأكد", "منسوبو", "الجامعة"], ["O", "B-PER", "O"]) == ["O", "O", "O"]
    for name in ("ماركو", "روبيو", "جونسون", "هارون", "فريدون"):  # no such twins, or a given name
        assert trim_spans(["وقال", name, "إن"], ["O", "B-PER", "O"]) == ["O", "B-PER", "O"]


def test_that_written_with_a_bare_alef_ends_a_name_but_cnn_spelt_out_stays():
    tokens = ["وقالت", "المنظمة", "ان", "السلطات", "الاسرائيلية", "فشلت"]
    tags = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-ORG", "O", "O", "O", "O"]
    assert trim_spans(["شبكة", "سي", "ان", "ان"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]) == [
        "B-ORG", "I-ORG", "I-ORG", "I-ORG"]  # fmt: skip


def test_gods_goodwill_upon_someone_is_no_name_but_radwan_speaking_is():
    tokens = ["شخصيته", "رضوان", "الله", "عليه", "،"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O", "O"]) == ["O"] * 5
    tokens = ["عمر", "رضوان", "الله", "عليه"]
    assert trim_spans(tokens, ["B-PER", "I-PER", "I-PER", "O"]) == ["B-PER", "O", "O", "O"]
    tokens = ["قال", "رضوان", "الله", "إن"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "I-PER", "O"]


def test_a_misc_span_opening_with_an_organisations_head_is_an_organisation():
    tokens = ["هاجم", "الاتحاد", "الكويتي", "لكرة", "القدم", "في", "القمة", "العربية"]
    tags = ["O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O", "B-MISC", "I-MISC"]
    expected = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-MISC", "I-MISC"]
    assert trim_spans(tokens, tags) == expected


def test_a_preachers_office_and_a_mosques_head_alone_name_nothing():
    tokens = ["إمام", "وخطيب", "جامع", "الغدير", "وقال", "خطيب", "الجامع", "إن", "فخطيب", "الجمعة"]
    tags = ["O", "B-LOC", "I-LOC", "I-LOC", "O", "B-PER", "I-PER", "O", "B-PER", "O"]
    expected = ["O", "O", "B-LOC", "I-LOC", "O", "O", "O", "O", "O", "O"]
    assert trim_spans(tokens, tags) == expected
    # "الخطيب" is also a family name
    assert trim_spans(["أحمد", "الخطيب"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]


def test_then_before_a_common_word_ends_a_persons_name_but_not_then_before_a_name():
    tokens = ["طارق", "بن", "عمار", "فأنشأ", "استوديو"]
    tags = ["B-PER", "I-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["B-PER", "I-PER", "I-PER", "O", "O"]
    assert trim_spans(["إبراهيم", "فإسماعيل"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]
    assert trim_spans(["هيلن", "فيسير"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]


def test_an_indefinite_accusative_ends_a_persons_or_organisations_name():
    assert trim_spans(["منصور", "زعيما"], ["B-PER", "I-PER"]) == ["B-PER", "O"]
    tokens = ["الاتحاد", "السعودي", "خطابا"]
    assert trim_spans(tokens, ["B-ORG", "I-ORG", "I-ORG"]) == ["B-ORG", "I-ORG", "O"]
    assert trim_spans(["قرية", "دورا", "القرع"], ["B-LOC", "I-LOC", "I-LOC"]) == ["B-LOC", "I-LOC", "I-LOC"]
    assert trim_spans(["باراك", "أوباما"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]


def test_a_possessed_noun_after_a_preposition_ends_a_name():
    tokens = ["حيدر", "العبادي", "بدستوريتها"]
    assert trim_spans(tokens, ["B-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "O"]
    assert trim_spans(["ليلى", "بنت", "محمد"], ["B-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "I-PER"]


def test_a_currency_in_the_accusative_after_a_number_is_misc():
    tokens = "بلغ السعر ستين دولارا للبرميل".split()
    assert add_accusative_currencies(tokens, ["O"] * 5) == ["O", "O", "O", "B-MISC", "O"]
    tokens = "دفع 150 جنيها رسوما".split()
    assert add_accusative_currencies(tokens, ["O"] * 4) == ["O", "O", "B-MISC", "O"]
    # without a number in front it is left alone, and so is an adjective that is no currency
    tokens = "جمع دولارا واحدا وبذل جهدا كبيرا".split()
    assert add_accusative_currencies(tokens, ["O"] * 6) == ["O"] * 6


def test_a_letter_alone_is_no_name():
    tokens = "لقاحات الكبد الوبائي ( أ ) و ( ب )".split()
    tags = ["O", "O", "O", "O", "B-MISC", "O", "O", "O", "B-MISC", "O"]
    assert trim_spans(tokens, tags) == ["O"] * 10
    # initials inside a name stay
    tokens = "كاثلين ج . ماكينيس".split()
    assert trim_spans(tokens, ["B-PER", "I-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "I-PER", "I-PER"]


def test_a_span_opening_with_a_weekday_is_no_name():
    tokens = "يوم أمس الأحد 10 - 10 - 1436هـ".split()
    assert trim_spans(tokens, ["O", "O", "B-MISC", "I-MISC", "O", "O", "O", "O"]) == ["O"] * 8
    tokens = "قال محمد الخميس إن".split()  # a family name that is a weekday stays
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "I-PER", "O"]


def test_a_lone_nationality_in_the_dual_is_untagged_too():
    tokens = "وأشاد المدرب بأداء البرازيليان وقتل مدنيان وأوكرانيان".split()
    tags = ["O", "O", "O", "B-ORG", "O", "O", "B-LOC"]
    assert trim_spans(tokens, tags) == ["O"] * 7
    assert is_nationality("البرازيليان") and not is_nationality("الأمريكيتين")  # the Americas


def test_the_nile_is_no_place_where_it_means_undermining():
    tokens = "محاولات النيل من الوحدة الوطنية على ضفاف النيل".split()
    tags = ["O", "B-LOC", "O", "O", "O", "O", "O", "B-LOC"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "O", "O", "O", "B-LOC"]
    tokens = "لا تسمح لأحد بالنيل من أي رمز".split()
    assert trim_spans(tokens, ["O", "O", "O", "B-LOC", "O", "O", "O"]) == ["O"] * 7


def test_a_time_of_day_before_a_day_is_no_name_but_sheikh_sabah_stays():
    tokens = "استقبل صباح الجمعة رئيس المجلس ووصل مساء أمس".split()
    tags = ["O", "B-PER", "O", "O", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O"] * 8
    tokens = "استقبل الشيخ صباح الأحمد اليوم".split()
    assert trim_spans(tokens, ["O", "O", "B-PER", "I-PER", "O"]) == ["O", "O", "B-PER", "I-PER", "O"]


def test_yemen_in_an_eid_wish_is_good_fortune():
    tokens = "سائلين الله أن يعيده على الجميع باليمن والخير والبركات".split()
    tags = ["O"] * 6 + ["B-LOC", "O", "O"]
    assert trim_spans(tokens, tags) == ["O"] * 9
    tokens = "وصل الوفد إلى اليمن والتقى الرئيس".split()
    tags = ["O", "O", "O", "B-LOC", "O", "O"]
    assert trim_spans(tokens, tags) == tags


def test_a_kin_word_ends_a_person_and_a_nationality_leaves_its_front():
    tokens = "وقال عبد الرحمن شقيق الشهيد إن".split()
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O"]) == [
        "O", "B-PER", "I-PER", "O", "O", "O"
    ]
    tokens = "ويقود الأرجنتيني رودريجيز الفريق وسجل كيني ميلر".split()  # "كيني" (Kenny) stays
    tags = ["O", "B-PER", "I-PER", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER", "O", "O", "B-PER", "I-PER"]


def test_a_headline_verb_after_a_name_leaves_the_span_but_foreign_names_stay():
    tokens = "الجبوري يستنكر تفجير عسير".split()
    assert trim_spans(tokens, ["B-PER", "I-PER", "O", "B-LOC"]) == ["B-PER", "O", "O", "B-LOC"]
    tokens = "وسجل كارلوس تيفيز هدفين".split()  # "تيفيز" has no "ييفيز" twin in ANT: a name
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "I-PER", "O"]


def test_a_quantity_after_a_name_leaves_its_span():
    tokens = ["بين", "هادي", "وولد", "الشيخ", "أحمد", "عدد", "من", "المسؤولين"]
    tags = ["O", "B-PER", "O", "O", "B-PER", "I-PER", "O", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "O", "O", "B-PER", "O", "O", "O"]
    tags = ["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    assert trim_spans(tokens, tags)[5] == "O"


def test_an_event_verb_after_a_name_leaves_its_span():
    tokens = ["إن", "الملك", "سلمان", "اتصل", "بولي", "العهد"]
    assert trim_spans(tokens, ["O", "O", "B-PER", "I-PER", "O", "O"]) == ["O", "O", "B-PER", "O", "O", "O"]


def test_then_leaves_a_person_and_the_saudi_adjective_is_no_place():
    tokens = ["مع", "الرئيس", "الإيراني", "آنذاك", "هاشمي", "رفسنجاني"]
    tags = ["O", "O", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(["قالت", "السلطات", "السعودية"], ["O", "O", "B-LOC"]) == ["O", "O", "O"]
    assert trim_spans(["وقالت", "السعودية", "إن"], ["O", "B-LOC", "O"]) == ["O", "B-LOC", "O"]
    tokens = ["إلى", "المملكة", "العربية", "السعودية"]
    assert trim_spans(tokens, ["O", "O", "O", "B-LOC"]) == ["O", "O", "O", "B-LOC"]


def test_a_bodys_head_noun_read_as_a_person_takes_its_complement_as_an_organisation():
    tokens = ["استقبل", "وكيل", "وزارة", "الداخلية", "أحمد", "السالم"]
    tags = ["O", "O", "B-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-ORG", "I-ORG", "B-PER", "I-PER"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-ORG", "I-ORG", "B-PER", "I-PER"]


def test_a_virus_named_like_a_town_is_no_place():
    tokens = ["إصابة", "بفيروس", "كورونا", "في", "مصر"]
    assert trim_spans(tokens, ["O", "O", "B-LOC", "O", "B-LOC"]) == ["O", "O", "B-MISC", "O", "B-LOC"]
    assert trim_spans(["المصابين", "بكورونا"], ["O", "B-LOC"]) == ["O", "B-MISC"]
    assert trim_spans(["بسبب", "فيروس", "كورونا"], ["O", "B-LOC", "I-LOC"]) == ["O", "B-MISC", "I-MISC"]


def test_in_a_kind_of_place_ends_a_place():
    tokens = ["منطقة", "القلمون", "بريف", "دمشق"]
    assert trim_spans(tokens, ["O", "B-LOC", "I-LOC", "B-LOC"]) == ["O", "B-LOC", "O", "B-LOC"]


def test_or_ends_a_name_and_or_glued_to_a_common_word_is_none():
    tokens = ["أو", "هيئة", "أو", "منظمة", "أو", "تنظيما"]
    tags = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "B-ORG", "O", "O"]
    for glued in ("أوالإتلاف", "أوباستخدام"):
        assert trim_spans(["التخريب", glued], ["O", "B-ORG"]) == ["O", "O"]
    for name in ("أوباما", "أوروبا", "أوكرانيا"):
        assert trim_spans(["وقال", name], ["O", "B-PER"]) == ["O", "B-PER"]


def test_a_comma_inside_a_persons_span_separates_two_people():
    tokens = ["من", ":", "سعيد", "،", "محمد", "،", "عبدالعزيز", "ووالدة"]
    tags = ["O", "O", "B-PER", "O", "B-PER", "I-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER", "O", "B-PER", "O", "B-PER", "O"]


def test_sons_with_the_article_are_not_benin():
    for word in ("البنين", "للبنين"):
        assert trim_spans(["طالب", "من", word], ["O", "O", "B-LOC"]) == ["O", "O", "O"]
    assert trim_spans(["زار", "بنين"], ["O", "B-LOC"]) == ["O", "B-LOC"]
    assert trim_spans(["مدارس", "بنين", "وبنات"], ["O", "B-LOC", "O"]) == ["O", "O", "O"]
    assert trim_spans(["إصابتين", "بـ", "كورونا"], ["O", "O", "B-ORG"]) == ["O", "O", "B-MISC"]


def test_for_the_ends_a_persons_name():
    tokens = ["بمدينة", "الملك", "عبدالعزيز", "للعلوم", "والتقنية"]
    assert trim_spans(tokens, ["O", "O", "B-PER", "I-PER", "O"]) == ["O", "O", "B-PER", "O", "O"]
    assert without_non_names(tokens, ["O", "O", "B-PER", "I-PER", "O"]) == ["O"] * 5
    assert trim_spans(["وقال", "للوليد", "بن", "طلال"], ["O", "B-PER", "I-PER", "I-PER"]) == [
        "O", "B-PER", "I-PER", "I-PER"
    ]


def test_a_verb_opens_no_name_and_a_spelt_letter_alone_names_nothing():
    assert trim_spans(["«", "اتصلت", "بي", "السيدة"], ["O", "B-ORG", "I-ORG", "O"]) == ["O"] * 4
    tokens = ["«", "وزار", "الرئيس", "محمد", "مرسي"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "I-PER"]) == ["O", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(["لفيروس", "سي"], ["O", "B-MISC"]) == ["O", "O"]


def test_a_generic_head_with_for_and_torrents_in_the_rain_are_no_names():
    assert trim_spans(["في", "الوزارة", "لشؤون", "الأراضي"], ["O", "B-ORG", "I-ORG", "I-ORG"]) == ["O"] * 4
    tokens = ["وزارة", "الشؤون", "البلدية"]
    assert trim_spans(tokens, ["B-ORG", "I-ORG", "I-ORG"]) == ["B-ORG", "I-ORG", "I-ORG"]
    assert trim_spans(["وهطلت", "أمطار", "وجرت", "سيول"], ["O", "O", "O", "B-LOC"]) == ["O"] * 4
    assert trim_spans(["وزار", "الرئيس", "سيول", "أمس"], ["O", "O", "B-LOC", "O"]) == ["O", "O", "B-LOC", "O"]


def test_an_emir_of_a_listed_place_is_an_office_and_the_place_stays():
    tokens = ["وقال", "أمير", "عسير", "إن"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "O", "B-LOC", "O"]
    assert trim_spans(["التقى", "أمير", "خان"], ["O", "B-PER", "I-PER"]) == ["O", "B-PER", "I-PER"]


def test_a_royal_title_inside_a_persons_span_opens_the_next_person_but_not_in_a_lineage():
    tokens = "بمعية الأمير محمد بن سلمان الأمير سلطان".split()
    tags = ["O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "B-PER", "I-PER", "I-PER", "O", "B-PER"]
    for name in ("تركي بن الملك عبدالعزيز", "محمد بن حسين الشيخ عبدالرحمن الجودر"):
        tokens = name.split()
        tags = ["B-PER"] + ["I-PER"] * (len(tokens) - 1)
        assert trim_spans(tokens, tags) == tags, name


def test_negations_relatives_and_a_clerics_title_leave_a_name_and_a_family_after_al_stays_one():
    tokens = "عائلة الملا عمر لا تؤيد".split()
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "O"]) == ["O", "O", "B-PER", "O", "O"]
    tokens = "ويعقوب اللذين كانا".split()
    assert trim_spans(tokens, ["B-PER", "I-PER", "O"]) == ["B-PER", "O", "O"]
    assert trim_spans(["لن", "هوى", "شيانغ"], ["B-PER", "I-PER", "I-PER"]) == ["B-PER", "I-PER", "I-PER"]
    assert trim_spans(["زهير", "اللواتي"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]  # a family name
    tokens = "الدكتور عبدالله بن شاكر آل غالب الشريف".split()
    tags = ["O", "B-PER"] + ["I-PER"] * 5
    assert trim_spans(tokens, tags) == tags


def test_ali_as_written_after_a_title_opens_the_persons_name_but_not_the_preposition():
    tokens = "وقال رئيس البرلمان علي لاريجاني إن".split()
    tags = ["O", "O", "O", "O", "B-PER", "O"]
    assert with_ali_after_title(tokens, tags) == ["O", "O", "O", "B-PER", "I-PER", "O"]
    tokens = "وحصل كريستيانو علي رونالدو".split()  # no title before: the preposition spelt with ي
    assert with_ali_after_title(tokens, ["O", "O", "O", "B-PER"]) == ["O", "O", "O", "B-PER"]


def test_a_month_glossed_in_brackets_is_no_name_and_his_name_is_ends_a_person():
    tokens = ["في", "أبريل", "(", "نيسان", ")", "الماضي", "وشركة", "نيسان", "اليابانية"]
    tags = ["O", "O", "O", "B-ORG", "O", "O", "O", "B-ORG", "O"]
    assert trim_spans(tokens, tags) == ["O"] * 7 + ["B-ORG", "O"]
    tokens = ["لابني", "عبدالله", "ولد", "اسمه", "عبدالرحمن"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags)[3] == "O"


def test_amin_before_a_kind_of_place_is_the_office_and_stays_a_name_elsewhere():
    tokens = ["وأوضح", "أمين", "محافظة", "الطائف", "وقال", "أمين", "معلوف"]
    tags = ["O", "B-PER", "O", "B-LOC", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "B-LOC", "O", "B-PER", "I-PER"]


def test_feminine_honorifics_end_an_organisation_and_pronouns_and_praise_name_no_one():
    tokens = ["وكيلة", "وزارة", "التعليم", "الدكتورة", "هياء", "العواد"]
    tags = ["O", "B-ORG", "I-ORG", "I-ORG", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER"]
    tokens = ["فقال", "لي", ":", "مقالاتكم", "و", "قال", "لي", "كه", "تشيانغ"]
    tags = ["O", "B-PER", "O", "O", "O", "O", "B-PER", "I-PER", "I-PER"]
    assert trim_spans(tokens, tags) == ["O", "O", "O", "O", "O", "O", "B-PER", "I-PER", "I-PER"]
    for after in ("اسمه", "من"):  # "بقوله عزّ اسمه", "فقال عز من قائل"
        assert trim_spans(["بقوله", "عز", after], ["O", "B-PER", "O"]) == ["O", "O", "O"]


def test_a_derived_verb_in_the_plural_ends_a_name_but_foreign_names_in_son_stay():
    assert trim_spans(["فيستشهدون"], ["B-PER"]) == ["O"]
    for name in ("تومسون", "تايسون", "جونسون"):
        assert trim_spans([name], ["B-PER"]) == ["B-PER"]


def test_a_lone_person_that_is_a_preposition_on_a_common_word_goes():
    tokens = ["وأشاد", "الفنان", "باتصال", "وزراء", "الإعلام", "أن", "لوعود", "وزارة", "الإسكان"]
    tags = ["O", "O", "B-PER", "O", "O", "O", "B-PER", "B-ORG", "I-ORG"]
    assert trim_spans(tokens, tags) == ["O"] * 7 + ["B-ORG", "I-ORG"]
    assert trim_spans(["قال", "باسم"], ["O", "B-PER"]) == ["O", "B-PER"]  # a given name stays


def test_a_run_of_words_with_or_glued_on_names_nothing():
    tokens = ["تلاعب", "أوإخفاء", "أوتعديل", "أوتحريف", "أوتحايل", "من", "قبله"]
    tags = ["O", "O", "B-PER", "I-PER", "I-PER", "O", "O"]
    assert trim_spans(tokens, tags) == ["O"] * 7
    assert trim_spans(["قال", "أوباما", "أوغلو"], ["O", "B-PER", "I-PER"]) == ["O", "B-PER", "I-PER"]


def test_a_deputys_title_after_a_name_leaves_it_but_the_family_name_alwakil_stays():
    tokens = ["استقبل", "منصور", "بن", "محمد", "بن", "سعد", "وكيل", "وزارة", "الداخلية"]
    tags = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-PER"] + ["I-PER"] * 4 + ["O", "O", "O"]
    assert trim_spans(["محمد", "الوكيل", "قال"], ["B-PER", "I-PER", "O"]) == ["B-PER", "I-PER", "O"]


def test_that_he_and_like_the_end_a_name_and_other_than_me_is_none():
    tokens = ["وصف", "الملا", "عمر", "بأنه", "الملا", "الحقيقي"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "O", "O"])[3] == "O"
    tokens = ["الملا", "عمر", "كالصاعقة", "على", "الحركة"]
    assert trim_spans(tokens, ["B-PER", "I-PER", "I-PER", "O", "O"])[2] == "O"
    assert trim_spans(["قلت", "وقال", "غيري", "إن"], ["O", "O", "B-PER", "O"]) == ["O", "O", "O", "O"]
    tokens = ["وقالت", "وزارة", "العدل", "إن", "مكتب", "التحقيقات", "قاد"]
    assert trim_spans(tokens, ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])[3:6] == ["O", "O", "O"]


def test_a_nationality_right_before_a_persons_name_is_his_adjective_but_a_surname_alone_stays():
    tokens = ["أوضح", "الكاميروني", "أمينو", "بوبا", "لإدارة"]
    assert trim_spans(tokens, ["O", "B-PER", "B-PER", "I-PER", "O"]) == ["O", "O", "B-PER", "I-PER", "O"]
    assert trim_spans(["وقال", "المصري", "إن"], ["O", "B-PER", "O"]) == ["O", "B-PER", "O"]


def test_a_family_name_spelt_like_a_verb_with_ya_stays_in_the_name():
    tokens = ["للبحوث", "سمير", "التقي", "لـ"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "I-PER", "O"]
    assert trim_spans(["الرئيس", "محمد", "التقى", "نظيره"], ["O", "B-PER", "I-PER", "O"])[2] == "O"


def test_a_feminine_present_of_a_derived_verb_after_a_name_leaves_it():
    tokens = ["عائلة", "الملا", "عمر", "تتشدد", "وتتهم"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER", "O"])[3] == "O"


def test_crown_after_wali_is_a_title_but_ahed_alone_is_a_given_name():
    tokens = ["وصل", "ولي", "عهد", "أبوظبي"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "B-LOC"]) == ["O", "O", "O", "B-LOC"]
    tokens = ["وقالت", "عهد", "التميمي"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER"]) == ["O", "B-PER", "I-PER"]


def test_amin_before_the_capital_is_its_mayor_not_a_name():
    tokens = ["وأكد", "معالي", "أمين", "العاصمة", "المقدسة", "الدكتور", "أسامة", "البار"]
    tags = ["O", "O", "B-PER", "O", "O", "O", "B-PER", "I-PER"]
    assert trim_spans(tokens, tags)[2] == "O"
    tokens = ["وقال", "أمين", "الجميل", "إن"]  # the name Amin stays
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"])[1:3] == ["B-PER", "I-PER"]


def test_an_unquoted_misc_span_loses_the_preposition_that_opens_it():
    tokens = ["الفرصة", "في", '"', "أي", "آر", "تي", '"', "مع", "كأس", "العالم", "2002", "،", "ومنها"]
    tags = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O", "O"]
    assert trim_spans(tokens, tags)[7:11] == ["O", "B-MISC", "I-MISC", "I-MISC"]
    quoted = ["برنامج", "«", "مع", "نور", "»", "الأسبوعي"]  # a title of a work may open with any word
    assert trim_spans(quoted, ["O", "O", "B-MISC", "I-MISC", "O", "O"])[2:4] == ["B-MISC", "I-MISC"]


def test_a_person_span_that_names_a_virus_is_the_disease():
    tokens = ["حالات", "إصابة", "بفيروس", "كورونا", "في", "الرياض"]
    assert trim_spans(tokens, ["O", "O", "B-PER", "I-PER", "O", "B-LOC"])[2:4] == ["B-MISC", "I-MISC"]
    dynasty = ["سلالة", "آل", "سعود", "الحاكمة"]  # a ruling house, no strain of a virus
    assert trim_spans(dynasty, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "I-PER", "O"]


def test_a_feminine_title_with_a_pronoun_and_a_doctors_trade_open_no_name():
    tokens = ["وقال", "إن", "مواطنتنا", "إيزابيل", "حرة"]
    assert trim_spans(tokens, ["O", "O", "B-PER", "I-PER", "O"]) == ["O", "O", "O", "B-PER", "O"]
    tokens = ["وقال", "طبيب", "الدوسري", "إن"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "O", "B-PER", "O"]


def test_two_lineage_chains_run_together_are_two_people():
    tokens = "سلمان بن عبدالعزيز حمد بن عيسى آل خليفة".split()  # glued tags
    tags = ["B-PER"] + ["I-PER"] * 7
    assert trim_spans(tokens, tags) == ["B-PER", "I-PER", "I-PER"] + ["B-PER"] + ["I-PER"] * 4
    one = "محمد بن عبد الله بن سلمان".split()  # "عبد الله" is one father's name
    assert trim_spans(one, ["B-PER"] + ["I-PER"] * 5) == ["B-PER"] + ["I-PER"] * 5
    cousin = "إبراهيم بن عبدالله أحمد ابن عم".split()  # "ابن عم": a cousin, no lineage
    assert "B-PER" not in trim_spans(cousin, ["B-PER"] + ["I-PER"] * 5)[1:]


def test_a_time_word_after_a_lone_given_name_is_his_family_name():
    tokens = ["وزير", "النقل", "المهندس", "عبدالله", "المقبل", "."]
    assert trim_spans(tokens, ["O", "O", "O", "B-PER", "I-PER", "O"])[3:5] == ["B-PER", "I-PER"]
    tokens = ["زار", "الرئيس", "بوتين", "الماضي", "القاهرة"]  # no given name: the time word ends it
    assert trim_spans(tokens, ["O", "O", "B-PER", "I-PER", "B-LOC"])[2:4] == ["B-PER", "O"]


def test_two_delegates_and_a_prisoners_son_are_no_names():
    tokens = ["قال", "مندوبان", "في", "منظمة", "أوبك"]
    assert trim_spans(tokens, ["O", "B-PER", "O", "B-ORG", "I-ORG"])[1] == "O"
    tokens = ["وأكد", "غزاي", "الحربي", "ابن", "السجين", "أن"]
    tags = ["O", "B-PER", "I-PER", "B-PER", "I-PER", "O"]
    assert trim_spans(tokens, tags) == ["O", "B-PER", "I-PER", "O", "O", "O"]
    tokens = ["قال", "ابن", "ريحان", "إن"]  # a man named as his father's son
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "O"]) == ["O", "B-PER", "I-PER", "O"]


def test_a_captain_and_a_founder_are_titles():
    tokens = ["قال", "كابتن", "حسن", "وزنة"]
    assert trim_spans(tokens, ["O", "B-PER", "I-PER", "I-PER"]) == ["O", "O", "B-PER", "I-PER"]
    assert trim_spans(["مؤسس", "فيسبوك", "وزوجته"], ["B-PER", "O", "O"]) == ["O", "O", "O"]


def test_a_country_after_a_fathers_name_or_a_doctors_title_is_the_family_name():
    tokens = ["التقى", "الأمير", "الدكتور", "عبدالله", "بن", "محمد", "السويد", "على", "هامش"]
    tags = ["O", "O", "O", "B-PER", "I-PER", "I-PER", "B-LOC", "O", "O"]
    assert trim_spans(tokens, tags)[3:7] == ["B-PER", "I-PER", "I-PER", "I-PER"]
    tokens = ["وقد", "قام", "الدكتور", "السويد", "بجولة", "في", "السويد"]
    tags = ["O", "O", "O", "B-LOC", "O", "O", "B-LOC"]
    assert trim_spans(tokens, tags)[3:] == ["B-PER", "O", "O", "B-LOC"]


def test_a_headlines_derived_verb_ends_the_name_before_it():
    tokens = ["أمير", "عسير", "يفتتح", "مهرجان", "أبها"]
    assert trim_spans(tokens, ["O", "B-LOC", "I-LOC", "O", "B-LOC"]) == ["O", "B-LOC", "O", "O", "B-LOC"]
    tokens = ["محمد", "الأحمد", "يتفقد", "المشروعات"]
    assert trim_spans(tokens, ["B-PER", "I-PER", "I-PER", "O"]) == ["B-PER", "I-PER", "O", "O"]
    tokens = ["قاعدة", "إنجرليك", "ينبع"]  # four letters: a place ("ينبع"), no verb
    assert trim_spans(tokens, ["O", "B-LOC", "I-LOC"]) == ["O", "B-LOC", "I-LOC"]


def test_tweeters_and_lawmakers_are_no_names():
    assert trim_spans(["وكتب", "مغردون", "أن"], ["O", "B-PER", "O"]) == ["O", "O", "O"]
    assert trim_spans(["وقال", "مشرعون", "إن"], ["O", "B-PER", "O"]) == ["O", "O", "O"]
    assert trim_spans(["وكتب", "مغرد", "آخر"], ["O", "B-PER", "O"]) == ["O", "O", "O"]

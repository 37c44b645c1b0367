"""Mention repairs after the tagger: joined names split with evidence, counterparts added."""

from marsad.enrich.gazetteer import Gazetteer
from marsad.enrich.mention_repair import repair_mentions
from marsad.enrich.resolve import Mention

# A tiny gazetteer (category, phrase), so the tests do not depend on the shipped lists.
GAZETTEER = Gazetteer([("LOC", "فرنسا"), ("LOC", "باريس"), ("LOC", "نيو دلهي"), ("LOC", "الهند"), ("PER", "كمال")])


def mention(text: str, surface: str, kind: str) -> Mention:
    start = text.index(surface)
    return Mention(surface, kind, start, start + len(surface))


def spans(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    return [(m.surface, m.type) for m in mentions]


def test_two_people_joined_by_wa_are_split_when_the_second_stands_alone_elsewhere():
    text = "وجاء لقاء ساركوزي وميركل في القمة. وقالت ميركل إن اللقاء كان مثمرا."
    found = [mention(text, "ساركوزي وميركل", "PER"), mention(text, "ميركل إن", "PER")]
    repaired = repair_mentions(text, found[:1], GAZETTEER)
    assert spans(text, repaired) == [("ساركوزي", "PER"), ("ميركل", "PER")]


def test_an_organisation_is_split_at_wa_only_where_the_article_names_the_second_part():
    text = "ضمن خطط التنمية في الخليج، وبحسب منظمة التعاون والتنمية تقدم الهلال والنصر. وفاز النصر."
    found = [mention(text, "منظمة التعاون والتنمية", "ORG"), mention(text, "الهلال والنصر", "ORG"),
             mention(text, "النصر.", "ORG")]  # fmt: skip
    found[2] = Mention("النصر", "ORG", found[2].start, found[2].start + 5)
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [
        ("منظمة التعاون والتنمية", "ORG"), ("الهلال", "ORG"), ("النصر", "ORG"), ("النصر", "ORG")
    ]


def test_a_name_with_a_wa_word_is_kept_without_evidence():
    text = "التقى الوزير عبد الله ولد محمد في نواكشوط."
    found = [mention(text, "عبد الله ولد محمد", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [("عبد الله ولد محمد", "PER")]


def test_country_and_city_in_one_span_become_two_places():
    text = "وصل الوفد إلى عاصمة الهند نيو دلهي أمس."
    found = [mention(text, "الهند نيو دلهي", "LOC")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [("الهند", "LOC"), ("نيو دلهي", "LOC")]
    # One place that is a single entry stays whole.
    single = "وصل الوفد إلى نيو دلهي أمس."
    assert spans(single, repair_mentions(single, [mention(single, "نيو دلهي", "LOC")], GAZETTEER)) == [
        ("نيو دلهي", "LOC")
    ]


def test_untagged_name_after_a_counterpart_phrase_becomes_a_person():
    text = "التقى الرئيس الفرنسي، إيمانويل ماكرون، بنظيره الأوكراني، فولوديمير زيلينسكي على هامش القمة."
    found = [mention(text, "إيمانويل ماكرون", "PER")]
    repaired = repair_mentions(text, found, GAZETTEER)
    assert spans(text, repaired) == [("إيمانويل ماكرون", "PER"), ("فولوديمير زيلينسكي", "PER")]
    # Nothing is added where the words after the phrase are not a name.
    plain = "واتصل الوزير بنظيره الروسي أمس لبحث الأزمة."
    assert repair_mentions(plain, [], GAZETTEER) == []
    # Nor across a line: a headline's counterpart is not the lead's first words.
    headline = "وزير الخارجية يجري مباحثات مع نظيره الإيطالي\n أجرى وزير الخارجية مباحثات اليوم."
    assert repair_mentions(headline, [], GAZETTEER) == []


def test_a_place_pair_the_article_also_names_as_an_organisation_is_not_split():
    gazetteer = Gazetteer([("LOC", "باريس"), ("LOC", "سان جيرمان")])
    text = "لعب مع باريس سان جيرمان موسما، ثم غادر باريس سان جيرمان."
    first = text.index("باريس")
    second = text.index("باريس", first + 1)
    club = Mention("باريس سان جيرمان", "ORG", first, first + 16)
    as_place = Mention("باريس سان جيرمان", "LOC", second, second + 16)
    assert [m.surface for m in repair_mentions(text, [as_place], gazetteer)] == ["باريس", "سان جيرمان"]
    repaired = repair_mentions(text, [club, as_place], gazetteer)
    assert [m.surface for m in repaired] == ["باريس سان جيرمان", "باريس سان جيرمان"]


def test_two_places_side_by_side_become_the_organisation_named_elsewhere():
    text = "لعب مع باريس سان جيرمان موسما، ثم غادر باريس سان جيرمان."
    first = text.index("باريس")
    second = text.index("باريس", first + 1)
    club = Mention("باريس سان جيرمان", "ORG", first, first + 16)
    paris = Mention("باريس", "LOC", second, second + 5)
    saint_germain = Mention("سان جيرمان", "LOC", second + 6, second + 16)
    repaired = repair_mentions(text, [club, paris, saint_germain], GAZETTEER)
    assert [(m.surface, m.type) for m in repaired] == [("باريس سان جيرمان", "ORG")] * 2
    alone = repair_mentions(text, [paris, saint_germain], GAZETTEER)
    assert [m.surface for m in alone] == ["باريس", "سان جيرمان"]


def test_a_run_of_places_listed_whole_on_the_weak_list_is_not_cut():
    gazetteer = Gazetteer([("LOC", "أيرلندا"), ("LOC", "الشمالية"), ("LOC_WEAK", "أيرلندا الشمالية")])
    text = "فاز منتخب أيرلندا الشمالية على البرازيل."
    found = [mention(text, "أيرلندا الشمالية", "LOC")]
    assert spans(text, repair_mentions(text, found, gazetteer)) == [("أيرلندا الشمالية", "LOC")]
    cut = Gazetteer([("LOC", "أيرلندا"), ("LOC", "الشمالية")])
    assert spans(text, repair_mentions(text, found, cut)) == [("أيرلندا", "LOC"), ("الشمالية", "LOC")]


def test_ministries_and_state_bodies_with_their_peoples_adjective_are_organisations():
    text = "وقال المتحدث باسم لوزارة الخارجية الإيرانية إن الحكومة الفنلندية ووزير الخارجية الأمريكي"
    text += " أعلنت وزارة الصحة الأربعاء أن الجيش التركي"
    found = [mention(text, "الجيش التركي", "ORG")]
    added = [(m.surface, m.type) for m in repair_mentions(text, found, GAZETTEER)]
    assert added == [
        ("وزارة الخارجية الإيرانية", "ORG"),
        ("الحكومة الفنلندية", "ORG"),
        ("وزارة الصحة", "ORG"),
        ("الجيش التركي", "ORG"),
    ]


def test_news_agencies_are_organisations_and_take_the_place_in_their_name():
    text = "ونقلت وكالة أنباء الإمارات عن وكالة الأنباء الكورية المركزية ووكالة الأنباء الرسمية"
    found = [mention(text, "الإمارات", "LOC")]
    assert [(m.surface, m.type) for m in repair_mentions(text, found, GAZETTEER)] == [
        ("وكالة أنباء الإمارات", "ORG"),
        ("وكالة الأنباء الكورية المركزية", "ORG"),
    ]


def test_a_ministrys_name_ends_at_a_comma():
    text = "وقال المتحدث باسم وزارة الخارجية الإيرانية، بهرام قاسمي"
    assert [m.surface for m in repair_mentions(text, [], GAZETTEER)] == ["وزارة الخارجية الإيرانية"]


def test_a_ministrys_name_ends_before_the_title_of_the_person_after_it():
    text = "قام مدير شؤون المعلمين بوزارة التعليم الأستاذ خالد القحطاني بزيارة"
    found = [mention(text, "خالد القحطاني", "PER")]
    added = [m.surface for m in repair_mentions(text, found, GAZETTEER) if m.type == "ORG"]
    assert added == ["وزارة التعليم"]


def test_a_short_conjunct_is_split_off_when_the_rest_is_a_known_full_name():
    # "وعبد" is too short to split on its own evidence; "عبد الملك الحوثي" is a known person
    text = "قتال بين الموالين للمخلوع صالح وعبد الملك الحوثي في صنعاء."
    found = [mention(text, "صالح وعبد الملك الحوثي", "PER")]
    expected = [("صالح", "PER"), ("عبد الملك الحوثي", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected
    # an unknown rest after a short conjunct stays joined
    other = "قتال بين الموالين للمخلوع صالح وعبد الكريم الزبيدي في صنعاء."
    joined = [mention(other, "صالح وعبد الكريم الزبيدي", "PER")]
    assert spans(other, repair_mentions(other, joined, GAZETTEER)) == [("صالح وعبد الكريم الزبيدي", "PER")]


def test_a_name_with_a_royal_title_after_an_institutions_head_names_the_institution():
    text = "وصلت الرحلة إلى مطار الملك عبدالعزيز في جدة، وتبدأ جامعة الأمير سطام بن عبدالعزيز التسجيل."
    found = [mention(text, "الملك عبدالعزيز", "LOC"), mention(text, "جدة", "LOC")]
    found.append(mention(text, "سطام بن عبدالعزيز", "PER"))
    expected = [("مطار الملك عبدالعزيز", "LOC"), ("جدة", "LOC"), ("جامعة الأمير سطام بن عبدالعزيز", "ORG")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected
    # a place right after the name does not stop it
    text = "سيعقد الاتحاد اجتماعا في مقره بمجمع الأمير فيصل الأولمبي بالرياض لمناقشة الأمر."
    found = [mention(text, "فيصل الأولمبي", "PER"), mention(text, "بالرياض", "LOC")]
    expected = [("مجمع الأمير فيصل الأولمبي", "ORG"), ("بالرياض", "LOC")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected
    # the king's council is no body named after him; the king stays a person
    council = "وحضر مجلس الملك سلمان عدد من الأمراء."
    assert spans(council, repair_mentions(council, [mention(council, "سلمان", "PER")], GAZETTEER)) == [
        ("سلمان", "PER")
    ]


def test_a_korean_name_takes_its_last_syllable_but_not_a_preposition_or_a_long_word():
    text = "سيستقبل ترامب نظيره مون جيه إن في واشنطن، وقال ري يونغ هو إن كيم هاولز وصل."
    found = [mention(text, name, "PER") for name in ("مون جيه", "ري يونغ", "كيم هاولز")]
    expected = [("مون جيه إن", "PER"), ("ري يونغ هو", "PER"), ("كيم هاولز", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected
    other = "والتقى كيم جونغ في سيول."
    assert spans(other, repair_mentions(other, [mention(other, "كيم جونغ", "PER")], GAZETTEER)) == [
        ("كيم جونغ", "PER")
    ]


def test_a_word_for_a_kind_of_place_is_no_place_of_its_own_and_an_agency_ends_at_a_masculine_word():
    gazetteer = Gazetteer([("LOC", "مدينة"), ("LOC", "رام الله")])
    text = "في المستشفى في مدينة رام الله، وقال مراسل وكالة الأنباء الفرنسية المتواجد هناك."
    found = [mention(text, "مدينة رام الله", "LOC")]
    expected = [("رام الله", "LOC"), ("وكالة الأنباء الفرنسية", "ORG")]
    assert spans(text, repair_mentions(text, found, gazetteer)) == expected


def test_a_road_named_after_a_king_is_a_place_without_the_bracket_before_it():
    text = "افتتاح (طريق الملك فهد) أمس."
    found = [mention(text, "فهد", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [("طريق الملك فهد", "LOC")]


def test_a_head_read_as_a_name_before_a_person_opens_the_name_given_after_them():
    text = "حارس مدرسة حسان بن ثابت المتوسطة، وقالت وزارة الخارجية البحرينية السفير عبدالله إن."
    found = [mention(text, "مدرسة", "ORG"), mention(text, "حسان بن ثابت المتوسطة", "PER")]
    expected = [("مدرسة حسان بن ثابت المتوسطة", "ORG"), ("وزارة الخارجية البحرينية", "ORG")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected


def test_a_city_whose_first_word_names_nothing_alone_is_not_cut():
    gazetteer = Gazetteer([("LOC", "سان"), ("LOC", "بطرسبرغ"), ("LOC", "سان بطرسبرغ")])
    text = "وصل الدبلوماسيون إلى سان بطرسبرغ أمس."
    found = [mention(text, "سان بطرسبرغ", "LOC")]
    assert spans(text, repair_mentions(text, found, Gazetteer([("LOC", "سان"), ("LOC", "بطرسبرغ")]))) == [
        ("سان بطرسبرغ", "LOC")
    ]
    assert spans(text, repair_mentions(text, found, gazetteer)) == [("سان بطرسبرغ", "LOC")]


def test_la_and_a_body_the_article_names_is_no_part_of_the_person_after_it():
    text = "وقال المدير العام لأوفيد علي شريف العمادي إن أوفيد تمول المشاريع."
    found = [mention(text, "لأوفيد علي شريف العمادي", "PER"), mention(text, "أوفيد تمول", "ORG")]
    found[1] = Mention("أوفيد", "ORG", found[1].start, found[1].start + len("أوفيد"))
    expected = [("علي شريف العمادي", "PER"), ("أوفيد", "ORG")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected


def test_a_peninsula_is_not_cut_at_its_first_word():
    text = "في شبه جزيرة سيناء."
    gazetteer = Gazetteer([("LOC", "شبه"), ("LOC", "جزيرة سيناء")])
    assert spans(text, repair_mentions(text, [mention(text, "شبه جزيرة سيناء", "LOC")], gazetteer)) == [
        ("شبه جزيرة سيناء", "LOC")
    ]


def test_a_tatweel_after_the_preposition_is_no_part_of_the_airports_name():
    text = "تأجيل الرحلات بـمطار الملك خالد الدولي."
    found = [mention(text, "الملك خالد", "LOC")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [("مطار الملك خالد", "LOC")]


def test_a_town_after_the_word_city_keeps_its_own_name():
    text = "وقعت الهجمات في مدينة الشيخ زويد بسيناء."
    found = [mention(text, "الشيخ زويد", "LOC")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [("الشيخ زويد", "LOC")]


def test_an_organisation_is_split_at_wa_before_a_bodys_head_noun():
    text = "وانتقدت المنظمة العالمية لمناهضة التعذيب ومركز كارتر القانون."
    found = [mention(text, "المنظمة العالمية لمناهضة التعذيب ومركز كارتر", "ORG")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [
        ("المنظمة العالمية لمناهضة التعذيب", "ORG"), ("مركز كارتر", "ORG")
    ]


def test_a_known_full_name_after_ba_is_a_second_person():
    text = "اتصل الرئيس الروسي فلاديمير بوتين ببشار الأسد أمس."
    found = [mention(text, "فلاديمير بوتين ببشار الأسد", "PER")]
    expected = [("فلاديمير بوتين", "PER"), ("بشار الأسد", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected
    text = "وقال محمد بن بدر الحربي إن الاجتماع انتهى."  # a name word that opens with ب stays
    found = [mention(text, "محمد بن بدر الحربي", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [("محمد بن بدر الحربي", "PER")]


def test_a_short_name_that_opens_known_names_splits_at_its_wa():
    text = "وقال كيم إن قمة ترمب وكيم كانت ناجحة."
    found = [mention(text, "كيم", "PER"), mention(text, "ترمب وكيم", "PER")]
    expected = [("كيم", "PER"), ("ترمب", "PER"), ("كيم", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected


def test_a_persons_name_in_quotes_after_a_word_for_a_company_is_the_company():
    text = 'زار مؤسس مجموعة "علي بابا" الصينية إسرائيل. وقال علي بابا إن الزيارة ناجحة.'
    found = [mention(text, "علي بابا", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [("علي بابا", "ORG")]
    second = text.rindex("علي بابا")  # the same words unquoted stay a person
    found = [Mention("علي بابا", "PER", second, second + len("علي بابا"))]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == [("علي بابا", "PER")]


def test_a_known_full_name_and_another_persons_surname_are_two_people():
    text = "وأرسل الرئيس دونالد ترامب بومبيو إلى كوريا الشمالية. ووصل مايك بومبيو أمس."
    found = [mention(text, "دونالد ترامب بومبيو", "PER"), mention(text, "مايك بومبيو", "PER")]
    expected = [("دونالد ترامب", "PER"), ("بومبيو", "PER"), ("مايك بومبيو", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected
    alone = "وأرسل الرئيس دونالد ترامب بومبيو إلى كوريا الشمالية."  # no other person so named
    found = [mention(alone, "دونالد ترامب بومبيو", "PER")]
    assert spans(alone, repair_mentions(alone, found, GAZETTEER)) == [("دونالد ترامب بومبيو", "PER")]


def test_a_surname_the_article_gives_the_same_first_name_joins_the_span():
    text = "نائب الرئيس خالد بحاح يصل إلى عدن. وصل رئيس الوزراء خالد محفوظ بحاح ومعه وزراء."
    found = [mention(text, "خالد بحاح", "PER"), mention(text, "خالد محفوظ", "PER")]
    expected = [("خالد بحاح", "PER"), ("خالد محفوظ بحاح", "PER")]
    assert spans(text, repair_mentions(text, found, GAZETTEER)) == expected
    carried = found + [Mention("بحاح", "PER", text.rindex("بحاح"), text.rindex("بحاح") + 4)]
    assert spans(text, repair_mentions(text, sorted(carried, key=lambda m: m.start), GAZETTEER)) == expected
    other = "وقال خالد بحاح إن خالد محفوظ وصل أمس."  # not his surname's place: the next word is a verb
    found = [mention(other, "خالد بحاح", "PER"), mention(other, "خالد محفوظ", "PER")]
    assert spans(other, repair_mentions(other, found, GAZETTEER))[1] == ("خالد محفوظ", "PER")


def test_a_place_in_quotation_marks_after_told_to_is_the_newspaper():
    text = 'وأكد ل "الرياض" غزاي الحربي أن والده وصل إلى الرياض أمس، وقال لـ«المدينة» إنه بخير.'
    city = text.rindex("الرياض")
    mentions = [mention(text, "الرياض", "LOC"), Mention("الرياض", "LOC", city, city + 6)]
    mentions.append(mention(text, "المدينة", "LOC"))
    repaired = repair_mentions(text, mentions, GAZETTEER)
    assert [m.type for m in repaired] == ["ORG", "LOC", "ORG"]


def test_a_ministrys_name_ends_before_what_it_aims_at_or_whom_it_addresses():
    text = "وتأتي جهود وزارة الصحة الرامية إلى الوقاية، ودعت وزارة الصحة المواطنين إلى الحذر."
    names = [m.surface for m in repair_mentions(text, [], GAZETTEER)]
    assert names == ["وزارة الصحة", "وزارة الصحة"]


def test_a_ministrys_name_ends_at_its_peoples_adjective():
    text = "وطالب المغردون وزارة الداخلية السعودية الكشف عن التفاصيل."
    assert [m.surface for m in repair_mentions(text, [], GAZETTEER)] == ["وزارة الداخلية السعودية"]
    korea = "وقالت وزارة الخارجية الكورية الجنوبية إن واشنطن ستحضر."  # a direction goes with it
    assert [m.surface for m in repair_mentions(korea, [], GAZETTEER)] == ["وزارة الخارجية الكورية الجنوبية"]

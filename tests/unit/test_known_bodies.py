from marsad.enrich.known_bodies import add_known_bodies, grouping_of
from marsad.enrich.resolve import Mention, resolve


def test_a_grouping_of_states_becomes_one_organisation_span():
    tokens = "وقالت مجموعة العشرين إن دول بريكس ولمجموعة البريكس رأيا".split()
    tags = ["O", "O", "O", "O", "O", "B-PER", "O", "O", "O"]
    expected = ["O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "B-ORG", "I-ORG", "O"]
    assert add_known_bodies(tokens, tags) == expected


def test_a_longer_span_the_taggers_found_around_a_grouping_stays():
    tokens = "انطلقت قمة مجموعة العشرين أمس".split()
    tags = ["O", "B-MISC", "I-MISC", "I-MISC", "O"]
    assert add_known_bodies(tokens, tags) == tags
    # a head noun alone, or a word that only starts like a grouping, is no grouping
    tokens = "مجموعة من الدول ومجلس التعاون الاقتصادي".split()
    assert add_known_bodies(tokens, ["O"] * 6) == ["O"] * 6


def test_spellings_of_one_grouping_are_one_entity_under_its_first_spelling():
    text = "أكد مجلس التعاون لدول الخليج العربية موقفه، وقال أمين مجلس التعاون الخليجي إن دول بريكس ترحب"
    mentions = []
    for surface in ("مجلس التعاون لدول الخليج العربية", "مجلس التعاون الخليجي", "بريكس"):
        start = text.index(surface)
        mentions.append(Mention(surface, "ORG", start, start + len(surface)))
    entities = {entity.name: entity for entity in resolve(text, mentions)}
    assert set(entities) == {"مجلس التعاون الخليجي", "بريكس"}  # "بريكس" keeps its ب
    gulf = entities["مجلس التعاون الخليجي"]
    assert len(gulf.mentions) == 2 and any("grouping" in why for why in gulf.evidence)
    assert grouping_of("لمجموعة البريكس") == "بريكس" and grouping_of("مجموعة من الدول") is None


def test_each_line_of_the_list_is_one_body():
    african = grouping_of("الاتحاد الأفريقي")
    assert african == grouping_of("الاتحاد الإفريقي") != grouping_of("الاتحاد الأوروبي")
    assert grouping_of("أوبك بلس") != grouping_of("أوبك") == grouping_of("منظمة الدول المصدرة للنفط")
    assert grouping_of("للحلف الأطلسي") == grouping_of("حلف شمال الأطلسي") == "الناتو"


def test_the_coalitions_at_war_are_groupings_and_the_place_after_them_stays_a_place():
    tokens = ["طائرات", "التحالف", "العربي", "لدعم", "الشرعية", "في", "اليمن"]
    tags = add_known_bodies(tokens, ["O"] * 6 + ["B-LOC"])
    assert tags == ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]
    assert grouping_of("تحالف دعم الشرعية") == grouping_of("التحالف العربي") == "التحالف العربي"
    assert grouping_of("والتحالف الدولي") == "التحالف الدولي"


def test_armed_groups_are_one_organisation_but_their_common_words_alone_are_not():
    tokens = "وقالت إن بوكو حرام وقوات سوريا الديمقراطية وفاز الشباب وقال إن القاعدة واضحة".split()
    tags = ["O"] * len(tokens)
    marked = add_known_bodies(tokens, tags)
    assert marked[2:4] == ["B-ORG", "I-ORG"] and marked[4:7] == ["B-ORG", "I-ORG", "I-ORG"]
    assert marked[7:] == ["O"] * (len(tokens) - 7)  # "الشباب" is a club, "القاعدة" a rule
    assert grouping_of("جماعة الحوثي") == grouping_of("أنصار الله") != grouping_of("حركة الشباب")

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

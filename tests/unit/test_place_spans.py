"""Places completed from the gazetteer: one untagged word joins a span that is no place alone."""

from marsad.enrich.gazetteer import Gazetteer
from marsad.enrich.place_spans import extend_place_spans

GAZETTEER = Gazetteer(
    [("LOC", "المدينة المنورة"), ("LOC", "مكة"), ("LOC", "مكة المكرمة"), ("LOC", "مدينة الصدر")]
)


def test_a_fragment_of_a_listed_place_takes_the_word_next_to_it():
    tokens = ["على", "طريق", "السلام", "بالمدينة", "المنورة", "ودلفت"]
    tags = ["O", "O", "O", "O", "B-LOC", "O"]
    assert extend_place_spans(tokens, tags, GAZETTEER) == ["O", "O", "O", "B-LOC", "I-LOC", "O"]


def test_a_listed_place_a_tagged_neighbour_and_a_kind_of_place_are_left():
    tokens = ["في", "مكة", "المكرمة", "و", "بمدينة", "الصدر", "أمس"]
    tags = ["O", "B-LOC", "O", "O", "O", "B-LOC", "O"]
    assert extend_place_spans(tokens, tags, GAZETTEER) == tags  # "مكة" is a place alone; "مدينة" is a kind
    tagged = ["B-ORG", "B-LOC"]
    assert extend_place_spans(["المدينة", "المنورة"], tagged, GAZETTEER) == tagged


def test_a_city_after_summit_is_a_place_but_a_common_word_is_not():
    from marsad.enrich.place_spans import add_summit_places

    tokens = ["أن", "تسفر", "قمة", "قازان", "عن", "اتفاق", "في", "قمة", "الجبل", "ولقمة", "الرياض"]
    tags = ["O"] * 9 + ["O", "B-LOC"]
    expected = ["O", "O", "O", "B-LOC", "O", "O", "O", "O", "O", "O", "B-LOC"]
    assert add_summit_places(tokens, tags) == expected


def test_an_organisation_takes_the_listed_conjunct_after_it_but_no_generic_word():
    from marsad.enrich.place_spans import extend_organisation_spans

    gazetteer = Gazetteer([("ORG_WEAK", "حزب العدالة والتنمية"), ("ORG_WEAK", "الهيئة العامة"),
                           ("ORG", "هيئة السياحة والتراث الوطني")])  # fmt: skip
    tokens = ["وفد", "حزب", "العدالة", "والتنمية", "و", "هيئة", "السياحة", "والتراث", "الوطني"]
    tokens += ["الهيئة", "العامة"]
    tags = ["O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O"]
    expected = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "O"]
    assert extend_organisation_spans(tokens, tags, gazetteer) == expected


def test_a_compass_word_that_makes_another_country_joins_the_span_but_a_region_stays_out():
    tokens = ["على", "حكومة", "جنوب", "السودان", "و", "في", "شمال", "العراق", "وجنوب", "أفريقيا"]
    tags = ["O", "O", "O", "B-LOC", "O", "O", "O", "B-LOC", "O", "B-LOC"]
    expected = ["O", "O", "B-LOC", "I-LOC", "O", "O", "O", "B-LOC", "B-LOC", "I-LOC"]
    assert extend_place_spans(tokens, tags, GAZETTEER) == expected
    tokens = ["جمهورية", "الصين", "الشعبية"]  # "جمهورية الصين" alone is Taiwan's name, but no compass word
    assert extend_place_spans(tokens, ["O", "B-LOC", "O"], GAZETTEER) == ["O", "B-LOC", "O"]

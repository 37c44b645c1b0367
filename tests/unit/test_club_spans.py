from marsad.enrich.club_spans import places_as_clubs


def test_a_town_in_a_draw_list_or_next_to_a_score_is_its_club():
    tokens = ["ليفسكي", "صوفيا", "(", "بلغاريا", ")", "-", "تشلسي", "(", "إنجلترا", ")"]
    tags = ["B-LOC", "I-LOC", "O", "B-LOC", "O", "O", "B-LOC", "O", "B-LOC", "O"]
    expected = ["B-ORG", "I-ORG", "O", "B-LOC", "O", "O", "B-ORG", "O", "B-LOC", "O"]
    assert places_as_clubs(tokens, tags) == expected
    score = ["فاز", "على", "كوبنهاغن", "1", "-", "صفر"]
    assert places_as_clubs(score, ["O", "O", "B-LOC", "O", "O", "O"]) == ["O", "O", "B-ORG", "O", "O", "O"]


def test_a_town_with_one_country_in_brackets_or_a_country_with_a_score_stays_a_place():
    one = ["وصل", "إلى", "ليون", "(", "فرنسا", ")", "أمس"]
    tags = ["O", "O", "B-LOC", "O", "B-LOC", "O", "O"]
    assert places_as_clubs(one, tags) == tags
    country = ["فازت", "فرنسا", "2", "-", "1"]
    assert places_as_clubs(country, ["O", "B-LOC", "O", "O", "O"]) == ["O", "B-LOC", "O", "O", "O"]


def test_towns_with_their_countries_in_brackets_but_no_dash_are_a_journey():
    tokens = ["إلى", "نجامينا", "(", "تشاد", ")", "وجيبوتي", "(", "جيبوتي", ")", "ونيروبي", "(", "كينيا", ")"]
    tags = ["O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "O"]
    assert places_as_clubs(tokens, tags) == tags

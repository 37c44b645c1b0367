"""Person-name completion after the taggers: known full names, given names in front."""

from marsad.arabic.normalize import normalize_word
from marsad.enrich.ner import find_entities
from marsad.enrich.person_spans import add_known_people, extend_person_spans
from marsad.names import index_names, shipped_given_names


def test_given_name_before_a_person_joins_it():
    names = frozenset({normalize_word("أنيسة")})
    tokens = ["عن", "أنيسة", "بصيري", "التبريزي"]
    tags = ["O", "O", "B-PER", "I-PER"]
    assert extend_person_spans(tokens, tags, names) == ["O", "B-PER", "I-PER", "I-PER"]


def test_given_name_is_matched_after_normalisation_and_only_before_people():
    names = frozenset({normalize_word("أنيسة")})
    assert extend_person_spans(["انيسه", "بصيري"], ["O", "B-PER"], names) == ["B-PER", "I-PER"]
    assert extend_person_spans(["أنيسة", "لندن"], ["O", "B-LOC"], names) == ["O", "B-LOC"]


def test_at_most_two_given_names_are_added():
    names = frozenset({"محمد", "علي", "حسن"})
    tokens = ["حسن", "علي", "محمد", "الخطيب"]
    tags = ["O", "O", "O", "B-PER"]
    assert extend_person_spans(tokens, tags, names) == ["O", "B-PER", "I-PER", "I-PER"]


def test_shipped_list_holds_given_names_not_function_words():
    names = shipped_given_names()
    assert len(names) > 1000
    assert not {normalize_word(w) for w in ("في", "من", "على", "الرئيس", "قال")} & names


def test_a_half_tagged_modern_name_comes_out_whole():
    # "دونالد ترامب" post-dates the CRF's training news; the CRF alone tags only "دونالد".
    found = find_entities("وقال الرئيس الأمريكي دونالد ترامب إن المحادثات تتقدم بشكل طيب")
    assert [(kind, surface) for _, _, kind, surface in found] == [("PER", "دونالد ترامب")]


KNOWN = index_names(["دونالد ترامب", "كيم جونغ اون"])


def test_untagged_known_name_becomes_a_person():
    tokens = ["بين", "الرئيس", "،", "دونالد", "ترامب", "،", "وكيم", "جونغ", "أون"]
    tags = ["O"] * 9
    assert add_known_people(tokens, tags, KNOWN) == [
        "O", "O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER",
    ]  # fmt: skip


def test_known_name_needs_all_its_words_and_no_other_type_inside():
    assert add_known_people(["دونالد", "قال"], ["O", "O"], KNOWN) == ["O", "O"]
    tagged = ["B-ORG", "I-ORG"]
    assert add_known_people(["دونالد", "ترامب"], tagged, KNOWN) == tagged
    assert add_known_people(["دونالد", "ترامب"], ["O", "O"], {}) == ["O", "O"]
    assert add_known_people(["دونالد", "ترامب"], ["B-PER", "B-LOC"], KNOWN) == ["B-PER", "B-LOC"]


def test_known_name_completes_a_half_tagged_person_but_not_a_longer_one():
    half = add_known_people(["قال", "دونالد", "ترامب", "إن"], ["O", "B-PER", "O", "O"], KNOWN)
    assert half == ["O", "B-PER", "I-PER", "O"]
    tail = add_known_people(["قال", "دونالد", "ترامب"], ["O", "O", "B-PER"], KNOWN)
    assert tail == ["O", "B-PER", "I-PER"]
    longer = ["B-PER", "I-PER", "I-PER"]  # "دونالد ترامب جونيور": the tagger's longer name stays
    assert add_known_people(["دونالد", "ترامب", "جونيور"], longer, KNOWN) == longer


def test_a_hyphenated_name_is_one_entity():
    found = find_entities("وقال السفير غوستافو ميزا-كوادرا إن الحكومة وافقت على الزيارة")
    people = [surface for _, _, kind, surface in found if kind == "PER"]
    assert people == ["غوستافو ميزا-كوادرا"]
    assert all(not surface.startswith("كوادرا") for _, _, _, surface in found)


def test_hashtag_marks_do_not_cut_names():
    text = "صورة للرئيس الروسي فلاديمير #بوتين وهو يدخل القصر الرئاسي في #كوريا_الشمالية"
    found = {(kind, " ".join(surface.split())) for _, _, kind, surface in find_entities(text)}
    assert ("PER", "فلاديمير بوتين") in found
    assert ("LOC", "كوريا الشمالية") in found
    for start, end, _, surface in find_entities(text):
        assert len(surface) == end - start  # offsets still index the text itself


def test_two_people_joined_by_and_are_not_one_known_name():
    from marsad.train.known_people import _pairs_of_people

    names = {"مورينيو وبوغبا", "بول بوغبا", "سيرغي ويوليا", "سيرينا ويليامز", "روبي ويليامز", "جون وارنر"}
    given = frozenset({"يوليا", "سيرغي", "بول", "جون", "سيرينا", "روبي"})
    assert _pairs_of_people(names, given) == {"مورينيو وبوغبا", "سيرغي ويوليا"}


def test_a_known_name_read_with_its_conjunction_is_kept_without_it():
    from marsad.train.known_people import _without_stuck_conjunction

    first_words = {"محمد", "سام", "ليام"}
    assert _without_stuck_conjunction("ومحمد بركات", first_words) == "محمد بركات"
    assert _without_stuck_conjunction("وسام بن يدر", first_words) == "وسام بن يدر"
    assert _without_stuck_conjunction("وليام نوردهاوس", first_words) == "وليام نوردهاوس"
    assert _without_stuck_conjunction("واين روني", first_words) == "واين روني"  # "اين" opens no name


def test_a_name_goes_on_past_a_latin_initial_and_its_period():
    from marsad.enrich.ner import _through_initials

    tokens = ["مركز", "جون", "إف", ".", "كينيدي", "للفنون"]
    tags = ["O", "B-PER", "I-PER", "O", "B-PER", "O"]
    _through_initials(tokens, tags)
    assert tags == ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O"]
    # An initial that ends a sentence, or a period after an ordinary name word, changes nothing.
    for tokens in (["قال", "جون", "إف", "."], ["قال", "جون", "سميث", ".", "وأضاف"]):
        tags = ["O", "B-PER", "I-PER", "O"] + ["O"] * (len(tokens) - 4)
        before = list(tags)
        _through_initials(tokens, tags)
        assert tags == before

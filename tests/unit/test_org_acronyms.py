from marsad.enrich.ner import find_entities
from marsad.enrich.org_acronyms import add_org_acronyms, is_acronym, shipped_org_acronyms


def test_known_acronyms_become_organisations_and_tagged_words_stay():
    tokens = ["ونقلت", '"', "CNN", '"', "عن", "GPS", "و", "BBC", "FIFA"]
    tags = ["O", "O", "O", "O", "O", "O", "O", "O", "B-MISC"]
    marked = add_org_acronyms(tokens, tags, frozenset({"CNN", "BBC", "FIFA"}))
    assert marked == ["O", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "B-MISC"]


def test_acronym_shape():
    assert is_acronym("CNN") and is_acronym("AT&T") and is_acronym("G20")
    assert not is_acronym("Cnn") and not is_acronym("C") and not is_acronym("NATIONALS")


def test_shipped_list_holds_organisations_not_places_or_terms():
    acronyms = shipped_org_acronyms()
    assert {"CNN", "BBC", "NATO", "OPEC"} <= acronyms
    assert not acronyms & {"USA", "ATM", "GPS", "OLED", "BTC"}


def test_a_latin_source_in_arabic_text_is_found():
    found = find_entities('ونقلت شبكة "CNN" عن مسؤول قوله إن المحادثات انتهت.')
    assert ("ORG", "CNN") in {(kind, surface) for _, _, kind, surface in found}

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import MATCHING, NormalizeOptions, normalize
from marsad.arabic.stem import light_stem

ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئةى") + ["\u064b", "\u064e", "\u0651", "\u0640", " ", "،", "٣", "\u200f"]
    ),
    max_size=80,
)


@settings(max_examples=300)
@given(st.one_of(ARABIC_TEXT, st.text(max_size=80)))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300)
@given(st.one_of(ARABIC_TEXT, st.text(max_size=80)))
def test_matching_normalize_is_idempotent(text):
    once = normalize(text, MATCHING)
    assert normalize(once, MATCHING) == once


@settings(max_examples=200)
@given(ARABIC_TEXT, st.booleans(), st.booleans())
def test_options_never_grow_text(text, taa, alef):
    options = NormalizeOptions(taa_marbuta=taa, alef=alef)
    assert len(normalize(text, options)) <= len(text)


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("ابتوفلكمنهيةى")), min_size=1, max_size=12))
def test_light_stem_is_a_substring_of_the_folded_word(word):
    folded = normalize(word, MATCHING)
    assert light_stem(word) in folded

from marsad.arabic.normalize import (
    MATCHING,
    NormalizeOptions,
    arabic_ratio,
    normalize,
    strip_diacritics,
    tokens,
)


def test_hamza_alef_forms_fold_to_bare_alef():
    assert normalize("أحمد إبراهيم آمال ٱلله") == "احمد ابراهيم امال الله"


def test_taa_marbuta_and_alef_maqsura_fold_by_default():
    assert normalize("الأمريكية مستشفى") == "الامريكيه مستشفي"


def test_taa_marbuta_fold_is_configurable():
    assert normalize("مدينة", NormalizeOptions(taa_marbuta=False)) == "مدينة"


def test_diacritics_tatweel_and_shadda_removed():
    assert normalize("سَيُسهِّلُ العـــربية") == "سيسهل العربيه"
    assert strip_diacritics("مُحَمَّد") == "محمد"


def test_arabic_indic_and_persian_digits_become_ascii():
    assert normalize("٢٠٢٤ و۱۴۰۳") == "2024 و1403"


def test_presentation_forms_fold_to_letters():
    # U+FEE3 U+FEA4 U+FEE4 U+FEAA: "محمد" in presentation forms
    assert normalize("\ufee3\ufea4\ufee4\ufeaa") == "محمد"


def test_bidi_and_zero_width_characters_removed():
    assert normalize("بوتين\u200f \u202bإيران\u202c\u200b") == "بوتين ايران"


def test_matching_drops_punctuation():
    assert normalize("«ترامب»: نعم!", MATCHING) == "ترامب نعم"
    assert tokens("الولايات، المتحدة.") == ["الولايات", "المتحده"]


def test_variant_spellings_meet():
    assert tokens("الامريكيه") == tokens("الأمريكيّة")


def test_arabic_ratio():
    assert arabic_ratio("hello") == 0.0
    assert arabic_ratio("مرحبا") == 1.0
    assert 0.4 < arabic_ratio("مرحبا hello") < 0.6

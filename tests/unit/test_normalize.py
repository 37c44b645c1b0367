import dataclasses
import random

from marsad.arabic.normalize import (
    MATCHING,
    NormalizeOptions,
    arabic_ratio,
    collapse_spaces,
    fold_letter_forms,
    fold_presentation_forms,
    normalize,
    normalize_alef,
    normalize_alef_maqsura,
    normalize_digits,
    normalize_hamza_carriers,
    normalize_persian_letters,
    normalize_taa_marbuta,
    replace_punctuation,
    strip_diacritics,
    strip_invisibles,
    strip_tatweel,
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


def _step_by_step(text: str, options: NormalizeOptions) -> str:
    """The folds applied one at a time, in the documented order: what `normalize` must equal."""
    text = strip_invisibles(fold_presentation_forms(text))
    steps = [
        (options.diacritics, strip_diacritics),
        (options.tatweel, strip_tatweel),
        (options.persian_letters, normalize_persian_letters),
        (options.alef, normalize_alef),
        (options.hamza_carriers, normalize_hamza_carriers),
        (options.alef_maqsura, normalize_alef_maqsura),
        (options.taa_marbuta, normalize_taa_marbuta),
        (options.digits, normalize_digits),
        (options.lowercase, str.lower),
        (options.punctuation, replace_punctuation),
    ]
    for wanted, step in steps:
        if wanted:
            text = step(text)
    return collapse_spaces(text)


def test_one_pass_normalize_equals_the_folds_in_turn():
    rng = random.Random(7)
    alphabet = "أإآٱابتةىيئؤوکیۀھـًٌٍَُِّْٰ٠١٩۴۵\u200f\u202b\ufeff\u00adﻻﷲAbÇİ,.؟! \t\n"
    flags = [field.name for field in dataclasses.fields(NormalizeOptions)]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        options = NormalizeOptions(**{flag: rng.random() < 0.5 for flag in flags})
        assert normalize(text, options) == _step_by_step(text, options), (text, options)


def test_letter_forms_fold_to_letters_and_keep_the_length():
    text = "منطقة ﺍﻟﺒﺮﻳﻘﺔ ﻻ ﷺ"  # letters in presentation forms, then two ligatures
    folded = fold_letter_forms(text)
    assert folded.split()[:2] == ["منطقة", "البريقة"]
    assert len(folded) == len(text) and folded.endswith("ﻻ ﷺ")  # ligatures would change offsets


def test_names_in_presentation_forms_are_found_and_named_in_plain_letters():
    from marsad.enrich.ner import find_entities

    plain = "وقال علي عبد الله صالح إن القوات دخلت عدن أمس"
    shaped = plain.replace("علي", "ﻋﻠﻲ").replace("عدن", "ﻋﺪﻥ")
    assert shaped != plain
    assert find_entities(shaped) == find_entities(plain)
    assert ("علي عبد الله صالح", "PER") in {(surface, kind) for _, _, kind, surface in find_entities(shaped)}

from marsad.arabic.sentences import split_sentences, split_spans
from marsad.arabic.tokenize import proclitic_splits, tokenize, tokenize_spans


def test_splits_on_arabic_and_latin_terminators():
    text = "وصل الوفد. هل انتهى الاجتماع؟ نعم! ثم غادر؛ وانتهى كل شيء..."
    assert split_sentences(text) == ["وصل الوفد.", "هل انتهى الاجتماع؟", "نعم!", "ثم غادر؛", "وانتهى كل شيء..."]


def test_arabic_comma_does_not_end_a_sentence():
    assert split_sentences("قال الوزير، في مؤتمر صحفي، إن الاتفاق قريب.") == [
        "قال الوزير، في مؤتمر صحفي، إن الاتفاق قريب."
    ]


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    text = 'قال الرئيس: «انتهى الأمر.» ثم غادر. (هذا مهم.) "وهذا أيضا؟" وانتهى'
    assert split_sentences(text) == [
        "قال الرئيس: «انتهى الأمر.»",
        "ثم غادر.",
        "(هذا مهم.)",
        '"وهذا أيضا؟"',
        "وانتهى",
    ]


def test_numbers_abbreviations_and_initials_do_not_end_a_sentence():
    text = "قال د. محمد لوكالة أ.ف.ب إن النمو بلغ 3.5 في المئة. وأضاف"
    assert split_sentences(text) == ["قال د. محمد لوكالة أ.ف.ب إن النمو بلغ 3.5 في المئة.", "وأضاف"]


def test_line_breaks_end_sentences_and_spans_point_into_the_text():
    text = "  عنوان الخبر\n\nالفقرة الأولى. الفقرة الثانية  "
    sentences = split_spans(text)
    assert [s.text for s in sentences] == ["عنوان الخبر", "الفقرة الأولى.", "الفقرة الثانية"]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_empty_text_has_no_sentences():
    assert split_sentences("") == [] and split_sentences(" \n ") == []


def test_tokenizer_separates_punctuation_and_keeps_clitics():
    assert tokenize("وقال «الرئيس»: بالعراق، (د ب أ)") == [
        "وقال", "«", "الرئيس", "»", ":", "بالعراق", "،", "(", "د", "ب", "أ", ")",
    ]  # fmt: skip


def test_tokenizer_keeps_numbers_marks_and_latin_words_whole():
    assert tokenize("بلغ ٣٫٥ أو 1,200 دولار في 2017/2018 العـربيةُ O'Neil كوفيد19") == [
        "بلغ", "٣٫٥", "أو", "1,200", "دولار", "في", "2017/2018", "العـربيةُ", "O'Neil", "كوفيد19",
    ]  # fmt: skip


def test_tokenizer_splits_words_where_the_script_changes():
    # scraped pages glue a Latin word to an Arabic one; Persian letters are Arabic script
    assert tokenize("آل هويديnafezah وHSBC SMSللتواصل پاکستان F16") == [
        "آل", "هويدي", "nafezah", "و", "HSBC", "SMS", "للتواصل", "پاکستان", "F16",
    ]  # fmt: skip
    text = "علي هويديnafezah"
    assert all(text[t.start : t.end] == t.text for t in tokenize_spans(text))


def test_a_letter_after_taa_marbuta_starts_a_new_word():
    assert tokenize("وزير الخارجيةعادل الجبير والمعايدةأقامت أولمبيةـ ومدرسةٌ حكومته") == [
        "وزير", "الخارجية", "عادل", "الجبير", "والمعايدة", "أقامت", "أولمبيةـ", "ومدرسةٌ", "حكومته",
    ]  # fmt: skip


def test_tokenizer_drops_invisible_marks_and_splits_hashtags():
    assert tokenize("مصر\u200f، #عاصي_الحلاني") == ["مصر", "،", "#", "عاصي", "_", "الحلاني"]


def test_token_spans_point_into_the_text():
    text = "زار ماكرون بيروت، أمس."
    assert all(text[t.start : t.end] == t.text for t in tokenize_spans(text))
    assert [t.start for t in tokenize_spans("أ ب", offset=10)] == [10, 12]


def test_proclitic_readings_include_the_unsplit_word_last():
    readings = proclitic_splits("وللبنان")
    assert ("ول", "لبنان") in readings and ("و", "البنان") in readings
    assert readings[-1] == ("", "وللبنان")
    assert ("ب", "العراق") in proclitic_splits("بالعراق")
    assert proclitic_splits("وب") == (("", "وب"),)


def test_a_latin_initial_inside_a_name_does_not_end_the_sentence():
    assert split_sentences("تحدث في مركز جون إف. كينيدي للفنون. ثم غادر.") == [
        "تحدث في مركز جون إف. كينيدي للفنون.",
        "ثم غادر.",
    ]
    assert len(split_sentences("قال جورج دبليو. بوش إنه هنا.")) == 1
    # A run of letter names is an acronym, which may close a sentence.
    assert split_sentences("نقلت ذلك قناة بي بي سي. وقال آخر.") == ["نقلت ذلك قناة بي بي سي.", "وقال آخر."]


def test_a_terminator_glued_to_the_next_arabic_word_still_ends_the_sentence():
    text = "حتى يستمر في صد «العدوان الروسي».في غضون ذلك أعلنت المنظمة.وقال آخر"
    assert split_sentences(text) == [
        "حتى يستمر في صد «العدوان الروسي».",
        "في غضون ذلك أعلنت المنظمة.",
        "وقال آخر",
    ]
    assert split_sentences("قال د.محمد إن النمو بلغ 3.5 في المئة") == ["قال د.محمد إن النمو بلغ 3.5 في المئة"]
    acronyms = 'وقال لهيئة "بي.بي.سي" وشبكة سي.إن.إن إنه هنا'
    assert split_sentences(acronyms) == [acronyms]
    assert split_sentences("عين اليوم – واس\nاستقبل الملك") == ["عين اليوم – واس", "استقبل الملك"]

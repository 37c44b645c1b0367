"""Duplicates are found through spelling and rewrites, linked (never dropped), the same in every run."""

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import tokens
from marsad.model import Article
from marsad.stories.dedup import (
    CONTAINED,
    EXACT,
    NEAR,
    MemoryDedupIndex,
    band_keys,
    estimate,
    find_duplicates,
    fingerprint,
    near_kind,
)
from marsad.stories.shingles import Words, exact_key, shingle_hashes, shingle_words, shingles, word_tokens
from marsad.stories.similar import describe


def load(fixtures):
    data = json.loads((fixtures / "stories" / "rewrites.json").read_text(encoding="utf-8"))
    return {
        row["key"]: Article(
            title=row["title"], text=row["text"], source=row["source"], published=row["published"]
        )
        for row in data["articles"]
    }


def run(articles):
    """Links by fixture key, processing in publication order."""
    docs = sorted((describe(a) for a in articles.values()), key=lambda d: (d.ts, d.id))
    names = {a.id: key for key, a in articles.items()}
    index = MemoryDedupIndex()
    return {
        names[d.id]: [(names[x.duplicate_of], x.kind) for x in find_duplicates(d.fp, index)] for d in docs
    }


def test_respelled_copy_is_an_exact_duplicate_and_rewrite_a_near_one(fixtures):
    links = run(load(fixtures))
    assert links["wire"] == []
    assert links["respelled"] == [("wire", EXACT)]
    assert links["rewrite"] == [("wire", NEAR)]
    assert links["report"] == []  # same event, own wording: a story member, not a duplicate
    assert links["unrelated"] == []


def test_exact_keys_are_global_but_near_links_stay_in_the_window(fixtures):
    links = run(load(fixtures))
    assert links["month_later"] == [("wire", EXACT)]
    articles = load(fixtures)
    month_later = articles["month_later"]
    edited = Article(
        title=month_later.title,
        text=month_later.text.replace("ستمئة", "سبعمئة"),
        published=month_later.published,
    )
    links = run({"wire": articles["wire"], "edited": edited})
    assert links["edited"] == []  # a near copy a month later is news again, not a duplicate


def test_same_input_gives_the_same_links_in_every_run(fixtures):
    first, second = run(load(fixtures)), run(load(fixtures))
    assert first == second
    a = describe(load(fixtures)["wire"]).fp
    b = describe(load(fixtures)["wire"]).fp
    assert np.array_equal(a.signature, b.signature) and a.key == b.key
    assert band_keys(a.signature) == band_keys(b.signature)


def test_nothing_is_deleted(fixtures):
    articles = load(fixtures)
    links = run(articles)
    assert set(links) == set(articles)  # every article processed and kept, duplicates only linked


def test_word_tokens_match_the_project_tokens():
    text = "قالَ الرئيسُ: «الأمــن أولاً»، و(الاقتصاد) ثانياً! ﻻ تراجع… 2024-03-10 كيم جونغ-أون\u200f"
    assert word_tokens(text) == tokens(text)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ابتةجحخدرزسشصطعغفقكلمنهويىأإآؤئءـَُِّ،؛؟.,:-«»() \n0١٢ﻻ")), max_size=80
    )
)
def test_word_tokens_match_on_any_arabic_text(text):
    assert word_tokens(text) == tokens(text)


def test_exact_key_ignores_spelling_but_not_wording():
    base = Words.of("عنوان", "أعلنت الوزارة اليوم عن خطة جديدة " * 5)
    variant = Words.of("عنوان آخر", "اعلنت الوزاره اليوم عن خطه جديده " * 5)
    other = Words.of("عنوان", "أعلنت الوزارة أمس عن خطة جديدة " * 5)
    assert exact_key(base) == exact_key(variant)
    assert exact_key(base) != exact_key(other)


def test_shingles_drop_function_words_and_clitics():
    a = shingles(shingle_words(Words.of(None, "والرئيس يزور المدينة في الصباح")))
    b = shingles(shingle_words(Words.of(None, "الرئيس يزور المدينة الصباح")))
    assert a == b
    assert len(shingle_hashes(shingle_words(Words.of(None, "كلمة")))) == 1


def test_near_kind_thresholds():
    assert near_kind(0.6, 0.7, 100) == NEAR
    assert near_kind(0.3, 0.9, 100) == CONTAINED
    assert near_kind(0.3, 0.9, 5) is None  # a teaser is "inside" too many texts to mean anything
    assert near_kind(0.2, 0.4, 100) is None


def test_estimate_of_identical_and_empty_texts():
    words = Words.of("عنوان", "نص قصير عن زيارة رسمية للوفد الحكومي إلى العاصمة")
    a, b = fingerprint("a", words), fingerprint("b", words)
    assert estimate(a, b) == (1.0, 1.0)
    empty = fingerprint("c", Words.of(None, ""))
    assert estimate(a, empty) == (0.0, 0.0)

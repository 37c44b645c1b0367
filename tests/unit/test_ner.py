import subprocess
import sys

import pytest

from marsad.enrich.gazetteer import Gazetteer, Match
from marsad.enrich.ner import find_entities, tag_tokens
from marsad.enrich.ner_features import FeatureExtractor, Lexicon, shape, trigger
from marsad.eval.ner import normalize_tag, read_conll, report, score, spans
from marsad.train.ner import bio, wojood_spans

# -- evaluation: CoNLL chunking and scores -------------------------------------------------


def test_bio_spans_follow_conlleval():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-MISC"]
    assert spans(tags) == {(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"), (7, 8, "MISC")}


def test_spans_come_in_sentence_order_whatever_the_hash_seed():
    # Rules after the taggers count and pick among spans; if their order followed Python's
    # hash seed, an article's entities would differ from one run to the next.
    tags = ["B-PER", "I-PER", "O", "B-ORG", "B-LOC", "O", "B-MISC", "B-PER", "O", "B-ORG", "I-ORG"]
    code = f"from marsad.eval.ner import spans; print(list(spans({tags!r})))"
    orders = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout  # fmt: skip
        for seed in range(8)
    }
    assert orders == {str(sorted(spans(tags))) + "\n"}


def test_bioes_and_aliases_read_as_bio_over_four_types():
    raw = ["S-PERS", "B-ORG", "E-ORG", "B-DATE", "I-DATE", "B-GPE", "O", "garbage"]
    assert [normalize_tag(t) for t in raw] == ["B-PER", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    assert spans([normalize_tag(t) for t in raw]) == {(0, 1, "PER"), (1, 3, "ORG")}


def test_exact_span_and_type_are_needed_for_a_hit():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "I-LOC"]]
    counts = score(gold, pred)
    assert (counts["LOC"].tp, counts["LOC"].fp, counts["LOC"].fn) == (1, 1, 0)
    assert (counts["PER"].tp, counts["PER"].fp, counts["PER"].fn) == (0, 1, 1)
    assert counts["micro"].f1 == pytest.approx(2 * (1 / 3) * (1 / 3) / (2 / 3))


def test_read_conll_and_report_micro_f1_last(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text("زار O\nماكرون S-PERS\nبيروت B-LOC\n\n\nوصل O\nالوفد O\n", encoding="utf-8")
    sentences = read_conll(path)
    assert [s.tokens for s in sentences] == [["زار", "ماكرون", "بيروت"], ["وصل", "الوفد"]]
    assert sentences[0].tags == ["O", "B-PER", "B-LOC"]
    table = report(score([s.tags for s in sentences], [s.tags for s in sentences]))
    assert table.splitlines()[-1] == "micro F1: 1.000"


def test_wojood_nested_tags_keep_the_outermost_mapped_entity():
    rows = [["B-OCC"], ["I-OCC", "B-ORG"], ["I-OCC", "I-ORG"], ["I-OCC"], ["I-OCC", "B-GPE"], ["B-NORP"]]
    assert bio(6, wojood_spans(rows)) == ["O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]
    nested = [["B-ORG"], ["I-ORG"], ["I-ORG", "B-PERS"]]
    assert bio(3, wojood_spans(nested)) == ["B-ORG", "I-ORG", "I-ORG"]


# -- features and gazetteer ----------------------------------------------------------------


def test_gazetteer_matches_multiword_entries_through_clitics():
    gazetteer = Gazetteer([("LOC", "الولايات المتحده"), ("LOC", "العراق"), ("PER", "باراك")])
    words = ["وبالعراق", "و", "للولايات", "المتحده", "باراك"]
    assert sorted(gazetteer.matches(words)) == [
        Match(0, 1, "LOC"), Match(2, 4, "LOC"), Match(4, 5, "PER"),
    ]  # fmt: skip


def test_gazetteer_remembered_answers_are_copies_and_stay_bounded():
    from marsad.enrich.gazetteer import RECENT_SENTENCES

    gazetteer = Gazetteer([("LOC", "العراق")])
    first = gazetteer.matches(["في", "العراق"])
    first.append(Match(0, 1, "PER"))  # a caller changing its list must not change the next answer
    assert gazetteer.matches(["في", "العراق"]) == [Match(1, 2, "LOC")]
    for n in range(RECENT_SENTENCES * 2):
        assert gazetteer.matches([str(n), "العراق"]) == [Match(1, 2, "LOC")]
    assert len(gazetteer._recent) <= RECENT_SENTENCES
    assert gazetteer.matches(["العراق", "و"]) == [Match(0, 1, "LOC")]


def test_features_strip_clitics_the_lexicon_knows():
    lexicon = Lexicon({"الرييس": ("9", "1", "2", "3"), "والرييس": ("5", "1", "2", "3"), "لبنان": ("9", "4", "5", "6")})
    extractor = FeatureExtractor(lexicon, Gazetteer([("LOC", "لبنان")]))
    assert extractor.split("والرييس") == ("و", "الرييس")
    assert extractor.split("لبنان") == ("", "لبنان")  # "بنان" is unknown: no split
    rows = extractor.sentence(["والرئيس", "في", "لبنان"])
    assert "b=رييس" in rows[0] and "t=PER" in rows[0] and "gLOC=B" in rows[2] and "-1:w=في" in rows[2]


def test_shapes_and_triggers():
    assert [shape(t) for t in ["بيروت", "UN", "Paris", "2018", "«", "F16"]] == ["A", "X", "Xx", "d", "«", "dA"]
    assert trigger("وزير") == "PER" and trigger("شركه") == "ORG" and trigger("مدينه") == "LOC"


# -- the shipped model ------------------------------------------------------------------------


def test_shipped_model_loads_lazily():
    code = "import marsad.enrich.ner as n; print(n.shipped_tagger.cache_info().currsize)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0"


def test_shipped_model_tags_obvious_entities():
    tokens = "وقال الرئيس الأمريكي باراك أوباما في واشنطن إن الأمم المتحدة".split()
    tags = tag_tokens(tokens)
    assert len(tags) == len(tokens)
    assert spans(tags) >= {(3, 5, "PER"), (6, 7, "LOC")}
    assert tag_tokens([]) == []


def test_find_entities_returns_char_spans_of_the_text():
    text = "زار وزير الخارجية الفرنسي جان إيف لودريان القاهرة أمس.\nوالتقى الرئيس المصري."
    entities = find_entities(text)
    assert all(text[start:end] == surface for start, end, _, surface in entities)
    assert ("PER", "جان إيف لودريان") in {(kind, surface) for _, _, kind, surface in entities}
    assert ("LOC", "القاهرة") in {(kind, surface) for _, _, kind, surface in entities}


def test_overlay_keeps_the_primary_spans_and_adds_only_untouched_ones():
    from marsad.enrich.ner import overlay_spans

    primary = ["O", "B-LOC", "O", "O", "O", "O"]
    secondary = ["B-LOC", "I-LOC", "O", "B-PER", "I-PER", "O"]
    # the secondary's LOC overlaps the primary's: the primary's bounds stay; its PER is new
    assert overlay_spans(primary, secondary) == ["O", "B-LOC", "O", "B-PER", "I-PER", "O"]
    assert overlay_spans(secondary, primary) == secondary
    assert overlay_spans(["O"] * 3, ["O", "B-ORG", "I-ORG"]) == ["O", "B-ORG", "I-ORG"]


def test_overlay_joins_two_primary_names_back_to_back_that_the_secondary_reads_as_one():
    from marsad.enrich.ner import overlay_spans

    primary = ["O", "B-LOC", "B-LOC", "O"]  # "في [الشيخ] [زويد] بشمال"
    assert overlay_spans(primary, ["B-LOC", "I-LOC", "I-LOC", "O"]) == ["O", "B-LOC", "I-LOC", "O"]
    # Two names the secondary also keeps apart stay apart.
    assert overlay_spans(primary, ["O", "B-LOC", "B-LOC", "O"]) == primary


def test_a_name_runs_on_through_hyphens_but_not_into_a_title_or_the_other_script():
    found = [surface for *_, surface in find_entities("التقى الزعيم الكوري كيم جونغ-أون بالرئيس في سيول.")]
    assert "كيم جونغ-أون" in found
    found = [surface for *_, surface in find_entities("وقال فواز العنزي-المدير التنفيذي للمؤسسة إن العمل مستمر.")]
    assert "فواز العنزي" in found
    byline = "عبدالله البرقاوي-سبق-الرياض: أعلن مكتب الطيران تحطم طائرة."
    found = [surface for *_, surface in find_entities(byline)]
    assert "عبدالله البرقاوي" in found and not any("سبق" in surface for surface in found)


def test_spelt_acronyms_joined_by_periods_are_one_name_at_the_texts_offsets():
    text = "وقال بارتوميو لهيئة الإذاعة البريطانية (بي.بي.سي): سنصارع"
    found = [entity for entity in find_entities(text) if entity[2] == "ORG"]
    assert [(text[start:end], surface) for start, end, _, surface in found] == [("بي.بي.سي", "بي بي سي")]
    text = "وقال أوباما خلال مقابلة مع بي. بي. سي بثت قبل الاستفتاء"  # a space after each period
    found = [entity for entity in find_entities(text) if entity[2] == "ORG"]
    assert [(text[start:end], " ".join(surface.split())) for start, end, _, surface in found] == [
        ("بي. بي. سي", "بي بي سي")
    ]
    text = "وقال مكتب التحقيقات الاتحادي (إف. بي. أي.) إن الكمان عاد"  # "أي" ends a dotted run
    found = [" ".join(surface.split()) for _, _, kind, surface in find_entities(text) if kind == "ORG"]
    assert "إف بي أي" in found


def test_a_one_letter_acronym_goes_on_over_the_letters_after_it_but_a_longer_one_stops():
    from marsad.enrich.ner import through_spelt_letters

    tokens = ["ونقلت", "سي", "أن", "أن", "وقالت", "بي", "بي", "سي", "إن", "الحكومة"]
    tags = ["O", "B-ORG", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    expected = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert through_spelt_letters(tokens, tags) == expected


def test_a_one_letter_acronym_does_not_end_on_the_preposition_fi():
    from marsad.enrich.ner import through_spelt_letters

    assert through_spelt_letters(["إم", "تي", "في", "الرياض"], ["B-ORG", "O", "O", "B-LOC"]) == [
        "B-ORG", "I-ORG", "O", "B-LOC"
    ]  # fmt: skip


def test_a_name_found_once_is_carried_to_the_next_sentences_but_not_into_a_longer_name():
    from marsad.enrich.ner import PROPAGATION_WINDOW, propagate_names

    sentences = [
        ["قال", "سعيد", "حسبان", "إن", "هيئة", "الهلال", "الأحمر", "السعودية", "ردت"],
        ["وأضاف", "حسبان", "أن", "الهلال", "الأحمر", "تدخل", "وأن", "الهلال", "فاز"],
        ["وزار", "المدينة", "أمس"],
    ]
    tagged = [
        ["O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
        ["O", "B-PER", "O", "O", "O", "O", "O", "B-ORG", "O"],
        ["O", "B-LOC", "O"],
    ]
    carried = propagate_names(sentences, tagged)
    assert carried[0] == tagged[0]
    # "حسبان" was tagged already; "الهلال" is not carried into "الهلال الأحمر", part of the longer name
    assert carried[1] == ["O", "B-PER", "O", "O", "O", "O", "O", "B-ORG", "O"]
    later = [["وقال", "حسبان", "إن"]] * (PROPAGATION_WINDOW + 1)
    untagged = [["O", "O", "O"]] * (PROPAGATION_WINDOW + 1)
    found_once = [["O", "B-PER", "O"]] + untagged[1:]
    out = propagate_names(later, found_once)
    assert out[1] == ["O", "B-PER", "O"]  # carried within the run
    assert out[PROPAGATION_WINDOW] == ["O", "O", "O"]  # not into the next run


def test_nothing_inside_a_web_address_is_a_name():
    text = (
        "وأوضح المتحدث باسم المؤسسة عبدالله العبدالجبار في تصريح له اليوم أنه يتم استقبال الطلبات آليا "
        "دون الحاجة الى مراجعة مكاتب المؤسسة عبر الدخول الى الموقع الالكتروني (www.gosi.gov.sa) "
        "واختيار التحقق من الأهلية لنظام ساند."
    )
    entities = find_entities(text)
    address = (text.index("www"), text.index(")"))
    assert not any(address[0] <= start and end <= address[1] for start, end, _, _ in entities)
    assert ("PER", "عبدالله العبدالجبار") in {(kind, surface) for _, _, kind, surface in entities}


def test_a_persons_surname_is_carried_when_one_person_of_the_run_bears_it():
    from marsad.enrich.ner import propagate_names

    sentences = [["قال", "الرئيس", "محمود", "عباس", "أمس"], ["وأكد", "عباس", "أن", "القرار", "نهائي"]]
    tagged = [["O", "O", "B-PER", "I-PER", "O"], ["O"] * 5]
    assert propagate_names(sentences, tagged)[1] == ["O", "B-PER", "O", "O", "O"]
    two = [["قال", "محمود", "عباس", "و", "أحمد", "عباس"], ["وأكد", "عباس", "أن", "القرار", "نهائي"]]
    tagged = [["O", "B-PER", "I-PER", "O", "B-PER", "I-PER"], ["O"] * 5]
    assert propagate_names(two, tagged)[1] == ["O"] * 5  # which عباس?
    compound = [["قال", "محمد", "عبد", "السلام", "أمس"], ["ونشر", "السلام", "في", "المنطقة", "هدف"]]
    tagged = [["O", "B-PER", "I-PER", "I-PER", "O"], ["O"] * 5]
    assert propagate_names(compound, tagged)[1] == ["O"] * 5
    king = [["استقبل", "الملك", "عبدالله", "الثاني", "أمس"], ["النائب", "الثاني", "لرئيس", "مجلس", "الوزراء"]]
    tagged = [["O", "O", "B-PER", "I-PER", "O"], ["O"] * 5]
    assert propagate_names(king, tagged)[1] == ["O"] * 5  # a king's ordinal names no one alone

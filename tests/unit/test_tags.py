"""Tag-line cleaning and glued-tag splitting.

Glued runs are built from real tag sets: the hashtags of ANT v2.1 Al Arabiya articles
(2018, "#عاصي_الحلاني" is the tag "عاصي الحلاني") and tags of the kind Arabic news sites
publish, with their separators removed as a page-to-text conversion removes them. The
tests use only the table shipped in the package, never /work/shared.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from importlib import resources

import pytest

from marsad.extract.tags import (
    TAG_LINE_LABEL,
    WORDFREQ_RESOURCE,
    clean_tags,
    make_wordfreq,
    read_wordfreq,
    split_glued,
)
from marsad.train.wordfreq import surface_words, write_table

# The example from the task: seven tags glued by a text dump of a Turkish/Arab news page.
BRIEF_LINE = (
    "Tags: الحرب الإسرائيلية على قطاع غزةالعلاقات التركية الأمريكيةحلف الناتودونالد "
    "ترامبرجب طيب أردوغانلاهايوقف إطلاق النار بين إيران وإسرائيل"
)
BRIEF_TAGS = [
    "الحرب الإسرائيلية على قطاع غزة",
    "العلاقات التركية الأمريكية",
    "حلف الناتو",
    "دونالد ترامب",
    "رجب طيب أردوغان",
    "لاهاي",
    "وقف إطلاق النار بين إيران وإسرائيل",
]

# Tag sets of the shape publishers use (names, places, organisations, topics).
GLUED_TAG_SETS = [
    ["ترمب", "المجتمع الدولي", "فلسطين", "القدس"],
    ["ليلى الغندور", "غزة", "الجيش الإسرائيلي"],
    ["ذا فويس", "أحلام", "عاصي الحلاني", "إليسا"],
    ["مهرجان القاهرة", "فيلم", "طوكيو", "الدراما"],
    ["محمد بن سلمان", "فرنسا", "إيمانويل ماكرون"],
    ["كأس العالم", "المنتخب المصري", "محمد صلاح", "ليفربول"],
    ["الأمم المتحدة", "اليمن", "الحديدة", "مارتن غريفيث"],
    ["أسعار النفط", "أوبك", "السعودية", "روسيا"],
    ["سد النهضة", "إثيوبيا", "مصر", "السودان"],
    ["حزب الله", "لبنان", "الانتخابات النيابية"],
    ["كوريا الشمالية", "كيم جونغ أون", "دونالد ترامب", "سنغافورة"],
    ["الاتحاد الأوروبي", "بريكست", "تيريزا ماي"],
    ["وزارة الخارجية", "السفارة الأمريكية", "القدس"],
]


# -- splitting glued tags ---------------------------------------------------------------------
def test_brief_example_is_split_at_every_glue_point():
    assert clean_tags(BRIEF_LINE) == BRIEF_TAGS


@pytest.mark.parametrize("tags", GLUED_TAG_SETS, ids=lambda tags: tags[0])
def test_glued_tag_sets_come_apart(tags):
    assert split_glued("".join(tags)) == tags


@pytest.mark.parametrize(
    "word",
    [
        "والولايات",  # و + ال + stem: clitics stay on their word
        "بالبنك",
        "فالحكومة",
        "كالعادة",
        "للاجئين",
        "وللمرة",
        "والاستثمارات",
        "بالإضافة",
        "لاهاي",  # not "لا" + "هاي"
        "عبدالحكيم",  # a name opener never ends a tag
        "أبوطالب",
        "الاستخباراتيين",  # long rare word: not cut into known fragments
        "بانفصالهما",  # a suffix is not a word of its own
    ],
)
def test_real_words_are_not_split(word):
    assert split_glued(word) == [word]


@pytest.mark.parametrize("name", ["بزكشيان", "يعقوبيان", "شيكابالا", "غوتيرس"])
def test_unknown_or_rare_names_stay_whole(name):
    assert split_glued(name) == [name]


def test_unknown_name_glued_to_known_word_is_cut():
    assert split_glued("روسيابزكشيان") == ["روسيا", "بزكشيان"]


def test_taa_marbuta_and_alef_maqsura_end_words_even_for_unknown_words():
    tiny = make_wordfreq({"كلمة": 10})
    assert split_glued("قمةبزكشيان", tiny) == ["قمة", "بزكشيان"]
    assert split_glued("مستشفىكمبالا", tiny) == ["مستشفى", "كمبالا"]
    assert split_glued("الطوارىء", tiny) == ["الطوارىء"]  # ى + bare hamza: old spelling of one word


def test_hamza_below_starts_a_word_unless_after_a_clitic():
    tiny = make_wordfreq({"كلمة": 10})
    assert split_glued("سمسمإيران", tiny) == ["سمسم", "إيران"]
    assert split_glued("وإسرائيل", tiny) == ["وإسرائيل"]
    assert split_glued("اللاإنسانية", tiny) == ["اللاإنسانية"]


def test_script_and_digit_changes_are_glue_points():
    assert split_glued("آبلiPhone") == ["آبل", "iPhone"]
    assert split_glued("رؤية 2030فرنسا") == ["رؤية 2030", "فرنسا"]
    assert split_glued("عام 2018م") == ["عام 2018م"]


def test_diacritics_and_tatweel_do_not_block_splitting():
    assert split_glued("غزّةالقـدس") == ["غزة", "القدس"]


# -- tag-line shapes --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "الوسوم: غزة، ترامب، نتنياهو",
        "Tags: غزة, ترامب, نتنياهو",
        "كلمات مفتاحية: غزة | ترامب | نتنياهو",
        "غزة / ترامب / نتنياهو",
        "• غزة • ترامب • نتنياهو",
        "غزة\nترامب\nنتنياهو",
        "غزة   ترامب   نتنياهو",
        "غزة - ترامب - نتنياهو",
        "#غزة #ترامب #نتنياهو",
    ],
)
def test_explicit_separators(line):
    assert clean_tags(line) == ["غزة", "ترامب", "نتنياهو"]


def test_items_between_separators_keep_their_spaces():
    line = "الوسوم: منظمة الصحة العالمية، كوفيد-19، البنك الدولي"
    assert clean_tags(line) == ["منظمة الصحة العالمية", "كوفيد-19", "البنك الدولي"]


def test_hashtags_with_underscores_become_phrases():
    line = "#عاصي_الحلاني #إليسا #ذا_فويس #محمد_حماقي"
    assert clean_tags(line) == ["عاصي الحلاني", "إليسا", "ذا فويس", "محمد حماقي"]


def test_duplicates_are_dropped_after_normalisation():
    assert clean_tags("الوسوم: إيران، ايران، إيران ، #إيران") == ["إيران"]


def test_edge_punctuation_and_empty_items_are_removed():
    assert clean_tags("Tags: «السعودية»، ، (الرياض)، 2018، ...") == ["السعودية", "الرياض"]


@pytest.mark.parametrize("raw", ["", "   ", "Tags:", "الوسوم :", "كلمات دلالية: ، ،"])
def test_empty_lines_give_no_tags(raw):
    assert clean_tags(raw) == []


# -- keyword lines mixed with site navigation -------------------------------------------------
MENU_LINE = (
    "كلمات دلالية: سياسة اقتصاد رياضة مقالات صحافة أفكار عالم الفن تكنولوجيا صحة تفاعلي "
    "سياسة اقتصاد ... سياسة دولية بوتين بزكشيان إيران روسيا التعاون إيران روسيا التعاون "
    "بوتين بزكشيان المزيد في سياسة سياسة دولية سياسة ..."
)


def test_brief_menu_line_keeps_only_the_tags():
    body = (
        "استقبل الرئيس الروسي فلاديمير بوتين نظيره الإيراني مسعود بزكشيان في موسكو، "
        "وبحث الجانبان التعاون بين إيران وروسيا في مجالات الطاقة والنقل."
    )
    expected = ["بوتين", "بزكشيان", "إيران", "روسيا", "التعاون"]
    assert clean_tags(MENU_LINE, body) == expected
    assert clean_tags(MENU_LINE) == expected


def test_sports_menu_line_groups_phrases_the_body_uses():
    line = (
        "الكلمات المفتاحية: الرئيسية أخبار محليات رياضة فن منوعات فيديو الهلال النصر "
        "الدوري السعودي كريستيانو رونالدو المزيد من رياضة الرئيسية أخبار"
    )
    body = (
        "حسم الهلال قمة الدوري السعودي أمام النصر بهدفين مقابل هدف، وسجل كريستيانو رونالدو هدف النصر الوحيد."
    )
    assert clean_tags(line, body) == ["الهلال", "النصر", "الدوري السعودي", "كريستيانو رونالدو"]


def test_menu_words_the_body_never_uses_are_dropped():
    line = "وسوم: الرئيسية أخبار اقتصاد بودكاست كاريكاتير البنك المركزي الفائدة الرئيسية أخبار"
    body = "قرر البنك المركزي رفع سعر الفائدة للمرة الثالثة هذا العام."
    assert clean_tags(line, body) == ["البنك المركزي", "الفائدة"]


def test_plain_keyword_line_uses_body_bigrams_connectors_and_conjunctions():
    line = "الوسوم: وقف إطلاق النار بين إيران وإسرائيل قطر"
    body = "أعلنت قطر أن وقف إطلاق النار صامد بعد اثني عشر يوما من الحرب."
    assert clean_tags(line, body) == ["وقف إطلاق النار بين إيران وإسرائيل", "قطر"]


# -- the label --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Tags: غزة",
        "tags : غزة",
        "Keywords: غزة",
        "الوسوم: غزة",
        "الوسوم : غزة",
        "وسوم: غزة",
        "كلمات دلالية: غزة",
        "الكلمات الدلالية: غزة",
        "كلمات مفتاحية: غزة",
        "الكلمات المفتاحية - غزة",
        "🏷 الوسوم: غزة",
        "الوسوم",
    ],
)
def test_label_matches_tag_lines(line):
    assert TAG_LINE_LABEL.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "كلمات قليلة قالها الرئيس في المؤتمر",
        "الوسوم الجديدة في تويتر تثير الجدل",
        "قال إن الوسوم: ليست مهمة",
        "Tagsmith is a company",
    ],
)
def test_label_ignores_prose(line):
    assert not TAG_LINE_LABEL.match(line)


def test_label_is_stripped_like_the_article_cutter_does():
    line = "كلمات دلالية: لبنان، الانتخابات"
    assert clean_tags(TAG_LINE_LABEL.sub("", line, count=1)) == clean_tags(line) == ["لبنان", "الانتخابات"]


# -- the word-frequency table -----------------------------------------------------------------
def test_shipped_table_is_small_and_starts_with_the_total():
    table = resources.files("marsad").joinpath(WORDFREQ_RESOURCE)
    with table.open("rb") as raw:
        data = raw.read()
    assert len(data) <= 3_000_000
    first, second = gzip.decompress(data).decode().splitlines()[:2]
    assert first.startswith("#total\t") and int(first.split("\t")[1]) > 1_000_000
    assert second.split("\t")[0] == "في"


def test_table_is_not_loaded_at_import():
    code = "import marsad.extract.tags as t; print(t.load_wordfreq.cache_info().currsize)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0"


def test_read_wordfreq_folds_spelling_variants():
    vocab = read_wordfreq(["#total\t1000\n", "إيران\t7\n", "ايران\t3\n", "روسيا\t5\n"])
    assert vocab.total == 1000
    assert vocab.count("إيران") == vocab.count("ايران") == 10
    assert vocab.logp("روسيا") > vocab.logp("بزكشيان")


def test_surface_words_drop_marks_and_glue_errors():
    assert surface_words("غزّة والقـدس غزةإسرائيل و 2018") == ["غزة", "والقدس"]


def test_write_table_round_trips(tmp_path):
    from collections import Counter

    path = tmp_path / "wordfreq.tsv.gz"
    rows = write_table(Counter({"غزة": 5, "القدس": 3, "نادرة": 1}), 9, path, min_count=2)
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        vocab = read_wordfreq(lines)
    assert rows == 2
    assert vocab.total == 9 and vocab.count("غزة") == 5 and vocab.count("نادرة") == 0

import json
import re

import pytest

from marsad.enrich.quotes import (
    ArticleView,
    QuoteOptions,
    find_quotes,
    locate_entities,
    pair_quotes,
    read_speech,
)
from marsad.enrich.resolve import Mention, resolve
from marsad.model import Article, Entity


def mentions_in(text, names):
    """Mentions at every whole-word occurrence of each (surface, type), proclitics allowed."""
    found = []
    for surface, entity_type in names:
        for match in re.finditer(rf"(?<![\w])(?:[وفبل]|لـ)?{re.escape(surface)}(?![\w])", text):
            found.append(Mention(match.group(), entity_type, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def quotes_of(text, names, **options):
    entities = resolve(text, mentions_in(text, names))
    return find_quotes(text, entities, QuoteOptions(**options))


def by_text(quotes):
    return {q.text: q for q in quotes}


def test_direct_quote_after_a_verb_goes_to_the_named_speaker():
    text = 'وقال وزير الخارجية الفرنسي جان إيف لودريان: "نحن مستعدون لاستئناف الحوار مع جميع الأطراف".'
    [quote] = quotes_of(text, [("جان إيف لودريان", "PER")])
    assert quote.speaker == "جان إيف لودريان"
    assert quote.text == "نحن مستعدون لاستئناف الحوار مع جميع الأطراف"
    assert quote.direct is True


def test_feminine_continuation_goes_back_to_the_last_woman_who_spoke():
    text = (
        'وقالت الباحثة سلمى الخطيب إن "المفاوضات دخلت مرحلة حاسمة بعد أشهر من الجمود".\n'
        "وأكد الوزير خالد العمري أن الحكومة ستعرض خطتها قريبا على البرلمان.\n"
        'وأردفت بقولها: "لا أتوقع اتفاقا شاملا قبل نهاية العام الحالي".'
    )
    quotes = by_text(quotes_of(text, [("سلمى الخطيب", "PER"), ("خالد العمري", "PER")]))
    assert quotes["لا أتوقع اتفاقا شاملا قبل نهاية العام الحالي"].speaker == "سلمى الخطيب"
    assert quotes["الحكومة ستعرض خطتها قريبا على البرلمان"].speaker == "خالد العمري"


def test_participle_takes_the_speaker_of_its_sentence():
    text = (
        'وتابعت المحللة ريم الحسن بقولها: "أعتقد أن الاقتصاد سيتعافى ببطء"، '
        'مبينة أن "هناك مؤشرات على تحسن الصادرات في الربع الأخير".'
    )
    quotes = quotes_of(text, [("ريم الحسن", "PER")])
    assert {q.speaker for q in quotes} == {"ريم الحسن"}
    assert len(quotes) == 2 and all(q.direct for q in quotes)


def test_a_participle_after_what_another_said_keeps_the_sentences_speaker():
    text = (
        "وأعرب وزير الخارجية سامح شكري عن استغرابه من التناقض بين ما أشار إليه حسن روحاني في أكثر "
        "من مناسبة بشأن رغبة إيران في فتح صفحة جديدة، مؤكدًا أن هذا التصريح يمثل تدخلاً مرفوضًا."
    )
    quotes = quotes_of(text, [("سامح شكري", "PER"), ("حسن روحاني", "PER"), ("إيران", "LOC")])
    assert [(q.speaker, q.text) for q in quotes] == [("سامح شكري", "هذا التصريح يمثل تدخلاً مرفوضًا")]
    text = 'وبحسب ما ذكرت "ذي دايلي مايل" التي رأت ان مدرب سيتي مانويل بيليغريني لن يتردد في اشراكه.'
    quotes = quotes_of(text, [("ذي دايلي مايل", "ORG"), ("سيتي", "ORG"), ("مانويل بيليغريني", "PER")])
    assert [q.speaker for q in quotes] == ["ذي دايلي مايل"]  # a relative clause goes on with the paper


def test_which_is_what_another_affirmed_gives_the_words_after_it_to_that_other():
    text = (
        "وأكد كيري في المؤتمر الصحافي الختامي أنه أجرى محادثات اتسمت بالصراحة الشديدة مع المسؤولين "
        "المصريين، وهو ما أكده شكري بدوره، قائلا إن الحوار جرى في أجواء إيجابية عكست طبيعة العلاقات، "
        "مشيرا إلى أنه ناقش مع كيري قضايا حقوق الإنسان."
    )
    quotes = quotes_of(text, [("كيري", "PER"), ("شكري", "PER")])
    assert [(q.speaker, q.text) for q in quotes] == [
        ("كيري", "أجرى محادثات اتسمت بالصراحة الشديدة مع المسؤولين المصريين"),
        ("شكري", "الحوار جرى في أجواء إيجابية عكست طبيعة العلاقات"),
        ("شكري", "ناقش مع كيري قضايا حقوق الإنسان"),
    ]
    text = "وقالت الصحيفة إن الدولة تقدمت في الترتيب، وهو ما ذكره الكاتب، مؤكدا أن الأرقام تدل على ذلك."
    quotes = quotes_of(text, [("الصحيفة", "ORG")])
    assert [q.speaker for q in quotes] == ["الصحيفة", "الصحيفة"]  # an unnamed one: the speaker goes on
    text = (  # "what X revealed" is a noun clause: X does not say what follows
        "قالت اليابان التي تسعى الى التحقق من صحة ما كشفه موقع ويكيليكس عن تجسس للولايات المتحدة على "
        "مسؤولين يابانيين، انها ستشعر بالاسف في حال تأكد ذلك."
    )
    quotes = quotes_of(text, [("اليابان", "LOC"), ("ويكيليكس", "ORG"), ("الولايات المتحدة", "LOC")])
    assert [q.speaker for q in quotes] == ["اليابان"]


def test_a_capital_after_residents_or_the_centre_of_is_where_someone_lives_not_who_speaks():
    text = (
        "ع، من سكان وسط دمشق تقول إنها هربت من الحر إلى بيروت، فعادت إلى دمشق وتقول: «لا أستطيع "
        "القيام بأي عمل طيلة اليوم في البيت»."
    )
    assert quotes_of(text, [("دمشق", "LOC"), ("بيروت", "LOC")]) == []


def test_a_person_after_a_preposition_and_a_title_is_addressed_not_the_participles_subject():
    text = (
        "وقتها التفت الضيف إلى الرئيس كلينتون قائلا: «هل يمكن أن نتحدث في موضوع جاد الليلة؟». "
        "فأجاب كلينتون بالإيجاب."
    )
    quotes = quotes_of(text, [("كلينتون", "PER")])
    assert "كلينتون" not in [q.speaker for q in quotes]


def test_numbers_and_names_in_spaced_straight_quotes_are_no_quotes():
    text = (
        'وأكد الدكتور محمد الزعبي بأن العيادات تعاملت خلال الأسبوع " 133 " مع " 970 " حالة مرضية، '
        'وذلك عبر " 12" عيادة اختصاص، وتم صرف " 128 " عبوة حليب ضمن برنامج الحملة " نمو بصحة وأمان " '
        "بالتعاون مع منظمة حماية الطفل."
    )
    quotes = quotes_of(text, [("محمد الزعبي", "PER")])
    assert len(quotes) == 1 and quotes[0].text.startswith("العيادات تعاملت خلال")
    assert pair_quotes('قال " نحن مستعدون للحوار " وأضاف " لن نتراجع عن مطالبنا "') == [(5, 25), (34, 56)]


def test_a_title_inside_quoted_words_names_no_speaker_for_the_cue_after_them():
    text = (
        'كتب الكاتب مقالا جاء في مقدمته: "أن الانتخابات الرئاسية جاءت بالرئيس روحاني لإيجاد حل '
        'للمسألة النووية" وأضاف: "وعلى الرغم مما يجري الترويج له فإن الأولوية في سياستنا لمنطقتنا".'
    )
    quotes = quotes_of(text, [("روحاني", "PER")])
    assert "روحاني" not in [q.speaker for q in quotes]


def test_a_participle_after_a_quote_with_a_full_stop_inside_goes_on_with_the_quotes_speaker():
    text = (
        "وكان الرئيس هاينز فيشر زار طهران. وقال الوزير سيغمار غابرييل: «أولا يجب تغليب التواصل على "
        "النزاعات. ثانيا، الاقتصاد يحتاج إلى خدمة البلاد ومصالحها»، موضحا أن ممثلي دول أخرى بينها "
        "فرنسا يستعدون للتوجه إلى إيران."
    )
    names = [("هاينز فيشر", "PER"), ("سيغمار غابرييل", "PER"), ("طهران", "LOC"), ("فرنسا", "LOC")]
    names.append(("إيران", "LOC"))
    quotes = by_text(quotes_of(text, names))
    assert quotes["ممثلي دول أخرى بينها فرنسا يستعدون للتوجه إلى إيران"].speaker == "سيغمار غابرييل"


def test_his_highness_opening_the_sentence_speaks_not_a_palace_or_a_prince_named_after_him():
    text = (
        "وجه الأمير جلوي بن عبدالعزيز أمير منطقة نجران بإحداث برامج للشباب. وعبَّر سموه عن سعادته "
        'بزيارة قصر "أبا السعود" التاريخي، مشيداً بعناية الهيئة وعلى رأسها الأمير سلطان بن سلمان، '
        'وقال: "إن هذا القصر الشامخ يوثق مرحلة مهمة في تأسيس هذه البلاد".'
    )
    names = [("جلوي بن عبدالعزيز", "PER"), ("أبا السعود", "PER"), ("سلطان بن سلمان", "PER"), ("نجران", "LOC")]
    quotes = by_text(quotes_of(text, names))
    assert quotes["إن هذا القصر الشامخ يوثق مرحلة مهمة في تأسيس هذه البلاد"].speaker == "جلوي بن عبدالعزيز"


def test_an_untagged_subject_after_kana_takes_the_following_cues_from_the_earlier_speaker():
    text = (
        "وأكد الخليفي ان لاعب الوسط سيبقى هذا الموسم.\n"
        "وكان موتا، احد العناصر الاساسية في وسط الفريق، صرح مرارا انه يريد ان يبدأ مغامرة جديدة.\n"
        "وقال في هذا الصدد «اريد ان اقوم باشياء جديدة. تحدثت ايضا الى الخليفي».\n"
        "واضاف «سنتابع الحديث لكن في النهاية اعتقد بأن النادي سيقرر مستقبلي»."
    )
    quotes = quotes_of(text, [("الخليفي", "PER")])
    assert [q.text for q in quotes if q.speaker == "الخليفي"] == ["لاعب الوسط سيبقى هذا الموسم"]


def test_an_occasion_after_the_verb_and_a_foundation_named_after_a_person_are_not_its_subject():
    text = (
        "وأوضح الدكتور مساعد الأحمد أن البرنامج ناجح. وقال بمناسبة احتفاء مؤسسة محمد بن سلمان الخيرية "
        'بإتمام ثلاثين طالبا للبرنامج: "إن هذا البرنامج يعكس رؤية المؤسسة واهتمامها بشباب الوطن".'
    )
    quotes = by_text(quotes_of(text, [("مساعد الأحمد", "PER"), ("محمد بن سلمان", "PER")]))
    assert quotes["إن هذا البرنامج يعكس رؤية المؤسسة واهتمامها بشباب الوطن"].speaker == "مساعد الأحمد"
    text = "وبيّن مدير المستشفى عبدالعزيز الخمسان، أن استشاري جراحة التجميل بالمستشفى نجح في إجراء العملية."
    [quote] = quotes_of(text, [("عبدالعزيز الخمسان", "PER")])  # "المستشفى" with its article: his office
    assert quote.speaker == "عبدالعزيز الخمسان"


def test_a_name_in_quotation_marks_after_a_label_noun_is_a_title_not_a_speaker():
    text = "انضم إلى الحلقة بطل مسلسل «مريم» الكاتب أيمن سلامة، وقال بأنه اتصل بها وأخبرها عن الفكرة."
    quotes = quotes_of(text, [("مريم", "PER"), ("أيمن سلامة", "PER")])
    assert [q.speaker for q in quotes] == ["أيمن سلامة"]


def test_an_unnamed_relative_who_opens_the_sentence_speaks_not_the_prince_named_after_him():
    text = (
        'وقال سموه في اتصال هاتفي مع والد الشهيد "نعزي أنفسنا أولا على استشهاد مواطن عاش عزيزا".\n'
        'في المقابل، استهل والد الشهيد حديثه مع سمو الأمير بحمد الله على قضائه وقدره، وقال "نثمن العزاء '
        'والمواساة من قيادتنا الرشيدة".'
    )
    text = "وواسى أمير منطقة نجران الأمير جلوي بن عبدالعزيز والد الشهيد.\n" + text
    quotes = by_text(quotes_of(text, [("جلوي بن عبدالعزيز", "PER")]))
    assert quotes["نعزي أنفسنا أولا على استشهاد مواطن عاش عزيزا"].speaker == "جلوي بن عبدالعزيز"
    father = [q for text, q in quotes.items() if text.startswith("نثمن العزاء")]
    assert all(q.speaker is None for q in father)  # the father is not named: no one or no quote


def test_a_medium_quotes_whom_it_names_right_after_it_not_a_person_in_the_report():
    text = (
        'ووفق ما نقلت صحيفة "ديلي ميل" البريطانية، عن "ذي غارديان"، فإن نجوم البوب تذكروا ميشيل '
        "أوباما، وهم حزينون لأنها لم ترافقه في الزيارة."
    )
    names = [("ديلي ميل", "ORG"), ("ذي غارديان", "ORG"), ("ميشيل أوباما", "PER")]
    assert {q.speaker for q in quotes_of(text, names)} <= {"ذي غارديان"}
    text = (
        "ونشرت السفارة بيانا، نقلت فيه عن كبير مسؤولي الدفاع في السفارة الجنرال تشارلز هوبر، قوله إن "
        "الإنتاج المشترك للدبابات يعطي القوات المسلحة قدرات كبيرة."
    )
    [quote] = quotes_of(text, [("تشارلز هوبر", "PER")])
    assert quote.speaker == "تشارلز هوبر"


def test_the_addressee_is_not_the_speaker():
    text = (
        'بدوره، قال الرئيس أحمد سالم إن "الطريق إلى السلام يمر عبر الحوار وحده".\n'
        'وأضاف مخاطبا نظيره يوسف كامل، أن الفرص كثيرة و"علينا أن نعمل معا من أجل مستقبل أفضل".'
    )
    quotes = by_text(quotes_of(text, [("أحمد سالم", "PER"), ("يوسف كامل", "PER")]))
    assert quotes["علينا أن نعمل معا من أجل مستقبل أفضل"].speaker == "أحمد سالم"
    assert len(quotes) == 2  # the unquoted lead-in of a mixed quote is not a quote of its own


def test_a_medium_carries_the_words_of_the_person_after_عن():
    text = (
        "ونقلت شبكة سي إن إن عن الخبير نبيل حداد، أستاذ العلوم السياسية في بيروت، "
        "أن الأزمة قد تطول لأشهر عدة."
    )
    [quote] = quotes_of(text, [("سي إن إن", "ORG"), ("نبيل حداد", "PER"), ("بيروت", "LOC")])
    assert quote.speaker == "نبيل حداد"
    assert quote.direct is False
    assert quote.text == "الأزمة قد تطول لأشهر عدة"


def test_reported_speech_needs_a_named_speaker_unless_asked():
    text = (
        "وقال رئيس الوزراء كمال بدر إن الحكومة ستخفض الضرائب على الشركات الصغيرة.\n"
        "وأضاف أن الإصلاحات ستبدأ مطلع العام المقبل في كل المحافظات.\n"
        "وقالت مصادر مطلعة إن الخطة لم تعرض بعد على البرلمان."
    )
    names = [("كمال بدر", "PER")]
    quotes = quotes_of(text, names)
    assert [(q.speaker, q.text, q.direct) for q in quotes] == [
        ("كمال بدر", "الحكومة ستخفض الضرائب على الشركات الصغيرة", False)
    ]
    more = by_text(quotes_of(text, names, implicit_reported=True, unattributed=True))
    assert more["الإصلاحات ستبدأ مطلع العام المقبل في كل المحافظات"].speaker == "كمال بدر"
    assert more["الخطة لم تعرض بعد على البرلمان"].speaker is None


def test_quoted_names_and_outlets_are_not_quotes():
    text = (
        'وجاء اللقاء خلال منتدى "الطاقة والمستقبل في المنطقة" المنعقد في الدوحة.\n'
        'وأوضح الناطق باسم الدفاع المدني سامر يوسف لـ"سكاي نيوز عربية" أن فرق الإنقاذ انتشلت عشرة مصابين.'
    )
    [quote] = quotes_of(text, [("سامر يوسف", "PER"), ("الدوحة", "LOC")])
    assert quote.direct is False and quote.text == "فرق الإنقاذ انتشلت عشرة مصابين"


def test_between_is_not_a_speech_verb_and_a_subject_before_the_verb_counts():
    text = "إلا أن الوزيرة منى الراشد قالت إن المفاوضات بين الجانبين ستستمر حتى التوصل إلى حل."
    [quote] = quotes_of(text, [("منى الراشد", "PER")])
    assert quote.speaker == "منى الراشد"
    assert quote.text == "المفاوضات بين الجانبين ستستمر حتى التوصل إلى حل"


def test_a_title_with_a_country_stands_for_the_person_it_introduced():
    text = (
        "استقبل أمير الكويت الشيخ صباح الأحمد الجابر رئيس الوزراء العراقي في قصر بيان.\n"
        'وقال أمير الكويت خلال اللقاء: "أمن العراق جزء لا يتجزأ من أمن الكويت والمنطقة".'
    )
    [quote] = quotes_of(text, [("صباح الأحمد الجابر", "PER"), ("الكويت", "LOC"), ("العراق", "LOC")])
    assert quote.speaker == "صباح الأحمد الجابر"


def test_pairing_quotation_marks():
    text = 'قال: " لا أستطيع أن أقول الآن، ما إذا كان صديقا أم عدوا، وفق "أسوشيتد برس".'
    spans = [text[a:b] for a, b in pair_quotes(text)]
    assert "أسوشيتد برس" in spans
    assert any(s.strip() == "لا أستطيع أن أقول الآن، ما إذا كان صديقا أم عدوا" for s in spans)
    other = "«نعم» و“لا” و„ربما“"
    assert [other[a:b] for a, b in pair_quotes(other)] == ["نعم", "لا", "ربما"]


def test_entities_are_found_with_their_proclitics():
    text = "التقى بوزير الخارجية ولروسيا موقف، وللولايات المتحدة رأي آخر، ولـCNN تقرير."
    entities = [
        Entity("روسيا", "LOC", ["روسيا"]),
        Entity("الولايات المتحدة", "LOC", ["الولايات المتحدة"]),
        Entity("CNN", "ORG", ["CNN"]),
    ]
    spans = locate_entities(text, entities)
    assert [text[s.start : s.end] for s in spans] == ["روسيا", "للولايات المتحدة", "CNN"]


def test_non_arabic_articles_are_left_alone():
    from marsad.enrich.quotes import add_quotes

    article = Article(text='He said: "no deal today or tomorrow".', language="en")
    assert add_quotes(article).quotes == []


@pytest.mark.parametrize("name", ["SK-middleEast-2949-20180717", "SK-internationalNews-914-20180413"])
def test_real_articles_match_their_gold_quotes(fixtures, name):
    """Two dev-set articles (tune half): every required gold quote is found with its speaker."""
    gold_path = next((fixtures / "events" / "gold").glob(f"*/{name}.json"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"][0]
    text = gold["text"]
    names = [
        (alias, e["type"])
        for e in gold["entities"]
        for alias in [e["name"], *e["aliases"]]
        if alias.split()[0] not in {"الرئيس", "المتحدث", "وزير", "رئيس"}
    ]
    found = quotes_of(text, names)
    aliases = {a: e["name"] for e in gold["entities"] for a in [e["name"], *e["aliases"]]}
    for expected in (q for q in gold["quotes"] if q["required"]):
        words = set(expected["text"].split())
        hits = [q for q in found if len(words & set(q.text.split())) >= 0.6 * len(words)]
        assert hits, expected["text"]
        assert aliases.get(hits[0].speaker, hits[0].speaker) == expected["speaker"]


def test_a_title_word_ending_a_name_is_no_surname_whatever_its_spelling():
    # "رئيسة" is a title head; written with ة it must still not stand for the person alone.
    people = [Entity("ليلى رئيسة", "PER", ["ليلى رئيسة"]), Entity("أنيسة بصيري التبريزي", "PER")]
    located = locate_entities("قالت رئيسة اللجنة إن التبريزي محقة", people)
    assert {span.entity.name for span in located} == {"أنيسة بصيري التبريزي"}


def test_the_city_where_an_organisation_sits_is_not_its_speaker():
    text = (
        "وقال المرصد السوري لحقوق الإنسان، وهو هيئة معارضة مقرها لندن، إن مقاتلين "
        "سيطروا على ثلاثة مستودعات للذخيرة قرب بلدة قلدون."
    )
    speakers = {q.speaker for q in quotes_of(text, [("لندن", "LOC")], unattributed=True)}
    assert "لندن" not in speakers


def test_narrated_is_a_verb_of_saying():
    text = "وروى رجل الأعمال نيفزات آيدين أن الفكرة بدأت في غرفة صغيرة قبل خمسة عشر عاما."
    [quote] = quotes_of(text, [("نيفزات آيدين", "PER")])
    assert quote.speaker == "نيفزات آيدين" and quote.text.startswith("الفكرة بدأت")


def test_a_cue_verb_ending_in_alef_maqsura_is_not_the_noun_or_name_written_with_ya():
    from marsad.enrich.quotes import find_cues

    def cues(text):
        return [text[cue.start : cue.end] for cue in find_cues(text, 0, [])]

    assert cues("وفي رأي الخبراء أن الأزمة ستطول كثيرا.") == []  # "opinion"
    assert cues("وأكد المسؤول نفي الوزارة أي علاقة بالحادث.") == ["وأكد"]  # "denial"
    assert cues("وقال روي كين إن الفريق لعب جيدا.") == ["وقال"]  # Roy Keane
    assert cues("ورأى الوزير أن الحل سياسي، ونفى أي خلاف.") == ["ورأى", "ونفى"]
    text = "وقال المدرب روي كين إن الفريق لعب جيدا في المباراة الأخيرة أمام منافسه."
    [quote] = quotes_of(text, [("روي كين", "PER")])
    assert quote.speaker == "روي كين"


def test_a_fathers_name_after_bin_is_not_the_sons_surname():
    text = ("استقبل الأمير محمد بن نايف الوفد في الرياض أمس. "
            "وقال نايف إن العلاقات بين البلدين متينة وتاريخية وتزداد قوة كل عام.")
    quotes = quotes_of(text, [("محمد بن نايف", "PER")])
    assert all(quote.speaker != "محمد بن نايف" for quote in quotes)
    text = text.replace("محمد بن نايف", "محمد العنزي").replace("وقال نايف", "وقال العنزي")
    [quote] = quotes_of(text, [("محمد العنزي", "PER")])
    assert quote.speaker == "محمد العنزي"  # a family name still stands for the person


def test_a_quote_before_its_cue_reaches_a_name_behind_a_long_title():
    text = (
        'وتصاعد التوتر في المنطقة. "سنرد بقوة على أي اعتداء يستهدف بلادنا"، قال وزير الدفاع '
        "الإيراني محمد رضا آشتياني."
    )
    quotes = quotes_of(text, [("محمد رضا آشتياني", "PER")])
    assert [(q.speaker, q.text, q.direct) for q in quotes] == [
        ("محمد رضا آشتياني", "سنرد بقوة على أي اعتداء يستهدف بلادنا", True)
    ]


def test_a_description_quotes_only_its_quoted_words_and_hakadha_leads_to_the_cue():
    text = 'ووصف الرئيس التركي رجب طيب أردوغان الهجوم بأنه "عمل إرهابي جبان يستهدف وحدة تركيا".'
    quotes = quotes_of(text, [("رجب طيب أردوغان", "PER")])
    assert [(q.speaker, q.text, q.direct) for q in quotes] == [
        ("رجب طيب أردوغان", "عمل إرهابي جبان يستهدف وحدة تركيا", True)
    ]
    text = "ووصف البيت الأبيض الاجتماعات الراهنة بأنها إيجابية ومثمرة جدا."
    assert quotes_of(text, [("البيت الأبيض", "ORG")]) == []
    text = (
        'وتصاعدت الأزمة. "الوضع في غزة كارثي ويحتاج إلى تدخل عاجل"، هكذا وصف المفوض فيليب '
        "لازاريني الأوضاع."
    )
    (quote,) = quotes_of(text, [("فيليب لازاريني", "PER")])
    assert quote.speaker == "فيليب لازاريني" and quote.direct


def test_whom_ablagha_informs_is_no_speaker_and_the_participle_keeps_the_sentences():
    text = (
        "وأعلن السفير غوستافو ميزا-كوادرا أن السلطات البورمية أبلغت مجلس الأمن موافقتها على الزيارة، "
        "مشيرا إلى أن الطرفين لم يتفقا بعد على تفاصيلها."
    )
    quotes = quotes_of(text, [("غوستافو ميزا-كوادرا", "PER"), ("مجلس الأمن", "ORG")])
    assert {q.speaker for q in quotes} == {"غوستافو ميزا-كوادرا"}
    assert any(q.text.startswith("الطرفين لم يتفقا") for q in quotes)


def test_the_arabic_comma_is_no_word():
    from marsad.enrich.quotes import WORD

    words = WORD.findall("قال، ترامبُ: وُقِّعَ الاتفاق؛ ٣٤ كلمة؟")
    assert words == ["قال", "ترامبُ", "وُقِّعَ", "الاتفاق", "٣٤", "كلمة"]


def test_a_name_right_after_a_kin_word_is_the_relative_not_the_speaker():
    text = "وقال والد أفراح: «بعد طلاقي تلقيت اتصالا من مركز الهيئة يطلبني للحضور فورا»."
    assert [q.speaker for q in quotes_of(text, [("أفراح", "PER")])] in ([], [None])
    text = "وقال شقيق الضحية محمد العلي إن الشرطة لم تتحرك بعد البلاغ."
    (quote,) = quotes_of(text, [("محمد العلي", "PER")])
    assert quote.speaker == "محمد العلي"


def test_a_medium_glued_to_lam_before_the_speaker_is_not_the_speaker():
    text = "وقال لـ«الشرق الأوسط» عبد العزيز العكبري إن الحركة في الميناء طبيعية منذ شهرين."
    (quote,) = quotes_of(text, [("الشرق الأوسط", "ORG"), ("عبد العزيز العكبري", "PER")])
    assert quote.speaker == "عبد العزيز العكبري"


def test_a_body_named_after_a_preposition_and_its_head_noun_is_no_speaker():
    text = "قال التحالف الذي يقود العملية ضد تنظيم داعش في بيان إن الطائرات نفذت 27 غارة أمس."
    quotes = quotes_of(text, [("داعش", "ORG")])
    assert all(q.speaker != "داعش" for q in quotes)
    text = "وقال تنظيم داعش في بيان إنه نفذ الهجوم على الحاجز أمس."
    assert [q.speaker for q in quotes_of(text, [("داعش", "ORG")])] == ["داعش"]


def test_a_place_after_an_office_is_not_the_speaker():
    text = "وقال عمدة لندن إنه أعلن عن هذه الإجراءات منذ الآن لكي يعطي فرصة كافية للسائقين."
    assert all(q.speaker != "لندن" for q in quotes_of(text, [("لندن", "LOC")]))
    text = "وقالت لندن إنها أعلنت عن هذه الإجراءات منذ الآن لكي تعطي فرصة كافية للسائقين."
    assert [q.speaker for q in quotes_of(text, [("لندن", "LOC")])] == ["لندن"]



def test_in_it_after_a_cue_then_a_name_the_name_speaks():
    text = 'وأقيم حفل تأبين قال خلاله القائد المحلي للشرطة أيوب بيارباسي "سنواصل حتى النهاية معركتنا".'
    (quote,) = quotes_of(text, [("أيوب بيارباسي", "PER")])
    assert quote.speaker == "أيوب بيارباسي"
    text = "وفي مؤتمر صحفي أعلن فيه وزير الخارجية عادل الجبير أن المملكة ستدعم اليمن بمليار دولار."
    (quote,) = quotes_of(text, [("عادل الجبير", "PER"), ("اليمن", "LOC")])
    assert quote.speaker == "عادل الجبير"


def test_a_committee_or_an_administration_with_no_name_speaks_not_the_name_after_it():
    text = 'وقالت لجنة الرقابة على المال العام الحكومية المعنية بخصخصة "ووري بنك" إنها ستبيع أسهم البنك.'
    assert quotes_of(text, [("ووري بنك", "ORG")]) == []
    text = "وأعلنت إدارة الهلال أنها تعاقدت مع المدرب الروماني لازلو بولوني لمدة عامين."
    (quote,) = quotes_of(text, [("الهلال", "ORG"), ("لازلو بولوني", "PER")])
    assert quote.speaker == "الهلال"


def test_an_unnamed_coach_and_the_paper_given_a_statement_do_not_speak():
    text = "وكان مدرب برشلونة قد أعلن أنه لن يمنع المهاجم الدولي بدرو رودريجيز من الرحيل."
    assert quotes_of(text, [("برشلونة", "ORG"), ("بدرو رودريجيز", "PER")]) == []
    text = "وكان مدرب برشلونة لويس إنريكي قد أعلن أنه لن يمنع المهاجم بدرو من الرحيل."
    (quote,) = quotes_of(text, [("برشلونة", "ORG"), ("لويس إنريكي", "PER")])
    assert quote.speaker == "لويس إنريكي"
    text = 'وأكدت صحة الحدود الشمالية في بيان صحافي زودت "الرياض" بنسخة منه بأنه تم قبول المواطنة.'
    assert quotes_of(text, [("الرياض", "LOC")]) == []



def test_a_body_head_with_the_article_after_kana_refers_back_to_the_body_named():
    text = (
        "أعلنت وزارة الداخلية المغربية أنها اعتقلت ثمانية أشخاص. "
        'وكانت الوزارة أعلنت أن الموقوفين "متشبعين بالفكر المتطرف والنهج الدموي لداعش".'
    )
    speakers = [q.speaker for q in quotes_of(text, [("وزارة الداخلية المغربية", "ORG")])]
    assert speakers == ["وزارة الداخلية المغربية"] * 2


def test_a_family_and_an_unnamed_spokesman_do_not_lend_their_words_to_a_name_further_on():
    text = "وقالت عائلة زعيم طالبان الراحل الملا محمد عمر اليوم الأحد إنها لم تدعم خليفته المعلن."
    assert quotes_of(text, [("طالبان", "ORG"), ("محمد عمر", "PER")]) == []
    text = "وأعلن المتحدث باسم طالبان ذبيح الله مجاهد اختيار منصور زعيما جديدا للحركة، وقال إن القرار نهائي."
    assert quotes_of(text, [("طالبان", "ORG"), ("منصور", "PER")]) == []
    text = "وقال المتحدث باسم وزارة الخارجية الأمريكية جون كيربي إن بلاده لن تتراجع عن الاتفاق."
    (quote,) = quotes_of(text, [("وزارة الخارجية الأمريكية", "ORG"), ("جون كيربي", "PER")])
    assert quote.speaker == "جون كيربي"


def test_a_name_after_a_preposition_before_the_verb_is_not_its_subject():
    text = "عبد المنان الشقيق الأصغر للملا عمر قال إن العائلة لم تبايع الزعيم الجديد للحركة."
    (quote,) = quotes_of(text, [("عبد المنان", "PER"), ("عمر", "PER")])
    assert quote.speaker == "عبد المنان"


def test_the_subject_of_a_cue_is_read_in_its_own_sentence_and_not_in_a_list_of_destinations():
    text = (
        "وتوفي في مستشفى في كراتشي كما أعلنت الاستخبارات الأفغانية الأسبوع الماضي. "
        "وبرعاية الولايات المتحدة والصين استضافت باكستان مفاوضات بين طالبان والحكومة."
    )
    names = [("كراتشي", "LOC"), ("الولايات المتحدة", "LOC"), ("الصين", "LOC"), ("باكستان", "LOC")]
    assert quotes_of(text, names, unattributed=True) == []
    text = "وأفاد عدد من المسافرين المتجهين إلى تركيا ومصر من هذا المطار أن السلطات أمرتهم بالانتظار."
    assert quotes_of(text, [("تركيا", "LOC"), ("مصر", "LOC")]) == []


def test_an_honorific_with_his_refers_back_and_a_verb_with_wa_does_not_take_the_name_before_it():
    text = (
        "وقال معالي وزير الخارجية عادل الجبير إن المملكة حريصة على علاقات جيدة. "
        "وشدد معاليه على حرص المملكة على سلامة اليمن، مشيراً إلى أن تدخل التحالف كان بطلب من الحكومة."
    )
    speakers = [q.speaker for q in quotes_of(text, [("عادل الجبير", "PER"), ("اليمن", "LOC")])]
    assert speakers == ["عادل الجبير", "عادل الجبير"]
    text = "وأكد عادل الجبير أن للإنسان حقوقه، وتطرق إلى قضية رائف بدوي وقال: إن أموره تسير وفق القضاء."
    speakers = {q.speaker for q in quotes_of(text, [("عادل الجبير", "PER"), ("رائف بدوي", "PER")])}
    assert speakers == {"عادل الجبير"}


def test_an_attribution_after_a_quote_ends_at_its_comma_and_a_clause_of_a_subject_is_no_quote():
    text = 'هذه اللوحة «المقدرة قيمتها بأكثر من 25 مليون يورو»، بحسب الجمارك، تعود ملكيتها إلى خايمي بوتين.'
    assert quotes_of(text, [("خايمي بوتين", "PER")]) == []
    text = (
        "صحيفة «هآرتس» الإسرائيلية ذكرت أن مدير المهرجان كارلو شاتريان (في منصبه منذ عام 2006) "
        "اعتبر أن دعم السينما الإسرائيلية أو سواها هو مسؤولية المهرجان الأولى."
    )
    (quote,) = quotes_of(text, [("هآرتس", "ORG"), ("كارلو شاتريان", "PER")])
    assert quote.speaker == "كارلو شاتريان"


def test_a_clause_naming_someone_before_the_next_cue_is_still_a_quote_when_it_says_something():
    text = (
        "واعتبر مدرب جامايكا الألماني وينفريد شايفر أن المكسيك تملك الأفضلية، وقال في هذا الصدد: "
        "«تعتبر المكسيك من أقوى منتخبات المنطقة»."
    )
    quotes = quotes_of(text, [("وينفريد شايفر", "PER"), ("المكسيك", "LOC")])
    assert [q.text for q in quotes if q.speaker == "وينفريد شايفر"][0].startswith("المكسيك تملك الأفضلية")
    text = "أكد الجبير أن الرياض تقيم عاليا دور موسكو، معتبرا أن الاتصالات تؤكد أساسا متينا للتعاون."
    quotes = quotes_of(text, [("الجبير", "PER"), ("الرياض", "LOC"), ("موسكو", "LOC")])
    assert "الرياض تقيم عاليا دور موسكو" in [q.text for q in quotes]
    text = 'وقالت حركة الشبيبة الثورية في بيان إنها ستقوم بمحاسبة "قتلة سوروتش" مؤكدة أنها ستواصل عملياتها.'
    quotes = quotes_of(text, [("الشبيبة الثورية", "ORG"), ("سوروتش", "LOC")])
    assert any(q.text.startswith("ستقوم بمحاسبة") for q in quotes)


def test_his_highness_is_the_prince_the_article_opens_with_not_one_named_in_passing():
    text = (
        "زار صاحب السمو الأمير جلوي بن عبدالعزيز أمير منطقة نجران قصر أبا السعود بمتابعة صاحب السمو "
        "الملكي الأمير سلطان بن سلمان رئيس هيئة السياحة. "
        "وقال سموه «إن القصر الشامخ يوثق مرحلة مهمة في تأسيس البلاد»."
    )
    (quote,) = quotes_of(text, [("جلوي بن عبدالعزيز", "PER"), ("سلطان بن سلمان", "PER")])
    assert quote.speaker == "جلوي بن عبدالعزيز"


def test_a_title_mention_of_one_leader_does_not_take_the_title_of_another_before_it():
    text = (
        "وصف رئيس الوزراء الإسرائيلي، بنيامين نتنياهو، الخطاب الذي ألقاه الزعيم الإيراني آية الله علي "
        "خامنئي، بالعدواني. وأضاف رئيس الحكومة الإسرائيلية، إن «الاتفاق الذي وقع يمهد الطريق أمام إيران»."
    )
    names = [("بنيامين نتنياهو", "PER"), ("علي خامنئي", "PER"), ("الزعيم الإيراني", "PER"), ("إيران", "LOC")]
    speakers = {q.speaker for q in quotes_of(text, names)}
    assert "بنيامين نتنياهو" in speakers


def test_a_title_phrase_before_the_first_person_names_the_subject_of_a_later_verb():
    text = (
        "قال ولي العهد السعودي الأمير محمد بن سلمان إن المملكة ستتحرك. "
        "وشبه ولي عهد السعودية المرشد الأعلى الإيراني علي خامنئي بأدولف هتلر، وقال إن خامنئي "
        "«يريد إقامة مشروع خاص به في الشرق الأوسط»."
    )
    names = [("محمد بن سلمان", "PER"), ("علي خامنئي", "PER"), ("خامنئي", "PER"), ("السعودية", "LOC")]
    quotes = by_text(quotes_of(text, names))
    assert quotes["يريد إقامة مشروع خاص به في الشرق الأوسط"].speaker == "محمد بن سلمان"


def test_a_time_adjunct_between_the_verb_and_its_subject_is_passed_over():
    text = (
        "شمل الاستبيان موظفين في الإمارات ومصر. وقالت في وقت سابق هوغيت لابيل رئيسة الشفافية الدولية: "
        "«يظهر المؤشر أن جميع الدول ما زالت تواجه تهديد الفساد»."
    )
    (quote,) = quotes_of(text, [("هوغيت لابيل", "PER"), ("الإمارات", "LOC"), ("مصر", "LOC")])
    assert quote.speaker == "هوغيت لابيل"


@pytest.mark.parametrize(
    "subject",
    ["مستشارة أوباما لمكافحة الإرهاب ليزا موناكو", "مستشارة الأمن القومي للرئيس أوباما ليزا موناكو"],
)
def test_the_principal_an_aide_serves_is_not_the_speaker(subject):
    text = f"وقالت {subject} في بيان إن «الرئيس ما زال ملتزما بإغلاق السجن»."
    (quote,) = quotes_of(text, [("أوباما", "PER"), ("ليزا موناكو", "PER")])
    assert quote.speaker == "ليزا موناكو"


def test_an_aide_named_with_the_article_is_the_speaker_himself():
    text = "وقال المتحدث باسم الخارجية الأمريكية جون كيربي، إن «الوزير جون كيري سيزور القاهرة»."
    names = [("جون كيربي", "PER"), ("جون كيري", "PER"), ("القاهرة", "LOC")]
    (quote,) = quotes_of(text, names)
    assert quote.speaker == "جون كيربي"


def test_a_continuation_after_an_unnamed_source_is_not_given_to_a_name_he_mentioned():
    text = (
        "أعلن مصدر مقرب من الاتحاد الدولي أن رئيس اللجنة لن يكون كوفي أنان. "
        "وأوضح المصدر أن اللجنة ستبدأ العمل قريبا. "
        "وأضاف «لذلك سيتم تعيين رئيس لهذه المجموعة قريبا جدا»."
    )
    speakers = {q.text: q.speaker for q in quotes_of(text, [("كوفي أنان", "PER")])}
    assert speakers.get("لذلك سيتم تعيين رئيس لهذه المجموعة قريبا جدا") != "كوفي أنان"


def test_a_person_named_after_an_unnamed_source_still_goes_on_speaking():
    text = (
        "وقال مصدر في النادي إن اللاعبين وصلوا. "
        "وشعر إيتالو زانزي المدير التنفيذي للنادي بإحباط بسبب منع اللاعبين. "
        "وأضاف «عانينا موقفا مؤسفا في المطار»."
    )
    (quote,) = quotes_of(text, [("إيتالو زانزي", "PER")])
    assert quote.speaker == "إيتالو زانزي"


def test_the_statement_of_an_unnamed_source_is_not_given_to_an_earlier_speaker():
    text = (
        "أفادت خلية الإعلام الحربي بمقتل عناصر من تنظيم داعش. "
        "وأوضح مصدر في الخلية في بيان صحفي أن «الغارات استهدفت مواقع التنظيم». "
        "وأضاف البيان «كما دمرت الغارات مستودعات للأسلحة»."
    )
    speakers = {q.text: q.speaker for q in quotes_of(text, [("داعش", "ORG")])}
    assert speakers.get("كما دمرت الغارات مستودعات للأسلحة") != "داعش"


def test_the_custodian_of_the_two_holy_mosques_is_the_king_introduced_with_that_title():
    text = (
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز الأمير عبدالله بن مساعد. "
        "وقال خادم الحرمين في كلمة وجهها للحضور: «يسعدني الالتقاء بهذه النخبة»."
    )
    (quote,) = quotes_of(text, [("سلمان بن عبدالعزيز", "PER"), ("عبدالله بن مساعد", "PER")])
    assert quote.speaker == "سلمان بن عبدالعزيز"


def test_a_principal_title_and_a_counterpart_introduce_no_one():
    served = (
        "زار ولي عهد بلاده الأمير محمد بن سلمان مصر. "
        "ويضم الوفد رئيس الشؤون الخاصة لسمو ولي العهد الأستاذ ثامر نصيف. "
        "وقال ولي العهد السعودي إن «العلاقات بين البلدين متينة وتتطور في كل المجالات»."
    )
    (quote,) = quotes_of(served, [("محمد بن سلمان", "PER"), ("ثامر نصيف", "PER"), ("مصر", "LOC")])
    assert quote.speaker == "محمد بن سلمان"
    counterpart = (
        "جمع اللقاء وزير الخارجية السعودي عادل الجبير بنظيره الروسي سيرغي لافروف في الدوحة. "
        "وقال وزير الخارجية السعودي إن «المحادثات كانت مثمرة وتناولت الأزمة السورية»."
    )
    (quote,) = quotes_of(counterpart, [("عادل الجبير", "PER"), ("سيرغي لافروف", "PER"), ("الدوحة", "LOC")])
    assert quote.speaker == "عادل الجبير"


def test_a_title_qualified_before_its_country_does_not_stand_for_the_bare_title():
    text = (
        "وثمن الشيخ مهدي النهاري الدعم السعودي لليمن في مواجهة أتباع الرئيس السابق علي عبدالله صالح. "
        "وأضاف رئيس الجالية اليمنية «لا نستغرب المواقف البطولية للمملكة في شتى المجالات»."
    )
    quotes = quotes_of(text, [("مهدي النهاري", "PER"), ("علي عبدالله صالح", "PER")])
    assert "علي عبدالله صالح" not in {q.speaker for q in quotes}


def test_a_later_verb_of_a_sentence_an_unnamed_source_opened_goes_on_with_the_source():
    text = (
        "أوضح ذلك رئيس الوزراء المصري إبراهيم محلب أمس. فيما قال مصدر قضائي إن رئيس الوزراء حضر "
        "الاجتماع، وأشار إلى أن «المرشح الأوفر حظا هو رئيس محكمة الجنايات»."
    )
    quotes = quotes_of(text, [("إبراهيم محلب", "PER")])
    assert "إبراهيم محلب" not in {q.speaker for q in quotes}


def test_an_office_with_a_possessive_is_the_same_office():
    text = (
        "أكدت الولايات المتحدة دعمها لمصر خلال الكلمة التي ألقاها وزير خارجيتها جون كيري في القاهرة. "
        "وتطرق وزير الخارجية الأمريكي إلى تزويد مصر بالطائرات، "
        "وقال «إننا ندعم بناء الثقة بين السلطات والشباب»."
    )
    names = [("جون كيري", "PER"), ("الولايات المتحدة", "LOC"), ("مصر", "LOC"), ("القاهرة", "LOC")]
    (quote,) = quotes_of(text, names)
    assert quote.speaker == "جون كيري"


def test_a_report_before_its_verb_is_an_unnamed_speaker():
    text = (
        "ظهر نوري المالكي متضخما مثيرا للتساؤل، وفي بيروت معلومات مؤكدة تفيد بأن «المالكي يخفي كنزا "
        "من سبائك الذهب في الضاحية الجنوبية»."
    )
    quotes = quotes_of(text, [("نوري المالكي", "PER"), ("المالكي", "PER"), ("بيروت", "LOC")])
    assert "نوري المالكي" not in {q.speaker for q in quotes}


def test_a_statement_that_quotes_an_unnamed_source_is_still_its_issuers():
    text = (
        "أعلن الجيش الأردني أنه تصدى لمسلحين. ونقل بيان للجيش عن مصدر مسؤول قوله إن «عناصر حاولت "
        "الاقتراب من حدودنا». وأضاف البيان: «تم تطبيق قواعد الاشتباك فورا معهم»."
    )
    speakers = {q.text: q.speaker for q in quotes_of(text, [("الجيش الأردني", "ORG")])}
    assert speakers.get("تم تطبيق قواعد الاشتباك فورا معهم") == "الجيش الأردني"


def test_a_statement_as_an_unnamed_subject_is_issued_by_no_earlier_speaker():
    text = (
        "وقال تنظيم داعش إن «عناصره نفذت الهجوم». وأفاد بيان صادر عن ولاية غازي عنتاب بأن فرق الأمن "
        "شنت الحملات. وأوضح البيان أن «262 عنصر أمن شاركوا في تلك العمليات»."
    )
    speakers = {q.text: q.speaker for q in quotes_of(text, [("داعش", "ORG"), ("غازي عنتاب", "LOC")])}
    assert speakers.get("262 عنصر أمن شاركوا في تلك العمليات") != "داعش"


def test_a_name_after_an_unnamed_subject_and_its_object_does_not_speak_but_a_documents_issuer_does():
    text = (
        "وقال المسؤولون، الذين رفضوا نشر أسمائهم ووظائفهم، لصحيفة واشنطن بوست إن «الاتفاق سيزيد من "
        "سرعة مواجهة التنظيم»."
    )
    quotes = quotes_of(text, [("واشنطن بوست", "ORG")])
    assert "واشنطن بوست" not in {q.speaker for q in quotes}
    text = "وأشار التقرير الذي أصدره البنك الأهلي إلى أن «إنتاج النفط سيظل العام المقبل في نفس المعدلات»."
    (quote,) = quotes_of(text, [("البنك الأهلي", "ORG")])
    assert quote.speaker == "البنك الأهلي"


def test_the_federation_named_before_issues_what_the_federation_says():
    text = (
        "قرر الاتحاد الجزائري لكرة القدم منع الأندية من التعاقد مع لاعبين أجانب. وقال الاتحاد في بيان "
        "في موقعه على الإنترنت: «ليس هناك ترخيص للتعاقد مع لاعبين أجانب بداية من الموسم المقبل»."
    )
    (quote,) = quotes_of(text, [("الاتحاد الجزائري لكرة القدم", "ORG")])
    assert quote.speaker == "الاتحاد الجزائري لكرة القدم"


def test_a_bodys_head_noun_as_subject_speaks_for_the_body_of_that_head_named_before():
    text = (
        "أعلنت شركة أرامكو السعودية عن نتائجها الفصلية. وقالت الشركة في بيان إن أرباحها ارتفعت بنسبة "
        "عشرة في المئة خلال الربع الثاني من العام."
    )
    (quote,) = quotes_of(text, [("أرامكو السعودية", "ORG")])
    assert quote.speaker == "أرامكو السعودية"


def test_a_document_issued_speaks_for_its_issuer_in_the_verb_after_it():
    text = "أصدرت وزارة الخارجية الأمريكية بيانا أكدت فيه أن الحوار مع الصين سيستمر خلال الأشهر المقبلة."
    (quote,) = quotes_of(text, [("وزارة الخارجية الأمريكية", "ORG"), ("الصين", "LOC")])
    assert quote.speaker == "وزارة الخارجية الأمريكية"
    text = "وأصدرت البورصة في وقت لاحق بيانا أكد أن الأرقام التي ذكرها المسؤول لوكالة رويترز صحيحة تماما."
    assert all(q.speaker != "رويترز" for q in quotes_of(text, [("رويترز", "ORG")]))


def test_a_verb_with_wa_keeps_the_speaker_carried_into_its_sentence():
    text = (
        "أكد المحافظ أثيل النجيفي عدم اطمئنانه لنتائج التحقيق.\n"
        'وأكد خلال حديثه أن القرار هو بيد إيران التي تسيطر على العراق، وقال "هي من كانت خلف إقالتي دون سبب".'
    )
    quotes = quotes_of(text, [("أثيل النجيفي", "PER"), ("إيران", "LOC"), ("العراق", "LOC")])
    assert by_text(quotes)["هي من كانت خلف إقالتي دون سبب"].speaker == "أثيل النجيفي"


def test_a_quotation_mark_glued_to_its_speech_verb_opens_the_quote():
    text = (
        "وأوضح نائب مدير الهيئة أحمد الخزعل أن الملف ستتم دراسته. "
        'وأشار إلى أن المراسلات تمت، وقال" تلقينا الموافقة وتحددت ملاعب أندية الكويت وكاظمة".'
    )
    assert [text[a:b] for a, b in pair_quotes(text)] == [" تلقينا الموافقة وتحددت ملاعب أندية الكويت وكاظمة"]
    found = quotes_of(text, [("أحمد الخزعل", "PER"), ("الكويت", "LOC")])
    assert [q.speaker for q in found if q.text.startswith("تلقينا")] == ["أحمد الخزعل"]


def test_a_participle_after_quoted_words_is_not_said_by_a_place_inside_them():
    text = (
        "وقال عارف حسن أستاذ تخطيط المدن إن «الارض هي الذهب الجديد». "
        "واضاف «انه امر محزن. لا يمكن ان تكون هناك مدينة مثل اسلام اباد لا تؤمن للسكان مساكن»، "
        "معتبرا ان ذلك «انعدام في المسؤولية»."
    )
    found = quotes_of(text, [("عارف حسن", "PER"), ("اسلام اباد", "LOC")])
    assert [q.speaker for q in found if q.text.startswith("انعدام")] == ["عارف حسن"]



def test_an_unnamed_source_after_an_addressee_speaks_on_and_no_name_in_its_words_takes_over():
    text = (
        "وتعثر الأهلي في التعاقد مع شيري. "
        'وأكد لـ "الاقتصادية" مصدر خاص أن إدارة النادي حولت مسار مفاوضاتها. '
        'وقال: "بدأت المفاوضات مع الخيارات الأخرى ومنها النيجيري جون شيبوكي". '
        'وأضاف: "مسؤولو الأهلي وضعوا خيارات أخرى".'
    )
    found = quotes_of(text, [("شيري", "PER"), ("جون شيبوكي", "PER"), ("الأهلي", "ORG")])
    assert [q.speaker for q in found if q.speaker in ("شيري", "جون شيبوكي")] == []


def test_an_unnamed_agency_announcing_a_named_place_taken_names_no_speaker():
    text = "أعلن جهاز مكافحة الإرهاب في العراق، أمس، عن تحرير جامعة الأنبار في ضواحي الرمادي بالكامل."
    entities = [Entity("جامعة الأنبار", "ORG", ["جامعة الأنبار"]), Entity("العراق", "LOC", ["العراق"])]
    reading = read_speech(text, entities)
    assert [resolved.entity for _, resolved in reading.cue_speakers] == [None]


def test_a_name_before_a_comma_is_not_the_subject_of_the_verb_after_it():
    text = (
        "وبعد الاتفاق التاريخي بين القوى العالمية وإيران للحد من أنشطة برنامج طهران النووي، قال كيري إن "
        'الرئيس الإيراني حسن روحاني "أوضح أنه مستعد لمناقشة القضايا الإقليمية".'
    )
    found = quotes_of(text, [("كيري", "PER"), ("حسن روحاني", "PER"), ("طهران", "LOC"), ("إيران", "LOC")])
    assert found and {q.speaker for q in found} == {"كيري"}


def test_an_unnamed_official_in_a_city_near_a_capital_is_not_the_capitals_country():
    text = 'وقال المسؤول في مدينة سبها على بعد 750 كلم جنوب طرابلس "سقط 40 قتيلا على الاقل في اشتباكات".'
    found = quotes_of(text, [("سبها", "LOC"), ("طرابلس", "LOC")])
    assert [q.speaker for q in found if q.speaker] == []


def test_a_place_after_bihaqq_is_what_was_said_about_not_who_said_it():
    text = (
        "أحصت دراسة أعدها مركز الخليج للدراسات الاستراتيجية 160 موقفاً عدائياً من إيران. "
        "وقالت الدراسة في سياق رصدها للتصريحات السلبية التي أطلقها مسؤولون إيرانيون بحق البحرين، إن "
        "المملكة كانت ومازالت هدفا مباشرا للأطماع الإيرانية."
    )
    names = [("مركز الخليج للدراسات الاستراتيجية", "ORG"), ("إيران", "LOC"), ("البحرين", "LOC")]
    found = quotes_of(text, names)
    assert [q.speaker for q in found if q.speaker in ("البحرين", "إيران")] == []


def test_a_spokesman_for_a_group_that_a_leaders_government_backs_is_not_the_leader():
    text = (
        "وأعلن متحدث باسم مقاتلين يمنيين ووحدات من الجيش تدعمها حكومة هادي أمس السيطرة على القصر "
        "الرئاسي في عدن."
    )
    reading = read_speech(text, [Entity("هادي", "PER", ["هادي"]), Entity("عدن", "LOC", ["عدن"])])
    assert [resolved.entity for _, resolved in reading.cue_speakers] == [None]
    spokesman = "وقال الناطق باسم الحكومة يوشيهيدي سوغا إن الأمر سيكون مؤسفا جدا."
    suga = Entity("يوشيهيدي سوغا", "PER", ["يوشيهيدي سوغا"])
    assert [resolved.entity for _, resolved in read_speech(spokesman, [suga]).cue_speakers] == [suga]


def test_names_in_a_sentences_opening_topic_do_not_speak():
    text = (
        "وقال المؤرخ هربرت بيكس إن الحرب كانت ستنتهي.\n"
        "وحول رؤيته لأسباب الاستسلام الياباني للولايات المتحدة وليس الاتحاد السوفييتي ، قال :"
        '"قادة اليابان لم يثقوا أبدا في نظام ستالين".'
    )
    names = ["هربرت بيكس", "الولايات المتحدة", "الاتحاد السوفييتي"]
    entities = [Entity(name, "LOC" if i else "PER", [name]) for i, name in enumerate(names)]
    found = find_quotes(text, entities)
    assert [q.speaker for q in found if q.text.startswith("قادة")] == ["هربرت بيكس"]


def test_a_festival_named_after_a_city_and_the_army_unnamed_leave_no_named_speaker():
    festival = "وقال مهرجان القاهرة السينمائي الدولي في بيان أمس إن احتفالية التكريم ستقام يوم 12 نوفمبر."
    cairo = Entity("القاهرة", "LOC", ["القاهرة"])
    assert [resolved.entity for _, resolved in read_speech(festival, [cairo]).cue_speakers] == [None]
    army = "وأعلن الجيش عزل مرسي بعد احتجاجات حاشدة على حكمه الذي استمر عاما."
    morsi = Entity("محمد مرسي", "PER", ["مرسي"])
    assert [resolved.entity for _, resolved in read_speech(army, [morsi]).cue_speakers] == [None]


def test_a_person_right_after_the_verb_is_its_subject_not_a_name_before_it():
    text = (
        "وردا على سؤال حول ما إذا كان الوقت قد حان ليتولى لاعب سابق رئاسة الفيفا قال كامبل لرويترز "
        "إن هذا هو الأمر المنطقي في رأيه."
    )
    [quote] = quotes_of(text, [("الفيفا", "ORG"), ("كامبل", "PER"), ("رويترز", "ORG")])
    assert quote.speaker == "كامبل"


def test_a_title_before_among_the_candidates_is_not_the_title_of_the_name_after():
    text = (
        "وأضاف قائد أرسنال ومنتخب إنجلترا السابق “هناك العديد من الأشخاص العقلاء الذين لعبوا كرة القدم.” "
        "ويعد ميشيل بلاتيني رئيس الاتحاد الأوروبي لكرة القدم وقائد منتخب فرنسا من أبرز المرشحين لخلافة بلاتر."
    )
    names = [("أرسنال", "ORG"), ("إنجلترا", "LOC"), ("ميشيل بلاتيني", "PER"), ("بلاتر", "PER")]
    names.append(("فرنسا", "LOC"))
    quotes = quotes_of(text, names)
    assert not any(q.speaker and q.speaker.endswith("لاتر") for q in quotes)  # Blatter, however spelt


def test_a_short_quoted_name_followed_by_its_belonging_is_no_quote():
    text = (
        "وقال مارك ريموندي المتحدث باسم الوزارة في بيان: «إن الوزارة قالت دوما إنه يجب أن يقضي عقوبته».\n"
        "وأضاف: إن الجاسوس يحق له الحصول على إطلاق سراح مشروط، وفي الواقع فإن «لجنة إطلاق السراح المشروط» "
        "التابعة لوزارة العدل هي الجهة المخولة منح المحكومين هذا الحق."
    )
    quotes = quotes_of(text, [("مارك ريموندي", "PER"), ("وزارة العدل", "ORG")])
    assert all(q.text != "لجنة إطلاق السراح المشروط" for q in quotes)
    assert any(q.speaker == "مارك ريموندي" for q in quotes)


def test_a_labelled_name_before_a_relative_is_no_quote_but_words_spoken_are():
    named = (
        "وقال وليد المعلم في كلمة ألقاها خلال «المؤتمر الإعلامي الدولي لمواجهة الارهاب» الذي عقد في دمشق "
        "إن الاتفاق لن يؤثر على الدعم."
    )
    quotes = quotes_of(named, [("وليد المعلم", "PER"), ("دمشق", "LOC")])
    assert all(not q.text.startswith("المؤتمر الإعلامي") for q in quotes)
    spoken = "وقال بدر باسلمه للصحافيين «إنها بداية العمليات في المطار» الذي تم استعادته الأسبوع الماضي."
    [quote] = quotes_of(spoken, [("بدر باسلمه", "PER")])
    assert quote.text == "إنها بداية العمليات في المطار"


def test_a_quoted_code_without_arabic_words_is_no_quote():
    text = 'وأوضح عبدالعزيز الغفيلي أن الشركة حصلت على شهادة الأيزو "120000 (ISO/IEC)" هذا العام.'
    quotes = quotes_of(text, [("عبدالعزيز الغفيلي", "PER")])
    assert all("ISO" not in q.text or q.text.startswith("الشركة") for q in quotes)
    assert not any(q.direct for q in quotes)


def test_main_after_a_noun_is_an_adjective_not_the_president():
    text = (
        "وهدد الرئيس الأمريكي في حينه بيل كلينتون بالاستقالة. "
        "وساعدت المعلومات على قصف المقر الرئيس لمنظمة التحرير، وقال إن ذلك كان خطأ."
    )
    view = ArticleView(text, resolve(text, mentions_in(text, [("بيل كلينتون", "PER")])))
    start = text.index("المقر")
    assert view.titled_person(start, start + 20) is None
    assert view.titled_person(text.index("الرئيس الأمريكي"), text.index("في حينه")) is not None


def test_a_player_named_by_role_is_not_the_club_named_after_him():
    text = "وقال اللاعب بعد مباراة تشلسي الإنجليزي الودية: «النادي يعرف رغبتي، أريد الرحيل»."
    quotes = quotes_of(text, [("تشلسي", "ORG")])
    assert all(q.speaker != "تشلسي" for q in quotes)


def test_one_of_a_group_who_describes_a_person_is_not_him():
    text = "وقد وصف أحد أعضاء حركة طالبان البارزين الملا عمر بأنه «الملا الحقيقي والأفغاني الحقيقي»."
    quotes = quotes_of(text, [("طالبان", "ORG"), ("الملا عمر", "PER")])
    assert all(q.speaker != "الملا عمر" for q in quotes)


def test_a_title_before_a_word_for_a_child_does_not_introduce_the_child():
    text = (
        "وزار السفير السعودي في سلطنة عمان عيد الثقفي صباح امس الطفلة زينب لباد في المستشفى، "
        "وأوضح السفير الثقفي ان الزيارة تهدف للاطمئنان على صحة الطفلة."
    )
    quotes = quotes_of(text, [("زينب لباد", "PER"), ("عمان", "LOC")])
    assert all(q.speaker != "زينب لباد" for q in quotes)


def test_a_relative_of_the_verbs_gender_is_its_subject_and_of_the_other_its_object():
    subject = (
        "ورصدت الصحف السعودية حالات تحرش، وتحاورت الصحيفة مع الدكتورة سهيلة زين العابدين عضو الجمعية "
        "الوطنية لحقوق الإنسان، التي أكدت أن حالات التحرش انتشرت في الآونة الأخيرة."
    )
    [quote] = quotes_of(subject, [("السعودية", "LOC"), ("سهيلة زين العابدين", "PER")])
    assert quote.speaker == "سهيلة زين العابدين"
    obj = (
        "أعلنت منظمة إيباك حربا على إدارة الرئيس الأميركي، باراك أوباما، بسبب الاتفاق مع إيران، "
        "الذي قالت إنه «ينطوي على ثغرات خطيرة»."
    )
    [quote] = quotes_of(obj, [("إيباك", "ORG"), ("باراك أوباما", "PER"), ("إيران", "LOC")])
    assert quote.speaker == "إيباك"


def test_an_unnamed_diplomat_goes_on_speaking_and_a_named_analyst_speaks():
    text = (
        "وقال باراك أوباما إن الاتفاق جيد للجميع.\n"
        "وقال دبلوماسي إسرائيلي سابق عمل في واشنطن، إن الضغوط لن تغير الموقف.\n"
        "وقال: «لقد بدأ يتطور في الولايات المتحدة خطاب جديد حول التعويضات»."
    )
    quotes = quotes_of(text, [("باراك أوباما", "PER"), ("واشنطن", "LOC")])
    assert not any(q.text.startswith("لقد بدأ") and q.speaker for q in quotes)
    named = "أكد لـ \"الاقتصادية\" المحلل في وكالة الطاقة مارتين جورجييف، أن السوق ستبقى متخمة بالنفط."
    [quote] = quotes_of(named, [("الاقتصادية", "ORG"), ("مارتين جورجييف", "PER")])
    assert quote.speaker == "مارتين جورجييف"


def test_an_unnamed_secretary_of_a_presidency_is_not_the_country():
    text = 'وقال السكرتير الصحفي لمكتب رئاسة الجمهورية اليمنية :"كل ما حققت المقاومة انتصارات زاد القمع".'
    quotes = quotes_of(text, [("الجمهورية اليمنية", "LOC")])
    assert not any(q.text.startswith("كل ما حققت") and q.speaker for q in quotes)


def test_whom_a_speaker_describes_does_not_speak():
    text = (
        "وأعلن المدعي الأمريكي ديفيد هيكتون الاتهامات في بيتسبرج ووصف داركود بأنه “عش دبابير على الإنترنت "
        "لمجرمي القرصنة.” وأضاف “كان داركود يمثل واحدا من أخطر التهديدات لسلامة البيانات.”"
    )
    quotes = quotes_of(text, [("ديفيد هيكتون", "PER"), ("بيتسبرج", "LOC"), ("داركود", "ORG")])
    assert {q.speaker for q in quotes} == {"ديفيد هيكتون"}


def test_a_title_in_apposition_after_a_name_is_his_but_not_the_title_of_the_next_name():
    text = (
        "قال عادل الجبير وزير الخارجية إن المملكة ترحب بالاتفاق.\n"
        "وفي شأن آخر، قال وليد المعلم إن دمشق ترفض الاتفاق.\n"
        "وأكد وزير الخارجية أن الرياض ستدعم اليمن."
    )
    quotes = quotes_of(text, [("عادل الجبير", "PER"), ("وليد المعلم", "PER")])
    assert by_text(quotes)["الرياض ستدعم اليمن"].speaker == "عادل الجبير"
    received = "استقبل الأمير محمد بن سلمان الرئيس الفرنسي فرانسوا هولاند. وتحدث الرئيس عن العلاقات."
    names = [("محمد بن سلمان", "PER"), ("فرانسوا هولاند", "PER")]
    view = ArticleView(received, resolve(received, mentions_in(received, names)))
    start = received.index("وتحدث")
    assert [p.name for p in view.titled_people(start, len(received))] == ["فرانسوا هولاند"]


def test_a_short_quotation_right_after_a_name_is_his_title_and_a_relatives_object_is_no_subject():
    text = (
        "وقال وليد المعلم إن الحكومة ترحب بالقرار. ولفت إلى مقتل عشرات القياديين، أبرزهم أبو أسامة العراقي "
        "\"والي ولاية البركة\" وعامر الرفدان \"الوالي السابق لولاية الخير\"."
    )
    names = [("وليد المعلم", "PER"), ("أبو أسامة العراقي", "PER"), ("عامر الرفدان", "PER")]
    quotes = quotes_of(text, names)
    assert not any(q.text.startswith(("والي", "الوالي")) for q in quotes)
    left = "وبينات الذي غادر الاتحاد أكد في رسالته أن محبة العميد لم تفارقه."
    [quote] = quotes_of(left, [("بينات", "PER"), ("الاتحاد", "ORG")])
    assert quote.speaker != "الاتحاد"



def test_forces_loyal_to_a_named_leader_speak_unnamed():
    text = (
        "وأكدت القوات الموالية لحكومة الرئيس اليمني عبدربه منصور هادي اليوم أنها بسطت سيطرتها على "
        "الجزء الأكبر من حي التواهي في عدن."
    )
    quotes = quotes_of(text, [("عبدربه منصور هادي", "PER"), ("عدن", "LOC")])
    assert all(q.speaker != "عبدربه منصور هادي" for q in quotes)
    said = "وأكد الرئيس اليمني عبدربه منصور هادي اليوم أن قواته بسطت سيطرتها على حي التواهي في عدن."
    [quote] = quotes_of(said, [("عبدربه منصور هادي", "PER"), ("عدن", "LOC")])
    assert quote.speaker == "عبدربه منصور هادي"


def test_a_quoted_name_is_no_quote():
    names = [("نعمان بن حافظ", "PER"), ("ماهر المعيقلي", "PER"), ("خالد مقداد", "PER")]
    text = 'وقال نعمان بن حافظ إن صوته يشبه صوت إمام الحرم المكي "الشيخ ماهر المعيقلي" كثيرا.'
    [quote] = quotes_of(text, names)
    assert quote.text.startswith("صوته يشبه")  # the clause he said, not the name in it
    text = 'وأشار نعمان بن حافظ الى أن الموهوبة "جنا خالد مقداد" احد مواهب الفرقة.'
    [quote] = quotes_of(text, names)
    assert quote.text.startswith("الموهوبة")


def test_a_verb_after_an_unnamed_speakers_words_goes_on_with_him_not_with_a_place_he_named():
    text = (
        "واكد مدير الفرقة بأن الجمهور السعودي جمهور جميل. واضاف بان الأعضاء ينتسبون لجنسيات متعددة من "
        "الأردن والمغرب واليمن، وأشار الى أن الموهوبة جنا احد مواهب الفرقة."
    )
    quotes = quotes_of(text, [("الأردن", "LOC"), ("المغرب", "LOC"), ("اليمن", "LOC")])
    assert all(q.speaker != "الأردن" for q in quotes)


def test_a_name_in_quotation_marks_before_the_speakers_name_does_not_speak():
    text = 'وأوضحت مديرة التوظيف النسائي في "باب رزق جميل" رولا باصمد، أن التوظيف النسائي حقق قفزة واسعة.'
    [quote] = quotes_of(text, [("رزق جميل", "PER"), ("رولا باصمد", "PER")])
    assert quote.speaker == "رولا باصمد"
    text = 'وأضاف "الفهيد"، أن هذه النتائج تدل على الجهود الكبيرة لفريق العمل.'  # a quoted name alone speaks
    [quote] = quotes_of(text, [("الفهيد", "PER")])
    assert quote.speaker == "الفهيد"


def test_a_place_after_wa_fi_before_the_verb_does_not_speak():
    text = "وفي لبنان أكدت مصادر متشددة خلال مقابلات أجريت أخيرًا أن غالبية الشباب من أبناء المنطقة."
    assert all(q.speaker != "لبنان" for q in quotes_of(text, [("لبنان", "LOC")]))


def test_harakat_on_the_complementizer_stay_out_of_the_quote():
    text = "وقال الشيخ صالح الفوزان إنَّ الرجل وإن كتم رأيه لم يخف ذلك في ابنه ولا صديقه."
    [quote] = quotes_of(text, [("صالح الفوزان", "PER")])
    assert quote.text.startswith("الرجل")


def test_after_a_relative_of_the_other_gender_the_sentences_first_speaker_goes_on():
    text = (
        "وقال كارتر إن التحالف مع إسرائيل يبقى حجر الزاوية في الشرق الأوسط. وقال إن الولايات المتحدة "
        "يجب أن تزيد من تعاونها الأمني مع إسرائيل في المواضيع التي تشكل خطرا على حلفائها، التي قال "
        "إنه ناقشها مع المسؤولين الإسرائيليين في تل أبيب."
    )
    quotes = quotes_of(text, [("كارتر", "PER"), ("الولايات المتحدة", "LOC"), ("إسرائيل", "LOC")])
    assert quotes and {q.speaker for q in quotes} == {"كارتر"}


def test_what_a_report_indicated_has_no_speaker():
    text = (
        "ووافقت التقديرات توقعات السوق رغم تقارير عن عودة إسبانيا إلى انكماش الأسعار بما أشار إلى أن "
        "بيانات منطقة اليورو كان من الممكن أن تأتي أضعف من ذلك."
    )
    assert all(q.speaker != "إسبانيا" for q in quotes_of(text, [("إسبانيا", "LOC")]))


def test_one_of_a_mans_lawyers_speaks_not_his_client():
    text = (
        "لكن المتهم قرر عدم المشاركة في المحاكمة، حسبما أعلن أحد محامي حبري إبراهيم دياوارا، موضحا أن "
        "المثول في المحاكمة حق وليس واجبا."
    )
    quotes = quotes_of(text, [("حبري", "PER"), ("إبراهيم دياوارا", "PER")])
    assert quotes and {q.speaker for q in quotes} == {"إبراهيم دياوارا"}


def test_a_newspaper_named_right_after_the_verb_speaks_not_the_president_it_writes_of():
    text = (
        'من ناحية ثانية، علقت صحيفة "لوفيجارو" الفرنسية على زيارة الرئيس الأميركي باراك أوباما '
        "لكينيا، مؤكدة أن ضغوط الملفات الآسيوية والأوروبية حرمت الرئيس الأميركي من الاهتمام بأفريقيا."
    )
    quotes = quotes_of(text, [("لوفيجارو", "ORG"), ("باراك أوباما", "PER"), ("كينيا", "LOC")])
    assert quotes and {q.speaker for q in quotes} == {"لوفيجارو"}


def test_in_before_kana_is_a_condition_not_reported_speech():
    text = (
        "ودعا بيان صادر عن حزب العمال الكردستاني أكراد تركيا إلى التسلح، قائلا إن كان ضروريًا فإن "
        "عليهم الموت دفاعًا عن قراهم. وقال أوجلان إن الحزب مستعد للحوار مع الحكومة."
    )
    quotes = quotes_of(text, [("حزب العمال الكردستاني", "ORG"), ("تركيا", "LOC"), ("أوجلان", "PER")])
    assert by_text(quotes).keys() == {"الحزب مستعد للحوار مع الحكومة"}


def test_it_seems_that_is_no_reported_speech():
    text = (
        "وأضاف البديل ايدن جيكو الهدف الثاني من مدى قريب فيما يبدو أنها مباراته الأخيرة مع الفريق. "
        "وقال بليجريني إن الفريق لعب جيدا."
    )
    quotes = quotes_of(text, [("ايدن جيكو", "PER"), ("بليجريني", "PER")])
    assert {q.speaker for q in quotes} == {"بليجريني"}


def test_a_guillemet_written_the_wrong_way_round_closes_the_one_before():
    text = (
        "اكتشف التليسكوب الفضائي «كليبر « مؤخراً كوكبا، وقالت ناسا إن الكوكب يشبه الأرض، "
        "مضيفة «عثرنا على شيء يحلم به البشر»."
    )
    quotes = quotes_of(text, [("كليبر", "PER"), ("ناسا", "ORG")])
    assert by_text(quotes).keys() == {"الكوكب يشبه الأرض", "عثرنا على شيء يحلم به البشر"}


def test_explained_first_in_its_clause_after_a_fronted_phrase_gives_the_words_to_no_one():
    text = (
        'وخلال جولة أجرتها "الاقتصادية"، بين عامل في أحد المكاتب، أنه رغم تسجيل أكثر من ألف طلب '
        "خادمة من بنجلادش في قوائم الانتظار لديهم، لم يستطيعوا تلبية طلب واحد منها حتى الآن، لافتاً "
        "إلى أن الإجراءات التي تعمل عليها مكاتب الاستقدام البنجلادشية سيئة."
    )
    assert quotes_of(text, [("بنجلادش", "ORG")]) == []


def test_a_member_of_a_mans_party_speaks_not_the_man():
    text = (
        "من جهته، قال عضو في حزب الرئيس اليمني السابق علي عبد الله صالح، إن «ممثلين لصالح يجرون "
        "محادثات مع دبلوماسيين». وقال أحمد علي إن المحادثات مع الدبلوماسيين مستمرة منذ أسابيع."
    )
    quotes = quotes_of(text, [("علي عبد الله صالح", "PER"), ("أحمد علي", "PER")])
    assert {q.speaker for q in quotes} == {"أحمد علي"}


def test_a_name_in_marks_at_the_start_of_a_quote_keeps_its_opening_mark():
    text = "وقال المهنا: «الطرح ليس سهلا»، مشيراً إلى أن «ناس» شهدت نمواً سنوياً بنسبة 40%."
    quotes = quotes_of(text, [("المهنا", "PER"), ("ناس", "ORG")])
    assert "«ناس» شهدت نمواً سنوياً بنسبة 40%" in by_text(quotes)


def test_an_official_named_after_his_office_speaks_but_not_a_leader_named_after_his_party():
    text = (
        'وقال المسؤول في مكتب التحقيقات الفدرالي ايد رينولد "حاليا، لا مؤشرات لدينا إلى أن الهجوم '
        'مستوحى من أي شخص آخر". وقال شاهد من رويترز إن الطائرة وصلت إلى المطار الساعة الرابعة.'
    )
    quotes = quotes_of(text, [("ايد رينولد", "PER"), ("رويترز", "ORG")])
    assert {q.speaker for q in quotes} == {"ايد رينولد", "رويترز"}


def test_a_guillemet_the_wrong_way_round_after_a_spaced_one_closes_a_short_name():
    from marsad.enrich.quotes import pair_quotes

    text = "مبينا أن افتتاح المعرض الثالث لـ « جي فاكتوري « يأتي ضمن خطة توسعية تنتهجها الشركة."
    assert [text[a:b].strip() for a, b in pair_quotes(text)] == ["جي فاكتوري"]
    long = "قال « إن الشركة اليابانية تفتخر كثيرا « بافتتاح أحدث منافذها»."  # a longer stretch: it opens
    assert len(pair_quotes(long)) == 2


def test_explained_with_its_hamza_is_a_cue_but_during_is_not():
    text = (
        "وإبان الحرب الأخيرة، أوضح الوزير سعد الحربي أن الوضع صعب للغاية على الجميع. "
        "وأبان رأفت الصباغ أن المديريات التي ستستفيد من المساعدات هي المنصورة والمعلا."
    )
    quotes = quotes_of(text, [("سعد الحربي", "PER"), ("رأفت الصباغ", "PER")])
    openings = {(q.speaker, q.text.split()[0]) for q in quotes}
    assert openings == {("سعد الحربي", "الوضع"), ("رأفت الصباغ", "المديريات")}


def test_a_name_between_guillemets_the_wrong_way_round_is_marked_in_the_quote():
    text = "وأكد تسونيو ناجاي مدير الشركة أن « كاسيو « تفتخر بافتتاح أحدث منافذها للتجزئة في جدة."
    quotes = quotes_of(text, [("تسونيو ناجاي", "PER")])
    assert [q.text for q in quotes] == ["«كاسيو» تفتخر بافتتاح أحدث منافذها للتجزئة في جدة"]


def test_passing_a_law_is_no_admission_but_admitting_that_is():
    text = (
        "أقرت المالديف الخميس تشريعا يسمح للأجانب بتملك الأراضي رغم مخاوف المعارضة من أن تستغل "
        "الصين هذا الإصلاح في التوسع العسكري. وأقر الرئيس عبدالله يمين بأن المعارضة قلقة من الإصلاح الجديد."
    )
    quotes = quotes_of(text, [("المالديف", "LOC"), ("الصين", "LOC"), ("عبدالله يمين", "PER")])
    assert {q.speaker for q in quotes} == {"عبدالله يمين"}


def test_admitted_that_after_its_subject_is_a_cue():
    text = 'ولكن أوباما أقر خلال المحادثات بأن "هذا لا يعني أن المشكلة عولجت بالكامل".'
    quotes = quotes_of(text, [("أوباما", "PER")])
    assert [(q.speaker, q.text) for q in quotes] == [("أوباما", "هذا لا يعني أن المشكلة عولجت بالكامل")]


def test_a_name_in_marks_the_taggers_missed_speaks_not_the_paper_after_it():
    text = (
        'أكد عبدالحكيم شار أن الوضع هادئ في المدينة كلها. وقال "بادي" في تصريحات لصحيفة "هافينغتون بوست '
        'عربي": "الخائن الحقيقي هو الذي دمر عدن وتعز". وأضاف: "الوقيعة بين الحلفاء فاشلة تماما". '
        'وقال "الحوثي" في بيان إن الجماعة مستعدة للحوار مع الجميع.'
    )
    names = [("عبدالحكيم شار", "PER"), ("هافينغتون بوست عربي", "ORG"), ("الحوثي", "PER")]
    quotes = quotes_of(text, names)
    assert {q.speaker for q in quotes} == {"عبدالحكيم شار", "الحوثي"}
    assert all(q.speaker != "عبدالحكيم شار" for q in quotes if "الوقيعة" in q.text)


def test_a_newspaper_told_in_marks_and_a_nickname_in_marks_leave_the_named_speaker():
    text = (
        'أبلغ "الاقتصادية" المهندس مسفر المالكي المتحدث الإعلامي، أن الفرع سلم المرحلة الأولى من الطريق. '
        "ويقول «التناك» محمد العسيف: إنه ورث تلك الحرفة عن أبيه منذ ثلاثين عاما."
    )
    quotes = quotes_of(text, [("مسفر المالكي", "PER"), ("محمد العسيف", "PER")])
    assert {q.speaker for q in quotes} == {"مسفر المالكي", "محمد العسيف"}

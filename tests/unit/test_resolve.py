import re

from marsad.enrich.entities import without_currencies
from marsad.enrich.resolve import Mention, is_short_form, is_variant, resolve, strip_clitic
from marsad.knowledge import adjective_stem, load_knowledge
from marsad.model import Entity


def mentions_in(text, names):
    """Mentions at every whole-word occurrence of each (surface, type), in text order."""
    found = []
    for surface, entity_type in names:
        for match in re.finditer(rf"(?<![\w]){re.escape(surface)}(?![\w])", text):
            found.append(Mention(surface, entity_type, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def by_name(entities):
    return {e.name: e for e in entities}


def test_spelling_variants_short_forms_and_clitics_join():
    text = (
        "استقبل الرئيس التركي رجب طيب أردوغان نظيره الأذربيجاني إلهام علييف في إسطنبول. "
        "وقال اردوغان إن العلاقات متينة، فيما أكد وعلييف أن البلدين شريكان. وأضاف أردوغان أن تركيا مستعدة."
    )
    names = [("رجب طيب أردوغان", "PER"), ("اردوغان", "PER"), ("أردوغان", "PER"), ("إلهام علييف", "PER"),
             ("وعلييف", "PER"), ("تركيا", "LOC"), ("إسطنبول", "LOC")]
    entities = by_name(resolve(text, mentions_in(text, names)))
    erdogan = entities["رجب طيب أردوغان"]
    assert {"اردوغان", "أردوغان"} <= set(erdogan.mentions)
    assert entities["إلهام علييف"].mentions == ["إلهام علييف", "علييف"]
    assert entities["تركيا"].id == "Q43"
    assert len([e for e in entities.values() if e.type == "PER"]) == 2
    assert any("short form" in why for why in erdogan.evidence)


def test_title_with_nationality_resolves_to_the_only_such_person():
    text = (
        "التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس في برلين. "
        "وقال الرئيس الفرنسي إن المحادثات كانت مثمرة."
    )
    names = [("إيمانويل ماكرون", "PER"), ("أولاف شولتس", "PER"), ("برلين", "LOC")]
    entities = by_name(resolve(text, mentions_in(text, names)))
    assert "الرئيس الفرنسي" in entities["إيمانويل ماكرون"].mentions
    assert "الرئيس الفرنسي" not in entities["أولاف شولتس"].mentions


def test_title_stays_unresolved_when_two_people_share_the_nationality():
    text = "اجتمع الوزير الأمريكي أنتوني بلينكن والمبعوث الأمريكي آموس هوكشتاين. وقال الوزير الأمريكي إن الاتفاق قريب."
    names = [("أنتوني بلينكن", "PER"), ("آموس هوكشتاين", "PER")]
    for entity in resolve(text, mentions_in(text, names)):
        assert "الوزير الأمريكي" not in entity.mentions


def test_capital_standing_for_its_government_joins_the_country_but_a_literal_one_does_not():
    text = (
        "توترت العلاقات بين واشنطن وبكين، إذ اتهمت الولايات المتحدة الصين بالتجسس. "
        "وعقد الاجتماع في عاصمة اليابان طوكيو بحضور ممثلين عن اليابان."
    )
    names = [("واشنطن", "LOC"), ("وبكين", "LOC"), ("الولايات المتحدة", "LOC"), ("الصين", "LOC"),
             ("طوكيو", "LOC"), ("اليابان", "LOC")]
    entities = by_name(resolve(text, mentions_in(text, names)))
    assert set(entities["الولايات المتحدة"].mentions) == {"واشنطن", "الولايات المتحدة"}
    assert "بكين" in entities["الصين"].mentions
    assert "طوكيو" in entities and "طوكيو" not in entities["اليابان"].mentions


def test_dateline_city_stays_a_city():
    text = "أنقرة (الأناضول) - أعلنت تركيا اليوم أنها ستستضيف القمة المقبلة."
    names = [("أنقرة", "LOC"), ("تركيا", "LOC")]
    entities = by_name(resolve(text, mentions_in(text, names), dateline="أنقرة"))
    assert set(entities) == {"أنقرة", "تركيا"}


def test_two_people_with_one_surname_keep_the_bare_surname_apart():
    text = "التقى حافظ الأسد في الماضي، ثم خلفه بشار الأسد. وقال الأسد إن البلاد صامدة."
    names = [("حافظ الأسد", "PER"), ("بشار الأسد", "PER"), ("الأسد", "PER")]
    entities = resolve(text, mentions_in(text, names))
    assert len(entities) == 3


def test_helpers():
    assert is_variant("بزكشيان", "بزشكيان")
    assert not is_variant("عمان", "عمار")
    assert is_short_form("بوتين", "فلاديمير بوتين", "PER")
    assert is_short_form("البريكس", "مجموعه البريكس", "ORG")
    assert not is_short_form("البريكس", "دول البريكس الخمس", "ORG")
    assert strip_clitic("لروسيا", {"روسيا"}) == "روسيا"
    assert strip_clitic("وليد", {"روسيا"}) == "وليد"
    assert adjective_stem("والإيرانيين") == "ايراني"
    knowledge = load_knowledge()
    assert knowledge.country_of_adjective("الأميركية").id == "Q30"
    assert knowledge.place("طهران").capital


def test_ids_are_stable_for_names_outside_the_gazetteer():
    text = "قال أحمد الشرع إن الحكومة ماضية في خططها."
    first = resolve(text, mentions_in(text, [("أحمد الشرع", "PER")]))
    second = resolve("التقى أحمد الشرع وفدا.", mentions_in("التقى أحمد الشرع وفدا.", [("أحمد الشرع", "PER")]))
    assert first[0].id == second[0].id and first[0].id.startswith("per:")


def test_currency_units_are_not_kept_as_entities():
    kept = without_currencies(
        [
            Entity(name="دولار", type="MISC", mentions=["دولار", "بالدولار"]),
            Entity(name="اليورو", type="MISC", mentions=["اليورو"]),
            Entity(name="قمة قازان", type="MISC", mentions=["قمة قازان"]),
            Entity(name="الدولار", type="MISC", mentions=["الدولار", "الدولار الأمريكي", "كأس الدولار"]),
        ]
    )
    assert [entity.name for entity in kept] == ["قمة قازان", "الدولار"]

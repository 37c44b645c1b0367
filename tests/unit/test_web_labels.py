"""Arabic labels of the web pages: link evidence translated, names kept as written."""

from marsad.web.labels import evidence_label


def test_link_evidence_reads_in_arabic_with_its_names():
    shown = evidence_label("first seen; short form: بوتين ⊂ فلاديمير بوتين; same id Q7747")
    assert shown == "أول ظهور في المخزن؛ صيغة مختصرة في الخبر: بوتين ⊂ فلاديمير بوتين؛ المعرّف نفسه Q7747"
    title = "title: الرئيس الروسي → the only person from روسيا in the article"
    assert evidence_label(title) == "لقب: الرئيس الروسي → الشخص الوحيد من روسيا في الخبر"


def test_a_reason_without_a_translation_is_shown_as_written():
    assert evidence_label("stored spelling ترامب; a new reason") == "صيغة محفوظة: ترامب؛ a new reason"


def test_entity_types_in_evidence_read_in_arabic():
    shown = evidence_label("one type per name: حماس read as PER 1×, as ORG 3×")
    assert shown == "نوع واحد للاسم: حماس قُرئ شخص 1 مرة ومنظمة 3 مرة"

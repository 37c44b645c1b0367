from marsad.model import Article, Entity, ExtractedPage, Page
from marsad.store.db import open_engine
from marsad.store.entities import entity_details, find_entity, list_entities
from marsad.store.repo import save_page

BODY = "نص خبر طويل بما يكفي ليكون مقالا كاملا عن لقاء سياسي جرى أمس في العاصمة بين وفدين رسميين. "


def store(engine, name, *entities):
    article = Article(title=name, text=BODY + name, entities=list(entities))
    with engine.begin() as conn:
        save_page(conn, ExtractedPage(page=Page(name=name, kind="text", content=name), articles=[article]))
    return article.id


def listed(engine) -> set[tuple[str, int]]:
    """(name, articles) of every stored entity."""
    with engine.connect() as conn:
        return {(row.name, row.articles) for row in list_entities(conn)}


def test_variants_across_articles_become_one_entity(db_url):
    engine = open_engine(db_url)
    first = store(engine, "a", Entity("مسعود بزكشيان", "PER", ["مسعود بزكشيان", "بزكشيان"], "per:1"))
    second = store(engine, "b", Entity("بزشكيان", "PER", ["بزشكيان"], "per:2"))
    third = store(engine, "c", Entity("بزكشيان", "PER", ["بزكشيان"], "per:3"))
    with engine.connect() as conn:
        (entity_id,) = find_entity(conn, "بزشكيان")
        details = entity_details(conn, entity_id)
        assert details["name"] == "مسعود بزكشيان"
        assert {a["id"] for a in details["articles"]} == {first, second, third}
        evidence = " ".join(v["evidence"] for v in details["variants"])
        assert "spelling variant" in evidence
        (row,) = list_entities(conn)
        assert row.articles == 3


def test_gazetteer_ids_and_types_keep_entities_apart(db_url):
    engine = open_engine(db_url)
    store(
        engine, "a", Entity("الأردن", "LOC", ["الأردن"], "Q810"), Entity("الأسد", "PER", ["الأسد"], "per:x")
    )
    store(
        engine, "b", Entity("الأردن", "LOC", ["الأردن"], "Q810"), Entity("الأسد", "ORG", ["الأسد"], "org:y")
    )
    with engine.connect() as conn:
        rows = {(r.name, r.type): r.articles for r in list_entities(conn)}
    assert rows == {("الأردن", "LOC"): 2, ("الأسد", "PER"): 1, ("الأسد", "ORG"): 1}


def test_a_surname_shared_by_two_stored_people_stays_apart(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("حافظ الأسد", "PER", ["حافظ الأسد"], "per:h"))
    store(engine, "b", Entity("بشار الأسد", "PER", ["بشار الأسد"], "per:b"))
    store(engine, "c", Entity("الأسد", "PER", ["الأسد"], "per:a"))
    with engine.connect() as conn:
        assert len(list_entities(conn)) == 3


def test_a_compound_written_apart_or_together_is_one_person(db_url):
    engine = open_engine(db_url)
    first = store(engine, "a", Entity("عبد الرحمن الراشد", "PER", ["عبد الرحمن الراشد"], "per:1"))
    second = store(engine, "b", Entity("عبدالرحمن الراشد", "PER", ["عبدالرحمن الراشد"], "per:2"))
    third = store(engine, "c", Entity("حسن نصرالله", "PER", ["حسن نصرالله"], "per:3"))
    fourth = store(engine, "d", Entity("حسن نصر الله", "PER", ["حسن نصر الله"], "per:4"))
    with engine.connect() as conn:
        assert len(list_entities(conn)) == 2
        for spelling, articles in (("عبدالرحمن الراشد", {first, second}), ("حسن نصر الله", {third, fourth})):
            (entity_id,) = find_entity(conn, spelling)
            assert {a["id"] for a in entity_details(conn, entity_id)["articles"]} == articles


def test_two_people_called_by_one_surname_stay_apart(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("رياض المالكي", "PER", ["رياض المالكي", "المالكي"], "per:r"))
    store(engine, "b", Entity("تركي المالكي", "PER", ["تركي المالكي", "المالكي"], "per:t"))
    store(engine, "c", Entity("المالكي", "PER", ["المالكي"], "per:m"))
    with engine.connect() as conn:
        names = sorted(row.name for row in list_entities(conn))
    assert names == ["المالكي", "تركي المالكي", "رياض المالكي"]


def test_a_full_name_joins_the_person_first_seen_by_a_shorter_one(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("ترامب", "PER", ["ترامب"], "per:t"))
    store(engine, "b", Entity("دونالد ترامب", "PER", ["دونالد ترامب", "ترامب"], "per:d"))
    store(engine, "c", Entity("دونالد جون ترامب", "PER", ["دونالد جون ترامب"], "per:j"))
    store(engine, "d", Entity("إيفانكا ترامب", "PER", ["إيفانكا ترامب", "ترامب"], "per:i"))
    with engine.connect() as conn:
        rows = {row.name: row.articles for row in list_entities(conn)}
    assert rows == {"ترامب": 3, "إيفانكا ترامب": 1}


def test_a_capital_used_for_its_country_does_not_draw_the_city_into_it(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("فرنسا", "LOC", ["فرنسا", "باريس"], "Q142"))
    store(engine, "b", Entity("باريس", "LOC", ["باريس"], "geonames:2988507"))
    store(engine, "c", Entity("الجمهورية الفرنسية", "LOC", ["الجمهورية الفرنسية"], "Q142"))
    assert listed(engine) == {("فرنسا", 2), ("باريس", 1)}


def test_a_name_with_a_given_name_in_front_is_another_person(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("نواز شريف", "PER", ["نواز شريف"], "per:n"))
    store(engine, "b", Entity("مريم نواز شريف", "PER", ["مريم نواز شريف"], "per:m"))
    store(engine, "c", Entity("دونالد ترمب", "PER", ["دونالد ترمب"], "per:t"))
    store(engine, "d", Entity("دونالد ترامب", "PER", ["دونالد ترامب"], "per:d"))
    assert listed(engine) == {("نواز شريف", 1), ("مريم نواز شريف", 1), ("دونالد ترمب", 2)}


def test_across_the_store_a_long_vowel_letter_links_but_a_changed_letter_does_not(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("تشلسي", "ORG", ["تشلسي"], "org:c"))
    store(engine, "b", Entity("تشيلسي", "ORG", ["تشيلسي"], "org:d"))
    store(engine, "c", Entity("مولان", "LOC", ["مولان"], "loc:m"))
    store(engine, "d", Entity("ميلان", "LOC", ["ميلان", "ميلانو"], "loc:i"))
    assert listed(engine) == {("تشلسي", 2), ("مولان", 1), ("ميلان", 1)}


def test_a_longer_chain_of_fathers_is_another_person(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("فيصل بن عبدالعزيز", "PER", ["فيصل بن عبدالعزيز"], "per:f"))
    store(engine, "b", Entity("فيصل بن بندر بن عبدالعزيز", "PER", ["فيصل بن بندر بن عبدالعزيز"], "per:b"))
    store(engine, "c", Entity("سلمان بن عبدالعزيز", "PER", ["سلمان بن عبدالعزيز"], "per:s"))
    store(engine, "d", Entity("عبدالعزيز", "PER", ["عبدالعزيز"], "per:a"))  # a father's name
    assert listed(engine) == {
        ("سلمان بن عبدالعزيز", 1),
        ("عبدالعزيز", 1),
        ("فيصل بن بندر بن عبدالعزيز", 1),
        ("فيصل بن عبدالعزيز", 1),
    }


def test_organisations_sharing_a_head_noun_stay_apart(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("الهيئة الملكية", "ORG", ["الهيئة الملكية", "الهيئة"], "org:r"))
    store(engine, "b", Entity("الهيئة العامة للغذاء", "ORG", ["الهيئة العامة للغذاء", "الهيئة"], "org:f"))
    store(engine, "c", Entity("الهيئة العامة للغذاء", "ORG", ["الهيئة العامة للغذاء", "الهيئة"], "org:g"))
    assert listed(engine) == {("الهيئة الملكية", 1), ("الهيئة العامة للغذاء", 2)}


def test_arabic_family_names_a_letter_apart_are_two_families(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("محمد العلي", "PER", ["محمد العلي"], "per:a"))
    store(engine, "b", Entity("محمد العلوي", "PER", ["محمد العلوي"], "per:b"))
    store(engine, "c", Entity("بنيامين نتانياهو", "PER", ["بنيامين نتانياهو"], "per:c"))
    store(engine, "d", Entity("بنيامين نتنياهو", "PER", ["بنيامين نتنياهو"], "per:d"))
    assert listed(engine) == {("محمد العلي", 1), ("محمد العلوي", 1), ("بنيامين نتانياهو", 2)}


def test_a_given_name_alone_is_nobody_in_particular(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("باهر محمد", "PER", ["باهر محمد"], "per:b"))
    store(engine, "b", Entity("محمد", "PER", ["محمد"], "per:m"))
    store(engine, "c", Entity("أليكسيس تسيبراس", "PER", ["أليكسيس تسيبراس"], "per:a"))
    store(engine, "d", Entity("تسيبراس", "PER", ["تسيبراس"], "per:t"))  # a family name alone
    assert listed(engine) == {("باهر محمد", 1), ("محمد", 1), ("أليكسيس تسيبراس", 2)}


def test_relinking_rebuilds_the_same_entities_from_the_stored_articles(db_url, tmp_path):
    from sqlalchemy import delete

    from marsad.cli import main
    from marsad.store.entities import (
        article_entities,
        entities,
        entity_names,
        entity_variants,
        relink_entities,
    )

    engine = open_engine(db_url)
    store(engine, "a", Entity("دونالد ترامب", "PER", ["دونالد ترامب", "ترامب"], "per:d"))
    store(engine, "b", Entity("ترمب", "PER", ["ترمب"], "per:t"), Entity("فرنسا", "LOC", ["فرنسا"], "Q142"))
    store(engine, "c", Entity("دونالد ترمب", "PER", ["دونالد ترمب"], "per:e"))
    before = listed(engine)
    with engine.begin() as conn:  # links lost, or made by older rules
        for table in (article_entities, entity_variants, entity_names, entities):
            conn.execute(delete(table))
    assert listed(engine) == set()
    with engine.begin() as conn:
        assert relink_entities(conn) == (3, len(before))
    assert listed(engine) == before
    assert main(["db", "relink", "--db", db_url]) == 0  # again, from the command line
    assert listed(engine) == before


def test_two_bodies_sharing_a_short_form_stay_apart(db_url):
    engine = open_engine(db_url)
    store(
        engine,
        "a",
        Entity("الاتحاد الدولي للصحفيين", "ORG", ["الاتحاد الدولي للصحفيين", "الاتحاد الدولي"], "org:j"),
    )
    store(
        engine,
        "b",
        Entity("الاتحاد الدولي لكرة القدم", "ORG", ["الاتحاد الدولي لكرة القدم", "الاتحاد الدولي"], "org:f"),
    )
    store(engine, "c", Entity("فيصل بن سلمان", "PER", ["فيصل بن سلمان"], "per:s"))
    store(engine, "d", Entity("فيصل بن سلطان", "PER", ["فيصل بن سلطان"], "per:t"))
    assert listed(engine) == {
        ("الاتحاد الدولي للصحفيين", 1),
        ("الاتحاد الدولي لكرة القدم", 1),
        ("فيصل بن سلمان", 1),
        ("فيصل بن سلطان", 1),
    }


def test_an_entity_is_shown_under_the_name_most_of_its_articles_give_it(db_url):
    engine = open_engine(db_url)
    store(engine, "a", Entity("ترامب", "PER", ["ترامب"], "per:t"))
    store(engine, "b", Entity("دونالد ترامب", "PER", ["دونالد ترامب", "ترامب"], "per:d"))
    assert listed(engine) == {("ترامب", 2)}  # on a tie the name it has stays
    store(engine, "c", Entity("دونالد ترامب", "PER", ["دونالد ترامب"], "per:d"))
    assert listed(engine) == {("دونالد ترامب", 3)}
    with engine.connect() as conn:  # the first name still finds it
        assert find_entity(conn, "ترامب") == find_entity(conn, "دونالد ترامب") != []
        (entity_id,) = find_entity(conn, "ترامب")
        names = entity_details(conn, entity_id)["names"]
    assert names == [{"name": "دونالد ترامب", "articles": 2}, {"name": "ترامب", "articles": 1}]


def test_the_entity_command_shows_the_spellings_the_evidence_and_the_names_in_use(db_url, capsys):
    from marsad.cli import main

    engine = open_engine(db_url)
    store(engine, "a", Entity("مسعود بزكشيان", "PER", ["مسعود بزكشيان", "بزكشيان"], "per:1"))
    store(engine, "b", Entity("بزشكيان", "PER", ["بزشكيان"], "per:2"))
    assert main(["entity", "بزشكيان", "--db", db_url]) == 0
    shown = capsys.readouterr().out
    assert "مسعود بزكشيان" in shown and "spelling variant" in shown
    assert "names its articles give it" in shown and "2 articles" in shown
    assert main(["entity", "لا أحد", "--db", db_url]) == 1

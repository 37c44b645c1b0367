"""An entity's page covers every article the store linked to it, whatever name the article
gave it, and nothing of another person who shares a short form."""

from marsad.model import Article, Entity, Event, ExtractedPage, Page, Quote
from marsad.store import queries
from marsad.store.db import open_engine
from marsad.store.repo import save_page

BODY = "نص خبر طويل بما يكفي ليكون مقالا كاملا عن لقاء سياسي جرى أمس في العاصمة بين وفدين رسميين. "


def store(engine, name, published, entities, quotes=(), events=()):
    article = Article(
        title=name,
        text=BODY + name,
        published=published,
        entities=list(entities),
        quotes=list(quotes),
        events=list(events),
    )
    with engine.begin() as conn:
        save_page(conn, ExtractedPage(page=Page(name=name, kind="text", content=name), articles=[article]))
    return article.id


def test_an_entity_page_gathers_the_articles_linked_under_other_names(db_url):
    engine = open_engine(db_url)
    short = store(
        engine,
        "a",
        "2018-07-01",
        [Entity("ترامب", "PER", ["ترامب"], "per:t"), Entity("ماكرون", "PER", ["ماكرون"], "per:m")],
        [Quote("ترامب", "سنرى", True)],
        [Event("meeting", ["ترامب", "ماكرون"], date="2018-07-01")],
    )
    full = store(
        engine,
        "b",
        "2018-07-02",
        [Entity("دونالد ترامب", "PER", ["دونالد ترامب", "ترامب"], "per:d")],
        [Quote("دونالد ترامب", "لن نتراجع", True)],
    )
    other = store(
        engine,
        "c",
        "2018-07-03",
        [Entity("إيفانكا ترامب", "PER", ["إيفانكا ترامب", "ترامب"], "per:i")],
        [Quote("إيفانكا ترامب", "كلام آخر", True)],
    )
    with engine.connect() as conn:
        for name in ("ترامب", "دونالد ترامب"):
            profile = queries.entity_profile(conn, name)
            assert profile["articles"] == 2
            assert {q["article"]["id"] for q in profile["quotes"]} == {short, full}
            assert {v["text"] for v in profile["variants"]} == {"ترامب", "دونالد ترامب"}
            assert [day["day"] for day in profile["mentions_per_day"]] == ["2018-07-01", "2018-07-02"]
            assert [contact["name"] for contact in profile["met"]] == ["ماكرون"]
            listed = queries.list_articles(conn, queries.ArticleFilter(entity=name), queries.Window.of(10))
            assert {item["id"] for item in listed.items} == {short, full}
        listed = queries.list_entities(conn, "PER", None, queries.Window.of(10)).items
        assert {(row["name"], row["articles"]) for row in listed} == {
            ("ترامب", 2),
            ("ماكرون", 1),
            ("إيفانكا ترامب", 1),
        }
        found = queries.list_entities(conn, None, "دونالد", queries.Window.of(10)).items
        assert [row["name"] for row in found] == ["ترامب"]
        ivanka = queries.entity_profile(conn, "إيفانكا ترامب")
        assert ivanka["articles"] == 1 and [q["article"]["id"] for q in ivanka["quotes"]] == [other]
        assert queries.entity_profile(conn, "ماكرون")["met"][0]["name"] == "ترامب"


def test_a_name_no_article_gives_has_no_page(db_url):
    engine = open_engine(db_url)
    store(engine, "a", "2018-07-01", [Entity("حسن نصرالله", "PER", ["حسن نصرالله"], "per:n")])
    with engine.connect() as conn:
        assert queries.entity_profile(conn, "لا أحد") is None
        assert queries.entity_profile(conn, "حسن نصر الله")["articles"] == 1  # the other spelling


def test_a_country_page_does_not_take_in_its_capital_named_as_a_city(db_url):
    engine = open_engine(db_url)
    russia = Entity("روسيا", "LOC", ["روسيا"], "Q159")
    moscow = Entity("موسكو", "LOC", ["موسكو"], "geonames:524901")
    as_actor = store(engine, "a", "2018-07-01", [Entity("روسيا", "LOC", ["روسيا", "موسكو"], "Q159")])
    as_city = store(engine, "b", "2018-07-02", [moscow])
    both = store(engine, "c", "2018-07-03", [russia, moscow])
    with engine.connect() as conn:
        for name, expected in (("روسيا", {as_actor, both}), ("موسكو", {as_city, both})):
            listed = queries.list_articles(conn, queries.ArticleFilter(entity=name), queries.Window.of(10))
            assert {item["id"] for item in listed.items} == expected


def test_a_page_keeps_to_its_linked_articles_though_another_shares_a_name(db_url):
    engine = open_engine(db_url)
    riyad = store(
        engine,
        "a",
        "2018-07-01",
        [Entity("رياض المالكي", "PER", ["رياض المالكي", "المالكي"], "per:r")],
        [Quote("رياض المالكي", "قول أول", True)],
    )
    alone_then = store(
        engine,
        "b",
        "2018-07-02",
        [Entity("المالكي", "PER", ["المالكي"], "per:m")],
        [Quote("المالكي", "قول ثان", True)],
    )
    store(engine, "c", "2018-07-03", [Entity("نوري المالكي", "PER", ["نوري المالكي", "المالكي"], "per:n")])
    store(  # two stored people are "المالكي" by now: this one is linked to neither
        engine,
        "d",
        "2018-07-04",
        [Entity("المالكي", "PER", ["المالكي"], "per:m")],
        [Quote("المالكي", "قول ثالث", True)],
    )
    with engine.connect() as conn:
        profile = queries.entity_profile(conn, "رياض المالكي")
        assert profile["articles"] == 2
        assert {q["article"]["id"] for q in profile["quotes"]} == {riyad, alone_then}


def test_who_met_whom_counts_a_person_named_two_ways_once(db_url):
    engine = open_engine(db_url)
    trump, macron = Entity("ترامب", "PER", ["ترامب"], "per:t"), Entity("ماكرون", "PER", ["ماكرون"], "per:m")
    store(engine, "a", "2018-07-01", [trump, macron], events=[Event("meeting", ["ترامب", "ماكرون"])])
    full = [
        Entity("دونالد ترامب", "PER", ["دونالد ترامب", "ترامب"], "per:d"),
        Entity("إيمانويل ماكرون", "PER", ["إيمانويل ماكرون", "ماكرون"], "per:e"),
    ]
    store(engine, "b", "2018-07-05", full, events=[Event("call", ["دونالد ترامب", "إيمانويل ماكرون"])])
    with engine.connect() as conn:
        met = queries.entity_profile(conn, "دونالد ترامب")["met"]
        events = queries.list_events(conn, queries.EventFilter(participant="ماكرون"), queries.Window.of(10))
    assert met == [{"name": "ماكرون", "count": 2, "types": ["call", "meeting"], "last": "2018-07-05"}]
    assert sorted(event["type"] for event in events.items) == ["call", "meeting"]

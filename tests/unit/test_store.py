from sqlalchemy import select

from marsad.errors import PageRejected
from marsad.model import Article, ExtractedPage, Page
from marsad.store.db import open_engine
from marsad.store.repo import counts, get_article, record_rejection, save_page
from marsad.store.schema import page_articles
from marsad.store.search import make_snippet, search

BODY = (
    "أكدت وزارة الخارجية الأمريكية أن المحادثات مع الجانب الإيراني ستستأنف الأسبوع المقبل في مسقط.\n"
    "وقال المتحدث باسم الوزارة إن الوفد الأمريكي سيضم خبراء في الملف النووي."
)
OTHER = "فاز نادي الهلال على النصر بهدفين نظيفين في مباراة الدوري السعودي للمحترفين مساء الجمعة."


def page_with(name, *articles, related=()):
    return ExtractedPage(
        page=Page(name=name, kind="text", content=name + "".join(a.text for a in articles)),
        articles=list(articles),
        related_headlines=list(related),
    )


def test_saving_twice_adds_nothing(db_url):
    engine = open_engine(db_url)
    extracted = page_with("p1", Article(title="محادثات", text=BODY, tags=["إيران"]), related=["عنوان"])
    with engine.begin() as conn:
        assert save_page(conn, extracted) == (True, 1)
    with engine.begin() as conn:
        assert save_page(conn, extracted) == (False, 0)
        assert counts(conn) == {"pages": 1, "articles": 1, "rejections": 0}
        stored = get_article(conn, extracted.articles[0].id)
    assert stored["tags"] == ["إيران"] and stored["text"] == BODY


def test_an_article_on_two_pages_is_stored_once_and_linked_twice(db_url):
    engine = open_engine(db_url)
    shared = Article(role="embedded", title="مباراة", text=OTHER)
    with engine.begin() as conn:
        save_page(conn, page_with("p1", Article(text=BODY), shared))
        assert save_page(conn, page_with("p2", Article(role="main", title="مباراة", text=OTHER))) == (True, 0)
        links = conn.execute(select(page_articles.c.role).where(page_articles.c.article_id == shared.id)).all()
        assert sorted(r.role for r in links) == ["embedded", "main"]
        assert counts(conn)["articles"] == 2


def test_search_normalises_query_and_text(db_url):
    engine = open_engine(db_url)
    with engine.begin() as conn:
        save_page(conn, page_with("p1", Article(title="محادثات", text=BODY), Article(title="الدوري", text=OTHER)))
    with engine.connect() as conn:
        (hit,) = search(conn, "الامريكيه")
        assert hit.title == "محادثات"
        assert any(hit.snippet[a:b] in ("الأمريكية", "الأمريكي") for a, b in hit.highlights)
        assert [h.title for h in search(conn, "الهلال")] == ["الدوري"]
        assert [h.title for h in search(conn, "وزاره الخارجيه")] == ["محادثات"]
        assert search(conn, "برشلونة") == []
        assert search(conn, "!!! ؟؟") == []


def test_search_finds_words_with_clitics_by_stem(db_url):
    engine = open_engine(db_url)
    with engine.begin() as conn:
        save_page(conn, page_with("p1", Article(title="محادثات", text=BODY)))
    with engine.connect() as conn:
        assert [h.title for h in search(conn, "المحادثة")] == ["محادثات"]
        assert [h.title for h in search(conn, "والمحادثات")] == ["محادثات"]
        assert [h.title for h in search(conn, "والوفد")] == ["محادثات"]


def test_hostile_query_syntax_is_treated_as_words(db_url):
    engine = open_engine(db_url)
    with engine.begin() as conn:
        save_page(conn, page_with("p1", Article(title="محادثات", text=BODY)))
    with engine.connect() as conn:
        for query in ['"', "NEAR(", "a OR b", "body: x", "'; DROP TABLE articles; --", "*", "وزارة) OR (1"]:
            search(conn, query)  # must not raise
        assert counts(conn)["articles"] == 1


def test_title_hits_rank_above_body_hits(db_url):
    engine = open_engine(db_url)
    with engine.begin() as conn:
        save_page(
            conn,
            page_with("p1", Article(title="مسقط تستضيف", text=OTHER), Article(title="محادثات", text=BODY)),
        )
    with engine.connect() as conn:
        assert [h.title for h in search(conn, "مسقط")] == ["مسقط تستضيف", "محادثات"]


def test_rejections_are_replaced_not_repeated(db_url):
    engine = open_engine(db_url)
    with engine.begin() as conn:
        record_rejection(conn, PageRejected("empty", "no content", "a.txt"))
        record_rejection(conn, PageRejected("binary", "junk", "a.txt"))
        assert counts(conn)["rejections"] == 1


def test_snippet_marks_every_hit_in_the_original_text():
    snippet, spans = make_snippet(BODY, ["الامريكيه", "الوفد"])
    marked = [snippet[a:b] for a, b in spans]
    assert "الأمريكية" in marked

"""Similar articles rank rewrites first; "why linked" shows the evidence; headline claims are checked."""

import json

import pytest

from marsad.model import Article, Event, ExtractedPage, Page
from marsad.store.db import open_engine
from marsad.store.repo import save_page
from marsad.store.stories import load_docs, similar_candidates, update_stories
from marsad.stories.explain import as_lines, explain
from marsad.stories.similar import (
    claim_features,
    combine,
    contradiction_cues,
    describe,
    event_keys,
    most_similar,
    same_claim_probability,
    similarity,
    timestamp,
)


def load(fixtures):
    data = json.loads((fixtures / "stories" / "rewrites.json").read_text(encoding="utf-8"))
    return {
        row["key"]: Article(
            title=row["title"], text=row["text"], source=row["source"], published=row["published"]
        )
        for row in data["articles"]
    }


def test_rewrites_rank_above_the_unrelated_article(fixtures):
    docs = {key: describe(a) for key, a in load(fixtures).items()}
    ranked = most_similar(docs["wire"], docs.values(), k=5)
    order = [next(k for k, d in docs.items() if d.id == other.id) for other, _ in ranked]
    assert order[-1] == "unrelated"
    assert "wire" not in order  # never similar to itself
    assert set(order[:4]) == {"respelled", "month_later", "rewrite", "report"}
    scores = [sim.score for _, sim in ranked]
    assert scores == sorted(scores, reverse=True)
    assert similarity(docs["wire"], docs["unrelated"]).score < 0.1


def test_why_linked_lists_shingles_terms_time_and_verdict(fixtures):
    articles = load(fixtures)
    wire, rewrite = articles["wire"], articles["rewrite"]
    result = explain(describe(wire), describe(rewrite), wire.text, rewrite.text)
    assert result.duplicate == "near" and result.same_story
    assert result.shared_shingle_count > 20
    assert result.shared_terms and result.shared_terms[0][1] >= result.shared_terms[-1][1]
    assert result.hours_apart == pytest.approx(3.2, abs=0.1)
    assert result.same_claim is not None  # both titles are headlines
    text = "\n".join(as_lines(result))
    assert "near" in text and "3.2 h" in text


def test_unrelated_pair_is_explained_as_different(fixtures):
    articles = load(fixtures)
    result = explain(
        describe(articles["wire"]),
        describe(articles["unrelated"]),
        articles["wire"].text,
        articles["unrelated"].text,
    )
    assert not result.same_story and result.duplicate is None and result.shared_shingle_count == 0


def test_missing_entities_never_lower_a_score():
    assert combine(0.5, None, None) == 0.5
    assert combine(0.5, 1.0, None) > 0.5
    assert combine(0.5, 0.0, None) < 0.5


def test_shared_event_is_evidence():
    base = dict(
        title="انفجار في الميناء",
        text="وقع انفجار كبير في الميناء صباح اليوم",
        published="2024-05-01T08:00:00",
    )
    a = describe(Article(**base, events=[Event(type="attack", location="بيروت")]))
    b = describe(Article(**base | {"title": "دوي انفجار"}, events=[Event(type="attack", location="بيروت")]))
    assert similarity(a, b).events == 1.0


def test_contradicting_headlines_are_less_likely_the_same_claim():
    original = "ارتفاع أسعار النفط في الأسواق العالمية"
    paraphrase = "أسعار النفط ترتفع في الأسواق العالمية"
    contradiction = "انخفاض أسعار النفط في الأسواق العالمية"
    assert same_claim_probability(original, paraphrase) > same_claim_probability(original, contradiction)
    features = claim_features(original, contradiction)
    assert features["opposites"] == 1.0
    assert contradiction_cues({"حكوم", "وافق"}, {"حكوم", "لم", "وافق"}) == (True, False)


def test_timestamps():
    assert timestamp("2024-03-10T08:00:00") == timestamp("2024-03-10T08:00:00+00:00") == 1710057600.0
    assert timestamp("2024-03-10 08:00:00Z") == 1710057600.0
    assert timestamp("not a date") is None and timestamp(None) is None


def test_similar_candidates_from_the_store(db_url, fixtures):
    articles = load(fixtures)
    engine = open_engine(db_url)
    with engine.begin() as conn:
        for key, article in articles.items():
            save_page(
                conn,
                ExtractedPage(
                    page=Page(name=key, kind="text", content=key + article.text), articles=[article]
                ),
            )
        update_stories(conn, [a.id for a in articles.values()])
        doc = load_docs(conn, [articles["wire"].id])[articles["wire"].id]
        candidates = load_docs(conn, similar_candidates(conn, doc))
    ranked = [other.id for other, _ in most_similar(doc, candidates.values(), k=3)]
    expected = {articles[k].id for k in ("respelled", "month_later", "rewrite", "report")}
    assert set(ranked) <= expected and len(ranked) == 3


def test_cli_similar_and_why(tmp_path, fixtures, capsys):
    import argparse

    from marsad.stories.cli import add_parsers

    articles = load(fixtures)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    with open_engine(db).begin() as conn:
        for key, article in articles.items():
            save_page(
                conn,
                ExtractedPage(
                    page=Page(name=key, kind="text", content=key + article.text), articles=[article]
                ),
            )
        update_stories(conn, [a.id for a in articles.values()])
    parser = argparse.ArgumentParser(prog="marsad")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    wire, rewrite = articles["wire"].id, articles["rewrite"].id
    for argv in (
        ["similar", wire, "--db", db, "-k", "2", "--json"],
        ["similar", wire, "--why", rewrite, "--db", db, "--json"],
    ):
        args = parser.parse_args(argv)
        assert args.func(args) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    assert json.loads(lines[-1])["duplicate"] == "near"
    args = parser.parse_args(["similar", "no-such-article", "--db", db])
    assert args.func(args) == 1


def test_events_share_a_place_spelt_two_ways_but_not_two_places():
    syria = event_keys([Event(type="attack", location="سوريا", participants=["بريطانيا"])])
    spelt = event_keys([Event(type="attack", location="سورية", participants=["المملكة المتحدة"])])
    assert syria == spelt
    iraq = event_keys([Event(type="attack", location="العراق")])
    assert iraq != event_keys([Event(type="attack", location="سوريا")])

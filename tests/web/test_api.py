"""The JSON API on SQLite and PostgreSQL: filters, pagination, entities, events, stories, search."""

from __future__ import annotations

import pytest

from marsad.store.queries import MAX_LIMIT, MAX_OFFSET

from web_store import SAMPLE

# Every sample page has one article; the store adds one hostile article.
STORED_ARTICLES = len(list(SAMPLE.glob("*.txt"))) + 1

ETHIOPIA = "AL-internationalNews-1825-20180708.txt"
BENALLA_AL = "AL-internationalNews-1998-20180720.txt"
BENALLA_FR = "FR-internationalNews-2412-20180720.txt"


def get(client, url, status=200, **params):
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()


def test_articles_are_listed_newest_first_with_a_total(client):
    page = get(client, "/api/articles", limit=5)
    assert page["total"] == STORED_ARTICLES and len(page["items"]) == 5
    dates = [item["published"] for item in page["items"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "params, check",
    [
        ({"source": "فرانس 24"}, lambda a: a["source"] == "فرانس 24"),
        ({"section": "sports"}, lambda a: a["section"] == "sports"),
        ({"language": "ar"}, lambda a: a["language"] == "ar"),
        ({"date_from": "2018-07-08", "date_to": "2018-07-08"}, lambda a: a["published"] == "2018-07-08"),
    ],
)
def test_article_filters(client, params, check):
    page = get(client, "/api/articles", limit=100, **params)
    assert page["items"] and all(check(item) for item in page["items"])
    assert page["total"] < STORED_ARTICLES or params == {"language": "ar"}


def test_entity_filter_finds_the_articles_naming_it(client, ids):
    page = get(client, "/api/articles", entity="ألكسندر بينالا")
    assert {item["id"] for item in page["items"]} == {ids[BENALLA_AL], ids[BENALLA_FR]}


def test_pages_walk_without_overlap_and_limits_are_bounded(client):
    first, second = get(client, "/api/articles", limit=10), get(client, "/api/articles", limit=10, offset=10)
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    get(client, "/api/articles", 422, limit=MAX_LIMIT + 1)
    get(client, "/api/articles", 422, offset=MAX_OFFSET + 1)
    get(client, "/api/articles", 422, date_from="yesterday")


def test_article_by_id_has_every_field(client, ids):
    article = get(client, f"/api/articles/{ids[ETHIOPIA]}")
    assert article["title"].startswith("بعد قطيعة عقدين")
    assert {e["name"] for e in article["entities"]} >= {"أبي أحمد", "إسياس أفورقي"}
    assert article["quotes"][0]["speaker"] == "أبي أحمد" and len(article["events"]) == 4
    get(client, "/api/articles/0000000000000000", 404)
    get(client, "/api/articles/not-an-id", 422)


def test_stories_list_with_outlet_counts_and_detail(client, ids):
    stories = get(client, "/api/stories")
    assert stories["total"] == 2
    benalla = next(s for s in stories["items"] if s["id"] == "benalla")
    assert benalla["size"] == 2 and benalla["outlets"] == 2
    assert {o["source"] for o in benalla["by_outlet"]} == {"العربية", "فرانس 24"}
    assert benalla["title"]  # from its earliest article when the story has none
    story = get(client, "/api/stories/benalla")
    assert [a["id"] for a in story["timeline"]] == sorted([ids[BENALLA_AL], ids[BENALLA_FR]])
    assert len(story["by_outlet"]) == 2
    get(client, "/api/stories/nope", 404)


def test_entities_are_ranked_by_articles(client):
    page = get(client, "/api/entities", limit=100)
    counts = {item["name"]: item["articles"] for item in page["items"]}
    assert counts["إيمانويل ماكرون"] == 2 and counts["أبي أحمد"] == 1
    people = get(client, "/api/entities", type="PER", limit=100)
    assert people["items"] and all(item["type"] == "PER" for item in people["items"])
    found = get(client, "/api/entities", contains="رونالدو")
    assert [item["name"] for item in found["items"]] == ["كريستيانو رونالدو"]


def test_entity_profile_has_variants_quotes_events_and_contacts(client):
    entity = get(client, "/api/entities/أبي أحمد")
    assert {v["text"] for v in entity["variants"]} == {"أبي أحمد", "أبي"}
    assert len(entity["quotes"]) == 2 and entity["quotes"][0]["article"]["source"] == "العربية"
    assert len(entity["events"]) == 4
    assert entity["met"] == [
        {"name": "إسياس أفورقي", "count": 3, "types": ["agreement", "meeting", "visit"], "last": "2018-07-08"}
    ]
    assert entity["mentions_per_day"] == [{"day": "2018-07-08", "count": 1}]
    assert {e["variant"] for e in entity["evidence"]} == {"أبي أحمد", "أبي"}
    assert all(e["evidence"].startswith("first seen") for e in entity["evidence"])
    get(client, "/api/entities/لا أحد", 404)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"type": "meeting"}, 1),
        ({"type": "call"}, 1),
        ({"participant": "أبي أحمد"}, 4),
        ({"participant": "بيبي ماروتا"}, 1),
        ({"place": "أسمرة"}, 3),
        ({"date_from": "2018-07-01", "date_to": "2018-07-31"}, 4),
        ({"date_to": "2018-06-30"}, 1),
    ],
)
def test_event_filters(client, params, expected):
    assert get(client, "/api/events", **params)["total"] == expected


def test_search_is_arabic_normalised_and_faceted(client, ids):
    with_hamza = get(client, "/api/search", q="إثيوبيا")
    without = get(client, "/api/search", q="اثيوبيا")
    assert ids[ETHIOPIA] in {hit["id"] for hit in with_hamza["items"]}
    assert [h["id"] for h in with_hamza["items"]] == [h["id"] for h in without["items"]]
    result = get(client, "/api/search", q="رونالدو")
    assert result["total"] >= 2
    assert sum(f["count"] for f in result["facets"]["source"]) == result["total"]
    sections = {f["value"]: f["count"] for f in result["facets"]["section"]}
    assert max(sections, key=sections.get) == "sports" and sum(sections.values()) == result["total"]
    hit = result["items"][0]
    start, end = hit["highlights"][0]
    assert "رونالدو" in hit["snippet"][start:end]
    narrowed = get(client, "/api/search", q="رونالدو", source="العربية")
    assert narrowed["items"] and all(h["source"] == "العربية" for h in narrowed["items"])
    assert get(client, "/api/search", q="!!!")["total"] == 0
    get(client, "/api/search", 422, q="")


def test_similar_articles_put_the_other_version_first(client, ids):
    similar = get(client, f"/api/articles/{ids[BENALLA_AL]}/similar", k=5)
    assert similar[0]["id"] == ids[BENALLA_FR]
    assert ids[BENALLA_AL] not in {item["id"] for item in similar}
    get(client, "/api/articles/0000000000000000/similar", 404)


def test_stats(client):
    stats = get(client, "/api/stats")
    assert stats["articles"] == STORED_ARTICLES and stats["stories"] is True


def test_openapi_schema_is_valid(client):
    from openapi_spec_validator import validate

    schema = get(client, "/api/openapi.json")
    validate(schema)
    assert "/api/search" in schema["paths"] and "/ingest" in schema["paths"]
    assert "/articles/{article_id}" not in schema["paths"]  # HTML pages stay out of the API schema


def test_security_headers_on_every_kind_of_response(client, ids):
    for url in ("/", f"/articles/{ids[ETHIOPIA]}", "/api/articles", "/static/marsad.css", "/nope"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_pages_accept_empty_form_fields_and_refuse_bad_dates(client):
    assert (
        client.get(
            "/articles", params={"source": "", "section": "", "date_from": "", "date_to": ""}
        ).status_code
        == 200
    )
    assert client.get("/events", params={"type": "", "participant": "", "date_from": ""}).status_code == 200
    assert client.get("/api/articles", params={"date_to": "0"}).status_code == 422
    assert client.get("/api/articles", params={"date_to": "2018-02-30"}).status_code == 422


def test_the_api_refuses_empty_dates(client):
    assert client.get("/api/articles", params={"date_to": ""}).status_code == 422

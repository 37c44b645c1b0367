"""Atom feeds and exports: well-formed, complete, and safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from marsad.export.events import GDELT_COLUMNS

ATOM = "{http://www.w3.org/2005/Atom}"
ETHIOPIA = "AL-internationalNews-1825-20180708.txt"


def atom_entries(client, url: str) -> list[ET.Element]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}updated") is not None
    return root.findall(f"{ATOM}entry")


def test_search_entity_and_section_feeds(client, ids):
    entries = atom_entries(client, "/feeds/search?q=رونالدو")
    assert len(entries) >= 2 and all(e.find(f"{ATOM}link").get("href").startswith("http") for e in entries)
    entity = atom_entries(client, "/feeds/entities/إيمانويل ماكرون")
    assert len(entity) == 2
    sports = atom_entries(client, "/feeds/sections/sports")
    assert sports and len(sports) <= 50
    assert client.get("/feeds/entities/لا أحد").status_code == 404


def test_feed_escapes_hostile_titles(client):
    root = ET.fromstring(client.get("/feeds/sections/technology").content)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert any("<script>" in title for title in titles)  # kept as text, parsed back intact


def test_articles_jsonl_csv_parquet_agree(client):
    jsonl = client.get("/export/articles.jsonl", params={"section": "sports", "limit": 500})
    rows = [json.loads(line) for line in jsonl.text.splitlines()]
    assert rows and all(row["section"] == "sports" for row in rows)
    table = list(
        csv.DictReader(io.StringIO(client.get("/export/articles.csv", params={"section": "sports"}).text))
    )
    assert [r["id"] for r in table] == [r["id"] for r in rows]
    import pyarrow.parquet as pq

    parquet = pq.read_table(
        io.BytesIO(client.get("/export/articles.parquet", params={"section": "sports"}).content)
    )
    assert parquet.column("id").to_pylist() == [r["id"] for r in rows]
    assert client.get("/export/articles.jsonl", params={"limit": 10_001}).status_code == 422


def test_csv_cells_cannot_start_a_formula():
    from marsad.export.articles import csv_lines

    text = "".join(csv_lines([{"id": "1", "title": '=HYPERLINK("http://x")', "text": "+1", "tags": []}]))
    row = list(csv.DictReader(io.StringIO(text)))[0]
    assert row["title"].startswith("'=") and row["text"] == "'+1"


def test_events_jsonl_and_gdelt(client):
    events = [json.loads(line) for line in client.get("/export/events.jsonl").text.splitlines()]
    assert len(events) == 5 and all(e["article"]["id"] for e in events)
    lines = client.get("/export/events.tsv", params={"type": "meeting"}).text.splitlines()
    fields = lines[0].split("\t")
    assert len(fields) == len(GDELT_COLUMNS) == 61
    row = dict(zip(GDELT_COLUMNS, fields, strict=True))
    assert row["Day"] == "20180708" and row["EventCode"] == "043" and row["EventRootCode"] == "04"
    assert row["QuadClass"] == "1" and {row["Actor1Name"], row["Actor2Name"]} == {"أبي أحمد", "إسياس أفورقي"}
    assert row["ActionGeo_FullName"] == "أسمرة"
    header = client.get("/export/events.tsv", params={"header": "true"}).text.splitlines()[0]
    assert header.split("\t")[0] == "GlobalEventID"

import argparse
import json

from marsad.enrich.events import ExtractedEvent
from marsad.enrich.events_cli import add_parsers
from marsad.export.events_jsonl import jsonl_lines
from marsad.export.gdelt import COLUMNS, gdelt_lines, gdelt_rows
from marsad.model import Article, ExtractedPage, Page
from marsad.store.db import open_engine
from marsad.store.events import create_event_tables, iter_stored_events, store_events
from marsad.store.repo import save_page

MEETING = {
    "id": "e1",
    "type": "meeting",
    "participants": ["رجب طيب أردوغان", "دونالد ترامب", "مارك روته"],
    "location": "لاهاي",
    "date": "2025-06-25",
    "day": "2025-06-25",
    "cameo": "044",
    "countries": {"رجب طيب أردوغان": "TR", "دونالد ترامب": "US"},
    "first_seen": 1750888800.0,
    "evidence": [
        {"article_id": "a1", "url": "https://example.org/a1", "source": "زمان التركية", "position": 0},
        {"article_id": "a2", "url": "https://example.org/a2", "source": "عربي21", "position": 3},
    ],
}


def row_dict(row):
    return dict(zip(COLUMNS, row, strict=True))


def test_one_row_per_pair_with_the_gdelt_columns():
    rows = [row_dict(r) for r in gdelt_rows(MEETING)]
    assert len(COLUMNS) == 61 and len(rows) == 3  # three parties, three pairs
    first = rows[0]
    assert (first["Day"], first["MonthYear"], first["Year"]) == ("20250625", "202506", "2025")
    assert (first["Actor1Name"], first["Actor2Name"]) == ("رجب طيب أردوغان", "دونالد ترامب")
    assert (first["Actor1CountryCode"], first["Actor2CountryCode"]) == ("TUR", "USA")
    assert rows[1]["Actor2CountryCode"] == ""  # no nationality given for that party
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("044", "044", "04")
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("1", "2.5")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"], first["IsRootEvent"]) == (
        "2",
        "2",
        "2",
        "1",
    )
    assert (first["ActionGeo_FullName"], first["ActionGeo_Type"]) == ("لاهاي", "4")
    assert first["ActionGeo_FeatureID"].startswith("geonames:")
    assert first["SOURCEURL"] == "https://example.org/a1" and first["DATEADDED"].startswith("20250625")
    assert len({r["GlobalEventID"] for r in rows}) == 3 and all(r["GlobalEventID"].isdigit() for r in rows)


def test_single_party_event_and_codes_with_four_digits():
    statement = {
        "id": "e2",
        "type": "ceasefire",
        "participants": ["إسرائيل"],
        "cameo": "0871",
        "day": "2025-06-24",
    }
    [row] = [row_dict(r) for r in gdelt_rows(statement)]
    assert row["Actor2Name"] == "" and row["Actor1CountryCode"] == "ISR"
    assert (row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("087", "08", "2")


def test_lines_are_tab_separated_with_an_optional_header():
    lines = list(gdelt_lines([MEETING], header=True))
    assert lines[0].rstrip("\n").split("\t") == list(COLUMNS)
    assert all(len(line.rstrip("\n").split("\t")) == 61 for line in lines)
    messy = {**MEETING, "location": "لاهاي\tالهولندية\n"}
    assert len(next(gdelt_lines([messy])).rstrip("\n").split("\t")) == 61


def test_jsonl_keeps_what_gdelt_has_no_column_for():
    record = json.loads(
        next(jsonl_lines([{**MEETING, "occasion": "قمة حلف الناتو", "duration_minutes": 45}]))
    )
    assert record["occasion"] == "قمة حلف الناتو" and record["duration_minutes"] == 45
    assert record["cameo_name"] == "Meet at a third location"
    assert [e["article_id"] for e in record["evidence"]] == ["a1", "a2"]


def test_export_command_registers_beside_another_export(tmp_path):
    parser = argparse.ArgumentParser(prog="marsad")
    sub = parser.add_subparsers(dest="command", required=True)
    other = sub.add_parser("export").add_subparsers(dest="export_what", required=True)
    other.add_parser("articles")
    add_parsers(sub)
    args = parser.parse_args(["export", "events", "--format", "gdelt", "--db", str(tmp_path / "x.db")])
    assert args.func.__name__ == "cmd_export_events" and args.format == "gdelt"
    fresh = argparse.ArgumentParser(prog="marsad").add_subparsers(dest="command", required=True)
    add_parsers(fresh)
    assert "export" in fresh.choices


def test_export_command_writes_stored_events(tmp_path):
    db = tmp_path / "events.db"
    engine = open_engine(f"sqlite:///{db}")
    event = ExtractedEvent(
        type="call",
        participants=["عبدالله الثاني", "عبد الفتاح السيسي"],
        cameo="041",
        date="2018-04-21",
        countries={"عبدالله الثاني": "JO", "عبد الفتاح السيسي": "EG"},
    )
    article = Article(
        title="اتصال",
        text="أجرى العاهل الأردني اتصالا هاتفيا بالرئيس المصري.",
        published="2018-04-21",
        url="https://example.org/call",
        events=[event],
    )
    with engine.begin() as conn:
        save_page(conn, ExtractedPage(page=Page("p", "text", article.text), articles=[article]))
        create_event_tables(conn)
        store_events(conn, article.id, article.events)
        assert len(list(iter_stored_events(conn))) == 1
    parser = argparse.ArgumentParser(prog="marsad")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    out = tmp_path / "events.tsv"
    args = parser.parse_args(["export", "events", "--format", "gdelt", "--db", str(db), "-o", str(out)])
    assert args.func(args) == 0
    [row] = [row_dict(line.rstrip("\n").split("\t")) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (row["EventCode"], row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("041", "JOR", "EGY")
    assert row["SOURCEURL"] == "https://example.org/call"

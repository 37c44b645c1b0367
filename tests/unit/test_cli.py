"""The batch promises: bad inputs get one line each, the rest goes on, re-runs change nothing."""

import json

import pytest
from sqlalchemy import select

from marsad.cli import main
from marsad.store.db import open_engine
from marsad.store.repo import counts
from marsad.store.schema import articles, rejections

ARABIC_PARAGRAPH = (
    "أعلنت وزارة الصحة في بيان رسمي اليوم عن افتتاح ثلاثة مستشفيات جديدة في المحافظات الجنوبية، "
    "مؤكدة أن المشروع يهدف إلى تحسين الخدمات الطبية المقدمة للمواطنين وتقليص فترات الانتظار."
)


@pytest.fixture
def batch(tmp_path, sample_dir):
    folder = tmp_path / "batch"
    folder.mkdir()
    for path in sorted(sample_dir.glob("*.txt"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "legacy-1256.txt").write_bytes(f"خبر عاجل\n\n{ARABIC_PARAGRAPH}\n".encode("cp1256"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 64)
    html = f"<html><head><title>خبر</title></head><body><article><h1>خبر</h1><p>{ARABIC_PARAGRAPH}</p><p>{ARABIC_PARAGRAPH}"
    (folder / "truncated.html").write_text(html[: len(html) - 30], encoding="utf-8")
    (folder / "english.txt").write_text(
        "The ministry of health announced three new hospitals in the southern provinces today, "
        "saying the project aims to improve services and cut waiting times for patients.\n",
        encoding="utf-8",
    )
    (folder / "huge.txt").write_bytes((ARABIC_PARAGRAPH + "\n").encode() * (50 * 1024 * 1024 // 300))
    return folder


def test_ingest_reports_each_bad_input_and_reruns_change_nothing(batch, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["ingest", str(batch), "--db", db, "--quiet"]) == 0
    err = capsys.readouterr().err
    skipped = [line for line in err.splitlines() if line.startswith("skipped")]
    reasons = {name: line for line in skipped for name in ("empty.txt", "junk.txt", "english.txt", "huge.txt") if name in line}
    assert set(reasons) == {"empty.txt", "junk.txt", "english.txt", "huge.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["junk.txt"]
    assert "not_arabic" in reasons["english.txt"] and "too_large" in reasons["huge.txt"]
    assert len(skipped) == 4

    engine = open_engine(db)
    with engine.connect() as conn:
        first = counts(conn)
        first_rows = conn.execute(select(articles.c.id, articles.c.text).order_by(articles.c.id)).all()
        assert first["pages"] == 5  # three sample pages, the cp1256 page, the truncated HTML page
        assert any("مستشفيات" in row.text for row in first_rows)
        assert conn.execute(select(rejections.c.reason).where(rejections.c.name.like("%junk.txt"))).scalar() == "binary"

    assert main(["ingest", str(batch), "--db", db, "--quiet"]) == 0
    with engine.connect() as conn:
        assert counts(conn) == first
        assert conn.execute(select(articles.c.id, articles.c.text).order_by(articles.c.id)).all() == first_rows


def test_extract_writes_the_page_contract(sample_dir, capsys):
    path = sorted(sample_dir.glob("*.txt"))[0]
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    page = json.loads(line)
    assert page["page"] == path.name
    article = page["articles"][0]
    for key in ("role", "title", "text", "source", "dateline", "published", "language", "section",
                "tags", "keywords", "entities", "quotes", "events"):
        assert key in article
    assert article["role"] == "main" and article["title"] == path.read_text(encoding="utf-8").split("\n")[0]
    assert isinstance(page["related_headlines"], list)


def test_search_command_prints_ranked_hits(sample_dir, tmp_path, capsys):
    db = str(tmp_path / "s.db")
    main(["ingest", str(sample_dir), "--db", db, "--quiet"])
    capsys.readouterr()
    assert main(["search", "الحوثيين", "--db", db, "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hits and all("snippet" in hit for hit in hits)
    assert any("الحوثي" in hit["snippet"] for hit in hits)

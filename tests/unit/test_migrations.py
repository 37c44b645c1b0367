"""Schema migrations: every store, new or made before migrations, ends at the head revision
with the schema the tables define, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import time

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, Table, insert, inspect, select, text

from marsad.cli import main
from marsad.store import migrations
from marsad.store.db import migrate, migration_lock, open_engine
from marsad.store.schema import articles, metadata, pages, rejections
from marsad.store.search import create_search_index, index_article, search

# Processes opening one new store at the same moment.
RACERS = 4
# Seconds a racer may take to start (imports) before the test gives up on it.
RACER_START_S = 120
NOT_SCHEMA = {"alembic_version"}
# Rows of a store written before migrations existed.
OLD_PAGE = {"id": "p1", "name": "page.txt", "kind": "text", "related_headlines": [], "ingested_at": 1.0}
OLD_ARTICLE = {
    "id": "a1",
    "title": "وزير الخارجية",
    "text": "أعلنت الوزارة اليوم افتتاح ثلاثة مستشفيات",
    **{name: [] for name in ("tags", "keywords", "entities", "quotes", "events")},
    "first_page_id": "p1",
    "ingested_at": 1.0,
}
OLD_REJECTION = {"name": "x.txt", "reason": "empty", "detail": "0 bytes", "seen_at": 1.0}


def _schema_tables(engine) -> set[str]:
    names = set(inspect(engine).get_table_names()) - NOT_SCHEMA
    return {name for name in names if not name.startswith(migrations.SEARCH_PREFIXES)}


def _revision(engine) -> str | None:
    with engine.connect() as conn:
        return migrations.current_revision(conn)


def _drift(engine, target: MetaData) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": migrations.include_object})
        return compare_metadata(context, target)


def test_a_new_store_is_built_by_the_migrations_with_the_tables_columns_and_indexes(db_url):
    engine = open_engine(db_url)
    assert _revision(engine) == migrations.head_revision()
    found = inspect(engine)
    assert _schema_tables(engine) == set(metadata.tables)
    for table in metadata.tables.values():
        columns = {c["name"]: c["nullable"] for c in found.get_columns(table.name)}
        assert columns == {c.name: c.nullable for c in table.columns}, table.name
        assert {i["name"] for i in found.get_indexes(table.name)} >= {i.name for i in table.indexes}
    search_table = "articles_fts" if engine.dialect.name == "sqlite" else "article_search"
    assert search_table in found.get_table_names()


def test_the_migrations_and_the_tables_do_not_drift(db_url):
    """A schema change in store/*.py without a new migration fails here."""
    engine = open_engine(db_url)
    assert _drift(engine, metadata) == []
    # The comparison does see a change: a column and a table the migrations never made.
    changed = MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["articles"].append_column(Column("rank", Integer))
    Table("alerts", changed, Column("id", Integer, primary_key=True))
    kinds = sorted(diff[0] for diff in _drift(engine, changed))
    assert kinds == ["add_column", "add_table"]


def _pre_migration_store(url: str):
    """A store as the code before migrations made it (`create_all`, no alembic_version), from
    an older version still: without the watch tables. Holds one page, article and rejection."""
    engine = open_engine(url, create=False)
    old = [t for name, t in metadata.tables.items() if not name.startswith("watch_")]
    metadata.create_all(engine, tables=old)
    create_search_index(engine)
    with engine.begin() as conn:
        conn.execute(insert(pages), OLD_PAGE)
        conn.execute(insert(articles), OLD_ARTICLE)
        index_article(conn, OLD_ARTICLE["id"], OLD_ARTICLE["title"], OLD_ARTICLE["text"])
        conn.execute(insert(rejections), OLD_REJECTION)
    return engine


def test_a_store_made_before_migrations_keeps_its_rows_and_reaches_head(db_url):
    before = _pre_migration_store(db_url)
    assert _revision(before) is None
    with before.connect() as conn:
        rows = {t: conn.execute(select(t)).all() for t in (pages, articles, rejections)}
    engine = open_engine(db_url)
    assert _revision(engine) == migrations.head_revision()
    assert _schema_tables(engine) == set(metadata.tables)  # the missing watch tables were added
    with engine.connect() as conn:
        assert {t: conn.execute(select(t)).all() for t in rows} == rows
        assert [hit.article_id for hit in search(conn, "مستشفى الوزاره")] == ["a1"]
    assert _drift(engine, metadata) == []


def test_db_current_reports_and_db_upgrade_records_the_head(db_url, capsys):
    head = migrations.head_revision()
    assert main(["db", "current", "--db", db_url]) == 1
    assert "none" in capsys.readouterr().out
    assert _schema_tables(open_engine(db_url, create=False)) == set()  # `current` changed nothing
    _pre_migration_store(db_url)
    assert main(["db", "upgrade", "--db", db_url]) == 0
    assert capsys.readouterr().out.split() == [head, "(head)"]
    assert main(["db", "current", "--db", db_url]) == 0
    assert capsys.readouterr().out.split() == [head, "(head)"]
    assert main(["db", "history"]) == 0
    assert head in capsys.readouterr().out


def test_downgrade_to_base_removes_the_schema_and_upgrade_rebuilds_it(db_url):
    engine = open_engine(db_url)
    with migration_lock(engine) as conn:
        migrations.downgrade(conn, "base")
    assert _schema_tables(engine) == set() and _revision(engine) is None
    assert migrate(engine) == migrations.head_revision()
    assert _schema_tables(engine) == set(metadata.tables)


RACER = """
import sys, time
from pathlib import Path
from marsad.store.db import open_engine
ready, go, url = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
ready.touch()
while not go.exists():
    time.sleep(0.002)
open_engine(url).dispose()
"""


def test_processes_opening_one_new_store_at_once_all_succeed(db_url, tmp_path):
    go = tmp_path / "go"
    ready = [tmp_path / f"ready{i}" for i in range(RACERS)]
    racers = [
        subprocess.Popen([sys.executable, "-c", RACER, str(flag), str(go), db_url], stderr=subprocess.PIPE)
        for flag in ready
    ]
    deadline = time.monotonic() + RACER_START_S
    while not all(flag.exists() for flag in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()  # every racer is imported and polling: they open the store within milliseconds
    errors = [racer.communicate(timeout=RACER_START_S)[1].decode()[-800:] for racer in racers]
    assert [racer.returncode for racer in racers] == [0] * RACERS, errors
    engine = open_engine(db_url, create=False)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [
            migrations.head_revision()
        ]
    assert _schema_tables(engine) == set(metadata.tables)

"""One engine from one URL: `sqlite:///marsad.db` by default, PostgreSQL by URL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from marsad.store import entities as _entity_tables  # noqa: F401 - registers its tables
from marsad.store import events as _event_tables  # noqa: F401 - registers its tables
from marsad.store import stories as _story_tables  # noqa: F401 - registers its tables
from marsad.store import watch as _watch_tables  # noqa: F401 - registers its tables
from marsad.store.schema import metadata
from marsad.store.search import create_search_index

DEFAULT_DB = "marsad.db"
# Writers wait this long for a lock held by another process before giving up.
SQLITE_BUSY_TIMEOUT_S = 60


def database_url(value: str | None) -> str:
    """Accept a URL or a bare file path (`./news.db`)."""
    value = value or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def open_engine(url: str | None = None, create: bool = True) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if create:
        metadata.create_all(engine)
        create_search_index(engine)
    return engine

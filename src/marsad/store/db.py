"""One engine from one URL: `sqlite:///marsad.db` by default, PostgreSQL by URL.

Every store `open_engine` opens is brought to the head migration (store/migrations):

- a new, empty store is built by running the migrations, not by `create_all` + stamp. Then
  every store, new or upgraded, has exactly the schema the migration scripts define, and one
  test (scripts vs tables) guards both; with `create_all` + stamp, new stores would follow
  the tables while upgraded ones follow the scripts, and a drift would show only in the field.
- a store made before migrations existed (tables, no `alembic_version`) runs the baseline
  too: it creates only what is missing, so rows stay, and records the revision.
- two processes opening the same new store at once take turns: the migration runs in one
  transaction that holds a lock (SQLite: `BEGIN IMMEDIATE`, the database write lock, waited
  for up to the busy timeout; PostgreSQL: a transaction-scoped advisory lock keyed on the
  schema). The second reads the revision only once it has the lock, finds head, does nothing.
A store already at head costs one read of `alembic_version` and no lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event

from marsad.store import entities as _entity_tables  # noqa: F401 - registers its tables
from marsad.store import events as _event_tables  # noqa: F401 - registers its tables
from marsad.store import stories as _story_tables  # noqa: F401 - registers its tables
from marsad.store import watch as _watch_tables  # noqa: F401 - registers its tables
from marsad.store.locks import hold_advisory_lock
from marsad.store.schema import metadata

__all__ = ["metadata", "open_engine", "database_url", "migrate", "migration_lock"]

DEFAULT_DB = "marsad.db"
# Writers wait this long for a lock held by another process before giving up.
SQLITE_BUSY_TIMEOUT_S = 60
# Advisory-lock key (hashed with the schema name): one migration at a time per schema.
PG_LOCK_NAME = "marsad.store.migrations"


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


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_engine(url: str | None = None, create: bool = True) -> Engine:
    """An engine on the store; with `create`, the store is first brought to the head revision."""
    engine = _engine(database_url(url))
    if create:
        migrate(engine)
    return engine


def migrate(engine: Engine, target: str = "head") -> str | None:
    """Bring the store to `target` (head by default) under the migration lock; its revision."""
    from marsad.store import migrations

    if target == "head":
        with engine.connect() as conn:
            if migrations.current_revision(conn) == migrations.head_revision():
                return migrations.head_revision()
    with migration_lock(engine) as conn:
        migrations.upgrade(conn, target)
        return migrations.current_revision(conn)


@contextmanager
def migration_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that no other process's migration can run beside."""
    if engine.dialect.name == "sqlite":
        locking = _immediate_sqlite(engine)
        try:
            with locking.begin() as conn:
                yield conn
        finally:
            locking.dispose()
        return
    with engine.begin() as conn:
        hold_advisory_lock(conn, PG_LOCK_NAME)
        yield conn


def _immediate_sqlite(engine: Engine) -> Engine:
    """A one-off engine whose transactions start with BEGIN IMMEDIATE (the write lock), and
    whose DDL stays inside them (pysqlite would otherwise commit before each CREATE)."""
    locking = create_engine(engine.url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    def connect(dbapi_connection, record) -> None:
        dbapi_connection.isolation_level = None  # we send BEGIN ourselves
        _sqlite_pragmas(dbapi_connection, record)

    event.listen(locking, "connect", connect)
    event.listen(locking, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return locking

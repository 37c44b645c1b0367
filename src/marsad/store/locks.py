"""Transaction-scoped PostgreSQL advisory locks, keyed on a name and the current schema (so
separate stores in one database never wait for each other). SQLite needs none: its write lock
already makes writers take turns, so on SQLite these are no-ops."""

from __future__ import annotations

from sqlalchemy import Connection, text

ADVISORY_LOCK = text("SELECT pg_advisory_xact_lock(hashtext(:name || current_schema()))")


def hold_advisory_lock(conn: Connection, name: str) -> None:
    """Wait for, then hold until the transaction ends, the lock `name` of this store."""
    if conn.dialect.name == "postgresql":
        conn.execute(ADVISORY_LOCK, {"name": name})

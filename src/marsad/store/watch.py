"""What `marsad watch` remembers between runs: feed validators and the links it has seen.

`watch_listings` keeps each feed's or sitemap's ETag and Last-Modified, so a restart asks
"changed since?" instead of downloading everything again. `watch_links` keeps every
article link found, with its state: `queued` links (found, not yet fetched) are picked
up again after a crash or restart; `stored`, `rejected`, `blocked` and `failed` links are
never fetched again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Column, Connection, Float, Integer, String, Table, Text, func, select, update

from marsad.store.repo import _insert_ignore
from marsad.store.schema import metadata

QUEUED, STORED, REJECTED, BLOCKED, FAILED = "queued", "stored", "rejected", "blocked", "failed"
# Keys per IN (...) query: well under SQLite's variable limit.
CHUNK = 500

watch_listings = Table(
    "watch_listings",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", Float, nullable=False),
)

watch_links = Table(
    "watch_links",
    metadata,
    Column("url", Text, primary_key=True),
    Column("host", String(300), nullable=False, index=True),
    Column("outlet", Text),
    Column("published", String(40)),
    Column("state", String(16), nullable=False, index=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("page_id", String(64)),
    Column("detail", Text),
    Column("first_seen", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)


@dataclass(frozen=True)
class QueuedLink:
    url: str
    host: str
    outlet: str | None
    published: str | None


def validators(conn: Connection, url: str) -> tuple[str | None, str | None]:
    row = conn.execute(
        select(watch_listings.c.etag, watch_listings.c.last_modified).where(watch_listings.c.url == url)
    ).first()
    return (row.etag, row.last_modified) if row else (None, None)


def save_validators(conn: Connection, url: str, etag: str | None, last_modified: str | None) -> None:
    conn.execute(watch_listings.delete().where(watch_listings.c.url == url))
    conn.execute(
        watch_listings.insert(),
        {"url": url, "etag": etag, "last_modified": last_modified, "checked_at": time.time()},
    )


def unseen(conn: Connection, urls: Sequence[str]) -> list[str]:
    """The URLs never recorded before, in the given order."""
    known: set[str] = set()
    for start in range(0, len(urls), CHUNK):
        part = list(urls[start : start + CHUNK])
        known.update(conn.execute(select(watch_links.c.url).where(watch_links.c.url.in_(part))).scalars())
    return [url for url in urls if url not in known]


def queue_links(conn: Connection, links: Iterable[QueuedLink]) -> None:
    now = time.time()
    rows = [
        {**link.__dict__, "state": QUEUED, "attempts": 0, "first_seen": now, "updated_at": now}
        for link in links
    ]
    if rows:
        conn.execute(_insert_ignore(conn, watch_links), rows)


def queued_links(conn: Connection, max_attempts: int) -> list[QueuedLink]:
    rows = conn.execute(
        select(watch_links.c.url, watch_links.c.host, watch_links.c.outlet, watch_links.c.published)
        .where(watch_links.c.state == QUEUED, watch_links.c.attempts < max_attempts)
        .order_by(watch_links.c.first_seen)
    )
    return [QueuedLink(*row) for row in rows]


def finish_link(
    conn: Connection, url: str, state: str, page_id: str | None = None, detail: str | None = None
) -> None:
    conn.execute(
        update(watch_links)
        .where(watch_links.c.url == url)
        .values(state=state, page_id=page_id, detail=detail, updated_at=time.time())
    )


def retry_link(conn: Connection, url: str, detail: str, max_attempts: int) -> bool:
    """Count a passing failure; True while the link will be tried again, False once given up."""
    attempts = conn.execute(select(watch_links.c.attempts).where(watch_links.c.url == url)).scalar() or 0
    attempts += 1
    state = QUEUED if attempts < max_attempts else FAILED
    conn.execute(
        update(watch_links)
        .where(watch_links.c.url == url)
        .values(attempts=attempts, state=state, detail=detail, updated_at=time.time())
    )
    return state == QUEUED


def link_states(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(watch_links.c.state, func.count()).group_by(watch_links.c.state))
    return {state: int(count) for state, count in rows}

"""Events across the store: one row per real-world event, with every article that reports it.

Two outlets reporting the same meeting give one stored event with both articles as evidence.
An article's event joins a stored one when (MERGE RULE):
- the type is the same;
- the days are close: the event dates when both are known and differ by at most
  MERGE_DATE_DAYS, else the articles' dates (or whichever date is known) within
  MERGE_WINDOW_DAYS;
- the parties agree: every party of the smaller list is one of the other's (names compared
  after Arabic normalisation; a person's shorter name counts, "ترامب" ~ "دونالد ترامب"), and
  at least two parties are shared when both lists have two or more;
- the places do not conflict: unknown on one side, the same, or one a city of the other's
  country.
Each join is recorded with its reason so a user can audit it. Merged fields keep the most
informative value (a city over its country, an explicit date, a duration); "happened" wins
over "planned" once an article reports the event as done.

Tables use SQLAlchemy Core on the shared metadata and run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, is_dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    and_,
    or_,
    select,
)

from marsad.enrich.cameo import place_country
from marsad.enrich.resolve import is_variant
from marsad.knowledge import key
from marsad.model import content_id
from marsad.store.schema import articles, metadata

# Event dates (as written) at most this far apart may still be one event (time zones,
# "الأربعاء" written on Thursday).
MERGE_DATE_DAYS = 1
# Article dates at most this far apart may report one event whose own date is not known.
MERGE_WINDOW_DAYS = 3
# Candidate events read per lookup: the same type in a few days is a short list.
MAX_CANDIDATES = 200

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    Column("participants", JSON, nullable=False),  # canonical names
    Column("participant_keys", Text, nullable=False, index=True),  # normalised names, sorted, "|"-joined
    Column("location", Text),
    Column("occasion", Text),
    Column("date", String(10), index=True),  # ISO date of the event, when derivable
    Column("day", String(10), index=True),  # the event date, else the first reporting article's date
    Column("date_text", Text),
    Column("duration_minutes", Float),
    Column("cameo", String(8), index=True),
    Column("status", String(10), nullable=False),
    Column("countries", JSON, nullable=False),  # participant -> ISO country, when an article said
    Column("articles", Integer, nullable=False),
    Column("first_seen", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)

# Which article reports which event, the article's own reading of it, and why it was joined.
event_articles = Table(
    "event_articles",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id"), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("position", Integer, nullable=False),  # index of the event in the article's list
    Column("reported", JSON, nullable=False),  # the event as this article gave it
    Column("reason", Text, nullable=False),
)

EVENT_TABLES = [events, event_articles]


def create_event_tables(bind) -> None:
    """Create the event tables if missing (idempotent; `open_engine` also does it once this
    module is imported)."""
    metadata.create_all(bind, tables=EVENT_TABLES, checkfirst=True)


def _as_dict(event: Any) -> dict[str, Any]:
    if is_dataclass(event):
        return asdict(event)
    return dict(event)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _participant_keys(names: Iterable[str]) -> str:
    return "|".join(sorted({key(n) for n in names if key(n)}))


def same_party(a: str, b: str) -> bool:
    """Same normalised name, a person's spelling variant ("دونالد ترمب" ~ "دونالد ترامب",
    `resolve.is_variant`), or one name's words all in the other's, as written or spelt
    the way the other ends ("ترامب" ~ "دونالد ترامب", "ترمب" ~ "دونالد ترامب")."""
    ka, kb = key(a), key(b)
    if ka == kb or is_variant(ka, kb, "PER"):
        return True
    short, long = sorted((ka.split(), kb.split()), key=len)
    if not short:
        return False
    completed = long[: len(long) - len(short)] + short  # the short name in the long one's place
    return set(short) <= set(long) or is_variant(" ".join(completed), " ".join(long), "PER")


def parties_agree(a: list[str], b: list[str]) -> bool:
    """The smaller list inside the larger; two shared parties when both have two or more."""
    if not a or not b:
        return not a and not b
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(1 for x in small if any(same_party(x, y) for y in big))
    return shared == len(small) and (shared >= 2 or len(small) == 1)


def places_agree(a: str | None, b: str | None) -> bool:
    if not a or not b or key(a) == key(b):
        return True
    ca, cb = place_country(a), place_country(b)
    return (
        ca is not None
        and cb is not None
        and ca.id == cb.id
        and (key(a) == key(ca.name) or key(b) == key(cb.name))
    )


def days_agree(new: dict[str, Any], stored: dict[str, Any]) -> bool:
    d1, d2 = _day(new.get("date")), _day(stored.get("date"))
    if d1 and d2:
        return abs((d1 - d2).days) <= MERGE_DATE_DAYS
    a1, a2 = _day(new.get("day")), _day(stored.get("day"))
    if a1 and a2:
        return abs((a1 - a2).days) <= MERGE_WINDOW_DAYS
    return True


def merge_reason(new: dict[str, Any], stored: dict[str, Any]) -> str | None:
    """Why `new` is the stored event, or None when it is not."""
    if new["type"] != stored["type"] or not days_agree(new, stored):
        return None
    if not parties_agree(new.get("participants") or [], stored.get("participants") or []):
        return None
    if not places_agree(new.get("location"), stored.get("location")):
        return None
    parts = [f"same {new['type']}", "same parties" if new.get("participants") else "no named parties"]
    if new.get("date") and stored.get("date"):
        parts.append(f"dates {new['date']} ~ {stored['date']}")
    else:
        parts.append(f"reported {new.get('day')} ~ {stored.get('day')}")
    if new.get("location") and stored.get("location"):
        parts.append(f"place {new['location']} ~ {stored['location']}")
    return ", ".join(parts)


def _candidates(conn: Connection, event: dict[str, Any]) -> list[dict[str, Any]]:
    query = select(events).where(events.c.type == event["type"])
    anchor = _day(event.get("day"))
    if anchor is not None:
        low = (anchor - timedelta(days=MERGE_WINDOW_DAYS)).isoformat()
        high = (anchor + timedelta(days=MERGE_WINDOW_DAYS)).isoformat()
        query = query.where(or_(events.c.day.is_(None), and_(events.c.day >= low, events.c.day <= high)))
    else:
        query = query.where(events.c.participant_keys == _participant_keys(event.get("participants") or []))
    rows = conn.execute(query.order_by(events.c.first_seen).limit(MAX_CANDIDATES)).mappings().all()
    return [dict(row) for row in rows]


def _more_specific(new: str | None, old: str | None) -> str | None:
    """A city over its country; otherwise the value already stored."""
    if not old:
        return new
    if new and not places_agree(new, old):
        return old
    if new and key(new) != key(old):
        country = place_country(new)
        if country is not None and key(country.name) == key(old):
            return new
    return old


def _merged(stored: dict[str, Any], new: dict[str, Any], now: float) -> dict[str, Any]:
    names = list(stored["participants"])
    for name in new.get("participants") or []:
        if not any(same_party(name, other) for other in names):
            names.append(name)
    happened = stored["status"] == "happened" or new.get("status", "happened") == "happened"
    cameo = stored["cameo"]
    if new.get("cameo") and (stored["status"] == "planned" and new.get("status", "happened") == "happened"):
        cameo = new["cameo"]
    return {
        "participants": names,
        "participant_keys": _participant_keys(names),
        "location": _more_specific(new.get("location"), stored["location"]),
        "occasion": stored["occasion"] or new.get("occasion"),
        "date": stored["date"] or new.get("date"),
        "day": stored["day"] or new.get("day"),
        "date_text": stored["date_text"] or new.get("date_text"),
        "duration_minutes": stored["duration_minutes"]
        if stored["duration_minutes"] is not None
        else new.get("duration_minutes"),
        "cameo": cameo or new.get("cameo"),
        "status": "happened" if happened else "planned",
        "countries": {**(new.get("countries") or {}), **(stored["countries"] or {})},
        "articles": stored["articles"] + 1,
        "updated_at": now,
    }


def _article_day(conn: Connection, article_id: str) -> str | None:
    row = conn.execute(select(articles.c.published).where(articles.c.id == article_id)).first()
    return str(row.published)[:10] if row and row.published else None


def _linked(conn: Connection, event_id: str, article_id: str) -> bool:
    query = select(event_articles.c.event_id).where(
        event_articles.c.event_id == event_id, event_articles.c.article_id == article_id
    )
    return conn.execute(query).first() is not None


def store_events(conn: Connection, article_id: str, found: Iterable[Any]) -> list[str]:
    """Store an article's events, joining each to a stored event when the merge rule says they
    are the same; return the stored event ids in the article's order. Storing the same article
    twice links it once."""
    create_event_tables(conn)
    published = _article_day(conn, article_id)
    now = time.time()
    ids = []
    for position, event in enumerate(found):
        item = _as_dict(event)
        item["day"] = item.get("date") or published
        ids.append(_store_one(conn, article_id, position, item, now))
    return ids


def _store_one(conn: Connection, article_id: str, position: int, item: dict[str, Any], now: float) -> str:
    for stored in _candidates(conn, item):
        reason = merge_reason(item, stored)
        if reason is None:
            continue
        if not _linked(conn, stored["id"], article_id):
            conn.execute(
                events.update().where(events.c.id == stored["id"]).values(**_merged(stored, item, now))
            )
            _link(conn, stored["id"], article_id, position, item, reason)
        return stored["id"]
    # The article and the event's place in it make the id unique: one article may report two
    # events of one type on one day that differ only in their place (two attacks, say).
    event_id = content_id(
        "event",
        item["type"],
        _participant_keys(item.get("participants") or []),
        item.get("day"),
        article_id,
        str(position),
    )
    if conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is not None:
        # Stored by an earlier run of this article, beyond the candidates looked at above.
        if not _linked(conn, event_id, article_id):
            _link(conn, event_id, article_id, position, item, "first seen")
        return event_id
    conn.execute(
        events.insert(),
        {
            "id": event_id,
            "type": item["type"],
            "participants": list(item.get("participants") or []),
            "participant_keys": _participant_keys(item.get("participants") or []),
            "location": item.get("location"),
            "occasion": item.get("occasion"),
            "date": item.get("date"),
            "day": item.get("day"),
            "date_text": item.get("date_text"),
            "duration_minutes": item.get("duration_minutes"),
            "cameo": item.get("cameo"),
            "status": item.get("status") or "happened",
            "countries": dict(item.get("countries") or {}),
            "articles": 1,
            "first_seen": now,
            "updated_at": now,
        },
    )
    _link(conn, event_id, article_id, position, item, "first seen")
    return event_id


def _link(
    conn: Connection, event_id: str, article_id: str, position: int, item: dict[str, Any], reason: str
) -> None:
    reported = {k: v for k, v in item.items() if k not in ("day", "evidence")}
    conn.execute(
        event_articles.insert(),
        {
            "event_id": event_id,
            "article_id": article_id,
            "position": position,
            "reported": reported,
            "reason": reason,
        },
    )


def iter_stored_events(
    conn: Connection, since: str | None = None, limit: int | None = None
) -> Iterator[dict[str, Any]]:
    """Merged events, oldest day first, each with its evidence articles (id, url, source,
    published, position, reason)."""
    query = select(events).order_by(events.c.day, events.c.first_seen)
    if since:
        query = query.where(events.c.day >= since)
    if limit:
        query = query.limit(limit)
    for row in conn.execute(query).mappings().all():
        event = dict(row)
        event["evidence"] = _evidence(conn, event["id"])
        yield event


def _evidence(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    query = (
        select(
            event_articles.c.article_id,
            event_articles.c.position,
            event_articles.c.reason,
            articles.c.url,
            articles.c.source,
            articles.c.published,
            articles.c.title,
        )
        .select_from(event_articles.outerjoin(articles, articles.c.id == event_articles.c.article_id))
        .where(event_articles.c.event_id == event_id)
        .order_by(articles.c.published, event_articles.c.article_id)
    )
    return [dict(row) for row in conn.execute(query).mappings().all()]

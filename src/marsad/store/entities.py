"""Entities across the whole store: one row per referent, its variants and its articles.

An article's resolved entities (see `enrich/resolve.py`) are matched to stored ones by
gazetteer id, by any normalised variant, by a spelling variant of a stored name (one
edit in a long word, found through a letter-bag key), or by a surname when exactly one
stored person carries it. Each match is recorded with its reason, so a user can audit
why two names became one entity.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    or_,
    select,
)

from marsad.enrich.resolve import is_variant
from marsad.knowledge import key
from marsad.model import Entity
from marsad.store.schema import metadata

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False, index=True),
    Column("first_seen", Float, nullable=False),
)

# Every spelling seen for an entity; `letters` (sorted letters of the last word) finds
# transposition variants such as بزكشيان / بزشكيان without scanning every name.
entity_variants = Table(
    "entity_variants",
    metadata,
    Column("entity_id", String(64), ForeignKey("entities.id"), primary_key=True),
    Column("variant_key", Text, primary_key=True),
    Column("variant", Text, nullable=False),
    Column("entity_type", String(8), nullable=False),
    Column("last_word", Text, nullable=False, index=True),
    Column("letters", Text, nullable=False, index=True),
    Column("evidence", Text, nullable=False),
    # Matching looks a name up by its key alone; the primary key starts with the entity id.
    Index("ix_entity_variants_variant_key", "variant_key", "entity_type"),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("entity_id", String(64), ForeignKey("entities.id"), primary_key=True),
    Column("mentions", Integer, nullable=False),
    Index("ix_article_entities_entity_id", "entity_id"),  # an entity's articles
)

# A surname shared by more people than this in the store is too ambiguous to resolve alone.
MAX_SURNAME_OWNERS = 1


def letters_key(variant_key: str) -> str:
    last = variant_key.split()[-1] if variant_key else ""
    return "".join(sorted(last))


def _stored_variants(conn: Connection, keys: set[str]) -> list:
    """Stored spellings with one of these keys or the same letters (spelling variants), of
    any type; the entity stored first comes first (then by id, so SQLite and PostgreSQL agree)."""
    return conn.execute(
        select(
            entity_variants.c.entity_id,
            entity_variants.c.variant,
            entity_variants.c.variant_key,
            entity_variants.c.entity_type,
        )
        .join(entities, entities.c.id == entity_variants.c.entity_id)
        .where(
            or_(
                entity_variants.c.variant_key.in_(keys),
                entity_variants.c.letters.in_({letters_key(k) for k in keys}),
            )
        )
        .order_by(entities.c.first_seen, entity_variants.c.entity_id, entity_variants.c.variant_key)
    ).all()


def _candidates(
    conn: Connection, entity: Entity, keys: set[str], stored: set[str], variants: list
) -> list[tuple[str, str]]:
    """Stored (entity_id, reason) pairs this entity may be, strongest evidence first.
    `stored` holds the ids among this article's that the store has; `variants` comes from
    `_stored_variants`."""
    found: list[tuple[str, str]] = []
    if entity.id and entity.id in stored:
        found.append((entity.id, f"same id {entity.id}"))
    rows = [row for row in variants if row.entity_type == entity.type]
    found += [(row.entity_id, f"stored spelling {row.variant}") for row in rows if row.variant_key in keys]
    found += [
        (row.entity_id, f"spelling variant of stored {row.variant}")
        for row in rows
        if any(is_variant(k, row.variant_key, entity.type) for k in keys)
    ]
    found += _surname_owner(conn, entity, keys)
    return found


def _surname_owner(conn: Connection, entity: Entity, keys: set[str]) -> list[tuple[str, str]]:
    """A one-word person name joins the single stored person whose name ends with it."""
    if entity.type != "PER" or any(len(k.split()) > 1 for k in keys):
        return []
    owners = conn.execute(
        select(entity_variants.c.entity_id)
        .where(entity_variants.c.last_word.in_(keys))
        .where(entity_variants.c.entity_type == "PER")
        .group_by(entity_variants.c.entity_id)
        .limit(MAX_SURNAME_OWNERS + 1)
    ).all()
    if len(owners) != MAX_SURNAME_OWNERS:
        return []
    return [(owners[0].entity_id, "surname of the only stored person with it")]


def store_entities(conn: Connection, article_id: str, found: Iterable[Entity]) -> list[str]:
    """Link an article to stored entities (creating new ones); return the stored ids.

    Entities are matched one after another, each seeing the variants stored for the ones
    before it; the article's links are written together at the end."""
    stored_ids: list[str] = []
    linked = set(
        conn.execute(
            select(article_entities.c.entity_id).where(article_entities.c.article_id == article_id)
        ).scalars()
    )
    found = list(found)
    ids = {entity.id for entity in found if entity.id}
    stored = set(conn.execute(select(entities.c.id).where(entities.c.id.in_(ids))).scalars())
    links = []
    for entity in found:
        names: dict[str, str] = {}  # key -> the first spelling with it
        for name in [entity.name, *entity.mentions]:
            if name_key := key(name):
                names.setdefault(name_key, name)
        variants = _stored_variants(conn, set(names))
        candidates = _candidates(conn, entity, set(names), stored, variants)
        entity_id, reason = candidates[0] if candidates else (entity.id or key(entity.name), "first seen")
        if not candidates:
            conn.execute(
                entities.insert(),
                {"id": entity_id, "name": entity.name, "type": entity.type, "first_seen": time.time()},
            )
            stored.add(entity_id)
        known = {row.variant_key for row in variants if row.entity_id == entity_id}
        _add_variants(conn, entity_id, entity, {k: n for k, n in names.items() if k not in known}, reason)
        if entity_id not in linked:
            linked.add(entity_id)
            links.append({"article_id": article_id, "entity_id": entity_id, "mentions": len(entity.mentions)})
        stored_ids.append(entity_id)
    if links:
        conn.execute(article_entities.insert(), links)
    return stored_ids


def _add_variants(
    conn: Connection, entity_id: str, entity: Entity, names: dict[str, str], reason: str
) -> None:
    """Record spellings the entity lacks (`names`: key -> the first name with it)."""
    evidence = "; ".join([reason, *entity.evidence])
    rows = [
        {
            "entity_id": entity_id,
            "variant_key": variant_key,
            "variant": name,
            "entity_type": entity.type,
            "last_word": variant_key.split()[-1],
            "letters": letters_key(variant_key),
            "evidence": evidence,
        }
        for variant_key, name in names.items()
    ]
    if rows:
        conn.execute(entity_variants.insert(), rows)


def list_entities(conn: Connection, limit: int = 50, entity_type: str | None = None):
    """Entities with the number of articles that mention them, most mentioned first."""
    count = func.count(article_entities.c.article_id).label("articles")
    query = (
        select(entities.c.id, entities.c.name, entities.c.type, count)
        .join(article_entities, article_entities.c.entity_id == entities.c.id)
        .group_by(entities.c.id, entities.c.name, entities.c.type)
        .order_by(count.desc(), entities.c.name)
        .limit(limit)
    )
    if entity_type:
        query = query.where(entities.c.type == entity_type)
    return conn.execute(query).all()


def find_entity(conn: Connection, name: str) -> list[str]:
    """Ids of stored entities with this name or variant (normalised), or this id."""
    by_id = conn.execute(select(entities.c.id).where(entities.c.id == name)).scalars().all()
    by_variant = conn.execute(
        select(entity_variants.c.entity_id).where(entity_variants.c.variant_key == key(name)).distinct()
    ).scalars().all()
    return list(dict.fromkeys([*by_id, *by_variant]))


def entity_details(conn: Connection, entity_id: str) -> dict | None:
    from marsad.store.schema import articles

    row = conn.execute(select(entities).where(entities.c.id == entity_id)).mappings().first()
    if row is None:
        return None
    variants = conn.execute(
        select(entity_variants.c.variant, entity_variants.c.evidence).where(entity_variants.c.entity_id == entity_id)
    ).all()
    linked = conn.execute(
        select(articles.c.id, articles.c.title, articles.c.source, articles.c.published, article_entities.c.mentions)
        .join(article_entities, article_entities.c.article_id == articles.c.id)
        .where(article_entities.c.entity_id == entity_id)
        .order_by(articles.c.published.desc(), articles.c.id)
    ).all()
    return {
        **dict(row),
        "variants": [{"variant": v.variant, "evidence": v.evidence} for v in variants],
        "articles": [dict(a._mapping) for a in linked],
    }

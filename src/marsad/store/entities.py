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

from sqlalchemy import Column, Connection, Float, ForeignKey, Integer, String, Table, Text, func, select

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
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("entity_id", String(64), ForeignKey("entities.id"), primary_key=True),
    Column("mentions", Integer, nullable=False),
)

# A surname shared by more people than this in the store is too ambiguous to resolve alone.
MAX_SURNAME_OWNERS = 1


def letters_key(variant_key: str) -> str:
    last = variant_key.split()[-1] if variant_key else ""
    return "".join(sorted(last))


def _candidates(conn: Connection, entity: Entity) -> list[tuple[str, str]]:
    """Stored (entity_id, reason) pairs this entity may be, strongest evidence first."""
    keys = {key(name) for name in [entity.name, *entity.mentions] if key(name)}
    found: list[tuple[str, str]] = []
    if entity.id and conn.execute(select(entities.c.id).where(entities.c.id == entity.id)).first():
        found.append((entity.id, f"same id {entity.id}"))
    rows = conn.execute(
        select(entity_variants.c.entity_id, entity_variants.c.variant)
        .where(entity_variants.c.variant_key.in_(keys))
        .where(entity_variants.c.entity_type == entity.type)
    ).all()
    found += [(row.entity_id, f"stored spelling {row.variant}") for row in rows]
    found += _spelling_variants(conn, entity, keys)
    found += _surname_owner(conn, entity, keys)
    return found


def _spelling_variants(conn: Connection, entity: Entity, keys: set[str]) -> list[tuple[str, str]]:
    letters = {letters_key(k) for k in keys}
    rows = conn.execute(
        select(entity_variants.c.entity_id, entity_variants.c.variant, entity_variants.c.variant_key)
        .where(entity_variants.c.letters.in_(letters))
        .where(entity_variants.c.entity_type == entity.type)
    ).all()
    return [
        (row.entity_id, f"spelling variant of stored {row.variant}")
        for row in rows
        if any(is_variant(k, row.variant_key) for k in keys)
    ]


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
    """Link an article to stored entities (creating new ones); return the stored ids."""
    stored_ids = []
    for entity in found:
        candidates = _candidates(conn, entity)
        entity_id, reason = candidates[0] if candidates else (entity.id or key(entity.name), "first seen")
        if not candidates:
            conn.execute(
                entities.insert(),
                {"id": entity_id, "name": entity.name, "type": entity.type, "first_seen": time.time()},
            )
        _add_variants(conn, entity_id, entity, reason)
        _link(conn, article_id, entity_id, len(entity.mentions))
        stored_ids.append(entity_id)
    return stored_ids


def _add_variants(conn: Connection, entity_id: str, entity: Entity, reason: str) -> None:
    evidence = "; ".join([reason, *entity.evidence])
    for name in dict.fromkeys([entity.name, *entity.mentions]):
        variant_key = key(name)
        if not variant_key:
            continue
        exists = conn.execute(
            select(entity_variants.c.entity_id)
            .where(entity_variants.c.entity_id == entity_id)
            .where(entity_variants.c.variant_key == variant_key)
        ).first()
        if exists:
            continue
        conn.execute(
            entity_variants.insert(),
            {
                "entity_id": entity_id,
                "variant_key": variant_key,
                "variant": name,
                "entity_type": entity.type,
                "last_word": variant_key.split()[-1],
                "letters": letters_key(variant_key),
                "evidence": evidence,
            },
        )


def _link(conn: Connection, article_id: str, entity_id: str, mentions: int) -> None:
    exists = conn.execute(
        select(article_entities.c.mentions)
        .where(article_entities.c.article_id == article_id)
        .where(article_entities.c.entity_id == entity_id)
    ).first()
    if exists is None:
        conn.execute(
            article_entities.insert(), {"article_id": article_id, "entity_id": entity_id, "mentions": mentions}
        )


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

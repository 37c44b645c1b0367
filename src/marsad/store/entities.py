"""Entities across the whole store: one row per referent, its variants and its articles.

An article's resolved entities (see `enrich/resolve.py`) are matched to stored ones by
gazetteer id, by any normalised variant, by a spelling variant of a stored name (one
edit in a long word, found through a letter-bag key), or by a surname when exactly one
stored person carries it. Each match is recorded with its reason, so a user can audit
why two names became one entity.

A person is looked up under both spellings of his compounds ("عبد الرحمن" / "عبدالرحمن").
Two people are kept apart when their full names disagree ("رياض المالكي", "تركي المالكي"),
even if both were also called by the surname alone, and a one-word name that several
stored people carry links to none of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

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

from marsad.enrich.ner_features import shipped_lexicon
from marsad.enrich.resolve import VOWEL_LETTERS, is_short_form, is_variant
from marsad.knowledge import key
from marsad.model import Entity
from marsad.names import PATRONYMIC_PARTICLES, compound_spellings, joined_compounds, shipped_given_names
from marsad.store.schema import metadata

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False, index=True),
    Column("first_seen", Float, nullable=False),
    Index("ix_entities_name", "name"),  # entity pages look stored entities up by name
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

# How many articles called each stored entity by each name: an entity is shown under the name
# most of its articles give it, not the one its first article happened to use.
entity_names = Table(
    "entity_names",
    metadata,
    Column("entity_id", String(64), ForeignKey("entities.id"), primary_key=True),
    Column("name", Text, primary_key=True),
    Column("articles", Integer, nullable=False),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("entity_id", String(64), ForeignKey("entities.id"), primary_key=True),
    Column("mentions", Integer, nullable=False),
    Index("ix_article_entities_entity_id", "entity_id"),  # an entity's articles
)

# Ids resolution makes from a name found in text (`enrich/resolve.py`), not from a gazetteer.
HASHED_ID_PREFIXES = ("per:", "org:", "loc:", "misc:")
# ANT frequency band (powers of two, `ner_features.Lexicon`) from which a given name is common:
# "محمد" 12, "سلمان" 11, "خالد" 9, "عبدالعزيز" 8; "عثمان" 7, "شاكر" 6, "نايف" 5.
COMMON_GIVEN_NAME_BAND = 8
# Stored spellings ending with a one-word name read to find its owner; more means no owner.
MAX_SURNAME_ROWS = 200
# A surname shared by more people than this in the store is too ambiguous to resolve alone.
MAX_SURNAME_OWNERS = 1


def letters_key(variant_key: str) -> str:
    last = variant_key.split()[-1] if variant_key else ""
    return "".join(sorted(last))


def _letter_bags(variant_key: str) -> set[str]:
    """Letter bags (`letters_key`) of the last word and of that word with a long vowel
    letter more or less, so spelling variants of every kind `is_variant` accepts are
    fetched ("ترمب" / "ترامب", "ديلي" / "دايلي")."""
    bag = letters_key(variant_key)
    more = {"".join(sorted(bag + vowel)) for vowel in VOWEL_LETTERS}
    less = {bag.replace(vowel, "", 1) for vowel in VOWEL_LETTERS if vowel in bag}
    return {bag, *more, *less}


def _store_variant(a: str, b: str, entity_type: str) -> bool:
    """`is_variant` across the store, where a wrong link spreads: the last words hold the
    same letters (a transposition, "بزكشيان" / "بزشكيان") or one has a letter more, but
    not an Arabic family name; one letter for another ("ميلان" / "مولان") is left to a
    single article."""
    if letters_key(a) == letters_key(b):
        return is_variant(a, b, entity_type)
    last_a, last_b = a.split()[-1], b.split()[-1]
    if abs(len(last_a) - len(last_b)) != 1:
        return False
    # a letter more in an Arabic family name is another family ("العلي" / "العلوي")
    native = entity_type == "PER" and last_a.startswith("ال")
    return not native and is_variant(a, b, entity_type)


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
                entity_variants.c.letters.in_({bag for k in keys for bag in _letter_bags(k)}),
            )
        )
        .order_by(entities.c.first_seen, entity_variants.c.entity_id, entity_variants.c.variant_key)
    ).all()


def lookup_keys(entity_type: str, names: Iterable[str]) -> set[str]:
    """The keys a name is looked up by: its own, and for a person the other spellings of
    its compounds."""
    keys = set(names)
    if entity_type == "PER":
        keys |= {spelling for name_key in keys for spelling in compound_spellings(name_key)}
    return keys


def is_gazetteer_id(entity_id: str | None) -> bool:
    """Ids from the gazetteers (Wikidata "Q142", "geonames:...", "cldr:...") name one known
    referent; the others ("per:...", "org:...") are hashes of a name found in text."""
    return bool(entity_id) and not entity_id.startswith(HASHED_ID_PREFIXES)


def _words(name_key: str) -> list[str]:
    """A name in words, a person's compound counting as one ("عبد الرحمن")."""
    return joined_compounds(name_key).split()


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
    if is_gazetteer_id(entity.id):
        # two known places are never one: "باريس", stored as a spelling of France where an
        # article used the capital for its country, does not draw the city there elsewhere
        rows = [row for row in rows if not is_gazetteer_id(row.entity_id) or row.entity_id == entity.id]
    own = [words for k in keys if len(words := _words(k)) > 1]  # full names, two words or more
    rows = _same_referents(conn, entity.type, own, rows)
    matched = [(row, "stored spelling") for row in rows if row.variant_key in keys]
    matched += [
        (row, "spelling variant of stored")
        for row in rows
        if any(_store_variant(k, row.variant_key, entity.type) for k in keys)
    ]
    if entity.type == "PER":
        matched += [
            (row, "fuller or shorter name of stored")
            for row in rows
            if len(stored_words := _words(row.variant_key)) > 1
            and any(len(words) != len(stored_words) and _same_full_name(words, stored_words) for words in own)
        ]
    found += [
        (row.entity_id, f"{reason} {row.variant}") for row, reason in _without_shared_one_word_names(matched)
    ]
    found += _surname_owner(conn, entity, keys)
    return found


def _same_referents(
    conn: Connection, entity_type: str, full_names_of_entity: list[list[str]], rows: list
) -> list:
    """The rows of stored entities whose fullest names (two words or more, `_fullest`) agree
    with one of this entity's (`_agree`). A stored entity whose full names all disagree is
    another referent, whatever short form or head noun the two share: "رياض المالكي" and
    "تركي المالكي" (both "المالكي"), "الهيئة الملكية" and "الهيئة العامة للغذاء" (both
    "الهيئة")."""
    own = _fullest(full_names_of_entity, entity_type)
    ids = {row.entity_id for row in rows}
    if not own or not ids:
        return rows
    full_names: dict[str, list[list[str]]] = {}
    for entity_id, variant_key in conn.execute(
        select(entity_variants.c.entity_id, entity_variants.c.variant_key).where(
            entity_variants.c.entity_id.in_(ids), entity_variants.c.entity_type == entity_type
        )
    ):
        if len(words := _words(variant_key)) > 1:
            full_names.setdefault(entity_id, []).append(words)
    agreeing = {
        entity_id
        for entity_id in ids
        if entity_id not in full_names
        or any(_agree(a, b, entity_type) for a in own for b in _fullest(full_names[entity_id], entity_type))
    }
    return [row for row in rows if row.entity_id in agreeing]


def _fullest(names: list[list[str]], entity_type: str) -> list[list[str]]:
    """The names no other of the list holds as a shorter form: "الاتحاد الدولي لكرة القدم",
    not its "الاتحاد الدولي", which another federation shares."""
    return [
        a for a in names if not any(len(b) > len(a) and _same_full_name(a, b, entity_type) for b in names)
    ]


def _same_full_name(a: list[str], b: list[str], entity_type: str = "PER") -> bool:
    """Two full names of one referent: the same, spelling variants, or the longer one the
    shorter with words put in. For a person the given and family names stay first and
    last and the shorter name has no "بن": "صالح بن أحمد الرصاص" is "صالح الرصاص", but
    "مريم نواز شريف" is Nawaz Sharif's daughter and "فيصل بن بندر بن عبدالعزيز" the
    grandson of "فيصل بن عبدالعزيز"'s father. For other kinds the head noun stays first
    ("الهيئة العامة للغذاء" is "الهيئة العامة للغذاء والدواء")."""
    short, long = sorted((a, b), key=len)
    if len(short) == len(long):
        return short == long or is_variant(" ".join(short), " ".join(long), entity_type)
    rest = iter(long)
    in_order = short[0] == long[0] and all(word in rest for word in short)
    if entity_type != "PER":
        return in_order
    return in_order and short[-1] == long[-1] and not PATRONYMIC_PARTICLES.intersection(short)


def _agree(a: list[str], b: list[str], entity_type: str) -> bool:
    """Names that may stand for one referent: the same full name (`_same_full_name`), or a
    person's short form of the other ("أبو الفتوح" of "عبد المنعم أبو الفتوح", as
    `resolve.is_short_form` reads it within an article)."""
    if _same_full_name(a, b, entity_type):
        return True
    short, long = sorted((a, b), key=len)
    return (
        entity_type == "PER"
        and len(short) < len(long)
        and is_short_form(" ".join(short), " ".join(long), "PER")
    )


def _without_shared_one_word_names(matched: list) -> list:
    """Matches through a one-word name count only when one stored entity carries it."""
    one_word = [row for row, _ in matched if len(_words(row.variant_key)) == 1]
    if len({row.entity_id for row in one_word}) < 2:
        return matched
    return [(row, reason) for row, reason in matched if len(_words(row.variant_key)) > 1]


def _common_given_name(word: str) -> bool:
    """A given name common in the news ("محمد", "سلمان") is too many people's to stand for
    one by itself; a rarer one is often a family name too ("عثمان", "شاكر")."""
    return word in shipped_given_names() and shipped_lexicon().band(word) >= COMMON_GIVEN_NAME_BAND


def _surname_owner(conn: Connection, entity: Entity, keys: set[str]) -> list[tuple[str, str]]:
    """A one-word person name, unless a common given name, joins the single stored person whose
    name ends with it as a family name; after "بن" it is a father's name ("عبدالعزيز" in
    "سلمان بن عبدالعزيز")."""
    if entity.type != "PER" or any(len(_words(k)) > 1 or _common_given_name(k) for k in keys):
        return []
    rows = conn.execute(
        select(entity_variants.c.entity_id, entity_variants.c.variant_key)
        .where(entity_variants.c.last_word.in_(keys))
        .where(entity_variants.c.entity_type == "PER")
        .limit(MAX_SURNAME_ROWS)
    ).all()
    if len(rows) == MAX_SURNAME_ROWS:
        return []  # a name this many stored spellings end with is nobody in particular
    owners = {
        row.entity_id
        for row in rows
        if len(words := row.variant_key.split()) < 2 or words[-2] not in PATRONYMIC_PARTICLES
    }
    if len(owners) != MAX_SURNAME_OWNERS:
        return []
    return [(owners.pop(), "surname of the only stored person with it")]


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
        keys = lookup_keys(entity.type, names)
        variants = _stored_variants(conn, keys)
        candidates = _candidates(conn, entity, keys, stored, variants)
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
            _count_name(conn, entity_id, entity.name)
        stored_ids.append(entity_id)
    if links:
        conn.execute(article_entities.insert(), links)
    return stored_ids


def _count_name(conn: Connection, entity_id: str, name: str) -> None:
    """One more article calls the entity `name`; the entity takes the name once more articles
    use it than its present one (on a tie the present name stays, so names do not flip)."""
    counted = conn.execute(
        entity_names.update()
        .where(entity_names.c.entity_id == entity_id, entity_names.c.name == name)
        .values(articles=entity_names.c.articles + 1)
    ).rowcount
    if not counted:
        conn.execute(entity_names.insert(), {"entity_id": entity_id, "name": name, "articles": 1})
    current = conn.execute(select(entities.c.name).where(entities.c.id == entity_id)).scalar_one()
    if current == name:
        return
    rows = conn.execute(
        select(entity_names.c.name, entity_names.c.articles).where(
            entity_names.c.entity_id == entity_id, entity_names.c.name.in_([current, name])
        )
    )
    uses = {row.name: row.articles for row in rows}
    if uses.get(name, 0) > uses.get(current, 0):
        conn.execute(entities.update().where(entities.c.id == entity_id).values(name=name))


def relink_entities(conn: Connection, progress: Callable[[int], None] | None = None) -> tuple[int, int]:
    """Link every stored article's entities again, oldest ingest first, with this version's
    rules: the links, variants and evidence are rebuilt from the articles' own entities,
    which stay as they are. One transaction (the caller's), so a failure keeps the old
    links. Returns (articles, entities); `progress` is called with each article's count."""
    from marsad.store.schema import articles

    conn.execute(article_entities.delete())
    conn.execute(entity_variants.delete())
    conn.execute(entity_names.delete())
    conn.execute(entities.delete())
    rows = conn.execute(
        select(articles.c.id, articles.c.entities).order_by(articles.c.ingested_at, articles.c.id)
    )
    count = 0
    for article_id, found in rows.all():  # a JSON column: lists on SQLite and PostgreSQL alike
        store_entities(conn, article_id, [_entity_of(item) for item in found or [] if isinstance(item, dict)])
        count += 1
        if progress:
            progress(count)
    return count, conn.execute(select(func.count()).select_from(entities)).scalar_one()


def _entity_of(item: dict) -> Entity:
    return Entity(
        name=str(item.get("name") or ""),
        type=str(item.get("type") or "MISC"),
        mentions=[str(m) for m in item.get("mentions") or [] if m],
        id=item.get("id"),
        evidence=[str(e) for e in item.get("evidence") or []],
    )


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
    """Ids of stored entities with this name or variant (normalised; a compound written
    apart or together), or this id."""
    by_id = conn.execute(select(entities.c.id).where(entities.c.id == name)).scalars().all()
    keys = lookup_keys("PER", [key(name)])
    by_variant = (
        conn.execute(
            select(entity_variants.c.entity_id).where(entity_variants.c.variant_key.in_(keys)).distinct()
        )
        .scalars()
        .all()
    )
    return list(dict.fromkeys([*by_id, *by_variant]))


def entity_details(conn: Connection, entity_id: str) -> dict | None:
    from marsad.store.schema import articles

    row = conn.execute(select(entities).where(entities.c.id == entity_id)).mappings().first()
    if row is None:
        return None
    variants = conn.execute(
        select(entity_variants.c.variant, entity_variants.c.evidence).where(
            entity_variants.c.entity_id == entity_id
        )
    ).all()
    linked = conn.execute(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.source,
            articles.c.published,
            article_entities.c.mentions,
        )
        .join(article_entities, article_entities.c.article_id == articles.c.id)
        .where(article_entities.c.entity_id == entity_id)
        .order_by(articles.c.published.desc(), articles.c.id)
    ).all()
    names = conn.execute(
        select(entity_names.c.name, entity_names.c.articles)
        .where(entity_names.c.entity_id == entity_id)
        .order_by(entity_names.c.articles.desc(), entity_names.c.name)
    ).all()
    return {
        **dict(row),
        "variants": [{"variant": v.variant, "evidence": v.evidence} for v in variants],
        "names": [{"name": n.name, "articles": n.articles} for n in names],
        "articles": [dict(a._mapping) for a in linked],
    }

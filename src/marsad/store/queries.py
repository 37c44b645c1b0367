"""Read queries for the API, the web pages and the exports: filters, pagination, facets.

SQLAlchemy Core with bound parameters only, on SQLite and PostgreSQL alike. Entities,
quotes and events are read from the articles' JSON columns (`json_each` on SQLite,
`json_array_elements` on PostgreSQL), so their pages work on any store that has them.
An entity page also covers the articles the store linked to the same entity under
other names (`marsad.store.entities`: "ترامب" and "دونالد ترامب", "عبد الرحمن" and
"عبدالرحمن"), when the store has those links.

Stories are optional: they are read when the store has a `stories` table (with an `id`
column, and optionally `title`) and a table linking `story_id` to `article_id` (the
contract with `marsad.store.stories`); without them every story query answers "none".
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    MetaData,
    Table,
    column,
    exists,
    func,
    inspect,
    literal_column,
    or_,
    select,
    table,
    true,
)

from marsad.knowledge import key
from marsad.store.entities import article_entities, entities, entity_variants, is_gazetteer_id, lookup_keys
from marsad.store.repo import get_article
from marsad.store.schema import articles
from marsad.store.search import (
    BODY_WEIGHT,
    STEM_WEIGHT,
    TITLE_WEIGHT,
    _fts5_query,
    _pg_query,
    make_snippet,
    query_terms,
)
from marsad.stories.similar import describe, most_similar

# Page size cap: 100 article summaries are ~100 KB of JSON, enough for any screen.
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
# OFFSET costs time linear in its value; past this, callers should narrow their filters.
MAX_OFFSET = 10_000
# Characters of body shown under a headline in lists.
LEAD_CHARS = 220
# An entity page reads at most this many of the entity's newest quotes and events.
ENTITY_QUOTES = 50
ENTITY_EVENTS = 200
# Rows read to collect an entity's spelling variants (newest first).
ENTITY_VARIANT_ROWS = 2_000
# Stored spellings an entity page lists with the reasons they were linked.
ENTITY_EVIDENCE_ROWS = 100
# Events that put two participants face to face or on the line: the "who met whom" list.
INTERACTION_TYPES = frozenset({"meeting", "call", "visit", "agreement"})
# Similar articles: how many profile stems make the candidate query, and how many
# candidates are compared in full (each comparison fingerprints a body, ~5 ms).
SIMILAR_QUERY_STEMS = 10
SIMILAR_CANDIDATES = 30
SIMILAR_MAX = 20
# Rows fetched per round trip when streaming an export.
EXPORT_BATCH = 500
# The table `marsad.store.stories` keeps story memberships in.
MEMBERS_TABLE = "story_articles"
FACET_FIELDS = ("source", "section", "language", "month")
NON_WORD = re.compile(r"[^\w]")


@dataclass(frozen=True)
class Window:
    """One page of results: `limit` rows after skipping `offset`, both clamped to the caps."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0

    @classmethod
    def of(cls, limit: int | None = None, offset: int | None = None) -> Window:
        limit = DEFAULT_LIMIT if limit is None else limit
        return cls(max(1, min(limit, MAX_LIMIT)), max(0, min(offset or 0, MAX_OFFSET)))


@dataclass(frozen=True)
class ArticleFilter:
    source: str | None = None
    section: str | None = None
    language: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    entity: str | None = None  # canonical entity name


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    participant: str | None = None
    place: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive


@dataclass
class Paged:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


@dataclass
class SearchResult(Paged):
    query: str = ""
    terms: list[str] = field(default_factory=list)
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


# ---------------------------------------------------------------- JSON columns, per dialect


def _is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def _elements(conn: Connection, json_column, name: str, path: str | None = None):
    """The elements of a JSON array as a table with one column, `value`."""
    if _is_sqlite(conn):
        args = (json_column,) if path is None else (json_column, f"$.{path}")
        return func.json_each(*args).table_valued("value").alias(name)
    if path is None:
        return func.json_array_elements(json_column).table_valued("value").alias(name)
    return func.json_array_elements_text(json_column.op("->")(path)).table_valued("value").alias(name)


def _field(conn: Connection, value, key: str):
    """A scalar field of a JSON object, as text."""
    if _is_sqlite(conn):
        return func.json_extract(value, f"$.{key}")
    return value.op("->>")(key)


def _loaded(value: Any) -> Any:
    """SQLite hands JSON elements back as text, psycopg as Python objects."""
    return json.loads(value) if isinstance(value, str) else value


# ---------------------------------------------------------------- articles


def _summary_columns():
    return (
        articles.c.id,
        articles.c.title,
        articles.c.source,
        articles.c.published,
        articles.c.section,
        articles.c.language,
        articles.c.dateline,
        func.substr(articles.c.text, 1, LEAD_CHARS).label("lead"),
    )


def _newest_first():
    return (articles.c.published.desc().nulls_last(), articles.c.id)


def _next_day(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


@dataclass
class EntityGroup:
    """What one entity's page covers: the stored entities its name stands for and every
    name the articles linked to them gave them ("ترامب", "دونالد ترامب")."""

    ids: list[str]
    names: set[str]


def stored_entity_ids(conn: Connection, name: str) -> list[str]:
    """The stored entities called `name`; failing that, the one stored entity with it as a
    variant (a compound written apart or together), if only one has it."""
    named = conn.execute(select(entities.c.id).where(entities.c.name == name)).scalars().all()
    if named:
        return list(named)
    keys = lookup_keys("PER", [key(name)])
    owners = (
        conn.execute(
            select(entity_variants.c.entity_id)
            .where(entity_variants.c.variant_key.in_(keys))
            .distinct()
            .limit(2)
        )
        .scalars()
        .all()
    )
    return list(owners) if len(owners) == 1 else []


def _linked_articles(ids: list[str]) -> ColumnElement[bool]:
    """Articles the store linked to one of these entities."""
    return articles.c.id.in_(
        select(article_entities.c.article_id).where(article_entities.c.entity_id.in_(ids))
    )


def entity_group(conn: Connection, name: str) -> EntityGroup:
    """The entity `name` stands for: in its linked articles (newest `ENTITY_VARIANT_ROWS`),
    the names of the article entities the store matched to it (same key and type)."""
    ids = stored_entity_ids(conn, name)
    names = {name}
    if ids:
        keys = set(
            conn.execute(
                select(entity_variants.c.variant_key, entity_variants.c.entity_type).where(
                    entity_variants.c.entity_id.in_(ids)
                )
            ).tuples()
        )
        rows = conn.execute(
            select(articles.c.entities)
            .where(_linked_articles(ids))
            .order_by(*_newest_first())
            .limit(ENTITY_VARIANT_ROWS)
        ).scalars()
        for found in rows:
            for entity in _loaded(found) or []:
                if isinstance(entity, dict) and _is_member(entity, ids, keys):
                    names.add(entity["name"])
    return EntityGroup(ids, names)


def _is_member(entity: dict[str, Any], ids: list[str], keys: set[tuple[str, str]]) -> bool:
    """Whether an article's entity is one of the stored ones: its id, or one of their
    spellings and type unless a gazetteer id says it is another referent (a city named
    where its country is, "موسكو" beside "روسيا")."""
    entity_id = entity.get("id")
    if entity_id in ids:
        return True
    named = (key(str(entity.get("name") or "")), entity.get("type")) in keys
    return named and not is_gazetteer_id(entity_id)


def has_entity(conn: Connection, name: str | EntityGroup) -> ColumnElement[bool]:
    """Articles the store linked to the entity, whatever they called it; on a store without
    links, the articles naming it so. (Not every article with one of its names: another
    "المالكي" is linked elsewhere.)"""
    group = _group(conn, name)
    if group.ids:
        return _linked_articles(group.ids)
    entity = _elements(conn, articles.c.entities, "ent")
    return exists().select_from(entity).where(_field(conn, entity.c.value, "name").in_(group.names))


def _in_articles_of(group: EntityGroup) -> list[ColumnElement[bool]]:
    """The condition that keeps a quote or event to the entity's linked articles, if any."""
    return [_linked_articles(group.ids)] if group.ids else []


def _article_conditions(conn: Connection, flt: ArticleFilter) -> list[ColumnElement[bool]]:
    conditions = []
    for name in ("source", "section", "language"):
        value = getattr(flt, name)
        if value:
            conditions.append(articles.c[name] == value)
    if flt.date_from:
        conditions.append(articles.c.published >= flt.date_from.isoformat())
    if flt.date_to:
        conditions.append(articles.c.published < _next_day(flt.date_to))
    if flt.entity:
        conditions.append(has_entity(conn, flt.entity))
    return conditions


def _count(conn: Connection, query) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())


def _paged(conn: Connection, query, window: Window) -> Paged:
    rows = conn.execute(query.limit(window.limit).offset(window.offset)).mappings().all()
    return Paged([dict(row) for row in rows], _count(conn, query), window.limit, window.offset)


def list_articles(conn: Connection, flt: ArticleFilter, window: Window) -> Paged:
    query = select(*_summary_columns()).where(*_article_conditions(conn, flt)).order_by(*_newest_first())
    return _paged(conn, query, window)


def article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """A stored article with its story (when stories are stored), or None."""
    row = get_article(conn, article_id)
    if row is not None:
        row["story"] = story_of(conn, article_id)
    return row


def facet_values(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """Every source, section and language with its article count (indexed columns: cheap)."""
    facets = {}
    for name in ("source", "section", "language"):
        col = articles.c[name]
        rows = conn.execute(select(col, func.count()).where(col.is_not(None)).group_by(col).order_by(col))
        facets[name] = [{"value": value, "count": count} for value, count in rows]
    return facets


def iter_articles(conn: Connection, flt: ArticleFilter, max_rows: int) -> Iterator[dict[str, Any]]:
    """Full article rows, newest first, fetched in batches (for exports)."""
    query = select(articles).where(*_article_conditions(conn, flt)).order_by(*_newest_first())
    for offset in range(0, max_rows, EXPORT_BATCH):
        rows = conn.execute(query.limit(min(EXPORT_BATCH, max_rows - offset)).offset(offset)).mappings()
        batch = [dict(row) for row in rows]
        yield from batch
        if len(batch) < EXPORT_BATCH:
            return


# ---------------------------------------------------------------- search


@dataclass(frozen=True)
class _Match:
    """The full-text index of one engine, read for one query."""

    index: Any  # the index table
    article_id: Any  # its article id column
    condition: Any  # index rows matching the query
    rank: Any  # smaller is better
    tiebreak: Any  # a cheap stable order among equal ranks

    def joined(self):
        return self.index.join(articles, articles.c.id == self.article_id)


def _match(conn: Connection, terms: list[str]) -> _Match:
    if _is_sqlite(conn):
        fts = table("articles_fts", column("article_id"))
        index = literal_column("articles_fts")
        rank = func.bm25(index, 0, TITLE_WEIGHT, BODY_WEIGHT, STEM_WEIGHT)
        condition = index.op("MATCH")(_fts5_query(terms))
        # The rowid, not article_id: reading an UNINDEXED FTS5 column for every match is slow.
        return _Match(fts, fts.c.article_id, condition, rank, literal_column("articles_fts.rowid"))
    search_table = table("article_search", column("article_id"), column("document"))
    tsquery = func.to_tsquery("simple", _pg_query(terms))
    condition = search_table.c.document.op("@@")(tsquery)
    rank = -func.ts_rank(search_table.c.document, tsquery)
    return _Match(search_table, search_table.c.article_id, condition, rank, search_table.c.article_id)


def _ranked(conn: Connection, match: _Match, conditions: list[ColumnElement[bool]], window: Window) -> list:
    """One page of hits, best first. Without article filters the index alone ranks and only the
    page's articles are read, in a second query: reading every matching row (or ranking inside
    a subquery, which SQLite materialises with every column) costs most of a broad query's time."""
    columns = (*_summary_columns(), articles.c.text)
    if conditions:
        query = (
            select(*columns, match.rank.label("rank"))
            .select_from(match.joined())
            .where(match.condition, *conditions)
            .order_by(match.rank, articles.c.id)
        )
        return conn.execute(query.limit(window.limit).offset(window.offset)).mappings().all()
    top = (
        select(match.article_id, match.rank)
        .where(match.condition)
        .order_by(match.rank, match.tiebreak)
        .limit(window.limit)
        .offset(window.offset)
    )
    ranks = {article_id: rank for article_id, rank in conn.execute(top)}
    rows = conn.execute(select(*columns).where(articles.c.id.in_(list(ranks)))).mappings()
    return sorted(
        ({**row, "rank": ranks[row["id"]]} for row in rows), key=lambda row: (row["rank"], row["id"])
    )


def search_articles(conn: Connection, text: str, flt: ArticleFilter, window: Window) -> SearchResult:
    """Ranked hits with snippets, the total, and facet counts over every match."""
    terms = query_terms(text)
    if not terms or (not _is_sqlite(conn) and not _pg_query(terms)):
        return SearchResult([], 0, window.limit, window.offset, query=text, terms=terms, facets={})
    match = _match(conn, terms)
    conditions = _article_conditions(conn, flt)
    items = [_search_item(row, terms) for row in _ranked(conn, match, conditions, window)]
    total, facets = _facets(conn, match.joined(), [match.condition, *conditions])
    return SearchResult(items, total, window.limit, window.offset, query=text, terms=terms, facets=facets)


def _search_item(row, terms: list[str]) -> dict[str, Any]:
    item = {
        key: row[key] for key in ("id", "title", "source", "published", "section", "language", "dateline")
    }
    snippet, spans = make_snippet(row["text"], terms)
    item.update(score=-float(row["rank"]), snippet=snippet, highlights=[list(span) for span in spans])
    return item


def _facets(conn: Connection, joined, where) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """One pass over the matches, grouped by every facet at once, then folded per facet."""
    month = func.substr(articles.c.published, 1, 7).label("month")
    keys = (articles.c.source, articles.c.section, articles.c.language, month)
    query = select(*keys, func.count().label("n")).select_from(joined).where(*where).group_by(*keys)
    counters: dict[str, Counter] = {name: Counter() for name in FACET_FIELDS}
    total = 0
    for row in conn.execute(query).mappings():
        total += row["n"]
        for name in FACET_FIELDS:
            if row[name] is not None:
                counters[name][row[name]] += row["n"]
    facets = {name: _facet_list(counter, by_value=name == "month") for name, counter in counters.items()}
    return total, facets


def _facet_list(counter: Counter, by_value: bool) -> list[dict[str, Any]]:
    if by_value:
        pairs = sorted(counter.items(), reverse=True)
    else:
        pairs = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"value": value, "count": count} for value, count in pairs]


# ---------------------------------------------------------------- similar articles


def _similar_match(conn: Connection, stems: list[str]) -> _Match:
    """Any of the stems, in the stems column of the index (bound as one parameter)."""
    if _is_sqlite(conn):
        quoted = " OR ".join('"{}"'.format(stem.replace('"', '""')) for stem in stems)
        fts, index = table("articles_fts", column("article_id")), literal_column("articles_fts")
        condition, rank = index.op("MATCH")(f"stems : ({quoted})"), func.bm25(index, 0, 0.0, 0.0, 1.0)
        return _Match(fts, fts.c.article_id, condition, rank, literal_column("articles_fts.rowid"))
    safe = [NON_WORD.sub("", stem) for stem in stems]
    search_table = table("article_search", column("article_id"), column("document"))
    tsquery = func.to_tsquery("simple", " | ".join(s for s in safe if s))
    condition = search_table.c.document.op("@@")(tsquery)
    rank = -func.ts_rank(search_table.c.document, tsquery)
    return _Match(search_table, search_table.c.article_id, condition, rank, search_table.c.article_id)


def similar_articles(conn: Connection, article_id: str, k: int = 10) -> list[dict[str, Any]] | None:
    """The stored articles most like this one (None when the article is unknown)."""
    row = get_article(conn, article_id)
    if row is None:
        return None
    doc = describe(row)
    stems = [stem for stem in list(doc.terms)[:SIMILAR_QUERY_STEMS] if NON_WORD.sub("", stem)]
    if not stems:
        return []
    match = _similar_match(conn, stems)
    ids = select(match.article_id).where(match.condition).order_by(match.rank).limit(SIMILAR_CANDIDATES + 1)
    candidates = conn.execute(select(articles).where(articles.c.id.in_(ids.scalar_subquery()))).mappings()
    by_id = {cand["id"]: dict(cand) for cand in candidates}
    scored = most_similar(doc, [describe(cand) for cand in by_id.values()], k=max(1, min(k, SIMILAR_MAX)))
    return [_similar_item(by_id[other.id], sim.score) for other, sim in scored]


def _similar_item(row: dict[str, Any], score: float) -> dict[str, Any]:
    keys = ("id", "title", "source", "published", "section", "language", "dateline")
    return {**{key: row[key] for key in keys}, "lead": row["text"][:LEAD_CHARS], "score": round(score, 4)}


# ---------------------------------------------------------------- entities


def list_entities(conn: Connection, kind: str | None, contains: str | None, window: Window) -> Paged:
    """Entities by the number of articles naming them (most first): the store's entities,
    each under the name most of its articles give it, with every article linked to it whatever it
    called it; on a store without entity links, the names in the articles."""
    if conn.execute(select(article_entities.c.entity_id).limit(1)).first() is None:
        return _named_entities(conn, kind, contains, window)
    count = func.count(func.distinct(article_entities.c.article_id))
    query = select(
        entities.c.name.label("name"), func.min(entities.c.type).label("type"), count.label("articles")
    ).select_from(entities.join(article_entities, article_entities.c.entity_id == entities.c.id))
    if kind:
        query = query.where(entities.c.type == kind)
    if contains:
        spelt = select(entity_variants.c.entity_id).where(
            entity_variants.c.variant.contains(contains, autoescape=True)
        )
        query = query.where(
            or_(entities.c.name.contains(contains, autoescape=True), entities.c.id.in_(spelt))
        )
    query = query.group_by(entities.c.name).order_by(literal_column("articles").desc(), entities.c.name)
    return _paged(conn, query, window)


def _named_entities(conn: Connection, kind: str | None, contains: str | None, window: Window) -> Paged:
    entity = _elements(conn, articles.c.entities, "ent")
    name, kind_col = _field(conn, entity.c.value, "name"), _field(conn, entity.c.value, "type")
    query = select(
        name.label("name"),
        func.min(kind_col).label("type"),
        func.count(func.distinct(articles.c.id)).label("articles"),
    ).select_from(articles.join(entity, true()))
    query = query.where(name.is_not(None))
    if kind:
        query = query.where(kind_col == kind)
    if contains:
        query = query.where(name.contains(contains, autoescape=True))
    query = query.group_by(name).order_by(literal_column("articles").desc(), name)
    return _paged(conn, query, window)


def entity_profile(conn: Connection, name: str) -> dict[str, Any] | None:
    """Everything the entity page shows, or None when no article names the entity."""
    group = entity_group(conn, name)
    variants, types = _entity_variants(conn, group)
    if not types:
        return None
    events = entity_events(conn, group)[::-1]  # the newest ENTITY_EVENTS, told oldest first
    return {
        "name": name,
        "types": sorted(types),
        "variants": [{"text": text, "count": count} for text, count in variants.most_common()],
        "articles": int(
            conn.execute(
                select(func.count()).select_from(articles).where(has_entity(conn, group))
            ).scalar_one()
        ),
        "mentions_per_day": mentions_per_day(conn, group),
        "quotes": entity_quotes(conn, group),
        "events": events,
        "met": who_met(group.names, events, _stored_names(conn, events)),
        "evidence": link_evidence(conn, group),
    }


def link_evidence(conn: Connection, group: EntityGroup) -> list[dict[str, str]]:
    """The stored spellings of the entity and why each was linked to it, for an audit."""
    rows = conn.execute(
        select(entity_variants.c.variant, entity_variants.c.evidence)
        .where(entity_variants.c.entity_id.in_(group.ids))
        .order_by(entity_variants.c.variant)
        .limit(ENTITY_EVIDENCE_ROWS)
    )
    return [{"variant": row.variant, "evidence": row.evidence} for row in rows]


def _stored_names(conn: Connection, events: list[dict[str, Any]]) -> dict[str, str]:
    """Participant name -> the name of the one stored entity it stands for, if any."""
    found: dict[str, str] = {}
    for other in {p for event in events for p in event.get("participants") or [] if p}:
        ids = stored_entity_ids(conn, other)
        if len(ids) == 1:
            found[other] = conn.execute(select(entities.c.name).where(entities.c.id == ids[0])).scalar_one()
    return found


def _group(conn: Connection, name: str | EntityGroup) -> EntityGroup:
    return entity_group(conn, name) if isinstance(name, str) else name


def _entity_variants(conn: Connection, group: EntityGroup) -> tuple[Counter, set[str]]:
    entity = _elements(conn, articles.c.entities, "ent")
    query = (
        select(entity.c.value)
        .select_from(articles.join(entity, true()))
        .where(_field(conn, entity.c.value, "name").in_(group.names), *_in_articles_of(group))
        .order_by(*_newest_first())
        .limit(ENTITY_VARIANT_ROWS)
    )
    variants: Counter = Counter()
    types = set()
    for (value,) in conn.execute(query):
        value = _loaded(value)
        types.add(value.get("type") or "MISC")
        variants.update(str(m) for m in value.get("mentions") or [] if m)
    return variants, types


def mentions_per_day(conn: Connection, name: str | EntityGroup) -> list[dict[str, Any]]:
    """Articles naming the entity, per publication day (days without articles are left out)."""
    day = func.substr(articles.c.published, 1, 10).label("day")
    query = (
        select(day, func.count().label("count"))
        .where(has_entity(conn, name), articles.c.published.is_not(None))
        .group_by(day)
        .order_by(day)
    )
    return [{"day": row.day, "count": row.count} for row in conn.execute(query)]


def entity_quotes(
    conn: Connection, name: str | EntityGroup, limit: int = ENTITY_QUOTES
) -> list[dict[str, Any]]:
    group = _group(conn, name)
    quote = _elements(conn, articles.c.quotes, "quo")
    query = (
        select(articles.c.id, articles.c.title, articles.c.source, articles.c.published, quote.c.value)
        .select_from(articles.join(quote, true()))
        .where(_field(conn, quote.c.value, "speaker").in_(group.names), *_in_articles_of(group))
        .order_by(*_newest_first())
        .limit(limit)
    )
    return [_with_article(row) for row in conn.execute(query).mappings()]


def _with_article(row) -> dict[str, Any]:
    article_ref = {
        "id": row["id"],
        "title": row["title"],
        "source": row["source"],
        "published": row["published"],
    }
    return {**(_loaded(row["value"]) or {}), "article": article_ref}


def who_met(
    names: Collection[str], events: list[dict[str, Any]], stored_names: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Who the entity (known by `names`) met, called, visited or agreed with, most often
    first, with the last date. `stored_names` gives a participant's stored entity's name,
    so one person named two ways ("فلاديمير بوتن", "فلاديمير بوتين") is one row."""
    stored_names = stored_names or {}
    counts: Counter = Counter()
    last: dict[str, str] = {}
    kinds: dict[str, set[str]] = defaultdict(set)
    for event in events:
        if event.get("type") not in INTERACTION_TYPES:
            continue
        when = event.get("date") or event["article"]["published"] or ""
        others = {stored_names.get(other, other) for other in event.get("participants") or [] if other}
        for other in sorted(others):
            if other not in names:
                counts[other] += 1
                kinds[other].add(event["type"])
                last[other] = max(last.get(other, ""), when)
    order = sorted(counts, key=lambda other: (-counts[other], other))
    return [
        {"name": o, "count": counts[o], "types": sorted(kinds[o]), "last": last[o] or None} for o in order
    ]


# ---------------------------------------------------------------- events


def _event_query(conn: Connection, flt: EventFilter, group: EntityGroup | None = None):
    """Events matching the filter; a participant is the entity it names (`entity_group`),
    under any of its names, in the articles linked to it."""
    event = _elements(conn, articles.c.events, "evt")
    value = event.c.value
    when = func.coalesce(_field(conn, value, "date"), articles.c.published)
    query = select(
        articles.c.id, articles.c.title, articles.c.source, articles.c.published, articles.c.url, value
    ).select_from(articles.join(event, true()))
    conditions = _event_conditions(conn, value, when, flt)
    if group is None and flt.participant:
        group = entity_group(conn, flt.participant)
    if group is not None:
        member = _elements(conn, value, "who", path="participants")
        conditions.append(exists().select_from(member).where(member.c.value.in_(group.names)))
        conditions += _in_articles_of(group)
    return query.where(*conditions).order_by(when.desc().nulls_last(), articles.c.id)


def _event_conditions(conn: Connection, value, when, flt: EventFilter) -> list[ColumnElement[bool]]:
    conditions = []
    if flt.type:
        conditions.append(_field(conn, value, "type") == flt.type)
    if flt.place:
        conditions.append(_field(conn, value, "location") == flt.place)
    if flt.date_from:
        conditions.append(when >= flt.date_from.isoformat())
    if flt.date_to:
        conditions.append(when < _next_day(flt.date_to))
    return conditions


def list_events(conn: Connection, flt: EventFilter, window: Window) -> Paged:
    query = _event_query(conn, flt)
    rows = conn.execute(query.limit(window.limit).offset(window.offset)).mappings()
    items = [_with_article(row) for row in rows]
    return Paged(items, _count(conn, query), window.limit, window.offset)


def entity_events(
    conn: Connection, name: str | EntityGroup, limit: int = ENTITY_EVENTS
) -> list[dict[str, Any]]:
    query = _event_query(conn, EventFilter(), _group(conn, name)).limit(limit)
    return [_with_article(row) for row in conn.execute(query).mappings()]


def iter_events(conn: Connection, flt: EventFilter, max_rows: int) -> Iterator[dict[str, Any]]:
    """Events with their article reference and URL, newest first, in batches (for exports)."""
    query = _event_query(conn, flt)
    for offset in range(0, max_rows, EXPORT_BATCH):
        rows = conn.execute(query.limit(min(EXPORT_BATCH, max_rows - offset)).offset(offset)).mappings().all()
        for row in rows:
            event = _with_article(row)
            event["article"]["url"] = row["url"]
            yield event
        if len(rows) < EXPORT_BATCH:
            return


# ---------------------------------------------------------------- stories (when stored)


@dataclass(frozen=True)
class StoryTables:
    stories: Table
    members: Table


def story_tables(conn: Connection) -> StoryTables | None:
    """The stories table and its article links (`story_articles`, else any table linking
    `story_id` to `article_id`); None when the store holds no stories."""
    inspector = inspect(conn)
    names = inspector.get_table_names()
    if "stories" not in names:
        return None
    linking = [MEMBERS_TABLE] if MEMBERS_TABLE in names else sorted(names)
    for name in linking:
        columns = {col["name"] for col in inspector.get_columns(name)}
        if name != "stories" and {"story_id", "article_id"} <= columns:
            meta = MetaData()
            return StoryTables(
                Table("stories", meta, autoload_with=conn), Table(name, meta, autoload_with=conn)
            )
    return None


def _story_key(tables: StoryTables, raw: str) -> Any:
    """A story id from a URL, typed like the stored ids (None when it cannot be one)."""
    try:
        python_type = tables.members.c.story_id.type.python_type
    except NotImplementedError:
        return raw
    if python_type is int:
        return int(raw) if raw.isdigit() and len(raw) < 19 else None
    return raw


def _story_rollup(tables: StoryTables, min_size: int):
    members = tables.members
    return (
        select(
            members.c.story_id.label("id"),
            func.count().label("size"),
            func.count(func.distinct(articles.c.source)).label("outlets"),
            func.min(articles.c.published).label("first"),
            func.max(articles.c.published).label("last"),
        )
        .select_from(members.join(articles, articles.c.id == members.c.article_id))
        .group_by(members.c.story_id)
        .having(func.count() >= min_size)
    )


def list_stories(conn: Connection, window: Window, min_size: int = 1) -> Paged:
    """Stories of at least `min_size` articles, latest first, with outlet counts (none if not stored)."""
    tables = story_tables(conn)
    if tables is None:
        return Paged([], 0, window.limit, window.offset)
    rollup = _story_rollup(tables, min_size).order_by(
        literal_column("last").desc().nulls_last(), literal_column("id")
    )
    page = _paged(conn, rollup, window)
    ids = [item["id"] for item in page.items]
    titles, by_outlet = _story_titles(conn, tables, ids), _outlet_counts(conn, tables, ids)
    for item in page.items:
        item.update(title=titles.get(item["id"]), by_outlet=by_outlet.get(item["id"], []), id=str(item["id"]))
    return page


def _outlet_counts(conn: Connection, tables: StoryTables, ids: list[Any]) -> dict[Any, list[dict[str, Any]]]:
    members = tables.members
    query = (
        select(members.c.story_id, articles.c.source, func.count().label("n"))
        .select_from(members.join(articles, articles.c.id == members.c.article_id))
        .where(members.c.story_id.in_(ids))
        .group_by(members.c.story_id, articles.c.source)
        .order_by(members.c.story_id, literal_column("n").desc(), articles.c.source)
    )
    counts: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for story_id, source, n in conn.execute(query):
        counts[story_id].append({"source": source, "count": n})
    return counts


def _story_titles(conn: Connection, tables: StoryTables, ids: list[Any]) -> dict[Any, str | None]:
    """The stored story title, else the headline of the story's earliest article."""
    stories = tables.stories
    titles: dict[Any, str | None] = {}
    if "title" in stories.c:
        query = select(stories.c.id, stories.c.title).where(stories.c.id.in_(ids))
        titles = {story_id: title for story_id, title in conn.execute(query) if title}
    for story_id in ids:
        if story_id not in titles:
            members = _story_members(conn, tables, story_id)
            titles[story_id] = next((m["title"] for m in members if m["title"]), None)
    return titles


def _story_members(conn: Connection, tables: StoryTables, story_id: Any) -> list[dict[str, Any]]:
    members = tables.members
    query = (
        select(*_summary_columns(), articles.c.url)
        .select_from(members.join(articles, articles.c.id == members.c.article_id))
        .where(members.c.story_id == story_id)
        .order_by(articles.c.published.asc().nulls_last(), articles.c.id)
    )
    return [dict(row) for row in conn.execute(query).mappings()]


def story(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """A story's articles in time order (its timeline) and grouped by outlet; None if unknown."""
    tables = story_tables(conn)
    key = None if tables is None else _story_key(tables, story_id)
    if tables is None or key is None:
        return None
    members = _story_members(conn, tables, key)
    if not members:
        return None
    outlets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for member in members:
        outlets[member["source"] or ""].append(member)
    return {
        "id": story_id,
        "title": _story_titles(conn, tables, [key]).get(key),
        "size": len(members),
        "first": members[0]["published"],
        "last": max((m["published"] for m in members if m["published"]), default=None),
        "timeline": members,
        "by_outlet": [{"source": src or None, "articles": arts} for src, arts in sorted(outlets.items())],
    }


def story_of(conn: Connection, article_id: str) -> dict[str, Any] | None:
    tables = story_tables(conn)
    if tables is None:
        return None
    members = tables.members
    query = select(members.c.story_id).where(members.c.article_id == article_id).limit(1)
    story_id = conn.execute(query).scalar()
    if story_id is None:
        return None
    return {"id": str(story_id), "title": _story_titles(conn, tables, [story_id]).get(story_id)}


__all__ = [
    "ArticleFilter",
    "EventFilter",
    "Paged",
    "SearchResult",
    "Window",
]

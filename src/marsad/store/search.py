"""Arabic-aware full-text search: SQLite FTS5 by default, PostgreSQL tsvector by URL.

Neither engine normalises Arabic (FTS5 treats harakat as separators; PostgreSQL's
'arabic' configuration keeps و+ال prefixes), so Marsad indexes text already passed
through `arabic.normalize` plus a column of light stems, and normalises queries the
same way. Snippets are cut from the original text, not the folded one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, text

from marsad.arabic.normalize import normalize_word, tokens
from marsad.arabic.stem import light_stem, stems

# Column weights for ranking: a hit in the title counts three times a hit in the body,
# a hit on a stem only (a clitic or inflection differs) half as much.
TITLE_WEIGHT, BODY_WEIGHT, STEM_WEIGHT = 3.0, 1.0, 0.5
SNIPPET_WORDS = 24
MAX_QUERY_TERMS = 12
MAX_LIMIT = 200
WORD = re.compile(r"\S+")


@dataclass
class SearchHit:
    article_id: str
    title: str | None
    source: str | None
    published: str | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


def create_search_index(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                    "article_id UNINDEXED, title, body, stems, tokenize='unicode61 remove_diacritics 0')"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE TABLE IF NOT EXISTS article_search ("
                    "article_id VARCHAR(32) PRIMARY KEY REFERENCES articles(id), "
                    "document tsvector NOT NULL)"
                )
            )
            conn.execute(
                text("CREATE INDEX IF NOT EXISTS article_search_gin ON article_search USING gin(document)")
            )


def index_article(conn: Connection, article_id: str, title: str | None, body: str) -> None:
    """Index one newly stored article (callers index only rows they just inserted)."""
    title_n, body_n = " ".join(tokens(title)), " ".join(tokens(body))
    stem_text = " ".join(stems(f"{title or ''} {body}"))
    if conn.dialect.name == "sqlite":
        conn.execute(
            text("INSERT INTO articles_fts(article_id, title, body, stems) VALUES (:id, :t, :b, :s)"),
            {"id": article_id, "t": title_n, "b": body_n, "s": stem_text},
        )
        return
    conn.execute(
        text(
            "INSERT INTO article_search(article_id, document) VALUES (:id, "
            "setweight(to_tsvector('simple', :t), 'A') || setweight(to_tsvector('simple', :b), 'B') "
            "|| setweight(to_tsvector('simple', :s), 'D')) ON CONFLICT (article_id) DO NOTHING"
        ),
        {"id": article_id, "t": title_n, "b": body_n, "s": stem_text},
    )


def query_terms(query: str) -> list[str]:
    return list(dict.fromkeys(tokens(query)))[:MAX_QUERY_TERMS]


def _fts5_query(terms: list[str]) -> str:
    """Each term must match as a word or, failing that, by its light stem."""
    parts = []
    for term in terms:
        quoted = term.replace('"', '""')
        stem = light_stem(term).replace('"', '""')
        parts.append(f'("{quoted}" OR stems : "{stem}")')
    return " AND ".join(parts)


def _pg_query(terms: list[str]) -> str:
    parts = []
    for term in terms:
        safe_term = re.sub(r"[^\w]", "", term)
        safe_stem = re.sub(r"[^\w]", "", light_stem(term))
        if safe_term:
            parts.append(f"({safe_term} | {safe_stem})" if safe_stem else safe_term)
    return " & ".join(parts)


def search(conn: Connection, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    terms = query_terms(query)
    if not terms:
        return []
    limit = max(1, min(limit, MAX_LIMIT))
    rows = _sqlite_rows(conn, terms, limit, offset) if conn.dialect.name == "sqlite" else _pg_rows(
        conn, terms, limit, offset
    )
    return [_hit(row, terms) for row in rows]


def _sqlite_rows(conn: Connection, terms: list[str], limit: int, offset: int):
    sql = text(
        "SELECT a.id, a.title, a.text, a.source, a.published, "
        f"bm25(articles_fts, 0, {TITLE_WEIGHT}, {BODY_WEIGHT}, {STEM_WEIGHT}) AS rank "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id "
        "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
    )
    return conn.execute(sql, {"q": _fts5_query(terms), "limit": limit, "offset": offset}).all()


def _pg_rows(conn: Connection, terms: list[str], limit: int, offset: int):
    tsquery = _pg_query(terms)
    if not tsquery:
        return []
    sql = text(
        "SELECT a.id, a.title, a.text, a.source, a.published, "
        "-ts_rank(s.document, to_tsquery('simple', :q)) AS rank "
        "FROM article_search s JOIN articles a ON a.id = s.article_id "
        "WHERE s.document @@ to_tsquery('simple', :q) ORDER BY rank, a.id LIMIT :limit OFFSET :offset"
    )
    return conn.execute(sql, {"q": tsquery, "limit": limit, "offset": offset}).all()


def _hit(row, terms: list[str]) -> SearchHit:
    snippet, highlights = make_snippet(row.text, terms)
    return SearchHit(
        article_id=row.id,
        title=row.title,
        source=row.source,
        published=row.published,
        score=-float(row.rank),
        snippet=snippet,
        highlights=highlights,
    )


def _matches(word: str, terms: set[str], term_stems: set[str]) -> bool:
    folded = normalize_word(word)
    return bool(folded) and (folded in terms or light_stem(folded) in term_stems)


def make_snippet(body: str, terms: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of the original text around the first hit, with character spans of every hit."""
    words = list(WORD.finditer(body))
    term_set = set(terms)
    term_stems = {light_stem(term) for term in terms}
    hits = [i for i, m in enumerate(words) if _matches(m.group(), term_set, term_stems)]
    first = hits[0] if hits else 0
    start = max(0, first - SNIPPET_WORDS // 3)
    window = words[start : start + SNIPPET_WORDS]
    if not window:
        return "", []
    base = window[0].start()
    snippet = body[base : window[-1].end()]
    spans = [(m.start() - base, m.end() - base) for i, m in enumerate(window, start) if i in set(hits)]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    shift = len(prefix)
    return prefix + snippet + suffix, [(a + shift, b + shift) for a, b in spans]

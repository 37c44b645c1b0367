"""Atom feeds (a search, an entity, a section) and exports (articles, events)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import Connection

from marsad.export import articles as article_export
from marsad.export import events as event_export
from marsad.export.atom import Feed, atom_feed
from marsad.store import queries
from marsad.web.deps import MAX_TEXT, NO_CONTROL, Articles, Conn, EntityName, Events
from marsad.web.labels import SECTIONS, label

router = APIRouter(tags=["feeds and exports"])

ATOM_TYPE = "application/atom+xml; charset=utf-8"
# Entries per feed: readers poll often, so a feed holds only the latest articles.
FEED_ENTRIES = 50
# Rows per export request: 10,000 articles are ~50 MB of JSONL; `limit` can lower it.
EXPORT_MAX_ROWS = 10_000
EXPORT_DEFAULT_ROWS = 1_000
ExportLimit = Annotated[int, Query(ge=1, le=EXPORT_MAX_ROWS, description="rows to export, newest first")]


def _atom(
    request: Request, feed_id: str, title: str, page_path: str, items: list[dict[str, Any]]
) -> Response:
    base = str(request.base_url).rstrip("/")
    feed = Feed(id=feed_id, title=title, self_url=str(request.url), page_url=base + page_path)
    body = atom_feed(feed, items, lambda article_id: f"{base}/articles/{article_id}")
    return Response(body, media_type=ATOM_TYPE)


@router.get("/feeds/search", summary="Atom feed of a search", response_class=Response)
def search_feed(
    request: Request,
    conn: Conn,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, pattern=NO_CONTROL)],
):
    result = queries.search_articles(conn, q, queries.ArticleFilter(), queries.Window.of(FEED_ENTRIES))
    items = sorted(result.items, key=lambda item: item.get("published") or "", reverse=True)
    return _atom(
        request,
        f"urn:marsad:feed:search:{quote(q)}",
        f"مرصد: بحث «{q}»",
        "/search?" + urlencode({"q": q}),
        items,
    )


@router.get(
    "/feeds/entities/{name:path}",
    summary="Atom feed of an entity's articles",
    response_class=Response,
    responses={404: {"description": "no article names this entity"}},
)
def entity_feed(request: Request, conn: Conn, name: EntityName):
    page = queries.list_articles(conn, queries.ArticleFilter(entity=name), queries.Window.of(FEED_ENTRIES))
    if not page.items:
        raise HTTPException(404, "no article names this entity")
    return _atom(
        request,
        f"urn:marsad:feed:entity:{quote(name)}",
        f"مرصد: {name}",
        f"/entities/{quote(name, safe='')}",
        page.items,
    )


@router.get("/feeds/sections/{section}", summary="Atom feed of a section", response_class=Response)
def section_feed(
    request: Request, conn: Conn, section: Annotated[str, Path(max_length=32, pattern=r"^[A-Za-z0-9_-]+$")]
):
    page = queries.list_articles(
        conn, queries.ArticleFilter(section=section), queries.Window.of(FEED_ENTRIES)
    )
    title = f"مرصد: {label(SECTIONS, section)}"
    return _atom(
        request,
        f"urn:marsad:feed:section:{section}",
        title,
        "/articles?" + urlencode({"section": section}),
        page.items,
    )


def _stream(
    request: Request, rows: Callable[[Connection], Iterator[Any]], lines, media_type: str, filename: str
):
    """Stream `lines(rows(conn))` on a connection held for the life of the response."""

    def body() -> Iterator[bytes]:
        with request.app.state.engine.connect() as conn:
            for line in lines(rows(conn)):
                yield line.encode("utf-8")

    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(body(), media_type=media_type, headers=headers)


@router.get("/export/articles.jsonl", summary="articles as JSON lines", response_class=StreamingResponse)
def export_articles_jsonl(request: Request, flt: Articles, limit: ExportLimit = EXPORT_DEFAULT_ROWS):
    rows = partial(queries.iter_articles, flt=flt, max_rows=limit)
    return _stream(request, rows, article_export.jsonl_lines, "application/x-ndjson", "articles.jsonl")


@router.get("/export/articles.csv", summary="articles as CSV", response_class=StreamingResponse)
def export_articles_csv(request: Request, flt: Articles, limit: ExportLimit = EXPORT_DEFAULT_ROWS):
    rows = partial(queries.iter_articles, flt=flt, max_rows=limit)
    return _stream(request, rows, article_export.csv_lines, "text/csv; charset=utf-8", "articles.csv")


@router.get("/export/articles.parquet", summary="articles as Parquet", response_class=Response)
def export_articles_parquet(conn: Conn, flt: Articles, limit: ExportLimit = EXPORT_DEFAULT_ROWS):
    try:
        body = article_export.parquet_bytes(queries.iter_articles(conn, flt, limit))
    except article_export.MissingDependency as exc:
        raise HTTPException(501, str(exc)) from None
    headers = {"Content-Disposition": 'attachment; filename="articles.parquet"'}
    return Response(body, media_type="application/vnd.apache.parquet", headers=headers)


@router.get("/export/events.jsonl", summary="events as JSON lines", response_class=StreamingResponse)
def export_events_jsonl(request: Request, flt: Events, limit: ExportLimit = EXPORT_DEFAULT_ROWS):
    rows = partial(queries.iter_events, flt=flt, max_rows=limit)
    return _stream(request, rows, event_export.jsonl_lines, "application/x-ndjson", "events.jsonl")


@router.get("/export/events.tsv", summary="events as GDELT 2.0 event rows", response_class=StreamingResponse)
def export_events_gdelt(
    request: Request,
    flt: Events,
    limit: ExportLimit = EXPORT_DEFAULT_ROWS,
    header: Annotated[bool, Query(description="add a header line (GDELT files have none)")] = False,
):
    rows = partial(queries.iter_events, flt=flt, max_rows=limit)
    return _stream(
        request,
        rows,
        partial(event_export.gdelt_lines, header=header),
        "text/tab-separated-values; charset=utf-8",
        "events.tsv",
    )

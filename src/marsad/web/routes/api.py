"""The read API: every route validates its parameters, calls one query and returns a schema."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from marsad.store import queries
from marsad.store.repo import counts
from marsad.web import schemas
from marsad.web.deps import (
    MAX_TEXT,
    NO_CONTROL,
    ArticleId,
    Articles,
    Conn,
    EntityName,
    Events,
    Paging,
    StoryId,
    text_query,
)

router = APIRouter(prefix="/api", tags=["read"])

MAX_SIMILAR = queries.SIMILAR_MAX
NOT_FOUND = {404: {"description": "nothing stored under this id or name"}}


def _found(value, what: str):
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/stats", response_model=schemas.Stats, summary="what the store holds")
def stats(conn: Conn):
    return {**counts(conn), "stories": queries.story_tables(conn) is not None}


@router.get("/articles", response_model=schemas.ArticleList, summary="articles, newest first")
def list_articles(conn: Conn, flt: Articles, window: Paging):
    return asdict(queries.list_articles(conn, flt, window))


@router.get(
    "/articles/{article_id}", response_model=schemas.ArticleDetail, responses=NOT_FOUND, summary="one article"
)
def get_article(conn: Conn, article_id: ArticleId):
    return _found(queries.article(conn, article_id), "article")


@router.get(
    "/articles/{article_id}/similar",
    response_model=list[schemas.SimilarArticle],
    responses=NOT_FOUND,
    summary="similar articles",
)
def similar(conn: Conn, article_id: ArticleId, k: Annotated[int, Query(ge=1, le=MAX_SIMILAR)] = 10):
    return _found(queries.similar_articles(conn, article_id, k), "article")


@router.get("/search", response_model=schemas.SearchResults, summary="Arabic-normalised search with facets")
def search(
    conn: Conn,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, pattern=NO_CONTROL, description="query")],
    flt: Articles,
    window: Paging,
):
    return asdict(queries.search_articles(conn, q, flt, window))


@router.get(
    "/stories", response_model=schemas.StoryList, summary="stories, latest first (empty if none stored)"
)
def list_stories(
    conn: Conn,
    window: Paging,
    min_size: Annotated[
        int, Query(ge=1, le=1000, description="only stories of at least this many articles")
    ] = 1,
):
    return asdict(queries.list_stories(conn, window, min_size))


@router.get(
    "/stories/{story_id}",
    response_model=schemas.StoryDetail,
    responses=NOT_FOUND,
    summary="one story with every version",
)
def get_story(conn: Conn, story_id: StoryId):
    return _found(queries.story(conn, story_id), "story")


@router.get("/entities", response_model=schemas.EntityList, summary="entities by number of articles")
def list_entities(
    conn: Conn,
    window: Paging,
    type: Annotated[str | None, text_query("PER, LOC, ORG or MISC", max_length=8)] = None,
    contains: Annotated[str | None, text_query("part of the name")] = None,
):
    return asdict(queries.list_entities(conn, type or None, contains or None, window))


@router.get(
    "/entities/{name:path}",
    response_model=schemas.EntityDetail,
    responses=NOT_FOUND,
    summary="one entity: variants, quotes, events",
)
def get_entity(conn: Conn, name: EntityName):
    return _found(queries.entity_profile(conn, name), "entity")


@router.get("/events", response_model=schemas.EventList, summary="events, newest first")
def list_events(conn: Conn, flt: Events, window: Paging):
    return asdict(queries.list_events(conn, flt, window))

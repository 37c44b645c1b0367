"""The Arabic web pages: each route validates, calls the queries and renders one template."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from marsad.store import queries
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

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

# Home page: stories and latest articles shown.
HOME_STORIES = 12
# A story of one article is just an article (already in the latest list): the home page and
# the stories page show stories that several articles tell.
MIN_STORY_SIZE = 2
HOME_ARTICLES = 20
SIMILAR_SHOWN = 10


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def _found(value, what: str):
    if value is None:
        raise HTTPException(404, what)
    return value


@router.get("/")
def home(request: Request, conn: Conn):
    stories = queries.list_stories(conn, queries.Window.of(HOME_STORIES), MIN_STORY_SIZE)
    latest = queries.list_articles(conn, queries.ArticleFilter(), queries.Window.of(HOME_ARTICLES))
    return render(request, "home.html", stories=stories, latest=latest)


@router.get("/articles")
def articles(request: Request, conn: Conn, flt: Articles, window: Paging):
    page = queries.list_articles(conn, flt, window)
    return render(request, "articles.html", page=page, flt=flt, facets=queries.facet_values(conn))


@router.get("/articles/{article_id}")
def article(request: Request, conn: Conn, article_id: ArticleId):
    return render(
        request, "article.html", article=_found(queries.article(conn, article_id), "لا يوجد خبر بهذا المعرّف")
    )


@router.get("/articles/{article_id}/similar")
def similar(request: Request, conn: Conn, article_id: ArticleId):
    found = _found(queries.article(conn, article_id), "لا يوجد خبر بهذا المعرّف")
    items = queries.similar_articles(conn, article_id, SIMILAR_SHOWN) or []
    return render(request, "similar.html", article=found, items=items)


@router.get("/stories")
def stories(request: Request, conn: Conn, window: Paging):
    return render(request, "stories.html", page=queries.list_stories(conn, window, MIN_STORY_SIZE))


@router.get("/stories/{story_id}")
def story(request: Request, conn: Conn, story_id: StoryId):
    return render(
        request, "story.html", story=_found(queries.story(conn, story_id), "لا توجد قصة بهذا المعرّف")
    )


@router.get("/entities")
def entities(
    request: Request,
    conn: Conn,
    window: Paging,
    type: Annotated[str | None, text_query("PER, LOC, ORG or MISC", max_length=8)] = None,
    contains: Annotated[str | None, text_query("part of the name")] = None,
):
    page = queries.list_entities(conn, type or None, contains or None, window)
    return render(request, "entities.html", page=page, type=type or "", contains=contains or "")


@router.get("/entities/{name:path}")
def entity(request: Request, conn: Conn, name: EntityName):
    profile = _found(queries.entity_profile(conn, name), "لا يذكر أي خبر هذا الاسم")
    return render(request, "entity.html", entity=profile)


@router.get("/events")
def events(request: Request, conn: Conn, flt: Events, window: Paging):
    return render(request, "events.html", page=queries.list_events(conn, flt, window), flt=flt)


@router.get("/search")
def search(
    request: Request,
    conn: Conn,
    flt: Articles,
    window: Paging,
    q: Annotated[str, Query(max_length=MAX_TEXT, pattern=NO_CONTROL)] = "",
):
    result = queries.search_articles(conn, q, flt, window) if q.strip() else None
    return render(request, "search.html", q=q, result=result, flt=flt)

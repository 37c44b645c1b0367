"""Request parameters shared by the API, the pages, the feeds and the exports."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from pydantic import BeforeValidator
from sqlalchemy import Connection

from marsad.store.queries import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, ArticleFilter, EventFilter, Window

# Free-text parameters: bounded, and without control characters (PostgreSQL refuses NUL).
MAX_TEXT = 200
NO_CONTROL = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
ARTICLE_ID = r"^[0-9a-f]{1,32}$"
# Story ids are ASCII (JSON Schema's \w is ASCII-only, Python's is not: spell the class out).
STORY_ID = r"^[A-Za-z0-9_.-]+$"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    """Dates only as YYYY-MM-DD: pydantic alone would also read '0' as 1970-01-01."""
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


IsoDate = Annotated[date | None, BeforeValidator(_iso_day)]


def text_query(description: str, max_length: int = MAX_TEXT):
    return Query(max_length=max_length, pattern=NO_CONTROL, description=description)


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]


def window(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")] = 0,
) -> Window:
    return Window.of(limit, offset)


def article_filter(
    source: Annotated[str | None, text_query("outlet name, exactly as stored")] = None,
    section: Annotated[str | None, text_query("section code, e.g. politics")] = None,
    language: Annotated[str | None, text_query("ISO 639-1 code", max_length=8)] = None,
    date_from: Annotated[IsoDate, Query(description="published on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[IsoDate, Query(description="published on or before (YYYY-MM-DD)")] = None,
    entity: Annotated[str | None, text_query("canonical entity name the article mentions")] = None,
) -> ArticleFilter:
    return ArticleFilter(
        source or None, section or None, language or None, date_from, date_to, entity or None
    )


def event_filter(
    type: Annotated[str | None, text_query("event type, e.g. meeting", max_length=40)] = None,
    participant: Annotated[str | None, text_query("canonical name of a participant")] = None,
    place: Annotated[str | None, text_query("location, exactly as stored")] = None,
    date_from: Annotated[IsoDate, Query(description="on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[IsoDate, Query(description="on or before (YYYY-MM-DD)")] = None,
) -> EventFilter:
    return EventFilter(type or None, participant or None, place or None, date_from, date_to)


Paging = Annotated[Window, Depends(window)]
Articles = Annotated[ArticleFilter, Depends(article_filter)]
Events = Annotated[EventFilter, Depends(event_filter)]
ArticleId = Annotated[str, Path(pattern=ARTICLE_ID, description="article id (content hash)")]
EntityName = Annotated[
    str, Path(max_length=MAX_TEXT, pattern=NO_CONTROL, description="canonical entity name")
]
StoryId = Annotated[str, Path(max_length=64, pattern=STORY_ID, description="story id")]

"""`POST /ingest`: pages as plain text, HTML or JSONL, stored like `marsad ingest` stores them.

Off unless the server was started with a token; callers send `Authorization: Bearer <token>`.
The body is read with a size limit and split into at most `MAX_PAGES` pages. The app stores
what it is sent and never fetches a URL.
"""

from __future__ import annotations

import hmac
import io
from itertools import islice
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from marsad.errors import PageRejected
from marsad.model import Page
from marsad.run.local import outcome_of
from marsad.readers import read_stream
from marsad.readers.files import page_from_bytes
from marsad.readers.jsonl import read_jsonl
from marsad.store.repo import record_rejection, save_page
from marsad.web import schemas
from marsad.web.deps import NO_CONTROL
from marsad.web.security import INGEST_MAX_BODY

router = APIRouter(tags=["write"])
bearer = HTTPBearer(auto_error=False, description="the ingest token the server was started with")

# Pages per request: each is extracted in the request, so a batch must stay short.
MAX_PAGES = 500
JSONL_TYPES = frozenset(
    {"application/x-ndjson", "application/jsonl", "application/json-lines", "application/json"}
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
BODY_SCHEMA = {"type": "string", "maxLength": INGEST_MAX_BODY}
OPENAPI_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            kind: {"schema": BODY_SCHEMA} for kind in ("text/plain", "text/html", "application/x-ndjson")
        },
    }
}


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "ingest is disabled: start the server with an ingest token")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong ingest token", headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request) -> bytes:
    """The request body, refused with 413 as soon as it passes the limit."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > INGEST_MAX_BODY:
            raise HTTPException(413, f"request body over the limit of {INGEST_MAX_BODY} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise HTTPException(400, "empty body: send a page as text/plain or text/html, or pages as JSONL")
    return data


def media_type(request: Request) -> str:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in JSONL_TYPES | HTML_TYPES | TEXT_TYPES:
        allowed = ", ".join(sorted(JSONL_TYPES | HTML_TYPES | TEXT_TYPES))
        raise HTTPException(415, f"unsupported Content-Type {kind or '(none)'}: use one of {allowed}")
    return kind


def read_pages(data: bytes, kind: str, name: str) -> list[Page | PageRejected]:
    if kind in JSONL_TYPES:
        stream = read_jsonl(io.StringIO(data.decode("utf-8", errors="replace")), name)
    elif kind in HTML_TYPES:
        stream = iter(
            [_single_page(data, name if name.lower().endswith((".html", ".htm")) else f"{name}.html")]
        )
    else:
        stream = read_stream(io.BytesIO(data), name)
    items = list(islice(stream, MAX_PAGES + 1))
    if len(items) > MAX_PAGES:
        raise HTTPException(413, f"more than {MAX_PAGES} pages in one request: split the batch")
    return items


def _single_page(data: bytes, name: str) -> Page | PageRejected:
    try:
        return page_from_bytes(data, name)
    except PageRejected as rejected:
        return rejected


def store_pages(
    request: Request, items: list[Page | PageRejected], source: str | None, url: str | None
) -> dict:
    engine, settings = request.app.state.engine, request.app.state.settings
    result = {
        "pages": len(items),
        "stored_pages": 0,
        "already_stored": 0,
        "stored_articles": 0,
        "rejected": [],
    }
    for item in items:
        outcome = _extract(item, source, url, settings)
        with engine.begin() as conn:
            if isinstance(outcome, PageRejected):
                record_rejection(conn, outcome)
                result["rejected"].append(
                    {"name": outcome.name, "reason": outcome.reason, "detail": outcome.detail}
                )
                continue
            is_new, new_articles = save_page(conn, outcome)
        result["stored_pages" if is_new else "already_stored"] += 1
        result["stored_articles"] += new_articles
    return result


def _extract(item: Page | PageRejected, source: str | None, url: str | None, settings):
    if isinstance(item, PageRejected):
        return item
    item.source = item.source or source
    item.url = item.url or url
    return outcome_of(item, settings)


Label = Annotated[
    str, Query(min_length=1, max_length=200, pattern=NO_CONTROL, description="name for the page")
]
Optional = Annotated[str | None, Query(max_length=2000, pattern=NO_CONTROL)]


@router.post(
    "/ingest",
    response_model=schemas.IngestResult,
    summary="store pages sent as text, HTML or JSONL (needs the ingest token)",
    openapi_extra=OPENAPI_BODY,
    responses={
        400: {"description": "empty body"},
        401: {"description": "missing or wrong token"},
        403: {"description": "ingest disabled"},
        413: {"description": "body too large"},
        415: {"description": "unsupported Content-Type"},
        422: {"description": "no page could be read"},
    },
)
async def ingest(
    request: Request,
    _auth: Annotated[None, Depends(require_token)],
    name: Label = "upload",
    source: Annotated[
        str | None, Query(max_length=200, pattern=NO_CONTROL, description="outlet name")
    ] = None,
    url: Optional = None,
):
    kind = media_type(request)
    data = await read_body(request)
    items = read_pages(data, kind, name)
    result = await run_in_threadpool(store_pages, request, items, source, url)
    if result["rejected"] and len(result["rejected"]) == result["pages"]:
        raise HTTPException(422, {"message": "no page could be stored", "rejected": result["rejected"]})
    return result

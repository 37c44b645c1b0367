"""The web app: JSON API, Arabic pages, feeds, exports and the token-guarded ingest endpoint.

`create_app(settings, token)` wires routes, templates and middleware around one engine.
Routes hold no logic of their own (queries live in `marsad.store.queries`); templates only
render, with autoescape on and scraped text never marked safe.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from sqlalchemy import Engine, event
from starlette.exceptions import HTTPException

from marsad import __version__
from marsad.settings import Settings
from marsad.store.db import open_engine
from marsad.web import labels, render
from marsad.web.forms import DropEmptyFields
from marsad.web.routes import api, feeds, ingest, pages
from marsad.web.security import BodySizeLimit, RateLimit, SecurityHeaders

HERE = Path(__file__).parent
# SQLite read tuning for a long-running server: map the file into memory (pages shared by all
# connections through the OS cache) and keep a larger page cache per connection. Halves the
# time of broad searches on a 100k-article store, where most time goes to reading rows.
SQLITE_MMAP_BYTES = 1 << 30
SQLITE_CACHE_KIB = 16 * 1024
# Paths answered in JSON or files; every other path is a page and gets an Arabic error page.
MACHINE_PREFIXES = ("/api", "/ingest", "/feeds", "/export", "/static")
DESCRIPTION = (
    "Marsad serves stored Arabic news: articles, stories, entities, events, Arabic-normalised "
    "search with facets, Atom feeds and exports. `POST /ingest` needs the server's ingest token."
)


def template_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters.update(
        date_ar=labels.date_label,
        section_ar=lambda code: labels.label(labels.SECTIONS, code),
        etype_ar=lambda code: labels.label(labels.ENTITY_TYPES, code),
        event_ar=lambda code: labels.label(labels.EVENT_TYPES, code),
        lang_ar=lambda code: labels.label(labels.LANGUAGES, code),
        evidence_ar=labels.evidence_label,
        safe_url=render.safe_url,
        highlight=render.highlight_entities,
        mark=render.mark_spans,
        entity_url=render.entity_url,
    )
    env.globals.update(
        facet_label=labels.facet_label,
        facet_name=lambda name: labels.FACETS.get(name, name),
        facet_link=render.facet_link,
        page_link=render.page_link,
        day_chart=render.day_chart,
        SECTIONS=labels.SECTIONS,
        ENTITY_TYPES=labels.ENTITY_TYPES,
        EVENT_TYPES=labels.EVENT_TYPES,
    )
    return env


def _wants_page(request: Request) -> bool:
    return not request.url.path.startswith(MACHINE_PREFIXES)


async def _http_error(request: Request, exc: HTTPException):
    if not _wants_page(request):
        return await http_exception_handler(request, exc)
    message = exc.detail if isinstance(exc.detail, str) and exc.status_code == 404 else None
    context = {"status": exc.status_code, "message": message}
    return request.app.state.templates.TemplateResponse(
        request, "error.html", context, status_code=exc.status_code, headers=getattr(exc, "headers", None)
    )


async def _validation_error(request: Request, exc: RequestValidationError):
    if not _wants_page(request):
        return await request_validation_exception_handler(request, exc)
    fields = [str(error["loc"][-1]) for error in exc.errors() if error.get("loc")]
    context = {"status": 422, "message": None, "fields": fields}
    return request.app.state.templates.TemplateResponse(request, "error.html", context, status_code=422)


def _tune_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def open_store(url: str) -> Engine:
    engine = open_engine(url)
    if engine.dialect.name == "sqlite":
        engine.dispose()  # connections opened while creating tables lack the tuning
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def create_app(settings: Settings, token: str | None = None) -> FastAPI:
    """The app over the store at `settings.db`; ingest is enabled only when `token` is given."""
    app = FastAPI(
        title="Marsad",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = open_store(settings.db)
    app.state.token = token or None
    app.state.templates = Jinja2Templates(env=template_env())
    app.add_middleware(DropEmptyFields, machine_prefixes=MACHINE_PREFIXES)
    app.add_middleware(BodySizeLimit)
    app.add_middleware(RateLimit)  # before any work, token check included (bounds token guessing)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: the 413 answers get headers too
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (api, ingest, feeds, pages):
        app.include_router(module.router)
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory marsad.web.app:app_from_env` (settings from MARSAD_* variables)."""
    from marsad.web.cli import read_token

    return create_app(Settings.from_env(), token=read_token(None))

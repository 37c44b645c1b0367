"""Fixtures of the web tests: one annotated store per database engine, and clients on it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from web_store import TOKEN, build_store, drop_pg_schema, make_client, pg_schema_url

SERVER_START_S = 15


@pytest.fixture(scope="session")
def sqlite_store(tmp_path_factory) -> tuple[str, dict[str, str]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    return url, build_store(url)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def store(request, sqlite_store):
    """(database URL, page name -> article id) on each engine."""
    if request.param == "sqlite":
        yield sqlite_store
        return
    url, schema = pg_schema_url()
    try:
        yield url, build_store(url)
    finally:
        drop_pg_schema(schema)


@pytest.fixture(scope="session")
def client(store):
    return make_client(store[0])


@pytest.fixture(scope="session")
def ids(store) -> dict[str, str]:
    return store[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(url: str, token: str | None) -> Iterator[str]:
    """The app on the store at `url`, run by uvicorn in a thread on a free loopback port."""
    import uvicorn

    from marsad.settings import Settings
    from marsad.web.app import create_app

    config = uvicorn.Config(
        create_app(Settings(db=url), token=token), host="127.0.0.1", port=_free_port(), log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_S
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=SERVER_START_S)


@pytest.fixture(scope="session")
def live_url(sqlite_store):
    """The read-only app (ingest off) on the shared SQLite store."""
    with serving(sqlite_store[0], token=None) as url:
        yield url


@pytest.fixture(scope="session")
def fuzz_url(tmp_path_factory):
    """The app with ingest on, over a store of its own (fuzzed ingests write to it)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    build_store(url)
    with serving(url, token=TOKEN) as served:
        yield served

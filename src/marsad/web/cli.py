"""`marsad serve`: run the web app over a store with uvicorn.

The ingest token comes from a file (`--token-file`) or the environment variable
MARSAD_INGEST_TOKEN, never from the command line, where other users could read it in the
process list. Without a token, `POST /ingest` answers 403.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path

from marsad.settings import Settings

TOKEN_ENV = "MARSAD_INGEST_TOKEN"
# A shorter token can be guessed by a patient client.
MIN_TOKEN_CHARS = 16
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000


def read_token(token_file: str | None, environ: dict[str, str] | None = None) -> str | None:
    """The ingest token (file first, then environment), or None; refuses tokens too short to be safe."""
    environ = dict(os.environ if environ is None else environ)
    token = (
        Path(token_file).read_text(encoding="utf-8").strip()
        if token_file
        else environ.get(TOKEN_ENV, "").strip()
    )
    if token and len(token) < MIN_TOKEN_CHARS:
        raise SystemExit(f"marsad serve: the ingest token must have at least {MIN_TOKEN_CHARS} characters")
    return token or None


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from marsad.web.app import create_app

    settings = Settings.from_env(db=args.db)
    token = read_token(args.token_file)
    if not _is_loopback(args.host):
        print(f"marsad serve: listening on {args.host}, reachable from other machines", file=sys.stderr)
    print(
        f"marsad serve: {settings.db} on http://{args.host}:{args.port}/ (ingest {'on' if token else 'off'})",
        file=sys.stderr,
    )
    app = create_app(settings, token=token)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        server_header=False,
        proxy_headers=False,
    )
    return 0


def add_parsers(subparsers) -> None:
    """Register `serve` on the `marsad` command's subparsers."""
    serve = subparsers.add_parser("serve", help="serve the store: JSON API, Arabic web pages, feeds, exports")
    serve.add_argument("--db", help="database URL or SQLite file (default ./marsad.db)")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument(
        "--token-file", help=f"file holding the ingest token (else ${TOKEN_ENV}); no token: ingest off"
    )
    serve.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    serve.set_defaults(func=cmd_serve)

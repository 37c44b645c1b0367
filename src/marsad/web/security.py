"""Response headers and request-size limits, as plain ASGI middleware around the whole app.

Pages are server-rendered and carry no inline script or style, so the content security
policy can forbid both: injected markup that slipped past escaping would still not run.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# Read requests carry no body worth more than this; only the ingest endpoint takes pages.
DEFAULT_MAX_BODY = 64 * 1024
# A JSONL batch of a few hundred news pages fits in 10 MiB; more belongs in `marsad ingest`.
INGEST_MAX_BODY = 10 * 1024 * 1024
BODY_LIMITS = {"/ingest": INGEST_MAX_BODY}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    pass


def body_limit(path: str) -> int:
    return BODY_LIMITS.get(path.rstrip("/") or "/", DEFAULT_MAX_BODY)


class BodySizeLimit:
    """Refuse bodies over the path's limit: at once from Content-Length, else while streaming."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _too_large(send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body over the limit of {limit} bytes"}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# Requests per client (remote address): (burst, refill per second), by path prefix, first match.
# /ingest extracts and stores pages (seconds of work each): 30 at once, then one a second, which
# also caps guessing at the token. Every other path answers in milliseconds; the budget is far
# above what a reader or the UI needs and only a flood meets it. Behind a reverse proxy every
# request shares the proxy's address, so the proxy should limit per client itself.
RATE_LIMITS: list[tuple[str, tuple[float, float]]] = [("/ingest", (30, 1.0)), ("/", (1000, 200.0))]
# Clients tracked at once; past this the longest-idle ones are forgotten (bounded memory under a
# flood of source addresses).
RATE_LIMIT_MAX_CLIENTS = 10_000


class RateLimit:
    """Token bucket per (client, path class); a client over its budget gets 429 + Retry-After."""

    def __init__(self, app: ASGIApp, limits: list[tuple[str, tuple[float, float]]] | None = None,
                 clock=None) -> None:
        import time

        self.app = app
        self.limits = limits or RATE_LIMITS
        self.clock = clock or time.monotonic
        self.buckets: dict[tuple[str, str], tuple[float, float]] = {}  # key -> (tokens, last time)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        prefix, (burst, rate) = next(item for item in self.limits if scope["path"].startswith(item[0]))
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._take((client, prefix), burst, rate)
        if wait > 0:
            await _too_many(send, wait)
            return
        await self.app(scope, receive, send)

    def _take(self, key: tuple[str, str], burst: float, rate: float) -> float:
        """Spend one token; 0 when allowed, else the seconds until one is back."""
        now = self.clock()
        tokens, last = self.buckets.pop(key, (burst, now))
        tokens = min(burst, tokens + max(0.0, now - last) * rate)
        self.buckets[key] = (tokens - 1, now) if tokens >= 1 else (tokens, now)  # re-inserted: newest
        if len(self.buckets) > RATE_LIMIT_MAX_CLIENTS:
            del self.buckets[next(iter(self.buckets))]  # dicts keep insertion order: the idlest
        return 0.0 if tokens >= 1 else (1 - tokens) / rate


async def _too_many(send: Send, wait: float) -> None:
    body = json.dumps({"detail": "too many requests from this client; try again later"}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(max(1, round(wait + 0.5))).encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})

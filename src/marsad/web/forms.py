"""HTML forms send every field, filled or not (`?source=&date_from=`). For the pages, an empty
field means "no filter": it is dropped from the query string before validation, so the API
can keep refusing empty values its schema does not allow."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send


class DropEmptyFields:
    def __init__(self, app: ASGIApp, machine_prefixes: tuple[str, ...]) -> None:
        self.app = app
        self.machine_prefixes = machine_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string", b"")
        if scope["type"] == "http" and query and not scope["path"].startswith(self.machine_prefixes):
            pairs = query.split(b"&")
            kept = [pair for pair in pairs if pair.partition(b"=")[2]]  # the raw bytes, never re-encoded
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)

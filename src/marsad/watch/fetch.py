"""HTTP for `marsad watch`: polite, bounded, retried, and only to addresses the guard allows.

One `Fetcher` per host worker. Every request waits for its host's turn (`HostClock`),
sends the validators it was given (ETag / Last-Modified), follows at most a few
redirects, each checked by the address guard, reads at most `max_bytes` within a
whole-request deadline, and retries passing failures (5xx, 429, timeouts, dropped
connections) with exponentially growing waits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

import httpcore
import httpx

from marsad.watch.guard import AddressGuard, AddressRefused, GuardedBackend, host_key
from marsad.watch.options import WatchOptions

# Answers worth another try: the server is overloaded or briefly down.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
READ_CHUNK = 64 * 1024


class FetchFailed(Exception):
    """A request that gave no usable answer; `transient` failures may succeed later."""

    def __init__(self, url: str, reason: str, detail: str, transient: bool = False, retry_after: float = 0):
        super().__init__(f"{reason}: {detail}")
        self.url = url
        self.reason = reason
        self.detail = detail
        self.transient = transient
        self.retry_after = retry_after
        self.retries = 0

    def line(self) -> str:
        return f"{self.url}: {self.reason}: {self.detail}"


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators still hold
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    retries: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Redirect:
    location: str


class HostClock:
    """The minimum gap between two requests to one host, shared by every fetcher."""

    def __init__(self, default_delay: float):
        self.default_delay = default_delay
        self._delays: dict[str, float] = {}
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_delay(self, key: str, seconds: float) -> None:
        with self._lock:
            self._delays[key] = max(seconds, 0.0)

    def delay(self, key: str) -> float:
        return self._delays.get(key, self.default_delay)

    def reserve(self, key: str) -> float:
        """Book the host's next slot; returns how long to wait for it."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(key, 0.0))
            self._next[key] = start + self._delays.get(key, self.default_delay)
            return start - now


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport, opening its connections through the address guard."""

    def __init__(self, guard: AddressGuard):
        super().__init__(trust_env=False)
        if not hasattr(self, "_pool"):  # httpx keeps its connection pool here since 0.18
            raise RuntimeError("this httpx version has no transport pool to guard; pin httpx<1")
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=GuardedBackend(guard),
            max_connections=4,
            keepalive_expiry=5.0,
        )


def retry_after(value: str | None, cap: float) -> float:
    """Seconds from a Retry-After header (the delay-seconds form; a date gives 0)."""
    try:
        return min(max(float(value or 0), 0.0), cap)
    except ValueError:
        return 0.0


class Fetcher:
    def __init__(
        self,
        options: WatchOptions,
        guard: AddressGuard,
        clock: HostClock,
        pause: Callable[[float], bool] | None = None,
    ):
        self.options = options
        self.guard = guard
        self.clock = clock
        # pause(seconds) sleeps and returns True when watch is stopping (threading.Event.wait).
        self.pause = pause or (lambda seconds: bool(time.sleep(seconds)))
        self.client = httpx.Client(
            transport=GuardedTransport(guard),
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,
            headers={"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,
        )

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET with retries; raises FetchFailed (with `retries` set) when no attempt succeeds."""
        conditional = {"If-None-Match": etag} if etag else {}
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        for attempt in range(self.options.retries + 1):
            try:
                fetched = self._follow(url, conditional)
                fetched.retries = attempt
                return fetched
            except FetchFailed as failed:
                failed.retries = attempt
                if not failed.transient or attempt == self.options.retries:
                    raise
                wait = max(failed.retry_after, self.backoff(attempt))
                if self.pause(wait):
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def backoff(self, attempt: int) -> float:
        """Wait before retry number attempt+1: base, 2 x base, 4 x base ..., capped."""
        return min(self.options.backoff * 2**attempt, self.options.max_backoff)

    def _follow(self, url: str, conditional: dict[str, str]) -> Fetched:
        target, headers = url, conditional
        for _hop in range(self.options.max_redirects + 1):
            try:
                self.guard.check_url(target)
            except AddressRefused as refused:
                raise FetchFailed(target, "refused", str(refused)) from None
            if self.pause(self.clock.reserve(host_key(target))):
                raise FetchFailed(target, "stopped", "watch is stopping")
            answer = self._send(target, headers)
            if isinstance(answer, Fetched):
                return answer
            target, headers = urldefrag(urljoin(target, answer.location))[0], {}
        raise FetchFailed(url, "redirect_loop", f"more than {self.options.max_redirects} redirects")

    def _send(self, url: str, headers: dict[str, str]) -> Fetched | _Redirect:
        deadline = time.monotonic() + self.options.timeout
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                return self._answer(url, response, deadline)
        except AddressRefused as refused:
            raise FetchFailed(url, "refused", str(refused)) from None
        except httpx.TimeoutException:
            raise FetchFailed(url, "timeout", f"no answer within {self.options.timeout:g} s", True) from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise FetchFailed(url, "network", f"{type(exc).__name__}: {exc}", True) from None
        except httpx.InvalidURL as exc:
            raise FetchFailed(url, "bad_url", str(exc)) from None

    def _answer(self, url: str, response: httpx.Response, deadline: float) -> Fetched | _Redirect:
        status = response.status_code
        if response.has_redirect_location:  # 301, 302, 303, 307, 308 with a Location
            return _Redirect(response.headers["location"])
        if status in RETRY_STATUSES:
            wait = retry_after(response.headers.get("retry-after"), self.options.max_backoff)
            raise FetchFailed(url, f"http_{status}", response.reason_phrase, True, wait)
        if status >= 400 or status not in (200, 203, 304):
            raise FetchFailed(url, f"http_{status}", response.reason_phrase or "unexpected status")
        body = b"" if status == 304 else self._read(url, response, deadline)
        return Fetched(
            url=url,
            status=304 if status == 304 else 200,
            body=body,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            content_type=response.headers.get("content-type", ""),
        )

    def _read(self, url: str, response: httpx.Response, deadline: float) -> bytes:
        """The body, refused past the size cap or the whole-request deadline."""
        cap = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchFailed(url, "too_large", f"{declared} bytes announced, the cap is {cap}")
        chunks, size = [], 0
        for chunk in response.iter_bytes(READ_CHUNK):
            size += len(chunk)
            if size > cap:
                raise FetchFailed(url, "too_large", f"over the cap of {cap} bytes")
            if time.monotonic() > deadline:
                raise FetchFailed(url, "timeout", f"body not read within {self.options.timeout:g} s", True)
            chunks.append(chunk)
        return b"".join(chunks)

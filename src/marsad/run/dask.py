"""Run the pipeline on Dask workers: a local cluster (`--workers N`) or an existing one
(`--scheduler tcp://HOST:PORT`).

The client reads the inputs (so paths need only be readable where `marsad ingest` runs)
and ships page content to the workers in small chunks; workers run `outcome_of`, the
same per-page function as the single-process runner. Results come back in input order,
so the store sees exactly the sequence a single-process run gives it (story assignment
is incremental and depends on that order). At most `window` chunks are in flight or
waiting to be written, which bounds the client's memory whatever the input size.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any

from marsad.errors import MarsadError, PageRejected
from marsad.model import Page
from marsad.readers import ReadResult, read_inputs
from marsad.run.local import Outcome, outcome_of
from marsad.settings import Settings

# Pages per task: enough to amortise Dask's per-task overhead (a few ms) against pages that
# take 30-150 ms each, few enough that a slow page holds back little work.
PAGES_PER_TASK = 4
# Chunks in flight (submitted or done but not yet written) per worker thread: keeps every
# worker busy while the client writes, and bounds the client's memory to
# window x PAGES_PER_TASK pages.
CHUNKS_PER_THREAD = 4
INSTALL_HINT = "pip install 'marsad[dask]'"

# A rejection crosses the wire as (reason, detail, name): PageRejected's constructor
# takes three arguments, which the default exception pickling does not preserve.
Rejection = tuple[str, str, str | None]


@dataclass(frozen=True)
class DaskOptions:
    workers: int | None = None  # start a local cluster of this many worker processes
    scheduler: str | None = None  # or connect to this scheduler, e.g. tcp://10.0.0.5:8786
    pages_per_task: int = PAGES_PER_TASK
    window: int | None = None  # chunks in flight; default CHUNKS_PER_THREAD per worker thread


def require_dask() -> None:
    """Fail at construction, naming the install command, when the extra is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise MarsadError(f"running on Dask needs the dask extra: {INSTALL_HINT}") from exc


def process_chunk(pages: list[Page], settings: Settings) -> list[Any]:
    """Worker side: each page's ExtractedPage, or its rejection as a plain tuple."""
    outcomes = (outcome_of(page, settings) for page in pages)
    return [_to_wire(outcome) for outcome in outcomes]


def _to_wire(outcome: Outcome) -> Any:
    if isinstance(outcome, PageRejected):
        return (outcome.reason, outcome.detail, outcome.name)
    return outcome


def _from_wire(item: Any) -> Outcome:
    if isinstance(item, tuple):
        reason, detail, name = item
        return PageRejected(reason, detail, name)
    return item


@contextmanager
def dask_client(options: DaskOptions) -> Iterator[Any]:
    """A client on the given scheduler, or on a local cluster of worker processes."""
    require_dask()
    from distributed import Client, LocalCluster

    if options.scheduler:
        with Client(options.scheduler) as client:
            yield client
        return
    # One thread per worker process: the pipeline is pure Python, so threads would contend
    # for the GIL. No dashboard: it would need a free port and bokeh.
    cluster = LocalCluster(
        n_workers=options.workers or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client


def _chunks(items: Iterable[ReadResult], size: int) -> Iterator[list[ReadResult]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Chunk:
    """One chunk of read inputs; its pages go to a worker, read-time rejections stay here."""

    def __init__(self, client: Any, items: list[ReadResult], settings: Settings):
        self.items = items
        pages = [item for item in items if isinstance(item, Page)]
        self.future = client.submit(process_chunk, pages, settings, pure=False) if pages else None

    def outcomes(self) -> list[Outcome]:
        processed = iter(self._results())
        return [item if isinstance(item, PageRejected) else next(processed) for item in self.items]

    def _results(self) -> list[Outcome]:
        if self.future is None:
            return []
        try:
            return [_from_wire(item) for item in self.future.result()]
        except Exception as exc:  # noqa: BLE001 - a lost worker rejects its pages, the run goes on
            detail = f"Dask task failed: {type(exc).__name__}: {exc}"[:300]
            return [PageRejected("worker_lost", detail, p.name) for p in self.items if isinstance(p, Page)]
        finally:
            self.future.release()


def _window(client: Any, options: DaskOptions) -> int:
    if options.window:
        return max(1, options.window)
    threads = sum(client.nthreads().values()) or 1
    return CHUNKS_PER_THREAD * threads


def outcomes_on_cluster(client: Any, inputs: Iterable[str], settings: Settings, options: DaskOptions):
    """Yield outcomes in input order, keeping at most `window` chunks in flight."""
    window = _window(client, options)
    in_flight: deque[_Chunk] = deque()
    for items in _chunks(read_inputs(inputs), options.pages_per_task):
        in_flight.append(_Chunk(client, items, settings))
        if len(in_flight) >= window:
            yield from in_flight.popleft().outcomes()
    while in_flight:
        yield from in_flight.popleft().outcomes()


def run_dask(inputs: Iterable[str], settings: Settings, options: DaskOptions) -> Iterator[Outcome]:
    """Like `run_local`, on Dask workers. Checks for Dask now; starts the cluster on first use
    and shuts it down when the stream ends or is closed."""
    require_dask()

    def stream() -> Iterator[Outcome]:
        with dask_client(options) as client:
            yield from outcomes_on_cluster(client, inputs, settings, options)

    return stream()

"""Every row of every table of a store, for checking that two runs stored the same thing.

Two runs of the same input differ only where the store writes the wall-clock time: the
`*_at`/`first_seen` columns, and story times of undated articles (which fall back to the
time the article was stored). `frozen_clock` fixes that time during a run, so a comparison
can cover every column; without it, `store_snapshot(..., wall_clock=False)` leaves out the
columns written from the clock (story times of undated articles then still differ).
Rows are sorted, so the comparison does not depend on the order an engine returns them in.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from types import SimpleNamespace
from unittest import mock

from sqlalchemy import Engine, inspect, text

# Columns set from time.time() when a row is written, by table-independent name.
WALL_CLOCK_COLUMNS = frozenset({"ingested_at", "seen_at", "first_seen", "updated_at"})
# The store modules that read the clock (each does `import time`).
CLOCK_READERS = ("marsad.store.repo", "marsad.store.entities", "marsad.store.events", "marsad.store.stories")

Snapshot = dict[str, list[tuple]]


@contextmanager
def frozen_clock(at: float) -> Iterator[None]:
    """Make the store write `at` wherever it writes the current time (this process only:
    the store is written by the process that runs `ingest`, never by Dask workers)."""
    clock = SimpleNamespace(time=lambda: at)
    with ExitStack() as stack:
        for name in CLOCK_READERS:
            stack.enter_context(mock.patch.object(importlib.import_module(name), "time", clock))
        yield


def store_snapshot(engine: Engine, wall_clock: bool = True) -> Snapshot:
    """{table: sorted rows} for every table in the store, wall-clock columns left out on request."""
    names = sorted(inspect(engine).get_table_names())
    skip = frozenset() if wall_clock else WALL_CLOCK_COLUMNS
    with engine.connect() as conn:
        return {name: _rows(conn, engine, name, skip) for name in names}


def _rows(conn, engine: Engine, table: str, skip: frozenset[str]) -> list[tuple]:
    quote = engine.dialect.identifier_preparer.quote
    result = conn.execute(text(f"SELECT * FROM {quote(table)}"))
    keep = [i for i, column in enumerate(result.keys()) if column not in skip]
    return sorted((tuple(_hashable(row[i]) for i in keep) for row in result), key=repr)


def _hashable(value):
    """JSON columns come back parsed on PostgreSQL (lists, dicts): compare them as sorted JSON."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False) if isinstance(value, list | dict) else value


def snapshot_differences(left: Snapshot, right: Snapshot, limit: int = 5) -> list[str]:
    """Human-readable differences (empty when the two stores hold the same rows)."""
    problems = []
    for table in sorted(set(left) | set(right)):
        if table not in left or table not in right:
            problems.append(f"table {table} exists in only one store")
            continue
        only_left = set(left[table]) - set(right[table])
        only_right = set(right[table]) - set(left[table])
        if only_left or only_right or len(left[table]) != len(right[table]):
            problems.append(
                f"{table}: {len(left[table])} vs {len(right[table])} rows, "
                f"{len(only_left)} only left, {len(only_right)} only right; "
                f"e.g. {sorted(map(repr, only_left))[:1]} / {sorted(map(repr, only_right))[:1]}"[:600]
            )
    return problems[:limit] if limit else problems

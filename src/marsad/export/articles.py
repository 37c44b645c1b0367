"""Articles as JSONL, CSV or Parquet: one row per article, the page-output fields plus id."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from marsad.errors import MarsadError

SCALAR_FIELDS = ("id", "title", "text", "source", "dateline", "published", "language", "section", "url")
LIST_FIELDS = ("tags", "keywords", "entities", "quotes", "events")
FIELDS = SCALAR_FIELDS + LIST_FIELDS
# A CSV cell starting with one of these is read as a formula by spreadsheet programs
# ("=HYPERLINK(...)" in a scraped headline): such cells get a leading apostrophe (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows per Parquet row group: large enough to compress well, small enough to stream.
PARQUET_ROW_GROUP = 2_000


class MissingDependency(MarsadError):
    pass


def record(row: dict[str, Any]) -> dict[str, Any]:
    """The exported fields of a stored article row, in a fixed order."""
    return {name: row.get(name) if name in SCALAR_FIELDS else list(row.get(name) or []) for name in FIELDS}


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(record(row), ensure_ascii=False) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV with a header; list fields (tags, entities...) are JSON text in their cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    for row in rows:
        item = record(row)
        writer.writerow([_cell(item[name]) for name in FIELDS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency("Parquet export needs pyarrow: pip install 'marsad[parquet]'") from None
    return pyarrow, pyarrow.parquet


def parquet_schema(pa):
    """Scalar fields as strings; tags and keywords as string lists; structured lists as JSON text."""
    columns = [pa.field(name, pa.string()) for name in SCALAR_FIELDS]
    columns += [pa.field(name, pa.list_(pa.string())) for name in ("tags", "keywords")]
    columns += [pa.field(name, pa.string()) for name in ("entities", "quotes", "events")]
    return pa.schema(columns)


def _parquet_batch(pa, schema, items: list[dict[str, Any]]):
    columns = {}
    for name in FIELDS:
        values = [item[name] for item in items]
        if name in ("entities", "quotes", "events"):
            values = [json.dumps(v, ensure_ascii=False) for v in values]
        columns[name] = values
    return pa.RecordBatch.from_pydict(columns, schema=schema)


def parquet_bytes(rows: Iterable[dict[str, Any]]) -> bytes:
    """One Parquet file (zstd) holding the rows, written a row group at a time."""
    pa, pq = _pyarrow()
    schema = parquet_schema(pa)
    sink = io.BytesIO()
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(record(row))
            if len(batch) == PARQUET_ROW_GROUP:
                writer.write_batch(_parquet_batch(pa, schema, batch))
                batch = []
        writer.write_batch(_parquet_batch(pa, schema, batch))
    return sink.getvalue()

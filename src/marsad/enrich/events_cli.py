"""`marsad export events --format gdelt|jsonl`: the store's merged events, for analysts.

    marsad export events --format gdelt --db news.db -o events.tsv
    marsad export events --format jsonl --since 2018-05-01
    marsad export events --rebuild      # (re)link the events of articles already stored

Thin: parse, open the store, read `marsad.store.events`, write with `marsad.export.gdelt` or
`marsad.export.events_jsonl`. `add_parsers(subparsers)` registers the command on the main
CLI's subparsers (beside an `export` command another module may have added).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext

from rich.console import Console

err = Console(stderr=True)


def _export_subparsers(subparsers) -> argparse._SubParsersAction:
    """The sub-commands of `export`, creating `export` if no other module did."""
    existing = subparsers.choices.get("export")
    if existing is not None:
        for action in existing._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
        return existing.add_subparsers(dest="export_what", required=True)
    export = subparsers.add_parser("export", help="export stored data")
    return export.add_subparsers(dest="export_what", required=True)


def add_parsers(subparsers) -> None:
    events = _export_subparsers(subparsers).add_parser(
        "events", help="merged events as GDELT 2.0 TSV or JSON lines (one event per real-world event)"
    )
    events.add_argument("--format", choices=["gdelt", "jsonl"], default="jsonl")
    events.add_argument("--db", help="database URL or SQLite file (default ./marsad.db)")
    events.add_argument("-o", "--output", help="file to write (default: standard output)")
    events.add_argument("--since", help="only events on or after this day (YYYY-MM-DD)")
    events.add_argument("--limit", type=int, help="at most this many events")
    events.add_argument("--header", action="store_true", help="GDELT: write the column names first")
    events.add_argument(
        "--rebuild", action="store_true", help="link the events of every stored article first"
    )
    events.set_defaults(func=cmd_export_events)


def rebuild(conn) -> int:
    """Store the events of every stored article (oldest first); already linked ones are kept."""
    from sqlalchemy import select

    from marsad.store.events import store_events
    from marsad.store.schema import articles

    rows = conn.execute(
        select(articles.c.id, articles.c.events).order_by(articles.c.published, articles.c.id)
    ).all()
    for row in rows:
        store_events(conn, row.id, row.events or [])
    return len(rows)


def cmd_export_events(args: argparse.Namespace) -> int:
    from marsad.export.events_jsonl import jsonl_lines
    from marsad.export.gdelt import gdelt_lines
    from marsad.settings import Settings
    from marsad.store.db import open_engine
    from marsad.store.events import create_event_tables, iter_stored_events

    engine = open_engine(Settings.from_env(db=args.db).db)
    with engine.begin() as conn:
        create_event_tables(conn)
        if args.rebuild:
            err.print(f"linked the events of {rebuild(conn)} stored articles")
    written = 0
    target = open(args.output, "w", encoding="utf-8", newline="") if args.output else nullcontext(sys.stdout)
    with engine.connect() as conn, target as out:
        stored = iter_stored_events(conn, since=args.since, limit=args.limit)
        lines = gdelt_lines(stored, header=args.header) if args.format == "gdelt" else jsonl_lines(stored)
        for line in lines:
            out.write(line)
            written += 1
    err.print(f"{written} {'rows' if args.format == 'gdelt' else 'events'} written")
    return 0

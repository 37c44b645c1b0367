"""`marsad watch SOURCES`: the command, with a live per-host status table and Ctrl-C."""

from __future__ import annotations

import argparse
from dataclasses import fields

from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from marsad.settings import Settings
from marsad.watch.options import WatchOptions
from marsad.watch.poller import HostStats, Watcher
from marsad.watch.sources import read_sources

# Refreshes of the status table per second: enough to watch, cheap on a shared machine.
STATUS_REFRESH_PER_S = 2
COLUMNS = (
    "polls",
    "not_modified",
    "new_links",
    "fetched",
    "stored",
    "articles",
    "rejected",
    "blocked",
    "errors",
    "retries",
    "queued",
)


def add_parsers(sub) -> None:
    defaults = WatchOptions()
    watch = sub.add_parser(
        "watch", help="poll outlets' feeds and sitemaps, store new articles as they appear"
    )
    watch.add_argument("sources", help="sources file: .toml with [[outlet]] tables, or one URL per line")
    watch.add_argument("--db", help="database URL or SQLite file (default ./marsad.db)")
    watch.add_argument("--interval", type=float, default=defaults.interval, help="seconds between polls")
    watch.add_argument(
        "--once", action="store_true", help="one pass: poll, fetch and store what is new, exit"
    )
    watch.add_argument(
        "--delay", type=float, default=defaults.delay, help="default seconds between requests to one host"
    )
    watch.add_argument("--timeout", type=float, default=defaults.timeout, help="seconds per request")
    watch.add_argument("--max-bytes", type=int, default=defaults.max_bytes, help="largest answer accepted")
    watch.add_argument("--retries", type=int, default=defaults.retries, help="retries after 5xx and timeouts")
    watch.add_argument("--quiet", action="store_true", help="no live status table")
    watch.set_defaults(func=cmd_watch)


def options_from(args: argparse.Namespace) -> WatchOptions:
    names = {spec.name for spec in fields(WatchOptions)}
    given = {name: value for name, value in vars(args).items() if name in names and value is not None}
    return WatchOptions(**given)


def status_table(watcher: Watcher) -> Table:
    table = Table(title=f"marsad watch · pass {watcher.passes} · every {watcher.options.interval:g} s")
    table.add_column("host")
    for column in COLUMNS:
        table.add_column(column.replace("_", " "), justify="right")
    table.add_column("last problem", overflow="fold", max_width=60)
    for stats in sorted(watcher.stats.values(), key=lambda s: s.host):
        table.add_row(
            stats.host, *(str(getattr(stats, c)) for c in COLUMNS), Text(stats.last_problem, style="yellow")
        )
    return table


def totals(stats: list[HostStats]) -> dict[str, int]:
    return {column: sum(getattr(s, column) for s in stats) for column in COLUMNS}


def cmd_watch(args: argparse.Namespace) -> int:
    from marsad.store.db import open_engine

    err = Console(stderr=True, soft_wrap=True)
    sources = read_sources(args.sources)
    for problem in sources.problems:
        err.print(Text(problem, style="yellow"))
    if not sources.outlets:
        err.print(Text(f"{args.sources}: no outlet to watch", style="red"))
        return 2
    settings = Settings.from_env(db=args.db)
    watcher = Watcher(
        sources,
        open_engine(settings.db),
        settings,
        options_from(args),
        report=lambda line: err.print(Text(line, style="yellow")),
    )
    try:
        if args.quiet:
            watcher.run(once=args.once)
        else:
            with Live(status_table(watcher), console=err, refresh_per_second=STATUS_REFRESH_PER_S) as live:
                watcher.run(once=args.once, on_tick=lambda w: live.update(status_table(w)))
    except KeyboardInterrupt:
        err.print("stopping: waiting for requests in progress")
        watcher.close()
    total = totals(list(watcher.stats.values()))
    err.print(
        f"{watcher.passes} passes, {total['stored']} new pages, {total['articles']} new articles, "
        f"{total['rejected']} skipped, {total['errors']} errors · store {settings.db}"
    )
    return 0

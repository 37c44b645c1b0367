"""`marsad db ...`: the store's schema revision, by hand (`open_engine` also upgrades on open)."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.settings import Settings

DB_HELP = "database URL or SQLite file (default ./marsad.db)"


def add_parsers(sub) -> None:
    db = sub.add_parser("db", help="schema migrations of the store (Alembic)")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="bring the store to the newest schema (keeps every row)")
    upgrade.add_argument("--db", help=DB_HELP)
    upgrade.set_defaults(func=cmd_upgrade)
    current = db_sub.add_parser("current", help="print the store's schema revision")
    current.add_argument("--db", help=DB_HELP)
    current.set_defaults(func=cmd_current)
    relink = db_sub.add_parser(
        "relink", help="link every stored article's entities again with this version's rules"
    )
    relink.add_argument("--db", help=DB_HELP)
    relink.set_defaults(func=cmd_relink)
    history = db_sub.add_parser("history", help="list the migrations this version of Marsad ships")
    history.set_defaults(func=cmd_history)
    revision = db_sub.add_parser(
        "revision", help="developers: write the next migration from the tables (source checkout)"
    )
    revision.add_argument("-m", "--message", required=True, help="what the schema change does")
    revision.add_argument("--db", help="a store to compare against (default: a temporary SQLite file)")
    revision.set_defaults(func=cmd_revision)


def _url(args: argparse.Namespace) -> str:
    return Settings.from_env(db=args.db).db


def cmd_upgrade(args: argparse.Namespace) -> int:
    from marsad.store.db import migrate, open_engine
    from marsad.store.migrations import head_revision

    engine = open_engine(_url(args), create=False)
    revision = migrate(engine)
    label = f"{revision} (head)" if revision == head_revision() else str(revision)
    Console(highlight=False, soft_wrap=True).print(label)
    return 0


def cmd_current(args: argparse.Namespace) -> int:
    """Read-only: reports, never creates or upgrades."""
    from marsad.store.db import open_engine
    from marsad.store.migrations import current_revision, head_revision

    engine = open_engine(_url(args), create=False)
    with engine.connect() as conn:
        revision = current_revision(conn)
    out = Console(highlight=False, soft_wrap=True)
    if revision is None:
        out.print("none: an empty store, or one made before migrations (`marsad db upgrade` records it)")
        return 1
    head = head_revision()
    out.print(f"{revision} (head)" if revision == head else f"{revision} (behind {head})")
    return 0


def cmd_relink(args: argparse.Namespace) -> int:
    """Entities across the store rebuilt from the stored articles (after an upgrade whose
    linking rules changed); all or nothing."""
    from rich.progress import Progress
    from sqlalchemy import func, select

    from marsad.store.db import open_engine
    from marsad.store.entities import relink_entities
    from marsad.store.schema import articles

    engine = open_engine(_url(args), create=False)
    with engine.begin() as conn, Progress(transient=True) as progress:
        total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        task = progress.add_task("linking entities", total=total)
        done, found = relink_entities(conn, lambda count: progress.update(task, completed=count))
    Console(highlight=False, soft_wrap=True).print(f"{done} articles linked again: {found} entities")
    return 0


def cmd_history(_args: argparse.Namespace) -> int:
    from marsad.store.migrations import head_revision, history

    table = Table(title="store migrations, oldest first")
    for column in ("revision", "after", "what"):
        table.add_column(column)
    for step in history():
        mark = " (head)" if step.revision == head_revision() else ""
        table.add_row(step.revision + mark, step.down_revision or "", Text(step.doc))
    Console().print(table)
    return 0


def cmd_revision(args: argparse.Namespace) -> int:
    import tempfile

    from marsad.store.db import open_engine
    from marsad.store.migrations import new_revision

    with tempfile.TemporaryDirectory() as scratch:
        engine = open_engine(args.db or f"{scratch}/head.db")
        with engine.connect() as conn:
            path = new_revision(conn, args.message)
        engine.dispose()
    Console(highlight=False, soft_wrap=True).print(f"wrote {path}: read it before committing")
    return 0

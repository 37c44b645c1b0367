"""The `marsad` command: parse arguments, build Settings, call the pipeline, print."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from marsad import __version__
from marsad.errors import MarsadError, PageRejected
from marsad.run.local import Outcome, RunSummary, run_local
from marsad.settings import Settings

err = Console(stderr=True, soft_wrap=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} pages/s"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def _tracked(outcomes: Iterator[Outcome], description: str, quiet: bool) -> Iterator[Outcome]:
    """Wrap a stream of outcomes in a progress bar showing pages/s."""
    if quiet:
        yield from outcomes
        return
    with _progress() as progress:
        task = progress.add_task(description, total=None, rate=0.0)
        for outcome in outcomes:
            yield outcome
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 1e-9
            progress.update(task, rate=progress.tasks[0].completed / elapsed)


def _report_rejection(summary: RunSummary, rejected: PageRejected) -> None:
    summary.reject(rejected)
    err.print(Text(f"skipped {rejected.line()}", style="yellow"))


def cmd_extract(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    summary = RunSummary()
    pages = []
    for outcome in _tracked(run_local(args.paths, settings), "extract", quiet=True):
        if isinstance(outcome, PageRejected):
            _report_rejection(summary, outcome)
            continue
        summary.pages += 1
        summary.articles += len(outcome.articles)
        page = outcome.to_dict()
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(page, ensure_ascii=False) + "\n")
        elif args.format == "text":
            _print_text(page)
        else:
            pages.append(page)
    if args.format == "json":
        sys.stdout.write(json.dumps(pages, ensure_ascii=False, indent=1) + "\n")
    err.print(f"{summary.pages} pages, {summary.articles} articles, {summary.total_rejected} skipped")
    return 0 if summary.pages or not summary.total_rejected else 1


def _print_text(page: dict) -> None:
    out = Console(highlight=False, soft_wrap=True)
    out.rule(page["page"])
    for article in page["articles"]:
        meta = " · ".join(v for v in (article["role"], article["source"], article["dateline"], article["published"]) if v)
        out.print(Text(article["title"] or "(no title)", style="bold"))
        out.print(Text(meta, style="dim"))
        out.print(Text(article["text"]))
        if article["tags"]:
            out.print(Text("tags: " + "، ".join(article["tags"]), style="cyan"))
        out.print()
    for headline in page["related_headlines"]:
        out.print(Text(f"  • {headline}", style="dim"))


def cmd_ingest(args: argparse.Namespace) -> int:
    from marsad.store.db import open_engine
    from marsad.store.repo import record_rejection, save_page
    from marsad.store.stories import update_stories

    settings = Settings.from_env(db=args.db)
    try:
        outcomes = _ingest_outcomes(args, settings)
    except MarsadError as exc:
        err.print(Text(str(exc), style="red"))
        return 2
    engine = open_engine(settings.db)
    summary = RunSummary()
    for outcome in _tracked(outcomes, "ingest", quiet=args.quiet):
        with engine.begin() as conn:
            if isinstance(outcome, PageRejected):
                _report_rejection(summary, outcome)
                record_rejection(conn, outcome)
                continue
            summary.pages += 1
            summary.articles += len(outcome.articles)
            new_page, new_articles = save_page(conn, outcome)
            if new_articles:
                update_stories(conn, [article.id for article in outcome.articles])
        summary.stored_pages += new_page
        summary.already_stored += not new_page
        summary.stored_articles += new_articles
    _print_summary(summary, settings.db)
    return 0


def _ingest_outcomes(args: argparse.Namespace, settings: Settings) -> Iterator[Outcome]:
    """In this process, or on Dask workers with --workers N / --scheduler URL (same results)."""
    if not (args.workers or args.scheduler):
        return run_local(args.paths, settings)
    from marsad.run.dask import DaskOptions, run_dask

    return run_dask(args.paths, settings, DaskOptions(workers=args.workers, scheduler=args.scheduler))


def _print_summary(summary: RunSummary, db: str) -> None:
    table = Table(title=f"ingest into {db}")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("pages read", str(summary.pages + summary.total_rejected))
    table.add_row("pages stored (new)", str(summary.stored_pages))
    table.add_row("pages already stored", str(summary.already_stored))
    table.add_row("articles extracted", str(summary.articles))
    table.add_row("articles stored (new)", str(summary.stored_articles))
    table.add_row("skipped", str(summary.total_rejected))
    for reason, count in sorted(summary.rejected.items()):
        table.add_row(f"  {reason}", str(count))
    Console().print(table)


def cmd_search(args: argparse.Namespace) -> int:
    from marsad.store.db import open_engine
    from marsad.store.search import search

    settings = Settings.from_env(db=args.db)
    engine = open_engine(settings.db)
    with engine.connect() as conn:
        hits = search(conn, args.query, limit=args.limit)
    if args.json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit.__dict__, ensure_ascii=False) + "\n")
        return 0
    out = Console(highlight=False)
    if not hits:
        out.print(f"no article matches «{args.query}»")
        return 0
    for rank, hit in enumerate(hits, start=1):
        out.print(Text(f"{rank}. {hit.title or '(no title)'}", style="bold"), Text(f"  [{hit.article_id}]", style="dim"))
        out.print(Text(" · ".join(v for v in (hit.source, hit.published) if v) + f"  score {hit.score:.2f}", style="dim"))
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold yellow", start, end)
        out.print(snippet)
        out.print()
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    from marsad.store.db import open_engine
    from marsad.store.entities import list_entities

    engine = open_engine(Settings.from_env(db=args.db).db)
    with engine.connect() as conn:
        rows = list_entities(conn, limit=args.limit, entity_type=args.type)
    table = Table(title="entities by number of articles")
    for column in ("name", "type", "articles", "id"):
        table.add_column(column, justify="right" if column == "articles" else "left")
    for row in rows:
        table.add_row(Text(row.name), row.type, str(row.articles), row.id)
    Console().print(table)
    return 0


def cmd_entity(args: argparse.Namespace) -> int:
    from marsad.store.db import open_engine
    from marsad.store.entities import entity_details, find_entity

    engine = open_engine(Settings.from_env(db=args.db).db)
    out = Console(highlight=False)
    with engine.connect() as conn:
        ids = find_entity(conn, args.name)
        if not ids:
            out.print(f"no stored entity is called «{args.name}»")
            return 1
        for entity_id in ids:
            _print_entity(out, entity_details(conn, entity_id))
    return 0


def _print_entity(out: Console, details: dict) -> None:
    out.rule(Text(f"{details['name']} ({details['type']}, {details['id']})"))
    variants = Table(title="variants and why they were merged")
    variants.add_column("variant")
    variants.add_column("evidence")
    for variant in details["variants"]:
        variants.add_row(Text(variant["variant"]), Text(variant["evidence"]))
    out.print(variants)
    if details["names"]:  # the entity goes by the name most of its articles give it
        names = Table(title="names its articles give it")
        names.add_column("name")
        names.add_column("articles", justify="right")
        for named in details["names"]:
            names.add_row(Text(named["name"]), str(named["articles"]))
        out.print(names)
    articles = Table(title=f"{len(details['articles'])} articles")
    for column in ("published", "source", "title", "mentions", "id"):
        articles.add_column(column)
    for article in details["articles"]:
        articles.add_row(
            article["published"] or "", Text(article["source"] or ""), Text(article["title"] or ""),
            str(article["mentions"]), article["id"],
        )
    out.print(articles)


def _forward(module: str, attribute: str):
    """A command that runs another module's own `main(argv)` (eval and train entry points)."""

    def run(args: argparse.Namespace) -> int:
        import importlib
        import sys as _sys

        value = getattr(args, attribute)
        argv = value if isinstance(value, list) else [value]
        entry = importlib.import_module(module)
        _sys.argv = [module, *argv]
        result = entry.main(argv) if "argv" in entry.main.__code__.co_varnames else entry.main()
        return int(result or 0)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description="Arabic news monitoring engine")
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="extract the articles of pages and print them")
    extract.add_argument("paths", nargs="+", help="files, folders, globs, or - for stdin")
    extract.add_argument("--format", choices=["jsonl", "json", "text"], default="jsonl")
    extract.set_defaults(func=cmd_extract)

    ingest = sub.add_parser("ingest", help="extract pages and store them")
    ingest.add_argument("paths", nargs="+", help="files, folders, globs, or - for stdin")
    ingest.add_argument("--db", help="database URL or SQLite file (default ./marsad.db)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    parallel = ingest.add_mutually_exclusive_group()
    parallel.add_argument("--workers", type=int, help="run on a local Dask cluster of N worker processes")
    parallel.add_argument("--scheduler", help="run on an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    ingest.set_defaults(func=cmd_ingest)

    search = sub.add_parser("search", help="search stored articles (Arabic-normalised)")
    search.add_argument("query")
    search.add_argument("--db", help="database URL or SQLite file (default ./marsad.db)")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true", help="one JSON object per hit")
    search.set_defaults(func=cmd_search)

    listing = sub.add_parser("entities", help="list stored entities with their article counts")
    listing.add_argument("--db", help="database URL or SQLite file (default ./marsad.db)")
    listing.add_argument("--type", choices=["PER", "LOC", "ORG", "MISC"])
    listing.add_argument("--limit", type=int, default=30)
    listing.set_defaults(func=cmd_entities)

    entity = sub.add_parser("entity", help="show an entity: its variants (with evidence) and articles")
    entity.add_argument("name", help="a name, any spelling variant, or an entity id")
    entity.add_argument("--db", help="database URL or SQLite file (default ./marsad.db)")
    entity.set_defaults(func=cmd_entity)

    from marsad.enrich.events_cli import add_parsers as add_event_parsers
    from marsad.store.cli import add_parsers as add_db_parsers
    from marsad.stories.cli import add_parsers as add_story_parsers
    from marsad.watch.cli import add_parsers as add_watch_parsers
    from marsad.web.cli import add_parsers as add_web_parsers

    evaluate = sub.add_parser("eval", help="evaluate Marsad on your own gold data")
    eval_sub = evaluate.add_subparsers(dest="eval_command", required=True)
    for name, help_text in (
        ("ner", "entity-level P/R/F1 on CoNLL `token TAG` lines (BIO or BIOES)"),
        ("sections", "accuracy, confusion matrix and macro-F1 on JSONL {text, label}"),
    ):
        command = eval_sub.add_parser(name, help=help_text)
        command.add_argument("file")
        command.set_defaults(func=_forward(f"marsad.eval.{name}", "file"))
    train = sub.add_parser("train", help="rebuild a shipped model from ../shared/data")
    train_sub = train.add_subparsers(dest="train_command", required=True)
    for name in ("ner", "sections", "keywords", "wordfreq", "knowledge"):
        command = train_sub.add_parser(name, help=f"rebuild the {name} model (python -m marsad.train.{name})")
        command.add_argument("options", nargs=argparse.REMAINDER, help="passed to the trainer")
        command.set_defaults(func=_forward(f"marsad.train.{name}", "options"))
    add_story_parsers(sub, eval_sub)
    add_event_parsers(sub)
    add_web_parsers(sub)
    add_watch_parsers(sub)
    add_db_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)

"""Ingest on Dask workers stores exactly what the single-process run stores, in the same order."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask is in the dev extra: pip install -e '.[dev]'")

from marsad.cli import main
from marsad.errors import MarsadError, PageRejected
from marsad.run import dask as dask_runner
from marsad.run.dask import DaskOptions, outcomes_on_cluster, require_dask
from marsad.run.local import run_local
from marsad.settings import Settings
from marsad.store.db import open_engine
from marsad.store.snapshot import frozen_clock, snapshot_differences, store_snapshot

SAMPLE_PAGES = 8
STORE_CLOCK = 1_700_000_000.0
TESTS = Path(__file__).resolve().parents[1]
SAMPLE = TESTS.parent / "src" / "marsad" / "data" / "sample"
FIXTURES = TESTS / "fixtures"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Real sample pages, the stories fixture's rewrites (so stories merge, and the order they
    are stored in matters) and inputs that must be rejected, some read-time, some in a worker."""
    folder = tmp_path_factory.mktemp("dask_inputs")
    for path in sorted(SAMPLE.glob("*.txt"))[:SAMPLE_PAGES]:
        (folder / path.name).write_bytes(path.read_bytes())
    rewrites = json.loads((FIXTURES / "stories" / "rewrites.json").read_text(encoding="utf-8"))["articles"]
    with (folder / "rewrites.jsonl").open("w", encoding="utf-8") as out:
        for record in rewrites:
            page = {"id": record["key"], "text": f"{record['title']}\n\n{record['text']}"}
            page.update(source=record.get("source"), date=record.get("published"))
            out.write(json.dumps(page, ensure_ascii=False) + "\n")
        out.write("{not json\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "english.txt").write_text("The ministry announced three hospitals today. " * 5, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def client():
    """Two worker processes, as `--workers 2` starts them."""
    with dask_runner.dask_client(DaskOptions(workers=2)) as dask_client:
        yield dask_client


def _skipped_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("skipped")]


def test_dask_ingest_stores_exactly_what_a_single_process_run_stores(inputs, tmp_path, capsys):
    single, on_dask = tmp_path / "serial.db", tmp_path / "dasked.db"
    with frozen_clock(STORE_CLOCK):  # so that every column, timestamps too, must match
        assert main(["ingest", str(inputs), "--db", str(single), "--quiet"]) == 0
        single_out = capsys.readouterr()
        assert main(["ingest", str(inputs), "--db", str(on_dask), "--quiet", "--workers", "2"]) == 0
        dask_out = capsys.readouterr()

    left, right = store_snapshot(open_engine(str(single))), store_snapshot(open_engine(str(on_dask)))
    assert snapshot_differences(left, right) == []
    assert len(left["articles"]) >= SAMPLE_PAGES + 4
    assert len(left["stories"]) < len(left["story_articles"])  # some rewrites joined one story
    assert {row[1] for row in left["rejections"]} >= {"empty", "not_arabic", "bad_json"}
    # Rejections are reported the same way, in the same order, and the summaries agree.
    assert _skipped_lines(dask_out.err) == _skipped_lines(single_out.err) != []
    assert _table_rows(dask_out.out) == _table_rows(single_out.out) != []


def _table_rows(text: str) -> list[str]:
    """The summary table without its title (which names the database and wraps with its path)."""
    lines = text.splitlines()
    top = next((i for i, line in enumerate(lines) if line.lstrip().startswith(("┏", "┌"))), len(lines))
    return lines[top:]


@pytest.mark.parametrize("pages_per_task, window", [(1, 1), (3, 2)])
def test_outcomes_keep_input_order_whatever_the_window(inputs, client, pages_per_task, window):
    settings = Settings()
    expected = [(type(o).__name__, _name(o)) for o in run_local([str(inputs)], settings)]
    options = DaskOptions(pages_per_task=pages_per_task, window=window)
    got = [(type(o).__name__, _name(o)) for o in outcomes_on_cluster(client, [str(inputs)], settings, options)]
    assert got == expected


def _name(outcome) -> str | None:
    return outcome.name if isinstance(outcome, PageRejected) else outcome.page.name


def test_a_failed_task_rejects_its_pages_and_the_run_goes_on(inputs, monkeypatch):
    """A task that dies (a lost worker) gives each of its pages a `worker_lost` rejection."""
    monkeypatch.setattr(dask_runner, "process_chunk", _Crashing(dask_runner.process_chunk))
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster, Client(cluster) as local:
        options = DaskOptions(pages_per_task=1, window=2)
        outcomes = list(outcomes_on_cluster(local, [str(inputs)], Settings(), options))
    lost = [o for o in outcomes if isinstance(o, PageRejected) and o.reason == "worker_lost"]
    assert [o.name for o in lost] == ["wire"]
    assert "MemoryError" in lost[0].detail
    assert sum(not isinstance(o, PageRejected) for o in outcomes) >= SAMPLE_PAGES


class _Crashing:
    """process_chunk, except that the chunk holding page `wire` fails (threads share this object)."""

    def __init__(self, original):
        self.original = original

    def __call__(self, pages, settings):
        if any(page.name == "wire" for page in pages):
            raise MemoryError("worker ran out of memory")
        return self.original(pages, settings)


def test_missing_dask_names_the_install_command(monkeypatch, inputs, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MarsadError, match=r"marsad\[dask\]"):
        require_dask()
    assert main(["ingest", str(inputs), "--db", str(tmp_path / "x.db"), "--workers", "2"]) == 2
    assert "marsad[dask]" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()  # refused before touching the store

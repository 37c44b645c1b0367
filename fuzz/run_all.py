"""Run every atheris target for a fixed time and write fuzz/RESULTS.md.

    .venv/bin/python fuzz/run_all.py --seconds 150            # every target, 150 s each
    .venv/bin/python fuzz/run_all.py --seconds 60 tags warc   # some targets
    .venv/bin/python fuzz/run_all.py --replay                 # re-run saved crash inputs only

Each target runs under libFuzzer's `-timeout` (one input taking longer is a hang) and
`-rss_limit_mb` (resident memory above it is a blow-up), on a corpus kept between runs in
`fuzz/corpus/<target>/` (not committed). libFuzzer stops at the first crash; the crash input is
saved under `fuzz/crashes/<target>/` and the target restarts for the rest of its time, so one
run can report several crashes. A crash found, fixed and pinned by a regression test is listed
in FIXED below, and RESULTS.md names that test.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
# The latest figures of every target, so that a run of some targets keeps the others' rows.
LATEST = HERE / "results.json"
# One input taking longer than a page may take in `ingest` (MARSAD_MAX_PAGE_SECONDS) is a hang.
DEFAULT_TIMEOUT_S = 20
# Resident memory above this is a blow-up: pages are at most 8 MB, gunzip output at most 64 MB.
DEFAULT_RSS_MB = 2048
# A target that crashes again straight after a restart is not given more restarts than this.
MAX_RESTARTS = 5
EXECUTED = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
DONE_RUNS = re.compile(r"Done (\d+) runs")

# Crashes the fuzzers found, fixed in src/, each pinned by a regression test.
FIXED: dict[str, list[tuple[str, str]]] = {
    "tags": [
        ("hang: a 20,000-letter space-free Arabic run took 7 s in the glued-tag search; 1 MB, minutes",
         "tests/property/test_tags_props.py::test_giant_glued_run_is_fast"),
        ("hang: a 1 MB tag line with spaces took ~30 s",
         "tests/property/test_tags_props.py::test_giant_tag_line_is_fast"),
    ],
    "warc": [
        ("crash: a response record without WARC-Target-URI raised AttributeError out of warcio "
         "and stopped `ingest`",
         "tests/property/test_reader_props.py::test_warc_record_without_target_uri_is_rejected"),
    ],
    "files": [
        ("a file holding only a UTF-16 byte-order mark gave a page with empty content",
         "tests/property/test_reader_props.py::test_bare_bom_is_rejected_as_empty"),
    ],
    "jsonl": [
        ("stdin holding only a UTF-16 byte-order mark gave a page with empty content (same fix)",
         "tests/property/test_reader_props.py::test_bare_bom_is_rejected_as_empty"),
        ("6 crash inputs, one bug: a lone surrogate spelt as a JSON escape (\\udc01) made a page no "
         "UTF-8 store or writer takes (`ingest` skipped it as internal_error)",
         "tests/property/test_reader_props.py::test_jsonl_lone_surrogate_escapes_become_replacement_characters"),
        ("found by hypothesis: nesting past the recursion limit / an integer over 4300 digits raised "
         "out of read_jsonl and stopped `ingest`",
         "tests/property/test_reader_props.py::test_jsonl_deep_nesting_and_huge_integers_are_rejected_not_raised"),
    ],
}


@dataclass
class Outcome:
    target: str
    seconds: float = 0.0
    executions: int = 0
    crashes: list[str] = field(default_factory=list)


def targets() -> list[str]:
    return sorted(path.stem.removeprefix("fuzz_") for path in HERE.glob("fuzz_*.py"))


def run_once(target: str, seconds: int, args: argparse.Namespace) -> tuple[int, str | None]:
    """One libFuzzer session: (executions, crash file or None)."""
    corpus = HERE / "corpus" / target
    crashes = HERE / "crashes" / target
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    before = set(crashes.iterdir())
    command = [
        sys.executable, str(HERE / f"fuzz_{target}.py"), str(corpus),
        f"-max_total_time={seconds}", f"-timeout={args.timeout}", f"-rss_limit_mb={args.rss_limit_mb}",
        f"-artifact_prefix={crashes}/", "-print_final_stats=1", "-max_len=65536",
    ]
    log = HERE / "crashes" / f"{target}.log"
    with log.open("a") as out:
        deadline = seconds + 4 * args.timeout + 120
        subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, timeout=deadline)
    text = log.read_text(errors="replace")[-200_000:]
    found = EXECUTED.findall(text) or DONE_RUNS.findall(text)
    new = sorted(set(crashes.iterdir()) - before)
    return (int(found[-1]) if found else 0), (str(new[0].relative_to(HERE)) if new else None)


def fuzz(target: str, seconds: int, args: argparse.Namespace) -> Outcome:
    outcome = Outcome(target)
    (HERE / "crashes" / f"{target}.log").unlink(missing_ok=True)
    start = time.monotonic()
    for _ in range(MAX_RESTARTS + 1):
        left = int(seconds - (time.monotonic() - start))
        if left < 5:
            break
        executions, crash = run_once(target, left, args)
        outcome.executions += executions
        if crash is None:
            break
        outcome.crashes.append(crash)
        print(f"  {target}: crash saved to fuzz/{crash}", flush=True)
    outcome.seconds = time.monotonic() - start
    return outcome


def replay(target: str) -> list[str]:
    """Run a target once over every saved crash input (this machine's crashes/ and the committed
    regressions/); return the ones that still fail."""
    inputs = sorted(
        path for folder in ("crashes", "regressions") for path in (HERE / folder / target).glob("*-*")
    )
    failing = []
    for path in inputs:
        done = subprocess.run(
            [sys.executable, str(HERE / f"fuzz_{target}.py"), str(path), f"-timeout={DEFAULT_TIMEOUT_S}"],
            capture_output=True, timeout=600,
        )
        if done.returncode != 0:
            failing.append(str(path.relative_to(HERE)))
    return failing


def write_results(outcomes: list[Outcome], args: argparse.Namespace) -> None:
    latest = json.loads(LATEST.read_text()) if LATEST.exists() else {}
    for o in outcomes:
        latest[o.target] = {
            "seconds": round(o.seconds), "executions": o.executions, "crashes": o.crashes,
            "date": time.strftime("%Y-%m-%d %H:%M"),
            "timeout": args.timeout,
            "rss_limit_mb": args.rss_limit_mb,
        }
    LATEST.write_text(json.dumps(latest, indent=1, sort_keys=True) + "\n")
    lines = [
        "# Fuzzing results (atheris + libFuzzer)",
        "",
        "Written by `fuzz/run_all.py` (latest run of each target; Python "
        f"{sys.version.split()[0]}, one process at a time on a shared 2-core machine). A crash input "
        "stops libFuzzer; the target restarts for the rest of its time (at most "
        f"{MAX_RESTARTS} restarts). The last column lists what fuzzing found and what fixed it; "
        "the warc, tags and files findings came from short first runs (5-12 s per target) made "
        "while the targets were being finished, before the runs in this table.",
        "",
        "| target | run at | seconds | executions | exec/s | -timeout / -rss_limit_mb "
        "| crash inputs in that run | found and fixed (regression test) |",
        "|---|---|---:|---:|---:|---|---|---|",
    ]
    for target in sorted(latest):
        row = latest[target]
        rate = row["executions"] / row["seconds"] if row["seconds"] else 0.0
        crashes = "<br>".join(f"`{c}`" for c in row["crashes"]) or "0"
        fixed = "<br>".join(f"{what} → `{test}`" for what, test in FIXED.get(target, [])) or "–"
        lines.append(
            f"| {target} | {row['date']} | {row['seconds']} | {row['executions']} | {rate:.1f} "
            f"| {row['timeout']} s / {row['rss_limit_mb']} MB | {crashes} | {fixed} |"
        )
    total_s = sum(row["seconds"] for row in latest.values())
    total_x = sum(row["executions"] for row in latest.values())
    lines += ["", f"Total: {total_s / 60:.1f} CPU minutes, {total_x} executions.", ""]
    RESULTS.write_text("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", help=f"default: all ({', '.join(targets())})")
    parser.add_argument("--seconds", type=int, default=150, help="fuzzing time per target")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT_S, help="libFuzzer -timeout per input")
    parser.add_argument("--rss-limit-mb", type=int, default=DEFAULT_RSS_MB)
    parser.add_argument("--replay", action="store_true", help="only re-run saved crash inputs")
    args = parser.parse_args(argv)
    chosen = args.targets or targets()
    if args.replay:
        failing = [path for target in chosen for path in replay(target)]
        print("\n".join(failing) or "every saved crash input now passes")
        return 1 if failing else 0
    outcomes = []
    for target in chosen:
        print(f"fuzzing {target} for {args.seconds} s", flush=True)
        outcomes.append(fuzz(target, args.seconds, args))
        write_results(outcomes, args)
    print(RESULTS.read_text())
    return 1 if any(o.crashes for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared set-up for Marsad's atheris fuzz targets.

Every target is a script `fuzz/fuzz_<surface>.py` defining `test_one_input(data: bytes)`.
It imports the code under test inside `instrumented()` (coverage feedback for `marsad` only,
not for lxml or trafilatura) and ends with `run(test_one_input)`.

Bounds, so that a target finds crashes, hangs and memory blow-ups instead of causing them:
- address space is capped (RLIMIT_AS, `MARSAD_FUZZ_MEM_MB`, default 3072): an input that
  tries to allocate without bound raises MemoryError, which atheris reports as a crash;
- libFuzzer's own `-rss_limit_mb` and `-timeout` (set by `run_all.py`) report inputs that
  grow resident memory or run too long for one page.
"""

from __future__ import annotations

import os
import resource
import sys
from contextlib import contextmanager
from pathlib import Path

import atheris

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
# Address-space cap for one fuzzing process; libFuzzer's RSS limit is set below this.
DEFAULT_MEM_MB = 3072


def limit_memory(megabytes: int | None = None) -> None:
    megabytes = megabytes or int(os.environ.get("MARSAD_FUZZ_MEM_MB", DEFAULT_MEM_MB))
    limit = megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


@contextmanager
def instrumented():
    """Import the code under test with coverage instrumentation (Marsad's own modules only)."""
    with atheris.instrument_imports(include=["marsad"]):
        yield


def run(test_one_input) -> None:
    limit_memory()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()

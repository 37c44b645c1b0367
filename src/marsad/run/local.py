"""Run the pipeline in this process over a stream of inputs, counting what happened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from marsad.errors import PageRejected
from marsad.model import ExtractedPage, Page
from marsad.pipeline import process_page
from marsad.readers import read_inputs
from marsad.settings import Settings

Outcome = ExtractedPage | PageRejected


@dataclass
class RunSummary:
    pages: int = 0  # pages read and extracted
    articles: int = 0  # articles extracted
    stored_pages: int = 0  # pages newly written to the store
    stored_articles: int = 0  # articles newly written to the store
    already_stored: int = 0  # pages the store had from an earlier run
    rejected: Counter = field(default_factory=Counter)  # reason -> count
    messages: list[str] = field(default_factory=list)

    def reject(self, rejected: PageRejected) -> None:
        self.rejected[rejected.reason] += 1
        self.messages.append(rejected.line())

    @property
    def total_rejected(self) -> int:
        return sum(self.rejected.values())


def run_local(inputs: Iterable[str], settings: Settings) -> Iterator[Outcome]:
    """Yield, for each input page, its extraction or the reason it was rejected."""
    for item in read_inputs(inputs):
        yield item if isinstance(item, PageRejected) else outcome_of(item, settings)


def outcome_of(page: Page, settings: Settings) -> Outcome:
    """Process one page; every failure becomes a rejection with a reason (every runner uses this)."""
    try:
        return process_page(page, settings)
    except PageRejected as rejected:
        return rejected
    except RecursionError:
        return PageRejected("too_deep", "markup nested too deeply to parse", page.name)
    except Exception as exc:  # noqa: BLE001 - one broken page must not stop the batch
        return PageRejected("internal_error", f"{type(exc).__name__}: {exc}", page.name)

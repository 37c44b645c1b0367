"""Errors Marsad raises. A rejected page carries a reason code and a one-line message."""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""


class PageRejected(MarsadError):
    """An input (or one record of it) that cannot become a page; the batch goes on."""

    def __init__(self, reason: str, detail: str, name: str | None = None):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.name = name

    def line(self) -> str:
        where = f"{self.name}: " if self.name else ""
        return f"{where}{self.reason}: {self.detail}"

"""Merged events as JSON lines: every field Marsad computes, with the reporting articles.

One object per stored event (`marsad.store.events.iter_stored_events`): type, participants,
location, occasion, date, date_text, duration_minutes, cameo (plus its description), status,
the number of articles, and `evidence` (article id, url, source, published, and why the
article was joined to the event).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from marsad.enrich.cameo import DESCRIPTIONS

FIELDS = (
    "id",
    "type",
    "participants",
    "location",
    "occasion",
    "date",
    "date_text",
    "duration_minutes",
    "cameo",
    "status",
    "countries",
    "articles",
    "first_seen",
    "updated_at",
)
EVIDENCE_FIELDS = ("article_id", "url", "source", "published", "title", "reason")


def record(event: dict[str, Any]) -> dict[str, Any]:
    item = {name: event.get(name) for name in FIELDS}
    item["cameo_name"] = DESCRIPTIONS.get(event.get("cameo") or "")
    item["evidence"] = [{k: e.get(k) for k in EVIDENCE_FIELDS} for e in event.get("evidence") or []]
    return item


def jsonl_lines(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    for event in events:
        yield json.dumps(record(event), ensure_ascii=False) + "\n"

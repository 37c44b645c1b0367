"""Events as JSONL, or as GDELT 2.0 event rows (61 tab-separated columns, no header).

GDELT events are dyadic: an event with three participants becomes one row per pair. Fields
Marsad does not compute (actor codes, Goldstein scale, tone, coordinates) are left empty;
names are the canonical Arabic names. Columns follow the GDELT 2.0 Event Codebook.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import combinations
from typing import Any

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{name}" for name in _ACTOR)
    + tuple(f"Actor2{name}" for name in _ACTOR)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    + tuple(f"Actor1Geo_{name}" for name in _GEO)
    + tuple(f"Actor2Geo_{name}" for name in _GEO)
    + tuple(f"ActionGeo_{name}" for name in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
# CAMEO root codes by GDELT quad class: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict.
QUAD_CLASS_BY_ROOT = {
    **dict.fromkeys(range(1, 6), 1),
    **dict.fromkeys(range(6, 9), 2),
    **dict.fromkeys(range(9, 14), 3),
    **dict.fromkeys(range(14, 21), 4),
}
# Participants paired per event: 6 give 15 rows; more are usually a list of attendees.
MAX_PARTICIPANTS = 6
# GDELT ids are signed 64-bit integers; 15 hex digits stay well inside.
ID_HEX_DIGITS = 15


def jsonl_lines(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    for event in events:
        yield json.dumps(event, ensure_ascii=False) + "\n"


def _event_day(event: dict[str, Any]) -> date | None:
    for value in (event.get("date"), (event.get("article") or {}).get("published")):
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            continue
    return None


def _clean(value: Any) -> str:
    """A TSV field: no tabs or line breaks inside."""
    return "" if value is None else " ".join(str(value).split())


def _cameo_codes(cameo: str | None) -> tuple[str, str, str, str]:
    """(EventCode, EventBaseCode, EventRootCode, QuadClass) from a CAMEO code like '042'."""
    code = _clean(cameo)
    if not code[:2].isdigit():
        return code, "", "", ""
    quad = QUAD_CLASS_BY_ROOT.get(int(code[:2]))
    return code, code[:3], code[:2], "" if quad is None else str(quad)


def _event_id(event: dict[str, Any], pair: tuple[str, str]) -> str:
    key = json.dumps([event, pair], ensure_ascii=False, sort_keys=True, default=str)
    return str(int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS], 16))


def _pairs(participants: list[str]) -> list[tuple[str, str]]:
    names = [_clean(p) for p in participants if _clean(p)][:MAX_PARTICIPANTS]
    if len(names) < 2:
        return [(names[0] if names else "", "")]
    return list(combinations(names, 2))


def gdelt_rows(event: dict[str, Any]) -> list[list[str]]:
    """The GDELT rows of one event (one per participant pair)."""
    day = _event_day(event)
    day_fields = ["", "", "", ""]
    if day is not None:
        fraction = day.year + (day.timetuple().tm_yday - 1) / 365
        day_fields = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]
    code, base, root, quad = _cameo_codes(event.get("cameo"))
    place = _clean(event.get("location"))
    url = _clean((event.get("article") or {}).get("url"))
    added = f"{day_fields[0]}000000" if day is not None else ""
    rows = []
    for actor1, actor2 in _pairs(event.get("participants") or []):
        row = dict.fromkeys(GDELT_COLUMNS, "")
        row.update(zip(("Day", "MonthYear", "Year", "FractionDate"), day_fields, strict=True))
        row.update(GlobalEventID=_event_id(event, (actor1, actor2)), Actor1Name=actor1, Actor2Name=actor2)
        row.update(IsRootEvent="0", EventCode=code, EventBaseCode=base, EventRootCode=root, QuadClass=quad)
        row.update(NumMentions="1", NumSources="1", NumArticles="1", ActionGeo_FullName=place)
        row.update(DATEADDED=added, SOURCEURL=url)
        rows.append([row[name] for name in GDELT_COLUMNS])
    return rows


def gdelt_lines(events: Iterable[dict[str, Any]], header: bool = False) -> Iterator[str]:
    """GDELT 2.0 event lines; GDELT's own files have no header, so none unless asked."""
    if header:
        yield "\t".join(GDELT_COLUMNS) + "\n"
    for event in events:
        for row in gdelt_rows(event):
            yield "\t".join(row) + "\n"

"""Merged events as GDELT 2.0 event-table rows: 61 tab-separated columns, no header.

GDELT events are dyadic (Actor1 does EventCode to Actor2), so an event with three parties
becomes one row per pair (at most MAX_PARTICIPANTS parties); an event with one party has an
empty Actor2. Column mapping (GDELT 2.0 Event Codebook, in file order):

  GlobalEventID         integer from the stored event id and the actor pair (stable)
  Day, MonthYear, Year, FractionDate   the event date, else the first reporting article's
  Actor1Code/Actor2Code CAMEO actor code = the actor's country code when known (see below)
  Actor1Name/Actor2Name the canonical Arabic name (GDELT writes English upper case)
  Actor*CountryCode     ISO 3166-1 alpha-3 (what CAMEO uses for states) of the party itself
                        (a country) or of the nationality the article gives it; empty if unknown
  Actor*KnownGroupCode .. Type3Code   empty (Marsad does not code actor roles)
  IsRootEvent           1 when some article reports the event as its first event, else 0
  EventCode             the CAMEO code ("044"); EventBaseCode its first three digits;
                        EventRootCode its first two
  QuadClass             1 verbal / 2 material cooperation, 3 verbal / 4 material conflict
  GoldsteinScale        the Goldstein (1992) value of the code as GDELT uses it
  NumMentions           articles that report the event (each article counted once)
  NumSources            distinct outlets among them; NumArticles the articles again
  AvgTone               empty (no tone model)
  Actor1Geo_*, Actor2Geo_*   empty
  ActionGeo_Type        1 country, 4 world city (GDELT's codes); empty when no place
  ActionGeo_FullName    the place as named ("لاهاي"); ActionGeo_CountryCode empty (GDELT
                        uses FIPS 10-4 codes, which Marsad does not carry); ActionGeo_FeatureID
                        the gazetteer id (Wikidata QID or GeoNames id); Lat/Long empty
  DATEADDED             when Marsad first stored the event, YYYYMMDDHHMMSS (UTC)
  SOURCEURL             the URL of the first reporting article

Marsad's own fields that GDELT has no column for (occasion, duration, status, date_text)
are in the JSONL export (`events_jsonl.py`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from itertools import combinations
from typing import Any

from marsad.enrich.cameo import place_country, quad_class
from marsad.knowledge import load_knowledge

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
COLUMNS = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{n}" for n in _ACTOR)
    + tuple(f"Actor2{n}" for n in _ACTOR)
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
    + tuple(f"Actor1Geo_{n}" for n in _GEO)
    + tuple(f"Actor2Geo_{n}" for n in _GEO)
    + tuple(f"ActionGeo_{n}" for n in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
assert len(COLUMNS) == 61  # the GDELT 2.0 event table
# Goldstein scale of the CAMEO codes Marsad emits (Goldstein 1992, as in GDELT's lookup).
GOLDSTEIN = {
    "010": 0.0,
    "036": 4.0,
    "040": 1.0,
    "041": 1.0,
    "042": 1.9,
    "043": 2.8,
    "044": 2.5,
    "046": 7.0,
    "057": 8.0,
    "0871": 9.0,
    "141": -6.5,
    "163": -8.0,
    "190": -10.0,
    "195": -10.0,
}
# Parties paired per event: 6 give 15 rows; more are usually a list of attendees.
MAX_PARTICIPANTS = 6
# GDELT ids are signed 64-bit integers; 15 hex digits stay well inside.
ID_HEX_DIGITS = 15
GEO_COUNTRY, GEO_WORLD_CITY = "1", "4"
# ISO 3166-1 alpha-2 -> alpha-3 (CAMEO state codes), from the dr5hn countries table
# (shared/data/gazetteers/dr5hn_countries_ar.tsv, ODbL-1.0; the codes themselves are ISO's).
ISO3 = dict(
    (pair[:2], pair[2:])
    for pair in (
        "250 "
        "AFAFG AXALA ALALB DZDZA ASASM ADAND AOAGO AIAIA AQATA AGATG ARARG AMARM AWABW AUAUS ATAUT AZAZE "
        "BSBHS BHBHR BDBGD BBBRB BYBLR BEBEL BZBLZ BJBEN BMBMU BTBTN BOBOL BABIH BWBWA BVBVT BRBRA IOIOT "
        "BNBRN BGBGR BFBFA BIBDI KHKHM CMCMR CACAN CVCPV KYCYM CFCAF TDTCD CLCHL CNCHN CXCXR CCCCK COCOL "
        "KMCOM CGCOG CDCOD CKCOK CRCRI CICIV HRHRV CUCUB CYCYP CZCZE DKDNK DJDJI DMDMA DODOM TLTLS ECECU "
        "EGEGY SVSLV GQGNQ ERERI EEEST ETETH FKFLK FOFRO FJFJI FIFIN FRFRA GFGUF PFPYF TFATF GAGAB GMGMB "
        "GEGEO DEDEU GHGHA GIGIB GRGRC GLGRL GDGRD GPGLP GUGUM GTGTM GGGGY GNGIN GWGNB GYGUY HTHTI HMHMD "
        "HNHND HKHKG HUHUN ISISL ININD IDIDN IRIRN IQIRQ IEIRL ILISR ITITA JMJAM JPJPN JEJEY JOJOR KZKAZ "
        "KEKEN KIKIR KPPRK KRKOR KWKWT KGKGZ LALAO LVLVA LBLBN LSLSO LRLBR LYLBY LILIE LTLTU LULUX MOMAC "
        "MKMKD MGMDG MWMWI MYMYS MVMDV MLMLI MTMLT IMIMN MHMHL MQMTQ MRMRT MUMUS YTMYT MXMEX FMFSM MDMDA "
        "MCMCO MNMNG MEMNE MSMSR MAMAR MZMOZ MMMMR NANAM NRNRU NPNPL BQBES NLNLD NCNCL NZNZL NINIC NENER "
        "NGNGA NUNIU NFNFK MPMNP NONOR OMOMN PKPAK PWPLW PSPSE PAPAN PGPNG PYPRY PEPER PHPHL PNPCN PLPOL "
        "PTPRT PRPRI QAQAT REREU ROROU RURUS RWRWA SHSHN KNKNA LCLCA PMSPM VCVCT BLBLM MFMAF WSWSM SMSMR "
        "STSTP SASAU SNSEN RSSRB SCSYC SLSLE SGSGP SKSVK SISVN SBSLB SOSOM ZAZAF GSSGS SSSSD ESESP LKLKA "
        "SDSDN SRSUR SJSJM SZSWZ SESWE CHCHE SYSYR TWTWN TJTJK TZTZA THTHA TGTGO TKTKL TOTON TTTTO TNTUN "
        "TRTUR TMTKM TCTCA TVTUV UGUGA UAUKR AEARE GBGBR USUSA UMUMI UYURY UZUZB VUVUT VAVAT VEVEN VNVNM "
        "VGVGB VIVIR WFWLF EHESH YEYEM ZMZMB ZWZWE XKXKX CWCUW SXSXM "
    ).split()
)


def _clean(value: Any) -> str:
    """A TSV field: no tabs or line breaks inside."""
    return "" if value is None else " ".join(str(value).split())


def _day(event: dict[str, Any]) -> date | None:
    for value in (event.get("date"), event.get("day")):
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            continue
    return None


def event_code_fields(code: str | None) -> dict[str, str]:
    code = _clean(code)
    if not code[:2].isdigit():
        return {
            "EventCode": code,
            "EventBaseCode": "",
            "EventRootCode": "",
            "QuadClass": "",
            "GoldsteinScale": "",
        }
    quad = quad_class(code)
    goldstein = GOLDSTEIN.get(code, GOLDSTEIN.get(code[:3]))
    return {
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": code[:2],
        "QuadClass": "" if quad is None else str(quad),
        "GoldsteinScale": "" if goldstein is None else f"{goldstein:.1f}",
    }


def actor_country(name: str, countries: dict[str, str] | None = None) -> str:
    """Alpha-3 code of a party: a country itself, or the nationality given in ."""
    iso2 = (countries or {}).get(name)
    if iso2 is None:
        place = load_knowledge().place(name)
        iso2 = place.country if place is not None and place.kind == "country" else None
    return ISO3.get(iso2 or "", "")


def action_geo(location: str | None) -> dict[str, str]:
    if not location:
        return {}
    place = load_knowledge().place(location)
    country = place_country(location)
    kind = GEO_COUNTRY if place is not None and place.kind == "country" else GEO_WORLD_CITY if country else ""
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": _clean(location),
        "ActionGeo_FeatureID": place.id if place else "",
    }


def _pairs(participants: list[str]) -> list[tuple[str, str]]:
    names = [_clean(p) for p in participants if _clean(p)][:MAX_PARTICIPANTS]
    if len(names) < 2:
        return [(names[0] if names else "", "")]
    return list(combinations(names, 2))


def _global_id(event_id: str, pair: tuple[str, str]) -> str:
    digest = hashlib.sha1(f"{event_id}\x1f{pair[0]}\x1f{pair[1]}".encode()).hexdigest()
    return str(int(digest[:ID_HEX_DIGITS], 16))


def gdelt_rows(event: dict[str, Any]) -> list[list[str]]:
    """The GDELT rows of one stored event (`marsad.store.events.iter_stored_events`); its
    `countries` map gives the parties' nationalities (ISO alpha-2)."""
    countries = event.get("countries") or {}
    day = _day(event)
    evidence = event.get("evidence") or []
    base = dict.fromkeys(COLUMNS, "")
    if day is not None:
        fraction = day.year + (day.timetuple().tm_yday - 1) / 365
        base.update(
            Day=day.strftime("%Y%m%d"),
            MonthYear=day.strftime("%Y%m"),
            Year=str(day.year),
            FractionDate=f"{fraction:.4f}",
        )
    base.update(event_code_fields(event.get("cameo")))
    base.update(action_geo(event.get("location")))
    articles = {e.get("article_id") for e in evidence} or {None}
    sources = {e.get("source") for e in evidence if e.get("source")}
    base.update(
        IsRootEvent="1" if any(e.get("position") == 0 for e in evidence) else "0",
        NumMentions=str(len(articles)),
        NumSources=str(max(1, len(sources))),
        NumArticles=str(len(articles)),
    )
    if event.get("first_seen"):
        base["DATEADDED"] = datetime.fromtimestamp(float(event["first_seen"]), UTC).strftime("%Y%m%d%H%M%S")
    base["SOURCEURL"] = _clean(next((e.get("url") for e in evidence if e.get("url")), ""))
    rows = []
    for actor1, actor2 in _pairs(list(event.get("participants") or [])):
        row = dict(base)
        row["GlobalEventID"] = _global_id(str(event.get("id", "")), (actor1, actor2))
        for slot, name in (("Actor1", actor1), ("Actor2", actor2)):
            code = actor_country(name, countries) if name else ""
            row.update({f"{slot}Name": name, f"{slot}CountryCode": code, f"{slot}Code": code})
        rows.append([row[c] for c in COLUMNS])
    return rows


def gdelt_lines(events: Iterable[dict[str, Any]], header: bool = False) -> Iterator[str]:
    """GDELT 2.0 event lines; GDELT's own files have no header, so none unless asked."""
    if header:
        yield "\t".join(COLUMNS) + "\n"
    for event in events:
        for row in gdelt_rows(event):
            yield "\t".join(row) + "\n"

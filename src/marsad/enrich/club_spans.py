"""Places that play: a town's name that names its football club in sports news.

The taggers read "ليون" and "هامبورغ" as places, while ANERcorp (and readers) file a club
named after its town as an organisation. Two signs in the sentence make a place a club:
- a score next to it ("فوزه على [كوبنهاغن] 1 - صفر", "[ليون] صفر - 2");
- a draw or results list, where two or more names stand each before its country in
  brackets and a dash pairs two of them ("ليفسكي صوفيا ( بلغاريا ) - تشلسي ( إنجلترا )");
  without the dash such a list is a journey ("نجامينا (تشاد) وجيبوتي (جيبوتي)").
Countries are left alone: a country's team is its "منتخب", which ANERcorp leaves a place. (A
people's adjective in the masculine after a town, "ليون الفرنسي", names the club too, but
also a town after a masculine head: "مطاري عمان الأردني ودمشق السوري"; not used.)
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.enrich.gazetteer import shipped_gazetteer
from marsad.eval.ner import span_tags
from marsad.knowledge import place_of

SCORE_WORDS = frozenset({"صفر"})
DASHES = frozenset({"-", "–", "ـ"})
MIN_BRACKETED_COUNTRIES = 2


def places_as_clubs(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """The tags with each place's span that plays in this sentence retagged ORG."""
    retagged = list(tags)
    bracketed = None  # counted on first need: most sentences hold no bracket
    for start, tag in enumerate(tags):
        if tag != "B-LOC":
            continue
        end = start + 1
        while end < len(tags) and tags[end] == "I-LOC":
            end += 1
        club = _score_at(tokens, end) or _score_before(tokens, start)
        if not club and end < len(tokens) and tokens[end] == "(":
            if bracketed is None:
                bracketed = _bracketed_list(tokens)
            club = bracketed and _bracketed_country(tokens, end)
        if club and not _country(" ".join(tokens[start:end])):
            retagged[start:end] = span_tags("ORG", end - start)
    return retagged


def _country(words: str) -> bool:
    place = place_of(words)
    return place is not None and place.kind == "country"


def _number(token: str) -> bool:
    return token.isdigit() or token in SCORE_WORDS


def _score_at(tokens: Sequence[str], i: int) -> bool:
    """ "[X] 1 - صفر" """
    return i + 2 < len(tokens) and _number(tokens[i]) and tokens[i + 1] in DASHES and _number(tokens[i + 2])


def _score_before(tokens: Sequence[str], i: int) -> bool:
    """ "1 - 2 [X]" """
    return i >= 3 and _number(tokens[i - 3]) and tokens[i - 2] in DASHES and _number(tokens[i - 1])


def _bracketed_list(tokens: Sequence[str]) -> bool:
    """Two or more bracketed countries in the sentence, one of them before a dash."""
    found = [i for i in range(len(tokens)) if _bracketed_country(tokens, i)]
    paired = any(i + 3 < len(tokens) and tokens[i + 3] in DASHES for i in found)
    return len(found) >= MIN_BRACKETED_COUNTRIES and paired


def _bracketed_country(tokens: Sequence[str], i: int) -> bool:
    """ "( إنجلترا )" from token i on: a country, or a place the curated gazetteer lists
    ("إنجلترا" is no sovereign country)."""
    if not (i + 2 < len(tokens) and tokens[i] == "(" and tokens[i + 2] == ")"):
        return False
    return _country(tokens[i + 1]) or shipped_gazetteer().names(tokens[i + 1], "LOC")

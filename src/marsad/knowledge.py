"""Shipped place knowledge: canonical names, variants, ids, nisba adjectives, capitals.

Built by `python -m marsad.train.knowledge` from the gazetteers (see that module for
sources and licences). Loaded once, lazily, and indexed by normalised name. A shared
table, not a pipeline stage: extraction (is this line a city or an outlet?), the
enrichment stages, the store and the exports all look places up here.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from marsad.arabic.normalize import normalize_word

KNOWLEDGE_RESOURCE = "models/knowledge.json.gz"


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str  # "country" | "city" | "region"
    country: str | None  # ISO code of the country (its own code for a country, None for a region)
    capital: bool = False


@dataclass(frozen=True)
class Knowledge:
    places: dict[str, Place]  # normalised name -> place (countries win over cities)
    nisba: dict[str, Place]  # normalised adjective stem -> country ("ايراني" -> Iran)
    countries: dict[str, Place]  # ISO code -> country
    capitals: dict[str, Place] = field(default_factory=dict)  # ISO code -> its capital city

    def place(self, name: str) -> Place | None:
        return self.places.get(key(name))

    def capital_of(self, country: str) -> Place | None:
        """'SO' -> Mogadishu: the country's capital city, as the gazetteer names it."""
        return self.capitals.get(country)

    def country_of_adjective(self, word: str) -> Place | None:
        """'الإيراني', 'والإيرانية', 'الإيرانيين' -> Iran."""
        return self.nisba.get(adjective_stem(word))


def key(name: str) -> str:
    """The matching form of a name; cached (`normalize_word`), as title scans ask for the
    same few hundred words of every article again and again."""
    return normalize_word(name)


def adjective_stem(word: str) -> str:
    """Fold a nisba adjective to its masculine singular without article or conjunction."""
    folded = key(word)
    for prefix in ("وال", "بال", "لل", "ال", "و"):
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 3:
            folded = folded[len(prefix):]
            break
    for suffix in ("يين", "يون", "يان", "يه", "يات"):  # plurals and the dual ("البرازيليان")
        if folded.endswith(suffix):
            return folded[: -len(suffix)] + "ي"
    return folded


@cache
def load_knowledge() -> Knowledge:
    data = json.loads(gzip.decompress(resources.files("marsad").joinpath(KNOWLEDGE_RESOURCE).read_bytes()))
    places: dict[str, Place] = {}
    for city in data["cities"]:
        place = Place(city["id"], city["name"], "city", city["country"], city["capital"])
        for name in [city["name"], *city["variants"]]:
            places.setdefault(key(name), place)
    nisba: dict[str, Place] = {}
    countries: dict[str, Place] = {}
    for country in data["countries"]:
        place = Place(country["id"], country["name"], "country", country["iso2"])
        countries[country["iso2"]] = place
        for name in [country["name"], *country["variants"]]:
            places[key(name)] = place
        for adjective in country["nisba"]:
            # both stems: "ألماني" written alone loses its first letters as if they were the article
            nisba[adjective_stem(adjective)] = place
            nisba.setdefault(adjective_stem("ال" + adjective), place)
    for region in data.get("regions", []):
        place = Place(region["id"], region["name"], "region", None)
        for name in [region["name"], *region["variants"]]:
            places.setdefault(key(name), place)
    capitals: dict[str, Place] = {}
    for place in places.values():
        if place.kind == "city" and place.capital and place.country:
            capitals.setdefault(place.country, place)
    return Knowledge(places=places, nisba=nisba, countries=countries, capitals=capitals)


@lru_cache(maxsize=50_000)
def place_of(name: str) -> Place | None:
    """The gazetteer place of a name (cached: a pure lookup asked for every place mention)."""
    return load_knowledge().place(name)


@lru_cache(maxsize=50_000)
def country_of_word(word: str) -> Place | None:
    """'التركي', 'والإيرانية' -> the country of a nationality adjective (cached: a pure lookup
    in the shipped table, asked for every word near a title)."""
    return load_knowledge().country_of_adjective(word)

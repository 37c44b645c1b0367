"""A place's span completed from the gazetteer: "بالمدينة [المنورة]", "[مكة] المكرمة".

The taggers sometimes tag one word of a two-word place and leave the rest untagged, or
as a second one-word place that resolution cannot join ("المدينة" and "المنورة"). When a
place's span is no place the curated gazetteer lists, and the span with the untagged word
next to it is one, the span takes that word in. A span that is a listed place by itself
stays as it is: ANERcorp tags "في [مكة] المكرمة" and "دولة [الكويت]" so. The
machine-made weak lists are not asked: they hold too many phrases that are no place.

An organisation's span likewise takes the untagged conjunct after it ("حزب العدالة
[والتنمية]") when either gazetteer list holds the longer run as an organisation and not
the span alone: the taggers often stop at a name's و, and ANERcorp tags such names whole.

A country named by a compass word and another country's name ("جنوب السودان", "جنوب
أفريقيا") takes the compass word into the span even though the tagged word alone is a
listed place: the two are different countries.

A summit is named after the city that hosts it ("قمة قازان", "لقمة الرياض"): an untagged
city or country of Marsad's knowledge right after "قمة" is a place. The taggers know the
capitals there but not every city; ANERcorp tags such places (no untagged one follows "قمة"
in its training part, nor in Wojood's).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.arabic.normalize import normalize_word
from marsad.arabic.tokenize import proclitic_splits
from marsad.enrich.gazetteer import Gazetteer, shipped_gazetteer
from marsad.enrich.resolve import PLACE_NOUNS
from marsad.eval.ner import span_tags, spans
from marsad.knowledge import place_of

PLACE = "LOC"
ORGANISATION = "ORG"
ORGANISATION_LISTS = ("ORG", "ORG_WEAK")
SUMMIT = normalize_word("قمة")
MAX_PLACE_WORDS = 2
COMPASS_WORDS = frozenset(normalize_word(w) for w in "جنوب شمال شرق غرب".split())


def extend_place_spans(
    tokens: Sequence[str], tags: Sequence[str], gazetteer: Gazetteer | None = None
) -> list[str]:
    """The tags with each place's span that is no listed place by itself grown by one
    untagged word on either side where the gazetteer lists the longer run as a place."""
    extended = list(tags)
    gazetteer = gazetteer or shipped_gazetteer()
    for start, end, kind in spans(tags):
        if kind != PLACE:
            continue
        before, after = _joins(tokens, extended, start - 1), _joins(tokens, extended, end)
        untagged_before = start > 0 and extended[start - 1] == "O"
        if untagged_before and _another_country(tokens[start - 1 : end], tokens[start:end]):
            extended[start - 1 : end] = span_tags(PLACE, end - start + 1)
            continue  # "حكومة جنوب [السودان]": South Sudan, not Sudan
        if not (before or after) or _listed_place(tokens[start:end], gazetteer):
            continue  # "في [مكة] المكرمة", "دولة [الكويت]": the annotated data tags the place alone
        if before and _listed_place(tokens[start - 1 : end], gazetteer):
            start -= 1
        if after and _listed_place(tokens[start : end + 1], gazetteer):
            end += 1
        extended[start:end] = span_tags(PLACE, end - start)
    return extended


def extend_organisation_spans(
    tokens: Sequence[str], tags: Sequence[str], gazetteer: Gazetteer | None = None
) -> list[str]:
    """The tags with each organisation's span grown by the untagged و-word after it (and the
    word after that) where the gazetteer lists the longer run as an organisation and not the
    span alone. Only a conjunct: the weak list also holds generic runs ("الهيئة العامة")."""
    extended = list(tags)
    gazetteer = gazetteer or shipped_gazetteer()
    for start, end, kind in spans(tags):
        if kind != ORGANISATION or not tokens[end : end + 1] or not tokens[end].startswith("و"):
            continue
        words = [normalize_word(word) for word in tokens[start:end]]
        if gazetteer.lists_whole(words, ORGANISATION_LISTS):
            continue
        for size in (2, 1):
            after = tokens[end : end + size]
            untagged = len(after) == size and all(tag == "O" for tag in extended[end : end + size])
            longer = words + [normalize_word(word) for word in after]
            if untagged and gazetteer.lists_whole(longer, ORGANISATION_LISTS):
                extended[end : end + size] = [f"I-{ORGANISATION}"] * size
                break
    return extended


def _joins(tokens: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """Whether word i may join the place next to it: untagged, and no word for a kind of
    place without the article ("بمدينة [الصدر]": ANERcorp tags the name alone; "المدينة
    المنورة" is the name itself)."""
    if not 0 <= i < len(tokens) or tags[i] != "O":
        return False
    return not any(rest in PLACE_NOUNS for _, rest in proclitic_splits(normalize_word(tokens[i])))


def _another_country(longer: Sequence[str], span: Sequence[str]) -> bool:
    """Is the span with the word before it a country other than the span's own place ("جنوب
    السودان", "وجنوب أفريقيا"; not "شمال العراق")?"""
    first = longer[0][1:] if longer[0][:1] in ("و", "ب", "ل", "ف") else longer[0]
    if normalize_word(first) not in COMPASS_WORDS:
        return False  # "جمهورية الصين [الشعبية]" is no other country than الصين
    country = place_of(" ".join([first, *longer[1:]]))
    own = place_of(" ".join(span))
    return country is not None and country.kind == "country" and (own is None or own.id != country.id)


def _listed_place(words: Sequence[str], gazetteer: Gazetteer) -> bool:
    return gazetteer.lists_whole([normalize_word(word) for word in words], (PLACE,))


def add_summit_places(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """The tags with the untagged city or country after "قمة" (any proclitics) tagged as a
    place: "قمة [قازان]"."""
    added = list(tags)
    for i in range(len(tokens) - 1):
        if "قم" not in tokens[i]:  # most words are no "قمة": a cheap test first
            continue
        if not any(rest == SUMMIT for _, rest in proclitic_splits(normalize_word(tokens[i]))):
            continue
        for size in range(MAX_PLACE_WORDS, 0, -1):
            words = tokens[i + 1 : i + 1 + size]
            if len(words) == size and all(tag == "O" for tag in added[i + 1 : i + 1 + size]):
                if place_of(" ".join(words)) is not None:
                    added[i + 1 : i + 1 + size] = span_tags(PLACE, size)
                    break
    return added

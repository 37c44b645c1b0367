"""CAMEO codes for Marsad's events, and the country facts that pick among them.

CAMEO (Conflict and Mediation Event Observations; Schrodt 2012, the coding GDELT 2.0
uses) names an event by a code whose first two digits are its root. A meeting is coded by
where it took place relative to its parties:

    042 make a visit            the event is a visit
    043 host a visit            the verb says a party received the other ("استقبل")
    044 meet at a third location  the place is in none of the parties' countries
    040 consult                 any other meeting (same country, or place unknown)
    036 express intent to meet  a planned meeting, call or visit

so the parties' countries matter. They are read from the article, not guessed: the
nationality adjective next to a name ("الرئيس التركي، رجب طيب أردوغان"), a title naming a
country ("أمير قطر"), a nisba in an organisation's name ("الحرس الثوري الإيراني"), and for
places the gazetteer ("عشق آباد" is in Turkmenistan) or the adjective after them ("لاهاي
الهولندية").
"""

from __future__ import annotations

import re

from marsad.knowledge import Place, load_knowledge, place_of

# Event type -> CAMEO code when nothing more specific applies.
BASE_CODES = {
    "meeting": "040",
    "call": "041",
    "visit": "042",
    "negotiation": "046",
    "agreement": "057",
    "statement": "010",
    "attack": "190",
    "protest": "141",
    "sanction": "163",
    "ceasefire": "0871",
    "election": None,  # CAMEO has no election event
}
CONSULT, PHONE, VISIT, HOST, THIRD_PLACE, INTENT_TO_MEET = "040", "041", "042", "043", "044", "036"
AIR_ATTACK = "195"  # employ aerial weapons
# Words in an attack's sentence that make it an air or missile strike.
AIR_WORDS = re.compile(r"جوي|جوية|غارة|غارات|طائر|مقاتلات|صاروخ|صواريخ|مسيرة|مسيّرة")
# Human-readable names of the codes Marsad emits (for exports and the web).
DESCRIPTIONS = {
    "010": "Make statement",
    "036": "Express intent to meet or negotiate",
    "040": "Consult",
    "041": "Discuss by telephone",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a third location",
    "046": "Engage in negotiation",
    "057": "Sign formal agreement",
    "0871": "Declare truce, ceasefire",
    "141": "Demonstrate or rally",
    "163": "Impose embargo, boycott, or sanctions",
    "190": "Use conventional military force",
    "195": "Employ aerial weapons",
}
INTERACTIONS = ("meeting", "call", "visit")
# Marks a party with no country of its own (an organisation such as طالبان): it does not
# decide whether the meeting place is foreign to the parties.
NON_STATE = "-"


def cameo_code(
    event_type: str,
    planned: bool = False,
    hosted: bool = False,
    place_country: str | None = None,
    party_countries: list[str | None] | None = None,
    occasion: str | None = None,
    sentence: str = "",
) -> str | None:
    """The CAMEO code of one event (see the module docstring for the meeting rules)."""
    if planned and event_type in INTERACTIONS:
        return INTENT_TO_MEET
    if event_type == "attack":
        return AIR_ATTACK if AIR_WORDS.search(sentence) else BASE_CODES["attack"]
    if event_type != "meeting":
        return BASE_CODES.get(event_type)
    if hosted:
        return HOST
    parties = [c for c in party_countries or [] if c != NON_STATE]
    known = [c for c in parties if c]
    if place_country and known and len(known) == len(parties):
        return THIRD_PLACE if place_country not in known else CONSULT
    if occasion and not place_country:
        return THIRD_PLACE  # a summit or forum abroad, place not named
    if place_country and known and place_country not in known and len(known) >= 2:
        return THIRD_PLACE
    return CONSULT


def quad_class(code: str | None) -> int | None:
    """GDELT QuadClass from the root code: 1 verbal cooperation (01-05), 2 material cooperation
    (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if not code or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    return 4 if 14 <= root <= 20 else None


# Words a place name may start with that are not part of the place ("مدينة جدة").
PLACE_PREFIXES = ("مدينة ", "العاصمة ", "عاصمة ", "بلدة ", "ولاية ", "محافظة ")


def place_country(name: str | None) -> Place | None:
    """The country a named place is in: from the gazetteer, after dropping "مدينة"/"العاصمة",
    or from a nationality adjective inside the name ("العاصمة المصرية القاهرة")."""
    if not name:
        return None
    knowledge = load_knowledge()
    candidates = [name, name.replace(" ", ""), name.split()[-1]]
    candidates += [name[len(p) :] for p in PLACE_PREFIXES if name.startswith(p)]
    for candidate in candidates:
        place = place_of(candidate)
        if place is not None and place.country is not None:
            return knowledge.countries.get(place.country, place if place.kind == "country" else None)
    for word in name.split()[1:]:
        country = knowledge.country_of_adjective(word)
        if country is not None:
            return country
    return None

"""Organisations written in Latin capitals inside Arabic text ("ونقلت شبكة "CNN" عن ...").

Both taggers learnt from Arabic-script news (ANERcorp, Wojood), so a Latin acronym is
an unknown shape to them and is left untagged, although Arabic news quotes "CNN", "BBC"
or "FIFA" as sources and actors every day. Not every Latin acronym is an organisation
(phone models "S9", "OLED", "GPS" are as common in ANT), so only acronyms that the Hkiri
Arabic–English lexicon lists as organisations are marked, and none it also lists as a
place or person ("USA"). The list ships as `models/ner_org_acronyms.txt.gz`, built by
`python -m marsad.train.ner --org-acronyms`. Written here because no NER resource for
Arabic covers Latin-script names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

ORG_ACRONYMS_FILE = "ner_org_acronyms.txt.gz"
# What an acronym looks like: a capital, then 1-7 capitals, digits or "&" ("CNN", "AT&T").
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# Lexicon entries that news mostly uses for something else, so they are not marked:
# everyday technical or economic terms, treaties (CTBT, GATS, UNCLOS, CEDAW, SOFA), a
# currency (BTC), a country (DRC) and a surname (ATTAR).
NOT_ORGANISATIONS = frozenset(
    "API ATM CAP CPR FDI GIS GNP ICT ISO NGO TELECOM UNIX APACHE CTBT GATS UNCLOS CEDAW SOFA BTC DRC ATTAR".split()
)


def is_acronym(word: str) -> bool:
    return bool(ACRONYM.fullmatch(word))


def add_org_acronyms(tokens: Sequence[str], tags: Sequence[str], acronyms: frozenset[str] | None = None) -> list[str]:
    """Untagged tokens that are a known organisation acronym become one-word ORG spans."""
    known = shipped_org_acronyms() if acronyms is None else acronyms
    marked = list(tags)
    for i, token in enumerate(tokens):
        if marked[i] == "O" and token in known:
            marked[i] = "B-ORG"
    return marked


@cache
def shipped_org_acronyms() -> frozenset[str]:
    from marsad.names import shipped_names

    return shipped_names(ORG_ACRONYMS_FILE)

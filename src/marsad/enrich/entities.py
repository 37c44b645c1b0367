"""Article stage: named entities found by the NER model, resolved to one entity per referent.

Currency units ("دولار", "اليورو") and God's name ("الله") are MISC to the tagger, as ANERcorp
tags them, but they name nothing a reader follows from article to article, so the article's
entities leave them out (`marsad eval ner` still scores the tagger's own tags). Seats of
government that speak for a government ("قال البيت الأبيض", "الكرملين") are organisations in the entity list,
whatever the tagger read them as (ANERcorp files the White House under MISC, and the taggers
read "الكرملين" as a person in some sentences).
"""

from __future__ import annotations

from marsad.enrich.gazetteer import CURRENCY, Gazetteer, shipped_gazetteer
from marsad.enrich.language import read_as_arabic
from marsad.enrich.resolve import Mention, resolve, strip_clitic
from marsad.knowledge import key
from marsad.model import Article, Entity

SEATS_OF_GOVERNMENT = frozenset(
    key(name)
    for name in (
        "البيت الأبيض",
        "الكرملين",
        "الإليزيه",
        "قصر الإليزيه",
        "البنتاغون",
        "البنتاجون",
        "داونينغ ستريت",
        "داوننغ ستريت",
    )
)

# God's name with the proclitics it takes ("والله", "بالله", "لله").
GOD = frozenset(key(clitics + "الله") for clitics in ("", "و", "ب", "ف", "ت", "وب", "فب")) | {
    key("لله"),
    key("ولله"),
}

# Title and body are tagged as one text so a name in the headline joins its body mentions.
TITLE_SEPARATOR = "\n"


def add_entities(article: Article) -> Article:
    """Fill `article.entities`; non-Arabic articles are left alone."""
    if not read_as_arabic(article):
        return article
    from marsad.enrich.mention_repair import repair_mentions
    from marsad.enrich.ner import find_entities

    text = f"{article.title}{TITLE_SEPARATOR}{article.text}" if article.title else article.text
    found = [Mention(surface, kind, start, end) for start, end, kind, surface in find_entities(text)]
    mentions = repair_mentions(text, found)
    # A hashtag mark inside a name left two spaces in its surface ("فلاديمير  بوتين").
    mentions = [Mention(" ".join(m.surface.split()), m.type, m.start, m.end) for m in mentions]
    mentions = seats_as_organisations(mentions)
    article.entities = without_unfollowed(resolve(text, mentions, article.dateline))
    return article


def without_unfollowed(entities: list[Entity]) -> list[Entity]:
    """The entities, less the MISC and LOC ones every mention of which is a currency name
    ("الدولار"; "[اليورو]" is no place; an organisation stays: "الريال" is Real Madrid) or
    God's name ("رحمه [الله]", "إن شاء [الله]": ANERcorp tags it MISC, so the taggers do,
    but no reader follows it from article to article; "حزب الله" is an organisation)."""
    gazetteer = shipped_gazetteer()
    return [
        entity
        for entity in entities
        if entity.type not in ("MISC", "LOC")
        or not all(_names_currency(mention, gazetteer) or key(mention) in GOD for mention in entity.mentions)
    ]


def _names_currency(mention: str, gazetteer: Gazetteer) -> bool:
    """A currency's name, also in the accusative or plural ("دولارا", "دولارات")."""
    forms = [mention] + [mention.removesuffix(ending) for ending in ("ات", "ا") if mention.endswith(ending)]
    return any(gazetteer.names(form, CURRENCY) for form in forms if form)


def seats_as_organisations(mentions: list[Mention]) -> list[Mention]:
    """Mentions of a seat of government ("وللبيت الأبيض", "الكرملين") typed ORG."""
    return [
        Mention(m.surface, "ORG", m.start, m.end)
        if key(strip_clitic(m.surface, SEATS_OF_GOVERNMENT)) in SEATS_OF_GOVERNMENT
        else m
        for m in mentions
    ]

"""Article stage: named entities found by the NER model, resolved to one entity per referent."""

from __future__ import annotations

from marsad.enrich.resolve import Mention, resolve
from marsad.model import Article

# Title and body are tagged as one text so a name in the headline joins its body mentions.
TITLE_SEPARATOR = "\n"


def add_entities(article: Article) -> Article:
    """Fill `article.entities`; non-Arabic articles are left alone."""
    if article.language not in (None, "ar"):
        return article
    from marsad.enrich.mention_repair import repair_mentions
    from marsad.enrich.ner import find_entities

    text = f"{article.title}{TITLE_SEPARATOR}{article.text}" if article.title else article.text
    found = [Mention(surface, kind, start, end) for start, end, kind, surface in find_entities(text)]
    mentions = repair_mentions(text, found)
    # A hashtag mark inside a name left two spaces in its surface ("فلاديمير  بوتين").
    mentions = [Mention(" ".join(m.surface.split()), m.type, m.start, m.end) for m in mentions]
    article.entities = resolve(text, mentions, article.dateline)
    return article

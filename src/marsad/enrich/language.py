"""Language of an article (ISO 639-1), so Persian or Urdu pages are not read as Arabic.

Arabic-script news in Persian and Urdu shares most letters with Arabic, and a
monitored page may quote English or French; the pipeline needs the article's main
language, not a script guess. We use lingua restricted to the languages a Marsad
source realistically publishes in, in low-accuracy (trigram) mode: about 25 MB of
memory instead of 156 MB (high accuracy, 4 languages) or 1.28 GB (all languages),
and the article lengths we classify are long enough that trigrams decide correctly
(see tests/unit/test_language.py). The detector is built once per process, lazily.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from marsad.errors import MarsadError
from marsad.model import Article

# Languages worth telling apart in Arabic news monitoring: Arabic, the other
# Arabic-script languages of the region, and the languages pages quote or mix in.
LANGUAGE_NAMES = ("ARABIC", "PERSIAN", "URDU", "ENGLISH", "FRENCH", "TURKISH", "HEBREW", "SPANISH", "GERMAN")
# Below this many letters (a headline fragment, a caption) trigram statistics are
# unreliable between Arabic, Persian and Urdu, so we say nothing rather than guess.
MIN_LETTERS = 20
# Detection cost grows with length; the first few thousand characters of an article
# are as informative as all of it.
MAX_CHARS = 3000
# When lingua's best language has less confidence than this, the text is mixed or
# unknown and the field stays empty.
MIN_CONFIDENCE = 0.5

# Arabic-script languages lingua does not know, told by letters of their own that Arabic,
# Persian and Urdu never use: Kurdish (Sorani: ە ێ ڵ ۆ ڕ) and Pashto (ټ ډ ړ ږ ښ ځ څ ګ ڼ ې ۍ).
# Iraqi and Afghan sources publish in them beside Arabic; lingua would call them Arabic or
# Persian, and the Arabic stages would then read them.
OWN_LETTERS = {
    "ku": frozenset("\u06d5\u06ce\u06b5\u06c6\u0695"),
    "ps": frozenset("\u067c\u0689\u0693\u0696\u069a\u0681\u0685\u06ab\u06bc\u06d0\u06cd"),
}
# Share of a text's Arabic-script letters that must be such letters: a Sorani text has about
# one in ten; a stray one (a transliteration, a typo) in an Arabic article decides nothing.
MIN_OWN_LETTER_SHARE = 0.02
ARABIC_SCRIPT_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d5\u06fa-\u06ff]")

INSTALL_HINT = "language detection needs lingua: pip install lingua-language-detector"
LETTER = re.compile(r"[^\W\d_]")


@cache
def _detector() -> Any:
    """Build the lingua detector on first use (never at import time)."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError as error:  # optional at import, required on use
        raise MarsadError(INSTALL_HINT) from error
    languages = [getattr(Language, name) for name in LANGUAGE_NAMES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


# Letters are counted in a short prefix first: any real article passes there, and
# counting every letter of 3,000 characters cost a third of the detector's own time.
LETTER_PROBE_CHARS = 200


def has_enough_letters(text: str) -> bool:
    if len(LETTER.findall(text[:LETTER_PROBE_CHARS])) >= MIN_LETTERS:
        return True
    return len(LETTER.findall(text)) >= MIN_LETTERS


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the text's language ("ar", "fa", "en", ...), None when unsure."""
    if not text:
        return None
    sample = text[:MAX_CHARS]
    if not has_enough_letters(sample):
        return None
    by_letters = script_language(sample)
    if by_letters:
        return by_letters
    best = _detector().compute_language_confidence_values(sample)[0]
    if best.value < MIN_CONFIDENCE:
        return None
    return best.language.iso_code_639_1.name.lower()


def script_language(text: str) -> str | None:
    """Kurdish or Pashto, when enough of the text's Arabic-script letters are their own."""
    letters = ARABIC_SCRIPT_LETTER.findall(text)
    if not letters:
        return None
    for code, own in OWN_LETTERS.items():
        if sum(letter in own for letter in letters) >= MIN_OWN_LETTER_SHARE * len(letters):
            return code
    return None


def read_as_arabic(article: Article) -> bool:
    """Whether the Arabic stages (section model, keywords, entities, quotes, events) read the
    article: Arabic, or too short to tell; a Persian, Kurdish or English one is only marked."""
    return article.language in (None, "ar")


def assign_language(article: Article) -> Article:
    """Pipeline stage: the article's language from its title and body."""
    article.language = detect_language(f"{article.title or ''}\n{article.text}")
    return article

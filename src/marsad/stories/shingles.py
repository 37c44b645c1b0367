"""Arabic-aware text units for duplicate detection: normalised words, content stems, shingles.

Two outlets rewriting one wire story differ in spelling (أ/ا, ة/ه, diacritics, tatweel),
in clitics (والرئيس / الرئيس) and in filler words. Everything here works on the
project normalisation (`arabic.normalize`) and light stems, with function words dropped,
so that those differences do not break shingles. Hashes are content hashes (crc32,
sha1), never Python's salted `hash()`, so every run gives the same values.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from marsad.arabic.normalize import normalize_word
from marsad.arabic.stem import light_stem

# Word n-grams: three words are rare enough that two unrelated articles seldom share one,
# and short enough that a one-word edit only breaks three shingles.
SHINGLE_WORDS = 3
# Rewrites keep the lead and cut or pad the tail; reading further costs time, not recall.
MAX_BODY_WORDS = 600
# An article body shorter than this is a teaser: its exact key then includes the title.
MIN_KEY_BODY_WORDS = 20
# Words shorter than this carry no content after normalisation (single letters, stray clitics).
MIN_WORD_CHARS = 2

# Function words, in normalised form (أ→ا, ة→ه, ى→ي): outlets add and drop them freely
# when they rewrite a story, so they are left out of shingles and term profiles.
STOPWORDS = frozenset(
    """
    في من علي الي الى عن مع ان او ثم بعد قبل حتي منذ خلال ضمن عند لدي نحو بين حول دون غير
    هذا هذه ذلك تلك هولاء اولئك هو هي هم هما هن انه انها انهم التي الذي الذين اللذين اللتين
    كان كانت كانوا يكون تكون قد لقد لا لم لن ما ماذا لما اذا اذ كل بعض اي ايضا كما فقط
    وفي ومن وعلي والي وعن ومع وان واو وهذا وهذه وذلك وهو وهي وكان وكانت وقد ولا ولم ولن وما
    فيه فيها منه منها عليه عليها اليه اليها عنه عنها به بها له لها لهم وقال قال قالت واضاف
    اضاف واكد اكد واشار اشار اليوم امس يوم حيث الا بان لان كذلك وكذلك هناك هنا ذات الي
    """.split()
)

# Shingle hash: three word hashes mixed with distinct odd multipliers, so order matters.
_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(1))
_MASK32 = np.uint64(0xFFFFFFFF)


# Punctuation that `normalize` would turn into spaces anyway and that NFKC leaves alone.
# Splitting on it first means "الرياض،" and "الرياض" share one cache entry in `normalize_word`.
SPLIT_PUNCTUATION = re.compile(r"[.,:;!?\"'()\[\]{}<>«»،؛؟…\-–—/\\|*#+=“”‘’]+")


def word_tokens(text: str | None) -> list[str]:
    """The project's `tokens`, computed word by word through the cached `normalize_word`.

    Same output as `arabic.normalize.tokens` (checked in tests), about ten times faster on
    news text because most words repeat.
    """
    return " ".join(map(normalize_word, SPLIT_PUNCTUATION.sub(" ", text or "").split())).split()


@dataclass(frozen=True)
class Words:
    """An article's normalised words, computed once and shared by every fingerprint."""

    title: list[str]
    body: list[str]

    @classmethod
    def of(cls, title: str | None, text: str | None) -> Words:
        return cls(word_tokens(title), word_tokens(text))

    @cached_property
    def title_stems(self) -> list[str]:
        return content_stems(self.title)

    @cached_property
    def lead_stems(self) -> list[str]:
        """Content stems of the first `MAX_BODY_WORDS` body words."""
        return content_stems(self.body[:MAX_BODY_WORDS])


def content_stems(words: list[str]) -> list[str]:
    """Light stems of the content words, in text order (input: normalised tokens)."""
    return [stem for stem in map(content_stem, words) if stem]


@lru_cache(maxsize=500_000)
def content_stem(word: str) -> str:
    """The light stem of a content word, "" for a function word or a stray letter (one cache hit per word)."""
    return "" if len(word) < MIN_WORD_CHARS or word in STOPWORDS else light_stem(word)


def exact_key(words: Words) -> str:
    """Key of the normalised wording: equal keys mean the same text up to spelling and spacing.

    The body alone decides (a wire story re-headlined is still the same text), unless the
    body is too short to identify an article.
    """
    tokens = words.body if len(words.body) >= MIN_KEY_BODY_WORDS else [*words.title, "\x1f", *words.body]
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()[:16]


def shingle_words(words: Words) -> list[str]:
    """The stems shingles are made of: title, then the lead of the body."""
    return words.title_stems + words.lead_stems


@lru_cache(maxsize=500_000)
def word_hash(stem: str) -> int:
    return zlib.crc32(stem.encode("utf-8"))


def shingle_hashes(stems: list[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """Distinct 32-bit hashes of the word `size`-grams (one shingle if the text is shorter)."""
    if not stems:
        return np.zeros(0, dtype=np.uint32)
    size = min(size, len(stems))
    hashes = np.array(list(map(word_hash, stems)), dtype=np.uint64)
    count = len(stems) - size + 1
    grams = np.zeros(count, dtype=np.uint64)
    for offset in range(size):  # uint64 arrays wrap on overflow: that is the intended mixing
        grams = grams * _MIX[offset] + hashes[offset : offset + count]
    return np.unique((grams & _MASK32).astype(np.uint32))


def shingles(stems: list[str], size: int = SHINGLE_WORDS) -> set[str]:
    """Readable shingles (for "why linked"); same units as `shingle_hashes`."""
    if len(stems) < size:
        return {" ".join(stems)} if stems else set()
    return {" ".join(stems[i : i + size]) for i in range(len(stems) - size + 1)}

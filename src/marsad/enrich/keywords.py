"""Keywords of an article: its most distinctive words, by TF-IDF against Arabic news.

Term frequencies come from the article; document frequencies come from the ANT news
corpus, shipped as a compact table (models/keywords_df.tsv.gz, see KEYWORDS.md), so a
single article can be scored without a collection around it. Words are counted
without their article and its clitics, so "الحكومة", "والحكومة" and "للحكومة" are
one keyword (shown as "الحكومة"), once each. The shared light stemmer is not used:
it also peels a first و/ب/ل that belongs to the word ("بولندا" -> "ولندا").
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from marsad.arabic.normalize import NormalizeOptions, normalize, normalize_word
from marsad.arabic.stopwords import stopwords
from marsad.arabic.tokenize import SINGLE_PROCLITICS
from marsad.enrich.language import read_as_arabic
from marsad.model import Article

DF_PATH = Path(__file__).resolve().parent.parent / "models" / "keywords_df.tsv.gz"
DEFAULT_K = 8
# A title word is chosen by the editor to say what the story is; it counts as this many
# body occurrences.
TITLE_WEIGHT = 3
# Normalised words shorter than this are particles or abbreviations, not topics.
MIN_WORD_CHARS = 3
# Words rarer than this in ANT are not in the shipped table; an unseen word is treated
# as this rare (a new name is distinctive, but we do not know exactly how much).
UNSEEN_DF = 1
# Words past this point are not read: the lead says what the article is about.
MAX_WORDS = 2000
# A word used once in a long body is seldom what the article is about, however rare it
# is in the corpus ("تنخلع" in a football column): candidates must occur this often
# (a title word counts TITLE_WEIGHT times), and singletons only fill what is left.
MIN_OCCURRENCES = 2

# Words as written: letter runs (digits and underscores excluded), hamza and marks kept.
WORD = re.compile(r"[^\W\d_]+")
# Display form keeps the letters as written; only marks and tatweel are removed.
DISPLAY = NormalizeOptions(
    alef=False,
    hamza_carriers=False,
    alef_maqsura=False,
    taa_marbuta=False,
    digits=False,
    persian_letters=False,
    lowercase=False,
)
# The article with the clitics that commonly precede it, on normalised words:
# "ال", "وال", "بال", "وبال", and "لل"/"ولل" (ل + ال). "كال" and "فال" are left out:
# rarer as clitics than as name starts ("كاليفورنيا", "فالنسيا").
ARTICLE = re.compile(r"^(?:و?ب?ال|و?لل)")
# Plural, dual, pronoun and accusative endings folded into a shorter word the article also uses
# ("الحوثيين" into "الحوثي", "منافسا" into "منافس"); taa marbuta is already "ه".
SUFFIXES = ("ين", "ون", "ات", "ان", "ها", "هم", "ه", "ا")
# Proclitics before the article, dropped for display: "والحكومة"/"بالحكومة" -> "الحكومة".
CLITIC_BEFORE_ARTICLE = re.compile(r"^و?ب?(?=ال)")
# "لل" is "ل" fused with "ال" (its alef dropped): "للحكومة" -> "الحكومة".
FUSED_LAM_ARTICLE = re.compile(r"^و?لل")
# A one-letter proclitic is peeled from a word the article never shows bare when the
# corpus uses the bare word this many times more often ("لولاية" 118 articles, "ولاية"
# 1252): "وادي" (567) against "ادي" (أدى, 1388) stays whole.
CORPUS_PEEL_RATIO = 5
# ... and only when the bare word is itself established in the corpus.
CORPUS_PEEL_MIN_DF = 20


@dataclass(frozen=True)
class DocumentFrequencies:
    documents: int
    df: dict[str, int]

    def idf(self, key: str) -> float:
        df = self.df.get(key, UNSEEN_DF)
        return math.log((1 + self.documents) / (1 + df)) + 1.0


@cache
def shipped_frequencies() -> DocumentFrequencies:
    """The ANT document-frequency table, read on first use (rebuild: python -m marsad.train.keywords)."""
    return read_frequencies(DF_PATH)


def read_frequencies(path: Path) -> DocumentFrequencies:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        documents = int(next(lines).split("\t")[1])
        df = {key: int(count) for key, count in (line.rstrip("\n").split("\t") for line in lines)}
    return DocumentFrequencies(documents, df)


# Word-level results are pure and reused across articles, so they are memoised like
# `normalize_word` (bounded: a worker's memory stays flat on an endless stream).
WORD_CACHE_SIZE = 200_000


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_key(word: str) -> str | None:
    """Normalised word without a leading article and its clitics, None for stop words.

    Only the article is peeled everywhere ("والحكومة" -> "حكومه"): a single letter such
    as و or ب may be the word's own first letter ("وارسو", "بولندا"), so those are
    peeled only when the article (`merge_variants`) or the corpus (`peel_by_corpus`)
    shows the shorter word.
    """
    normal = normalize_word(word)
    if len(normal) < MIN_WORD_CHARS or _is_stopword(normal):
        return None
    bare = ARTICLE.sub("", normal, count=1)
    key = bare if len(bare) >= MIN_WORD_CHARS else normal
    return None if key in stopwords() else key


def _is_stopword(normal: str) -> bool:
    """A stop word, also behind a one-letter proclitic ("وهذا", "لذلك")."""
    stop = stopwords()
    return normal in stop or (normal[0] in SINGLE_PROCLITICS and normal[1:] in stop)


def merge_variants(keys: Iterable[str]) -> dict[str, str]:
    """Map each key to the shortest key of the same text it is a clitic/suffix form of,
    following chains to their end ("وبالمنتجعات" -> "بالمنتجعات" -> ...), in sorted order:
    a half-followed chain made the counts depend on set order, so one page got different
    keywords in two processes (different hash seeds)."""
    present = set(keys)
    shorter_of = {}
    for key in sorted(present):
        for shorter in _shorter_forms(key):
            if shorter in present:
                shorter_of[key] = shorter
                break
    merged = {}
    for key in sorted(shorter_of):
        target = shorter_of[key]
        while target in shorter_of:  # each step is shorter, so this ends
            target = shorter_of[target]
        merged[key] = target
    return merged


def _shorter_forms(key: str) -> Iterator[str]:
    if key[0] in SINGLE_PROCLITICS and len(key) > MIN_WORD_CHARS:
        yield key[1:]
    for suffix in SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= MIN_WORD_CHARS:
            yield key[: -len(suffix)]


def document_keys(text: str | None) -> set[str]:
    """The distinct (merged) keys of a text: what the document-frequency table counts."""
    keys = {key for key in map(word_key, WORD.findall(text or "")[:MAX_WORDS]) if key}
    merged = merge_variants(keys)
    return {merged.get(key, key) for key in keys}


@lru_cache(maxsize=WORD_CACHE_SIZE)
def display_form(word: str) -> str:
    """A word as a keyword: marks removed, conjunction/preposition before "ال" dropped."""
    word = CLITIC_BEFORE_ARTICLE.sub("", normalize(word, DISPLAY), count=1)
    return FUSED_LAM_ARTICLE.sub("ال", word, count=1)


def _count(text: str | None, weight: int, counts: Counter[str], forms: dict[str, Counter[str]]) -> None:
    for word in WORD.findall(text or "")[:MAX_WORDS]:
        key = word_key(word)
        if key:
            counts[key] += weight
            forms[key][display_form(word)] += 1


def _merged_counts(title: str | None, text: str | None) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Weighted counts and written forms per key, variants folded into their shorter key."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    _count(title, TITLE_WEIGHT, counts, forms)
    _count(text, 1, counts, forms)
    for key, target in merge_variants(counts).items():
        counts[target] += counts.pop(key)
        forms[target].update(forms.pop(key))
    return counts, forms


def peel_by_corpus(
    counts: Counter[str], forms: dict[str, Counter[str]], frequencies: DocumentFrequencies
) -> None:
    """Fold "لرسام" into "رسام" when the corpus, not the article, shows the bare word."""
    for key in [key for key in counts if key[0] in SINGLE_PROCLITICS and len(key) > MIN_WORD_CHARS]:
        bare_df = frequencies.df.get(key[1:], 0)
        own_df = frequencies.df.get(key, UNSEEN_DF)
        if bare_df >= CORPUS_PEEL_MIN_DF and bare_df >= CORPUS_PEEL_RATIO * own_df:
            counts[key[1:]] += counts.pop(key)
            forms[key[1:]].update({form[1:]: n for form, n in forms.pop(key).items()})


def keywords(title: str | None, text: str | None, k: int = DEFAULT_K) -> list[str]:
    """The k most distinctive words of an article (TF-IDF), in surface form, without repeats."""
    counts, forms = _merged_counts(title, text)
    frequencies = shipped_frequencies()
    peel_by_corpus(counts, forms, frequencies)
    ranked = sorted(
        counts,
        key=lambda key: (
            counts[key] < MIN_OCCURRENCES,
            -(1 + math.log(counts[key])) * frequencies.idf(key),
            key,
        ),
    )
    chosen: list[str] = []
    for key in ranked[:k]:
        # Most frequent written form; ties go to the shorter (fewer clitics) one.
        chosen.append(min(forms[key], key=lambda f: (-forms[key][f], len(f), f)))
    return list(dict.fromkeys(chosen))


def assign_keywords(article: Article) -> Article:
    """Pipeline stage: fill the article's keywords (Arabic articles only: the document
    frequencies and stop words are Arabic, so an English article's would be "the", "said")."""
    article.keywords = keywords(article.title, article.text) if read_as_arabic(article) else []
    return article

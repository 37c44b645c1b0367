"""Name lists for NER: find multi-word gazetteer entries in a sentence, clitics stripped.

The NER tagger uses gazetteer hits as features, so a country, city or organisation it
never saw in training still looks like one ("ولجمهورية الدومينيكان"). Entries and text
are compared after `normalize_word`, with the article dropped from the first word and
the proclitics (و ف ب ل ك) of the text's first word tried off, so "والعراق", "بالعراق"
and "عراق" all hit "العراق". Each entry carries a category (e.g. LOC, PER_PART);
the tagger learns how far to trust each.

The shipped list (`models/ner_gazetteer.tsv.gz`, category TAB phrase per line) is built
by `python -m marsad.train.ner` from the sources in /work/shared/data/gazetteers.
"""

from __future__ import annotations

import gzip
from collections.abc import Collection, Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from marsad.arabic.normalize import tokens
from marsad.arabic.tokenize import ARTICLE, MIN_REMAINDER, proclitic_splits

GAZETTEER_FILE = "ner_gazetteer.tsv.gz"
CURRENCY = "CUR"  # the category of currency names
# Longer entries are titles or slogans rather than names, and cost lookups in every sentence.
MAX_ENTRY_WORDS = 6
# Both taggers look up the same sentences of an article; this many recent answers are kept.
RECENT_SENTENCES = 512
# Words whose entry-starting keys are remembered (a news day has ~100k distinct words).
MAX_CACHED_WORDS = 300_000


class Match(NamedTuple):
    start: int
    end: int  # exclusive
    category: str


def strip_article(word: str) -> str:
    """The word without a leading article, when enough of it is left to be a word."""
    if word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= MIN_REMAINDER:
        return word[len(ARTICLE) :]
    return word


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Lookup key of an entry: normalised words, the first without its article."""
    words = tokens(phrase)
    if not words:
        return ()
    return (strip_article(words[0]), *words[1:])


@lru_cache(maxsize=200_000)
def first_word_keys(word: str) -> tuple[str, ...]:
    """Keys a normalised text word may stand for: as written, and with proclitics off
    (cached: both taggers look up every word of every sentence)."""
    return tuple(dict.fromkeys(strip_article(rest) for _, rest in proclitic_splits(word)))


class Gazetteer:
    """Entries keyed by word tuples, with every key prefix kept for early exit."""

    def __init__(self, rows: Iterable[tuple[str, str]]):
        self.entries: dict[tuple[str, ...], set[str]] = {}
        for category, phrase in rows:
            key = phrase_key(phrase)
            if len(key) <= MAX_ENTRY_WORDS and sum(map(len, key)) >= MIN_REMAINDER:
                self.entries.setdefault(key, set()).add(category)
        self.prefixes = {key[:n] for key in self.entries for n in range(1, len(key) + 1)}
        self.categories = sorted({c for cats in self.entries.values() for c in cats})
        self._recent: dict[tuple[str, ...], tuple[Match, ...]] = {}
        self._starts: dict[str, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, words: Sequence[str]) -> list[Match]:
        """Every entry found in `words` (already normalised), overlapping ones included.
        Recent sentences' answers are remembered: the CRF and the BiLSTM ask for the same ones."""
        key = tuple(words)
        known = self._recent.get(key)
        if known is not None:
            return list(known)
        found = []
        starts = self._starts
        for start, word in enumerate(words):
            keys = starts.get(word)
            if keys is None:
                keys = self._entry_starts(word)
            for first in keys:
                found.extend(self._matches_from(words, start, first))
        if len(self._recent) >= RECENT_SENTENCES:
            self._recent.clear()
        self._recent[key] = tuple(found)
        return found

    def _entry_starts(self, word: str) -> tuple[str, ...]:
        """The keys of `word` (`first_word_keys`) that begin an entry (most words have
        none), remembered per word."""
        if len(self._starts) >= MAX_CACHED_WORDS:
            self._starts.clear()
        keys = self._starts[word] = tuple(k for k in first_word_keys(word) if (k,) in self.prefixes)
        return keys

    def lists(self, phrase: str) -> bool:
        """Whether the phrase as written, proclitics and all, is an entry of any category
        ("بوسنه" is one; "بمقدونيا" is not, though `names` finds Macedonia in it)."""
        return phrase_key(phrase) in self.entries

    def names(self, phrase: str, category: str) -> bool:
        """Whether the whole phrase is one entry of `category` ("بالدولار" is a currency)."""
        return self.lists_whole(tokens(phrase), (category,))

    def lists_whole(self, words: Sequence[str], categories: Collection[str]) -> bool:
        """Whether the normalised words, all of them, are one entry of one of `categories`."""
        return any(
            match.start == 0 and match.end == len(words) and match.category in categories
            for match in self.matches(words)
        )

    def _matches_from(self, words: Sequence[str], start: int, first: str) -> list[Match]:
        found = []
        key: tuple[str, ...] = (first,)
        end = start + 1
        while key in self.prefixes:
            for category in self.entries.get(key, ()):
                found.append(Match(start, end, category))
            if end >= len(words) or len(key) >= MAX_ENTRY_WORDS:
                break
            key = (*key, words[end])
            end += 1
        return found


def read_rows(path: Path | str) -> list[tuple[str, str]]:
    """(category, phrase) rows of a gazetteer file (gzip TSV)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in handle if "\t" in line]  # type: ignore[misc]


def write_rows(rows: Iterable[tuple[str, str]], path: Path | str) -> None:
    """Write sorted, de-duplicated rows; mtime 0 keeps the gzip byte-identical across rebuilds."""
    lines = sorted({f"{category}\t{phrase}\n" for category, phrase in rows})
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write("".join(lines).encode("utf-8"))


@cache
def shipped_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package, loaded on first use."""
    path = resources.files("marsad") / "models" / GAZETTEER_FILE
    with resources.as_file(path) as real_path:
        return Gazetteer(read_rows(real_path))

"""Token features for the Arabic NER tagger, chosen to carry over to news the tagger never saw.

A CRF trained on one corpus learns its names by heart; what transfers to other news is
what a name looks like and where it sits. So each token is described by its normalised
form with the proclitics (و ف ب ل ك ال) taken off, the letters that begin and end its
stem, its shape, how frequent it is in a large news corpus, its word clusters (learnt
from 31k ANT articles: names of one kind cluster together even when the tagger never
saw them), trigger words ("الرئيس", "شركة", "مدينة") and gazetteer hits, over a ±2 window.

Word-level features are computed once per distinct token and cached per extractor, so
tagging runs at tens of thousands of tokens per second.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.arabic.normalize import normalize_word
from marsad.arabic.tokenize import proclitic_splits
from marsad.enrich.gazetteer import Gazetteer, shipped_gazetteer, strip_article

LEXICON_FILE = "ner_lexicon.tsv.gz"
# Word-level feature sets kept per extractor; a news day has ~100k distinct tokens.
MAX_CACHED_WORDS = 300_000
# Window of neighbours whose features a token sees: ±2 is where titles ("وزير الخارجية
# الأمريكي") and prepositions ("في", "الى") that cue a name sit.
WINDOW = 2
# Features a neighbour contributes, by distance: near ones say more than far ones.
CONTEXT_FEATURES = {1: ("w", "b", "p", "c1", "c2", "c3", "t", "sh"), 2: ("b", "c2", "t", "sh")}
OFFSETS = [offset for offset in range(-WINDOW, WINDOW + 1) if offset]  # in the order rows list them
# Cluster features of a word; c1 coarse .. c3 fine (sizes set by the training code).
CLUSTER_NAMES = ("c1", "c2", "c3")
OOV = "oov"

# Trigger words, written normalised and without article or proclitics. They cue a
# person (titles and speech verbs), an organisation or a place right after them.
PER_TRIGGERS = frozenset(
    "رييس رييسه وزير وزيره ملك ملكه امير اميره شيخ سيد سيده دكتور د لواء عميد عقيد جنرال مستشار "
    "نايب نايبه زعيم مدرب لاعب نجم فنان فنانه مطرب مطربه كاتب روايي شاعر مخرج ممثل ممثله متحدث ناطق "
    "سفير مبعوث امين مدير مديره قاضي محامي مراسل صحفي اعلامي بابا حاخام مفتي امام عاهل ولي نجل ابن "
    "بنت زوجه زوج شقيق شقيقه قال قالت اكد اكدت اضاف اضافت اوضح اوضحت صرح صرحت".split()
)
ORG_TRIGGERS = frozenset(
    "شركه مجموعه جامعه منظمه حزب حركه وكاله موسسه بنك مصرف مجلس وزاره هييه اتحاد نادي فريق منتخب "
    "صحيفه جريده مجله قناه تلفزيون اذاعه جمعيه لجنه جبهه تنظيم معهد مركز محكمه برلمان مفوضيه "
    "ادراه سلطه صندوق بورصه مستشفي كليه اكاديميه رابطه نقابه ميليشيا كتايب قوات جيش".split()
)
LOC_TRIGGERS = frozenset(
    "مدينه بلده قريه محافظه ولايه اقليم منطقه جزيره جزر نهر بحر جبل جبال عاصمه مخيم حي شارع "
    "ميناء مطار دوله جمهوريه مملكه اماره اماره اقليم اقاليم ضاحيه بلدات مقاطعه قطاع صحراء خليج".split()
)
MISC_TRIGGERS = frozenset("جايزه بطوله كاس دوري مهرجان معرض مسابقه اولمبياد عمليه اتفاقيه اتفاق".split())
TRIGGERS = (("PER", PER_TRIGGERS), ("ORG", ORG_TRIGGERS), ("LOC", LOC_TRIGGERS), ("MISC", MISC_TRIGGERS))


@dataclass
class Lexicon:
    """Corpus facts per normalised word: frequency band and cluster ids (coarse to fine)."""

    words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def band(self, word: str) -> int:
        """log2 of the corpus count, -1 for unknown words."""
        info = self.words.get(word)
        return int(info[0]) if info else -1

    def clusters(self, word: str) -> tuple[str, ...]:
        info = self.words.get(word)
        return info[1:] if info else (OOV,) * len(CLUSTER_NAMES)


def frequency_band(count: int) -> int:
    """Counts in powers of two: 1, 2-3, 4-7, ... say how common a word is, not exactly how."""
    return int(math.log2(max(count, 1)))


def read_lexicon(path: Path | str) -> Lexicon:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = (line.rstrip("\n").split("\t") for line in handle)
        return Lexicon({row[0]: tuple(row[1:]) for row in rows if len(row) > 1})


def write_lexicon(rows: Iterable[Sequence[str]], path: Path | str) -> None:
    """Write word TAB band TAB c1 TAB c2 TAB c3 lines; mtime 0 keeps rebuilds byte-identical."""
    text = "".join("\t".join(row) + "\n" for row in rows)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


@cache
def shipped_lexicon() -> Lexicon:
    with resources.as_file(resources.files("marsad") / "models" / LEXICON_FILE) as path:
        return read_lexicon(path)


def shape(token: str) -> str:
    """Arabic word, Latin word (with case), number, mixed, or the punctuation itself."""
    if token.isdigit():
        return "d"
    if not any(ch.isalnum() for ch in token):
        return token[:1]
    if token.isascii() and token.isalpha():
        return "X" if token.isupper() else ("Xx" if token[0].isupper() else "x")
    if any(ch.isdigit() for ch in token):
        return "dA"
    return "A" if not any("a" <= ch.lower() <= "z" for ch in token) else "M"


def trigger(bare: str) -> str:
    for kind, words in TRIGGERS:
        if bare in words:
            return kind
    return "-"


def context_pairs(word: dict[str, str], offset: int) -> list[tuple[str, str]]:
    """(name, value) of the word features a token shows at `offset` from the one tagged:
    all of them at 0, fewer further away."""
    if offset == 0:
        return list(word.items())
    return [(name, word[name]) for name in CONTEXT_FEATURES[abs(offset)] if name in word]


def feature_name(offset: int, name: str, value: str) -> str:
    """The CRF attribute of a word feature seen at `offset`: "b=قاهره", "-1:t=PER"."""
    return f"{name}={value}" if offset == 0 else f"{offset}:{name}={value}"


class FeatureExtractor:
    """CRF features of tokens, given the corpus lexicon and the gazetteer.

    `known`, when given, is the set of features a trained model has weights for: the others
    are dropped as they are made (a CRF scores an unknown feature as nothing, so the tags
    do not change, and crfsuite no longer looks up strings it cannot know)."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer, known: frozenset[str] | None = None):
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.known = known
        self._words: dict[str, dict[str, str]] = {}
        self._around: dict[str, tuple[list[str], ...]] = {}
        self._edges = {offset: self._kept([f"{offset}:edge"]) for offset in OFFSETS}

    def _kept(self, features: list[str]) -> list[str]:
        return features if self.known is None else [f for f in features if f in self.known]

    def split(self, word: str) -> tuple[str, str]:
        """The proclitic reading the corpus supports best; unknown words stay whole."""
        best, best_band = ("", word), self.lexicon.band(word)
        for clitics, rest in proclitic_splits(word)[:-1]:
            band = self.lexicon.band(rest)
            if band >= 0 and band >= best_band:
                best, best_band = (clitics, rest), band
        return best

    def word_features(self, token: str) -> dict[str, str]:
        """Features of a token alone, by name (cached)."""
        cached = self._words.get(token)
        if cached is not None:
            return cached
        if len(self._words) >= MAX_CACHED_WORDS:
            self._words.clear()
            self._around.clear()
        self._words[token] = features = self._compute_word_features(token)
        return features

    def _compute_word_features(self, token: str) -> dict[str, str]:
        norm = normalize_word(token).replace(" ", "") or token
        clitics, stem = self.split(norm)
        bare = strip_article(stem)
        features = {
            "w": norm, "s": stem, "b": bare, "p": clitics, "al": str(stem != bare),
            "b2": bare[:2], "b3": bare[:3], "e1": bare[-1:], "e2": bare[-2:], "e3": bare[-3:],
            "sh": shape(token), "len": str(min(len(bare), 9)), "fq": str(self.lexicon.band(norm)),
            "t": trigger(bare),
        }  # fmt: skip
        features.update(zip(CLUSTER_NAMES, self.lexicon.clusters(norm), strict=True))
        if stem != norm:
            stem_clusters = self.lexicon.clusters(stem)
            features.update(("s" + name, value) for name, value in zip(CLUSTER_NAMES, stem_clusters, strict=True))
        return features

    def _token_context(self, token: str) -> tuple[list[str], ...]:
        cached = self._around.get(token)
        if cached is None:
            self._around[token] = cached = self.token_context(token)
        return cached

    def token_context(self, token: str) -> tuple[list[str], ...]:
        """What a token contributes at each offset -WINDOW..WINDOW (not cached here)."""
        word = self.word_features(token)
        return tuple(
            self._kept([feature_name(offset, name, value) for name, value in context_pairs(word, offset)])
            for offset in range(-WINDOW, WINDOW + 1)
        )

    def edge_features(self, offset: int) -> list[str]:
        """What a neighbour just past the sentence's edge contributes at `offset`."""
        return self._edges[offset]

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """One feature list per token: its own, its neighbours' (the sentence's edges past
        its ends), bigrams and gazetteer hits."""
        contexts = self._around
        around = [contexts.get(token) or self._token_context(token) for token in tokens]
        size = len(tokens)
        rows = []
        for i, spanning in enumerate(self.sentence_features(tokens)):
            row = list(around[i][WINDOW])
            for offset in OFFSETS:
                j = i + offset
                if 0 <= j < size:
                    row += around[j][offset + WINDOW]
                elif j == -1 or j == size:
                    row += self._edges[offset]
            row += spanning
            rows.append(row)
        return rows

    def sentence_features(self, tokens: Sequence[str]) -> list[list[str]]:
        """Per token, the features that depend on more than one token: stem bigrams, then
        gazetteer hits."""
        known = self._words
        words = [known.get(token) or self.word_features(token) for token in tokens]
        bigrams = self._bigrams([w["b"] for w in words])
        gazetteer = self._gazetteer_features([w["w"] for w in words])
        return [pair + hits for pair, hits in zip(bigrams, gazetteer, strict=True)]

    def _bigrams(self, bare: list[str]) -> list[list[str]]:
        """Per token: its stem paired with the one before and with the one after."""
        known = self.known
        found: list[list[str]] = [[] for _ in bare]
        for i in range(len(bare) - 1):
            pair = f"{bare[i]}|{bare[i + 1]}"
            before, after = f"bg-1={pair}", f"bg+1={pair}"
            if known is None or before in known:
                found[i + 1].append(before)
            if known is None or after in known:
                found[i].append(after)
        return found

    def _gazetteer_features(self, norms: list[str]) -> list[list[str]]:
        """Per token: the categories of entries covering it, B at the start, I inside,
        and the categories of entries right before and after it."""
        found: list[set[str]] = [set() for _ in norms]
        for start, end, category in self.gazetteer.matches(norms):
            found[start].add(f"g{category}=B")
            for j in range(start + 1, end):
                found[j].add(f"g{category}=I")
            if start > 0:
                found[start - 1].add(f"g+1={category}")
            if end < len(norms):
                found[end].add(f"g-1={category}")
        return [self._kept(sorted(tags)) if tags else [] for tags in found]


@cache
def shipped_extractor() -> FeatureExtractor:
    """The feature extractor over the shipped lexicon and gazetteer, built on first use."""
    return FeatureExtractor(shipped_lexicon(), shipped_gazetteer())

"""Exact and near duplicates: normalised-text keys and MinHash LSH over Arabic shingles.

Nothing is ever dropped. A duplicate is *linked* to the earlier articles it repeats, so
an aggregator page that lists a headline twice, or fourteen papers printing one wire story,
stay fourteen articles joined by links. The index is an interface (`DedupIndex`):
`MemoryDedupIndex` keeps a time window in memory (benchmarks, batch runs), and
`marsad.store.stories.SqlDedupIndex` keeps the same bands in tables (incremental ingest).
Both give the same links for the same articles in the same order.
"""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass
from functools import cache
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.stories.shingles import Words, exact_key, shingle_hashes, shingle_words

# 128 permutations: the Jaccard estimate has a standard error of about 0.045 at 0.5.
NUM_PERM = 128
# 42 bands of 3 rows: a pair with Jaccard 0.3 becomes a candidate 68% of the time, 0.5 over 99%,
# 0.1 only 4%, so candidates stay few while rewrites that add or cut paragraphs are still found.
LSH_BANDS, LSH_ROWS = 42, 3
# Fixed seed: the same text gets the same signature in every run and on every machine.
MINHASH_SEED = 20150721
# Near duplicate: most of the wording is shared (hand-checked on SaudiNewsNet: from 0.5 on,
# pairs are the same text lightly edited) ...
NEAR_JACCARD = 0.5
# ... or one text is mostly inside the other (a trimmed or padded copy of the wire story).
NEAR_CONTAINMENT = 0.7
# Containment of a tiny text is chance: a teaser of five shingles is "inside" many articles.
MIN_CONTAINED_SHINGLES = 20
# Wire rewrites appear within days; a week bounds the memory of the near-duplicate index.
DEDUP_WINDOW_SECONDS = 7 * 24 * 3600.0
# A story printed by every outlet links each copy to the closest earlier ones, not to all.
MAX_LINKS_PER_ARTICLE = 20

EXACT, NEAR, CONTAINED = "exact", "near", "contained"


@dataclass(frozen=True)
class Fingerprint:
    """What duplicate detection keeps of an article: its wording key and its shingle signature."""

    article_id: str
    key: str
    signature: np.ndarray  # uint32[NUM_PERM]
    size: int  # number of distinct shingles
    ts: float | None = None  # publication time, seconds since the epoch


@dataclass(frozen=True)
class DuplicateLink:
    """`article_id` repeats the earlier `duplicate_of`."""

    article_id: str
    duplicate_of: str
    kind: str  # exact | near | contained
    jaccard: float
    containment: float


@cache
def _permutations() -> np.ndarray:
    """datasketch's affine permutations for our seed, built once and shared by all signatures."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED).permutations


def _identity(value: int) -> int:
    return value


def minhash(hashes: np.ndarray) -> MinHash:
    """A datasketch MinHash of already-hashed 32-bit shingles."""
    sketch = MinHash(
        num_perm=NUM_PERM,
        seed=MINHASH_SEED,
        hashfunc=_identity,
        permutations=_permutations(),
        scheme="affine32",
    )
    if len(hashes):
        sketch.update_batch(hashes.tolist())
    return sketch


def fingerprint(article_id: str, words: Words, ts: float | None = None) -> Fingerprint:
    hashes = shingle_hashes(shingle_words(words))
    return Fingerprint(article_id, exact_key(words), minhash(hashes).hashvalues, len(hashes), ts)


def band_hash(band: bytes) -> int:
    """63-bit key of one LSH band (fits a signed BIGINT column)."""
    return int.from_bytes(hashlib.blake2b(band, digest_size=8).digest(), "big") >> 1


def band_keys(signature: np.ndarray) -> list[int]:
    """One key per band, the band number folded in, for indexes that keep all bands in one table."""
    rows = signature.astype(">u4")
    return [
        band_hash(bytes([band]) + rows[band * LSH_ROWS : (band + 1) * LSH_ROWS].tobytes())
        for band in range(LSH_BANDS)
    ]


def estimate(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger), both estimated from the signatures."""
    if not a.size or not b.size:
        return 0.0, 0.0
    jaccard = float(np.count_nonzero(a.signature == b.signature)) / NUM_PERM
    shared = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return jaccard, min(1.0, shared / min(a.size, b.size))


def near_kind(jaccard: float, containment: float, smaller: int) -> str | None:
    if jaccard >= NEAR_JACCARD:
        return NEAR
    if containment >= NEAR_CONTAINMENT and smaller >= MIN_CONTAINED_SHINGLES:
        return CONTAINED
    return None


class DedupIndex(Protocol):
    """Where earlier fingerprints live: memory (a time window) or the store's tables."""

    def first_with_key(self, key: str) -> str | None: ...

    def candidates(self, fp: Fingerprint) -> list[Fingerprint]: ...

    def add(self, fp: Fingerprint, canonical: bool) -> None: ...


def find_duplicates(fp: Fingerprint, index: DedupIndex) -> list[DuplicateLink]:
    """Links from `fp` to the earlier articles it repeats, best first; then remember `fp`."""
    links: list[DuplicateLink] = []
    first = index.first_with_key(fp.key)
    if first is not None and first != fp.article_id:
        links.append(DuplicateLink(fp.article_id, first, EXACT, 1.0, 1.0))
    near = []
    for other in index.candidates(fp):
        if other.article_id in (fp.article_id, first):
            continue
        jaccard, containment = estimate(fp, other)
        kind = near_kind(jaccard, containment, min(fp.size, other.size))
        if kind:
            near.append(DuplicateLink(fp.article_id, other.article_id, kind, jaccard, containment))
    near.sort(key=lambda link: (-link.jaccard, -link.containment, link.duplicate_of))
    links.extend(near[: MAX_LINKS_PER_ARTICLE - len(links)])
    index.add(fp, canonical=first is None)
    return links


class MemoryDedupIndex:
    """Exact keys for all time, LSH bands for the last `window` seconds (bounded memory)."""

    def __init__(self, window: float = DEDUP_WINDOW_SECONDS) -> None:
        self.window = window
        self.keys: dict[str, str] = {}
        # datasketch's own band keys (bytes of the band): same buckets as `band_keys`, no hashing cost.
        self.lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
        self.live: dict[str, Fingerprint] = {}
        self.queue: deque[tuple[float, str]] = deque()
        self.clock = float("-inf")
        self._sketch_of = ""  # the article whose MinHash is cached in _last_sketch
        self._last_sketch: MinHash | None = None

    def first_with_key(self, key: str) -> str | None:
        return self.keys.get(key)

    def candidates(self, fp: Fingerprint) -> list[Fingerprint]:
        self._advance(fp.ts)
        if not fp.size:
            return []
        found = self.lsh.query(self._sketch(fp))
        return [self.live[key] for key in sorted(found) if self._within(self.live[key], fp)]

    def add(self, fp: Fingerprint, canonical: bool) -> None:
        self.keys.setdefault(fp.key, fp.article_id)
        if not canonical or not fp.size or fp.article_id in self.live:
            return  # an exact copy adds no new wording: its original stands for it
        self.lsh.insert(fp.article_id, self._sketch(fp), check_duplication=False)
        self.live[fp.article_id] = fp
        self.queue.append((self._time(fp), fp.article_id))

    def _sketch(self, fp: Fingerprint) -> MinHash:
        """The MinHash of `fp`, built once for the query and the insert that follows it."""
        if self._sketch_of != fp.article_id or self._last_sketch is None:
            self._sketch_of, self._last_sketch = fp.article_id, _as_minhash(fp.signature)
        return self._last_sketch

    def _time(self, fp: Fingerprint) -> float:
        return fp.ts if fp.ts is not None else self.clock

    def _within(self, other: Fingerprint, fp: Fingerprint) -> bool:
        if other.ts is None or fp.ts is None:
            return True  # an undated article is compared with everything still in the window
        return abs(other.ts - fp.ts) <= self.window

    def _advance(self, ts: float | None) -> None:
        """Move the clock to the newest time seen and forget what fell out of the window."""
        if ts is not None and ts > self.clock:
            self.clock = ts
        horizon = self.clock - self.window
        while self.queue and self.queue[0][0] < horizon:
            _, key = self.queue.popleft()
            if self.live.pop(key, None) is not None:
                self.lsh.remove(key)


def _as_minhash(signature: np.ndarray) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM,
        seed=MINHASH_SEED,
        hashvalues=signature,
        permutations=_permutations(),
        scheme="affine32",
    )

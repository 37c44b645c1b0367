"""Online story clustering: each new article joins an open story or starts one.

A story is open while it keeps receiving articles (`STORY_GAP_SECONDS`) and for at most
`STORY_SPAN_SECONDS` after its first article, so a long-running topic becomes a series of
stories instead of one ever-growing blob, and memory stays bounded. An article joins
  1. the story of an earlier article it duplicates (exact or near copy), else
  2. the open story whose centroid it is most like, if the score reaches `JOIN_SCORE`
     (text profile cosine, plus shared entities and events when both sides have them), else
  3. a new story named after it.
Ties are broken by ids and nothing depends on hash order, so the same articles in the same
order always give the same stories. Where stories live is an interface (`StoryIndex`):
`MemoryStoryIndex` here, `marsad.store.stories.SqlStoryIndex` for the store.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from marsad.stories.dedup import EXACT, NEAR, DedupIndex, DuplicateLink, find_duplicates
from marsad.stories.similar import StoryDoc, combine, cosine, overlap

# Same-story threshold on the combined score. Chosen by reading ANT v2.1 (2018) placements
# around it, not SaudiNewsNet, which is hand-checked afterwards: from 0.45 up, an article and
# the story it joins share the event or its direct follow-up; at 0.35-0.45 about half share
# only a topic (two matches of one league, two statements on one country).
JOIN_SCORE = 0.45
# A story idle this long is closed: news about one event comes in bursts of a day or two.
STORY_GAP_SECONDS = 2 * 24 * 3600.0
# No story stays open longer than this after its first article (a week of one event).
STORY_SPAN_SECONDS = 7 * 24 * 3600.0
# Terms kept in a story centroid: a few articles' worth of profiles.
CENTROID_TERMS = 60
# Centroid terms that make a story findable, and article terms used to look stories up.
INDEX_TERMS = 15
QUERY_TERMS = 15
# Stories scored per article, by number of shared index terms; a story sharing a single
# term cannot reach JOIN_SCORE in practice (one shared term is worth at most ~0.25).
MAX_CANDIDATES = 20
MIN_SHARED_TERMS = 2
# A term shared by more open stories than this says nothing about which story (e.g. a
# country name during a busy week): it is skipped when looking up candidates.
MAX_POSTING = 400
# Entities and events kept per story to describe it and to match newcomers.
STORY_ENTITIES = 20
STORY_EVENTS = 20
DUPLICATE, SIMILAR, NEW = "duplicate", "similar", "new"
FOLLOWED_LINKS = frozenset({EXACT, NEAR})


@dataclass
class Story:
    """A running story: the centroid and counts that decide membership, plus what it shows."""

    id: str
    title: str | None
    first_ts: float | None
    last_ts: float | None
    size: int = 0
    outlets: dict[str, int] = field(default_factory=dict)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member profiles, truncated
    entities: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)
    title_ts: float | None = None  # time of the article whose title names the story
    title_id: str = ""

    norm: float = field(init=False, default=1.0, repr=False)  # length of `centroid`, kept current

    def __post_init__(self) -> None:
        self.norm = centroid_norm(self.centroid)

    def index_terms(self) -> list[str]:
        return top_keys(self.centroid, INDEX_TERMS)

    def is_open_at(self, ts: float | None) -> bool:
        if ts is None or self.first_ts is None or self.last_ts is None:
            return True
        return (
            ts - self.last_ts <= STORY_GAP_SECONDS
            and ts - self.first_ts <= STORY_SPAN_SECONDS
            and (self.first_ts - ts <= STORY_GAP_SECONDS)
        )

    def closes_at(self) -> float:
        """When the story stops accepting articles whatever comes next."""
        if self.first_ts is None or self.last_ts is None:
            return math.inf
        return min(self.last_ts + STORY_GAP_SECONDS, self.first_ts + STORY_SPAN_SECONDS)


@dataclass(frozen=True)
class Placement:
    article_id: str
    story_id: str
    score: float
    reason: str  # duplicate | similar | new


def centroid_norm(centroid: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in centroid.values())) or 1.0


def top_keys(weights: dict[str, float] | dict[str, int], n: int) -> list[str]:
    return [key for key, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def story_score(doc: StoryDoc, story: Story) -> float:
    """How well an article fits a story: the pair score, against the story centroid."""
    text = cosine(doc.terms, story.centroid) / story.norm
    entities = overlap(doc.entities, story.entities)
    events = overlap(doc.events, story.events)
    return combine(text, entities, None if events is None else float(events > 0))


def new_story(doc: StoryDoc) -> Story:
    return Story(
        id=f"s{doc.id}", title=doc.title, first_ts=doc.ts, last_ts=doc.ts, title_ts=doc.ts, title_id=doc.id
    )


def add_member(story: Story, doc: StoryDoc) -> None:
    """Fold an article into the story's centroid, counts and time span."""
    story.size += 1
    if doc.source:
        story.outlets[doc.source] = story.outlets.get(doc.source, 0) + 1
    centroid = Counter(story.centroid)
    centroid.update(doc.terms)
    story.centroid = {key: centroid[key] for key in top_keys(dict(centroid), CENTROID_TERMS)}
    story.norm = centroid_norm(story.centroid)
    story.entities = _bump(story.entities, doc.entities, STORY_ENTITIES)
    story.events = _bump(story.events, doc.events, STORY_EVENTS)
    if doc.ts is not None:
        story.first_ts = doc.ts if story.first_ts is None else min(story.first_ts, doc.ts)
        story.last_ts = doc.ts if story.last_ts is None else max(story.last_ts, doc.ts)
    if _names_story(doc, story):
        story.title, story.title_ts, story.title_id = doc.title, doc.ts, doc.id


def _bump(counts: dict[str, int], keys: Iterable[str], keep: int) -> dict[str, int]:
    merged = Counter(counts)
    merged.update(keys)
    return {key: merged[key] for key in top_keys(dict(merged), keep)}


def _names_story(doc: StoryDoc, story: Story) -> bool:
    """The earliest titled article names the story (ties: smallest id)."""
    if not doc.title:
        return False
    if not story.title:
        return True
    mine = (math.inf if doc.ts is None else doc.ts, doc.id)
    current = (math.inf if story.title_ts is None else story.title_ts, story.title_id)
    return mine < current


class StoryIndex(Protocol):
    """Where stories live between articles."""

    def story_of(self, article_id: str) -> Story | None: ...

    def candidates(self, doc: StoryDoc) -> list[Story]: ...

    def save(self, story: Story, placement: Placement) -> None: ...


def place(doc: StoryDoc, duplicates: list[DuplicateLink], index: StoryIndex) -> Placement:
    """Put one article in a story (see the module docstring for the order of rules)."""
    story, score, reason = _duplicate_story(doc, duplicates, index)
    if story is None:
        story, score, reason = _similar_story(doc, index)
    if story is None:
        story, score, reason = new_story(doc), 1.0, NEW
    add_member(story, doc)
    placement = Placement(doc.id, story.id, round(score, 4), reason)
    index.save(story, placement)
    return placement


def _duplicate_story(doc: StoryDoc, duplicates: list[DuplicateLink], index: StoryIndex):
    """The story of the best exact or near copy. A "contained" link is not followed: the longer
    text is often a digest (a cabinet session, a royal-court round-up) of several stories."""
    for link in duplicates:  # best link first
        if link.kind not in FOLLOWED_LINKS:
            continue
        story = index.story_of(link.duplicate_of)
        if story is not None and story.is_open_at(doc.ts):
            return story, max(link.jaccard, link.containment), DUPLICATE
    return None, 0.0, NEW


def _similar_story(doc: StoryDoc, index: StoryIndex):
    best, best_score = None, 0.0
    for story in index.candidates(doc):
        if not story.is_open_at(doc.ts):
            continue
        score = story_score(doc, story)
        if best is None or score > best_score or (score == best_score and story.id < best.id):
            best, best_score = story, score
    if best is None or best_score < JOIN_SCORE:
        return None, 0.0, NEW
    return best, best_score, SIMILAR


@dataclass
class Stories:
    """Duplicate detection then story placement, over the indexes given (memory or store)."""

    dedup: DedupIndex
    index: StoryIndex

    def add(self, doc: StoryDoc) -> tuple[list[DuplicateLink], Placement]:
        links = find_duplicates(doc.fp, self.dedup)
        return links, place(doc, links, self.index)


def arrival_order(docs: Iterable[StoryDoc]) -> list[StoryDoc]:
    """The order a batch is processed in: by publication time, undated last, then by id."""
    return sorted(docs, key=lambda d: (d.ts is None, d.ts or 0.0, d.id))


class MemoryStoryIndex:
    """Open stories in memory with an inverted index on their top terms; closed ones as summaries.

    Closed stories keep their counts and title (for reports) but lose centroid and index
    entries, so memory follows the number of open stories, not the size of the archive.
    """

    def __init__(self) -> None:
        self.stories: dict[str, Story] = {}
        self.members: dict[str, str] = {}  # article id -> story id
        self.postings: dict[str, set[str]] = defaultdict(set)
        self.indexed: dict[str, list[str]] = {}
        self.closing: list[tuple[float, str]] = []  # heap of (closes at, story id)
        self.clock = -math.inf

    def story_of(self, article_id: str) -> Story | None:
        story_id = self.members.get(article_id)
        return self.stories.get(story_id) if story_id else None

    def candidates(self, doc: StoryDoc) -> list[Story]:
        self._advance(doc.ts)
        hits: Counter[str] = Counter()
        for term in top_keys(doc.terms, QUERY_TERMS):
            posting = self.postings.get(term)
            if posting and len(posting) <= MAX_POSTING:
                hits.update(posting)
        shared = [(story_id, count) for story_id, count in hits.items() if count >= MIN_SHARED_TERMS]
        ranked = sorted(shared, key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
        return [self.stories[story_id] for story_id, _ in ranked]

    def save(self, story: Story, placement: Placement) -> None:
        self.stories[story.id] = story
        self.members[placement.article_id] = story.id
        self._reindex(story)
        heapq.heappush(self.closing, (story.closes_at(), story.id))

    def _reindex(self, story: Story) -> None:
        old, new = self.indexed.get(story.id, []), story.index_terms()
        for term in set(old) - set(new):
            self.postings[term].discard(story.id)
        for term in new:
            self.postings[term].add(story.id)
        self.indexed[story.id] = new

    def _advance(self, ts: float | None) -> None:
        """Move the clock and close the stories it has passed (lazy heap: stale entries skipped)."""
        if ts is None or ts <= self.clock:
            return
        self.clock = ts
        while self.closing and self.closing[0][0] < ts:
            closes_at, story_id = heapq.heappop(self.closing)
            story = self.stories[story_id]
            if story.closes_at() == closes_at and story_id in self.indexed:
                self._close(story)

    def _close(self, story: Story) -> None:
        for term in self.indexed.pop(story.id, []):
            posting = self.postings[term]
            posting.discard(story.id)
            if not posting:
                del self.postings[term]
        story.centroid, story.norm = {}, 1.0

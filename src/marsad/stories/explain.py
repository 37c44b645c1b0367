"""Why two articles are linked: the evidence behind a pair score, in words a reader can check.

For any pair (linked or not) this lists the shingles both texts contain, the profile terms
that carry the cosine, shared entities and events, the time between them, and the verdicts
Marsad would reach: duplicate kind, same story, and for two headlines the claim check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.arabic.stem import light_stem
from marsad.stories.cluster import FOLLOWED_LINKS, JOIN_SCORE
from marsad.stories.dedup import EXACT, near_kind
from marsad.stories.shingles import Words, shingle_words, shingles, word_tokens
from marsad.stories.similar import (
    StoryDoc,
    contradiction_cues,
    is_headline,
    same_claim_probability,
    similarity,
)

# Enough examples for a reader to see the overlap, few enough to print on one screen.
SHOW_SHINGLES = 12
SHOW_TERMS = 10


@dataclass(frozen=True)
class Explanation:
    a: str
    b: str
    score: float
    same_story: bool
    duplicate: str | None  # exact | near | contained | None
    text_cosine: float
    jaccard: float
    containment: float
    shared_shingle_count: int
    shared_shingles: list[str] = field(default_factory=list)
    shared_terms: list[tuple[str, float]] = field(default_factory=list)  # (stem, contribution)
    shared_entities: list[str] = field(default_factory=list)
    shared_events: list[str] = field(default_factory=list)
    hours_apart: float | None = None
    same_claim: float | None = None  # probability, when both titles are headlines
    contradiction: list[str] = field(default_factory=list)


def explain(a: StoryDoc, b: StoryDoc, text_a: str = "", text_b: str = "") -> Explanation:
    """Evidence for the pair; pass the texts to list shared shingles (signatures cannot)."""
    sim = similarity(a, b)
    common = _shared_shingles(a.title, text_a, b.title, text_b)
    duplicate = (
        EXACT if a.fp.key == b.fp.key else near_kind(sim.jaccard, sim.containment, min(a.fp.size, b.fp.size))
    )
    claim, cues = _claim(a.title, b.title)
    return Explanation(
        a=a.id,
        b=b.id,
        score=round(sim.score, 4),
        same_story=duplicate in FOLLOWED_LINKS or sim.score >= JOIN_SCORE,
        duplicate=duplicate,
        text_cosine=round(sim.text, 4),
        jaccard=round(sim.jaccard, 4),
        containment=round(sim.containment, 4),
        shared_shingle_count=len(common),
        shared_shingles=common[:SHOW_SHINGLES],
        shared_terms=shared_terms(a, b)[:SHOW_TERMS],
        shared_entities=sorted(set(a.entities) & set(b.entities)),
        shared_events=sorted(set(a.events) & set(b.events)),
        hours_apart=None if sim.hours_apart is None else round(sim.hours_apart, 1),
        same_claim=claim,
        contradiction=cues,
    )


def shared_terms(a: StoryDoc, b: StoryDoc) -> list[tuple[str, float]]:
    """Profile stems in both articles with their share of the cosine, largest first."""
    parts = [(stem, round(w * b.terms[stem], 4)) for stem, w in a.terms.items() if stem in b.terms]
    return sorted(parts, key=lambda kv: (-kv[1], kv[0]))


def _shared_shingles(title_a: str | None, text_a: str, title_b: str | None, text_b: str) -> list[str]:
    if not (text_a or title_a) or not (text_b or title_b):
        return []
    mine = shingles(shingle_words(Words.of(title_a, text_a)))
    theirs = shingles(shingle_words(Words.of(title_b, text_b)))
    return sorted(mine & theirs)


def _claim(title_a: str | None, title_b: str | None) -> tuple[float | None, list[str]]:
    if not title_a or not title_b or not (is_headline(title_a) and is_headline(title_b)):
        return None, []
    sa = {light_stem(t) for t in word_tokens(title_a)}
    sb = {light_stem(t) for t in word_tokens(title_b)}
    negation, opposite = contradiction_cues(sa, sb)
    cues = (["negation on one side only"] if negation else []) + (["opposite words"] if opposite else [])
    return round(same_claim_probability(title_a, title_b), 3), cues


def as_lines(e: Explanation) -> list[str]:
    """A plain-text rendering (the CLI adds colour)."""
    verdict = (
        f"duplicate ({e.duplicate})"
        if e.duplicate
        else ("same story" if e.same_story else "different stories")
    )
    lines = [
        f"score {e.score:.3f} -> {verdict} (story threshold {JOIN_SCORE})",
        f"text: profile cosine {e.text_cosine:.3f}, shingle Jaccard ~{e.jaccard:.2f}, "
        f"containment ~{e.containment:.2f}",
        f"shared shingles: {e.shared_shingle_count}"
        + (": " + " | ".join(e.shared_shingles) if e.shared_shingles else ""),
        "shared terms: " + (", ".join(f"{t} ({c:.2f})" for t, c in e.shared_terms) or "none"),
        "shared entities: " + (", ".join(e.shared_entities) or "none (or not extracted)"),
        "shared events: " + (", ".join(e.shared_events) or "none (or not extracted)"),
        "time apart: " + ("unknown" if e.hours_apart is None else f"{e.hours_apart:.1f} h"),
    ]
    if e.same_claim is not None:
        cues = f"; cues: {', '.join(e.contradiction)}" if e.contradiction else ""
        lines.append(f"headlines state the same claim: p={e.same_claim:.2f}{cues}")
    return lines

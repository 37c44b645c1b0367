"""How alike two articles are: term profiles, shared shingles, entities, events, and claims.

Every article is described once (`describe`) as a `StoryDoc`: its duplicate fingerprint and
a short TF-IDF profile of light stems. The same numbers serve clustering, "similar
articles", "why linked" and the pair evaluation, so a score means one thing everywhere.
IDF comes from a shipped table (models/stories_idf.tsv.gz, built from ANT v2.1), not from
what happens to be stored, so a pair's score never changes when other articles arrive.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import MATCHING, normalize
from marsad.arabic.stem import light_stem
from marsad.knowledge import place_of
from marsad.stories.dedup import Fingerprint, estimate, fingerprint
from marsad.stories.shingles import Words, content_stems, word_tokens

MODELS = Path(__file__).resolve().parents[1] / "models"
IDF_FILE = "stories_idf.tsv.gz"
CLAIMS_FILE = "stories_claims.json"
# Top terms kept per article: enough to tell two stories apart, few enough that story
# centroids and the stored profiles stay small.
PROFILE_TERMS = 40
# A headline word counts as much as this many body words: rewrites keep the headline's nouns.
TITLE_WEIGHT = 2.0
# Weights of the evidence in a pair score. Text always counts; entity and event overlap count
# only when both articles have them (enrichment may not have run), so missing data never
# lowers a score.
TEXT_WEIGHT, ENTITY_WEIGHT, EVENT_WEIGHT = 0.6, 0.25, 0.15
# Texts up to this many words are headlines: "same or different" is then a question about the
# claim, answered by the claim model trained on ANS headline pairs.
HEADLINE_MAX_WORDS = 30
NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class StoryDoc:
    """What the stories stage knows of one article."""

    id: str
    title: str | None
    source: str | None
    ts: float | None
    fp: Fingerprint
    terms: dict[str, float]  # stem -> weight, unit length
    entities: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Similarity:
    score: float
    text: float  # cosine of the term profiles
    jaccard: float  # estimated shingle Jaccard
    containment: float  # estimated share of the smaller text found in the other
    entities: float | None  # overlap of entity sets, None when either has none
    events: float | None  # 1.0 when an event is shared, None when either has none
    hours_apart: float | None


# ---------------------------------------------------------------- reading articles


def timestamp(value: Any) -> float | None:
    """Seconds since the epoch from an ISO date/time (naive values are UTC), None if unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _get(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


def entity_keys(entities: Iterable[Any]) -> tuple[str, ...]:
    """Stable keys of entities (linked id, else matching-normalised name), sorted, distinct."""
    keys = set()
    for entity in entities or ():
        key = _get(entity, "id") or normalize(_get(entity, "name") or "", MATCHING)
        if key:
            keys.add(str(key))
    return tuple(sorted(keys))


def event_keys(events: Iterable[Any]) -> tuple[str, ...]:
    """An event is shared when the type matches and so does a place or a participant."""
    keys = set()
    for event in events or ():
        kind = _get(event, "type") or "event"
        place = _name_key(_get(event, "location") or "")
        if place:
            keys.add(f"{kind}@{place}")
        for participant in _get(event, "participants") or ():
            keys.add(f"{kind}:{_name_key(str(participant))}")
    return tuple(sorted(keys))


def _name_key(name: str) -> str:
    """A place by its gazetteer id, as articles name it in their own spelling ("سوريا" and
    "سورية"); any other name normalised for matching."""
    place = place_of(name) if name else None
    return place.id if place else normalize(name, MATCHING)


def describe(item: Any) -> StoryDoc:
    """A `StoryDoc` from an `Article` or a stored article row (a mapping with the same names)."""
    article_id = _get(item, "id")
    title, text = _get(item, "title"), _get(item, "text") or ""
    words = Words.of(title, text)
    ts = timestamp(_get(item, "published"))
    if ts is None:
        ts = timestamp(_get(item, "ingested_at"))
    return StoryDoc(
        id=str(article_id),
        title=title,
        source=_get(item, "source"),
        ts=ts,
        fp=fingerprint(str(article_id), words, ts),
        terms=profile(words),
        entities=entity_keys(_get(item, "entities") or ()),
        events=event_keys(_get(item, "events") or ()),
    )


# ---------------------------------------------------------------- term profiles


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """(stem -> idf, idf of an unseen stem), loaded once on first use."""
    lines = gzip.decompress((MODELS / IDF_FILE).read_bytes()).decode("utf-8").splitlines()
    docs = int(lines[0].split("\t")[1])
    table = {}
    for line in lines[1:]:
        stem, df = line.split("\t")
        table[stem] = math.log((docs + 1) / (int(df) + 1)) + 1.0
    return table, math.log((docs + 1) / 2) + 1.0


def build_idf(texts: Iterable[tuple[str | None, str | None]], min_df: int = 3) -> str:
    """The IDF table file content (document frequencies of content stems) for `idf_table`."""
    df: Counter[str] = Counter()
    docs = 0
    for title, text in texts:
        words = Words.of(title, text)
        df.update(set(content_stems(words.title) + content_stems(words.body)))
        docs += 1
    rows = [f"{stem}\t{count}" for stem, count in sorted(df.items()) if count >= min_df]
    return "\n".join([f"#docs\t{docs}", *rows]) + "\n"


def profile(words: Words) -> dict[str, float]:
    """Top TF-IDF stems of title and lead, unit length, ties broken by the stem."""
    counts: Counter[str] = Counter(words.lead_stems)
    for stem in words.title_stems:
        counts[stem] += TITLE_WEIGHT
    idf, unseen = idf_table()
    weights = {stem: (1.0 + math.log(count)) * idf.get(stem, unseen) for stem, count in counts.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {stem: w / norm for stem, w in top}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b[stem] for stem, weight in a.items() if stem in b)


def overlap(a: Iterable[str], b: Iterable[str]) -> float | None:
    """Shared share of the smaller set; None when either side has nothing to compare."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return None
    return len(sa & sb) / min(len(sa), len(sb))


def combine(text: float, entities: float | None, events: float | None) -> float:
    total, weight = TEXT_WEIGHT * text, TEXT_WEIGHT
    if entities is not None:
        total, weight = total + ENTITY_WEIGHT * entities, weight + ENTITY_WEIGHT
    if events is not None:
        total, weight = total + EVENT_WEIGHT * events, weight + EVENT_WEIGHT
    return total / weight


def similarity(a: StoryDoc, b: StoryDoc) -> Similarity:
    """Graded similarity in [0, 1]: a copy scores near 1, another story near 0."""
    jaccard, containment = estimate(a.fp, b.fp)
    text = max(cosine(a.terms, b.terms), jaccard)
    entities, events = overlap(a.entities, b.entities), overlap(a.events, b.events)
    events = None if events is None else float(events > 0)
    hours = None if a.ts is None or b.ts is None else abs(a.ts - b.ts) / 3600.0
    return Similarity(combine(text, entities, events), text, jaccard, containment, entities, events, hours)


def most_similar(
    doc: StoryDoc, candidates: Iterable[StoryDoc], k: int = 10
) -> list[tuple[StoryDoc, Similarity]]:
    """The `k` candidates most like `doc` (itself excluded), best first, ties by id."""
    scored = [(other, similarity(doc, other)) for other in candidates if other.id != doc.id]
    scored.sort(key=lambda pair: (-pair[1].score, pair[0].id))
    return scored[:k]


# ---------------------------------------------------------------- same claim (headlines)


# Contradiction cues, as written (the stems are taken on first use). A negation on one side
# only, or opposite poles on the two sides, is how ANS "disagree" headlines are made.
NEGATIONS = (
    "لا لم لن ليس ليست غير عدم دون بدون ينفي نفي تنفي نفت يرفض ترفض رفض رفضت فشل تفشل يفشل فشلت "
    "تتجاهل يتجاهل تجاهل توقف تتوقف يتوقف منع يمنع تمنع تعجز يعجز عجز يستبعد تستبعد ينهي تنهي "
    "الغاء يلغي تلغي وقف"
)
# Each pair: words of one pole, words of the opposite pole.
OPPOSITES = (
    (
        "ارتفاع يرتفع ترتفع ارتفع ارتفعت صعود يصعد تصعد صعد زياده يزيد تزيد زاد قفز يقفز تقفز قفزت "
        "اعلى مكاسب يربح ربح انتعاش تنتعش ينتعش نمو ينمو تنمو يتخطى تتخطى تجاوز يتجاوز",
        "انخفاض ينخفض تنخفض انخفض انخفضت هبوط يهبط تهبط هبط تراجع يتراجع تتراجع تراجعت خفض اقل ادنى "
        "خسائر خساره يخسر تخسر خسر انهيار ينهار تنهار يهوي تهوي هوى يقل تقل انكماش",
    ),
    (
        "فوز يفوز تفوز فاز فازت ينتصر انتصار تنتصر يهزم تهزم نجاح ينجح تنجح نجح",
        "خسارة هزيمة يخسر تخسر خسر خسرت ينهزم تنهزم يهزم فشل يفشل تفشل اخفاق",
    ),
    ("فتح يفتح تفتح افتتاح فتحت", "اغلاق يغلق تغلق اغلق اغلقت اقفال"),
    (
        "يدعم تدعم دعم تؤيد يؤيد تأييد تشيد يشيد ترحب يرحب",
        "يعارض تعارض معارضة تنتقد ينتقد انتقاد تدين يدين إدانة تهاجم يهاجم",
    ),
    ("يوافق توافق موافقة وافق وافقت يقبل تقبل قبول", "يرفض ترفض رفض رفضت"),
    ("براءة تبرئة يبرئ الإفراج افراج يفرج تفرج إطلاق", "إعدام إدانة حبس سجن اعتقال يعتقل تعتقل احتجاز"),
    ("سلام هدنة تهدئة هدوء اتفاق", "حرب قتال اشتباكات تصعيد هجوم"),
    ("أكثر أكبر يتخطى تتخطى فوق", "أقل أصغر دون تحت"),
)


def _stem_set(text: str) -> frozenset[str]:
    return frozenset(light_stem(word) for word in word_tokens(text))


@cache
def _cues() -> tuple[frozenset[str], tuple[tuple[frozenset[str], frozenset[str]], ...]]:
    return _stem_set(NEGATIONS), tuple((_stem_set(a), _stem_set(b)) for a, b in OPPOSITES)


def contradiction_cues(sa: set[str], sb: set[str]) -> tuple[bool, bool]:
    """(negation on one side only, opposite poles on the two sides) for two stem sets."""
    negations, opposites = _cues()
    negation = bool(sa & negations) != bool(sb & negations)
    for pole, other in opposites:
        pa, pb, qa, qb = bool(sa & pole), bool(sb & pole), bool(sa & other), bool(sb & other)
        if (pa and qb and not (pb or qa)) or (qa and pb and not (qb or pa)):
            return negation, True
    return negation, False


def claim_features(a: str, b: str) -> dict[str, float]:
    """Features of a headline pair for the claim model: overlap, cues, and the words that differ.

    Rewordings share stems and differ in synonyms; contradictions keep most words and swap
    one for a negation, an opposite or another place or number (ANS "disagree" pairs).
    """
    ta, tb = word_tokens(a), word_tokens(b)
    sa, sb = {light_stem(t) for t in ta}, {light_stem(t) for t in tb}
    na, nb = set(NUMBER.findall(" ".join(ta))), set(NUMBER.findall(" ".join(tb)))
    union, differ = sa | sb, sorted(sa ^ sb)
    negation, opposite = contradiction_cues(sa, sb)
    features = {
        "jaccard": len(sa & sb) / max(1, len(union)),
        "overlap": len(sa & sb) / max(1, min(len(sa), len(sb))),
        "differ_count": len(differ) / 10.0,
        "length_gap": abs(len(ta) - len(tb)) / max(1, len(ta), len(tb)),
        "number_conflict": float(bool(na) and bool(nb) and na != nb),
        "negation_one_side": float(negation),
        "opposites": float(opposite),
        "cosine": cosine(profile(Words([], ta)), profile(Words([], tb))),
    }
    weight = 1.0 / math.sqrt(len(differ)) if differ else 0.0
    for stem in differ:
        features[f"differ:{stem}"] = weight
    return features


@cache
def claim_model() -> dict[str, Any]:
    return json.loads((MODELS / CLAIMS_FILE).read_text("utf-8"))


def same_claim_probability(a: str, b: str) -> float:
    """Probability that two headlines state the same claim (logistic model, ANS train split)."""
    model = claim_model()
    weights = model["weights"]
    z = model["intercept"] + sum(
        weights.get(name, 0.0) * value for name, value in claim_features(a, b).items()
    )
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def same_claim(a: str, b: str) -> bool:
    return same_claim_probability(a, b) >= claim_model()["threshold"]


def is_headline(text: str) -> bool:
    return len(word_tokens(text)) <= HEADLINE_MAX_WORDS

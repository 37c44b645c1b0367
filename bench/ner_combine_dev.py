"""Ways of combining the CRF and the BiLSTM-CRF, scored on the dev tail of ANERcorp train.

Both taggers must be dev runs (trained without the tail):

    python -m marsad.train.ner --dev --keep-lexicon                  # CRF -> /tmp/marsad-train-ner/dev.crfsuite
    python -m marsad.train.ner_neural --dev --out DIR                # BiLSTM -> DIR/ner_bilstm.npz
    python bench/ner_combine_dev.py --bilstm DIR/ner_bilstm.npz
    # other seeds (`--seed N --out DIR2`) add rows for their ensemble:
    python bench/ner_combine_dev.py --bilstm DIR/ner_bilstm.npz --also-bilstm DIR2/ner_bilstm.npz

Prints one table row per combination. The test sets are never read here: the combination
`enrich/ner.py` ships (the last row) was chosen on this table.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from marsad.arabic.normalize import normalize_word
from marsad.enrich.gazetteer import shipped_gazetteer
from marsad.enrich.ner import (
    FUSED_CRF_WEIGHT,
    combine_taggers,
    complete_spans,
    overlay_spans,
    propagate_names,
)
from marsad.enrich.ner_crf import CrfTagger
from marsad.enrich.ner_features import FeatureExtractor
from marsad.enrich.ner_neural import NeuralTagger, emissions, make_batch, viterbi_batch
from marsad.enrich.org_acronyms import add_org_acronyms
from marsad.enrich.person_spans import add_known_people, extend_person_spans
from marsad.eval.ner import score_tagger, spans
from marsad.names import shipped_given_names
from marsad.train.ner import WORK, bio, load_resources, training_sentences
from marsad.train.ner_neural import load_dev_run

Tags = list[str]


# -- the rule shipped before the BiLSTM led (CRF first, BiLSTM persons added), for its row --


def widen_person_spans(crf_tags: Sequence[str], neural_tags: Sequence[str]) -> list[str]:
    """`crf_tags` with each PER span stretched over the neural PER span that overlaps it,
    where the stretch covers only untagged words."""
    widened = list(crf_tags)
    neural = [(start, end) for start, end, kind in sorted(spans(neural_tags)) if kind == "PER"]
    for start, end, kind in sorted(spans(crf_tags)):
        if kind != "PER":
            continue
        for other_start, other_end in neural:
            if other_start < end and start < other_end and (other_start < start or other_end > end):
                first, last = min(start, other_start), max(end, other_end)
                if all(widened[i] == "O" for i in range(first, last) if not start <= i < end):
                    widened[first] = "B-PER"
                    widened[first + 1 : last] = ["I-PER"] * (last - first - 1)
    return widened


def add_named_people(tokens: Sequence[str], tags: Sequence[str], neural_tags: Sequence[str],
                     given_names: frozenset[str] | None = None) -> list[str]:  # fmt: skip
    """`tags` plus the neural tagger's people of two words or more that start with a known
    given name, where the CRF tagged nothing in or right next to them."""
    names = shipped_given_names() if given_names is None else given_names
    added = list(tags)
    for start, end, kind in sorted(spans(neural_tags)):
        around = range(max(0, start - 1), min(len(added), end + 1))
        if (
            kind == "PER"
            and end - start >= 2
            and normalize_word(tokens[start]) in names
            and all(added[i] == "O" for i in around)
        ):
            added[start] = "B-PER"
            added[start + 1 : end] = ["I-PER"] * (end - start - 1)
    return added


def agreed(first: Sequence[str], second: Sequence[str]) -> Tags:
    """Only the spans both taggers found with the same bounds and type."""
    return bio(len(first), sorted(spans(first) & spans(second)))


def gazetteer_fallback(tokens: Sequence[str], tags: Sequence[str], categories: dict[str, str]) -> Tags:
    """Experiment: untagged runs that are a curated gazetteer entry get its type, longest first."""
    words = [normalize_word(token).replace(" ", "") or token for token in tokens]
    found = sorted(
        (m for m in shipped_gazetteer().matches(words) if m.category in categories),
        key=lambda m: (m.start - m.end, m.start),
    )
    marked = list(tags)
    for start, end, category in found:
        if all(tag == "O" for tag in marked[start:end]):
            kind = categories[category]
            marked[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return marked


def combinations(crf: Tags, neural: Tags, tokens: Sequence[str]) -> dict[str, Tags]:
    completed = add_named_people(tokens, widen_person_spans(crf, neural), neural)
    neural_first = overlay_spans(neural, crf)
    return {
        "CRF": crf,
        "BiLSTM": neural,
        "CRF + BiLSTM persons (the rule shipped before)": extend_person_spans(tokens, completed),
        "BiLSTM + person completion from CRF": extend_person_spans(
            tokens, add_named_people(tokens, widen_person_spans(neural, crf), crf)
        ),
        "CRF, then BiLSTM spans where CRF has none": overlay_spans(crf, neural),
        "BiLSTM, then CRF spans where BiLSTM has none": overlay_spans(neural, crf),
        "spans both agree on": agreed(crf, neural),
        "the rule shipped before + known people": extend_person_spans(tokens, add_known_people(tokens, completed)),
        "BiLSTM, then CRF, + known people and given names": extend_person_spans(
            tokens, add_known_people(tokens, neural_first)
        ),
        "completed, without `span_trim` (titles, kin, nationalities, place nouns ...)": extend_person_spans(
            tokens, add_known_people(tokens, add_org_acronyms(tokens, neural_first))
        ),
        "BiLSTM, then CRF, completed (`complete_spans`)": complete_spans(tokens, neural_first),
        "completed + curated places (gazetteer LOC) where untagged": complete_spans(
            tokens, gazetteer_fallback(tokens, neural_first, {"LOC": "LOC"})
        ),
        "completed + curated places and organisations where untagged": complete_spans(
            tokens, gazetteer_fallback(tokens, neural_first, {"LOC": "LOC", "ORG": "ORG"})
        ),
    }


def ensemble_tags(taggers: Sequence[NeuralTagger], sentences: Sequence[Sequence[str]]) -> list[Tags]:
    """Experiment: several BiLSTM-CRF runs as one, their tag scores and transitions averaged."""
    found: list[Tags] = []
    for first in range(0, len(sentences), 64):
        group = sentences[first : first + 64]
        scores, transitions, starts, ends = [], [], [], []
        for tagger in taggers:
            batch = make_batch([tagger.encoder.sentence(tokens) for tokens in group])
            scores.append(emissions(batch, tagger.weights, tagger.vectors))
            w = tagger.weights
            transitions.append(w["crf.transitions"]), starts.append(w["crf.start"]), ends.append(w["crf.end"])
        paths = viterbi_batch(np.mean(scores, axis=0), batch.lengths, np.mean(transitions, axis=0),
                              np.mean(starts, axis=0), np.mean(ends, axis=0))  # fmt: skip
        found += [[taggers[0].tags[i] for i in path] for path in paths]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crf", type=Path, default=WORK / "dev.crfsuite")
    parser.add_argument("--bilstm", type=Path, required=True)
    parser.add_argument("--fuse", type=float, action="append", default=[],
                        help="experiment: rows for one Viterbi over both taggers' scores, CRF weighted so")
    parser.add_argument("--also-bilstm", type=Path, action="append", default=[],
                        help="more dev runs (other seeds): adds rows for their ensemble with --bilstm")
    args = parser.parse_args()
    extractor: FeatureExtractor = load_resources(rebuild=False)
    crf = CrfTagger(args.crf, extractor)
    neural = load_dev_run(args.bilstm)
    _, dev = training_sentences(dev=True)
    neural_tags = neural.tag_sentences([s.tokens for s in dev])
    rows: dict[str, dict[tuple[str, ...], Tags]] = {}
    for sentence, n_tags in zip(dev, neural_tags, strict=True):
        for name, tags in combinations(crf(sentence.tokens), n_tags, sentence.tokens).items():
            rows.setdefault(name, {})[tuple(sentence.tokens)] = tags
    if args.also_bilstm:
        more = [load_dev_run(path) for path in args.also_bilstm]
        taggers = [neural, *more]
        size = len(taggers)
        for sentence, n_tags in zip(dev, ensemble_tags(taggers, [s.tokens for s in dev]), strict=True):
            tokens = sentence.tokens
            rows.setdefault(f"BiLSTM ensemble of {size} runs", {})[tuple(tokens)] = n_tags
            completed = complete_spans(tokens, overlay_spans(n_tags, crf(tokens)))
            rows.setdefault(f"ensemble of {size}, then CRF, completed", {})[tuple(tokens)] = completed
        for i, tagger in enumerate(taggers[1:], start=2):
            for sentence, n_tags in zip(dev, tagger.tag_sentences([s.tokens for s in dev]), strict=True):
                rows.setdefault(f"BiLSTM run {i} alone", {})[tuple(sentence.tokens)] = n_tags
    for weight in args.fuse:
        *_, fused = neural.tag_with([s.tokens for s in dev], crf.as_partner(neural.tags), weight)
        label = f"fused, CRF weight {weight:g}"
        rows[label] = {tuple(s.tokens): tags for s, tags in zip(dev, fused, strict=True)}
        completed_fused = [complete_spans(s.tokens, overlay_spans(tags, crf(s.tokens)))
                           for s, tags in zip(dev, fused, strict=True)]  # fmt: skip
        carried_fused = propagate_names([s.tokens for s in dev], completed_fused)
        rows[f"{label}, then CRF, completed, carried"] = {
            tuple(s.tokens): tags for s, tags in zip(dev, carried_fused, strict=True)
        }
        both = [complete_spans(s.tokens, overlay_spans(overlay_spans(tags, n_tags), crf(s.tokens)))
                for s, tags, n_tags in zip(dev, fused, neural_tags, strict=True)]  # fmt: skip
        rows[f"{label}, then BiLSTM, then CRF, completed, carried"] = {
            tuple(s.tokens): tags
            for s, tags in zip(dev, propagate_names([s.tokens for s in dev], both), strict=True)
        }
    # The sentences read in order as one text, names carried over runs of ten
    # (`propagate_names`; propagating places too, or over 30 sentences, scored 0.774 on the
    # dev runs of 2026-12-05, against 0.776 for this and 0.771 for `complete_spans` alone).
    completed = rows["BiLSTM, then CRF, completed (`complete_spans`)"]
    carried = propagate_names([s.tokens for s in dev], [completed[tuple(s.tokens)] for s in dev])
    rows["completed, then names carried (`propagate_names`; in use until 2026-12-06)"] = {
        tuple(s.tokens): tags for s, tags in zip(dev, carried, strict=True)
    }
    in_use = combine_taggers([s.tokens for s in dev], crf, neural)
    label = f"in use (`combine_taggers`): fused at {FUSED_CRF_WEIGHT:g}, then BiLSTM, CRF, completed, carried"
    rows[label] = {tuple(s.tokens): tags for s, tags in zip(dev, in_use, strict=True)}
    table = Table(title=f"dev tail of ANERcorp train ({len(dev):,} sentences)")
    for column in ("combination", "PER", "LOC", "ORG", "MISC", "P", "R", "micro F1"):
        table.add_column(column, justify="left" if column == "combination" else "right")
    for name, by_sentence in rows.items():
        lookup: Callable[[list[str]], list[str]] = lambda tokens, m=by_sentence: m[tuple(tokens)]  # noqa: E731
        counts = score_tagger(dev, lookup)
        micro = counts["micro"]
        table.add_row(name, *(f"{counts[t].f1:.3f}" for t in ("PER", "LOC", "ORG", "MISC")),
                      f"{micro.precision:.3f}", f"{micro.recall:.3f}", f"{micro.f1:.3f}")  # fmt: skip
    Console(width=150).print(table)


if __name__ == "__main__":
    main()

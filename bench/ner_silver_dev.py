"""Self-training judged on the dev tail without leakage: silver tagged by dev taggers.

The shipped taggers were trained on all of ANERcorp train, its dev tail included, so silver
sentences they tag carry what they learnt from the tail, and a dev run trained on that
silver is scored on text its teachers saw. This builds the silver set with taggers trained
without the tail, then trains the CRF on the dev run's labelled data plus that silver, and
prints the dev-tail F1 with and without it (and with the shipped taggers' silver, if that
dev model exists, to show the leak):

    python -m marsad.train.ner --dev --keep-lexicon                          # CRF without the tail
    python -m marsad.train.ner_neural --dev --silver 0 --gold-copies 1 --out DIR  # BiLSTM, labelled data only
    python bench/ner_silver_dev.py --bilstm DIR/ner_bilstm.npz [--size 12000]
    # then a BiLSTM on the same silver:
    python -m marsad.train.ner_neural --dev --silver-file WORK/silver_dev_12000.jsonl.gz --out DIR2

(WORK is /tmp/marsad-train-ner.) The test sets are never read here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.enrich.ner_crf import CrfTagger
from marsad.eval.ner import score_tagger
from marsad.train.ner import CRF_PARAMS, WORK, load_resources, train_crf, training_sentences
from marsad.train.ner_neural import load_dev_run
from marsad.train.ner_silver import build_silver, read_silver


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crf", type=Path, default=WORK / "dev.crfsuite", help="dev CRF without silver")
    parser.add_argument("--bilstm", type=Path, required=True, help="dev BiLSTM trained on labelled data only")
    parser.add_argument("--size", type=int, default=12_000, help="silver sentences")
    args = parser.parse_args()
    extractor = load_resources(rebuild=False)
    train, dev = training_sentences(dev=True)
    crf = CrfTagger(args.crf, extractor)
    neural = load_dev_run(args.bilstm)
    path = WORK / f"silver_dev_{args.size}.jsonl.gz"
    silver = read_silver(path) if path.exists() else build_silver(path, args.size, (crf, neural))
    print(f"{len(silver):,} silver sentences tagged by the dev taggers: {path}")
    model = WORK / f"dev_silverdev{args.size}.crfsuite"
    with_silver = train_crf(train + silver, extractor, model, CRF_PARAMS)
    rows = {"CRF, labelled data only": crf, "BiLSTM, labelled data only": neural,
            "CRF + silver of the dev taggers": with_silver}  # fmt: skip
    leaky = WORK / f"dev_silver{args.size}.crfsuite"
    if leaky.exists():
        rows["CRF + silver of the shipped taggers (saw the dev tail)"] = CrfTagger(leaky, extractor)
    for name, tagger in rows.items():
        counts = score_tagger(dev, tagger)
        per_type = " ".join(f"{kind} {counts[kind].f1:.3f}" for kind in ("PER", "LOC", "ORG", "MISC"))
        print(f"{name:58s} {per_type}  micro F1 {counts['micro'].f1:.4f}")


if __name__ == "__main__":
    main()

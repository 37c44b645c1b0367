"""Check the teaser-lead trim (marsad.extract.articles.without_teaser_leads) on material
outside the dev set: ANT v2.1 texts, minus the residue pages.

    python bench/check_teaser_leads.py --shared ../shared

CNN Arabic texts in ANT end with teaser leads of other stories from July 2018 on and are
clean before it; other outlets are clean. A good trim fires often on the first group and
almost never on the other two.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from marsad.extract.articles import without_teaser_leads

HERE = Path(__file__).resolve().parent
ANT = "data/sections/ant-v2.1/ant_v2.1.jsonl.gz"
CNN_TEASERS_FROM = "20180701"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[1].parent / "shared")
    args = parser.parse_args(argv)
    residue = set(json.loads((HERE / "devset/residue_annotations.json").read_text(encoding="utf-8")))
    seen = {"CNN, from 2018-07 (teasers)": [0, 0], "CNN, before 2018-07 (clean)": [0, 0], "other outlets (clean)": [0, 0]}
    with gzip.open(args.shared / ANT, "rt", encoding="utf-8") as stream:
        for line in stream:
            doc = json.loads(line)
            paragraphs = [p.strip() for p in doc["text"].split("\n") if p.strip()]
            if doc["docno"] in residue or len(paragraphs) < 3:
                continue
            if doc["src"] != "CNN":
                group = "other outlets (clean)"
            elif doc["docno"][-8:] >= CNN_TEASERS_FROM:
                group = "CNN, from 2018-07 (teasers)"
            else:
                group = "CNN, before 2018-07 (clean)"
            seen[group][0] += 1
            seen[group][1] += len(without_teaser_leads(paragraphs)) < len(paragraphs)
    for group, (texts, trimmed) in seen.items():
        print(f"{group:30s} trimmed {trimmed:6d} / {texts:6d} = {trimmed / max(texts, 1):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Rebuild models/keywords_df.tsv.gz: in how many ANT articles each content word occurs.

    python -m marsad.train.keywords [--data /work/shared/data] [--out PATH]

The table is what makes a single article's keywords possible: it says which words are
ordinary in Arabic news ("حكومه") and which are distinctive ("بيتكوين"). Counted with
the same `document_keys` that `marsad.enrich.keywords` uses at run time.
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from marsad.enrich.keywords import DF_PATH, UNSEEN_DF, document_keys
from marsad.train.sections import DEFAULT_DATA, read_ant

# Words in fewer articles than this are left out (they score as UNSEEN_DF): a third of
# the table's size for words that are typos, rare names or one-off transliterations.
MIN_DF = UNSEEN_DF + 2


def count_documents(data: Path, progress: Progress) -> tuple[int, Counter[str]]:
    records = list(read_ant(data))
    task = progress.add_task("document frequencies: ANT v2.1", total=len(records))
    df: Counter[str] = Counter()
    for _outlet, _label, title, text in records:
        df.update(document_keys(f"{title}\n{text}"))
        progress.advance(task)
    return len(records), df


def write_table(path: Path, documents: int, df: Counter[str]) -> int:
    """Header line "#documents<TAB>N", then "word<TAB>df", most frequent first."""
    kept = [(word, n) for word, n in df.most_common() if n >= MIN_DF]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"#documents\t{documents}\n")
        out.writelines(f"{word}\t{n}\n" for word, n in kept)
    return len(kept)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m marsad.train.keywords", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=DF_PATH, help="where to write the table")
    args = parser.parse_args(argv)
    console = Console()
    with Progress(console=console) as progress:
        documents, df = count_documents(args.data, progress)
    kept = write_table(args.out, documents, df)
    console.print(
        f"wrote {args.out}: {kept} words from {documents} articles, {args.out.stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()

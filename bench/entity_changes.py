"""What a change to the entity stages does to articles nobody annotated: a diff to read by hand.

    python bench/entity_changes.py --against 18ad753            # that commit against the working tree
    python bench/entity_changes.py --against HEAD~3 --per-day 6   # a larger sample
    python bench/entity_changes.py --against HEAD~3 --seed 77      # another draw

The seed page and the events dev set hold few entities, and the NER test files are scored
token by token, before resolution. To see what rules after the taggers do to current news,
this runs `add_entities` (taggers, span repairs, resolution) on a fixed sample of
SaudiNewsNet articles (4 per day file by default, first 3,000 characters; the same draw
every run) with the code of commit REV (checked out into a temporary git worktree) and
with the working tree, and prints every article whose entity list (type:name) differs,
then the counts. A name that is gone is shown as merged when it is still a mention of
an entity ("= PER:محمد بن نايف بن عبدالعزيز"), retyped when it is a mention under
another type, renamed when a mention is the same name without a proclitic or spelt the
same after normalisation ("بجامعة الملك سعود" -> "جامعة الملك سعود"), else dropped.
Title mentions that stand for a person ("الرئيس الإيراني" for the article's only Iranian)
are compared too, as "title mention PER:name <= title".
SaudiNewsNet is used by no model, so it is unseen text for all of them.
Reading the diff decides whether a change helps; nothing here is a score.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "saudinewsnet" / "dataset"
# Child code that draws the articles: the same draw for every code version and every bench.
DRAW = """
import json, random, sys, zipfile
from pathlib import Path
from marsad.model import Article
def drawn_articles():
    corpus, per_day, chars, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    draw = random.Random(seed)
    for day in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(day) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".json"))
            articles = json.loads(archive.read(name))
        for item in draw.sample(articles, min(per_day, len(articles))):
            text = item["content"][:chars]
            yield item, Article(title=item["title"], text=text, language="ar", published=day.stem[:10])
"""
# Run in a child process per code version, so each imports its own `marsad`.
CHILD = (
    DRAW
    + """
from marsad.enrich.entities import add_entities
for item, article in drawn_articles():
    entities = add_entities(article).entities
    names = sorted(f"{e.type}:{e.name}" for e in entities)
    mentions = {f"{e.type}:{m}": f"{e.type}:{e.name}" for e in entities for m in e.mentions}
    titles = sorted(  # "الرئيس الإيراني" standing for the article's only Iranian
        f"{e.type}:{e.name} <= {why.split(' → ')[0].removeprefix('title: ')}"
        for e in entities for why in e.evidence if why.startswith("title:")
    )
    line = {"title": item["title"], "entities": names, "mentions": mentions, "titles": titles}
    print(json.dumps(line, ensure_ascii=False))
"""
)


def entity_lists(
    source: Path, corpus: Path, per_day: int, chars: int, seed: int = 2026, child: str = CHILD
) -> list[dict]:
    """One JSON line per drawn article, printed by `child` run with the code under `source`."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run([sys.executable, "-c", child, str(corpus), str(per_day), str(chars), str(seed)],
                          env=env, capture_output=True, text=True, check=True)  # fmt: skip
    return [json.loads(line) for line in done.stdout.splitlines()]


def draw_arguments(doc: str) -> tuple[str, Path, int, int, int]:
    """The command line both change benches take: the commit and the draw of articles."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--against", required=True, help="the commit to compare the working tree with")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--per-day", type=int, default=4)
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=2026, help="another draw of articles (2026: the usual)")
    args = parser.parse_args()
    return args.against, args.corpus, args.per_day, args.chars, args.seed


def before_and_after(against: str, corpus: Path, per_day: int, chars: int, seed: int, child: str = CHILD):
    """`child`'s lines with the code of commit `against` (a temporary worktree) and with the
    working tree."""
    if not corpus.exists():
        raise SystemExit(f"no SaudiNewsNet day files at {corpus} (../shared/data is needed)")
    with tempfile.TemporaryDirectory() as folder:
        worktree = Path(folder) / "before"
        git = ["git", "-C", str(REPO), "worktree"]
        subprocess.run([*git, "add", "--detach", "-q", str(worktree), against], check=True)
        try:
            before = entity_lists(worktree / "src", corpus, per_day, chars, seed, child)
        finally:
            subprocess.run([*git, "remove", "--force", str(worktree)], check=True)
    return before, entity_lists(REPO / "src", corpus, per_day, chars, seed, child)


def main() -> None:
    before, after = before_and_after(*draw_arguments(__doc__))
    changed, fates, added, titled = 0, Counter(), 0, Counter()
    for old, new in zip(before, after, strict=True):
        gone = sorted(set(old["entities"]) - set(new["entities"]))
        came = sorted(set(new["entities"]) - set(old["entities"]))
        titles_gone = sorted(set(old.get("titles", [])) - set(new["titles"]))
        titles_came = sorted(set(new["titles"]) - set(old.get("titles", [])))
        if not (gone or came or titles_gone or titles_came):
            continue
        changed += 1
        print(f"== {new['title']}")
        for name in gone:
            fate, owner = what_became_of(name, new["mentions"])
            fates[fate] += 1
            print(f"   - {name}  ({fate}{' ' + owner if owner else ''})")
        for name in came:
            added += 1
            print(f"   + {name}")
        for mark, lines in (("-", titles_gone), ("+", titles_came)):
            titled[mark] += len(lines)
            for line in lines:
                print(f"   {mark} title mention {line}")
    counts = ", ".join(f"{n} {fate}" for fate, n in fates.most_common())
    print(f"{len(after)} articles, {changed} with a different entity list or title mentions; names gone: "
          f"{counts}; {added} new; title mentions: {titled['-']} gone, {titled['+']} new, "
          f"{sum(len(a['titles']) for a in after)} in all")  # fmt: skip


def what_became_of(name: str, mentions: dict[str, str]) -> tuple[str, str | None]:
    """(merged | retyped | renamed | dropped, the entity it is now part of)."""
    if name in mentions:
        return "merged into", mentions[name]
    kind, _, surface = name.partition(":")
    by_surface = {m.partition(":")[2]: owner for m, owner in mentions.items()}
    if surface in by_surface:
        return "retyped:", by_surface[surface]
    bare = {_bare(m): owner for m, owner in by_surface.items()}
    if _bare(surface) in bare:
        return "renamed:", bare[_bare(surface)]
    return "dropped", None


def _bare(surface: str) -> str:
    from marsad.knowledge import key

    folded = key(surface)
    for clitic in ("وب", "ول", "و", "ب", "ل", "ف", "ك"):
        if folded.startswith(clitic) and len(folded.split()[0]) - len(clitic) >= 3:
            return folded[len(clitic) :]
    return folded


if __name__ == "__main__":
    main()

"""Rebuild the Arabic NER tagger from /work/shared/data: gazetteer, word clusters, CRF.

    python -m marsad.train.ner             # build everything into src/marsad/models, print scores
    python -m marsad.train.ner --dev       # train on train minus its last part, score that part
    python -m marsad.train.ner --tune      # grid over the CRF regularisation, on the dev part
    python -m marsad.train.ner --neural    # the BiLSTM-CRF instead (`marsad.train.ner_neural`)
    python -m marsad.train.ner --given-names  # only the given-name list (`marsad.names`)
    python -m marsad.train.ner --score-shipped  # the tagger in use on the three test sets

Training data: ANERcorp train (CAMeL Lab split, CC BY-SA 4.0) plus the Wojood public
sample train+val (MIT) with its types mapped onto ours (`WOJOOD_TYPES`); the Wojood test
part is held out as a second-domain check. Word clusters come from word2vec vectors of
the ANT v2.1 news corpus (citation licence), grouped by k-means at three sizes.
SaudiNewsNet is not used: its non-commercial licence would follow the shipped clusters.
The dev part is the last sentences of ANERcorp train, as the official test is the last
sixth of the corpus: tuning on a random part would reward memorising its stories.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pycrfsuite
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marsad.arabic.normalize import normalize_word
from marsad.arabic.normalize import tokens as normalized_tokens
from marsad.enrich.gazetteer import GAZETTEER_FILE, Gazetteer, write_rows
from marsad.enrich.ner import CRF_FILE
from marsad.enrich.ner_crf import CrfTagger
from marsad.enrich.ner_features import (
    LEXICON_FILE,
    FeatureExtractor,
    Lexicon,
    frequency_band,
    read_lexicon,
    write_lexicon,
)
from marsad.eval.ner import Sentence, read_conll, report, score_in_context, score_tagger, span_tags, spans
from marsad.names import GIVEN_NAMES_FILE, write_names

DATA = Path("/work/shared/data")
ANER_TRAIN = DATA / "ner/anercorp-camel/ANERCorp_CamelLab_train.txt"
TEST_SETS = {
    "ANERcorp CAMeL test": DATA / "ner/anercorp-camel/ANERCorp_CamelLab_test.txt",
    "CLEANANERCorp test": DATA / "ner/cleananercorp/cleananercorp_TEST.txt",
}
WOJOOD = DATA / "ner/wojood-sample"
GAZETTEERS = DATA / "gazetteers"
ANT = DATA / "sections/ant-v2.1/ant_v2.1.jsonl.gz"
MODELS = Path(__file__).resolve().parents[1] / "models"
# Intermediate artefacts (word vectors) kept between runs so tuning does not retrain them.
WORK = Path("/tmp/marsad-train-ner")

# Wojood types onto ours. NORP is dropped: Wojood uses it for any group of people ("الأطفال",
# "المرضى"), which ANERcorp leaves untagged. EVENT and CURR become MISC because ANERcorp
# tags wars, tournaments, prizes and currencies ("دولار") as MISC. FAC joins LOC, as
# ANERcorp tags named buildings and sites as places. Dates, numbers, jobs, laws are O.
WOJOOD_TYPES = {"PERS": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "EVENT": "MISC", "CURR": "MISC"}
# Wojood marks an in-sentence break with this token; we end the sentence there.
WOJOOD_BREAK = "$#$"
# Share of ANERcorp train sentences (the last ones) held out as dev when tuning.
DEV_SHARE = 0.15

# word2vec over ANT: 100 dimensions and a ±5 window are the usual settings for clustering
# words by role; skip-gram represents rare words (most names) better than CBOW.
VECTOR_SIZE, W2V_WINDOW, W2V_EPOCHS = 100, 5, 5
# Words seen fewer times get no vector: their neighbours are too few to place them.
MIN_COUNT = 3
# Cluster counts, coarse to fine: coarse ones generalise (all surnames), fine ones separate
# (capitals from villages). Powers of four spread them evenly on a log scale.
CLUSTER_SIZES = (64, 256, 1024)

# CRF: elastic net; L1 prunes the millions of candidate features to a small model, L2
# spreads weight across correlated features (word, stem, cluster). Tuned with --tune.
CRF_PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 250, "feature.possible_transitions": True}
TUNE_GRID = {"c1": (0.05, 0.1, 0.2, 0.4), "c2": (0.01, 0.05, 0.1)}

console = Console()


# -- data --------------------------------------------------------------------------------


def wojood_spans(rows: list[list[str]]) -> list[tuple[int, int, str]]:
    """Outermost mapped entities of one nested Wojood sentence (rows: tags per token)."""
    found = []
    for source, target in WOJOOD_TYPES.items():
        layer = [next((t for t in tags if t.endswith("-" + source)), "O") for tags in rows]
        found.extend((start, end, target) for start, end, _ in spans(layer))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= k_start or start >= k_end for k_start, k_end, _ in kept):
            kept.append((start, end, kind))
    return kept


def bio(length: int, entities: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * length
    for start, end, kind in entities:
        tags[start:end] = span_tags(kind, end - start)
    return tags


def read_wojood(path: Path) -> list[Sentence]:
    """Wojood sentences in flat BIO over our four types, split at its break tokens."""
    sentences, words, rows = [], [], []
    with open(path, encoding="utf-8") as handle:
        for line in itertools.chain(handle, [""]):
            fields = line.split()
            if fields and fields[0] != WOJOOD_BREAK:
                words.append(fields[0])
                rows.append(fields[1:])
                continue
            if words:
                sentences.append(Sentence(words, bio(len(words), wojood_spans(rows))))
            words, rows = [], []
    return sentences


def training_sentences(dev: bool, wojood: bool = True) -> tuple[list[Sentence], list[Sentence]]:
    """(train, held-out): ANERcorp train (minus its dev tail if `dev`) + Wojood train/val
    (unless `wojood` is false)."""
    aner = read_conll(ANER_TRAIN)
    cut = int(len(aner) * (1 - DEV_SHARE)) if dev else len(aner)
    extra = read_wojood(WOJOOD / "train.txt") + read_wojood(WOJOOD / "val.txt") if wojood else []
    return aner[:cut] + extra, aner[cut:]


# -- gazetteer ---------------------------------------------------------------------------


def tsv_column(path: Path, *columns: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
            for column in columns:
                for value in (row.get(column) or "").split("|"):
                    if value.strip():
                        yield value.strip()


def lines(path: Path, numbered: bool = False) -> Iterator[str]:
    """Entry lines of a list file; ANERgazet's "====" / "****" section marks are skipped."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            text = line.split(maxsplit=1)[-1] if numbered and line.split() else line
            text = text.strip()
            if text and not text.startswith(("====", "****")):
                yield text


def country_names() -> Iterator[str]:
    for country in json.loads((GAZETTEERS / "mledoze_countries.json").read_text(encoding="utf-8")):
        yield from (country.get("translations", {}).get("ara") or {}).values()
    yield from json.loads((GAZETTEERS / "umpirsky_country_ar.json").read_text(encoding="utf-8")).values()
    yield from tsv_column(GAZETTEERS / "pycountry_iso3166-1_ar.tsv", "name_ar", "official_name_ar", "common_name_ar")
    yield from tsv_column(GAZETTEERS / "dr5hn_countries_ar.tsv", "name_ar")
    yield from tsv_column(GAZETTEERS / "cldr_territories_ar.tsv", "name_ar")


def gazetteer_rows() -> Iterator[tuple[str, str]]:
    """(category, phrase) from every source. Curated lists and machine-made ones (Hkiri's
    DBpedia translations, dr5hn's transliterated cities) get separate categories, so the
    CRF can learn to trust a curated hit more."""
    hkiri = GAZETTEERS / "hkiri_ne_lexicon_ar_en"
    yield from (("LOC", name) for name in lines(GAZETTEERS / "anergazet_Loc.txt"))
    yield from (("LOC", name) for name in country_names())
    yield from (("LOC", name) for name in tsv_column(GAZETTEERS / "geonames_cities15000_ar.tsv", "names_ar_likely"))
    yield from (("LOC_WEAK", name) for name in tsv_column(GAZETTEERS / "dr5hn_cities_ar.tsv", "name_ar"))
    yield from (("LOC_WEAK", name) for name in lines(hkiri / "Loc.Ar.txt", numbered=True))
    yield from (("ORG", name) for name in lines(GAZETTEERS / "anergazet_Org.txt"))
    yield from (("ORG_WEAK", name) for name in lines(hkiri / "Org.Ar.txt", numbered=True))
    yield from (("PER", name) for name in lines(GAZETTEERS / "anergazet_Pers.txt"))
    yield from (("PER_WEAK", name) for name in lines(hkiri / "Pers.Ar.txt", numbered=True))
    for name in tsv_column(GAZETTEERS / "cldr_currencies_ar.tsv", "name_ar"):
        yield from (("CUR", name), ("CUR", name.split()[0]))
    yield from (("LANG", name) for name in tsv_column(GAZETTEERS / "cldr_languages_ar.tsv", "name_ar"))


def build_gazetteer() -> Gazetteer:
    rows = [(category, " ".join(normalized_tokens(phrase))) for category, phrase in gazetteer_rows()]
    rows = [(category, phrase) for category, phrase in rows if phrase]
    write_rows(rows, MODELS / GAZETTEER_FILE)
    return Gazetteer(rows)


# -- organisation acronyms -----------------------------------------------------------------


def build_org_acronyms() -> set[str]:
    """Latin acronyms the Hkiri lexicon lists as organisations and never as a place or a
    person, minus everyday terms (`enrich.org_acronyms`)."""
    from marsad.enrich.org_acronyms import NOT_ORGANISATIONS, ORG_ACRONYMS_FILE, is_acronym

    hkiri = GAZETTEERS / "hkiri_ne_lexicon_ar_en"
    others = set(lines(hkiri / "Loc.En.txt", numbered=True)) | set(lines(hkiri / "Pers.En.txt", numbered=True))
    acronyms = {
        name
        for name in lines(hkiri / "Org.En.txt", numbered=True)
        if is_acronym(name) and name not in others and name not in NOT_ORGANISATIONS
    }
    write_names(acronyms, MODELS / ORG_ACRONYMS_FILE)
    console.print(f"organisation acronyms: {len(acronyms):,}", highlight=False)
    return acronyms


# -- given names ---------------------------------------------------------------------------

# Words before a person's name that are not part of it, in the Hkiri lexicon's entries.
HONORIFICS = frozenset(
    normalized_tokens(
        "السيد السيدة الآنسة الدكتور الدكتورة رئيس رئيسة الرئيس الشيخ الأمير الملك اللواء "
        "العميد العقيد الفريق المهندس الأستاذ السفير القاضي مدام"
    )
)
# Shorter words are mostly particles or clitic remains ("ابو" stays: it is 4 letters normalised).
MIN_GIVEN_NAME_CHARS = 3


def given_name_candidates(sentences: list[Sentence]) -> Iterator[str]:
    """First words of multi-word person names: training spans and Hkiri entries."""
    for sentence in sentences:
        for start, end, kind in spans(sentence.tags):
            if kind == "PER" and end - start >= 2:
                yield normalize_word(sentence.tokens[start])
    for entry in lines(GAZETTEERS / "hkiri_ne_lexicon_ar_en" / "Pers.Ar.txt", numbered=True):
        words = normalized_tokens(entry)
        while words and words[0] in HONORIFICS:
            words = words[1:]
        if len(words) >= 2:
            yield words[0]


def build_given_names(sentences: list[Sentence]) -> set[str]:
    """Given names for `marsad.enrich.person_spans`, minus what the training data calls O and
    the kin words and ranks `span_trim` takes off a name ("شقيقة" and "عقيد" open some
    annotated and Hkiri names)."""
    from marsad.enrich.span_trim import ANY_KIN, LEADING_TITLES

    not_names = ANY_KIN | LEADING_TITLES
    as_other, as_person = Counter(), Counter()
    for sentence in sentences:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            (as_person if tag.endswith("-PER") else as_other)[normalize_word(token)] += 1
    names = {
        word
        for word in given_name_candidates(sentences)
        if len(word) >= MIN_GIVEN_NAME_CHARS
        and not word.startswith("ال")
        and word not in not_names
        and as_other[word] <= as_person[word] + 1
    }
    write_names(names, MODELS / GIVEN_NAMES_FILE)
    console.print(f"given names: {len(names):,}", highlight=False)
    return names


# -- lexicon: frequency bands and word clusters from ANT -------------------------------------


def ant_paragraphs() -> Iterator[list[str]]:
    """Normalised words of each title and paragraph of the ANT corpus."""
    with gzip.open(ANT, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            for paragraph in [article.get("title") or "", *(article.get("text") or "").split("\n")]:
                words = normalized_tokens(paragraph)
                if words:
                    yield words


def train_vectors(paragraphs: list[list[str]], path: Path) -> dict[str, np.ndarray]:
    """word2vec vectors (unit length), cached in `path`: the slow step of a rebuild."""
    if path.exists():
        with np.load(path) as saved:
            return dict(zip(saved["words"].tolist(), saved["vectors"], strict=True))
    from gensim.models import Word2Vec  # training-only dependency

    with console.status("word2vec over ANT (one thread, a few minutes)"):
        model = Word2Vec(paragraphs, vector_size=VECTOR_SIZE, window=W2V_WINDOW, min_count=MIN_COUNT,
                         sg=1, workers=1, epochs=W2V_EPOCHS, seed=1)  # fmt: skip
    words = list(model.wv.index_to_key)
    vectors = model.wv.get_normed_vectors().astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, words=np.array(words), vectors=vectors)
    return dict(zip(words, vectors, strict=True))


def cluster_ids(vectors: np.ndarray, size: int) -> np.ndarray:
    from sklearn.cluster import MiniBatchKMeans

    kmeans = MiniBatchKMeans(n_clusters=size, random_state=0, batch_size=4096, n_init=3)
    return kmeans.fit_predict(vectors)


def build_lexicon(path: Path = MODELS / LEXICON_FILE) -> Lexicon:
    """Counts and clusters of every ANT word seen MIN_COUNT times, written to `path`."""
    with console.status("reading ANT"):
        paragraphs = list(ant_paragraphs())
    counts = Counter(word for words in paragraphs for word in words)
    vectors = train_vectors(paragraphs, WORK / f"ant_w2v_{VECTOR_SIZE}d_w{W2V_WINDOW}_m{MIN_COUNT}.npz")
    words = sorted(vectors, key=lambda w: (-counts[w], w))
    matrix = np.stack([vectors[w] for w in words])
    clusters = [cluster_ids(matrix, size) for size in CLUSTER_SIZES]
    rows = [
        (word, str(frequency_band(counts[word])), *(str(ids[i]) for ids in clusters))
        for i, word in enumerate(words)
    ]
    write_lexicon(rows, path)
    return Lexicon({row[0]: tuple(row[1:]) for row in rows})


def load_resources(rebuild: bool) -> FeatureExtractor:
    if rebuild or not (MODELS / LEXICON_FILE).exists():
        lexicon = build_lexicon()
    else:
        lexicon = read_lexicon(MODELS / LEXICON_FILE)
    return FeatureExtractor(lexicon, build_gazetteer())


# -- CRF ---------------------------------------------------------------------------------


class ProgressTrainer(pycrfsuite.Trainer):
    """A CRF trainer that advances a rich progress bar at each L-BFGS iteration."""

    def __init__(self, progress: Progress, task: int):
        super().__init__(verbose=False)
        self.progress, self.task = progress, task

    def on_iteration(self, log: str, info: dict) -> None:
        self.progress.update(self.task, completed=info.get("num", 0), loss=info.get("loss", 0.0))


def train_crf(sentences: list[Sentence], extractor: FeatureExtractor, path: Path, params: dict) -> CrfTagger:
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("loss {task.fields[loss]:.0f}"), TimeElapsedColumn()]  # fmt: skip
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("CRF features", total=len(sentences), loss=0.0)
        trainer = ProgressTrainer(progress, task)
        for sentence in sentences:
            trainer.append(extractor.sentence(sentence.tokens), sentence.tags)
            progress.advance(task)
        progress.update(task, description="CRF L-BFGS", completed=0, total=params["max_iterations"])
        trainer.set_params(params)
        path.parent.mkdir(parents=True, exist_ok=True)  # crfsuite fails silently on a missing folder
        trainer.train(str(path))
    return CrfTagger(path, extractor)


def score_line(name: str, sentences: list[Sentence], tagger: Callable[[list[str]], list[str]],
               verbose: bool = True) -> float:  # fmt: skip
    counts = score_tagger(sentences, tagger)
    if verbose:
        console.rule(name)
        console.print(report(counts), highlight=False)
    return counts["micro"].f1


def with_silver(train: list[Sentence], silver: int) -> list[Sentence]:
    """`train` plus `silver` ANT sentences the shipped taggers agree on (`train/ner_silver.py`)."""
    if not silver:
        return train
    from marsad.train.ner_silver import silver_sentences

    extra = silver_sentences(silver)
    console.print(f"{len(extra):,} silver ANT sentences join training", highlight=False)
    return train + extra


def run_dev(extractor: FeatureExtractor, grid: bool, silver: int = 0) -> None:
    """Train without the dev tail of ANERcorp train and score on it (over a grid if asked)."""
    train, dev = training_sentences(dev=True)
    train = with_silver(train, silver)
    settings = [dict(zip(TUNE_GRID, values, strict=True)) for values in itertools.product(*TUNE_GRID.values())]
    model = WORK / (f"dev_silver{silver}.crfsuite" if silver else "dev.crfsuite")
    for setting in settings if grid else [{}]:
        params = {**CRF_PARAMS, **setting}
        tagger = train_crf(train, extractor, model, params)
        f1 = score_line(f"dev {setting or ''}", dev, tagger, verbose=not grid)
        console.print(f"dev micro F1 {f1:.4f} with {params}", highlight=False)


def run_full(extractor: FeatureExtractor, silver: int = 0, out: Path = MODELS) -> None:
    train, _ = training_sentences(dev=False)
    build_given_names(train)
    tagger = train_crf(with_silver(train, silver), extractor, out / CRF_FILE, CRF_PARAMS)
    for name, path in TEST_SETS.items():
        score_line(name, read_conll(path), tagger)
    wojood_test = read_wojood(WOJOOD / "test.txt")
    score_line("Wojood sample test (held out, mapped types)", wojood_test, tagger)
    start = time.perf_counter()
    sizes = {p.name: p.stat().st_size for p in MODELS.glob("ner_*")}
    console.print(f"model files: {sizes} ({time.perf_counter() - start:.1f}s)")


def score_shipped() -> None:
    """The tagger `find_entities` uses on the three test sets, each file's sentences read in
    order as one text (`marsad.eval.ner.score_in_context`)."""
    tests = {f"{name} (in use)": read_conll(path) for name, path in TEST_SETS.items()}
    tests["Wojood sample test, mapped types (in use)"] = read_wojood(WOJOOD / "test.txt")
    for name, sentences in tests.items():
        console.rule(name)
        console.print(report(score_in_context(sentences)), highlight=False)


def main(argv: list[str] | None = None) -> None:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if "--neural" in args_in:
        from marsad.train.ner_neural import main as neural_main

        neural_main([a for a in args_in if a != "--neural"])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", action="store_true", help="score on the dev tail of ANERcorp train")
    parser.add_argument("--tune", action="store_true", help="grid over c1/c2 on the dev tail")
    parser.add_argument("--keep-lexicon", action="store_true", help="reuse the shipped word clusters")
    parser.add_argument("--neural", action="store_true", help="train the BiLSTM-CRF instead")
    parser.add_argument("--given-names", action="store_true", help="rebuild only the given-name list")
    parser.add_argument("--org-acronyms", action="store_true", help="rebuild only the organisation acronyms")
    parser.add_argument("--score-shipped", action="store_true", help="score the tagger in use on the tests")
    parser.add_argument("--silver", type=int, default=0, metavar="N",
                        help="add N silver ANT sentences (12000: the kept set) to the CRF's training")
    parser.add_argument("--out", type=Path, default=MODELS, help="folder for the full run's model")
    args = parser.parse_args(args_in)
    if args.given_names:
        build_given_names(training_sentences(dev=False)[0])
        return
    if args.org_acronyms:
        build_org_acronyms()
        return
    if args.score_shipped:
        score_shipped()
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        extractor = load_resources(rebuild=not args.keep_lexicon)
        if args.dev or args.tune:
            run_dev(extractor, grid=args.tune, silver=args.silver)
        else:
            run_full(extractor, args.silver, args.out)


if __name__ == "__main__":
    main()

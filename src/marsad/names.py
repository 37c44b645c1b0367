"""Personal names shipped with Marsad (`models/`): given names and known full names.

Both lists are built by the training code (`train.ner` for the given names, from the
labelled data and the Hkiri person lexicon; `train.known_people` for full names the
taggers found again and again in ANT) and read here, so extraction (bylines, datelines)
and enrichment (entity spans, resolution) share one loader.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.arabic.normalize import normalize_word

GIVEN_NAMES_FILE = "ner_given_names.txt.gz"
KNOWN_PEOPLE_FILE = "ner_known_people.txt.gz"

KnownPeople = dict[str, tuple[tuple[str, ...], ...]]  # first word -> names, longest first
# "عبد" compounds are written apart or together (عبد العاطي / عبدالعاطي).
ABD_SPACE = re.compile(r"(?<!\S)عبد (?=\S)")
# "... الله" compounds likewise (نصر الله / نصرالله); normalised text, so the alef is bare.
ALLAH_SPACE = re.compile(r"(?<=\S) الله(?!\S)")
# "son/daughter of" in a name chain: the names after one are a parent's, so "سلمان" in
# "محمد بن سلمان" names his father, not him.
PATRONYMIC_PARTICLES = frozenset(normalize_word(word) for word in "بن بنت ابن ابنة".split())
# A king's ordinal ends his name but stands for no one alone: "عبدالله الثاني" is no "الثاني"
# of "النائب الثاني لرئيس مجلس الوزراء".
REGNAL_ORDINALS = frozenset(
    normalize_word(word)
    for word in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split()
)
# Honorifics with "his"/"her" ("سموه", "معاليها"): they refer back to a person named before.
TITLES_OF_HIM = frozenset(
    normalize_word(title + pronoun)
    for title in ("سمو", "معالي", "فخامت", "جلالت", "فضيلت")
    for pronoun in ("ه", "ها")
)
# Kin before a person's name: "شقيق عبد السلام" is his brother, not a name ("ابن" and "بن"
# are inside names, so they are not here); so are a family ("[أبناء] الحناكي") and the body
# ("[جثمان] الشريف").
KIN = frozenset(
    normalize_word(word)
    for word in (
        "شقيق شقيقة نجل نجلة ابنة زوجة زوج والد والدة أرملة حفيد حفيدة جثمان أبناء أشقاء أسرة عائلة أقارب"
    ).split()
)
# Words that join a name to the next one ("بن", "أبو", "آل"): inside names, never at their end.
NAME_PARTICLES = frozenset(normalize_word(word) for word in "بن بنت ابن آل أبو".split())


def write_names(names: Iterable[str], path: Path) -> None:
    """One normalised name per line, sorted; mtime 0 keeps rebuilds byte-identical."""
    lines = "".join(f"{name}\n" for name in sorted(set(names)))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(lines.encode("utf-8"))


def read_names(path: Path | str) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def shipped_names(file_name: str) -> frozenset[str]:
    folder = resources.files("marsad") / "models"
    if not (folder / file_name).is_file():
        return frozenset()
    with resources.as_file(folder / file_name) as path:
        return read_names(path)


@cache
def shipped_given_names() -> frozenset[str]:
    return shipped_names(GIVEN_NAMES_FILE)


@cache
def shipped_known_people() -> KnownPeople:
    """Known full names (`train.known_people`), indexed by their first word."""
    return index_names(shipped_names(KNOWN_PEOPLE_FILE))


def joined_abd(name: str) -> str:
    """ "عبد" written apart joined to the word after it ("عبد الملك" -> "عبدالملك"): the two
    spellings of one compound name compare equal."""
    return ABD_SPACE.sub("عبد", name)


def joined_compounds(name: str) -> str:
    """A person's compound names in one word: "عبد" joined to the word after it and "الله"
    to the word before it ("نصر الله" -> "نصرالله", "فضل الله" -> "فضلالله"), as both are
    written apart or together. For persons only: "حزب الله" is a head noun and a name."""
    return ALLAH_SPACE.sub("الله", joined_abd(name))


# The joined spellings written apart: "عبدالرحمن" -> "عبد الرحمن", "نصرالله" -> "نصر الله".
ABD_JOINED = re.compile(r"(?<!\S)عبد(?=ال\S)")
ALLAH_JOINED = re.compile(r"(?<=[^\s])(?<!عبد)(?<!(?<!\S)ال)الله(?!\S)")


def compound_spellings(name: str) -> set[str]:
    """A person's normalised name with its compounds joined and written apart, and as it
    is: the spellings another text may use for the same name (`joined_compounds`)."""
    apart = ALLAH_JOINED.sub(" الله", ABD_JOINED.sub("عبد ", name))
    return {name, joined_compounds(name), apart}


def is_known_person(words: Sequence[str], known: KnownPeople | None = None) -> bool:
    """Whether the normalised words are one known full name, "عبد" written apart or joined
    to the word after it ("عبد الملك الحوثي", "عبدالملك الحوثي")."""
    index = shipped_known_people() if known is None else known
    joined = tuple(joined_abd(" ".join(words)).split())
    return any(name and name in index.get(name[0], ()) for name in (tuple(words), joined))


def index_names(names: Iterable[str]) -> KnownPeople:
    index: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(name.split())
        index.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in index.items()}

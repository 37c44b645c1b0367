"""Arabic named entities (PER, LOC, ORG, MISC) from two taggers trained by `marsad.train.ner`.

    find_entities("التقى الرئيس الفرنسي إيمانويل ماكرون في باريس")
    -> [(20, 33, "PER", "إيمانويل ماكرون"), (37, 42, "LOC", "باريس")]

Two linear-chain taggers are read as one: the BiLSTM-CRF (`ner_neural`, numpy inference,
one batch per text) and a CRF over clitic-aware, cluster and gazetteer features
(`ner_features`) are decoded together over their summed scores, and each one's own spans
fill in where that reading found nothing. Person names are then completed (`person_spans`)
with known full names and given names. The models and their resources (`models/ner_*`)
load on first use; without the BiLSTM files the CRF runs alone.
Scores, data and licences: `models/NER.md`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources

from marsad.arabic.normalize import fold_letter_forms, normalize_word
from marsad.arabic.sentences import LETTER_NAMES, split_spans
from marsad.arabic.stopwords import is_function_word_as_written
from marsad.arabic.tokenize import tokenize_spans
from marsad.enrich.club_spans import places_as_clubs
from marsad.enrich.known_bodies import add_known_bodies
from marsad.enrich.ner_crf import CrfTagger
from marsad.enrich.ner_features import shipped_extractor, shipped_lexicon
from marsad.enrich.ner_neural import NeuralTagger, shipped_files_present, shipped_neural_tagger
from marsad.enrich.org_acronyms import add_org_acronyms
from marsad.enrich.person_spans import add_known_people, extend_person_spans
from marsad.enrich.place_spans import add_summit_places, extend_organisation_spans, extend_place_spans
from marsad.enrich.resolve import person_name_words
from marsad.enrich.span_trim import (
    COMMON_BAND,
    COMPOUND_NAME_STARTS,
    FAMILY_NAMES,
    SPELT_LETTERS,
    add_accusative_currencies,
    trim_spans,
    with_ali_after_title,
    without_non_names,
)
from marsad.eval.ner import span_tags, spans
from marsad.knowledge import key
from marsad.names import NAME_PARTICLES, REGNAL_ORDINALS, shipped_given_names

CRF_FILE = "ner_crf.crfsuite"
# Same length, so offsets stay the text's: hashtags are words to the tagger.
HASHTAG_MARKS = str.maketrans("#_", "  ")
# A hyphen glued to letters on both sides continues a name, unless the part has the article
# ("فواز العنزي-المدير": a title glued on).
HYPHENATED_PART = re.compile(r"-(?!ال)[^\W\d_]+")
ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
# The CRF's share of the fused reading (its scores are in crfsuite's units): 0.5 scored best
# of 0.25 / 0.5 / 0.75 / 1 / 2 on the dev tail of ANERcorp train (`bench/ner_combine_dev.py --fuse`).
FUSED_CRF_WEIGHT = 0.5
PROPAGATION_WINDOW = 10
PROPAGATED_TYPES = frozenset({"PER", "ORG"})
MIN_PROPAGATED_LETTERS = 3
MAX_LETTER_NAME_CHARS = max(map(len, LETTER_NAMES))
# Latin letters spelt in Arabic and joined by periods ("بي.بي.سي", "إيه.بي.سي", also with a
# space after each period, "بي. بي. سي"): the tokenizer would cut them into letters and
# sentence ends; read as spaces, they are the acronym as the taggers learnt it ("بي بي سي").
# Same length, so offsets stay the text's. "أي" (I, also the word "any") ends such a run only
# after dotted letters ("إف. بي. أي.").
_LETTER = "|".join(sorted(LETTER_NAMES, key=len, reverse=True))
# Web and mail addresses: their Latin parts are no names ("(www.gosi.gov.sa)" gave ORG "sa").
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s()<>\[\]«»\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
DOTTED_LETTERS = re.compile(rf"(?<![\w.])(?:(?:{_LETTER})\. ?)+(?:{_LETTER}|أي)(?![\w])")


@cache
def shipped_tagger() -> CrfTagger:
    """The tagger shipped in `marsad/models`, loaded on first use (never at import)."""
    with resources.as_file(resources.files("marsad") / "models" / CRF_FILE) as path:
        return CrfTagger(path, shipped_extractor())


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags (B-PER, I-LOC, O ...) for the tokens of one sentence."""
    return tag_sentences([tokens])[0]


def tag_sentences(sentences: Sequence[Sequence[str]], known_people: bool = True) -> list[list[str]]:
    """BIO tags for each sentence from the shipped taggers (`combine_taggers`); the CRF alone
    when the BiLSTM files are missing. `known_people=False` leaves out the corpus-learnt
    names (the list is built from this)."""
    neural = shipped_neural_tagger() if shipped_files_present() else None
    return combine_taggers(sentences, shipped_tagger(), neural, known_people)


def combine_taggers(
    sentences: Sequence[Sequence[str]], crf: CrfTagger, neural: NeuralTagger | None, known_people: bool = True
) -> list[list[str]]:
    """BIO tags for each sentence: the spans of one Viterbi over both taggers' scores (the
    BiLSTM-CRF's plus `FUSED_CRF_WEIGHT` times the CRF's), then the BiLSTM-CRF's own spans
    where those found nothing, then the CRF's, then organisation acronyms in Latin letters
    (`org_acronyms`), then person names completed (`person_spans`), then names carried to
    their untagged occurrences in the sentences around (`propagate_names`). Chosen on the
    dev tail of ANERcorp train (`bench/ner_combine_dev.py`, which calls this with dev runs)."""
    if neural is not None:
        readings = neural.tag_with(sentences, crf.as_partner(neural.tags), FUSED_CRF_WEIGHT)
        tagged = [
            overlay_spans(overlay_spans(fused_tags, neural_tags), crf_tags)
            for neural_tags, crf_tags, fused_tags in zip(*readings, strict=True)
        ]
    else:
        tagged = crf.tag_sentences(sentences)
    pairs = zip(sentences, tagged, strict=True)
    return propagate_names(sentences, [complete_spans(tokens, tags, known_people) for tokens, tags in pairs])


# Words before a last word that make it a father's, family's or compound's part, no surname.
BEFORE_NO_SURNAME = NAME_PARTICLES | COMPOUND_NAME_STARTS


def _surname_of(name: Sequence[str]) -> bool:
    """Is the last word of this person's name (normalised words) a surname that can stand
    alone: the name opens with a given name ("[صافنات السلام]" was a company read as a
    person), its last word is neither a father's or a family's name after بن or آل
    ("محمد بن سلمان", "آل الشيخ") nor the end of a compound ("عبد السلام") nor a king's ordinal
    ("عبدالله الثاني"), and it is a
    known name word or a word ANT seldom writes (not "الثقافي")?"""
    return (
        len(name) >= 2
        and name[0] in shipped_given_names()
        and name[-2] not in BEFORE_NO_SURNAME
        and name[-1] not in FAMILY_NAMES
        and name[-1] not in REGNAL_ORDINALS
        and (name[-1] in person_name_words() or shipped_lexicon().band(name[-1]) < COMMON_BAND)
    )


def propagate_names(sentences: Sequence[Sequence[str]], tagged: Sequence[Sequence[str]]) -> list[list[str]]:
    """Names tagged somewhere in a run of `PROPAGATION_WINDOW` consecutive sentences, tagged
    with their most frequent type where they stand untagged in that run: the taggers often
    find a name once and miss it further on ("[حسبان] ... وقال حسبان"); a person's last
    name counts as a name of its own ("[محمود عباس] ... وقال عباس": dev tail 0.780 -> 0.782,
    PER 0.837 -> 0.846; on a second dev BiLSTM 0.773 -> 0.776). Places are left out
    (the gazetteer's everyday words, "المدينة", would spread), and so are MISC names (no gain),
    names of fewer than `MIN_PROPAGATED_LETTERS` letters and occurrences that are part of a
    longer name of the run. Chosen on the dev tail of ANERcorp train
    (`bench/ner_combine_dev.py`: 0.771 -> 0.776). Names are matched in normalised form, but a
    function word as written is never a name: "على" normalises to the name "علي"."""
    out: list[list[str]] = []
    for first in range(0, len(sentences), PROPAGATION_WINDOW):
        group = range(first, min(first + PROPAGATION_WINDOW, len(sentences)))
        kinds: dict[tuple[str, ...], Counter[str]] = {}
        words = {i: [normalize_word(token) for token in sentences[i]] for i in group}
        bearers: dict[str, set[tuple[str, ...]]] = {}  # surname -> the full names that end in it
        for i in group:
            for start, end, kind in spans(tagged[i]):
                name = tuple(words[i][start:end])
                kinds.setdefault(name, Counter())[kind] += 1
                if kind == "PER" and _surname_of(name):
                    bearers.setdefault(name[-1], set()).add(name)
        for surname, names in bearers.items():  # "[محمود عباس] ... وأكد عباس"; not when two share it
            if len(names) == 1:
                kinds.setdefault((surname,), Counter())["PER"] += 1
        # word runs inside longer names of the window: "الهلال" is not carried into "الهلال
        # الأحمر" when "هيئة الهلال الأحمر السعودي" is tagged there
        inside = {name[a:b] for name in kinds for a in range(len(name)) for b in range(a + 2, len(name) + 1)}
        commonest = {name: counts.most_common(1)[0][0] for name, counts in kinds.items()}
        names = [
            (name, kind)
            for name, kind in sorted(commonest.items(), key=lambda item: -len(item[0]))
            if sum(map(len, name)) >= MIN_PROPAGATED_LETTERS and kind in PROPAGATED_TYPES
        ]
        for i in group:
            marked = list(tagged[i])
            positions: dict[str, list[int]] = {}
            for k, word in enumerate(words[i]):
                positions.setdefault(word, []).append(k)
            for name, kind in names:
                size = len(name)
                for start in positions.get(name[0], ()):
                    end = start + size
                    untagged = all(tag == "O" for tag in marked[start:end])
                    if not untagged or tuple(words[i][start:end]) != name:
                        continue
                    if any(is_function_word_as_written(token) for token in sentences[i][start:end]):
                        continue
                    wider = (tuple(words[i][max(0, start - 1) : end]), tuple(words[i][start : end + 1]))
                    if not any(len(run) > size and run in inside for run in wider):
                        marked[start:end] = span_tags(kind, size)
            out.append(marked)
    return out


def complete_spans(tokens: Sequence[str], tags: Sequence[str], known_people: bool = True) -> list[str]:
    """What the taggers' spans get after they are combined: one-letter acronyms completed,
    titles and lone nationality adjectives trimmed, places completed from the gazetteer and
    after "قمة", organisation acronyms, then known people, then persons extended over a
    given name in front."""
    trimmed = trim_spans(tokens, through_spelt_letters(tokens, tags))
    places = places_as_clubs(tokens, add_summit_places(tokens, extend_place_spans(tokens, trimmed)))
    places = extend_organisation_spans(tokens, places)
    completed = add_accusative_currencies(tokens, add_org_acronyms(tokens, places))
    completed = add_known_bodies(tokens, completed)
    if known_people:
        with_known = add_known_people(tokens, completed)
        if with_known != completed:  # the list holds some phrases ("حسن الجوار")
            with_known = without_non_names(tokens, with_known, spans(completed))
        completed = with_known
    return with_ali_after_title(tokens, extend_person_spans(tokens, completed))


def overlay_spans(primary: Sequence[str], secondary: Sequence[str]) -> list[str]:
    """The primary tagger's spans, plus the secondary's spans that touch none of them; two
    primary spans of one type back to back join when the secondary has them in one span.
    (Letting a secondary span stretch a primary one over untagged words, "عشق [آباد]",
    cost 0.02 F1 on the dev tail: the BiLSTM's bounds are the better ones.)"""
    tags = list(primary)
    taken = [tag != "O" for tag in primary]
    for start, end, kind in sorted(spans(secondary)):
        if not any(taken[start:end]):
            tags[start:end] = span_tags(kind, end - start)
    for i in range(1, len(tags)):
        kind = tags[i][2:]
        if tags[i].startswith("B-") and tags[i - 1][2:] == kind and secondary[i] == f"I-{kind}":
            tags[i] = f"I-{kind}"  # "[الشيخ] [زويد]": two names back to back that the CRF reads as one
    return tags


def find_entities(text: str) -> list[tuple[int, int, str, str]]:
    """Entities in `text` as (char start, char end, type, surface), in text order. Hashtag
    marks read as spaces ("فلاديمير #بوتين", "#كوريا_الشمالية"), so the surface may hold
    a double space where a mark was, and so do the periods of spelt acronyms ("بي.بي.سي"
    -> "بي بي سي"), and letters in presentation forms are read as plain letters
    (`fold_letter_forms`); the offsets are the text's own."""
    text = fold_letter_forms(text).translate(HASHTAG_MARKS)
    text = DOTTED_LETTERS.sub(lambda match: match.group().replace(".", " "), text)
    found: list[tuple[int, int, str, str]] = []
    addresses = [match.span() for match in WEB_ADDRESS.finditer(text)]
    sentences = [tokenize_spans(sentence.text, offset=sentence.start) for sentence in split_spans(text)]
    tagged = tag_sentences([[word.text for word in words] for words in sentences])
    for words, tags in zip(sentences, tagged, strict=True):
        _through_initials([word.text for word in words], tags)
        for first, last, kind in sorted(spans(tags)):
            start, end = words[first].start, words[last - 1].end
            if found and start < found[-1][1]:
                continue  # inside the name before it, which took a hyphenated part
            if any(a <= start and end <= b for a, b in addresses):
                continue
            end = _through_hyphens(text, end)
            found.append((start, end, kind, text[start:end]))
    return found


def _through_initials(tokens: Sequence[str], tags: list[str]) -> None:
    """A person's name goes on past a Latin initial and its period ("جون إف. كينيدي"): the
    tokenizer makes the period a token and the taggers stop at it."""
    for i in range(len(tokens) - 2):
        if (tags[i] in ("B-PER", "I-PER") and tokens[i] in LETTER_NAMES and tokens[i + 1] == "."
                and tags[i + 2] in ("O", "B-PER") and tokens[i + 2].isalpha()):  # fmt: skip
            tags[i + 1] = tags[i + 2] = "I-PER"


def through_spelt_letters(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """A one-letter acronym goes on over the untagged letters after it ("[سي] إن إن", "[إف]
    بي آي"): the BiLSTM reads "إن" as the particle and stops, and its span wins over the
    CRF's whole one. A longer acronym is left as it is: in "قالت بي بي سي إن" the "إن" is "that"."""
    extended = list(tags)
    for i, tag in enumerate(tags):
        followed = i + 1 < len(tags) and tags[i + 1] != "O"
        if tag[0] != "B" or len(tokens[i]) > MAX_LETTER_NAME_CHARS or followed:
            continue
        if key(tokens[i]) not in SPELT_LETTERS:
            continue
        j = i + 1
        while j < len(tokens) and tags[j] == "O" and key(tokens[j]) in SPELT_LETTERS:
            j += 1
        if tokens[j - 1] == "في":  # "[تي] في ..." ends on "in", not on V
            j -= 1
        extended[i + 1 : j] = [f"I-{tag[2:]}"] * (j - i - 1)
    return extended


def _through_hyphens(text: str, end: int) -> int:
    """The end of a name written on through hyphens ("ميزا-كوادرا", "جونغ-أون"): the tokenizer
    cuts at the hyphen and the tagger often keeps only the first half. A part with the
    article or in the other script is not the name's ("العنزي-المدير"), and neither are parts
    with a hyphen after them: a byline's fields ("عبدالله البرقاوي-سبق-الرياض:")."""
    match = HYPHENATED_PART.match(text, end)
    if match is None or _is_arabic(text[end - 1]) != _is_arabic(text[end + 1]):
        return end  # a part in the other script is something else ("المحدودة-Monsters")
    return end if text.startswith("-", match.end()) else match.end()


def _is_arabic(letter: str) -> bool:
    return "\u0600" <= letter <= "\u06ff"

"""Mentions to entities: one entity per referent within an article, with the evidence.

Named-entity mentions arrive as surfaces with clitics attached ("وبزكشيان", "لروسيا").
Each rule below may join two mentions of the same type and says why, so a user can
audit every merge:
- same spelling after Arabic normalisation and clitic stripping;
- same gazetteer place (أمريكا = الولايات المتحدة, طهران = تهران);
- spelling variant: one transposed/changed letter in a long word (بزكشيان ~ بزشكيان), or,
  in names of places and organisations, one long vowel letter more (دايلي ميل ~ ديلي ميل);
- short form: the surname, or a name without its title words (بوتين ⊂ فلاديمير بوتين);
  a surname spelt exactly as one full name ends goes to it before any spelling variant
  (سليمان of هاني سليمان, not of قاسم سليماني), and "عبد" compounds match written
  apart or together (عبدالعاطي ⊂ محمد عبد العاطي);
- capital for its country when the article names the country too (موسكو -> روسيا), the
  press's usual metonymy; a city written as a place (the dateline, "في موسكو", "بالرياض")
  stays a city;
- (before the rules) a person's و/ف goes when the rest starts a known person's name and
  the word as written is no name of its own ("وصالح" -> "صالح", "وليد" stays);
- a title with a nationality ("الرئيس الإيراني") when exactly one person in the article
  was introduced with that nationality;
- an organisation's bare head noun ("الهيئة", "الحركة") when exactly one organisation in
  the article starts with it; a head noun that fits none or several is not a name and is
  dropped.
Before the rules, one name keeps one type in an article: where the tagger read the same
name as two types ("كورونا" as MISC five times and LOC once), the more frequent type
wins (a tie changes nothing), and the entity's evidence says so.
No library resolves Arabic name variants, so these rules are ours.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

from marsad.arabic.normalize import strip_invisibles, strip_tatweel
from marsad.arabic.tokenize import unglued
from marsad.enrich.gazetteer import shipped_gazetteer
from marsad.enrich.known_bodies import grouping_of, is_grouping_as_written
from marsad.enrich.ner_features import shipped_lexicon
from marsad.enrich.person_spans import CONJUNCTION_BAND_GAP, OWN_WAW, more_frequent, stuck_conjunction
from marsad.knowledge import Knowledge, Place, adjective_stem, key, load_knowledge
from marsad.model import Entity, content_id
from marsad.names import (
    NAME_PARTICLES,
    PATRONYMIC_PARTICLES,
    is_known_person,
    joined_abd,
    joined_compounds,
    shipped_given_names,
    shipped_known_people,
)

# One edit is a variant only in words at least this long: short words differ by one letter
# all the time (عمان/عمار) while long foreign names are spelled many ways (بزكشيان/بزشكيان).
VARIANT_MIN_LETTERS = 5
# Foreign names of places and organisations gain or lose a long vowel letter in Arabic
# (دايلي/ديلي, فرانسيسكو/فرنسيسكو); in person names that letter often makes another name
# (محمد/محمود), so this looser variant is not used for PER.
VOWEL_LETTERS = "اوي"
VOWEL_VARIANT_MIN_LETTERS = 4
# Words that open a family name of two words or more ("أبو الفتوح", "آل سعود", "دي ماريا").
FAMILY_NAME_PARTICLES = NAME_PARTICLES | frozenset(key(word) for word in "دي دا دو فان فون ديل".split())
# Letters that write one foreign sound, so a name spelt with either is one name (g, v, p, t, s, z, d).
SAME_FOREIGN_SOUND = ("جغقكگ", "فڤ", "بپ", "تط", "سص", "زذظ", "دض")
# The particles of "son of" and "daughter of" ("سعيد بن ريحان" is "ابن ريحان").
SON_PARTICLES = frozenset(key(word) for word in "بن ابن".split())
DAUGHTER_PARTICLES = frozenset(key(word) for word in "بنت ابنة".split())
# One-letter proclitics and their pairs, longest first: و ف ب ل ك.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
# How many of ANT's frequency bands (powers of two) a word must stand above its form with
# ل/ب before that form is read as the preposition + the word.
PREPOSITION_BAND_GAP = 3
# A word after a given name that ANT writes in this frequency band or below reads as a family
# name ("الدخيل": band 3), one above it as a common word ("حفلا": 5, "الصراع": 9).
FAMILY_NAME_MAX_BAND = 4
# Words that introduce a person's office; with a nationality after them they can stand for
# the person ("الرئيس الإيراني").
TITLE_WORDS = frozenset(
    key(word)
    for word in (
        "الرئيس الرئيسين رئيس رئيسة العاهل الزعيم الزعيمين الملك الأمير ولي العهد وزير وزيرة وزيري نظيره نظيرته "
        "المستشار المستشارة السفير السفيرة المتحدث الأمين الشيخ السلطان المبعوث قائد القائد المرشد"
    ).split()
)
# Head nouns an organisation or event name can drop ("مجموعة البريكس" -> "البريكس").
ORG_HEADS = frozenset(
    key(word)
    for word in (
        "مجموعة منظمة حركة حزب معهد شركة جامعة وكالة هيئة مؤسسة جمعية منتدى قمة مجلس تحالف حلف وزارة مركز "
        "بنك مصرف صندوق"
    ).split()
)
# Heads of the names of local bodies, institutions, federations and armed groups ("بلدية
# رأس تنورة", "كلية الملك فهد الأمنية", "اتحاد الكونكاكاف", "قوات التحالف"), kept apart
# from ORG_HEADS: a bare "الاتحاد" or "النادي" names a club of its own, not the one
# organisation with that head.
INSTITUTION_HEADS = frozenset(
    key(word) for word in "أمانة بلدية إمارة مستشفى مدرسة كلية محكمة نادي اتحاد تنظيم قوات جبهة فرع".split()
)
# Every head noun that opens an organisation's name.
BODY_HEADS = ORG_HEADS | INSTITUTION_HEADS
# Head nouns that alone name no organisation ("التنظيم", "الهيئة"); "الاتحاد" is also a club.
GENERIC_HEADS = BODY_HEADS - {key("اتحاد")}
# A head noun and an adjective of its kind that the press writes for one organisation named
# before it ("المنظمة الدولية" for the United Nations or "منظمة العفو الدولية").
DESCRIBED_HEADS = frozenset(
    tuple(key(word) for word in phrase.split())
    for phrase in ("المنظمة الدولية", "المنظمة الأممية", "الهيئة الأممية", "المنظمة العالمية")
)
UNITED_NATIONS = key("الأمم المتحدة")
# Words for a kind of place or a direction (a lone one is no place; "بمحافظة الأحساء" is ب + one).
PLACE_NOUNS = frozenset(
    key(word)
    for word in (
        "ريف منطقة محافظة ولاية مدينة إقليم اقليم قرية بلدة مديرية ناحية قضاء حي جبل قصر "
        "شمال جنوب شرق غرب وسط "
        "مناطق محافظات ولايات مدن أقاليم قرى بلدات مديريات"
    ).split()
)
# How far back (in words) a nationality or title may stand before a person's name.
LOOKBACK_WORDS = 3
# A title's country named after it: "رئيس سنغافورة", "وزير خارجية السعودية", within the first
# few words after a name; not through a preposition ("المبعوث الأممي إلى اليمن"), and not
# when a name follows within so many characters (the title is then that name's). Nor does
# a nationality adjective reach a name through a preposition of address.
TITLE_COUNTRY_WORDS = 3
TITLE_COUNTRY_LOOKBACK = 5  # "سفير السعودية لدى لبنان علي عواض عسيري"
TITLE_COUNTRY_STOPS = frozenset(key(word) for word in "إلى الى لدى في من عن على مع".split())
TITLE_COUNTRY_REACH = 25
# ... but "السفير الأميركي لدى المملكة جوزيف ويستفال" is the American: only these cut it off.
ADDRESSED = frozenset(key(word) for word in "إلى الى مع عن على".split())
SENTENCE_END = re.compile(r"[.!?؟\n«»]")
# "نائب الرئيس", "مساعد وزير": a deputy's title names someone else than the title's holder.
DEPUTIES = frozenset(key(word) for word in "نائب مساعد وكيل".split())
# Offices that tell one official from another: "السفير الأمريكي" is not the article's only
# American when he was named as "وزير الدفاع الأمريكي أشتون كارتر"; the other title words
# (president, king, leader ...) all name a head of state or government.
OFFICIAL_TITLES = frozenset(
    key(word) for word in "وزير وزيرة وزيري السفير السفيرة المبعوث المستشار المستشارة المتحدث الأمين".split()
)
COUNTERPARTS = frozenset(key(word) for word in "نظيره نظيرته".split())  # whatever his office
# Titles before a king's or prince's name ("الملك فهد"), who is then no namesake's short form.
ROYAL_TITLES = frozenset(key(word) for word in "الملك الأمير الأميرة الشيخ السلطان الإمام".split())
# Words right before a city that make it the literal place ("في عاصمة تركمانستان عشق آباد",
# "في موسكو"), not the government it stands for ("موسكو وطهران يتمتعان بتحالف").
LITERAL_PLACE_CUES = frozenset(
    key(w) for w in "عاصمة العاصمة مدينة بمدينة في إلى من داخل وفي زار يزور وصل يصل زيارة".split()
)
WORD = re.compile(r"[\w\u0600-\u06ff]+")
# What stands between two places of one list: a comma, "ثم" or "و" ("البصرة، ثم بغداد").
LIST_GAP = re.compile(r"\s*[،,]?\s*(?:ثم\s+|و)?")


@dataclass
class Mention:
    surface: str
    type: str
    start: int = 0
    end: int = 0


class _Groups:
    """Union-find over mention indexes, remembering why each join happened."""

    def __init__(self, size: int):
        self.parent = list(range(size))
        self.evidence: dict[int, list[str]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, why: str | None) -> None:
        """Join two groups; `why` is None when the spellings are identical (nothing to audit)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.parent[rb] = ra
        self.evidence.setdefault(ra, []).extend(self.evidence.pop(rb, []) + ([why] if why else []))


def _is_title(word: str) -> bool:
    """A title word with or without its article: "سفير", "السفير"."""
    return key(word) in TITLE_WORDS or "ال" + key(word) in TITLE_WORDS


def _office(title: str) -> str:
    """An official's own office ("السفير" -> "سفير"), or one word for every head's title."""
    if title in COUNTERPARTS:
        return title
    return title.removeprefix(key("ال")) if title in OFFICIAL_TITLES else "head"


def strip_clitic(surface: str, known: Collection[str], whole: Collection[str] = (),
                 inner: Collection[str] = (), kind: str | None = None,
                 people: Collection[str] = ()) -> str:  # fmt: skip
    """'وبزكشيان' -> 'بزكشيان' when the bare form is known; 'والإيراني' -> 'الإيراني'.
    A surface that is itself a `whole` name keeps its first letters ("بالتيمور", "كورونا")
    unless they are the conjunction و/ف before a known name that ANT writes at least as
    often ("وجدة" is و + جدة before it is Oujda; "فيينا" stays Vienna, not ف + Jena). Two letters may
    remain of a first word when more words follow ("وتل أبيب"). و also goes before a
    name ANT mostly writes without it ("ولويزيانا", `stuck_conjunction`). A word that a
    person's name in the article holds after its first word (`inner`: no proclitic goes
    there, unlike "الاتحاد الدولي لكرة القدم") is a whole name too: "فالكاو" of
    "راداميل فالكاو غارسيا" is not ف + "الكاو". ل/ب go, but not from a person's name (`kind`)
    or a word of one (`people`), before a word ANT writes far more often without them
    ("لديزني")."""
    is_whole = key(surface) in whole or key(surface) in inner
    first, _, rest = surface.partition(" ")
    first_key = key(first)
    if first[:1] in ("و", "ف") and len(first) > 3 and key(first[1:]) in people:
        return f"{first[1:]} {rest}".strip()  # "وبلاتر" is و + the article's "بلاتر", not و + ب + Latur
    if kind == "PER" and not rest and first[:1] in ("ل", "ب") and len(first) > 4 and key(first[1:]) in people:
        return first[1:]  # "لهادي" beside "عبد ربه منصور هادي": ل + his name ("كاريك" keeps its ك)
    for clitic in PROCLITICS:
        if not first.startswith(clitic) or len(first) - len(clitic) < (2 if rest else 3):
            continue
        if len(clitic) == 2 and key(f"{first[1:]} {rest}".strip()) in known:
            continue  # the fewest letters off: "وبريدة" is و + Buraydah, not و + ب + "ريدة"
        if is_whole and not clitic.startswith(("و", "ف")):
            continue
        bare = first[len(clitic) :]
        own_lam = key(f"{bare} {rest}".strip()) in known  # "للندن" is ل + "لندن"
        if clitic.endswith("ل") and bare.startswith("ل") and not own_lam:
            bare = "ا" + bare  # للولايات -> الولايات
        candidate = f"{bare} {rest}".strip()
        # "الإيراني" after و is a word; "الة" left of "وكالة" is not (keep 3+ letters after ال);
        # "ومجلس التنمية", "لكلية الملك فهد" are a proclitic + a name that starts with an
        # organisation's or institution's head noun.
        # A whole name loses its و/ف only to a name ANT writes at least as often: "جدة" over
        # "وجدة" (و + Jeddah, not Oujda), but not "يينا" (Jena) over "فيينا" (Vienna).
        # ف is rare on names and a name's first letter often: "فرانس" (24) is not ف + Reims.
        frequent_enough = more_frequent(bare, first) if is_whole or clitic.startswith("ف") else True
        # a person is no ب/ل + a place ("بلاتر", Blatter, is not "in Latur") unless ANT writes
        # the rest more often ("لمارتن": for Martin)
        place_for_person = kind == "PER" and clitic[-1:] in ("ب", "ل") and key(candidate) in whole
        place_for_person = place_for_person and not more_frequent(bare, first)
        if key(candidate) in known and frequent_enough and not place_for_person:
            return candidate
        # ك before the article is rare on a name and common as its first letter (كاليفورنيا).
        # A person's name in "فال" is no ف + article unless ANT writes the rest more often
        # ("فالديس دومبروفسكيس"; "فالرئيس" is ف + "الرئيس").
        valdis = clitic == "ف" and kind == "PER" and not more_frequent(bare, first, 1)
        article_rule = bare.startswith("ال") and len(bare) >= 5 and not clitic.endswith("ك") and not valdis
        head = rest and (key(bare) in BODY_HEADS or key(bare).removeprefix("ال") in PLACE_NOUNS)
        # "لريال مدريد": the gazetteer lists "ريال مدريد" (looked up only when nothing else
        # decides); one word too, when the word as written is no entry ("لرويترز")
        if not is_whole and (
            article_rule or head or _listed_organisation_after(surface, candidate, rest, kind)
        ):
            return candidate
        # "بمقدونيا", "بشرم الشيخ": a curated place once the proclitic is off, when the word as
        # written is no entry ("بوسنه" is a place of its own) and ANT writes the rest more
        # often. Only "in" (ب): after ل, foreign names lose a first letter ("لوريان" is Lorient).
        # A place ANT never writes either way is read by the gazetteer alone ("بعنيزة").
        if clitic.endswith("ب") and not is_whole and (rest or len(bare) >= 4):
            unseen = _unseen(bare, first)
            if _listed_place_after(surface, candidate) and (unseen or more_frequent(bare, first, 1)):
                return candidate
        # "ولويزيانا" in "فلوريدا ولويزيانا": ANT writes the name far more often without و.
        if clitic == "و" and not is_whole and len(bare) >= 4 and stuck_conjunction(first):
            return candidate
        # "لديزني", "لتيار الوسط": ل/ب before a word ANT writes far more often bare ("لبنان"
        # is no ل + "بنان", "بكين" no ب + "كين": each is the commoner of the two). What would
        # be left must not read as a clitic again: "بوروسيا" is no ب + "وروسيا", "بالمر" no
        # ب + "المر".
        # Persons are left to `without_preposition` ("باستوري" is Pastore, not ب + "استوري"),
        # and so is a word a person's name in the article holds as written ("بكيتا").
        prepositional = clitic in ("ل", "ب") and kind != "PER" and not is_whole and len(bare) >= 4
        prepositional = prepositional and not bare.startswith(("و", "ال")) and first_key not in people
        if prepositional and more_frequent(bare, first, PREPOSITION_BAND_GAP):
            return candidate
    return surface


def _unseen(*words: str) -> bool:
    """ANT writes none of the words."""
    return max(shipped_lexicon().band(key(word)) for word in words) < 0


def _listed_organisation_after(surface: str, candidate: str, rest: str, kind: str | None) -> bool:
    """The gazetteer lists what is left as an organisation and the form as written as nothing
    ("لرويترز" -> "رويترز"); one word must keep four letters, and persons are not read so."""
    if kind == "PER" or not (rest or len(candidate) >= 4):
        return False
    gazetteer = shipped_gazetteer()
    return gazetteer.names(candidate, "ORG") and not gazetteer.lists(surface)


def _listed_place_after(surface: str, candidate: str) -> bool:
    gazetteer = shipped_gazetteer()
    return not gazetteer.lists(surface) and gazetteer.names(candidate, "LOC")


def is_variant(a: str, b: str, entity_type: str = "PER") -> bool:
    """Same number of words, each equal or (if long) one edit apart, and not all equal. A
    person's family name may be written with or without the article ("حسام الزواوي" and
    "حسام زواوي"), not the given name ("الحسن" is not "حسن"), and with or without a long
    vowel letter when it is a foreign name ("دونالد ترمب", "دونالد ترامب"; not "محمد
    العلي", "محمد العلوي", nor two given names). Two given names a letter apart are two
    names ("فيصل بن سلمان", "فيصل بن سلطان"). A name written with and without a space between
    its words is one name ("ديار بكر", "دياربكر")."""
    if a != b and a.replace(" ", "") == b.replace(" ", ""):
        return True
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or a == b:
        return False
    for i, (x, y) in enumerate(zip(words_a, words_b, strict=True)):
        if x == y or (entity_type != "PER" and _one_vowel_letter_more(x, y)):
            continue
        if entity_type == "PER" and i > 0 and (_article_variant(x, y) or _family_name_vowel_variant(x, y)):
            continue
        if entity_type == "PER" and _two_given_names(x, y):
            return False  # "فيصل بن [سلمان]" / "فيصل بن [سلطان]"
        if min(len(x), len(y)) < VARIANT_MIN_LETTERS or DamerauLevenshtein.distance(x, y) > 1:
            return False
    return True


def _two_given_names(x: str, y: str) -> bool:
    """Two given names a consonant apart are two names ("سلمان" / "سلطان"); a vowel letter
    or another letter for the same foreign sound is one name spelt twice ("ميشال" /
    "ميشيل", "سيرغي" / "سيرجي")."""
    given = first_names()
    if len(x) != len(y) or x not in given or y not in given:
        return False
    changed = [(a, b) for a, b in zip(x, y, strict=True) if a != b]
    if len(changed) != 1:
        return False
    a, b = changed[0]
    return not (a in VOWEL_LETTERS and b in VOWEL_LETTERS) and not any(
        a in letters and b in letters for letters in SAME_FOREIGN_SOUND
    )


def _family_name_vowel_variant(x: str, y: str) -> bool:
    """Foreign family names only: with the article, a vowel letter more is another Arabic
    name ("العلي" / "العلوي"), as it is between two given names."""
    given = shipped_given_names()
    native = x.startswith("ال") or y.startswith("ال")
    return not native and _one_vowel_letter_more(x, y) and x not in given and y not in given


def _article_variant(x: str, y: str) -> bool:
    """One word is the other with the article ("الزواوي", "زواوي"), three letters left."""
    short, long = sorted((x, y), key=len)
    return len(short) >= 3 and long == "ال" + short


def _one_vowel_letter_more(x: str, y: str) -> bool:
    """True when one word is the other with one more ا/و/ي inside it (not first or last)."""
    short, long = sorted((x, y), key=len)
    if len(long) != len(short) + 1 or len(short) < VOWEL_VARIANT_MIN_LETTERS:
        return False
    return any(
        long[i] in VOWEL_LETTERS and long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 1)
    )


def is_short_form(short: str, full: str, entity_type: str) -> bool:
    """بوتين of فلاديمير بوتين (بزشكيان of مسعود بزكشيان too); البريكس of مجموعة البريكس;
    a person's first and last names (حمدان العمري of حمدان بن مانع العمري), last names
    unless a known person's (نواز شريف of مريم نواز شريف is her father), or first two
    or more names (خالد عبدالكريم of خالد عبدالكريم ماسا); a company's
    first word (هوندا of هوندا موتور) unless it is a head noun (مجلس of مجلس الأمن), or
    its first two or more words (حزب العدالة of حزب العدالة والتنمية); a club's name after
    its city (يونايتد of مانشستر يونايتد); a place's name after a word for its kind (كانجيا
    of قرية كانجيا); a place named after a person, cut before the father's name (مطار الأمير
    نايف of مطار الأمير نايف بن عبدالعزيز)."""
    s, f = short.split(), full.split()
    if len(s) >= len(f):
        return False
    tail = " ".join(f[-len(s) :])
    if tail == short or is_variant(short, tail, entity_type):
        if entity_type == "PER":  # after بن the rest names the father: سلمان of محمد بن سلمان is another man
            # and so does a known person's full name after a given name: نواز شريف of مريم نواز شريف
            # (a family name opening with a particle is his: "أبو الفتوح", "دي ماريا")
            parent = len(s) >= 2 and s[0] not in FAMILY_NAME_PARTICLES and is_known_person(s)
            return f[len(f) - len(s) - 1] not in PATRONYMIC_PARTICLES and not parent
        before = f[: len(f) - len(s)]
        if entity_type == "ORG" and len(before) == 1 and load_knowledge().place(before[0]) is not None:
            return True
        if entity_type == "LOC":  # كانجيا of قرية كانجيا
            return all(word in PLACE_NOUNS for word in before)
        return all(word in ORG_HEADS for word in before)
    if entity_type == "LOC" and len(s) >= 2 and s == f[: len(s)] and f[len(s)] in PATRONYMIC_PARTICLES:
        return True  # "مطار الأمير نايف" of "مطار الأمير نايف بن عبدالعزيز"
    if entity_type == "PER" and len(s) == 2 and len(f) >= 3 and s[1] == f[-1]:
        # "ابن ريحان" of "سعيد بن ريحان": the son of the man named last, one particle for the other
        if {s[0], f[-2]} <= SON_PARTICLES or {s[0], f[-2]} <= DAUGHTER_PARTICLES:
            return True
    if entity_type == "PER":
        return len(s) >= 2 and (s == f[: len(s)] or (len(s) == 2 and s[0] == f[0] and s[1] == f[-1]))
    if entity_type != "ORG":
        return False
    if len(s) >= 2:
        return s == f[: len(s)]
    return s[0] == f[0] and s[0].removeprefix("ال") not in ORG_HEADS


class Resolver:
    """Resolves one article's mentions; `entities()` returns them merged."""

    def __init__(self, text: str, mentions: list[Mention], dateline: str | None, knowledge: Knowledge):
        self.text = text
        self.knowledge = knowledge
        # "‏السبيعي": a right-to-left mark inside a scraped name is not part of it
        mentions = [Mention(strip_invisibles(m.surface), m.type, m.start, m.end) for m in mentions]
        known = {key(m.surface) for m in mentions} | set(knowledge.places)
        known |= {word for m in mentions for word in key(m.surface).split()}
        inner = {word for m in mentions if m.type == "PER" for word in key(m.surface).split()[1:]}
        people = {word for m in mentions if m.type == "PER" for word in key(m.surface).split()}
        stripped = [
            Mention(surface, m.type, m.start, m.end)
            for m in mentions
            for surface in [m.surface if m.type == "ORG" and is_grouping_as_written(m.surface)
                            else strip_clitic(m.surface, known, knowledge.places, inner, m.type, people)]
        ]  # fmt: skip
        stripped = [
            Mention(without_preposition(without_conjunction(m.surface)), m.type, m.start, m.end)
            if m.type == "PER"
            else m
            for m in stripped
        ]
        stripped = without_listing_conjunction(text, stripped, knowledge)
        self.keys = [joined_compounds(key(m.surface)) if m.type == "PER" else joined_abd(key(m.surface))
                     for m in stripped]  # fmt: skip
        stripped = [
            Mention(m.surface, "LOC", m.start, m.end)
            if m.type == "PER" and " " in m.surface and knowledge.place(key(m.surface))
            else m
            for m in stripped
        ]  # "أبو ظبي" read as a man named Abu Dhabi
        self.mentions, self.retyped = one_type_per_name(stripped, self.keys)
        self.mentions, surnames = surnames_as_people(self.mentions, self.keys, knowledge)
        self.retyped.update(surnames)
        self.places: list[Place | None] = [
            knowledge.place(m.surface) if m.type == "LOC" else None for m in self.mentions
        ]
        self.groupings = [grouping_of(m.surface) if m.type == "ORG" else None for m in self.mentions]
        self.dateline = key(dateline) if dateline else None
        self.groups = _Groups(len(self.mentions))
        self.generic: set[int] = set()  # head-noun mentions that name no organisation here

    def pairs(self):
        for i in range(len(self.mentions)):
            for j in range(i + 1, len(self.mentions)):
                if self.mentions[i].type == self.mentions[j].type:
                    yield i, j

    def merge_by_rules(self) -> None:
        for i, j in self.pairs():
            if self.keys[i] == self.keys[j]:
                self.groups.join(i, j, None)
                continue
            why = self.same_referent(i, j)
            if why:
                self.groups.join(i, j, why)
        self.merge_short_forms()
        self.merge_first_names()
        self.merge_capitals()
        self.merge_generic_heads()
        self.merge_described_heads()

    def same_referent(self, i: int, j: int) -> str | None:
        """Spelling-level sameness: gazetteer place or spelling variant; two places the
        gazetteer tells apart are never variants of each other."""
        sa, sb = self.mentions[i].surface, self.mentions[j].surface
        pa, pb = self.places[i], self.places[j]
        if pa and pb:  # two places of the gazetteer a letter apart are two ("هولندا" / "بولندا")
            return f"same place in the gazetteer ({pa.id}): {sa} = {sb}" if pa.id == pb.id else None
        if is_variant(self.keys[i], self.keys[j], self.mentions[i].type):
            return f"spelling variant: {sa} ~ {sb}"
        grouping = self.groupings[i]
        if grouping and grouping == self.groupings[j]:
            return f"one grouping of states ({grouping}): {sa} = {sb}"
        return None

    def merge_short_forms(self) -> None:
        """Join a short form to its full name only when one entity in the article fits it
        (two different people called الأسد stay apart from a bare الأسد). Longer forms join
        first, so "غال" finds "فان غال" already one with "لويس فان غال"."""
        for i in sorted(range(len(self.mentions)), key=lambda i: -len(self.keys[i].split())):
            mention = self.mentions[i]
            fulls = [
                j
                for j, other in enumerate(self.mentions)
                if other.type == mention.type and is_short_form(self.keys[i], self.keys[j], mention.type)
            ]
            exact = [j for j in fulls if self.keys[j].endswith(" " + self.keys[i])]
            fulls = [j for j in exact or fulls if not self.other_places(i, j)]
            groups = {self.groups.find(j) for j in fulls}
            if len(groups) == 1:
                self.groups.join(
                    fulls[0], i, f"short form: {mention.surface} ⊂ {self.mentions[fulls[0]].surface}"
                )

    def other_places(self, short: int, full: int) -> bool:
        """Are both known places, and different ones ("أفريقيا" in "جنوب أفريقيا")?"""
        if self.mentions[short].type != "LOC":
            return False
        a, b = self.knowledge.place(self.keys[short]), self.knowledge.place(self.keys[full])
        return a is not None and b is not None and a.id != b.id

    def merge_first_names(self) -> None:
        """A person's given name alone ("وقال تميم") joins the one person of the article whose
        full name opens with it ("تميم بن حمد آل ثاني"), when no other person's name holds
        that word anywhere (two people called محمد, or "عباس" of "محمود عباس", stay apart)
        and the name alone has joined nothing else (a family name "عباس" of "محمود عباس"). A
        name after a royal title joins only a person named with one ("الملك سلمان")."""
        people = [i for i, m in enumerate(self.mentions) if m.type == "PER"]
        after_title = {i for i in people if self.after_royal_title(i)}
        for word in {self.keys[i] for i in people if " " not in self.keys[i]}:
            alone = [i for i in people if self.keys[i] == word]
            royal = any(i in after_title for i in alone)
            groups = {self.groups.find(i) for i in alone}
            if any(self.keys[j] != word for j in people if self.groups.find(j) in groups):
                continue  # joined already
            opening = {self.groups.find(j) for j in people if self.keys[j].startswith(word + " ")}
            elsewhere = any(word in self.keys[j].split()[1:] for j in people)
            if royal:  # "الملك فهد" is the king, not the poet فهد العقل
                opening &= {self.groups.find(j) for j in after_title}
            if len(opening) == 1 and not elsewhere:
                owner = opening.pop()
                why = f"given name: {self.mentions[alone[0]].surface} ⊂ {self.mentions[owner].surface}"
                self.groups.join(owner, alone[0], why)

    def after_royal_title(self, index: int) -> bool:
        before = WORD.findall(self.text[max(0, self.mentions[index].start - 12) : self.mentions[index].start])
        return bool(before) and key(before[-1]) in ROYAL_TITLES

    def merge_generic_heads(self) -> None:
        """ "الهيئة" (or "هيئة" alone, its name cut off: "جامعة "تكساس إي آند إم"") joins the
        one organisation named "هيئة ..." or "الهيئة ..."; otherwise it is marked to be
        dropped (a common noun the tagger took for a name)."""
        first_words = [
            name.split()[0].removeprefix("ال") if m.type == "ORG" and " " in name else None
            for m, name in zip(self.mentions, self.keys, strict=True)
        ]
        for i, mention in enumerate(self.mentions):
            head = self.keys[i].removeprefix("ال")
            if mention.type != "ORG" or " " in self.keys[i] or head not in GENERIC_HEADS:
                continue
            owners = {self.groups.find(j) for j, first in enumerate(first_words) if first == head}
            self.join_sole_owner(i, owners, "head noun")

    def merge_described_heads(self) -> None:
        """ "المنظمة الدولية", "المنظمة الأممية": a head with an adjective of its kind stands for
        the one organisation of that head and adjective, or for the United Nations ("الأمم
        المتحدة", "منظمة العفو الدولية"); with none or several, it names nothing here."""
        for i, mention in enumerate(self.mentions):
            words = self.keys[i].split()
            if mention.type != "ORG" or len(words) != 2 or tuple(words) not in DESCRIBED_HEADS:
                continue
            head, adjective = words[0].removeprefix("ال"), words[1]
            owners = {
                self.groups.find(j)
                for j, name in enumerate(self.keys)
                if j != i and self.mentions[j].type == "ORG"
                and ((name.split()[0] == head and name.endswith(adjective)) or UNITED_NATIONS in name)
            }
            self.join_sole_owner(i, owners, "described head")

    def join_sole_owner(self, index: int, owners: set[int], rule: str) -> None:
        """A head-noun mention joins the one organisation it can stand for; with none or
        several, it is marked to be dropped (it names nothing of its own here)."""
        if len(owners) == 1:
            owner = owners.pop()
            surfaces = f"{self.mentions[index].surface} → {self.mentions[owner].surface}"
            self.groups.join(owner, index, f"{rule}: {surfaces}")
        else:
            self.generic.add(index)

    def merge_capitals(self) -> None:
        """A capital named as an actor merges into its country; a capital only ever named as a
        literal place (the dateline, "في عاصمة ...") stays a city."""
        countries = {p.country: i for i, p in enumerate(self.places) if p and p.kind == "country"}
        capitals = [i for i, p in enumerate(self.places) if p and p.capital and p.country in countries]
        for i in capitals:
            place = self.places[i]
            same_city = [j for j in capitals if self.places[j].id == place.id]
            if all(self.is_literal_place(j) for j in same_city):
                continue
            country = self.places[countries[place.country]]
            why = f"capital for its country: {self.mentions[i].surface} → {country.name}"
            self.groups.join(countries[place.country], i, why)

    def is_literal_place(self, index: int) -> bool:
        if self.keys[index] == self.dateline:
            return True
        before = WORD.findall(self.text[max(0, self.mentions[index].start - 40) : self.mentions[index].start])
        if any(key(word) in LITERAL_PLACE_CUES for word in before[-2:]):
            return True
        mention = self.mentions[index]  # "بالرياض": "in" glued to the city
        bare = key(self.text[mention.start : mention.end]).removeprefix("و").removeprefix("ف")
        if bare.startswith("ب") and bare[1:] == self.keys[index]:  # not "وبكين"
            return True
        previous = self.place_listed_before(index)
        return previous is not None and self.is_literal_place(previous)

    def place_listed_before(self, index: int) -> int | None:
        """The place this one follows in a list ("إلى البصرة، ثم بغداد"), sharing its preposition."""
        start = self.mentions[index].start
        joined = self.text[start : start + 1] == "و"  # "ودمشق": the mention holds its و
        for j, other in enumerate(self.mentions):
            gap = self.text[other.end : start] if other.type == "LOC" and other.end <= start else None
            if gap is not None and LIST_GAP.fullmatch(gap) and (joined or gap.strip()):
                return j
        return None

    def nationality(self, index: int) -> Place | None:
        """The country of a nisba adjective just before a person's name ("الروسي فلاديمير بوتين"),
        in the same sentence ("... الرئيس العراقي. وقال الزياني" says nothing of الزياني), and
        not through a preposition glued to the name ("ولي العهد السعودي للسيسي": the prince's)."""
        mention = self.mentions[index]
        written = self.text[mention.start : mention.end]
        if written[:1] in ("ل", "ب") and mention.surface[:1] != written[:1]:
            return None
        for word in reversed(self.words_before(index)):
            if key(word) in ADDRESSED:
                break  # "الرئيس السنغافوري إلى الرئيس كلينتون": the adjective is another's
            country = self.knowledge.country_of_adjective(word)
            if country:
                return country
        return self.country_in_title(index)

    def country_in_title(self, index: int) -> Place | None:
        """A title with its country's name before the name ("رئيس وزراء الهند ناريندرا مودي") or
        in apposition after it ("غو تشوك تونغ رئيس سنغافورة الأسبق"); not one that another name
        follows ("التقى بوتين رئيس تركيا رجب طيب أردوغان": that one is Erdogan's)."""
        mention = self.mentions[index]
        country = self._titled_country(self.words_before(index, TITLE_COUNTRY_LOOKBACK))
        if country is not None:
            return country[0]
        clause = SENTENCE_END.split(self.text[mention.end : mention.end + 60])[0]
        after = list(WORD.finditer(clause))[:TITLE_COUNTRY_WORDS]
        if not after or not _is_title(after[0].group()):
            return None
        country = self._titled_country([w.group() for w in after])
        country_end = mention.end + after[country[1]].end() if country else 0
        if country is None or self._names_follow(country_end, TITLE_COUNTRY_REACH):
            return None
        return country[0]

    def _titled_country(self, words: list[str]) -> tuple[Place, int] | None:
        """The country named within two words after a title word, and where it stands."""
        for i, word in enumerate(words):
            if not _is_title(word):
                continue
            for j in range(i + 1, min(i + 3, len(words))):
                if key(words[j]) in TITLE_COUNTRY_STOPS:
                    break
                place = self.knowledge.place(words[j])
                if place is not None and place.kind == "country":
                    return place, j
        return None

    def title_mentions(self) -> list[tuple[int, str, str]]:
        """('الرئيس الإيراني' -> the article's only Iranian person): (group, surface, evidence)."""
        people: dict[str, set[int]] = {}
        offices: dict[int, set[str]] = {}  # group -> the offices it was named with
        for i, mention in enumerate(self.mentions):
            if mention.type == "PER":
                country = self.nationality(i)
                if country:
                    people.setdefault(country.id, set()).add(self.groups.find(i))
                    offices.setdefault(self.groups.find(i), set()).update(self.office_before(i))
        found = []
        words = list(WORD.finditer(self.text))
        for deputy, title, adjective in zip([None, *words], words, words[1:]):
            if key(title.group()) not in TITLE_WORDS or (deputy and key(deputy.group()) in DEPUTIES):
                continue  # "نائب الرئيس العراقي" is not the president
            country = self.knowledge.country_of_adjective(adjective.group())
            if not country or len(people.get(country.id, ())) != 1 or self._names_follow(adjective.end()):
                continue
            surface = f"{title.group()} {adjective.group()}"
            (group,) = people[country.id]
            office = _office(key(title.group()))
            if office not in COUNTERPARTS and offices.get(group) and office not in offices[group]:
                continue  # "السفير الأمريكي", the only American named being the defence secretary
            found.append(
                (group, surface, f"title: {surface} → the only person from {country.name} in the article")
            )
        return found

    def office_before(self, index: int) -> set[str]:
        """The offices among the words before a person's name in its sentence ("وزير الدفاع
        الأمريكي أشتون كارتر": minister)."""
        return {_office(key(word)) for word in self.words_before(index) if key(word) in TITLE_WORDS}

    def words_before(self, index: int, count: int = LOOKBACK_WORDS) -> list[str]:
        """The last `count` words before a mention, in its sentence."""
        window = self.text[max(0, self.mentions[index].start - 80) : self.mentions[index].start]
        return WORD.findall(SENTENCE_END.split(window)[-1])[-count:]

    def _names_follow(self, offset: int, reach: int = 2) -> bool:
        """A person's name right after the title ("الرئيس الإيراني مسعود ...") is the mention
        itself; within `reach` characters after a title's country, the title is that name's."""
        return any(0 <= m.start - offset <= reach for m in self.mentions if m.type == "PER")

    def entities(self) -> list[Entity]:
        self.merge_by_rules()
        members: dict[int, list[int]] = {}
        for i in range(len(self.mentions)):
            if i not in self.generic:
                members.setdefault(self.groups.find(i), []).append(i)
        extra: dict[int, list[tuple[str, str]]] = {}
        for group, surface, why in self.title_mentions():
            extra.setdefault(self.groups.find(group), []).append((surface, why))
        return [self.build(root, indexes, extra.get(root, [])) for root, indexes in members.items()]

    def build(self, root: int, indexes: list[int], titles: list[tuple[str, str]]) -> Entity:
        surfaces = [self.mentions[i].surface for i in indexes]
        entity_type = self.mentions[indexes[0]].type
        place = self.canonical_place(indexes)
        grouping = next((self.groupings[i] for i in indexes if self.groupings[i]), None)
        # a name stretched with tatweel ("شـــايــع") or glued to its next word after taa marbuta
        # ("وزارةالداخلية") is named without it; its mentions stay as written, for marking them in the text
        name = self.place_name(place, indexes) if place else grouping or strip_tatweel(
            unglued(canonical_name(surfaces, entity_type))
        )
        mentions = list(dict.fromkeys(surfaces + [surface for surface, _ in titles]))
        evidence = self.groups.evidence.get(root, []) + [why for _, why in titles]
        evidence += [self.retyped[i] for i in indexes if i in self.retyped]
        return Entity(
            name=name,
            type=entity_type,
            mentions=mentions,
            id=place.id if place else entity_id(entity_type, name),
            evidence=list(dict.fromkeys(evidence)),
        )

    def place_name(self, place: Place, indexes: list[int]) -> str:
        """A place as the article names it: the gazetteer's name where the article writes it,
        else the article's most used name for that same place ("بريطانيا", not the gazetteer's
        "المملكة المتحدة"; a capital merged into its country does not name it). Its id links
        it across the store whatever its name."""
        written = [
            self.mentions[i].surface for i in indexes if self.places[i] and self.places[i].id == place.id
        ]
        if not written or key(place.name) in {key(surface) for surface in written}:
            return place.name
        return strip_tatweel(canonical_name(written, "LOC"))

    def canonical_place(self, indexes: list[int]) -> Place | None:
        places = [self.places[i] for i in indexes if self.places[i]]
        countries = [p for p in places if p.kind == "country"]
        return (countries or places or [None])[0]


def one_type_per_name(mentions: list[Mention], keys: list[str]) -> tuple[list[Mention], dict[int, str]]:
    """Mentions with each name's most frequent type, and why each changed. A tie changes
    nothing ("سيتي" once as a place and once as a club: one of the two is right), except
    between a person and one other type for a name that opens with no given name
    ("هيربالايف" after "شركة" and as a person, "شينخوا", "لونغ مارش" the rocket): the
    taggers read unknown foreign words as persons, while the other type came from
    something in the context."""
    types: dict[str, Counter] = {}
    for mention, name in zip(mentions, keys, strict=True):
        types.setdefault(name, Counter())[mention.type] += 1
    kept, why = [], {}
    for i, (mention, name) in enumerate(zip(mentions, keys, strict=True)):
        counts = types[name]
        best = max(counts, key=lambda t: counts[t])
        tied = [t for t in counts if counts[t] == counts[best]]
        not_a_person = len(tied) == 2 and "PER" in tied and name.split()[0] not in first_names()
        if not_a_person:
            best = next(t for t in tied if t != "PER")
        if counts[best] > counts[mention.type] or (not_a_person and mention.type == "PER"):
            why[i] = (
                f"one type per name: {mention.surface} read as {mention.type} "
                f"{counts[mention.type]}×, as {best} {counts[best]}×"
            )
            mention = Mention(mention.surface, best, mention.start, mention.end)
        kept.append(mention)
    return kept, why


def surnames_as_people(mentions: list[Mention], keys: list[str], knowledge: Knowledge
                       ) -> tuple[list[Mention], dict[int, str]]:  # fmt: skip
    """Mentions with a one-word place, organisation or MISC that is the last name of a
    person named in full in the article (from a known given name: "عمدة دارين" is no
    name) read as that person ("يورينتي" of "فيرناندو يورينتي": the taggers often
    mistype a bare surname), and why each changed. Known places, listed organisations and
    names with the article keep their type, as clubs are named so ("الهلال" the club
    beside "عبدالله الهلال")."""
    given = person_name_words()
    surnames = {name.split()[-1] for mention, name in zip(mentions, keys, strict=True)
                if mention.type == "PER" and len(name.split()) >= 2 and name.split()[0] in given}  # fmt: skip
    kept, why = [], {}
    for i, (mention, name) in enumerate(zip(mentions, keys, strict=True)):
        if (
            mention.type != "PER"
            and name in surnames
            and not name.startswith("ال")
            and knowledge.place(mention.surface) is None
            and not listed_organisation(mention.surface)
        ):
            why[i] = f"a person's surname: {mention.surface} read as {mention.type}"
            mention = Mention(mention.surface, "PER", mention.start, mention.end)
        kept.append(mention)
    return kept, why


def canonical_name(surfaces: list[str], entity_type: str) -> str:
    """The fullest form for people (most words), else the most used; ties go to the first seen.
    A bare head noun that joined an organisation ("الهيئة", "المنظمة الدولية") never names
    it, and a person's longer form whose extra words are no known name words ("عبداللطيف آل
    الشيخ [يعايد]", a span the tagger ran on) does not replace the form it extends. Among an organisation's
    forms used equally often, one the gazetteer lists wins over the longer ones
    ("الاتحاد", not the run-on "الاتحاد يغري مونتاري"), and a name's last words do not
    name it when the whole is used as often ("مانشستر يونايتد", not "يونايتد")."""
    counts = Counter(surfaces)
    order = {surface: i for i, surface in reversed(list(enumerate(surfaces)))}
    if entity_type == "PER":
        named = [s for s in counts if not _runs_on(s, counts)]
        # words counted with compounds as one ("نصر الله" is one name, as "نصرالله")
        words = {s: len(joined_compounds(key(s)).split()) for s in counts}
        return max(named or list(counts), key=lambda s: (words[s], counts[s], -order[s]))
    named = [s for s in counts if not _described_only(s)] or list(counts)
    # "يونايتد" of "مانشستر يونايتد" (the gazetteer lists the short one too) does not name it
    # unless it is used more often
    if entity_type == "ORG":
        whole = [s for s in named if not any(_ends_with(o, s) and counts[o] >= counts[s] for o in named)]
        named = whole or named
    elif entity_type == "LOC":  # a place is named bare ("القنفذة", not "محافظة القنفذة")
        named = [s for s in named if not any(_ends_with(s, o) for o in named)] or named
    return max(named, key=lambda s: (counts[s], listed_organisation(s), len(s.split()), -order[s]))


def _described_only(surface: str) -> bool:
    """A bare head noun ("الهيئة") or a head and its kind ("المنظمة الدولية"): no name."""
    folded = key(surface)
    return folded.removeprefix("ال") in GENERIC_HEADS or tuple(folded.split()) in DESCRIBED_HEADS


def _ends_with(longer: str, shorter: str) -> bool:
    return key(longer).endswith(" " + key(shorter))


def listed_organisation(name: str) -> bool:
    gazetteer = shipped_gazetteer()
    return gazetteer.names(name, "ORG") or gazetteer.names(name, "ORG_WEAK")


def without_conjunction(surface: str) -> str:
    """ "وصالح", "وإيفا مورين" -> the name without و/ف when the rest starts with a word of a
    known person's name and the word as written is no known name ("وليد", "وسام" stay).
    The name lists hold some words with their و, as ANERcorp and the taggers read them
    ("ومحمد" is a given name there, "ومحمد بركات" a known person); such a و goes when ANT
    writes the rest far more often (`stuck_conjunction`). A three-letter rest must be a
    given name or open a known full name ("وفهد", "وعلي"; "وجيه" is a name, not و + "جيه")."""
    first, _, rest = surface.partition(" ")
    if first[:1] not in ("و", "ف") or len(first) < 4:
        return surface
    words, given, opening = known_name_words(), shipped_given_names(), shipped_known_people()
    written, bare = key(first), key(first[1:])
    long_enough = len(first) >= 5
    # A given name that is also a common word ("علي" is "على" normalised, "عمر" is age) is
    # not on the given-name list, but it opens known full names ("علي عبدالله صالح").
    named = bare in given or bare in opening
    stuck = stuck_conjunction(first) and (named or (long_enough and bare in words))
    unknown_as_written = long_enough and bare in words and written not in given and written not in words
    return f"{first[1:]} {rest}".strip() if stuck or unknown_as_written else surface


def without_listing_conjunction(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[Mention]:
    """ "جازان [وصامطة]", "عبدالله الشمري [وسطام السالم]": a name of the same type as the
    one right before it (nothing but a space, a comma or the people's adjective of the one
    before between: "ليز البلجيكي [وإيجلز] الهولندي") is the next of a list, and
    its و is the conjunction, when the word as written is no known place, given name or
    first word of a known full name ("الرياض وواشنطن": "واشنطن" stays; "ووليد" is read
    by `without_conjunction`). Three letters must remain, and ANT must write them at least
    as often as the word with its و ("وصفي التل" keeps his name)."""
    given, opening = shipped_given_names(), shipped_known_people()
    listed = list(mentions)
    for i in range(1, len(listed)):
        mention, before = listed[i], listed[i - 1]
        first, _, rest = mention.surface.partition(" ")
        if not first.startswith("و") or mention.type != before.type or before.end > mention.start:
            continue
        between = text[before.end : mention.start].strip(" ،,\n").split()
        # words between: no list, unless a people's adjective ("ليز البلجيكي وإيجلز الهولندي")
        if between and (len(between) > 1 or knowledge.country_of_adjective(key(between[0])) is None):
            continue
        written, bare = key(first), key(first[1:])
        if len(bare) < 3 or written in given or written in opening or knowledge.place(key(mention.surface)):
            continue
        if written in OWN_WAW:  # "وادي خلب" keeps its و
            continue
        if not more_frequent(first[1:], first):  # "وصفي" (descriptive) is commoner than "صفي"
            continue
        listed[i] = Mention(f"{first[1:]} {rest}".strip(), mention.type, mention.start, mention.end)
    return listed


# The words between a given name and the father's ("بن", "ابن", "بنت").
SON_OF = SON_PARTICLES | {key("بنت")}  # a father named after "بن"/"ابن"/"بنت"


def without_preposition(surface: str) -> str:
    """ "بمحمد عواجي" -> "محمد عواجي": ب/ل/ك before a given name that ANT writes far more often
    without it, when more of the name follows and the rest has four letters or more; given
    names that start so stay ("بدر", "بسام", "لبنى", "لجين"). Before a known full name, the
    rest may be shorter ("لعبد الملك الحوثي"), and so it may before "عبد" written apart
    ("خلفا لعبد القادر خمري"). Before "بن" a word ANT writes more often without ب/ل is a
    given name ("لعمارة بن يونس"; "بندر بن سلطان" stays)."""
    first, _, rest = surface.partition(" ")
    if not rest or first[:1] not in ("ب", "ل", "ك") or len(first) < 4:
        return surface
    written, bare = key(first), key(first[1:])
    if bare == "عبد" or is_known_person(key(f"{first[1:]} {rest}").split()):
        return f"{first[1:]} {rest}"  # "لعبد الملك الحوثي": the rest is a known full name
    if len(first) < 5:  # "لجين" is Lujain, not ل + "جين"
        return surface
    given = shipped_given_names()
    if bare in given and written not in given and more_frequent(bare, written, CONJUNCTION_BAND_GAP):
        return f"{first[1:]} {rest}"
    son_of = key(rest.split()[0]) in SON_OF and not bare.startswith("ال")
    if son_of and written not in given and more_frequent(bare, written, 1):
        return f"{first[1:]} {rest}"
    return surface


@cache
def known_name_words() -> frozenset[str]:
    """The words of the known full names (`person_spans`), all names the taggers read whole."""
    return frozenset(word for names in shipped_known_people().values() for name in names for word in name)


def _runs_on(surface: str, others: Collection[str]) -> bool:
    """True when `surface` is another surface plus words that are no part of a known name.
    After a given name alone (listed, or the first word of a known full name: "ألفارو"), a
    word ANT seldom writes is a family name too ("عزام [الدخيل]", "ألفارو [غوتيريز]"), while
    a common one is not ("بلقيس [حفلا]")."""
    words = surface.split()
    given = first_names()
    for other in others:
        shorter = other.split()
        if len(shorter) < len(words) and words[: len(shorter)] == shorter:
            extra = [key(word) for word in words[len(shorter) :]]
            family = all(word in person_name_words() or _seldom_written(word) for word in extra)
            if len(shorter) == 1 and key(other) in given and family:
                continue
            if not any(word in person_name_words() for word in extra):
                return True
    return False


@cache
def first_names() -> frozenset[str]:
    """Listed given names and the first words of known full names ("ألفارو")."""
    return shipped_given_names() | frozenset(shipped_known_people())


def _seldom_written(word: str) -> bool:
    """ANT writes the word at most 2**FAMILY_NAME_MAX_BAND times."""
    return shipped_lexicon().band(word) <= FAMILY_NAME_MAX_BAND


@cache
def person_name_words() -> frozenset[str]:
    """Given names, the words of known full names (`person_spans`) and the name particles."""
    return known_name_words() | shipped_given_names() | NAME_PARTICLES | {key("أم")}


def entity_id(entity_type: str, name: str) -> str:
    """A stable id for a name no gazetteer knows: the same canonical name gives the same id."""
    return f"{entity_type.lower()}:{content_id(entity_type, key(name), length=12)}"


def resolve(text: str, mentions: list[Mention], dateline: str | None = None) -> list[Entity]:
    return Resolver(text, mentions, dateline, load_knowledge()).entities()


__all__ = ["Mention", "resolve", "adjective_stem", "is_variant", "is_short_form", "strip_clitic"]

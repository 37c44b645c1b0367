"""Mention repairs after the tagger: split spans that join two names.

A sequence tagger sees "بوتين وبزكشيان" or "تركمانستان عشق آباد" as one run of name
tokens and returns one span; events and quotes then look for a participant or a place
that does not exist. Two conservative splits, each backed by evidence outside the span:

- at a word that starts with the conjunction و, when what follows it also stands in the
  text on its own (without the و) or is a gazetteer name of the span's type;
- between places, when the span is exactly a run of two or more strong gazetteer places
  ("Country City": the country and the city are each a place), unless the article also
  names the same words as something else ("باريس سان جيرمان", the club); for the same
  reason two places side by side that the article names elsewhere as one organisation
  become that organisation again.

One more split and a join, also on the article's evidence: a known full name and one more
word that ends another person's full name ("[دونالد ترامب بومبيو]" beside "مايك بومبيو")
are two people, and a person's span stopped before a word the article writes as the last
name of a namesake takes it in ("[خالد محفوظ] بحاح" beside "خالد بحاح"). A short name in
quotation marks after a word for a company is the company ('مجموعة "علي بابا"').

And two additions: the name right after "نظيره الأمريكي،" ("his American counterpart"),
which in news is always a person, when the tagger left it untagged (names it never saw in
training, such as "دونالد ترامب", sit there most often); and ministries and state bodies
("وزارة الخارجية الإيرانية", "الحكومة الفنلندية", "الجيش التركي") and news agencies
("وكالة أنباء الإمارات"), which ANERcorp, and so the taggers, mostly leave untagged.

Everything else is left as the tagger found it.
"""

from __future__ import annotations

import bisect
import itertools
import re

from marsad.arabic.normalize import MATCHING, normalize, normalize_word, tokens
from marsad.arabic.stopwords import stopwords
from marsad.enrich.gazetteer import Gazetteer, shipped_gazetteer
from marsad.enrich.resolve import BODY_HEADS, PLACE_NOUNS, ROYAL_TITLES, TITLE_WORDS, Mention
from marsad.enrich.span_trim import (
    DIRECTION_ADJECTIVES,
    LEADING_TITLES,
    NAME_PREFIXES,
    is_nationality,
    is_place_noun,
)
from marsad.knowledge import country_of_word, key
from marsad.names import is_known_person, shipped_given_names, shipped_known_people

WORD = re.compile(r"\S+")
LETTERS = re.compile(r"[^\W\d_]+")
# Words and punctuation apart: a ministry's name ends at "،" ("وزارة الخارجية الإيرانية، بهرام").
WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")
# A conjunct shorter than this after its و is too often part of a name ("وفاء" ...).
MIN_CONJUNCT_CHARS = 4
# Gazetteer categories that vouch for a name of their own type (the weak lists are too noisy).
STRONG = frozenset({"PER", "LOC", "ORG"})
# A run of places listed whole, on either list, is one place and is not cut.
WHOLE_PLACE = frozenset({"LOC", "LOC_WEAK"})


# Korean family names as the Arabic press writes them (Chinese ones, "لي", "وانغ", are left
# out: their given names are often one syllable); the word after a mention; how long a
# syllable is written; words after a name that are no syllable.
KOREAN_FAMILY_NAMES = frozenset(
    "كيم مون ري بارك تشوي كانغ يون هان شين أوه هونغ جانغ بان تشونغ تشو نام هوانغ".split()
)
NEXT_WORD = re.compile(r" ([\u0621-\u064a]+)\b")
MAX_SYLLABLE_LETTERS = 4
NOT_SYLLABLES = frozenset("في من عن مع على إلى الى أو ثم قد لا ما لم لن كما و".split())
# How far before a name its head and title are looked for ("جامعة الأمير [سطام]").
MAX_HEAD_CHARS = 24
# Heads of places and institutions named after a king or prince ("مطار الملك عبدالعزيز");
# "مجلس الملك" is the king's council, not a body named after him.
NAMED_PLACE_HEADS = frozenset(
    normalize_word(word) for word in "مطار مسجد جامع ملعب استاد مدينة ميدان ساحة شارع طريق جسر قاعة".split()
)
NAMED_BODY_HEADS = frozenset(
    normalize_word(word) for word in "جامعة مستشفى مركز مؤسسة معهد كلية مدرسة صندوق مجمع".split()
)


# A company's head noun (proclitics allowed) and an opening quotation mark right before a name.
COMPANY_HEADS = "شركة مجموعة مؤسسة علامة"
QUOTED_BRAND = re.compile(rf"(?<![\w])[وبلف]{{0,2}}(?:{'|'.join(COMPANY_HEADS.split())})\s*[\"«“]\s*$")
CLOSING_QUOTES = frozenset('"»”')
# "told to" before a quoted name: 'وأكد ل "الرياض"', 'قال لـ«المدينة»': the newspaper, not the city.
TOLD_TO_QUOTED = re.compile(r"(?<![\w])لـ?\s*[\"«“]\s*$")
MAX_BRAND_WORDS = 2


# "نظيره الأمريكي،", "بنظيرته الفرنسية", "ونظيره التركي" + a name of one to three words.
COUNTERPART = re.compile(  # on one line: a headline's "نظيره الإيطالي" names no one in the lead
    r"(?<![\w])[وفبل]{0,2}نظير(?:ه|ته|يه|ها|هم)[ \t]+(?:ال[\u0621-\u064a]+(?:ي|ية|يه)[ \t]*[،,]?[ \t]*)"
    r"(?P<name>[\u0621-\u064a]{2,}(?:[ \t]+[\u0621-\u064a]{2,}){0,2})"
)
# "وزارة" opens a ministry's name; these, with a people's adjective, name a state body.
MINISTRY = "وزارة"
STATE_BODIES = frozenset("الحكومة البرلمان الجيش الرئاسة الخارجية".split())
# "وكالة أنباء ..." / "وكالة الأنباء ..." opens a news agency's name; these adjectives end a
# ministry's or an agency's name.
AGENCY = "وكالة"
NEWS = frozenset({"أنباء", "الأنباء", "انباء"})
GENERIC = frozenset(
    "الرسمية الرسمي الحكومية المحلية العالمية الدولية السابق السابقة الأسبق السبق الجديد الجديدة "
    # what the ministry does or whom it addresses: "جهود وزارة الصحة [الرامية] إلى", "دعت وزارة
    # الصحة [المواطنين]"
    "الرامية الرامي المعنية المعني المختصة المختص المكلفة المكلف الممثلة المواطنين المواطنات المقيمين"
    .split()
)  # "وكيل وزارة الدفاع [السابق]": the deputy is former, not the ministry
# Words that end a name run after "نظيره ...": prepositions, time words, verbs of the sentence.
NOT_NAME = set(
    "في من إلى الى على عن مع أن إن ان بعد قبل خلال أمس امس اليوم يوم مساء صباح الذي التي حيث "
    "لبحث وبحث وذلك حول بشأن بمناسبة هامش عبر لدى ضمن".split()
)


def repair_mentions(text: str, mentions: list[Mention], gazetteer: Gazetteer | None = None) -> list[Mention]:
    gazetteer = gazetteer or shipped_gazetteer()
    standalone = _standalone_words(text)
    named = {normalize(m.surface, MATCHING) for m in mentions}
    not_places = {normalize(m.surface, MATCHING) for m in mentions if m.type != "LOC"}
    repaired: list[Mention] = []
    surnames: dict[str, set[str]] = {}  # last words of full names ("بومبيو"), with their first words
    for m in mentions:
        if m.type == "PER" and len(m.surface.split()) > 1:
            words = m.surface.split()
            surnames.setdefault(normalize_word(words[-1]), set()).add(normalize_word(words[0]))
    for mention in mentions:
        parts = _split_conjunction(mention, standalone, named, gazetteer)
        parts = [piece for part in parts for piece in _split_after_known_person(part, surnames)]
        for part in parts:
            whole = normalize(part.surface, MATCHING) in not_places
            repaired.extend([part] if whole else _split_places(part, gazetteer))
    repaired = _rejoin_named_wholes(text, sorted(repaired, key=lambda m: (m.start, m.end)))
    repaired = _named_after_royal(text, _named_after_person(text, repaired))
    repaired = _without_body_before_person(repaired)
    repaired = [_quoted_outlet(text, _quoted_brand(text, mention)) for mention in repaired]
    repaired = [_with_last_korean_syllable(text, mention) for mention in repaired]
    repaired = _with_surname_named_elsewhere(text, repaired)
    repaired.extend(_counterparts(text, repaired))
    bodies = _state_bodies(text, repaired)
    # "وكالة أنباء [الإمارات]": a place inside an organisation's name goes with it
    repaired = [m for m in repaired if not any(b.start <= m.start and m.end <= b.end for b in bodies)]
    return sorted(repaired + bodies, key=lambda m: (m.start, m.end))


def _rejoin_named_wholes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Adjacent places ("باريس" "سان جيرمان") whose words the article names elsewhere as one
    non-place mention become one mention of that mention's type."""
    types = {}
    for mention in mentions:
        if mention.type != "LOC":
            types.setdefault(normalize(mention.surface, MATCHING), mention.type)
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        side_by_side = previous and not text[previous.end : mention.start].strip()
        if side_by_side and previous.type == mention.type == "LOC":
            surface = text[previous.start : mention.end]
            whole = normalize(surface, MATCHING)
            if whole in types:
                joined[-1] = Mention(surface, types[whole], previous.start, mention.end)
                continue
        joined.append(mention)
    return joined


def _named_after_royal(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "مطار [الملك عبدالعزيز]", "جامعة الأمير [سطام بن عبد العزيز]": a name with a royal
    title right after an institution's or a place's head noun names that institution or
    place, so the mention takes the head (without its proclitics), the title and the head's
    type when the tagger read it as a person: an airport, mosque, ground or city is a place,
    a university or hospital an organisation. A title alone with another mention right after
    it is left as it is ("مدينة [الملك] [عبدالله للطاقة]": the second takes the first in);
    a name with a place after it is not ("بمجمع الأمير [فيصل الأولمبي] [بالرياض]")."""
    repaired = list(mentions)
    grown = []
    for i, mention in enumerate(repaired):
        following = repaired[i + 1] if i + 1 < len(repaired) else None
        title_alone = normalize_word(mention.surface) in ROYAL_TITLES
        if following is not None and title_alone and not text[mention.end : following.start].strip():
            continue
        words = LETTERS.findall(text[max(0, mention.start - MAX_HEAD_CHARS) : mention.start])
        titled = normalize_word(mention.surface.split(" ", 1)[0]) in ROYAL_TITLES
        if not titled and words and normalize_word(words[-1]) in ROYAL_TITLES:
            words = words[:-1]  # the title stands outside the mention: "الأمير [سطام]"
        elif not titled:
            continue
        head = _head(words[-1]) if words else None
        if head is None:
            continue
        if mention.type == "LOC" and normalize_word(head[0]) in PLACE_NOUNS:
            continue  # "مدينة [الشيخ زويد]": the tagger's town is named without "مدينة"
        start = text.rindex(head[0], 0, mention.start)
        kind = mention.type if mention.type in ("LOC", "ORG") else head[1]
        repaired[i] = Mention(text[start : mention.end], kind, start, mention.end)
        grown.append(repaired[i])
    # "مدينة [الملك] [عبدالله للطاقة]": the title's own mention is inside the name now
    inside = [m for m in repaired if any(o != m and o.start <= m.start and m.end <= o.end for o in grown)]
    return [m for m in repaired if m not in inside]


def _without_body_before_person(mentions: list[Mention]) -> list[Mention]:
    """ "المدير العام [لأوفيد] علي شريف العمادي": a person's first word that is ل/ب + an
    organisation or place the article names on its own is that body's, not the person's."""
    bodies = {normalize_word(m.surface) for m in mentions if m.type in ("ORG", "LOC")}
    repaired = []
    for mention in mentions:
        first, _, rest = mention.surface.partition(" ")
        if mention.type == "PER" and rest and first[:1] in ("ل", "ب") and normalize_word(first[1:]) in bodies:
            start = mention.end - len(rest)
            mention = Mention(rest, mention.type, start, mention.end)
        repaired.append(mention)
    return repaired


def _quoted_brand(text: str, mention: Mention) -> Mention:
    """ 'مجموعة "علي بابا" الصينية': a person's name in quotation marks right after a word for a
    company is the company's brand name. Brands so named are short; a longer quoted name is
    more likely a man's name quoted by mistake ('رئيس مجلس إدارة مجموعة «نيكاي تسونيو كيتا»')."""
    if mention.type != "PER" or len(mention.surface.split()) > MAX_BRAND_WORDS:
        return mention
    opening = QUOTED_BRAND.search(text[max(0, mention.start - MAX_HEAD_CHARS) : mention.start])
    if opening is None or text[mention.end : mention.end + 1] not in CLOSING_QUOTES:
        return mention
    return Mention(mention.surface, "ORG", mention.start, mention.end)


def _quoted_outlet(text: str, mention: Mention) -> Mention:
    """ 'وأكد ل "الرياض" غزاي الحربي': a place's name in quotation marks after "told to" is
    the newspaper named after it."""
    if mention.type != "LOC" or not TOLD_TO_QUOTED.search(text[max(0, mention.start - 4) : mention.start]):
        return mention
    if text[mention.end : mention.end + 1] not in CLOSING_QUOTES:
        return mention
    return Mention(mention.surface, "ORG", mention.start, mention.end)


def _named_after_person(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "[مدرسة] [حسان بن ثابت]": an institution's or a place's head noun that the tagger read
    as a name of its own, right before a person, is the start of a name given after that
    person; the two become one mention of the head's kind."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        head = _head(previous.surface) if previous and " " not in previous.surface else None
        if head and mention.type == "PER" and text[previous.end : mention.start] == " ":
            joined[-1] = Mention(text[previous.start : mention.end], head[1], previous.start, mention.end)
            continue
        joined.append(mention)
    return joined


def _with_surname_named_elsewhere(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "رئيس مجلس الوزراء [خالد محفوظ] بحاح" beside "خالد بحاح": a person's span stopped
    before a word the article writes as the last name of a person with the same first name
    (a surname the taggers did not know) takes that word in, and the word's own span if it
    has one (a name carried from another sentence)."""
    named = {
        (normalize_word(words[0]), normalize_word(words[-1]))
        for words in (m.surface.split() for m in mentions if m.type == "PER")
        if len(words) > 1
    }
    at = {(m.start, m.end): m for m in mentions}
    by_start = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    reach = list(itertools.accumulate((m.end for m in by_start), max))  # furthest end so far
    taken: set[int] = set()
    repaired = []
    for mention in mentions:
        if id(mention) in taken:
            continue
        following = NEXT_WORD.match(text, mention.end) if mention.type == "PER" else None
        if following is not None:
            words = [normalize_word(w) for w in mention.surface.split()]
            surname = normalize_word(following.group(1))
            own = at.get(following.span(1))
            before = bisect.bisect_right(starts, following.start(1))  # mentions starting at or before it
            inside = before > 0 and reach[before - 1] > following.start(1)
            free = not inside or (own is not None and own.type == "PER")
            if (words[0], surname) in named and surname not in words and free:
                taken.update([id(own)] if own else [])
                end = following.end(1)
                mention = Mention(text[mention.start : end], "PER", mention.start, end)
        repaired.append(mention)
    return repaired


def _with_last_korean_syllable(text: str, mention: Mention) -> Mention:
    """ "مون جيه [إن]", "ري يونغ [هو]": a Korean name is a family name and two syllables, each
    written as a short word; the taggers, and ANERcorp, stop before a last syllable that reads
    as a particle or a pronoun. A person's two-word mention that opens with a Korean family
    name and holds a short second word takes a short third one after it (no preposition)."""
    words = mention.surface.split()
    if mention.type != "PER" or len(words) != 2 or words[0] not in KOREAN_FAMILY_NAMES:
        return mention
    after = NEXT_WORD.match(text, mention.end)
    if after is None or len(words[1]) > MAX_SYLLABLE_LETTERS or len(after.group(1)) > MAX_SYLLABLE_LETTERS:
        return mention
    if after.group(1) in NOT_SYLLABLES:
        return mention
    end = after.end(1)
    return Mention(text[mention.start : end], mention.type, mention.start, end)


def _head(word: str) -> tuple[str, str] | None:
    """The head noun in `word` without its proclitics and its type ("لجامعة" -> "جامعة",
    ORG), or None; "المطار" with the article heads no name."""
    for clitics in ("وب", "ول", "و", "ب", "ل", "ف", ""):
        bare = word[len(clitics) :].lstrip("ـ")  # "بـمطار": the tatweel after ب is no part of it
        if word.startswith(clitics) and not bare.startswith("ال"):
            head = normalize_word(bare)
            if head in NAMED_PLACE_HEADS:
                return bare, "LOC"
            if head in NAMED_BODY_HEADS:
                return bare, "ORG"
    return None


def _counterparts(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names after "نظيره الأمريكي،" that no mention covers yet."""
    added = []
    for match in COUNTERPART.finditer(text):
        words = []
        for word in match.group("name").split():
            if word in NOT_NAME or word.startswith(("ال", "وال", "بال", "لل")):
                break
            words.append(word)
        if len(words) < 2:  # one word alone is too often not a name ("نظيره الروسي أمس")
            continue
        start = match.start("name")
        end = start + len(" ".join(words))
        if text[start:end] != " ".join(words):
            continue
        if any(m.start < end and start < m.end for m in mentions):
            continue
        added.append(Mention(text[start:end], "PER", start, end))
    return added


def _state_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """Ministries, state bodies and news agencies that no mention covers yet: "وزارة" and the
    definite words after it ("وزارة الخارجية الإيرانية", "لوزارة الشؤون الاجتماعية"), a
    government, army, parliament or presidency with its people's adjective ("الحكومة
    الفنلندية", "الجيش التركي"), and "وكالة أنباء ..." (`_agency_name`). ANERcorp leaves most
    ministries untagged (33 of 40), so the taggers do too, but a reader follows them as
    organisations, and they speak and act in the news. A place the tagger found inside such a
    name is covered by it."""
    stop = stopwords()
    words = list(WORD_OR_MARK.finditer(text))
    added = []
    for i, match in enumerate(words):
        bare = _without_proclitics(match.group())
        if bare == MINISTRY:
            name = list(itertools.takewhile(lambda w: _definite(w.group(), stop), words[i + 1 : i + 4]))
            people = [n for n, w in enumerate(name) if n and country_of_word(w.group()) is not None]
            if people:  # "وزارة الداخلية السعودية [الكشف]"; "وزارة الخارجية الكورية الجنوبية"
                after = people[0] + 1
                southern = after < len(name) and _bare_direction(name[after].group())
                name = name[: after + 1 if southern else after]
        elif bare == AGENCY and i + 2 < len(words) and words[i + 1].group() in NEWS:
            name = _agency_name(words[i + 1 : i + 5], stop)
        elif bare in STATE_BODIES and i + 1 < len(words) and _agrees(bare, words[i + 1].group()):
            name = [words[i + 1]]
        else:
            continue
        if not name or any(not w.group().isalpha() for w in name):
            continue
        start = match.end() - len(bare)
        end = name[-1].end()
        overlaps = [m for m in [*mentions, *added] if m.start < end and start < m.end]
        blocked = any(m.type != "LOC" or m.start < start or m.end > end for m in overlaps)
        if blocked or "\n" in text[start:end]:
            continue
        added.append(Mention(text[start:end], "ORG", start, end))
    return added


def _bare_direction(word: str) -> bool:
    """ "الجنوبية" of "الكورية الجنوبية": a direction with the article."""
    return key(word).removeprefix("ال") in DIRECTION_ADJECTIVES


def _agency_name(words: list[re.Match], stop: frozenset[str]) -> list[re.Match]:
    """The words of a news agency's name after "وكالة": "أنباء" and the name that follows
    ("أنباء فارس", "أنباء الشرق الأوسط"), or "الأنباء" and its adjectives, a people's
    first ("الأنباء الكورية المركزية"); "وكالة الأنباء الرسمية" names no agency."""
    news, rest = words[0], words[1:]
    if news.group() == "الأنباء":  # a people's adjective first: "الأنباء [الموالية]" is no name
        # the agency's adjectives are feminine: "الفرنسية [المتواجد]" is the next phrase's
        adjectives = list(itertools.takewhile(lambda w: _feminine_adjective(w.group(), stop), rest[:2]))
        return [news, *adjectives] if adjectives and is_nationality(adjectives[0].group()) else []
    first = rest[:1] if rest and rest[0].group().isalpha() and rest[0].group() not in GENERIC else []
    if not first:
        return []
    return [news, *first, *itertools.takewhile(lambda w: _definite(w.group(), stop), rest[1:2])]


def _feminine_adjective(word: str, stop: frozenset[str]) -> bool:
    return _definite(word, stop) and word.endswith(("ة", "ه"))


def _agrees(body: str, adjective: str) -> bool:
    """A people's adjective of the body's gender: "الخارجية الأمريكية" is the State
    Department; in "وزير الخارجية [الأمريكي]" the adjective goes with the minister."""
    return is_nationality(adjective) and body.endswith("ة") == adjective.endswith(("ة", "ه"))


def _without_proclitics(word: str) -> str:
    """ "لوزارة" -> "وزارة", "والحكومة" -> "الحكومة" (as written, hamza and all)."""
    for clitics in ("ول", "وب", "فل", "و", "ف", "ب", "ل"):
        rest = word[len(clitics) :]
        if word.startswith(clitics) and (rest in STATE_BODIES or rest in (MINISTRY, AGENCY)):
            return rest
    if word.startswith("لل") and "ال" + word[2:] in STATE_BODIES:
        return "ال" + word[2:]
    return word


def _definite(word: str, stop: frozenset[str]) -> bool:
    """A word with the article that may go on a ministry's or agency's name (no weekday,
    "اليوم", relative pronoun, "الرسمية" or title: "أعلنت وزارة الخارجية [الأربعاء]",
    "وزارة الخارجية البحرينية [السفير]", "بوزارة التعليم [الأستاذ] خالد")."""
    definite = word.startswith("ال") and len(word) > 3
    norm = normalize_word(word)
    titled = norm in TITLE_WORDS or norm in LEADING_TITLES  # "بوزارة التعليم [الأستاذ] خالد"
    return definite and norm not in stop and word not in GENERIC and not titled


def _standalone_words(text: str) -> set[str]:
    """Normalised words of the text that do not start with the conjunction و."""
    return {word for word in tokens(text) if not word.startswith("و")}


def _words(mention: Mention) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(mention.surface)]


def _sub(mention: Mention, start: int, end: int) -> Mention:
    surface = mention.surface[start:end].strip(" ،,")
    offset = mention.start + mention.surface.index(surface, start)
    return Mention(surface, mention.type, offset, offset + len(surface))


def _split_conjunction(mention: Mention, standalone: set[str], named: set[str],
                       gazetteer: Gazetteer) -> list[Mention]:  # fmt: skip
    """Two names the tagger read as one ("بوتين وبزكشيان"), split where the part after و is
    known (or, after a name of two words or more, the part after ب is a known full name:
    "اتصل فلاديمير بوتين ببشار الأسد"): for persons, its last word stands alone in the text;
    for the other types, the article names it as a mention of its own, the gazetteer lists it
    or it opens with a body's head noun ("[المنظمة العالمية لمناهضة التعذيب] و[مركز كارتر]"),
    since a common word stands alone anywhere ("منظمة التعاون والتنمية" beside "خطط التنمية")."""
    words = _words(mention)
    for position, (start, _end, word) in enumerate(words[1:], 1):
        if not word.startswith(("و", "ب")):
            continue
        rest = normalize(mention.surface[start + 1 :], MATCHING).split()
        known_person = mention.type == "PER" and is_known_person([normalize_word(w) for w in rest])
        if word.startswith("ب"):
            if known_person and position >= 2:  # "[فلاديمير بوتين] ب[بشار الأسد]"
                second = _sub(mention, start + 1, len(mention.surface))
                return [_sub(mention, 0, words[position - 1][1]), second]
            continue
        if not rest:
            continue
        # "صالح [وعبد الملك الحوثي]": a short conjunct when the rest is a known full name
        # "[ترمب وكيم]": a short name that opens known full names and stands alone in the text
        short_name = mention.type == "PER" and len(rest) == 1 and rest[0] in shipped_known_people()
        if len(word) - 1 < MIN_CONJUNCT_CHARS and not known_person and not short_name:
            continue
        if mention.type == "PER":
            seen = rest[-1] in standalone
        else:
            opens_body = mention.type == "ORG" and rest[0].removeprefix("ال") in BODY_HEADS
            seen = " ".join(rest) in named or opens_body
        if seen or _is_entry(rest, mention.type, gazetteer):
            first = _sub(mention, 0, words[position - 1][1])
            second = _sub(mention, start + 1, len(mention.surface))
            return [first, *_split_conjunction(second, standalone, named, gazetteer)]
    return [mention]


def _split_after_known_person(mention: Mention, surnames: dict[str, set[str]]) -> list[Mention]:
    """ "أرسل الرئيس الأميركي [دونالد ترامب بومبيو]": a known full name and one more word
    that ends another person's full name in the article ("مايك بومبيو", whose first name is
    not in the span: not "عبدالله الربيعة" for "عبدالله بن عبدالعزيز الربيعة") are two people,
    the sender and whom he sent. The known name must end in a family name: "أحمد محمد" (a
    given name last) opens many longer names ("أحمد محمد البقشي")."""
    words = _words(mention)
    if mention.type != "PER" or len(words) < 3:
        return [mention]
    norms = [normalize_word(word) for _, _, word in words]
    elsewhere = any(first not in norms for first in surnames.get(norms[-1], ()))
    known_first = is_known_person(norms[:-1]) and norms[-2] not in shipped_given_names()
    if not elsewhere or not known_first or is_known_person(norms):
        return [mention]
    return [_sub(mention, 0, words[-2][1]), _sub(mention, words[-1][0], len(mention.surface))]


def _is_entry(words: list[str], kind: str, gazetteer: Gazetteer) -> bool:
    return kind in STRONG and gazetteer.lists_whole(words, (kind,))


def _split_places(mention: Mention, gazetteer: Gazetteer) -> list[Mention]:
    """"تركمانستان عشق آباد" -> the country and the city, when both are gazetteer places."""
    if mention.type != "LOC":
        return [mention]
    words = _words(mention)
    normal = [normalize(word, MATCHING) for _, _, word in words]
    if len(normal) < 2 or any(not word or " " in word for word in normal):
        return [mention]
    if gazetteer.lists_whole(normal, WHOLE_PLACE):
        return [mention]  # "أيرلندا الشمالية": a place of its own, though "الشمالية" is listed too
    places = {(m.start, m.end) for m in gazetteer.matches(normal) if m.category == "LOC"}
    cut = _cover(0, len(normal), places)
    if cut is None or len(cut) < 2:
        return [mention]
    if any(b - a == 1 and normalize_word(words[a][2]) in NAME_PREFIXES for a, b in cut):
        return [mention]  # "سان بطرسبرغ" is one city, though the gazetteer lists "سان" too
    # "[مدينة] رام الله": the gazetteer lists "مدينة" too, but a word for a kind of place is none
    parts = [(a, b) for a, b in cut if not (b - a == 1 and is_place_noun(words[a][2], "LOC"))]
    return [_sub(mention, words[a][0], words[b - 1][1]) for a, b in parts]


def _cover(start: int, end: int, places: set[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The fewest consecutive places that cover words start..end exactly, or None."""
    if start == end:
        return []
    best = None
    for a, b in sorted(places, key=lambda p: p[1] - p[0], reverse=True):
        if a != start:
            continue
        rest = _cover(b, end, places)
        if rest is not None and (best is None or len(rest) + 1 < len(best)):
            best = [(a, b), *rest]
    return best

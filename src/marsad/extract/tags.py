"""Publisher tags: clean a tag line, and split tags whose separators were lost.

A page turned into text often loses the markup between its tag links, so a line reads
"Tags: حلف الناتودونالد ترامبرجب طيب أردوغان". The tag boundaries are then the glue
points inside space-delimited tokens. This is our own code because no library does
this job: English word segmenters (wordsegment, wordninja, symspell) ship English
models and cut wherever their model likes, and Arabic tokenisers split clitics off,
which is the opposite of what a tag needs. Here a token is cut only at an
orthographic glue cue (ة and ى end words) or when a word-frequency model finds the cut
much more probable than the whole token, and a clitic (و ب ل ك ف ال) stays on its word.

Other shapes handled: explicit separators (، , | / - # • newlines, runs of spaces),
hashtags with underscores, and keyword lines where the tags sit among the site's
navigation words (kept only when they are not menu words and occur in the body).
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.arabic.normalize import MATCHING, NormalizeOptions, normalize, normalize_word, tokens
from marsad.arabic.tokenize import SINGLE_PROCLITICS

# -- tuning constants (chosen on the ANT dev split: `python -m marsad.train.wordfreq --eval`) -----
# Cut a token only if its best segmentation beats the whole token by this many log10 units:
# a glued pair of common words wins by 2-6 units, a rare real word cut into fragments by less.
SPLIT_MARGIN = 1.0
# Extra margin when the whole token is itself in the table: known words ("بالبنك") stay whole.
KNOWN_WORD_MARGIN = 1.5
# The model never cuts out a shorter piece; particles ("في", "لا") are excluded as stopwords
# instead, so that two-letter name parts ("بن", "ذا") can still be cut.
MIN_PIECE = 2
# A two-letter piece must be at least this frequent: rare ones are fragments ("وع", "فا").
SHORT_PIECE_MIN_COUNT = 50
# Longer pieces are not tried (the longest words in the table have ~20 letters).
MAX_PIECE = 24
# An unknown piece scores log10 P(unknown word) plus LETTER_WEIGHT times its letter-trigram
# log-probability. -1 is about the share of running words missing from the table (2-10%);
# a weight just under 1 makes unknown shapes slightly cheaper than known words, so rare names
# are not shredded into known fragments ("يعقوبيان" is not "يعقوب" + "يان").
UNKNOWN_LOGP = -1.0
LETTER_WEIGHT = 0.9
# The letter model learns word shapes from table words at most this frequent: rare words
# (names, loanwords, inflected forms) look like the unknown words it has to score.
LETTER_MODEL_MAX_COUNT = 10
# Interpolation weights of letter trigram, bigram and unigram estimates (the rest goes to unigram).
TRIGRAM_WEIGHT, BIGRAM_WEIGHT = 0.6, 0.3
# Letters the unigram estimate is smoothed over (Arabic alphabet plus a margin).
ALPHABET_SIZE = 40
# A tag is a name or a short phrase; longer items are sentences or navigation.
MAX_TAG_WORDS = 10
MAX_TAG_CHARS = 80
# A space-free Arabic run longer than this is never a few glued tags (four tags of MAX_TAG_CHARS);
# it is kept whole instead of cut, which also bounds the cut search (its cost grows with the
# run's length: a 20,000-letter run took seconds, a 1 MB one minutes).
MAX_GLUED_RUN = 4 * MAX_TAG_CHARS
# A "tag line" longer than a hundred full-length tags is a paragraph or an attack, not tags.
# Reading one costs ~30 microseconds a character, so a 1 MB line would take most of a page's
# time limit; such a line gives no tags.
MAX_TAG_LINE_CHARS = 100 * MAX_TAG_CHARS
# A separator-less line with this many site-menu words is a keyword line mixed with navigation.
MENU_MIN_NAV_WORDS = 3
# A word repeated this often on one tag line is a menu item unless the body uses it.
MENU_REPEAT = 3
# A count at least this high makes a word "known" for conjunction and hamza decisions.
KNOWN_COUNT = 3

WORDFREQ_RESOURCE = "models/wordfreq.tsv.gz"
# First line of the table: the token total over the whole corpus (words below the cut-off included).
TOTAL_KEY = "#total"

# Removes harakat, tatweel and invisible marks but keeps letters as written: segmentation works
# on the surface string so the pieces come back exactly as the publisher spelt them.
SURFACE = NormalizeOptions(
    alef=False,
    hamza_carriers=False,
    alef_maqsura=False,
    taa_marbuta=False,
    digits=False,
    persian_letters=False,
    lowercase=False,
)

# -- named rules --------------------------------------------------------------------------------
# The label that opens a tag line: "Tags:", "الوسوم :", "كلمات دلالية:", "🏷 الكلمات المفتاحية -".
# A colon (or dash) or the end of the line must follow, so prose starting with "كلمات" is not a label.
TAG_LINE_LABEL = re.compile(
    r"^\s*[^\w\s]{0,3}\s*"
    r"(?:tags?|tagged(?:\s+with)?|keywords?|topics|hashtags?"
    r"|ال[أا]?وسوم|[أا]?وسوم|ال[أا]وسمة|[أا]وسمة|الهاشتا[غج]ات|هاشتا[غج]ات|هاشتا[غج]"
    r"|(?:ال)?كلمات\s+(?:ال)?(?:دلالية|مفتاحية|دالة)|(?:ال)?كلمات\s+البحث"
    r"|(?:ال)?علامات|(?:ال)?موضوعات|(?:ال)?مواضيع)"
    r"\s*(?:[:：]|[-–—](?=\s)|$)\s*",
    re.I,
)
# Explicit separators between items: "غزة، ترامب", "a | b", "#غزة #ترامب", "a • b", two spaces.
# A hyphen separates unless it joins Latin letters or precedes a digit ("Wi-Fi", "كوفيد-19").
SEPARATORS = re.compile(r"[،,|/\\#•·▪◦●;؛\n\t]|\s{2,}|(?<![A-Za-z])[-–—](?!\d)|[-–—](?![A-Za-z\d])")
# A letter after taa marbuta or alef maqsura inside a token: "غزةالعلاقات" -> "غزة|العلاقات".
# ى before a bare hamza is old spelling within one word ("الطوارىء"), so it is no glue point.
FINAL_LETTER_GLUE = re.compile(
    "(?<=ة)(?=[\u0621-\u063a\u0641-\u064a])|(?<=ى)(?=[\u0622-\u063a\u0641-\u064a])"
)
# Alef with hamza below starts words; inside one it follows only a clitic (و ب ل ك ف: "وإسرائيل")
# or the negation "لا" ("اللاإنسانية"), so "ترامبإيران" -> "ترامب|إيران".
HAMZA_BELOW_GLUE = re.compile("(?<=[\u0621-\u063a\u0641-\u064a])(?<![وبلكف])(?<!لا)(?=إ[\u0621-\u064a])")
# Digits followed by Arabic letters (not a lone "م"/"ه" date suffix): "رؤية 2030فرنسا" -> "2030|فرنسا".
DIGIT_GLUE = re.compile("(?<=[0-9\u0660-\u0669])(?=[\u0621-\u064a]{2})")
# Arabic meeting Latin letters inside a token: "آبلiPhone" -> "آبل|iPhone".
SCRIPT_GLUE = re.compile("(?<=[\u0621-\u064a])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u0621-\u064a])")
# A run the model may segment: Arabic letters only ("أردوغانلاهايوقف").
ARABIC_RUN = re.compile("^[\u0621-\u063a\u0641-\u064a]+$")
# Letters that never begin an Arabic word (taa marbuta, alef maqsura, seated or bare hamza).
NO_WORD_START = frozenset("ةىءؤئ")
# Edge characters stripped from a tag: quotes, brackets, dots, colons, hashes, dashes.
EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
DIGITS_ONLY = re.compile(r"^[\d\s.,٠-٩]+$")

# Prefix chains that are clitics and nothing else ("وال", "بال", "ولل"): never a piece of their own.
CLITIC_PIECES = frozenset(
    normalize_word(conj + prep + art)
    for conj in ("", "و", "ف")
    for prep in ("", "ب", "ل", "ك")
    for art in ("", "ال")
    if conj + prep + art
) | frozenset(normalize_word(conj + "لل") for conj in ("", "و", "ف"))

ARTICLE_CHAINS = tuple(piece for piece in CLITIC_PIECES if piece.endswith("ال") or piece.endswith("لل"))

# Section and menu vocabulary of Arabic news sites: a closed class, compared after normalisation
# with and without "ال". A keyword line mixed with navigation loses these words.
NAVIGATION_WORDS = frozenset(
    normalize_word(word)
    for word in (
        "رئيسية رئيسيه أخبار اخبار خبر سياسة سياسي اقتصاد رياضة ثقافة فن فنون منوعات تكنولوجيا تقنية "
        "علوم صحة مقالات مقال رأي آراء فيديو فيديوهات صور صورة المزيد مزيد تفاعلي صحافة أفكار عالم "
        "مجتمع محليات محلي دولي دولية عربي عربية عالمي عالمية اتصل نحن خدمات تسجيل دخول بحث نشرة حوادث "
        "تعليم مال أعمال بورصة سيارات مقابلات تحقيقات ملفات بث مباشر إعلانات اشترك كتاب كتّاب "
        "بودكاست إنفوغراف انفوجراف كاريكاتير ملاحق أرشيف منتدى مدونات تقارير ترند لايف ستايل "
        "شؤون أسواق طقس أبراج مرأة طبخ سياحة سفر إقتصاد شباب ألعاب أدب إعلام ميديا برامج حلقات"
    ).split()
)
# Function words: never a tag alone, and a tag never ends with one.
STOPWORDS = frozenset(
    normalize_word(word)
    for word in (
        "في من على إلى الى عن مع بين و أو او ثم حول بعد قبل ضد عبر حتى منذ لدى عند هذا هذه ذلك "
        "تلك التي الذي الذين ما لا لم لن قد كل أن إن ان كان كانت هو هي هم أي غير يا تم"
    ).split()
)
# Inflection endings that are also words or name fragments ("هما", "يان"): a tag never starts with one.
SUFFIX_PIECES = frozenset(
    normalize_word(word)
    for word in (
        "ات ين ون ان ية يه يات يان يين يون تين تان اته اتها اتهم اتنا تنا هما هم هن ها كم كما نا ني وا "
        "ونه ونها وني ونني انه انها"
    ).split()
)
# Name openers always followed by more of the name: a tag never ends with one.
NAME_OPENERS = frozenset(normalize_word(word) for word in "عبد أبو ابو ابن بن بنت آل ذو أم ام".split())
# Words that link two parts of one tag: "وقف إطلاق النار بين إيران وإسرائيل".
CONNECTORS = frozenset(normalize_word(w) for w in "في من على إلى الى عن مع بين ضد حول عبر".split())


@dataclass(frozen=True)
class LetterModel:
    """Letter-trigram model of word shapes: how plausible an unknown piece is as one word."""

    grams: Mapping[str, int]  # 1-3 letter n-grams, and n-gram contexts marked by a trailing "|"
    letters: int

    def prob(self, context: str, letter: str) -> float:
        get = self.grams.get
        trigram = get(context + letter, 0) / max(1, get(context + "|", 0))
        bigram = get(context[1] + letter, 0) / max(1, get(context[1] + "|", 0))
        unigram = (get(letter, 0) + 1) / (self.letters + ALPHABET_SIZE)
        return (
            TRIGRAM_WEIGHT * trigram + BIGRAM_WEIGHT * bigram + (1 - TRIGRAM_WEIGHT - BIGRAM_WEIGHT) * unigram
        )

    def logp(self, word: str) -> float:
        padded = f"^^{word}$"
        return sum(math.log10(self.prob(padded[i - 2 : i], padded[i])) for i in range(2, len(padded)))


def train_letter_model(words: Iterable[str]) -> LetterModel:
    """Count letter trigrams once ("^^" pads the start, "$" marks the end), then derive the
    bigram, unigram and context counts from them: one pass over the words keeps loading fast."""
    trigrams = Counter(
        padded[i - 2 : i + 1] for padded in (f"^^{w}$" for w in words) for i in range(2, len(padded))
    )
    grams: Counter[str] = Counter()
    for trigram, count in trigrams.items():
        for gram in (trigram, trigram[:2] + "|", trigram[1:], trigram[1] + "|", trigram[2]):
            grams[gram] += count
    return LetterModel(grams=dict(grams), letters=sum(trigrams.values()))


@dataclass(frozen=True)
class WordFreq:
    """Unigram counts keyed by `normalize_word`, the corpus token total, and a letter model
    that scores words missing from the table."""

    counts: Mapping[str, int]
    total: int
    letters: LetterModel

    def count(self, word: str) -> int:
        return self.counts.get(normalize_word(word), 0)

    def logp(self, word: str) -> float:
        count = self.count(word)
        if count:
            return math.log10(count / self.total)
        return UNKNOWN_LOGP + LETTER_WEIGHT * self.letters.logp(normalize_word(word))


def normalize_words(words: list[str]) -> list[str]:
    """`normalize_word` of many letter-only words in one call (table loading is 10x faster)."""
    keys = normalize(" ".join(words), MATCHING).split()
    return keys if len(keys) == len(words) else [normalize_word(word) for word in words]


def make_wordfreq(counts: Mapping[str, int], total: int = 0) -> WordFreq:
    """A WordFreq from counts (folding surface variants together) and the corpus total."""
    folded: Counter[str] = Counter()
    for key, count in zip(normalize_words(list(counts)), counts.values(), strict=True):
        folded[key] += count
    rare = [word for word, count in folded.items() if count <= LETTER_MODEL_MAX_COUNT]
    return WordFreq(
        counts=dict(folded),
        total=max(total, sum(folded.values()), 1),
        letters=train_letter_model(rare or list(folded)),
    )


def read_wordfreq(lines: Iterable[str]) -> WordFreq:
    """Parse "word<TAB>count" lines after a "#total<TAB>n" line."""
    counts: dict[str, int] = {}
    total = 0
    for line in lines:
        word, _, count = line.rstrip("\n").partition("\t")
        if word == TOTAL_KEY:
            total = int(count)
        elif count:
            counts[word] = counts.get(word, 0) + int(count)
    return make_wordfreq(counts, total)


@cache
def load_wordfreq() -> WordFreq:
    """The shipped table (built by `python -m marsad.train.wordfreq`), read on first use."""
    source = resources.files("marsad").joinpath(WORDFREQ_RESOURCE)
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        return read_wordfreq(lines)


# -- splitting glued tags -----------------------------------------------------------------------
def is_article_fragment(key: str) -> bool:
    """The article (with its clitics) and one letter is never a word: "الت", "بالم"."""
    return any(key.startswith(chain) and len(key) - len(chain) < 2 for chain in ARTICLE_CHAINS)


def is_piece(piece: str, vocab: WordFreq, first: bool, last: bool) -> bool:
    """Could the model cut this piece out as a word of its own? Not a clitic, particle, suffix
    or fragment (the pieces that turn real words into false splits). A piece after a cut starts
    a tag, so it is no conjunction ("وطالب"); one before a cut ends a tag, so no name opener
    ("عبدالحكيم" is not "عبد" + "الحكيم")."""
    key = normalize_word(piece)
    return (
        len(piece) >= MIN_PIECE
        and piece[0] not in NO_WORD_START
        and (key not in CLITIC_PIECES or piece == "آل")
        and key not in STOPWORDS
        and key not in SUFFIX_PIECES
        and (first or not is_conjunct(piece, vocab))
        and (last or key not in NAME_OPENERS)
        and not is_article_fragment(key)
        and (len(piece) > 2 or vocab.count(piece) >= SHORT_PIECE_MIN_COUNT)
    )


def best_segmentation(run: str, vocab: WordFreq) -> tuple[float, list[str]]:
    """Viterbi over cut points: the most probable sequence of valid pieces (unigram model)."""
    best: list[tuple[float, int]] = [(0.0, 0)] + [(-math.inf, 0)] * len(run)
    for end in range(MIN_PIECE, len(run) + 1):
        for start in range(max(0, end - MAX_PIECE), end - MIN_PIECE + 1):
            piece = run[start:end]
            if best[start][0] == -math.inf or not is_piece(piece, vocab, start == 0, end == len(run)):
                continue
            score = best[start][0] + vocab.logp(piece)
            if score > best[end][0]:
                best[end] = (score, start)
    pieces, end = [], len(run)
    while end > 0 and best[end][0] > -math.inf:
        start = best[end][1]
        pieces.append(run[start:end])
        end = start
    return best[-1][0], pieces[::-1]


def segment_run(run: str, vocab: WordFreq) -> list[str]:
    """Cut an Arabic run only when the cut is much more probable than the whole run."""
    if not 2 * MIN_PIECE <= len(run) <= MAX_GLUED_RUN or not ARABIC_RUN.match(run):
        return [run]
    score, pieces = best_segmentation(run, vocab)
    if len(pieces) < 2:
        return [run]
    margin = SPLIT_MARGIN + (KNOWN_WORD_MARGIN if vocab.count(run) >= KNOWN_COUNT else 0.0)
    return pieces if score - vocab.logp(run) >= margin else [run]


def cut_at(pattern: re.Pattern[str], parts: list[str]) -> list[str]:
    return [piece for part in parts for piece in pattern.split(part) if piece]


def split_token(token: str, vocab: WordFreq) -> list[str]:
    """The words glued inside one space-free token: orthographic cues first, then the model."""
    parts = [EDGE_PUNCTUATION.sub("", token) or token]
    for cue in (SCRIPT_GLUE, DIGIT_GLUE, FINAL_LETTER_GLUE):
        parts = cut_at(cue, parts)
    if vocab.count(token) < KNOWN_COUNT:
        parts = cut_at(HAMZA_BELOW_GLUE, parts)
    return [word for part in parts for word in segment_run(part, vocab)]


def split_glued(token_run: str, vocab: WordFreq | None = None) -> list[str]:
    """Tags of a run whose separators were lost: a new tag starts at each glue point in a token."""
    vocab = vocab or load_wordfreq()
    tags: list[list[str]] = [[]]
    for token in normalize(token_run, SURFACE).split():
        words = split_token(token, vocab)
        tags[-1].append(words[0])
        tags.extend([word] for word in words[1:])
    return [" ".join(words) for words in tags if words]


# -- cleaning and keyword lines -----------------------------------------------------------------
def strip_label(raw: str) -> str:
    return TAG_LINE_LABEL.sub("", raw.strip(), count=1).strip()


def clean_tag(tag: str) -> str:
    """Surface form of one tag: no hashes, underscores, edge punctuation or extra spaces."""
    text = normalize(tag.replace("_", " "), SURFACE)
    return " ".join(EDGE_PUNCTUATION.sub("", word) for word in text.split() if EDGE_PUNCTUATION.sub("", word))


def is_tag(tag: str) -> bool:
    words = tag.split()
    return (
        0 < len(words) <= MAX_TAG_WORDS
        and len(tag) <= MAX_TAG_CHARS
        and not DIGITS_ONLY.match(tag)
        and not all(normalize_word(word) in STOPWORDS for word in words)
    )


def is_navigation_word(word: str) -> bool:
    key = normalize_word(word)
    return key in NAVIGATION_WORDS or (key.startswith("ال") and key[2:] in NAVIGATION_WORDS)


def body_index(body: str | None) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Body words (also without one clitic prefix) and adjacent word pairs, normalised."""
    words = tokens(body)
    stripped = {word[len(p) :] for word in words for p in SINGLE_PROCLITICS if word.startswith(p)}
    return frozenset(words) | frozenset(w for w in stripped if len(w) >= MIN_PIECE), frozenset(
        zip(words, words[1:], strict=False)
    )


def is_conjunct(word: str, vocab: WordFreq) -> bool:
    """Is "و" a conjunction here ("وإسرائيل")? Yes when the rest is the likelier word."""
    return word.startswith("و") and len(word) > MIN_PIECE and vocab.count(word[1:]) > vocab.count(word)


def group_phrases(words: list[str | None], pairs: frozenset[tuple[str, str]], vocab: WordFreq) -> list[str]:
    """Join space-separated words into tags: by a body bigram, a connector, or a conjunction.
    `None` marks a dropped word: nothing joins across it."""
    groups: list[list[str]] = [[]]
    for word in words:
        if word is None:
            groups.append([])
        elif groups[-1] and joins(groups[-1][-1], word, pairs, vocab):
            groups[-1].append(word)
        else:
            groups.append([word])
    return [" ".join(trim_stopwords(group)) for group in groups if group]


def joins(previous: str, word: str, pairs: frozenset[tuple[str, str]], vocab: WordFreq) -> bool:
    return (
        (normalize_word(previous), normalize_word(word)) in pairs
        or normalize_word(previous) in CONNECTORS
        or normalize_word(word) in CONNECTORS
        or is_conjunct(word, vocab)
    )


def trim_stopwords(words: list[str]) -> list[str]:
    while words and normalize_word(words[-1]) in STOPWORDS:
        words = words[:-1]
    while words and normalize_word(words[0]) in STOPWORDS:
        words = words[1:]
    return words


def is_menu_line(words: list[str]) -> bool:
    repeats = Counter(normalize_word(word) for word in words)
    navigation = sum(1 for word in words if is_navigation_word(word))
    return navigation >= MENU_MIN_NAV_WORDS or (len(words) > 4 and max(repeats.values()) >= MENU_REPEAT)


def menu_candidates(words: list[str], body_words: frozenset[str]) -> list[str | None]:
    """The line with navigation replaced by `None`: menu vocabulary, stopwords, words repeated
    like a menu item, and (when the body uses any candidate) words the body does not use."""
    repeats = Counter(normalize_word(word) for word in words)
    kept = [
        word
        if not is_navigation_word(word)
        and normalize_word(word) not in STOPWORDS
        and (repeats[normalize_word(word)] < MENU_REPEAT or normalize_word(word) in body_words)
        else None
        for word in words
    ]
    if any(word is not None and normalize_word(word) in body_words for word in kept):
        kept = [word if word is not None and normalize_word(word) in body_words else None for word in kept]
    return kept


def word_tags(text: str, body: str | None, vocab: WordFreq) -> list[str]:
    """A single-space line with no glue: a keyword line, maybe mixed with site navigation."""
    words = [clean_tag(word) for token in text.split() for word in split_token(token, vocab)]
    words = [word for word in words if word]
    if not words:
        return []
    body_words, pairs = body_index(body)
    if is_menu_line(words):
        return group_phrases(menu_candidates(words, body_words), pairs, vocab)
    return group_phrases(list(words), pairs, vocab)


def raw_tags(text: str, body: str | None, vocab: WordFreq) -> list[str]:
    """Pick the reading that fits the line's shape: separators, glue points, or loose words."""
    items = [item for item in SEPARATORS.split(text) if item.strip()]
    if len(items) > 1:
        return [tag for item in items for tag in split_glued(item, vocab)]
    glued = split_glued(text, vocab)
    if len(glued) > 1 and not is_menu_line(text.split()):
        return glued
    if len(text.split()) == 1:
        return glued
    return word_tags(text, body, vocab)


def dedupe(tags: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for tag in tags:
        key = normalize(tag)
        if key not in seen:
            seen.add(key)
            unique.append(tag)
    return unique


def clean_tags(raw: str, body: str | None = None, vocab: WordFreq | None = None) -> list[str]:
    """The publisher's tags from a tag line (label optional), cleaned, split and deduplicated.

    `body` (the article text) tells tags from navigation words on keyword lines.
    """
    text = strip_label(raw or "")
    if not text or len(text) > MAX_TAG_LINE_CHARS:
        return []
    vocab = vocab or load_wordfreq()
    return dedupe(tag for tag in map(clean_tag, raw_tags(text, body, vocab)) if is_tag(tag))

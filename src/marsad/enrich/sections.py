"""Section of an article: politics, economy, sports, culture, technology, health, religion, society.

Two sources, in order of trust. A page that states its section (breadcrumb, section
label, URL slug) is believed: `section_from_breadcrumb` maps the outlet's words onto
our labels. Otherwise a linear model over clitic-stripped word stems decides. It is
trained so that it carries from one outlet to another (see models/SECTIONS.md):
outlet boilerplate is cut before tokenising, the vocabulary keeps only stems that
several sources use (an outlet's name, house spelling or sign-off is dropped), and
classes are weighted so that the big politics sections do not swallow the rest.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from marsad.arabic.normalize import arabic_ratio, normalize_word, tokens
from marsad.arabic.stem import light_stem
from marsad.arabic.stopwords import stopwords
from marsad.enrich.language import read_as_arabic
from marsad.model import Article

LABELS = ("politics", "economy", "sports", "culture", "technology", "health", "religion", "society")
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "sections.npz"

# The title names the topic more reliably than body paragraphs; counting its stems
# three times gave the best leave-one-outlet-out score of 1, 2 and 3 (SECTIONS.md).
TITLE_REPEAT = 3
# Words past this point add time, not evidence: 99% of ANT articles are shorter.
MAX_WORDS = 1500
# Fewer known stems than this (a caption, a one-line teaser) is too little to decide on.
MIN_TERMS = 3
# Arabic-script share under which the text is not Arabic and the model does not apply.
MIN_ARABIC_RATIO = 0.5
# How much text is enough to measure the Arabic share.
RATIO_SAMPLE_CHARS = 2000

# Whole lines that are outlet furniture, not content; each would teach the model the
# outlet instead of the topic. Examples from the ANT corpus, one per alternative:
#   "للمزيد: أهم بنود الاتفاق النووي" / "اقرأ أيضاً:" (links to other stories, any section)
#   "*نقلاً عن الرؤية الإماراتية" (reprint credit)   "----------" (rule)
#   "يمكنكم تسلم إشعارات بأهم الموضوعات ..." (app notice)
#   "** جميع المقالات المنشورة تمثل رأي كتابها فقط." (opinion disclaimer)
#   "علماً أن CNN بالعربية لا يمكنها التأكد ..." (verification disclaimer)
#   "لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا" (player link)
BOILERPLATE_LINE = re.compile(
    r"^[ \t*]*(?:للمزيد|لمزيد من|[اإ]قرأ أيضا|شاهد أيضا|\*?نقلا(?:ً)? عن|-{4,}|يمكنكم (?:استلام|تسلم)"
    r"|\*+ ?جميع المقالات|علما(?:ً)? أن|ويشار إلى أن موقع|حقوق النشر|لمتابعة المباراة).*$",
    re.MULTILINE,
)
# A short closing credit such as "فرانس24/ أ ف ب" or "(رويترز)": agency names say who
# wrote the wire, not what it is about.
CREDIT_LINE = re.compile(r"^[^\n]{0,40}(?:أ ف ب|رويترز|وكالات|أ ب|د ب أ)[^\n]{0,20}$", re.MULTILINE)
# A leading dateline "دبي، الإمارات العربية المتحدة (CNN)--": the outlet's home town.
DATELINE = re.compile(r"^[^\n()]{0,60}\([^\n()]{1,25}\)\s*[-–—]+")
# Hashtags join words with "_" ("#كأس_العالم"); split them so the words count as words.
HASHTAG_JOINER = "_"


def strip_boilerplate(text: str) -> str:
    """Drop outlet furniture lines and a leading dateline before the text is tokenised."""
    text = DATELINE.sub(" ", text.lstrip())
    text = BOILERPLATE_LINE.sub(" ", text)
    return CREDIT_LINE.sub(" ", text)


def terms(words: Iterable[str]) -> list[str]:
    """Light stems of content words: the unit the section model counts."""
    stop = stopwords()
    stems = (light_stem(word) for word in words if word not in stop and not word.isdigit())
    return [stem for stem in stems if len(stem) > 1]


def features(title: str | None, text: str) -> list[str]:
    """The stems the model sees for an article: title repeated, then the cleaned body."""
    body = tokens(strip_boilerplate(text).replace(HASHTAG_JOINER, " "))[:MAX_WORDS]
    return terms(tokens((title or "").replace(HASHTAG_JOINER, " "))) * TITLE_REPEAT + terms(body)


@dataclass(frozen=True)
class SectionModel:
    """A linear classifier over TF-IDF stem vectors, with temperature-scaled probabilities."""

    labels: tuple[str, ...]
    index: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (labels, features)
    intercept: np.ndarray
    temperature: float

    def vector(self, stems: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sparse TF-IDF vector (columns, values): sublinear tf, l2-normalised."""
        counts = Counter(self.index[s] for s in stems if s in self.index)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = np.fromiter(
            (1.0 + math.log(n) for n in counts.values()), dtype=np.float64, count=len(counts)
        )
        values *= self.idf[columns]
        norm = float(np.linalg.norm(values))
        return columns, (values / norm if norm else values)

    def scores(self, stems: list[str]) -> np.ndarray:
        columns, values = self.vector(stems)
        return self.coef[:, columns] @ values + self.intercept

    def probabilities(self, stems: list[str]) -> dict[str, float]:
        scaled = self.scores(stems) / self.temperature
        exp = np.exp(scaled - scaled.max())
        return dict(zip(self.labels, (exp / exp.sum()).tolist(), strict=True))

    def known(self, stems: list[str]) -> int:
        return sum(1 for s in stems if s in self.index)

    def save(self, path: Path) -> None:
        vocabulary = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            vocabulary=np.array(vocabulary),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            temperature=np.array(self.temperature),
        )

    @classmethod
    def load(cls, path: Path) -> SectionModel:
        with np.load(path, allow_pickle=False) as data:
            vocabulary = data["vocabulary"].tolist()
            return cls(
                labels=tuple(data["labels"].tolist()),
                index={term: i for i, term in enumerate(vocabulary)},
                idf=data["idf"].astype(np.float64),
                coef=data["coef"].astype(np.float64),
                intercept=data["intercept"].astype(np.float64),
                temperature=float(data["temperature"]),
            )


@cache
def shipped_model() -> SectionModel:
    """The model in marsad/models, loaded on first use (rebuild: python -m marsad.train.sections)."""
    return SectionModel.load(MODEL_PATH)


def is_arabic(title: str | None, text: str) -> bool:
    return arabic_ratio(f"{title or ''} {text[:RATIO_SAMPLE_CHARS]}") >= MIN_ARABIC_RATIO


def section_probabilities(title: str | None, text: str) -> dict[str, float] | None:
    """Calibrated probability of each label, or None when the text gives too little to go on."""
    if not is_arabic(title, text or ""):
        return None
    model = shipped_model()
    stems = features(title, text or "")
    if model.known(stems) < MIN_TERMS:
        return None
    return model.probabilities(stems)


def classify_section(title: str | None, text: str) -> str | None:
    """The most probable section, or None for empty, too short or non-Arabic text."""
    probabilities = section_probabilities(title, text)
    if probabilities is None:
        return None
    return max(probabilities, key=probabilities.__getitem__)


# --- what the page says its section is ---------------------------------------------

# Arabic section words, as outlets write them in breadcrumbs and menus.
SECTION_WORDS = {
    "politics": "سياسة سياسي سياسية سياسيه انتخابات برلمان دبلوماسية",
    "economy": "اقتصاد اقتصادي اقتصادية أعمال مال بورصة بورصات أسواق بنوك طاقة نفط عقارات استثمار",
    "sports": "رياضة رياضي رياضية ملاعب دوري مونديال تنس",
    "culture": "ثقافة ثقافي ثقافية فن فنون فني أدب آداب سينما مسرح موسيقى ترفيه مشاهير تراث",
    "technology": "تكنولوجيا تكنولوجي تقنية تقنيات علوم اتصالات إنترنت انترنت فضاء رقمي رقمية",
    "health": "صحة صحي صحية صحتك طب طبي",
    "religion": "دين ديني دينية أديان إسلاميات إسلام فتاوى فتوى شريعة روحانيات",
    "society": "مجتمع مجتمعات اجتماعي حوادث جريمة قضايا تعليم تربية جامعات بيئة مرأة أسرة شباب",
}
# Two-word names whose words alone mean something else ("قدم" is "foot", "اوسط" "middle").
SECTION_PHRASES = {
    "كرة القدم": "sports",
    "الشرق الأوسط": "politics",
    "دين ودنيا": "religion",
}
# Geographic news desks ("عربي ودولي", "العالم") are politics in Marsad's scheme, but
# weaker evidence than a topic word: "اقتصاد عربي" is economy.
REGION_WORDS = "عربي عربية دولي دولية عالم عالمي عالمية محلي محليات"
# Latin slugs and labels ("/sport/", "Business") seen in URLs and English breadcrumbs.
LATIN_WORDS = {
    "politics": "politics political world international middle-east middleeast",
    "economy": "economy business markets finance money",
    "sports": "sport sports football",
    "culture": "culture arts art entertainment",
    "technology": "technology tech science",
    "health": "health",
    "religion": "religion",
    "society": "society education environment",
}
# Breadcrumb separators: "الرئيسية > أخبار > سياسة دولية", "News / Sport", "أخبار | اقتصاد".
SEGMENT_SEPARATORS = re.compile(r"\s*[>/|»›«‹\\]\s*|\s+-\s+")
# Proclitics peeled before lookup (longest first). No suffix stripping: "رياضة" would
# become "رياض", which is also the city of Riyadh.
PROCLITICS = ("وال", "بال", "لل", "ال", "و")
MIN_BASE = 3


def _bare(word: str) -> str:
    """A section word without its article or conjunction."""
    word = normalize_word(word)
    for prefix in PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_BASE:
            return word[len(prefix) :]
    return word


@dataclass(frozen=True)
class SectionTables:
    phrases: dict[str, str]
    words: dict[str, str]
    regions: frozenset[str]


@cache
def _tables() -> SectionTables:
    """The section word tables keyed by bare normalised words; built on first use."""
    words = {_bare(w): label for label, text in SECTION_WORDS.items() for w in text.split()}
    words.update({w: label for label, text in LATIN_WORDS.items() for w in text.split()})
    phrases = {" ".join(_bare(w) for w in k.split()): v for k, v in SECTION_PHRASES.items()}
    return SectionTables(phrases, words, frozenset(_bare(w) for w in REGION_WORDS.split()))


def _segment_label(segment: str) -> str | None:
    """Label of one breadcrumb segment: a phrase, then a topic word, then a region word."""
    tables = _tables()
    bare = [_bare(word) for word in tokens(segment.replace("-", " "))]
    for pair in zip(bare, bare[1:], strict=False):
        if " ".join(pair) in tables.phrases:
            return tables.phrases[" ".join(pair)]
    for word in bare:
        if word in tables.words:
            return tables.words[word]
    return "politics" if any(word in tables.regions for word in bare) else None


def section_from_breadcrumb(text: str) -> str | None:
    """Marsad label for a section the page states, trying the most specific segment first."""
    if not text:
        return None
    for segment in reversed(SEGMENT_SEPARATORS.split(text)):
        label = _segment_label(segment)
        if label:
            return label
    return None


def assign_section(article: Article) -> Article:
    """Pipeline stage: keep a stated section (mapped to our labels), else classify an Arabic
    article (the model knows Arabic words only; Persian shares enough letters to pass)."""
    stated = section_from_breadcrumb(article.section) if article.section else None
    if stated or not read_as_arabic(article):
        article.section = stated
        return article
    article.section = classify_section(article.title, article.text)
    return article

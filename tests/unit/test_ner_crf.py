"""The numpy CRF tagger must give crfsuite's own tags with the same model file."""

from pathlib import Path

import pycrfsuite
import pytest

import marsad.enrich.ner_crf as ner_crf
from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenize import tokenize
from marsad.enrich.ner import shipped_tagger

SAMPLE = Path(__file__).parents[2] / "src" / "marsad" / "data" / "sample"


def sample_sentences(files: int) -> list[list[str]]:
    sentences = []
    for path in sorted(SAMPLE.glob("*.txt"))[:files]:
        sentences += [tokenize(s) for s in split_sentences(path.read_text(encoding="utf-8"))]
    return sentences


def crfsuite_tags(tagger: ner_crf.CrfTagger, model: pycrfsuite.Tagger, tokens: list[str]) -> list[str]:
    tags: list[str] = []
    for start in range(0, len(tokens), ner_crf.MAX_TOKENS_PER_CALL):
        tags += model.tag(tagger.extractor.sentence(tokens[start : start + ner_crf.MAX_TOKENS_PER_CALL]))
    return tags


@pytest.fixture(scope="module")
def crfsuite_model() -> pycrfsuite.Tagger:
    from importlib import resources

    model = pycrfsuite.Tagger()
    with resources.as_file(resources.files("marsad") / "models" / "ner_crf.crfsuite") as path:
        model.open(str(path))
    return model


def test_numpy_tags_equal_crfsuite_tags_on_real_articles(crfsuite_model):
    tagger = shipped_tagger()
    sentences = sample_sentences(files=40)
    assert sum(map(len, sentences)) > 5000
    ours = tagger.tag_sentences(sentences)
    theirs = [crfsuite_tags(tagger, crfsuite_model, tokens) for tokens in sentences]
    assert ours == theirs
    assert sum(tag != "O" for tags in ours for tag in tags) > 200  # names found, not all O


def test_windows_empty_and_one_token_sentences_tag_as_crfsuite(crfsuite_model, monkeypatch):
    monkeypatch.setattr(ner_crf, "MAX_TOKENS_PER_CALL", 7)
    tagger = shipped_tagger()
    long_one = [token for tokens in sample_sentences(files=2) for token in tokens][:40]
    sentences = [long_one, [], ["بيروت"], long_one[:7], long_one[:8]]
    ours = tagger.tag_sentences(sentences)
    assert [len(tags) for tags in ours] == [len(tokens) for tokens in sentences]
    assert ours == [crfsuite_tags(tagger, crfsuite_model, tokens) for tokens in sentences]
    assert tagger(long_one) == ours[0]


def test_tagging_one_sentence_or_many_gives_the_same_tags():
    tagger = shipped_tagger()
    sentences = sample_sentences(files=3)
    assert tagger.tag_sentences(sentences) == [tagger(tokens) for tokens in sentences]


def test_small_groups_and_a_small_context_table_tag_as_crfsuite(crfsuite_model, monkeypatch):
    """Windows tagged in several groups, and a context table that fills and empties
    between them, give crfsuite's tags all the same."""
    from importlib import resources

    from marsad.enrich.ner_features import shipped_extractor

    monkeypatch.setattr(ner_crf, "MAX_TOKENS_PER_GROUP", 25)
    monkeypatch.setattr(ner_crf, "MAX_CACHED_CONTEXTS", 40)
    with resources.as_file(resources.files("marsad") / "models" / "ner_crf.crfsuite") as path:
        tagger = ner_crf.CrfTagger(path, shipped_extractor())
    sentences = [tokens[:20] for tokens in sample_sentences(files=3) if tokens][:12]
    assert len(tagger.table) == 40
    ours = tagger.tag_sentences(sentences)
    assert ours == [crfsuite_tags(tagger, crfsuite_model, tokens) for tokens in sentences]
    assert 0 < len(tagger.contexts) <= 40


def test_the_fused_reading_follows_each_tagger_at_the_ends_of_its_weight():
    """One Viterbi over the BiLSTM-CRF's scores plus the CRF's: at weight 0 it is the BiLSTM-CRF's
    own reading, and with the CRF weighted far above the other it is the CRF's."""
    from marsad.enrich.ner_neural import shipped_neural_tagger

    crf, neural = shipped_tagger(), shipped_neural_tagger()
    sentences = sample_sentences(files=6)
    own, crf_own, fused_at_zero = neural.tag_with(sentences, crf.as_partner(neural.tags), 0.0)
    assert fused_at_zero == own == neural.tag_sentences(sentences)
    assert crf_own == crf.tag_sentences(sentences)  # the partner's own reading, from the same scores
    *_, fused_by_crf = neural.tag_with(sentences, crf.as_partner(neural.tags), 1e4)
    assert fused_by_crf == crf_own
    *_, fused = neural.tag_with(sentences, crf.as_partner(neural.tags), 0.5)
    assert fused != own and fused != crf_own  # in between, a reading of its own

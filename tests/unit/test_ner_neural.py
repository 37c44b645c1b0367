import numpy as np
import pytest

from marsad.enrich.gazetteer import Gazetteer
from marsad.enrich.ner_neural import (
    FORBIDDEN,
    TAGS,
    Encoder,
    NeuralTagger,
    allowed_transitions,
    emissions,
    make_batch,
    read_embeddings,
    shipped_files_present,
    viterbi,
    write_embeddings,
)
from marsad.eval.ner import spans

WORDS = ["<pad>", "<unk>", "في", "باريس", "قال", "الرئيس", "ماكرون", "زار"]
CHARS = "\x00\x01" + "فيباريسقلالرئيسماكونز"


def random_tagger(seed: int = 0) -> tuple[NeuralTagger, object, np.ndarray]:
    """A tiny random BiLSTM-CRF built by the training code, and its numpy twin."""
    torch = pytest.importorskip("torch")
    from marsad.train.ner_neural import build_model, export

    torch.manual_seed(seed)
    vectors = np.random.default_rng(seed).normal(size=(len(WORDS), 6)).astype(np.float32)
    vectors[:2] = 0
    model = build_model(torch, vectors, len(CHARS))
    with torch.no_grad():  # non-zero CRF scores, so Viterbi has something to weigh
        for param in (model.crf.transitions, model.crf.start, model.crf.end):
            param.normal_()
    model.eval()
    gazetteer = Gazetteer([("LOC", "باريس")])
    tagger = NeuralTagger(export(model, CHARS), WORDS, vectors, gazetteer)
    return tagger, model, vectors


SENTENCES = [
    ["قال", "الرئيس", "ماكرون", "في", "باريس"],
    ["زار", "وباريس"],
    ["ABC", "2024", "،", "كلمةغريبةجداجداجداطويلة"],
]


def test_numpy_forward_equals_torch_forward():
    torch = pytest.importorskip("torch")
    from marsad.train.ner_neural import tensors

    tagger, model, _ = random_tagger()
    encoded = [tagger.encoder.sentence(s) for s in SENTENCES]
    with torch.no_grad():
        expected = model(*tensors(torch, encoded)).numpy()
    got = emissions(make_batch(encoded), tagger.weights, tagger.vectors)
    assert np.abs(expected).max() > 0.01  # a real signal, not all zeros
    for b, sentence in enumerate(SENTENCES):
        n = len(sentence)
        np.testing.assert_allclose(got[b, :n], expected[b, :n], rtol=1e-4, atol=1e-5)


def test_tuned_vectors_travel_inside_the_model_file(tmp_path):
    """With --tune-vectors the model file carries its own word vectors, and loading it
    uses them rather than the embeddings file's, so numpy still scores as torch does."""
    torch = pytest.importorskip("torch")
    from marsad.train.ner_neural import build_model, export, tensors

    torch.manual_seed(1)
    vectors = np.random.default_rng(1).normal(size=(len(WORDS), 6)).astype(np.float32)
    model = build_model(torch, vectors, len(CHARS), tune_vectors=True)
    with torch.no_grad():
        model.vectors.add_(1.5)  # what training would have moved
    model.eval()
    weights = export(model, CHARS)
    assert "vectors" in weights and not np.allclose(weights["vectors"], vectors)
    np.savez(tmp_path / "model.npz", **weights)
    write_embeddings(tmp_path / "embeddings.npz", WORDS, vectors)
    tagger = NeuralTagger.load(tmp_path / "model.npz", tmp_path / "embeddings.npz", Gazetteer([("LOC", "باريس")]))
    encoded = [tagger.encoder.sentence(s) for s in SENTENCES]
    with torch.no_grad():
        expected = model(*tensors(torch, encoded)).numpy()
    got = emissions(make_batch(encoded), tagger.weights, tagger.vectors)
    for b, sentence in enumerate(SENTENCES):
        np.testing.assert_allclose(got[b, : len(sentence)], expected[b, : len(sentence)], rtol=1e-4, atol=1e-5)


def test_batched_tagging_equals_one_sentence_at_a_time():
    tagger, _, _ = random_tagger(seed=3)
    together = tagger.tag_sentences(SENTENCES)
    assert together == [tagger(s) for s in SENTENCES]
    assert [len(t) for t in together] == [len(s) for s in SENTENCES]


def brute_force_best(scores, transitions, start, end):
    import itertools

    paths = itertools.product(range(scores.shape[1]), repeat=len(scores))

    def total(path):
        value = start[path[0]] + end[path[-1]] + sum(scores[t, k] for t, k in enumerate(path))
        return value + sum(transitions[a, b] for a, b in zip(path, path[1:], strict=False))

    return list(max(paths, key=total))


def test_viterbi_on_a_hand_made_lattice():
    # Tags 0 and 1; emissions favour 0,0,1 but switching 0->1 is heavily penalised and
    # ending in 0 is rewarded, so the best path is 1,1,1 (score 1+0+2+3 = 6 vs 0,0,0 = 5).
    scores = np.array([[2.0, 1.0], [2.0, 0.0], [0.0, 2.0]])
    transitions = np.array([[0.0, -10.0], [0.0, 0.0]])
    start, end = np.zeros(2), np.array([1.0, 3.0])
    assert viterbi(scores, transitions, start, end) == [1, 1, 1]
    rng = np.random.default_rng(7)
    for _ in range(20):
        scores, transitions = rng.normal(size=(5, 3)), rng.normal(size=(3, 3))
        start, end = rng.normal(size=3), rng.normal(size=3)
        assert viterbi(scores, transitions, start, end) == brute_force_best(scores, transitions, start, end)


def test_bio_constraints_forbid_inside_after_outside():
    pairs, starts = allowed_transitions()
    o, b_per, i_per, i_loc = (TAGS.index(t) for t in ("O", "B-PER", "I-PER", "I-LOC"))
    assert pairs[b_per, i_per] and pairs[i_per, i_per] and not pairs[o, i_per] and not pairs[b_per, i_loc]
    assert starts[b_per] and not starts[i_per]
    # Emissions that prefer I-PER first still yield a valid path once the constraints apply.
    scores = np.zeros((2, len(TAGS)))
    scores[:, i_per] = 5.0
    path = viterbi(
        scores, np.where(pairs, 0.0, FORBIDDEN), np.where(starts, 0.0, FORBIDDEN), np.zeros(len(TAGS))
    )
    assert [TAGS[k] for k in path] == ["B-PER", "I-PER"]


def valid_bio(tags):
    return all(
        not t.startswith("I-") or (p != "O" and p[2:] == t[2:])
        for p, t in zip(["O", *tags], tags, strict=False)
    )


def test_random_model_tags_one_valid_bio_tag_per_token():
    tagger, _, _ = random_tagger(seed=5)
    long_sentence = ["قال", "ماكرون"] * 300  # longer than one window
    everything = [*SENTENCES, long_sentence]
    for sentence, tags in zip(everything, tagger.tag_sentences(everything), strict=True):
        assert len(tags) == len(sentence)
        assert set(tags) <= set(TAGS)
        assert valid_bio(tags[:400]) and valid_bio(tags[400:])


def test_encoder_reads_stems_through_clitics():
    encoder = Encoder({w: i for i, w in enumerate(WORDS)}, {}, Gazetteer([("LOC", "باريس")]))
    parts, flags = encoder.sentence(["وباريس", "باريس", "ماكرون"])
    assert parts[0].word == 1 and parts[0].stem == parts[1].stem == WORDS.index("باريس")
    assert flags[0, 0] == flags[1, 0] == 1  # gazetteer LOC begins at both
    assert flags[2, 0] == 0


def test_embeddings_round_trip(tmp_path):
    vectors = np.arange(len(WORDS) * 3, dtype=np.float32).reshape(len(WORDS), 3) / 7
    write_embeddings(tmp_path / "e.npz", WORDS, vectors)
    words, loaded = read_embeddings(tmp_path / "e.npz")
    assert words == WORDS and loaded.dtype == np.float16
    np.testing.assert_allclose(loaded, vectors, rtol=1e-3)


@pytest.mark.skipif(not shipped_files_present(), reason="shipped neural model not built")
def test_shipped_model_tags_an_obvious_sentence():
    from marsad.enrich.ner_neural import shipped_neural_tagger

    tokens = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس أمس إن الأمم المتحدة".split()
    tags = shipped_neural_tagger()(tokens)
    assert valid_bio(tags)
    found = spans(tags)
    assert (3, 5, "PER") in found and (6, 7, "LOC") in found


def test_importing_does_not_load_the_model():
    import subprocess
    import sys

    code = "import marsad.enrich.ner_neural as n; print(n.shipped_neural_tagger.cache_info().currsize)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0"
    assert (
        "torch"
        not in subprocess.run(
            [sys.executable, "-c", "import sys, marsad.enrich.ner_neural; print(sorted(sys.modules))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_training_without_torch_names_the_install_command(monkeypatch):
    import sys

    from marsad.train.ner_neural import require_torch

    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now raises ImportError
    with pytest.raises(SystemExit, match=r"pip install 'marsad\[train\]'"):
        require_torch()


# -- silver sentences for self-training -------------------------------------------------------

SILVER_TEXTS = [
    "قال الرئيس الأمريكي جو بايدن في واشنطن إن المحادثات مع الصين مستمرة منذ أسابيع. الجو حار.",
    "وصل وزير الخارجية المصري سامح شكري إلى عمان اليوم للقاء نظيره الأردني أيمن الصفدي في العاصمة.",
]


def test_silver_sentences_are_ones_both_taggers_tag_alike():
    from marsad.enrich.ner import shipped_tagger
    from marsad.train.ner_silver import MAX_TOKENS, MIN_TOKENS, agreed_sentences

    kept = agreed_sentences(iter(SILVER_TEXTS), wanted=10)
    assert kept, "the shipped taggers should agree on at least one of these plain news sentences"
    crf = shipped_tagger()
    for sentence in kept:
        assert MIN_TOKENS <= len(sentence.tokens) <= MAX_TOKENS
        assert any(tag != "O" for tag in sentence.tags)
        assert crf(sentence.tokens) == sentence.tags
    assert len(agreed_sentences(iter(SILVER_TEXTS), wanted=1)) == 1


def test_silver_set_is_cached_and_read_back(tmp_path, monkeypatch):
    import marsad.train.ner_silver as silver

    monkeypatch.setattr(silver, "ant_texts", lambda held_out: iter(SILVER_TEXTS))
    monkeypatch.setattr(silver, "suspect_surnames", lambda: frozenset({"ترامب"}))
    built = silver.silver_sentences(5, tmp_path)
    assert (tmp_path / "silver_5.jsonl.gz").exists()
    monkeypatch.setattr(silver, "ant_texts", lambda held_out: iter([]))  # a second build would find nothing
    assert silver.silver_sentences(5, tmp_path) == built


def test_a_sentence_with_a_known_surname_left_untagged_is_suspect():
    from marsad.eval.ner import Sentence
    from marsad.train.ner_silver import has_untagged_surname

    surnames = frozenset({"ترامب"})
    missed = Sentence(["وقال", "ترامب", "إن"], ["O", "O", "O"])
    missed_with_clitic = Sentence(["وقال", "وترامب"], ["O", "O"])
    tagged = Sentence(["وقال", "ترامب", "إن"], ["O", "B-PER", "O"])
    assert has_untagged_surname(missed, surnames)
    assert has_untagged_surname(missed_with_clitic, surnames)
    assert not has_untagged_surname(tagged, surnames)
    assert not has_untagged_surname(missed, frozenset())


def test_kept_silver_set_is_valid_bio_with_entities():
    from marsad.eval.ner import spans
    from marsad.train.ner_silver import KEPT, KEPT_SIZE, silver_sentences

    assert KEPT.exists()
    kept = silver_sentences(KEPT_SIZE)
    assert len(kept) == KEPT_SIZE
    for sentence in kept:
        assert len(sentence.tokens) == len(sentence.tags)
        assert spans(sentence.tags)
        for previous, tag in zip(["O", *sentence.tags], sentence.tags, strict=False):
            assert not tag.startswith("I-") or previous[2:] == tag[2:]


def test_language_model_pretraining_moves_the_encoder_and_leaves_the_tag_layer():
    """--pretrain trains the letters and the LSTM on unlabelled windows; the tag scorer
    and the CRF are left for the tagging epochs."""
    torch = pytest.importorskip("torch")
    from marsad.train.ner_pretrain import pretrain

    tagger, model, _ = random_tagger(seed=5)
    before = {name: value.detach().clone() for name, value in model.state_dict().items()}
    windows = [["قال", "الرئيس", "ماكرون", "في", "باريس"], ["زار", "ماكرون", "باريس", "في", "الرئيس"]] * 8
    pretrain(torch, model, tagger.encoder, windows, minutes=1.0, word_dropout=0.0)
    after = model.state_dict()
    assert not torch.equal(before["lstm.weight_hh_l0"], after["lstm.weight_hh_l0"])
    assert not torch.equal(before["char_conv.weight"], after["char_conv.weight"])
    for name in ("out.weight", "crf.transitions", "vectors"):
        assert torch.equal(before[name], after[name])


@pytest.mark.skipif(not shipped_files_present(), reason="the shipped BiLSTM files are not in this checkout")
def test_cached_token_projections_score_as_projecting_afresh():
    """The projection cache gives each token the row a fresh projection would, across
    batches, when it fills and empties, and when one batch alone has more tokens than it holds."""
    from marsad.enrich.ner_neural import ProjectionCache, bilstm, shipped_neural_tagger, tag_scores

    tagger = shipped_neural_tagger()
    sentences = [
        ["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس"],
        ["وصل", "ماكرون", "إلى", "بيروت", "اليوم"],
        ["زار", "وزير", "الخارجية", "بيروت", "وباريس", "ودمشق"],
    ]
    w = tagger.weights

    def check(cache: ProjectionCache, group: list[list[str]]) -> None:
        encoded = [tagger.encoder.sentence(tokens) for tokens in group]
        inputs, lengths = cache.lstm_inputs(encoded)
        fresh = emissions(make_batch(encoded), w, tagger.vectors)
        np.testing.assert_allclose(tag_scores(bilstm(inputs, lengths, w), lengths, w), fresh, rtol=1e-5, atol=1e-5)

    cache = ProjectionCache(w, tagger.vectors, capacity=21)
    check(cache, sentences[:1])
    assert len(cache.slots) == 1 + 7  # padding and the sentence's tokens
    check(cache, sentences[:1])
    assert len(cache.slots) == 1 + 7, "seen tokens are not projected again"
    check(cache, sentences[1:2])
    assert len(cache.slots) == 1 + 7 + 4  # "ماكرون" was seen
    check(cache, sentences)  # 18 more tokens would not fit: the table empties first
    assert len(cache.slots) == 1 + 16
    small = ProjectionCache(w, tagger.vectors, capacity=10)
    check(small, sentences)  # one batch larger than the table
    assert not small.slots

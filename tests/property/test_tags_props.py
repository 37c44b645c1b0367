"""Tag splitting on hostile tag lines: clean unique tags, bounded time on giant lines."""

from __future__ import annotations

from hostile import ARABIC_LETTERS, BIDI, GIANT_INPUT_SECONDS, arabic_words, hostile_text, within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize
from marsad.extract.tags import MAX_GLUED_RUN, MAX_TAG_CHARS, clean_tags, split_glued

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
separators = st.sampled_from([" ", "، ", ",", " | ", "#", " - ", "\t", "  ", "؛", "/", "\u200f"])
tag_line = st.lists(st.one_of(arabic_words, hostile_text, separators), max_size=30).map("".join)


@FAST
@given(st.one_of(tag_line, hostile_text), st.one_of(st.none(), hostile_text))
def test_tags_are_clean_unique_and_bounded(raw, body):
    tags = clean_tags(raw, body)
    assert all(tag and tag == tag.strip() and len(tag) <= MAX_TAG_CHARS for tag in tags), tags
    keys = [normalize(tag) for tag in tags]
    assert len(set(keys)) == len(keys), "the same tag twice"


@FAST
@given(st.lists(arabic_words, min_size=1, max_size=8).map("".join))
def test_glued_split_only_cuts_never_changes_letters(run):
    parts = split_glued(run)
    assert all(parts)
    assert "".join(parts).replace(" ", "") == normalize(run, _surface()).replace(" ", "")


def _surface():
    from marsad.extract.tags import SURFACE

    return SURFACE


def test_giant_glued_run_is_fast():
    """Regression (atheris, tags target): the glued-tag search is quadratic-ish per run; a
    20,000-letter space-free run took ~7 s and a 1 MB one minutes. Runs over MAX_GLUED_RUN
    letters are kept whole."""
    for run in ("ب" * 20_000, "كتب" * 20_000):
        with within(GIANT_INPUT_SECONDS / 4, f"{len(run)}-letter run"):
            assert "".join(split_glued(run)).replace(" ", "") == run
    just_under = ("الحرب" + "غزة") * (MAX_GLUED_RUN // 16)
    assert len(just_under) <= MAX_GLUED_RUN
    assert len(split_glued(just_under)) > 1, "glued tags under the bound are still split"


def test_giant_tag_line_is_fast():
    """Regression (atheris, tags target): a 1 MB tag line of words took ~30 s; one that long
    gives no tags, and a normal line is unaffected."""
    words = "الكلمات المفتاحية: " + "الحرب غزة السودان " * 60_000
    glued = ARABIC_LETTERS * 30_000  # one 1 M-letter token that orthographic cues cut into short runs
    for name, line in (("1 MB tag line", words), ("1 M-letter glued token", glued)):
        with within(GIANT_INPUT_SECONDS / 4, name):
            assert clean_tags(line) == []
    assert clean_tags("الكلمات المفتاحية: الحرب، غزة، السودان") == ["الحرب", "غزة", "السودان"]


def test_bidi_controls_never_reach_a_tag():
    raw = f"\u202bالحرب{BIDI}، \u2067غزة\u2069، السودان\u200f"
    tags = clean_tags(raw)
    assert tags and not any(ch in BIDI for tag in tags for ch in tag), tags

"""Hypothesis strategies for hostile input: the shapes scraped pages and attackers deliver.

Shared by the property tests of readers, extraction, tags and dates (the atheris targets in
fuzz/ build the same shapes from fuzzer bytes, in fuzz/_inputs.py).
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from hypothesis import strategies as st

# Bidi and invisible format characters: embeddings/overrides, isolates, marks, zero-width, BOM.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\ufeff"
ARABIC_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئةى"
ARABIC_SENTENCE = "قال الرئيس في القاهرة يوم الأربعاء 25 يونيو 2025 إن المفاوضات مستمرة مع الوفد. "
LEGACY_ENCODINGS = ("utf-8", "cp1256", "iso8859_6", "utf-16", "utf-16-le", "utf-16-be")
# Wall-clock bound for one giant input in a test: far above what the code needs (well under a
# second each when the machine is idle), below the 20 s per-page limit, with room for a busy
# shared machine.
GIANT_INPUT_SECONDS = 15.0

arabic_words = st.text(alphabet=st.sampled_from(list(ARABIC_LETTERS)), min_size=1, max_size=12)
arabic_text = st.lists(arabic_words, min_size=1, max_size=40).map(" ".join)
bidi_laced = st.lists(
    st.one_of(arabic_words, st.sampled_from(list(BIDI)), st.sampled_from([" ", "\n", "\r\n", "\t"])),
    max_size=80,
).map("".join)
# Anything Unicode, including lone surrogates, controls and private-use characters.
any_text = st.text(max_size=300)
hostile_text = st.one_of(any_text, arabic_text, bidi_laced, arabic_text.map(lambda t: ARABIC_SENTENCE + t))
# Page-like text: several lines mixing all of the above.
hostile_page = st.lists(hostile_text, min_size=1, max_size=20).map("\n".join)


@contextmanager
def within(seconds: float, what: str):
    """Fail when the block takes longer than `seconds` (a hang, measured, not guessed)."""
    start = time.monotonic()
    yield
    took = time.monotonic() - start
    assert took < seconds, f"{what} took {took:.1f} s (bound {seconds} s)"

"""Fuzz Arabic normalisation (arabic/normalize.py): total, idempotent, never longer."""

import atheris
from _harness import instrumented, run

with instrumented():
    from _inputs import text_from

    from marsad.arabic.normalize import MATCHING, arabic_ratio, normalize, normalize_word, tokens


def test_one_input(data: bytes) -> None:
    if data[:1] == b"\x00":
        text = atheris.FuzzedDataProvider(data[1:]).ConsumeUnicode(4096)
    else:
        text = text_from(data)
    for options in (None, MATCHING):
        once = normalize(text, options) if options else normalize(text)
        again = normalize(once, options) if options else normalize(once)
        assert again == once, "normalising twice differs from once"
    assert 0.0 <= arabic_ratio(text) <= 1.0
    for token in tokens(text)[:50]:
        assert token and normalize_word(token) == token, token


if __name__ == "__main__":
    run(test_one_input)

"""Fuzz tag-line cleaning and glued-tag splitting (extract/tags.py)."""

import atheris
from _harness import instrumented, run

with instrumented():
    from _inputs import text_from

    from marsad.extract.tags import clean_tags, split_glued


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    raw = text_from(fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 2000)))
    body = text_from(fdp.ConsumeBytes(fdp.remaining_bytes())) if fdp.ConsumeBool() else None
    tags = clean_tags(raw, body)
    assert len(set(tags)) == len(tags), "duplicate tags"
    assert all(tag and tag == tag.strip() for tag in tags), tags
    for token in raw.split()[:20]:
        parts = split_glued(token)
        assert all(part for part in parts), parts


if __name__ == "__main__":
    run(test_one_input)

"""Fuzz the text segmenter and article cutter (extract/segment.py, extract/articles.py)."""

from _harness import instrumented, run

with instrumented():
    from _checks import check_extracted
    from _inputs import text_from

    from marsad.extract.articles import extract_text_page
    from marsad.extract.segment import segment
    from marsad.model import Page

ROLES = {
    "title", "body", "source", "tags", "read_also", "related", "related_inline", "navigation",
    "boilerplate", "date", "unknown", "short", "bullet", "byline", "author", "rule",
}


def test_one_input(data: bytes) -> None:
    text = text_from(data)
    blocks = segment(text)
    for block in blocks:
        assert block.text in text or block.text.strip() in text, "a block holds text not in the page"
    if not text.strip():
        return
    extracted = extract_text_page(Page(name="fuzz", kind="text", content=text))
    check_extracted(extracted)


if __name__ == "__main__":
    run(test_one_input)

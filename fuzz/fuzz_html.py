"""Fuzz HTML extraction (extract/html.py): broken, deeply nested and bidi-laced markup."""

from _harness import instrumented, run

with instrumented():
    from _checks import check_extracted
    from _inputs import html_from

    from marsad.extract.html import extract_html
    from marsad.model import Page


def test_one_input(data: bytes) -> None:
    html = html_from(data)
    if not html.strip():
        return
    check_extracted(extract_html(Page(name="fuzz.html", kind="html", content=html, url=None)))


if __name__ == "__main__":
    run(test_one_input)

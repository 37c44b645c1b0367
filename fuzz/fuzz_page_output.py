"""Fuzz the page-output writer (ExtractedPage.to_dict and its JSON) with arbitrary field values."""

import atheris
from _harness import instrumented, run

with instrumented():
    from _checks import check_extracted
    from _inputs import text_from

    from marsad.model import Article, Entity, Event, ExtractedPage, Page, Quote


def field(fdp: atheris.FuzzedDataProvider, size: int = 80) -> str:
    return text_from(fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, size)))


def article(fdp: atheris.FuzzedDataProvider) -> Article:
    return Article(
        role=field(fdp, 8),
        title=field(fdp) if fdp.ConsumeBool() else None,
        text=field(fdp, 400),
        source=field(fdp, 20) or None,
        published=field(fdp, 12) or None,
        tags=[field(fdp, 20) for _ in range(fdp.ConsumeIntInRange(0, 3))],
        entities=[Entity(field(fdp, 20), "PER", [field(fdp, 20)])],
        quotes=[Quote(field(fdp, 20) or None, field(fdp, 60), fdp.ConsumeBool())],
        events=[Event("meet", [field(fdp, 20)], duration_minutes=fdp.ConsumeFloat())],
    )


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    page = Page(name=field(fdp, 30), kind="text", content=field(fdp, 200), url=field(fdp, 40) or None)
    articles = [article(fdp) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    extracted = ExtractedPage(page=page, articles=articles, related_headlines=[field(fdp, 40)])
    try:
        check_extracted(extracted)
    except AssertionError:
        # NaN never equals itself after a JSON round trip; everything else must.
        if not any(e.duration_minutes != e.duration_minutes for a in articles for e in a.events):
            raise


if __name__ == "__main__":
    run(test_one_input)

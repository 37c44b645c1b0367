"""Fuzz date parsing (extract/dates.py, extract/relative_dates.py): valid ISO days or nothing."""

from datetime import date

import atheris
from _harness import instrumented, run

with instrumented():
    from _inputs import text_from

    from marsad.extract.dates import find_date
    from marsad.extract.relative_dates import find_dates


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    reference = fdp.ConsumeUnicodeNoSurrogates(12) if fdp.ConsumeBool() else "2025-06-25"
    planned = fdp.ConsumeBool()
    text = text_from(fdp.ConsumeBytes(fdp.remaining_bytes()))
    found = find_date(text)
    if found is not None:
        date.fromisoformat(found)
    previous_end = 0
    for mention in find_dates(text, reference, planned=planned):
        assert previous_end <= mention.start < mention.end <= len(text), mention
        previous_end = mention.end
        if mention.date is not None:
            date.fromisoformat(mention.date)


if __name__ == "__main__":
    run(test_one_input)

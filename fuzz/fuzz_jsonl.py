"""Fuzz JSONL reading (readers/jsonl.py and stdin sniffing): any line gives a page or a reason."""

import io
import json

import atheris
from _harness import instrumented, run

with instrumented():
    from _checks import check_read_result
    from _inputs import text_from

    from marsad.readers import read_stream
    from marsad.readers.jsonl import read_jsonl

KEYS = ("text", "html", "url", "date", "source", "id", "name")


def structured(data: bytes) -> str:
    """JSONL lines of objects with fuzzed keys and values of any JSON type (escapes included)."""
    fdp = atheris.FuzzedDataProvider(data)
    lines = []
    for _ in range(fdp.ConsumeIntInRange(1, 5)):
        record = {}
        for _ in range(fdp.ConsumeIntInRange(0, 4)):
            key = KEYS[fdp.ConsumeIntInRange(0, len(KEYS) - 1)]
            kind = fdp.ConsumeIntInRange(0, 4)
            record[key] = (
                fdp.ConsumeUnicode(200) if kind == 0
                else fdp.ConsumeInt(4) if kind == 1
                else [fdp.ConsumeUnicode(20)] if kind == 2
                else None if kind == 3
                else {"x": fdp.ConsumeUnicode(20)}
            )
        lines.append(json.dumps(record, ensure_ascii=fdp.ConsumeBool()))
    return "\n".join(lines)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    text = structured(data[1:]) if data[0] % 2 else text_from(data[1:])
    lines = [line for line in io.StringIO(text) if line.strip()]
    results = list(read_jsonl(io.StringIO(text), "fuzz.jsonl"))
    assert len(results) == len(lines), "one page or one rejection per non-blank line"
    for item in results:
        check_read_result(item)
    for item in read_stream(io.BytesIO(text.encode("utf-8", "surrogatepass")), "stdin"):
        check_read_result(item)


if __name__ == "__main__":
    run(test_one_input)

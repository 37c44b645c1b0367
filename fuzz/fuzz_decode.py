"""Fuzz bytes -> text decoding (readers/decode.py): any bytes give text or a reasoned rejection."""

from _harness import instrumented, run

with instrumented():
    from _checks import storable
    from _inputs import bytes_from

    from marsad.errors import PageRejected
    from marsad.readers.decode import decode_bytes


def test_one_input(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(bytes_from(data), "fuzz")
    except PageRejected:
        return
    storable(text)
    assert encoding


if __name__ == "__main__":
    run(test_one_input)

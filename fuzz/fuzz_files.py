"""Fuzz file reading (readers/files.py): .txt/.html/.gz bytes, broken gzip and gzip bombs."""

import gzip
from functools import cache

from _harness import instrumented, run

with instrumented():
    from _checks import check_read_result
    from _inputs import bytes_from, gzip_bomb

    from marsad.errors import PageRejected
    from marsad.readers.files import page_from_bytes

NAMES = ("page.txt", "page.html", "page.txt.gz", "page.html.gz", "noext", "page.gz")


@cache
def bomb(ratio_byte: int) -> bytes:
    return gzip_bomb(ratio_byte)


def payload(data: bytes, name: str) -> bytes:
    if not name.endswith(".gz") or not data:
        return bytes_from(data)
    mode, rest = data[0] % 4, data[1:]
    if mode == 0:
        return gzip.compress(bytes_from(rest))
    if mode == 1:
        return bomb(rest[0] if rest else 0)
    if mode == 2:
        return gzip.compress(bytes_from(rest))[: max(1, len(rest))]  # truncated stream
    return rest  # not gzip at all


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        page = page_from_bytes(payload(data[1:], name), name)
    except PageRejected as rejected:
        page = rejected
    check_read_result(page)


if __name__ == "__main__":
    run(test_one_input)

"""Fuzz WARC/WET reading (readers/warc.py): malformed records, lying lengths, broken gzip."""

import gzip
import io

import atheris
from _harness import instrumented, run

with instrumented():
    from _checks import check_read_result
    from _inputs import bytes_from

    from marsad.readers.warc import read_warc

RECORD_TYPES = (b"response", b"conversion", b"resource", b"request", b"warcinfo", b"\xff")


def record(fdp: atheris.FuzzedDataProvider) -> bytes:
    """One WARC record whose type, lengths, headers and payload are fuzzed."""
    body = bytes_from(fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 4000)))
    rec_type = RECORD_TYPES[fdp.ConsumeIntInRange(0, len(RECORD_TYPES) - 1)]
    if rec_type == b"response" and fdp.ConsumeBool():
        status = fdp.ConsumeBytes(6) or b"200 OK"
        body = b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html\r\n\r\n" + body
    declared = len(body) + fdp.ConsumeIntInRange(-50, 50) * fdp.ConsumeIntInRange(0, 1)
    headers = [
        b"WARC/1.0",
        b"WARC-Type: " + rec_type,
        b"WARC-Record-ID: <urn:uuid:" + fdp.ConsumeBytes(12).hex().encode() + b">",
        b"WARC-Target-URI: " + fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 60)),
        b"WARC-Date: " + fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 25)),
        b"Content-Length: " + (str(declared).encode() if fdp.ConsumeBool() else fdp.ConsumeBytes(4)),
    ]
    raw = b"\r\n".join(headers) + b"\r\n\r\n" + body + b"\r\n\r\n"
    return gzip.compress(raw) if fdp.ConsumeBool() else raw


def archive(data: bytes) -> bytes:
    if data and data[0] % 4 == 0:
        return data[1:]  # raw bytes as an archive
    fdp = atheris.FuzzedDataProvider(data[1:])
    out = b"".join(record(fdp) for _ in range(fdp.ConsumeIntInRange(1, 4)))
    cut = fdp.ConsumeIntInRange(0, len(out))
    return out[:cut] if fdp.ConsumeBool() else out  # an archive cut mid-record


def test_one_input(data: bytes) -> None:
    for item in read_warc(io.BytesIO(archive(data)), "fuzz.warc"):
        check_read_result(item)


if __name__ == "__main__":
    run(test_one_input)

"""Encoding detection and the refusal of inputs that are not articles."""

from __future__ import annotations

import codecs

import pytest

from rasad.errors import IngestError
from rasad.ingest.decode import decode_bytes

TEXT = "وزیر امور خارجه روز دوشنبه در تهران گفت که گفت‌وگوها ادامه دارد."
# Windows-1256 has no Persian yeh (U+06CC): Persian text in it uses the Arabic one.
AS_CP1256 = TEXT.translate({0x6CC: 0x64A})


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
        AS_CP1256.encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "windows-1256"],
)
def test_encodings_are_detected(data: bytes) -> None:
    out = decode_bytes(data, "x.txt")
    assert out.translate({0x64A: 0x6CC}) == TEXT


def test_cp1256_keeps_persian_letters() -> None:
    out = decode_bytes("پيام گزارش چهارشنبه گفت‌وگو".encode("cp1256"), "x.txt")
    assert out == "پيام گزارش چهارشنبه گفت‌وگو"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_bad_inputs_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as e:
        decode_bytes(data, "bad.bin")
    assert reason in e.value.reason


def test_oversized_input_is_refused() -> None:
    with pytest.raises(IngestError, match="too large"):
        decode_bytes(TEXT.encode() * 10, "big.txt", max_bytes=100)

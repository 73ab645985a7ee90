"""Turning bytes into text: BOMs, UTF-16, Windows-1256, and clear refusals.

    >>> decode_bytes("سلام".encode("cp1256"), "a.txt")[:4]
    'سلام'
"""

from __future__ import annotations

import codecs
import re

from rasad.errors import IngestError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # one article over 20 MB is not an article

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL for ASCII, or 0x06 for Arabic script."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, hi in (("utf-16-le", odd), ("utf-16-be", even)):
        share = sum(1 for b in hi if b in (0x00, 0x06, 0x20, 0xFB, 0xFE)) / max(1, len(hi))
        if share > 0.9:
            return codec
    return None


def _is_binary(data: bytes) -> bool:
    if b"\x00" in data:  # anywhere: a text file padded or followed by binary data is not an article
        return True
    sample = data[:8192]
    bad = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bad > max(4, len(sample) // 100)


def decode_bytes(data: bytes, name: str = "<input>", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode an article's bytes or raise :class:`IngestError` with the reason.

    Order: size and emptiness checks, byte-order marks, BOM-less UTF-16, strict
    UTF-8, then Windows-1256 (the Arabic-script code page of older Persian sites),
    checked with charset-normalizer before it is trusted.
    """
    if len(data) > max_bytes:
        raise IngestError(f"file too large ({len(data):,} bytes; limit {max_bytes:,})", name)
    if not data.strip():
        raise IngestError("empty file", name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), name)
            except UnicodeDecodeError as e:
                raise IngestError(f"undecodable {codec} text: {e.reason}", name) from None
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return _check_text(data.decode(utf16), name)
        except UnicodeDecodeError:
            pass
    if _is_binary(data):
        raise IngestError("binary file, not text", name)
    try:
        return _check_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _ARABIC_SCRIPT.search(text):
        return _check_text(text, name)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError("unknown text encoding", name)
    text = str(best)
    if not _ARABIC_SCRIPT.search(text):  # a guess (cp1257, latin-1, ...) that yields no Persian is mojibake
        raise IngestError(
            f"not Persian text: neither UTF-8 nor Windows-1256, and no Arabic-script letters as {best.encoding}",
            name,
        )
    return _check_text(text, name)


def _check_text(text: str, name: str) -> str:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise IngestError("empty file", name)
    if "\x00" in text:
        raise IngestError("binary content (NUL characters), not text", name)
    if len(_CONTROL.findall(text)) > max(4, len(text) // 100):
        raise IngestError("binary content (control characters), not text", name)
    return text

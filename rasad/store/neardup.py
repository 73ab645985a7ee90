"""Near-duplicate articles: copies of one wire story, found at ingest.

Each article's normalized search form is cut into word 4-shingles; its *sketch* is the
:data:`K` smallest 63-bit hashes of them (a bottom-k MinHash).  Articles sharing at least
:data:`MIN_SHARED` sketch hashes are candidates; the Jaccard similarity of the shingle sets is
estimated from the bottom-k of the union of the two sketches, and at :data:`THRESHOLD` or more
the new article joins the candidate's *story* (``articles.story_id``, the first article of it).
A merged event then counts distinct stories as its ``sources``, not the copies.

    >>> a = sketch(" ".join(f"w{i}" for i in range(80)))
    >>> b = sketch(" ".join(f"w{i}" for i in range(78)) + " x y")
    >>> jaccard(a, b) > 0.8
    True
"""

from __future__ import annotations

import zlib

SHINGLE = 4
K = 64
MIN_SHINGLES = 12  # shorter texts (a headline, a one-line brief) get no sketch: too little to tell copies
MIN_SHARED = 8
THRESHOLD = 0.7


_MASK = (1 << 63) - 1
# odd 63-bit multipliers combining the word hashes of a shingle (position matters)
_MULT = (0x5BD1E9955BD1E995, 0x27D4EB2F165667C5, 0x165667B19E3779F9, 0x1B873593CC9E2D51)


def _word(w: str) -> int:
    return zlib.crc32(w.encode("utf-8")) | (zlib.adler32(w.encode("utf-8")) << 32)


def _words(form: str) -> list[int]:
    """:func:`_word` of every word of ``form`` (each word encoded once, the checksums mapped in C)."""
    enc = [w.encode("utf-8") for w in form.split()]
    return [c | (a << 32) for c, a in zip(map(zlib.crc32, enc), map(zlib.adler32, enc), strict=True)]


def sketch(form: str) -> list[int]:
    """The bottom-k hashes of the text's word shingles (``[]`` for a very short text).

    A shingle's hash is ``(a*m0 + b*m1 + c*m2 + d*m3) mod 2**63`` over its four word hashes;
    with numpy it is computed on unsigned 64-bit arrays (their wrap-around is mod 2**64, and
    2**63 divides it, so the masked values are the same integers).
    """
    m0, m1, m2, m3 = _MULT
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is a dependency; the plain form is the reference
        words = _words(form)
        if len(words) - SHINGLE + 1 < MIN_SHINGLES:
            return []
        hashes = {
            (a * m0 + b * m1 + c * m2 + d * m3) & _MASK
            for a, b, c, d in zip(words, words[1:], words[2:], words[3:], strict=False)
        }
        return sorted(hashes)[:K]
    enc = [w.encode("utf-8") for w in form.split()]
    n = len(enc) - SHINGLE + 1
    if n < MIN_SHINGLES:
        return []
    w = np.array(list(map(zlib.crc32, enc)), dtype=np.uint64)
    w |= np.array(list(map(zlib.adler32, enc)), dtype=np.uint64) << np.uint64(32)
    h = w[:n] * np.uint64(m0) + w[1 : n + 1] * np.uint64(m1) + w[2 : n + 2] * np.uint64(m2) + w[3:] * np.uint64(m3)
    h &= np.uint64(_MASK)
    return [int(x) for x in np.unique(h)[:K].tolist()]


def jaccard(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets from their sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[: min(K, len(sa | sb))]
    both = sa & sb
    return sum(1 for x in union if x in both) / len(union)

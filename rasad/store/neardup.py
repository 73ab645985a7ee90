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


def sketch(form: str) -> list[int]:
    """The bottom-k hashes of the text's word shingles (``[]`` for a very short text)."""
    words = [_word(w) for w in form.split()]
    n = len(words) - SHINGLE + 1
    if n < MIN_SHINGLES:
        return []
    m0, m1, m2, m3 = _MULT
    hashes = {
        (a * m0 + b * m1 + c * m2 + d * m3) & _MASK
        for a, b, c, d in zip(words, words[1:], words[2:], words[3:], strict=False)
    }
    return sorted(hashes)[:K]


def jaccard(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets from their sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[: min(K, len(sa | sb))]
    both = sa & sb
    return sum(1 for x in union if x in both) / len(union)

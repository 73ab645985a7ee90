"""Word folding and the tagger's feature templates (shared by training and tagging).

>>> fold("مي‌كنند")
'می\u200cکنند'
>>> shape("۱۴۰۳")
'd'
"""

from __future__ import annotations

import re

_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ۀ": "ه", "ة": "ه", "\u200f": None, "\u200e": None})
_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")
_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_LATIN = re.compile(r"[A-Za-z]")

ZWNJ = "\u200c"


def fold(word: str) -> str:
    """The lookup key of a word: Persian letters, no diacritics."""
    return _DIACRITICS.sub("", word.translate(_FOLD))


def shape(word: str) -> str:
    """A coarse shape class: ``d`` digits, ``l`` Latin, ``p`` punctuation, ``w`` a Persian word."""
    if _DIGIT.search(word):
        return "d"
    if _LATIN.search(word):
        return "l"
    if not any(ch.isalpha() for ch in word):
        return "p"
    return "w"


def token_features(words: list[str], i: int, prev: str, prev2: str, next_cls: str) -> list[str]:
    """Feature strings of word ``i`` given the two previous tags and the next word's ambiguity class."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else "</s>"
    prv = words[i - 1] if i > 0 else "<s>"
    bare = w.replace(ZWNJ, "")
    return [
        "b",
        "w=" + w,
        "s1=" + bare[-1:],
        "s2=" + bare[-2:],
        "s3=" + bare[-3:],
        "p2=" + bare[:2],
        "p3=" + bare[:3],
        "z=" + ("1" if ZWNJ in w else "0") + shape(w),
        "t=" + prev,
        "tt=" + prev + "|" + prev2,
        "pw=" + prv,
        "nw=" + nxt,
        "nc=" + next_cls,
        "tw=" + prev + "|" + w,
        "ns3=" + nxt.replace(ZWNJ, "")[-3:],
    ]

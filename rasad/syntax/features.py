"""Word folding and the tagger's feature templates (shared by training and tagging).

>>> fold("مي‌كنند")
'می\u200cکنند'
>>> shape("۱۴۰۳")
'd'
"""

from __future__ import annotations

import re
from functools import lru_cache

_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ك": "ک",
        "ى": "ی",
        "ۀ": "ه",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "ؤ": "و",
        "\u200f": None,
        "\u200e": None,
    }
    | {chr(c): None for c in range(0x064B, 0x0653)}
    | {"\u0670": None}
)
_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_LATIN = re.compile(r"[A-Za-z]")

ZWNJ = "\u200c"


def fold(word: str) -> str:
    """The lookup key of a word: Persian letters, no diacritics."""
    return word.translate(_FOLD)


@lru_cache(maxsize=1 << 16)  # pure; asked for a new word by the lexicon check and by the perceptron
def shape(word: str) -> str:
    """A coarse shape class: ``d`` digits, ``l`` Latin, ``p`` punctuation, ``w`` a Persian word."""
    if _DIGIT.search(word):
        return "d"
    if _LATIN.search(word):
        return "l"
    if not any(ch.isalpha() for ch in word):
        return "p"
    return "w"


def word_features(w: str, treebank: str = "perdt", hazm: str = "") -> list[str]:
    """Features of the word alone (cacheable per word): ``treebank`` lets the model learn the
    annotation conventions of the two UD treebanks apart (run time uses PerDT's), ``hazm`` is the
    word's tag set in hazm's lexicon (``N,AJ``; empty when unknown)."""
    bare = w.replace(ZWNJ, "")
    return [
        "tb=" + treebank,
        "tbw=" + treebank + "|" + w,
        "tbs=" + treebank + "|" + bare[-2:],
        "hz=" + hazm,
        "b",
        "w=" + w,
        "s1=" + bare[-1:],
        "s2=" + bare[-2:],
        "s3=" + bare[-3:],
        "p2=" + bare[:2],
        "p3=" + bare[:3],
        "z=" + ("1" if ZWNJ in w else "0") + shape(w) + str(min(len(bare), 6)),
    ]


def context_features(w: str, prev: str, next_cls: str) -> list[str]:
    """Features of the context: the previous tag and the next word's ambiguity class."""
    return pair_features(prev, next_cls) + [word_context_feature(w, prev)]


def pair_features(prev: str, next_cls: str) -> list[str]:
    """The context features that do not depend on the word (the first ones, in order)."""
    return ["t=" + prev, "nc=" + next_cls, "tn=" + prev + "|" + next_cls]


def word_context_feature(w: str, prev: str) -> str:
    """The last context feature: the previous tag with the word."""
    return "tw=" + prev + "|" + w


def token_features(
    words: list[str], i: int, prev: str, next_cls: str, treebank: str = "perdt", hazm: str = ""
) -> list[str]:
    """All feature strings of word ``i``."""
    return word_features(words[i], treebank, hazm) + context_features(words[i], prev, next_cls)

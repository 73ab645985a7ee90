"""Tokenization of ``Article.text`` into words, numbers and punctuation (offsets kept).

A ZWNJ joins the parts of one word (``می‌روند``, ``کشورهای``); a plural, indefinite or
superlative suffix written apart (``کشور ها``, ``نامه ای``, ``بزرگ ترین``) is joined back
to its word, like UD's tokenization.

    >>> [t for _, _, t in tokenize("آن‌ها می‌گویند: ۲.۵ درصد بزرگ ترین است.")]
    ['آن\u200cها', 'می\u200cگویند', ':', '۲.۵', 'درصد', 'بزرگ ترین', 'است', '.']
"""

from __future__ import annotations

import re

_MARKS = "\u064b-\u065f\u0670"
TOKEN_RX = re.compile(
    r"[0-9۰-۹٠-٩]+(?:[.,/٫٬:][0-9۰-۹٠-٩]+)*%?"  # numbers, dates, times
    rf"|(?:[^\W\d_]|[{_MARKS}])(?:[\w{_MARKS}]|\u200c(?=[\w{_MARKS}]))*"  # words (ZWNJ inside)
    r"|[^\w\s\u200c]"  # one punctuation mark
)
#: suffixes that belong to the previous word even when written apart
DETACHED_SUFFIXES = frozenset(
    ["ها", "های", "هایی", "هایش", "هایشان", "هایمان", "ای", "ترین", "تر", "تری", "ترینِ", "هاست"]
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of the tokens of ``text[start:end]`` (offsets into ``text``).

    Each token's offset is found with ``str.find`` from the previous token's end: a character
    that can start a token always starts a match, so only characters that cannot start one
    (spaces, lone ZWNJs, ``_``) lie between tokens and the first occurrence is the token.
    """
    words = TOKEN_RX.findall(text, start, len(text) if end is None else end)
    if not words:
        return []
    find = text.find
    toks: list[tuple[int, int, str]] = []
    pos = start
    for w in words:
        s = find(w, pos)
        pos = s + len(w)
        toks.append((s, pos, w))
    if DETACHED_SUFFIXES.isdisjoint(words):
        return toks
    out: list[tuple[int, int, str]] = []
    for s, e, w in toks:
        if (
            out
            and w in DETACHED_SUFFIXES
            and s == out[-1][1] + 1
            and text[out[-1][1]] == " "
            and out[-1][2][-1:].isalpha()
        ):
            ps = out[-1][0]
            out[-1] = (ps, e, text[ps:e])
            continue
        out.append((s, e, w))
    return out

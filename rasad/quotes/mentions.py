"""Speaker candidates of an article: entity mentions, their index, and word helpers.

>>> fold("می گوید") == fold("می\u200cگوید")
True
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rasad.model import Article, Entity
from rasad.quotes.lexicon import ZWNJ

SPEAKER_TYPES = ("PER", "ORG", "GPE")
Word = tuple[int, int, str, str]  # start, end, word as written, folded
WORD_RE = re.compile(r"[^\s،,؛:.!?؟«»\"“”()\[\]]+")


_FOLD = str.maketrans({ZWNJ: None, " ": None, "أ": "ا", "ۀ": "ه", "\u0654": None})


def fold(s: str) -> str:
    """Comparison key: no ZWNJ or spaces, ``أ`` → ``ا``, ``ۀ``/``هٔ`` → ``ه``.

    >>> fold("می گوید") == fold("می\u200cگوید")
    True
    """
    return s.translate(_FOLD)


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: English ``name``, optional entity ``id``, Persian surface ``fa``."""

    name: str
    fa: str
    id: str | None = None
    type: str | None = None  # entity type, "ANON" or None for an unlinked surface


@dataclass(frozen=True)
class Cand:
    """An entity mention usable as a speaker."""

    start: int
    end: int
    entity: Entity
    text: str


def candidates(doc: Article) -> list[Cand]:
    """Mentions of PER/ORG/GPE entities (not adjectives), outermost first, by offset."""
    raw: list[Cand] = []
    for e in doc.entities:
        if e.type not in SPEAKER_TYPES:
            continue
        for m in e.mentions:
            if m.source == "adjective" or m.end <= m.start:
                continue
            raw.append(Cand(m.start, m.end, e, doc.text[m.start : m.end]))
    raw.sort(key=lambda c: (c.start, -c.end))
    out: list[Cand] = []
    last_end = -1
    for c in raw:
        if c.start < last_end:
            continue  # nested inside a longer mention (اوکراین in نیروی هوایی اوکراین)
        out.append(c)
        last_end = c.end
    return out


class MentionIndex:
    """Binary-searchable speaker candidates of one article."""

    def __init__(self, cands: list[Cand]) -> None:
        self.cands = cands
        self.starts = [c.start for c in cands]

    def within(self, start: int, end: int) -> list[Cand]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.cands) and self.cands[i].start < end:
            if self.cands[i].end <= end:
                out.append(self.cands[i])
            i += 1
        return out

    def ending_at(self, end: int) -> Cand | None:
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.cands[i].end >= end - 40:
            if self.cands[i].end == end:
                return self.cands[i]
            i -= 1
        return None

    def starting_at(self, start: int) -> Cand | None:
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.cands) and self.cands[i].start == start:
            return self.cands[i]
        return None


def words(text: str, start: int, end: int) -> list[Word]:
    """Words of ``text[start:end]`` as ``(start, end, word, folded word)``."""
    return [
        (m.start(), m.end(), m.group(), m.group().translate(_FOLD))
        for m in WORD_RE.finditer(text, start, end)
    ]


__all__ = ["SPEAKER_TYPES", "Cand", "MentionIndex", "Speaker", "Word", "candidates", "fold", "words"]

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
from rasad.spans import SpanIndex

SPEAKER_TYPES = ("PER", "ORG", "GPE")
Word = tuple[int, int, str, str]  # start, end, word as written, folded
WORD_RE = re.compile(r"[^\s،,؛:.!?؟«»\"“”()\[\]]+")


# Hamza seats are spelled both ways in Persian news (`رئیس`/`رییس`, `مسؤول`/`مسوول`, `نائب`/`نایب`):
# ئ folds to ی and ؤ to و.
_FOLD = str.maketrans({ZWNJ: None, " ": None, "أ": "ا", "ۀ": "ه", "\u0654": None, "ئ": "ی", "ؤ": "و"})


def fold(s: str) -> str:
    """Comparison key: no ZWNJ or spaces, ``أ`` → ``ا``, ``ۀ``/``هٔ`` → ``ه``, ``ئ`` → ``ی``, ``ؤ`` → ``و``.

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
    source: str = "gazetteer"  # the mention's source: a ``title`` names an office, not a name


def candidates(doc: Article) -> list[Cand]:
    """Mentions of PER/ORG/GPE entities (not adjectives), outermost first, by offset."""
    raw: list[Cand] = []
    for e in doc.entities:
        if e.type not in SPEAKER_TYPES:
            continue
        for m in e.mentions:
            if m.source == "adjective" or m.end <= m.start:
                continue
            raw.append(Cand(m.start, m.end, e, doc.text[m.start : m.end], m.source))
    raw.sort(key=lambda c: (c.start, -c.end))
    out: list[Cand] = []
    last_end = -1
    for c in raw:
        if c.start < last_end:
            continue  # nested inside a longer mention (اوکراین in نیروی هوایی اوکراین)
        out.append(c)
        last_end = c.end
    return out


class MentionIndex(SpanIndex[Cand]):
    """Binary-searchable speaker candidates of one article."""

    def __init__(self, cands: list[Cand]) -> None:
        super().__init__(cands)
        self.cands = cands

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
        (m.start(), m.end(), w := m.group(), w.translate(_FOLD))
        for m in WORD_RE.finditer(text, start, end)
    ]


COMMA = re.compile(r"[،,]")
_SEG = re.compile(r"[،,]|\s[-–—]\s")


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` between commas (and spaced dashes: a dateline
    ``گروه بین‌الملل خبرگزاری X - دولت آمریکا اعلام کرد``)."""
    segs: list[tuple[int, int]] = []
    s = start
    for m in _SEG.finditer(text, start, end):
        segs.append((s, m.start()))
        s = m.end()
    segs.append((s, end))
    return segs


APPOS_AFTER = re.compile(r"»?\s*[،,]\s*([^،,.:\n«»]{2,80}?)\s*(?=[،,.:\n]|$)")
OBJECT_RA = re.compile(r"»?\s*را(?![\w\u200c])")
APPOS_BARE = re.compile(r"»?\s+([^،,.:\n«»\s][^،,.:\n«»]{1,79})")
APPOS_BEFORE = re.compile(r"([^،,.:\n«»]{2,80})[،,]\s*$")
_TITLE_STOP = {"امور", "و", "این", "آن", "کشور", "نیز"}


def title_tokens(phrase: str) -> frozenset[str]:
    """Content words of a title, folded (``وزیر امور خارجه روسیه`` → وزیر، خارجه، روسیه)."""
    out = set()
    for w in WORD_RE.findall(phrase):
        f = fold(w)
        if f in _TITLE_STOP:
            continue
        if f.endswith("ی") and len(f) > 3:
            f = f[:-1]
        out.add(f)
    return frozenset(out)


def title_head(phrase: str) -> str:
    """The head word of a title (``سخنگوی وزارت خارجه`` → سخنگوی), folded."""
    ws = [fold(w) for w in WORD_RE.findall(phrase) if fold(w) not in _TITLE_STOP]
    return ws[0] if ws else ""


def join_and(items: list[str]) -> list[str]:
    """``[a, b, c]`` → ``["a, b and c"]``."""
    if len(items) <= 1:
        return items
    return [", ".join(items[:-1]) + " and " + items[-1]]


__all__ = [
    "APPOS_AFTER",
    "APPOS_BARE",
    "APPOS_BEFORE",
    "OBJECT_RA",
    "SPEAKER_TYPES",
    "Cand",
    "MentionIndex",
    "Speaker",
    "Word",
    "candidates",
    "fold",
    "join_and",
    "segments",
    "title_head",
    "title_tokens",
    "words",
]

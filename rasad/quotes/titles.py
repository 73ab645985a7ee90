"""Titles that stand for a named person.

* ``امیر خواجه‌فرد``، ``سردار قاآنی``: a title right before a name is that person, also when
  the entity stage linked only the full name elsewhere (the bare surname matches it);
* a bare title the entity stage linked by the article's dominant country
  (``وزیر امور خارجه`` with no country or name inside) is only a guess: the resolver
  prefers the person named with the title, then the salient person.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from rasad.model import Article
from rasad.quotes.mentions import Cand, Speaker, Word, fold

if TYPE_CHECKING:
    from rasad.quotes.speaker import Resolver


class Inner:
    """Every entity mention of an article by offset, to tell a bare title (``وزیر امور
    خارجه``) from a qualified one (``وزیر امور خارجه روسیه``) with a binary search."""

    def __init__(self, doc: Article) -> None:
        spans = sorted((m.start, m.end, id(e)) for e in doc.entities for m in e.mentions)
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def bare(self, c: Cand) -> bool:
        """Is ``c`` a mention with no mention of another entity inside?"""
        i = bisect.bisect_left(self.starts, c.start)
        while i < len(self.spans) and self.spans[i][0] < c.end:
            s, e, eid = self.spans[i]
            if e <= c.end and eid != id(c.entity):
                return False
            i += 1
        return True


def surnames(cands: list[Cand]) -> dict[str, Cand]:
    """The last word of each person's name as written (not a title), folded → the mention."""
    out: dict[str, Cand] = {}
    for c in cands:
        if c.entity.type == "PER" and c.source != "title" and c.text.split():
            out.setdefault(fold(c.text.split()[-1]), c)
    return out


def title_then_name(res: Resolver, ws: list[Word], i: int) -> tuple[Speaker, int] | None:
    """A title at word ``i`` followed within two words by a person's name → that person."""
    t = res._match(ws, i, res.titles)
    if t is None:
        return None
    for j in range(i + t[0], min(len(ws), i + t[0] + 2)):
        c = res.index.starting_at(ws[j][0])
        if c is not None:
            return (res.speaker_of(c), c.end) if c.entity.type == "PER" else None
        w = ws[j][3]
        if w in res.preps or w in res.skip_words:
            return None
        cand = res.surnames().get(w)  # the bare surname of a person named in full elsewhere
        if cand is not None:
            return res.speaker_of(cand), ws[j][1]
    return None

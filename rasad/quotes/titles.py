"""Titles that stand for a named person.

* ``امیر خواجه‌فرد``، ``سردار قاآنی``: a title right before a name is that person, also when
  the entity stage linked only the full name elsewhere (the bare surname matches it);
* a bare title the entity stage linked by the article's dominant country
  (``وزیر امور خارجه`` with no country or name inside) is only a guess: the resolver
  prefers the person named with the title, then the salient person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasad.model import Article
from rasad.quotes.mentions import Cand, Speaker, Word, fold

if TYPE_CHECKING:
    from rasad.quotes.speaker import Resolver


def bare_title(doc: Article, c: Cand) -> bool:
    """Is ``c`` a title mention with no other entity (a country, an organization) inside?"""
    for e in doc.entities:
        if e is c.entity:
            continue
        for m in e.mentions:
            if c.start <= m.start and m.end <= c.end:
                return False
    return True


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
        for cand in res.index.cands:  # the bare surname of a person named in full elsewhere
            if cand.entity.type == "PER" and cand.source != "title" and fold(cand.text.split()[-1]) == w:
                return res.speaker_of(cand), ws[j][1]
    return None

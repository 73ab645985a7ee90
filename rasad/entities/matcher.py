"""Aho-Corasick matching of gazetteer aliases and role titles over normalized text.

The automaton holds every alias in its folded spelling (see
:func:`rasad.entities.gazetteer.fold`) with ZWNJ, space and no-space variants.
Matches must sit on word boundaries (a Persian letter or ZWNJ may not touch
either side), except that a ZWNJ-joined suffix (``‌ها``, ``‌ای``, ``‌ی``) may
follow.  Among overlapping matches the longest wins::

    >>> from rasad.entities.gazetteer import Gazetteer
    >>> m = Matcher(Gazetteer.default())
    >>> [(h.text, h.kind) for h in m.names("وزارت امور خارجه روسیه اعلام کرد")]
    [('وزارت امور خارجه روسیه', 'name')]
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

import ahocorasick

from rasad.entities.gazetteer import ZWNJ, Alias, GazEntry, Gazetteer, Role, fold

# suffixes a name may carry after a ZWNJ without changing what it names
ZWNJ_SUFFIXES = ("های", "هایی", "ها", "ای", "ی", "یی")


_NON_WORD = re.compile(r"[^\w\u200c]")
# a ZWNJ after a letter that does not join leftwards is invisible (حشد‌الشعبی = حشدالشعبی):
# it separates the words like a space
_IDLE_ZWNJ = re.compile("(?<=[اآأإدذرزژوؤةء])\u200c")
_NON_WORD_NOT_SPACE = re.compile(r"[^\w\u200c ]")
_COMMON_SEPARATORS = tuple("\n،.:«»()؛؟!\"/\t\r\u00a0'[],|+٪") + tuple(chr(c) for c in range(0x064B, 0x0653))


def separators(s: str) -> str:
    """Every character that is not a letter, digit or ZWNJ becomes a space (length kept).

    Common punctuation goes through ``str.replace`` (fast); the regular expression
    only runs when something rarer is left."""
    for c in _COMMON_SEPARATORS:
        if c in s:
            s = s.replace(c, " ")
    if _NON_WORD_NOT_SPACE.search(s):
        s = _NON_WORD.sub(" ", s)
    return s


def is_word_char(c: str) -> bool:
    """Letters, ZWNJ and combining marks glue words together; punctuation and spaces do not."""
    return c.isalpha() or c == ZWNJ or unicodedata.category(c) == "Mn"


@dataclass
class Hit:
    """One boundary-respecting match of an alias key or role title."""

    start: int
    end: int
    text: str
    key: str
    kind: str  # name | title | bare_org | bare_title
    candidates: list[tuple[GazEntry, Alias]]
    roles: list[tuple[GazEntry, Role]]

    @property
    def is_title(self) -> bool:
        return self.kind == "title"

    @property
    def length(self) -> int:
        return self.end - self.start


_Plan = tuple[str, list[tuple[GazEntry, Alias]], bool, list[tuple[GazEntry, Role]], bool, bool]


class Matcher:
    """The compiled automaton for one gazetteer (build once per stage object)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        if gaz.automaton is not None:  # the default gazetteer's, built with it (rasad.cache)
            self.automaton = gaz.automaton
            return
        auto = ahocorasick.Automaton()
        keys = set(gaz.alias_index) | set(gaz.role_index) | set(gaz.bare_orgs) | set(gaz.bare_titles)
        padded: dict[str, list[str]] = {}
        for k in keys:
            core = separators(k)
            # " key " matches only on word boundaries; " key\u200c" before a ZWNJ suffix
            padded.setdefault(" " + core + " ", []).append(k)
            padded.setdefault(" " + core + ZWNJ, []).append(k)
        for pk, ks in padded.items():
            auto.add_word(pk, (len(pk), tuple(self._plan(k) for k in ks)))
        auto.make_automaton()
        self.automaton = auto

    # --- raw hits ----------------------------------------------------------------
    def hits(self, text: str) -> list[Hit]:
        """Every boundary-respecting match (names and titles, overlapping).

        The text is folded (:func:`fold`) and every character that is not part of a
        word becomes a space, so keys padded with spaces only match whole words.
        """
        folded = separators(fold(text))
        if ZWNJ in folded:
            folded = _IDLE_ZWNJ.sub(" ", folded)
        padded = " " + folded + " "
        out: list[Hit] = []
        for end_idx, (length, plans) in self.automaton.iter(padded):
            start = end_idx - length + 1  # padded start of " key" = text start of key
            end = end_idx - 1  # the padded end is the trailing space or ZWNJ
            if padded[end_idx] == ZWNJ and not _zwnj_suffix(text, end):
                continue
            surface = text[start:end]
            for key, cands, checked, roles, bare_org, bare_title in plans:
                if cands:
                    names = (
                        [(e, a) for e, a in cands if not a.case_sensitive or a.text == surface]
                        if checked
                        else list(cands)
                    )
                    if names:
                        out.append(Hit(start, end, surface, key, "name", names, []))
                if roles:
                    out.append(Hit(start, end, surface, key, "title", [], roles))
                if bare_org:
                    out.append(Hit(start, end, surface, key, "bare_org", [], []))
                if bare_title:
                    out.append(Hit(start, end, surface, key, "bare_title", [], []))
        return out

    def _plan(self, key: str) -> _Plan:
        """What a match of ``key`` yields, looked up once when the automaton is built:
        the key, its name candidates, whether any is case-sensitive (then filtered per
        match), its roles and whether it is a bare organization / title head."""
        gaz = self.gaz
        cands = gaz.alias_index.get(key, [])
        checked = any(a.case_sensitive for _, a in cands)
        roles = gaz.role_index.get(key, [])
        return key, cands, checked, roles, key in gaz.bare_orgs, key in gaz.bare_titles

    # --- selections ----------------------------------------------------------------
    def names(self, text: str, hits: list[Hit] | None = None) -> list[Hit]:
        """Non-overlapping name hits, longest first, sorted by offset."""
        hs = [h for h in (hits if hits is not None else self.hits(text)) if h.kind == "name"]
        return select_longest(hs)

    def titles(self, text: str, hits: list[Hit] | None = None) -> list[Hit]:
        """Non-overlapping role-title hits, longest first, sorted by offset."""
        hs = [h for h in (hits if hits is not None else self.hits(text)) if h.is_title]
        return select_longest(hs)


def _zwnj_suffix(text: str, end: int) -> bool:
    """``text[end:]`` starts with ZWNJ + a suffix of :data:`ZWNJ_SUFFIXES` and then a boundary."""
    if text[end] != ZWNJ:
        return False
    for suf in ZWNJ_SUFFIXES:
        j = end + 1 + len(suf)
        if text.startswith(suf, end + 1) and (j >= len(text) or not is_word_char(text[j])):
            return True
    return False


def select_longest(hits: list[Hit]) -> list[Hit]:
    """Greedy longest-first choice of non-overlapping hits, returned in text order."""
    chosen_starts: list[int] = []
    chosen: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-h.length, h.start)):
        i = bisect.bisect_left(chosen_starts, h.start)
        if i > 0 and chosen[i - 1].end > h.start:
            continue
        if i < len(chosen) and chosen[i].start < h.end:
            continue
        chosen_starts.insert(i, h.start)
        chosen.insert(i, h)
    return chosen

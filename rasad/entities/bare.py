"""Bare institution heads and titles written without their country.

``مجلس``, ``ارتش``, ``بانک مرکزی``, ``وزارت دفاع``, ``وزیر خارجه`` (listed in
``bare_heads.tsv``) name the body of *some* country; the gazetteer knows the full
names (``مجلس ایران``, ``ارتش آمریکا``).  The country is, in order:

1. a country named within a few words after the head (``ارتش مقتدر ایران``,
   ``ارتش و نهادهای آمریکا``);
2. the country named in the same sentence (the nearest before the head, else the
   first after it), directly or through a body of that country (``پنتاگون``), or as
   ``کشورمان`` (the home country); a demonym (``نشریه آلمانی``) only when no country is;
3. the one named in the previous sentence;
4. the country the article mentions most (ties: the first mentioned; cities are not
   counted) — nothing when that country has no such body in the gazetteer;
5. the publisher's home country (``home_country.tsv``), when the article names no country.

A bare head after the article named a body in full starting with it (``مجلس شورای ملی``
... ``مجلس``) is that body.  A plural (``ارتش‌ها``) names no one body.

    >>> from rasad.entities import EntityStage
    >>> from rasad.model import Article
    >>> t = "وزیر خارجه روسیه به پکن رفت. وزارت دفاع این کشور نیز بیانیه داد."
    >>> d = EntityStage(use_tagger=False)(Article(raw=t, text=t))
    >>> [e.name for e in d.entities]
    ['Russia', 'Beijing', 'Ministry of Defence (Russia)']
"""

from __future__ import annotations

import re
from datetime import date

from rasad.entities.gazetteer import Gazetteer, fold
from rasad.entities.linker import Linked, apposed
from rasad.entities.matcher import Hit, Matcher, select_longest
from rasad.model import Mention

_ENDS = ".!?؟\n"
NEAR_AFTER = 40  # characters after a head in which a country qualifies it
_PLURAL = ("\u200cها", " ها")
_OUR_COUNTRY = re.compile(r"کشور(?:\u200c|\s)?مان|کشور ما(?![\w\u200c])|میهنمان|میهن اسلامی")


def _sentence(text: str, at: int) -> tuple[int, int]:
    s0 = max(text.rfind(p, 0, at) for p in _ENDS) + 1
    ends = [i for i in (text.find(p, at) for p in _ENDS) if i >= 0]
    return s0, (min(ends) if ends else len(text))


class BareResolver:
    """Resolve the bare heads of one article to a country's body or office holder."""

    def __init__(self, gaz: Gazetteer, matcher: Matcher) -> None:
        self.gaz = gaz
        self.matcher = matcher

    def country_of(self, eid: str) -> str | None:
        """The country an entity is (a country) or belongs to (``Pentagon`` → the US)."""
        if eid in self.gaz.countries:
            return eid
        return self.gaz.country_of.get(eid)

    def link(
        self, text: str, hits: list[Hit], names: list[Linked], on: date | None, blocked: object
    ) -> tuple[list[Linked], list[Linked]]:
        """Bare organizations → ``gazetteer`` mentions; bare titles → ``title`` mentions."""
        marks: list[tuple[int, str]] = []
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        near_marks: list[tuple[int, str]] = []
        adjectives: list[tuple[int, str]] = []
        for lk in names:
            c = self.country_of(lk.eid)
            if c is None:
                continue
            near_marks.append((lk.mention.start, c))
            if lk.mention.source == "adjective":
                adjectives.append((lk.mention.start, c))
                continue  # «نشریه آلمانی»: weaker than a country named in the sentence
            marks.append((lk.mention.start, c))
            ent = self.gaz.get(c)
            if lk.eid == c and ent is not None and ent.sovereign:  # a city is no country to count
                counts[c] = counts.get(c, 0) + 1
                first.setdefault(c, lk.mention.start)
        home = self.gaz.home_country
        if home:  # «کشورمان», «کشور ما»: the publisher's country
            marks += [(m.start(), home) for m in _OUR_COUNTRY.finditer(text)]
            marks.sort()

        def choose(options: dict[str, object], at: int, end: int) -> str | None:
            s0, s1 = _sentence(text, at)
            near = [c for p, c in near_marks if end <= p < min(s1, end + NEAR_AFTER) and c in options]
            if near:
                return near[0]
            for pool in (marks, adjectives):
                before = [c for p, c in pool if s0 <= p < at and c in options]
                if before:
                    return before[-1]
                after = [c for p, c in pool if at <= p < s1 and c in options]
                if after:
                    return after[0]
            if s0 > 1:
                p0, p1 = _sentence(text, s0 - 2)
                prev = [c for p, c in marks if p0 <= p < p1 and c in options]
                if prev:
                    return prev[-1]
            if counts:
                top = max(counts, key=lambda c: (counts[c], -first[c]))
                return top if top in options else None
            return home if home in options else None

        taken = [(lk.mention.start, lk.mention.end) for lk in names]
        title_spans = [(h.start, h.end) for h in self.matcher.titles(text, hits)]
        people = {lk.eid for lk in names if (e := self.gaz.get(lk.eid)) and e.type == "PER"}
        orgs: list[Linked] = []
        titles: list[Linked] = []
        named_bodies = [
            (lk.mention.start, fold(lk.mention.text), lk.eid)
            for lk in names
            if lk.mention.source == "gazetteer" and (e := self.gaz.get(lk.eid)) and e.type == "ORG"
        ]
        for h in select_longest([h for h in hits if h.kind == "bare_org"]):
            if any(s < h.end and h.start < e for s, e in taken) or text.startswith(_PLURAL, h.end):
                continue
            head = fold(h.text) + " "
            earlier = [eid for p, t, eid in named_bodies if p < h.start and t.startswith(head)]
            if earlier:  # «مجلس شورای ملی ... مجلس»: the body the article named in full
                orgs.append(Linked(earlier[-1], Mention(h.text, h.start, h.end, "gazetteer")))
                continue
            c = choose(dict(self.gaz.bare_orgs.get(h.key, {})), h.start, h.end)
            if c is not None:
                ent = self.gaz.bare_orgs[h.key][c]
                orgs.append(Linked(ent.id, Mention(h.text, h.start, h.end, "gazetteer")))
        for h in select_longest([h for h in hits if h.kind == "bare_title"]):
            if (
                any(s < h.end and h.start < e for s, e in title_spans)
                or callable(blocked)
                and blocked(text, h)
            ):
                continue
            named = apposed(text, h.start, h.end, names, people)
            if named is not None:  # «رئیس‌جمهور ترامپ»: the name decides
                titles.append(Linked(named, Mention(h.text, h.start, h.end, "title")))
                continue
            c = choose(dict(self.gaz.bare_titles.get(h.key, {})), h.start, h.end)
            if c is None:
                continue
            holder = self.gaz.role_holder(self.gaz.bare_titles[h.key][c], on)
            if holder is not None:
                titles.append(Linked(holder.id, Mention(h.text, h.start, h.end, "title")))
        return orgs, titles

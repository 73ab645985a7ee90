"""From raw matches to linked entities: ambiguity, context, titles, tagger names, coreference.

The rules, in order:

1. gazetteer name hits (longest match) whose alias is unambiguous and needs no
   context are *solid*; their entities are *present* in the article;
2. an ambiguous or context-needing hit (``کیف``, a bare surname such as
   ``زاخارووا`` generated from ``ماریا زاخارووا``) links to a candidate that is
   present, or whose ``context`` ids are present; otherwise it is dropped —
   unless it is an explicit alias not marked ``needs_context``;
3. country names inside a matched organization or title (``روسیه`` in
   ``وزارت امور خارجه روسیه``) are mentions of the country;
4. role titles (``رئیس‌جمهور روسیه``) become ``source="title"`` mentions of the
   holder at the publication date;
5. tagger spans not covered by the gazetteer become ``rasad:<slug>`` entities,
   and later mentions of their surname link back (``source="coref"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rasad.entities.gazetteer import GazEntry, Gazetteer
from rasad.entities.matcher import Hit, Matcher, is_word_char, select_longest
from rasad.entities.translit import Transliterator, slugify
from rasad.model import Entity, Mention

NESTED_TYPES = frozenset({"GPE"})
CONTAINER_TYPES = frozenset({"ORG", "FAC", "EVENT"})
TAG_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "GPE", "GPE": "GPE", "FAC": "FAC", "EVE": "EVENT", "EVENT": "EVENT"}


@dataclass
class Linked:
    """A mention resolved to an entity key (a gazetteer id or a ``rasad:`` slug)."""

    eid: str
    mention: Mention


def parse_day(s: str | None) -> date | None:
    """``'2025-08-16'`` → ``date(2025, 8, 16)``; partial or bad values → None."""
    if not s:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


class Linker:
    """Turns the hits of one article into :class:`~rasad.model.Entity` objects."""

    def __init__(self, gaz: Gazetteer, matcher: Matcher, translit: Transliterator) -> None:
        self.gaz = gaz
        self.matcher = matcher
        self.translit = translit

    # --- gazetteer part ------------------------------------------------------------
    def link_names(self, text: str, hits: list[Hit]) -> list[Linked]:
        """Rules 1–3: choose, disambiguate and nest the gazetteer name hits."""
        chosen = self.matcher.names(text, hits)
        present: set[str] = set()
        for h in chosen:
            solid = [e for e, a in h.candidates if not a.needs_context and not a.ambiguous]
            if len(h.candidates) == 1 and solid:
                present.add(solid[0].id)
        out: list[Linked] = []
        for h in chosen:
            e, src = self._resolve(h, present)
            if e is None:
                continue
            present.add(e.id)
            out.append(Linked(e.id, Mention(h.text, h.start, h.end, src)))
        # rule 3: countries inside organizations, bodies and titles
        containers = [(lk.mention.start, lk.mention.end) for lk in out if self._is_container(lk.eid)]
        containers += [(h.start, h.end) for h in self.matcher.titles(text, hits)]
        if containers:
            inner = [
                h
                for h in hits
                if not h.is_title
                and any(s <= h.start and h.end <= e and (h.start, h.end) != (s, e) for s, e in containers)
                and any(c.type in NESTED_TYPES for c, _ in h.candidates)
            ]
            taken = {(lk.mention.start, lk.mention.end) for lk in out}
            for h in select_longest(inner):
                if (h.start, h.end) in taken:
                    continue
                e, src = self._resolve(h, present)
                if e is not None and e.type in NESTED_TYPES:
                    out.append(Linked(e.id, Mention(h.text, h.start, h.end, src)))
        out.sort(key=lambda lk: lk.mention.start)
        return out

    def _is_container(self, eid: str) -> bool:
        e = self.gaz.get(eid)
        return e is not None and e.type in CONTAINER_TYPES

    def _resolve(self, h: Hit, present: set[str]) -> tuple[GazEntry | None, str]:
        """Pick the entry a hit names, or None when context does not support any."""
        cands = h.candidates
        for e, a in cands:
            if e.id in present:
                return e, _source(a.kind)
        for e, a in cands:
            if any(c in present for c in e.context):
                return e, _source(a.kind)
        firm = [(e, a) for e, a in cands if not a.needs_context]
        if firm:
            e, a = firm[0]
            return e, _source(a.kind)
        return None, ""

    # --- titles ----------------------------------------------------------------------
    def link_titles(self, text: str, hits: list[Hit], on: date | None) -> list[Linked]:
        """Rule 4: each title hit → a ``title`` mention of its holder on ``on``."""
        out: list[Linked] = []
        for h in self.matcher.titles(text, hits):
            holder = self.gaz.role_holder(h.key, on)
            if holder is not None:
                out.append(Linked(holder.id, Mention(h.text, h.start, h.end, "title")))
        return out

    # --- tagger names and coreference -----------------------------------------------
    def link_tagged(
        self, text: str, spans: list[tuple[int, int, str]], taken: list[Linked]
    ) -> tuple[list[Linked], dict[str, Entity]]:
        """Rule 5: tagger spans outside gazetteer matches → new entities (+ surname coref)."""
        occupied = sorted((lk.mention.start, lk.mention.end) for lk in taken)
        new: dict[str, Entity] = {}
        out: list[Linked] = []
        for start, end, tag in sorted(spans):
            etype = TAG_TYPES.get(tag.upper())
            if etype is None or end <= start:
                continue
            surface = text[start:end].strip(" \u200c،.:«»\"'()")
            if len(surface.replace(" ", "")) < 3:
                continue
            start = text.find(surface, start, end)
            end = start + len(surface)
            if any(s < end and start < e for s, e in occupied):
                continue
            eid = "rasad:" + slugify(self.translit(surface))
            if eid == "rasad:":
                continue
            if eid not in new:
                new[eid] = Entity(eid, self.translit(surface), etype, surface, [])
            out.append(Linked(eid, Mention(surface, start, end, "crf")))
            occupied.append((start, end))
        # surnames of new people, later in the text
        for eid, ent in new.items():
            if ent.type != "PER" or not ent.label_fa or " " not in ent.label_fa:
                continue
            last = ent.label_fa.split(" ")[-1]
            if len(last) < 3:
                continue
            first = min(lk.mention.start for lk in out if lk.eid == eid)
            for m in re.finditer(re.escape(last), text):
                s, e = m.start(), m.end()
                if s <= first or (s > 0 and is_word_char(text[s - 1])) or (e < len(text) and is_word_char(text[e])):
                    continue
                if any(a < e and s < b for a, b in occupied):
                    continue
                out.append(Linked(eid, Mention(last, s, e, "coref")))
                occupied.append((s, e))
        return out, new


def _source(kind: str) -> str:
    return {"adjective": "adjective", "partial": "coref"}.get(kind, "gazetteer")

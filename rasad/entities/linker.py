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

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rasad.entities.fuzzy import PersonSkeletons
from rasad.entities.gazetteer import GazEntry, Gazetteer, alias_keys, fold
from rasad.entities.matcher import Hit, Matcher, is_word_char, select_longest
from rasad.entities.names import canonical, glued_key
from rasad.entities.translit import Transliterator
from rasad.model import Entity, Mention

STRIP = " \u200c،.:؛«»\"'()"
INNER_PUNCT = frozenset('()[]«»،:؛"')
NESTED_TYPES = frozenset({"GPE"})
CONTAINER_TYPES = frozenset({"ORG", "FAC", "EVENT"})
TAG_TYPES = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "GPE",
    "GPE": "GPE",
    "FAC": "FAC",
    "EVE": "EVENT",
    "EVENT": "EVENT",
}


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
        self._honorific_prefixes = tuple(h + " " for h in gaz.honorifics)
        self.spellings: PersonSkeletons = gaz.person_skeletons

    # --- gazetteer part ------------------------------------------------------------
    def link_names(self, text: str, hits: list[Hit]) -> list[Linked]:
        """Rules 1–3: choose, disambiguate and nest the gazetteer name hits."""
        chosen = self.matcher.names(text, hits)
        present: set[str] = set()
        for h in chosen:
            solid = [e for e, a in h.candidates if not a.needs_context and not a.ambiguous]
            if len(h.candidates) == 1 and solid:
                present.add(solid[0].id)
        present |= self._nested_countries(chosen, hits)
        out: list[Linked] = []
        for h in chosen:
            e, src = self._resolve(h, present, text)
            if e is None:
                continue
            present.add(e.id)
            out.append(Linked(e.id, Mention(h.text, h.start, h.end, src)))
        # rule 3: countries inside organizations, bodies and titles (not inside opaque names)
        containers = [(lk.mention.start, lk.mention.end) for lk in out if self._is_container(lk.eid)]
        containers += [(h.start, h.end) for h in self.matcher.titles(text, hits)]
        if containers:
            opaque = [
                (h.start, h.end) for h in hits if h.kind == "name" and all(c.opaque for c, _ in h.candidates)
            ]
            inner = [
                h
                for h in hits
                if h.kind == "name"
                and any(c.type in NESTED_TYPES for c, _ in h.candidates)
                and _inside(h, containers)
                and not _inside(h, opaque)
            ]
            taken = {(lk.mention.start, lk.mention.end) for lk in out}
            for h in select_longest(inner):
                if (h.start, h.end) in taken:
                    continue
                e, src = self._resolve(h, present, text)
                if e is not None and e.type in NESTED_TYPES:
                    out.append(Linked(e.id, Mention(h.text, h.start, h.end, src)))
        out.sort(key=lambda lk: lk.mention.start)
        return out

    def _nested_countries(self, chosen: list[Hit], hits: list[Hit]) -> set[str]:
        """Countries named inside a chosen organization (``ارتش سوریه``): they confirm the
        context of a town of theirs as a bare country name would."""
        spans = [
            (h.start, h.end)
            for h in chosen
            if len(h.candidates) == 1 and self._is_container(h.candidates[0][0].id)
        ]
        if not spans:
            return set()
        out: set[str] = set()
        for h in hits:
            if h.kind != "name" or len(h.candidates) != 1 or not _inside(h, spans):
                continue
            e, a = h.candidates[0]
            if e.type in NESTED_TYPES and not a.needs_context and not a.ambiguous:
                out.add(e.id)
        return out

    def _is_container(self, eid: str) -> bool:
        e = self.gaz.get(eid)
        return e is not None and e.type in CONTAINER_TYPES and not e.opaque

    def _resolve(self, h: Hit, present: set[str], text: str) -> tuple[GazEntry | None, str]:
        """Pick the entry a hit names, or None when context does not support any."""
        cands = h.candidates
        for e, a in cands:
            if e.id in present:
                return e, _source(a.kind)
        for e, a in cands:
            if any(c in present for c in e.context):
                return e, _source(a.kind)
        cue = previous_word(text, h.start)
        if cue and fold(cue) in self.gaz.context_cues:
            for e, a in cands:
                if e.type in ("GPE", "LOC") and a.kind != "partial":
                    return e, _source(a.kind)
        firm = [(e, a) for e, a in cands if not a.needs_context]
        if firm:
            e, a = firm[0]
            return e, _source(a.kind)
        return None, ""

    # --- titles ----------------------------------------------------------------------
    def link_titles(
        self, text: str, hits: list[Hit], on: date | None, names: list[Linked], people: set[str]
    ) -> list[Linked]:
        """Rule 4: each title hit → a ``title`` mention of its holder on ``on``; a person
        named in apposition (``ماریا زاخارووا، سخنگوی ...``, ``وزیر خارجه آمریکا مارکو روبیو``)
        takes precedence over the dated holder."""
        out: list[Linked] = []
        for h in self.matcher.titles(text, hits):
            if self._blocked(text, h):
                continue
            eid = apposed(text, h.start, h.end, names, people)
            if eid is None:
                holder = self.gaz.role_holder(h.key, on)
                eid = holder.id if holder is not None else None
            if eid is not None:
                out.append(Linked(eid, Mention(h.text, h.start, h.end, "title")))
        return out

    def _blocked(self, text: str, h: Hit) -> bool:
        """A deputy, a former holder or a plural: the title does not name the holder."""
        if fold(previous_word(text, h.start)) in self.gaz.blockers_before:
            return True
        return fold(_next_word(text, h.end)) in self.gaz.blockers_after

    def _strip_honorific(self, surface: str) -> str:
        """``آقای بهروز کاویانی‌فر`` → ``بهروز کاویانی‌فر``."""
        if not surface.startswith(self._honorific_prefixes):
            return surface
        for h in self.gaz.honorifics:
            if surface.startswith(h + " "):
                return surface[len(h) + 1 :].strip()
        return surface

    def _confirmed(self, surface: str, etype: str) -> GazEntry | None:
        """A gazetteer entry of a compatible type having ``surface`` as an alias."""
        kinds = {"PER": ("PER",), "ORG": ("ORG",), "GPE": ("GPE", "LOC", "FAC"), "FAC": ("FAC", "GPE", "LOC")}
        ok = kinds.get(etype, (etype,))
        for key in alias_keys(surface):
            for e, a in self.gaz.alias_index.get(key, []):
                if e.type in ok and a.kind != "partial":  # a bare surname needs its full name
                    return e
        if etype == "PER":  # a known person spelled another way (میرزایف / میرضیایف)
            return self.spellings.find(surface)
        return None

    # --- tagger names and coreference -----------------------------------------------
    def link_tagged(
        self,
        text: str,
        spans: list[tuple[int, int, str]],
        taken: list[Linked],
        blocked: Sequence[tuple[int, int]] = (),
        new_types: frozenset[str] = frozenset({"PER"}),
    ) -> tuple[list[Linked], dict[str, Entity]]:
        """Rule 5: tagger spans outside gazetteer matches → gazetteer entries the tagger
        confirms (a risky alias such as ``کیف`` tagged as a place), else new entities;
        a one-word name equal to the surname of a full name links to it (+ surname coref)."""
        occupied = sorted((lk.mention.start, lk.mention.end) for lk in taken) + list(blocked)
        overlaps = _overlap_index(occupied)
        new: dict[str, Entity] = {}
        out: list[Linked] = []
        cleaned: list[tuple[int, int, str, str]] = []
        for start, end, tag in sorted(spans, key=lambda sp: (sp[0], sp[0] - sp[1])):
            etype = TAG_TYPES.get(tag.upper())
            if etype is None or end <= start:
                continue
            surface = self._strip_honorific(text[start:end].strip(STRIP))
            if (
                len(surface.replace(" ", "")) < 3
                or not INNER_PUNCT.isdisjoint(surface)
                or any(map(str.isdigit, surface))
            ):
                continue
            if etype == "ORG" and " " not in surface and self.gaz.lookup(surface) == []:
                continue  # one-word organizations the gazetteer lacks: too noisy
            start = text.find(surface, start, end)
            end = start + len(surface)
            if overlaps(start, end):
                continue
            if any(
                s < end and start < e for s, e, _, _ in cleaned
            ):  # nested tagger spans: the first, longest
                continue
            cleaned.append((start, end, surface, etype))
        people, same = _people(c[2] for c in cleaned if c[3] == "PER")
        surnames = {canonical(p).split(" ")[-1]: p for p in reversed(people)}
        # a shorter name that begins or ends a longer one is the same person
        # («پرز مولینا» ← «اتو پرز مولینا», «عبدالله بن سعود» ← «عبدالله بن سعود بن محمد»)
        longer = {q: p for q in people if (p := _longer(q, people)) is not None}
        for start, end, surface, etype in cleaned:
            known = self._confirmed(surface, etype)
            if known is not None:
                out.append(Linked(known.id, Mention(surface, start, end, "gazetteer")))
                occupied.append((start, end))
                continue
            if etype not in new_types:
                continue  # the tagger's other types only confirm gazetteer aliases
            source = "crf"
            surface_full = same.get(glued_key(surface), surface) if etype == "PER" else surface
            if etype == "PER" and surface_full in longer:
                surface_full, source = longer[surface_full], "coref"
            elif etype == "PER" and " " not in canonical(surface_full) and canonical(surface) in surnames:
                surface_full, source = surnames[canonical(surface)], "coref"
            elif etype == "PER" and " " not in canonical(surface_full):
                continue  # a lone unknown word tagged as a person: too noisy to keep
            eid = self.translit.entity_id(surface_full)
            if eid == "rasad:":
                continue
            if eid not in new:
                near = text[max(0, start - 80) : end + 40]  # an Arab nationality there: Arab spelling
                new[eid] = Entity(eid, self.translit(surface_full, near), etype, surface_full, [])
            out.append(Linked(eid, Mention(surface, start, end, source)))
            occupied.append((start, end))
        # surnames of new people, later in the text (spelling variants too: ي/ی, ك/ک)
        folded = fold(text)
        for eid, ent in new.items():
            if ent.type != "PER" or not ent.label_fa or " " not in ent.label_fa.strip():
                continue
            last = ent.label_fa.split()[-1]
            if len(last) < 3:
                continue
            first = min(lk.mention.start for lk in out if lk.eid == eid)
            for m in re.finditer(re.escape(fold(last)), folded):
                s, e = m.start(), m.end()
                if (
                    s <= first
                    or (s > 0 and is_word_char(text[s - 1]))
                    or (e < len(text) and is_word_char(text[e]))
                ):
                    continue
                if any(a < e and s < b for a, b in occupied):
                    continue
                out.append(Linked(eid, Mention(text[s:e], s, e, "coref")))
                occupied.append((s, e))
        return out, new


_APPOSITION = re.compile(r"[ \u00a0]*[،,]?[ \u00a0]*")


def apposed(text: str, start: int, end: int, names: list[Linked], people: set[str]) -> str | None:
    """The person named right before (``X، title``) or right after (``title X``) a title."""
    for lk in names:
        if lk.eid not in people:
            continue
        m = lk.mention
        if m.end <= start and _APPOSITION.fullmatch(text, m.end, start):
            return lk.eid
        if m.start >= end and _APPOSITION.fullmatch(text, end, m.start):
            return lk.eid
    return None


def _people(surfaces: Iterable[str]) -> tuple[list[str], dict[str, str]]:
    """Multi-word person names, longest first, one per spelling (the first written), and
    a map from every spelling's :func:`glued_key` to that one (``ملا عبدالغنی`` /
    ``ملا عبد الغنی`` / ``ملا عبدالغني``)."""
    same: dict[str, str] = {}
    for p in surfaces:
        same.setdefault(glued_key(p), p)
    people = sorted({p for p in same.values() if " " in canonical(p)}, key=len, reverse=True)
    return people, same


def _longer(q: str, people: list[str]) -> str | None:
    """The first longer name that begins or ends with ``q`` (compared as canonical spellings)."""
    cq = canonical(q)
    for p in people:
        cp = canonical(p)
        if len(cp) > len(cq) and (cp.endswith(" " + cq) or cp.startswith(cq + " ")):
            return p
    return None


def _overlap_index(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test ``(start, end) -> bool``: does ``[start, end)`` overlap one of ``spans``
    (``s < end and start < e``)?  Sorted starts plus a running maximum of ends
    answer it with one bisection instead of a scan."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []
    top = -1
    for _, e in ordered:
        top = max(top, e)
        reach.append(top)

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # spans with s < end
        return k > 0 and reach[k - 1] > start

    return overlaps


def _inside(h: Hit, spans: list[tuple[int, int]]) -> bool:
    """``h`` lies inside one of ``spans`` and is strictly shorter."""
    return any(s <= h.start and h.end <= e and (h.start, h.end) != (s, e) for s, e in spans)


def previous_word(text: str, start: int) -> str:
    """The word just before ``start`` (``شهر`` in ``شهر دوشنبه``)."""
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    i = j
    while i >= 0 and is_word_char(text[i]):
        i -= 1
    return text[i + 1 : j + 1]


def _next_word(text: str, end: int) -> str:
    """The word just after ``end`` (``سابق`` in ``رئیس‌جمهور سابق``; ``ها`` in ``رئیس‌جمهور‌ها``)."""
    i = end
    if i < len(text) and text[i] == "\u200c":
        i += 1
    else:
        while i < len(text) and text[i] == " ":
            i += 1
    j = i
    while j < len(text) and is_word_char(text[j]) and text[j] != "\u200c":
        j += 1
    return text[i:j]


_SOURCES = {"adjective": "adjective", "partial": "coref"}


def _source(kind: str) -> str:
    return _SOURCES.get(kind, "gazetteer")

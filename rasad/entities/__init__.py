"""Stage ``entities``: gazetteer matching, tagger names, linking and in-article coreference.

Output: ``doc.entities``, one :class:`~rasad.model.Entity` per real-world entity
named in the article, sorted by first mention.  Role titles (``رئیس‌جمهور روسیه``)
become ``Mention(source="title")`` on the holder at the publication date; a holder
who is *only* referred to by title is kept in ``doc.meta["title_entities"]`` (the
contract lists entities named at least once), where :func:`mention_at` and
:func:`mentions_in` still find it.

API for the later stages::

    >>> from rasad.model import Article
    >>> doc = EntityStage()(Article(raw="", text="سرگئی لاوروف، وزیر امور خارجه روسیه گفت", published="2025-09-03"))
    >>> ent, m = mention_at(doc, 0, 5)
    >>> ent.name, m.text
    ('Sergey Lavrov', 'سرگئی لاوروف')
    >>> [(e.name, m.source) for e, m in mentions_in(doc, 14, 40)]
    [('Sergey Lavrov', 'title'), ('Russia', 'gazetteer')]
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from rasad.entities.bare import BareResolver
from rasad.entities.coordination import list_mates, load_given_names, widen_given_names
from rasad.entities.gazetteer import GazEntry, Gazetteer, fold
from rasad.entities.linker import Linked, Linker, parse_day, previous_word
from rasad.entities.matcher import Matcher
from rasad.entities.namefilter import NameFilter
from rasad.entities.outlets import OutletLinker
from rasad.entities.provinces import relink_province_lists
from rasad.entities.rosters import RosterFinder
from rasad.entities.translit import Transliterator, slugify
from rasad.model import Article, Entity, Mention

__all__ = ["EntityStage", "Gazetteer", "GazEntry", "mention_at", "mentions_in", "person_before", "fold"]

log = logging.getLogger(__name__)


def _load_tagger() -> Any | None:
    """The statistical tagger (``rasad.entities.crf.CrfTagger``) when it and its model exist."""
    try:
        from rasad.entities.crf import CrfTagger  # type: ignore[import-not-found,unused-ignore]
    except Exception:  # noqa: BLE001 - absent or broken module: run on the gazetteer alone
        return None
    try:
        return CrfTagger()
    except Exception as exc:  # noqa: BLE001 - e.g. model file missing
        log.info("CRF tagger unavailable: %s", exc)
        return None


class EntityStage:
    """Recognize, link and group entity mentions (``name = "entities"``).

    The automaton and the tagger are built once per stage object.
    ``use_tagger=False`` runs the gazetteer alone; ``tagger_types`` are the tagger types
    (``PER``, ``ORG``, ``GPE``, ``FAC``, ``EVENT``) that may create entities the gazetteer lacks.
    """

    name = "entities"

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        use_tagger: bool = True,
        tagger_types: frozenset[str] = frozenset({"PER"}),
    ) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.matcher = Matcher(self.gazetteer)
        self.translit = Transliterator.default()
        self.linker = Linker(self.gazetteer, self.matcher, self.translit)
        self.bare = BareResolver(self.gazetteer, self.matcher)
        self.outlets = OutletLinker(self.gazetteer)
        self.tagger = _load_tagger() if use_tagger else None
        self.name_filter = NameFilter.default() if self.tagger is not None else None
        nf = self.name_filter
        self.rosters = RosterFinder(self.gazetteer, (lambda w: not nf.is_name(w)) if nf is not None else None)
        self._honorifics = tuple(
            sorted({h.replace("\u200c", " ") for h in self.gazetteer.honorifics}, key=len)[::-1]
        )
        # types for which a tagger span the gazetteer lacks becomes a new entity; spans of
        # other types only confirm risky gazetteer aliases (measured: tagger ORG/LOC spans
        # cost more precision on the seeds than they add recall)
        self.tagger_types = tagger_types
        self.all_given_names = load_given_names() | self.gazetteer.given_names

    # --- gazetteer helpers for other stages ---------------------------------------
    def role_holder(self, role_fa: str, on: date | str | None = None) -> GazEntry | None:
        """Who held a title on a date: ``role_holder("وزیر خارجه آمریکا", "2025-05-01")`` → Marco Rubio."""
        day = parse_day(on) if isinstance(on, str) else on
        return self.gazetteer.role_holder(role_fa, day)

    def lookup(self, alias: str) -> list[GazEntry]:
        """Gazetteer entries with this Persian alias."""
        return self.gazetteer.lookup(alias)

    # --- the stage -----------------------------------------------------------------
    def __call__(self, doc: Article) -> Article:
        text = doc.text
        if not text:
            doc.entities = []
            return doc
        try:
            self._run(doc)
        except Exception as exc:  # noqa: BLE001 - the pipeline must never crash on an article
            log.exception("entities failed on %s", doc.doc)
            doc.warnings.append(f"entities: {type(exc).__name__}: {exc}")
        return doc

    def _run(self, doc: Article) -> None:
        text = doc.text
        hits = self.matcher.hits(text)
        linked: list[Linked] = self._whole_names(self.linker.link_names(text, hits))
        # a bare head that is also the home country's name (وزارت کشور) is resolved by context
        linked = [lk for lk in linked if fold(lk.mention.text) not in self.gazetteer.bare_orgs]
        linked += self.outlets.link(text, hits, linked, [(t.start, t.end) for t in doc.timexes])
        linked = relink_province_lists(text, linked, self.gazetteer)
        new: dict[str, Entity] = {}
        if self.tagger is not None:
            try:
                spans = self.tagger.spans(text)
            except Exception as exc:  # noqa: BLE001
                doc.warnings.append(f"entities: tagger failed: {exc}")
                spans = []
            athletes = self._athletes(text, spans, linked)
            if athletes:
                taken = {(lk.mention.start, lk.mention.end) for lk, _ in athletes}
                spans = [sp for sp in spans if (sp[0], sp[1]) not in taken]
                linked += [lk for lk, _ in athletes]
                new.update((ent.id, ent) for _, ent in athletes)
            spans = widen_given_names(text, spans, self.gazetteer.given_names, self.gazetteer.lookup)
            spans += list_mates(text, spans, self.all_given_names)
            spans = [sp for sp in spans if sp[2].upper() != "PER" or self._person_like(text[sp[0] : sp[1]])]
            blocked = [(h.start, h.end) for h in hits if h.kind != "name"]  # titles, bare heads
            blocked += [(t.start, t.end) for t in doc.timexes]  # «مارس» is March, not a place
            more, found = self.linker.link_tagged(text, spans, linked, blocked, self.tagger_types)
            new.update(found)
            linked += more
        linked = [lk for lk in linked if not self._inside_unknown_name(text, lk)]
        byline = self._byline(doc, linked)
        if byline is not None:
            linked.append(byline[0])
            new[byline[1].id] = byline[1]
        day = parse_day(doc.published)
        people = {lk.eid for lk in linked if self._is_person(lk.eid, new)}
        titles = self.linker.link_titles(text, hits, day, linked, people)
        bare_orgs, bare_titles = self.bare.link(text, hits, linked, day, self.linker._blocked)
        linked += bare_orgs
        titles += bare_titles
        entities: dict[str, Entity] = {}
        for lk in sorted(linked, key=lambda lk: lk.mention.start):
            ent = entities.get(lk.eid)
            if ent is None:
                ent = new.get(lk.eid) or self._entity(lk.eid)
                if ent is None:
                    continue
                entities[lk.eid] = ent
            ent.mentions.append(lk.mention)
        title_only: dict[str, Entity] = {}
        for lk in titles:
            ent = entities.get(lk.eid) or title_only.get(lk.eid)
            if ent is None:
                made = self._entity(lk.eid)
                if made is None:
                    continue
                ent = title_only[lk.eid] = made
            ent.mentions.append(lk.mention)
        for ent in list(entities.values()) + list(title_only.values()):
            ent.mentions.sort(key=lambda m: (m.start, m.end))
        doc.entities = sorted(entities.values(), key=lambda e: e.mentions[0].start)
        doc.meta["title_entities"] = sorted(title_only.values(), key=lambda e: e.mentions[0].start)

    def _inside_unknown_name(self, text: str, lk: Linked) -> bool:
        """A place right after a word of ``inner_name_heads.tsv`` (``قهرمانی آسیا``) is part
        of a tournament's or body's name, not a mention of its own."""
        if lk.mention.source == "title":
            return False
        ent = self.gazetteer.get(lk.eid)
        if ent is None or ent.type not in ("GPE", "LOC"):
            return False
        return fold(previous_word(text, lk.mention.start)) in self.gazetteer.inner_name_heads

    def _whole_names(self, linked: list[Linked]) -> list[Linked]:
        """A name inside a longer name is no mention of its own (``شانگهای`` in
        ``سازمان همکاری شانگهای``), except a country qualifying a body
        (``روسیه`` in ``وزارت امور خارجه روسیه``, GUIDELINES §3)."""
        out: list[Linked] = []
        reach, reach_span = -1, (-1, -1)  # the furthest end of the mentions started so far
        for lk in sorted(linked, key=lambda lk: (lk.mention.start, -lk.mention.end)):
            span = (lk.mention.start, lk.mention.end)
            if reach >= span[1] and reach_span != span:
                ent = self.gazetteer.get(lk.eid)
                if ent is None or not ent.sovereign:
                    continue
            if span[1] > reach:
                reach, reach_span = span[1], span
            out.append(lk)
        return out

    def _athletes(
        self, text: str, spans: list[tuple[int, int, str]], linked: list[Linked]
    ) -> list[tuple[Linked, Entity]]:
        """Opponents in sports results (``هایاشی از ژاپن``, :mod:`rosters`) that the tagger
        typed otherwise or found as one lone word."""
        cands = [
            sp
            for sp in spans
            if (sp[2].upper() != "PER" or " " not in text[sp[0] : sp[1]].strip())
            and not any(lk.mention.start < sp[1] and sp[0] < lk.mention.end for lk in linked)
        ]
        out: list[tuple[Linked, Entity]] = []
        made: dict[str, Entity] = {}
        for start, end in self.rosters.find(text, cands):
            surface = text[start:end].strip()
            start = text.find(surface, start, end)
            eid = self.translit.entity_id(surface)
            if eid == "rasad:":
                continue
            ent = made.get(eid) or Entity(eid, self.translit(surface), "PER", surface, [])
            made[eid] = ent
            out.append((Linked(eid, Mention(surface, start, start + len(surface), "crf")), ent))
        return out

    def _person_like(self, surface: str) -> bool:
        """A tagger person span that reads as a name, not as common words (:mod:`namefilter`)."""
        if self.name_filter is None:
            return True
        rest = surface.replace("«", " ").replace("»", " ").replace("\u200c", " ").strip(" ،.:؛\"'()")
        stripped = True
        while stripped:  # honorifics of one or more words: «حضرت آیت الله», «سرلشکر»
            stripped = False
            for h in self._honorifics:
                if rest == h or rest.startswith(h + " "):
                    rest, stripped = rest[len(h) :].strip(), True
                    break
        return self.name_filter.is_name(rest)

    def _byline(self, doc: Article, linked: list[Linked]) -> tuple[Linked, Entity] | None:
        """The reporter named in the byline (``اعظم پورکند``) when it reads as a person's
        name: two or three words, the first a common given name, not already matched."""
        name = (doc.byline or "").strip()
        words = name.split()
        if not 2 <= len(words) <= 3 or words[0] not in self.gazetteer.given_names:
            return None
        at = doc.text.find(name)
        if at < 0 or any(lk.mention.start < at + len(name) and at < lk.mention.end for lk in linked):
            return None
        known = self.gazetteer.lookup(name)
        if known:
            return Linked(known[0].id, Mention(name, at, at + len(name), "gazetteer")), self._entity(
                known[0].id
            ) or Entity(known[0].id, known[0].name, known[0].type, known[0].fa, [])
        label = self.translit(name)
        ent = Entity("rasad:" + slugify(label), label, "PER", name, [])
        return Linked(ent.id, Mention(name, at, at + len(name), "crf")), ent

    def _is_person(self, eid: str, new: dict[str, Entity]) -> bool:
        if eid in new:
            return new[eid].type == "PER"
        e = self.gazetteer.get(eid)
        return e is not None and e.type == "PER"

    def _entity(self, eid: str) -> Entity | None:
        e = self.gazetteer.get(eid)
        if e is None:
            return None
        return Entity(e.id, e.name, e.type, e.fa or None, [])


def _all_entities(doc: Article) -> list[Entity]:
    extra = doc.meta.get("title_entities") or []
    return list(doc.entities) + [e for e in extra if isinstance(e, Entity)]


def mentions_in(doc: Article, start: int, end: int) -> list[tuple[Entity, Mention]]:
    """Every entity mention overlapping ``[start, end)``, titles included, sorted by offset."""
    out: list[tuple[Entity, Mention]] = []
    for ent in _all_entities(doc):
        for m in ent.mentions:
            if m.start < end and start < m.end:
                out.append((ent, m))
    out.sort(key=lambda p: (p[1].start, -(p[1].end - p[1].start)))
    return out


def mention_at(doc: Article, start: int, end: int) -> tuple[Entity, Mention] | None:
    """The entity mention overlapping ``[start, end)`` (the longest one if several)."""
    found = mentions_in(doc, start, end)
    if not found:
        return None
    return max(found, key=lambda p: (p[1].end - p[1].start, -p[1].start))


def person_before(doc: Article, offset: int, window: int = 400) -> tuple[Entity, Mention] | None:
    """The person (named or by title) mentioned last before ``offset``, within ``window``
    characters: the usual antecedent of ``وی`` / ``او`` in news prose.

    >>> from rasad.model import Article
    >>> t = "دونالد ترامپ به آلاسکا رفت. وی گفت که دیدار مثبت بود."
    >>> doc = EntityStage(use_tagger=False)(Article(raw=t, text=t))
    >>> person_before(doc, t.index("وی"))[0].name
    'Donald Trump'
    """
    best: tuple[Entity, Mention] | None = None
    for ent in _all_entities(doc):
        if ent.type != "PER":
            continue
        for m in ent.mentions:
            if offset - window <= m.start and m.end <= offset and (best is None or m.end > best[1].end):
                best = (ent, m)
    return best

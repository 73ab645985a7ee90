"""The event grammar: triggers, their arguments, status, date and place.

For each trigger found in a sentence (``rasad/data/events/triggers.yaml``) the
grammar finds

* the *region* it belongs to: the whole sentence, or the reported clause after
  a reporting verb (``... گفت که``) or inside a quote, whose speaker is known;
* its *arguments* among the entity mentions (:mod:`rasad.events.actors`):
  participants of a meeting (``دیدار میان X و Y``, ``X ... با Y دیدار کرد``),
  or the source and targets of a one-sided act (``X ... را رد کرد``,
  ``حمله هوایی X به Y``);
* its *status* (:mod:`rasad.events.factuality`), *date* (a time expression of
  its clause; for speech acts also the date of the speech) and *place*
  (``در X``).

Mentions without actors of their own that point back (``این دیدار``, ``دو طرف``)
reuse the actors of an earlier event; the stage merges them with it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rasad.cache import LazyPattern
from rasad.events.accusation import AccusationFrame
from rasad.events.actors import ActorResolver, Candidate, CandidateIndex
from rasad.events.constructions import Constructions
from rasad.events.factuality import Factuality
from rasad.events.mentions import (
    Actor,
    Found,
    Hit,
    pick_date,
    triggers_in,
)
from rasad.events.norms import NormFilter
from rasad.events.parties import Parties
from rasad.events.reading import _B, _DAY, read_mention
from rasad.events.resources import (
    Trigger,
    TriggerFinder,
    compile_fa,
    compile_fa_pattern,
    load_triggers,
    load_yaml,
)
from rasad.events.scope import ClauseIndex, Scope
from rasad.events.setting import Setting
from rasad.events.threats import ThreatFrame
from rasad.events.walks import NextMatch, SentenceWalk
from rasad.model import Article, Quote


@dataclass
class _Ctx:
    """Where a trigger sits: its region, speaker and reporting clause."""

    region_start: int
    region_end: int
    in_speech: bool
    speaker: Actor | None
    cue_start: int | None
    said_on: str | None = None  # the quote's own date when it differs from publication


class Grammar:
    """Compiled grammar resources; one per stage (no shared mutable state)."""

    def __init__(self) -> None:
        self.triggers, _ = load_triggers()
        self.finder = TriggerFinder(self.triggers)
        tdata = load_yaml("triggers.yaml")
        self.block = [compile_fa(p) for p in tdata.get("block_before", [])]
        self.idioms = [compile_fa(p) for p in tdata.get("idioms", [])]
        self.norm_rx = LazyPattern(r"(?<![\w\u200c])" + compile_fa_pattern(tdata["norm_subject"]))
        self.duty_rx = compile_fa(tdata["own_duty"])
        self.claim_rx = LazyPattern(r"(?<![\w\u200c])" + compile_fa_pattern(tdata["claim_object"]))
        g = load_yaml("grammar.yaml")
        self.reporting = LazyPattern(r"(?<![\w\u200c])" + compile_fa_pattern(g["reporting"]))
        self.pair_rx = LazyPattern(
            r"(?<![\w\u200c])" + compile_fa_pattern(g["pair_anaphors"]) + r"(?![\w\u200c])"
        )
        self.det_rx = compile_fa(g["determiners"])
        self.pron_rx = LazyPattern(r"(?<![\w\u200c])" + compile_fa_pattern(g["pronouns"]))
        self.break_rx = compile_fa(g["clause_break"])
        self.resolver = ActorResolver()
        self.fact = Factuality()
        self.verb_and_rx = compile_fa(g["verb_and"])
        self.passive_rx = LazyPattern(_B + compile_fa_pattern(g["passive_before"]))
        self.unnamed_rx = LazyPattern(r"[ \u200c]+" + compile_fa_pattern(g["unnamed_group"]))
        self.light_rx = LazyPattern(r"[ \u200c]+" + compile_fa_pattern(g["light_verb"]) + r"(?![\w\u200c])")
        self.prep_before_rx = LazyPattern(_B + compile_fa_pattern(g["preposition_before_anaphor"]))
        self.prep_rx = LazyPattern(_B + compile_fa_pattern(g["preposition_before_subject"]))
        self.obj_rx = LazyPattern(r"[ \u200c]+" + compile_fa_pattern(g["object_marker"]) + r"(?![\w\u200c])")
        self.since_rx = LazyPattern(_B + compile_fa_pattern(load_yaml("factuality.yaml")["since"]))
        self.cx = Constructions()
        self.setting = Setting()
        self.scope = Scope()
        self.norms = NormFilter()
        self.accusation = AccusationFrame()
        self.threats = ThreatFrame()
        self.parties = Parties(self.resolver)

    def _subject(self, cands: list[Candidate], text: str, a: int, b: int, prev: Actor | None) -> Actor | None:
        """The first unmarked actor in ``[a, b)``, else a pronoun's antecedent."""
        first_pos = b
        for c in cands:
            if c.start < a or c.end > b:
                continue
            if (
                c.actor
                and not (c.modifier or c.loc_marked or c.with_marked or c.target_marked)
                and not (self.obj_rx.match(text, c.end))
                and not self.cx.in_relative(text, a, c.start)
            ):
                return (c.actor, c.actor_id)
            first_pos = min(first_pos, c.start)
        if prev is not None and self.pron_rx.search(text, a, min(b, first_pos)):
            return prev
        return None

    def _context(
        self,
        doc: Article,
        quotes: tuple[list[Quote], list[int]],
        sent_start: int,
        sent_end: int,
        walk: SentenceWalk,
        cands: list[Candidate],
        ts: int,
        prev: Actor | None,
    ) -> _Ctx:
        qs, qstarts = quotes
        k = bisect.bisect_right(qstarts, ts)
        for q in reversed(qs[max(0, k - 4) : k]):  # the quotes starting just before the trigger
            if q.start <= ts < q.end:
                sp = self.resolver.speaker(q.speaker, q.speaker_id, doc)
                if sp is None and q.start > sent_start:  # an unnamed speaker: مقامات اوکراینی اعلام کردند
                    sp = self._speaker(cands, doc.text, sent_start, q.start, prev)
                said = q.date if q.date and q.date != doc.published and _DAY.match(q.date) else None
                return _Ctx(q.start, q.end, True, sp, q.start if q.start > sent_start else None, said)
        cue = walk.cue_before(ts)
        if cue is None:
            return _Ctx(sent_start, sent_end, False, None, None)
        speaker = self._speaker(cands, doc.text, sent_start, cue.start(), prev)
        return _Ctx(cue.end(), sent_end, True, speaker, cue.start())

    def _unnamed_counterpart(
        self, trig: Trigger, text: str, te: int, s1: int, cands: list[Candidate]
    ) -> bool:
        """``دیدار با نمایندگان گروه‌های مخالف``: a meeting noun whose با-argument names
        a group of people but no entity (the one named party meets them)."""
        if trig.type != "CONSULT" or trig.kind != "nominal":
            return False
        m = self.unnamed_rx.match(text, te)
        if m is None:
            return False
        # (با نمایندگان روسیه names its party; در ایران after it is a place)
        return not any(te <= c.start < min(s1, m.end() + 12) and c.actor and not c.loc_marked for c in cands)

    def _speaker(self, cands: list[Candidate], text: str, a: int, b: int, prev: Actor | None) -> Actor | None:
        pool = [
            c
            for c in cands
            if a <= c.start and c.end <= b and c.actor and not c.modifier and not c.loc_marked
        ]
        for c in pool:
            if c.etype == "PER":
                return (c.actor, c.actor_id)  # type: ignore[return-value]
        if pool and not pool[0].target_marked:
            return (pool[0].actor, pool[0].actor_id)  # type: ignore[return-value]
        if prev is not None and self.pron_rx.search(text, a, b):
            return prev
        return None

    def extract(self, doc: Article) -> list[Found]:
        """All event mentions of ``doc`` in text order (not yet merged)."""
        text = doc.text
        if not text or not doc.sentences:
            return []
        index = CandidateIndex(self.resolver.candidates(doc))
        nationality = self.cx.appositions(doc, index.between(0, len(text)), self.resolver.nationalities(doc))
        self.cx.government_of(text, index.between(0, len(text)), nationality, self.resolver.ids)
        matches = [Hit(a, b, i, text[a:b]) for a, b, i in self.finder.find(text)]
        starts = [m.start() for m in matches]
        quotes = sorted(doc.quotes, key=lambda q: q.start)
        timexes = sorted(doc.timexes, key=lambda t: t.start)
        found: list[Found] = []
        prev_subject: Actor | None = None
        prev_date: str | None = None
        persons = frozenset(e.name for e in doc.entities if e.type == "PER")
        clauses = ClauseIndex(doc.clauses) if doc.clauses else None
        tstarts = [t.start for t in timexes]
        qstarts = [q.start for q in quotes]
        searches = {  # leftmost matches remembered across triggers
            "breaks": NextMatch(self.break_rx, text),
            "pronouns": NextMatch(self.pron_rx, text),
            "pairs": NextMatch(self.pair_rx, text),
            "attackers": NextMatch(self.parties.attackers_rx, text),
        }
        for si, sent in enumerate(doc.sentences):
            in_sent = timexes[bisect.bisect_left(tstarts, sent.start) : bisect.bisect_left(tstarts, sent.end)]
            trigs = triggers_in(matches, starts, sent.start, sent.end)
            cands = index.between(sent.start, sent.end)
            if trigs:
                self.resolver.flag(text, cands)
                cands = self.cx.this_country(text, cands, self.resolver, sent.start)  # این کشور
                cands = self.parties.their_country(text, cands, nationality, self.cx.this_rx, sent.start)
                cues = list(self.reporting.finditer(text, sent.start, sent.end))
                stimex = [t for t in in_sent if t.end <= sent.end]
                trig_starts = tuple(x.start() for x in trigs)
                walk = SentenceWalk(text, sent.start, sent.end, cues, stimex, trig_starts, searches, cands)
                prev_end = sent.start
                for k, m in enumerate(trigs):
                    nxt = trigs[k + 1].start() if k + 1 < len(trigs) else sent.end
                    f = read_mention(
                        self,
                        doc,
                        m,
                        si,
                        sent.start,
                        sent.end,
                        prev_end,
                        nxt,
                        cands,
                        cues,
                        (quotes, qstarts),
                        stimex,
                        prev_subject,
                        found,
                        prev_date,
                        trig_starts,
                        nationality,
                        persons,
                        clauses,
                        walk=walk,
                    )
                    if f is not None:
                        found.append(f)
                        prev_end = m.end()
            prev_date = pick_date(in_sent, sent.start, sent.end, sent.start)
            if trigs:
                subj = next(
                    (
                        c
                        for c in cands
                        if c.etype == "PER"
                        and c.actor
                        and not c.modifier
                        and not (c.with_marked or c.target_marked or c.loc_marked)
                    ),
                    None,
                )
            else:  # no event here: a cheap guess of the subject, for later pronouns
                subj = next(
                    (
                        c
                        for c in cands
                        if c.etype == "PER"
                        and c.actor
                        and c.source != "title"
                        and not self.prep_rx.search(text, max(sent.start, c.start - 8), c.start)
                    ),
                    None,
                )
            if subj is not None:
                prev_subject = (subj.actor, subj.actor_id)  # type: ignore[assignment]
        return found

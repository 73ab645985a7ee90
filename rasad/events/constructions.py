"""Small constructions the event grammar consults (kept apart from grammar.py).

* an object relative clause (``زمینی را که نیروهای مسکو تصرف نکرده‌اند، ...``)
  hides its own subject: a name inside it is not the main clause's subject;
* a passive attack (``مناطق آن‌ها تحت حملات پهپادی اوکراین قرار گرفت``) names
  its target before the reported clause (the speaker's side);
* a conditional threat (``اگر آمریکا واکنش نشان دهد، ایران بیکار نخواهد نشست``)
  names its target in the ``اگر`` clause;
* a role noun before a state (``نماینده ایران``) stands for the person who
  holds it when that person was just named (``تخت‌روانچی ... نماینده ایران``).

The patterns live in ``rasad/data/events/grammar.yaml`` (key ``constructions``).
"""

from __future__ import annotations

import bisect
import re

from rasad.cache import LazyPattern, Regex
from rasad.events.actors import ActorResolver, Candidate
from rasad.events.resources import compile_fa_pattern, load_yaml
from rasad.model import Article

Actor = tuple[str, str | None]


def _last(rx: Regex, text: str, a: int, b: int) -> re.Match[str] | None:
    """The last match of ``rx`` in ``text[a:b]``."""
    last = None
    for last in rx.finditer(text, a, b):  # noqa: B007
        pass
    return last


class Constructions:
    """Compiled patterns of ``grammar.yaml: constructions``."""

    def __init__(self) -> None:
        data = load_yaml("grammar.yaml").get("constructions") or {}
        b = r"(?<![\w\u200c])"
        self.relative_rx = LazyPattern(b + compile_fa_pattern(data["object_relative"]))
        self.passive_rx = LazyPattern(b + compile_fa_pattern(data["passive_assault"]) + r"[ \u200c]*$")
        self.cond_rx = LazyPattern(b + compile_fa_pattern(data["condition"]))
        self.role_rx = LazyPattern(b + compile_fa_pattern(data["role_before_state"]) + r"[ \u200c]+$")
        self.report_rx = LazyPattern(b + compile_fa_pattern(data["news_report"]))
        self.hedge_rx = LazyPattern(b + compile_fa_pattern(data["hedge"]))
        self.present_rx = LazyPattern(r"^" + compile_fa_pattern(data["present_state"]))
        self.sports_rx = LazyPattern(b + compile_fa_pattern(data["sports"]))
        self.armed_rx = LazyPattern(b + compile_fa_pattern(data["armed"]))
        self.origin_rx = LazyPattern(b + compile_fa_pattern(data["origin"]))
        self.stated_rx = LazyPattern(b + compile_fa_pattern(data["statement_object"]))
        self.agent_rx = LazyPattern(
            b + compile_fa_pattern(data["request_agent"]) + r"(?:[ \u200c]+[^\s،.]+){0,2}?[ \u200c]+$"
        )
        self.gov_rx = LazyPattern(b + compile_fa_pattern(data["government_of"]) + r"[ \u200c]+$")
        self.speech_ana_rx = LazyPattern(b + compile_fa_pattern(data["speech_anaphor"]) + r"(?![\w\u200c])")
        self.from_rx = LazyPattern(b + "از" + r"[ \u200c]")
        self.continued_rx = LazyPattern(b + compile_fa_pattern(data["speech_continued"]) + r"(?![\w\u200c])")
        self.with_pair_rx = LazyPattern(b + compile_fa_pattern(data["with_pair"]) + r"$")
        self.direct_rx = LazyPattern(b + compile_fa_pattern(data["direct_target"]) + r"[ \u200c]+$")
        self.this_rx = LazyPattern(b + compile_fa_pattern(data["this_state"]) + r"(?![\w\u200c])")
        self.future_rx = LazyPattern(b + compile_fa_pattern(data["future"]) + r"(?![\w\u200c])")

    def government_of(
        self, text: str, cands: list[Candidate], nationality: dict[str, str], ids: dict[str, str]
    ) -> None:
        """``دولت دونالد ترامپ``: a government named after its head acts for the state,
        so the head's mention there stands for his country (when the article gives it)."""
        for c in cands:
            state = nationality.get(c.actor or "")
            if c.etype == "PER" and state and self.gov_rx.search(text, max(0, c.start - 12), c.start):
                c.actor, c.actor_id = state, ids.get(state)

    def speech_anaphor(self, text: str, a: int, ts: int) -> bool:
        """Does the clause before ``ts`` point back to a speech event (``در این مصاحبه``)?"""
        return self.speech_ana_rx.search(text, a, ts) is not None

    def points_back(self, text: str, s0: int, ts: int, cue_start: int | None) -> bool:
        """Does a statement belong to the speech reported just before: ``در این مصاحبه ...``
        or a reporting verb that goes on (``وی افزود: «...»``)? Then it has that speech's date."""
        if self.speech_anaphor(text, s0, ts):
            return True
        return (
            cue_start is not None and self.continued_rx.search(text, s0, min(ts, cue_start + 12)) is not None
        )

    def with_pair(self, text: str, a: int, pair_start: int) -> bool:
        """Is the pair anaphor at ``pair_start`` the partner of a با phrase
        (``با همتایان خود در دو کشور تماس گرفت``: someone talks with both sides)?"""
        return self.with_pair_rx.search(text, max(a, pair_start - 40), pair_start) is not None

    def direct(self, etype: str, text: str, pos: int) -> bool:
        """Is a REQUEST's target at ``pos`` marked right before it (``باید برای اوکراین ...``)?
        In ``باید به تصمیم پارلمان X احترام گذارد`` X owns the object; it is not the one asked."""
        return etype == "REQUEST" and self.direct_rx.search(text, max(0, pos - 10), pos) is not None

    def this_country(self, text: str, cands: list[Candidate], res: ActorResolver, s0: int) -> list[Candidate]:
        """``این کشور`` stands for the last state named before it in the sentence, but not
        for the subject of its own clause (``به شرط آنکه انگلیس ...، مسکو از حملات این کشور
        استقبال می‌کند``: انگلیس). Returns ``cands`` with such mentions added (flags set)."""
        added: list[Candidate] = []
        for m in self.this_rx.finditer(text, s0, cands[-1].end + 40 if cands else s0):
            if any(c.start <= m.start() < c.end for c in cands):
                continue
            clause = text.rfind("،", s0, m.start())
            ante = None
            for c in cands:
                if c.end > m.start():
                    break
                subject = c.start > clause and not (c.target_marked or c.with_marked or c.loc_marked)
                if c.actor in res.countries and not c.modifier and not subject:
                    ante = c
            if ante is not None:
                added.append(
                    Candidate(m.start(), m.end(), ante.actor, ante.actor_id, None, None, "GPE", "anaphor")
                )
        if not added:
            return cands
        out = sorted(cands + added, key=lambda c: (c.start, -c.end))
        res.flag(text, out)
        return out

    def future(self, trigger_text: str) -> bool:
        """Is the trigger's verb future (``نخواهند پذیرفت``, ``حمایت خواهد کرد``)?"""
        return self.future_rx.search(trigger_text) is not None

    def hedged(self, text: str, a: int, ts: int) -> bool:
        """Is the statement at ``ts`` hedged in its clause ``[a, ts)``?

        >>> Constructions().hedged("به احتمال زیاد تهران این شرط را نخواهد پذیرفت", 0, 30)
        True
        """
        return self.hedge_rx.search(text, a, ts) is not None

    def object_of_statement(self, text: str, te: int, ce: int) -> bool:
        """Is the noun ending at ``te`` the object of a statement verb (``... را محکوم کرد``)?"""
        m = self.stated_rx.search(text, te, min(ce, te + 80))
        return m is not None and "،" not in text[te : m.start()]

    def present_state(self, trigger_text: str) -> bool:
        """Is the statement a standing position (``خواستار لغو تحریم‌ها هستند``)?"""
        return self.present_rx.search(trigger_text) is not None

    def origin(self, text: str, c: Candidate) -> bool:
        """Is the place ``c`` where a trip starts (``از تهران به دوحه سفر کرد``)?"""
        return c.etype != "PER" and self.origin_rx.search(text, max(0, c.start - 30), c.start) is not None

    def unarmed(self, text: str, s0: int, s1: int) -> bool:
        """Does the sentence name no armed force at all (``به ترامپ حمله کرد``: words)?"""
        return self.armed_rx.search(text, s0, s1) is None

    def sports(self, text: str, s0: int, s1: int) -> bool:
        """Is the sentence about sport (``در این دیدار به مصاف ... می‌رود``)?"""
        return self.sports_rx.search(text, s0, s1) is not None

    def asked(self, text: str, cands: list[Candidate], ts: int, te: int, source: Actor) -> list[Actor]:
        """The ones asked in ``خواستار خروج نیروهای X از Y شد``: the doers of the act asked for
        (with those coordinated: ``خواستار بازگشت X و Y به میز مذاکره شد``)."""
        for c in cands:
            if (
                ts < c.start
                and c.end <= te
                and c.actor
                and c.actor != source[0]
                and not (c.modifier or c.between_marked or c.with_marked)
                and self.agent_rx.search(text, max(ts, c.start - 30), c.start)
            ):
                more = [a for a in self.coordinated(text, cands, c, te) if a[0] != source[0]]
                return [(c.actor, c.actor_id), *more]
        return []

    def nested_from(
        self, text: str, cands: list[Candidate], lo: int, ts: int, actors: list[Actor]
    ) -> list[Actor]:
        """``از مواضع X و حمایت‌های آن از Y انتقاد کرد``: only the first از phrase holds the
        target; a later از X inside it (حمایت از Y) is not."""
        marked = [
            c
            for c in cands
            if lo <= c.start < ts
            and c.actor
            and c.target_marked
            and self.from_rx.search(text, max(lo, c.start - 30), c.start)
        ]
        if len(marked) < 2:
            return actors
        return self.first_phrase_only(text, cands, marked, ts, self.from_rx, actors)

    @staticmethod
    def first_phrase_only(
        text: str, cands: list[Candidate], inside: list[Candidate], ts: int, marker: Regex, actors: list[Actor]
    ) -> list[Actor]:
        """Of the parties ``inside`` a marked phrase, the first and those coordinated with it
        stay; a later one with ``marker`` between it and the first is dropped from ``actors``
        (the source, ``actors[0]``, always stays)."""
        first = inside[0]
        keep = {first.actor} | {a[0] for a in Constructions.coordinated(text, cands, first, ts)}
        drop = {
            c.actor for c in inside[1:] if c.actor not in keep and marker.search(text, first.end, c.start) is not None
        }
        return [a for i, a in enumerate(actors) if i == 0 or a[0] not in drop]

    def counterpart(
        self,
        etype: str,
        text: str,
        cands: list[Candidate],
        bounds: tuple[int, int, int, int, int],
        region_start: int,
        speaker: Actor | None,
        source: Actor,
        verb_object: bool = False,
    ) -> Actor | None:
        """The other party of a one-sided event whose grammar named only its source.

        ``bounds``: sentence start and end, trigger start, object start, clause start;
        ``verb_object``: the trigger is a verb that may take a را-object (an attack)."""
        s0, s1, ts, lo, cs = bounds
        if etype in ("REJECT", "ACCUSE", "SUPPORT"):
            return (
                (self.relative_target(text, cands, min(lo, cs), ts, source) if etype == "REJECT" else None)
                or self.object_owner(text, cands, cs, ts, source)
                or (
                    self.doer(cands, max(region_start, cs), ts, source)
                    if etype == "ACCUSE" and speaker == source
                    else None
                )
            )
        if etype == "THREATEN":
            return self.condition_target(text, cands, cs, ts, source)
        if etype == "ASSAULT":
            return (
                self.passive_target(text, cands, s0, ts, region_start, source)
                or self.reporter_target(text, speaker, ts, s1, source)
                # مواضع نظامیان X را گلوله‌باران کردند: the owner of what is hit
                or (
                    self.object_owner(text, cands, max(region_start, cs), ts, source) if verb_object else None
                )
            )
        return None

    @staticmethod
    def doer(cands: list[Candidate], a: int, ts: int, source: Actor) -> Actor | None:
        """The doer of a deed the speaker brands (``«آمریکا دست به یک اقدام تروریستی زد»``):
        the first unmarked actor of the reported clause before the charge."""
        for c in cands:
            if c.start >= ts:
                break
            if (
                a <= c.start
                and c.actor
                and c.actor != source[0]
                and not (c.modifier or c.loc_marked or c.with_marked or c.between_marked or c.target_marked)
            ):
                return (c.actor, c.actor_id)
        return None

    @staticmethod
    def coordinated(text: str, cands: list[Candidate], first: Candidate, ts: int) -> list[Actor]:
        """Actors coordinated with ``first`` before ``ts``: ``آلمان، فرانسه و بریتانیا``.

        Only a comma or و may stand between them; the first is not returned."""
        out: list[Actor] = []
        last = first.end
        for c in cands:
            if c.start < last:
                continue
            if c.start >= ts or not c.actor or c.modifier:
                break
            if text[last : c.start].strip(" \u200c،,") not in ("", "و"):
                break
            if c.actor != first.actor and (c.actor, c.actor_id) not in out:
                out.append((c.actor, c.actor_id))
            last = c.end
        return out

    def in_relative(self, text: str, a: int, pos: int) -> bool:
        """Is ``pos`` inside an object relative clause or a condition (``اگر X ...``)
        opened in ``[a, pos)`` and not yet closed by a comma?

        >>> Constructions().in_relative("زمینی را که نیروهای روسیه", 0, 20)
        True
        """
        for rx in (self.relative_rx, self.cond_rx):
            m = _last(rx, text, a, pos)
            if m is not None and "،" not in text[m.end() : pos]:
                return True
        return False

    def passive_target(
        self, text: str, cands: list[Candidate], s0: int, ts: int, region_start: int, source: Actor
    ) -> Actor | None:
        """The target of ``تحت حملات X قرار گرفت`` said by the attacked side: the actor
        named before the reported clause (or before the trigger), other than the source."""
        if not self.passive_rx.search(text, max(s0, ts - 12), ts):
            return None
        end = region_start if region_start > s0 else ts
        for c in cands:
            if s0 <= c.start and c.end <= end and c.actor and c.actor != source[0]:
                return (c.actor, c.actor_id)
        return None

    def reporter_target(
        self, text: str, speaker: Actor | None, ts: int, s1: int, source: Actor
    ) -> Actor | None:
        """``ارتش اوکراین از حمله هوایی روسیه به خارکیف خبر داد``: the side that reports
        another's attack as news is the side hit."""
        if speaker is None or speaker[0] == source[0] or not self.reported(text, ts, s1):
            return None
        return speaker

    def relative_target(
        self, text: str, cands: list[Candidate], lo: int, ts: int, source: Actor
    ) -> Actor | None:
        """``زمینی را که نیروهای روسیه تصرف کرده‌اند واگذار نمی‌کند``: the actor named in
        the object's relative clause is the other party of a refusal."""
        for c in cands:
            if (
                lo <= c.start < ts
                and c.actor
                and c.actor != source[0]
                and self.in_relative(text, lo, c.start)
            ):
                return (c.actor, c.actor_id)
        return None

    def object_owner(self, text: str, cands: list[Candidate], a: int, ts: int, source: Actor) -> Actor | None:
        """``درخواست اوکراین برای آتش‌بس را رد کرد``: the actor named inside the object
        (the one whose request, plan or policy it is) is the other party."""
        obj = text.rfind(" را ", a, ts + 4)  # (the trigger may begin with its را)
        if obj < 0 or "،" in text[obj:ts]:
            return None
        for c in cands:
            if (
                a <= c.start
                and c.end <= obj
                and c.actor
                and c.actor != source[0]
                and not (c.modifier or c.loc_marked or c.with_marked)
            ):
                return (c.actor, c.actor_id)
        return None

    def condition_target(
        self, text: str, cands: list[Candidate], a: int, ts: int, source: Actor
    ) -> Actor | None:
        """The actor of an ``اگر X ...`` clause before a threat."""
        m = _last(self.cond_rx, text, a, ts)
        if m is None:
            return None
        for c in cands:
            if m.end() <= c.start < ts and c.actor and c.actor != source[0]:
                return (c.actor, c.actor_id)
        return None

    def role_person(
        self,
        text: str,
        c: Candidate | None,
        s0: int,
        prev: Actor | None,
        nationality: dict[str, str] | None,
    ) -> Actor | None:
        """``نماینده ایران`` after a named Iranian envoy: that envoy."""
        if c is None or prev is None or not nationality or nationality.get(prev[0]) != c.actor:
            return None
        if self.role_rx.search(text, max(s0, c.start - 30), c.start):
            return prev
        return None

    def appositions(self, doc: Article, cands: list[Candidate], known: dict[str, str]) -> dict[str, str]:
        """Add person → state from appositions (``مجید تخت‌روانچی، نماینده دائم ایران``)
        to ``known`` (the nationalities read off title mentions)."""
        out = dict(known)
        text = doc.text
        states = sorted((c for c in cands if c.actor and c.etype != "PER"), key=lambda c: c.start)
        sstarts = [c.start for c in states]
        for ent in doc.entities:
            if ent.type != "PER" or ent.name in out:
                continue
            for m in ent.mentions:
                k = bisect.bisect_right(sstarts, m.end)
                nxt = states[k] if k < len(states) and states[k].start <= m.end + 45 else None
                if nxt is None or "." in text[m.end : nxt.start]:
                    continue
                if self.role_rx.search(text, m.end, nxt.start):
                    paren = re.search(r"\(([^()]+)\)$", nxt.actor or "")  # Federation Council (Russia)
                    out[ent.name] = paren.group(1) if paren else nxt.actor  # type: ignore[assignment]
                    break
        return out

    def reported(self, text: str, a: int, b: int) -> bool:
        """Does ``text[a:b]`` report news (``از ... خبر داد``)?"""
        return self.report_rx.search(text, a, b) is not None

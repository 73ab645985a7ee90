"""A learned chooser of an event's actor set (issue 10).

The grammar's rules pick the actors of each event mention; they were fitted to
few articles and often take one actor too many or too few. This module looks at
every actor *candidate* of an event -- the entity mentions of its sentence, the
speaker of the quote it sits in and the actors the rules chose elsewhere -- and scores each one with a logistic regression trained
on the development set's tuning part (``scripts/train_event_actors.py``; weights
in ``rasad/data/models/events_actor_model.json``, note in ``EVENTS_ACTORS.md``).

Features: the clause role from the syntax layer (subject, را-object, the
preposition governing it), the grammar's context flags (با/میان/به/در before
it, part of a title), inside a quote or its speaker, entity type, a country
while a person or body of that country is also a candidate, distance and side
to the trigger, rank in the sentence, whether and where the rules picked it,
the event type and headline vs body.

The decision rule (threshold, at most N actors, two for a meeting, a likelihood
margin over the rules' set) is chosen by document cross-validation on the tuning
part; the rules' choice is kept when the model picks no actor. A second model
(same file) may drop event mentions unlikely to be true. Each is switched on only
when its cross-validated event F1 beats the rules' (currently neither is:
``load_model`` then returns None and the stage's output is the rules').
"""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad.events.actors import ActorResolver, Candidate, CandidateIndex
from rasad.events.mentions import Actor, Found
from rasad.events.parties import affiliations
from rasad.model import Article

MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "events_actor_model.json"
JOINT_TYPES = ("CONSULT", "AGREE")


@dataclass
class Option:
    """One actor candidate of an event with its feature names."""

    actor: Actor
    feats: list[str] = field(default_factory=list)
    rule_rank: int | None = None  # position in the rules' actor list
    order: int = 0  # text order, for the output's actor order


@dataclass
class DocContext:
    """Per-article lookups shared by all events of the article."""

    doc: Article
    index: CandidateIndex
    flagged: set[int]
    resolver: ActorResolver
    side_of: dict[str, set[str]]  # person -> their states and bodies
    clause_starts: list[int]
    quote_starts: list[int]
    quotes: list[Any]

    @classmethod
    def build(cls, doc: Article, resolver: ActorResolver) -> DocContext:
        index = CandidateIndex(resolver.candidates(doc))
        aff = affiliations(doc, resolver, resolver.nationalities(doc))
        quotes = sorted(doc.quotes, key=lambda q: q.start)
        return cls(
            doc,
            index,
            set(),
            resolver,
            aff,
            [c.start for c in doc.clauses],
            [q.start for q in quotes],
            quotes,
        )

    def sentence_cands(self, si: int) -> list[Candidate]:
        """The candidates of sentence ``si`` that name an actor (flags set once)."""
        if not (0 <= si < len(self.doc.sentences)):
            return []
        s = self.doc.sentences[si]
        cands = self.index.between(s.start, s.end)
        if si not in self.flagged:
            self.flagged.add(si)
            self.resolver.flag(self.doc.text, cands)
        return [c for c in cands if c.actor]

    def quote_at(self, pos: int) -> Any:
        k = bisect.bisect_right(self.quote_starts, pos)
        for q in reversed(self.quotes[max(0, k - 4) : k]):
            if q.start <= pos < q.end:
                return q
        return None

    def role(self, a: int, b: int, trig: int) -> tuple[str, bool]:
        """The syntactic role of the span ``[a, b)`` in its clause, and whether that
        clause also holds the trigger at ``trig``."""
        clauses = self.doc.clauses
        k = bisect.bisect_right(self.clause_starts, a)
        best = None
        for c in reversed(clauses[max(0, k - 6) : k]):
            if c.start <= a and b <= c.end:
                best = c
                break
        if best is None:
            return "none", False
        same = best.start <= trig < best.end
        if best.subject and best.subject[0] <= a and b <= best.subject[1] + 1:
            return "subj", same
        for o in best.objects:
            if o[0] <= a and b <= o[1] + 1:
                return "obj", same
        for p, ps, pe in best.preps:
            if ps <= a and b <= pe + 1:
                return "prep:" + p, same
        return "none", same


def _bucket(n: int) -> str:
    return str(min(4, int(math.log2(n + 1)))) if n >= 0 else "0"


def _trigger_pos(text: str, f: Found) -> int:
    i = text.find(f.trigger, f.start, f.end) if f.trigger else -1
    return i if i >= 0 else f.start


def options(ctx: DocContext, f: Found) -> list[Option]:
    """Every actor candidate of ``f`` with its features."""
    doc = ctx.doc
    text = doc.text
    trig = _trigger_pos(text, f)
    rule_names = [a[0] for a in f.actors]
    headline = f.sentence == 0 or bool(doc.title_span and f.start < doc.title_span[1])
    q = ctx.quote_at(trig)
    speaker: Actor | None = None
    if q is not None:
        speaker = ctx.resolver.speaker(q.speaker, q.speaker_id, doc)
    base = [f"type:{f.type}", "head" if headline else "body", "speech" if f.speech else "plain"]
    if q is not None:
        base.append("in_quote_event")
    sent = ctx.sentence_cands(f.sentence)
    by_actor: dict[str, list[Candidate]] = {}
    for c in sent:
        by_actor.setdefault(c.actor or "", []).append(c)
    present = set(by_actor)
    countries = ctx.resolver.countries
    sides: set[str] = set()
    for name in present:
        sides |= ctx.side_of.get(name, set())
    out: list[Option] = []
    for rank, (name, ms) in enumerate(sorted(by_actor.items(), key=lambda kv: kv[1][0].start)):
        c = min(ms, key=lambda m: abs(m.start - trig))
        role, same_clause = ctx.role(c.start, c.end, trig)
        side = "before" if c.end <= trig else "after"
        words = len(text[min(c.end, trig) : max(c.start, trig)].split())
        fs = [
            f"etype:{c.etype}",
            f"src:{c.source}",
            f"role:{role}",
            f"role:{role}:{side}",
            f"side:{side}",
            f"dist:{side}:{_bucket(words)}",
            f"rank:{min(rank, 3)}",
        ]
        fs += [f"flag:{k}" for k in ("modifier", "loc_marked", "with_marked", "between_marked", "target_marked")
               if getattr(c, k)]
        if same_clause:
            fs.append("same_clause")
        if len(ms) > 1:
            fs.append("repeated")
        cq = ctx.quote_at(c.start)
        if cq is not None:
            fs.append("inside_quote")
        if speaker is not None and name == speaker[0]:
            fs.append("speaker")
        if name in countries:
            fs.append("country")
            if name in sides:
                fs.append("country_with_its_person")
        rr = rule_names.index(name) if name in rule_names else None
        fs.append("rule:none" if rr is None else f"rule:{min(rr, 2)}")
        out.append(Option((c.actor or "", c.actor_id), fs, rr, c.start))
    # actors from outside the sentence: the rules' (a pronoun's antecedent, an earlier
    # event's parties) and the quote's speaker
    extra: list[tuple[Actor, str]] = [(a, "outside:rule") for a in f.actors if a[0] not in present]
    if speaker is not None and speaker[0] not in present and speaker[0] not in rule_names:
        extra.append((speaker, "outside:speaker"))
    for act, why in extra:
        fs = [why, "speaker" if speaker is not None and act[0] == speaker[0] else "not_speaker"]
        rr = rule_names.index(act[0]) if act[0] in rule_names else None
        fs.append("rule:none" if rr is None else f"rule:{min(rr, 2)}")
        if act[0] in countries:
            fs.append("country")
            if act[0] in sides:
                fs.append("country_with_its_person")
        out.append(Option(act, fs, rr, -1))
    n = len(out)
    for o in out:
        local = list(o.feats)
        o.feats = local + base + [f"{f.type}|{x}" for x in local] + [f"n:{min(n, 5)}", "__bias__"]
    return out


def event_features(ctx: DocContext, f: Found) -> list[str]:
    """Features of one event mention, for the decision whether to keep it."""
    doc = ctx.doc
    headline = f.sentence == 0 or bool(doc.title_span and f.start < doc.title_span[1])
    words = f.trigger.replace("\u200c", " ").split()
    etypes = {c.actor: c.etype for c in ctx.sentence_cands(f.sentence)}
    fs = [
        f"type:{f.type}",
        f"status:{f.status}",
        f"{f.type}|status:{f.status}",
        f"trig1:{words[0] if words else ''}",
        f"{f.type}|trigw:{min(len(words), 3)}",
        f"mode:{f.mode}",
        "head" if headline else "body",
        "speech" if f.speech else "plain",
        "dated" if f.date else "undated",
        f"nact:{min(len(f.actors), 3)}",
        f"{f.type}|nact:{min(len(f.actors), 3)}",
        f"nsent:{min(len(f.sentences), 3)}",
        "__bias__",
    ]
    fs += [x for x, on in (("weak", f.weak), ("anaphoric", f.anaphoric), ("continues", f.continues)) if on]
    if ctx.quote_at(_trigger_pos(doc.text, f)) is not None:
        fs.append("in_quote")
    for a in f.actors:
        fs.append(f"actor_type:{etypes.get(a[0], 'outside')}")
    return fs


def score(model: dict[str, Any], feats: list[str]) -> float:
    vocab, w = model["vocab"], model["w"]
    z = sum(w[vocab[x]] for x in feats if x in vocab)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def decide(probs: list[float], opts: list[Option], etype: str, rule: dict[str, Any]) -> list[int] | None:
    """Indices of the chosen options, or None to keep the rules' choice: the model's
    set replaces the rules' one only when its likelihood is higher by ``margin``."""
    if rule.get("joint_only") and etype not in JOINT_TYPES:
        return None
    order = sorted(range(len(opts)), key=lambda i: -probs[i])
    chosen = [i for i in order if probs[i] >= rule["threshold"]][: rule["max_actors"]]
    need = rule.get("min_joint", 1) if etype in JOINT_TYPES else 1
    if len(chosen) < need and rule.get("fill") and len(order) >= need:
        chosen = order[:need]
    if not chosen or len(chosen) < need:
        return None
    ruled = {i for i, o in enumerate(opts) if o.rule_rank is not None}
    if set(chosen) == ruled:
        return None
    if ruled and _loglik(probs, set(chosen)) - _loglik(probs, ruled) < rule.get("margin", 0.0):
        return None
    return chosen


def _loglik(probs: list[float], chosen: set[int]) -> float:
    eps = 1e-6
    return sum(math.log(max(eps, p if i in chosen else 1.0 - p)) for i, p in enumerate(probs))


class ActorModel:
    """The trained chooser (one per stage; read-only after loading)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.model: dict[str, Any] | None = data["actors"] if data.get("enabled", True) else None
        self.rule: dict[str, Any] = data["rule"]
        keep = data.get("keep") or {}
        self.keep: dict[str, Any] | None = keep if keep.get("enabled") else None

    def choose(self, doc: Article, found: list[Found], resolver: ActorResolver) -> list[Found]:
        """Replace each event's actors by the model's choice (in place); events that
        become duplicates of an earlier one in the same sentence are dropped."""
        if not found or not doc.sentences:
            return found
        ctx = DocContext.build(doc, resolver)
        if self.keep is not None:
            keep = self.keep
            found = [f for f in found if score(keep, event_features(ctx, f)) >= keep["threshold"]]
        if self.model is None:
            return found
        for f in found:
            opts = options(ctx, f)
            if not opts:
                continue
            probs = [score(self.model, o.feats) for o in opts]
            pick = decide(probs, opts, f.type, self.rule)
            if pick is None:
                continue
            f.actors = order_actors([opts[i] for i in pick])
        return dedupe(found)


def order_actors(chosen: list[Option]) -> list[Actor]:
    """The rules' source first when kept, then the rest in text order."""
    chosen = sorted(chosen, key=lambda o: (o.rule_rank is None, o.rule_rank or 0, o.order))
    return [o.actor for o in chosen]


def dedupe(found: list[Found]) -> list[Found]:
    seen: set[tuple[str, frozenset[str], str | None, int]] = set()
    out: list[Found] = []
    for f in found:
        key = (f.type, frozenset(a[0] for a in f.actors), f.date, f.sentence)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def load_model(path: Path = MODEL) -> ActorModel | None:
    """The trained chooser, or None when no model file is present."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if not data.get("enabled", True) and not (data.get("keep") or {}).get("enabled"):
        return None
    return ActorModel(data)

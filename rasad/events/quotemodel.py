"""Speech acts read off reported statements by a small learned model.

Where the trigger rules find no act, a quote may still be one: an accusation
(``... کاری تروریستی بود``), a demand (``از آنها می‌خواهیم ...``), support or a
threat. A logistic regression per type (trained by ``scripts/train_events.py``
on the tuning part of the development set only; weights in
``rasad/data/models/events_quote_model.json``) scores each quote from its words,
its cue and the words of its sentence; a second one picks the counterparts
among the entities of the sentence (``از X``, ``X را``, inside the quote ...).

The source is the quote's speaker; the status is ``occurred``; the date comes
later from the source's dated statements (:func:`rasad.events.speech.date_by_source`).
Cost: linear in the quotes and the mentions of their sentences.
"""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rasad.cache import LazyPattern
from rasad.events.mentions import Found
from rasad.model import Article, Quote

MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "events_quote_model.json"
SPEECH = ("REQUEST", "REJECT", "THREATEN", "SUPPORT", "ACCUSE")
_WORD = LazyPattern(r"[^\s\u200c.,،؛:!?؟«»\"()\[\]/\-–—]+")
_PREV = ("از", "به", "علیه", "با", "و", "را", "که", "برای", "در", "بر")


def words(text: str) -> list[str]:
    """Words of ``text`` (ZWNJ and punctuation split them)."""
    return _WORD.findall(text.replace("ي", "ی").replace("ك", "ک"))


_SIDE = 1000


def quote_features(doc: Article, q: Quote) -> list[str]:
    """Features of one quote: its words (and their first four letters), its cue and kind,
    and the other words of its sentence."""
    out = [f"kind:{q.kind}", "bias"]
    for w in words(q.text[:_SIDE]):  # the opening of a quote that runs on for pages
        out.append(f"w:{w}")
        if len(w) > 4:
            out.append(f"p:{w[:4]}")
    if q.cue_start is not None and q.cue_end is not None:
        out += [f"c:{w}" for w in words(doc.text[q.cue_start : q.cue_end])]
    si = doc.sentence_at(q.start)
    if si is not None:
        s = doc.sentences[si]
        # the sentence around the quote, at most _SIDE characters each way (a sentence without a
        # stop can run for pages: each quote would read all of it)
        outside = doc.text[max(s.start, q.start - _SIDE) : q.start] + " " + doc.text[q.end : min(s.end, q.end + _SIDE)]
        out += [f"s:{w}" for w in words(outside)]
    return out


@dataclass
class TargetCand:
    """An entity of the quote's sentence that may be the act's counterpart."""

    name: str
    eid: str
    start: int
    feats: list[str]


Mentions = list[tuple[int, int, str, str, str, str]]  # start, end, name, id, type, source


def mention_index(doc: Article) -> Mentions:
    """The PER/ORG/GPE mentions of ``doc`` sorted by offset (built once per article)."""
    out = [
        (m.start, m.end, e.name, e.id, e.type, m.source)
        for e in doc.entities
        if e.type in ("PER", "ORG", "GPE")
        for m in e.mentions
    ]
    out.sort()
    return out


def target_candidates(doc: Article, q: Quote, etype: str, index: Mentions | None = None) -> list[TargetCand]:
    """The entities mentioned in the sentence of ``q`` (not the speaker), with features."""
    si = doc.sentence_at(q.start)
    if si is None:
        return []
    s = doc.sentences[si]
    mentions = index if index is not None else mention_index(doc)
    lo = bisect.bisect_left(mentions, (s.start,))
    first: dict[str, tuple[int, int, str, str, str]] = {}
    for a, b, name, eid, typ, source in mentions[lo:]:
        if a >= s.end:
            break
        if name != q.speaker and name not in first:
            first[name] = (a, b, eid, typ, source)
    ranked = sorted(first.items(), key=lambda kv: kv[1][0])
    out: list[TargetCand] = []
    n_in = 0
    for rank, (name, (a, b, eid, typ, source)) in enumerate(ranked):
        inside = q.start <= a < q.end
        before = words(doc.text[max(s.start, a - 12) : a])
        after = words(doc.text[b : min(s.end, b + 8)])
        f = [
            "bias",
            f"t:{etype}",
            f"et:{typ}",
            f"et:{typ}|{etype}",
            f"in:{inside}",
            f"in:{inside}|{etype}",
            f"rank:{min(rank, 3)}",
            f"src:{source}",
        ]
        if inside:
            f.append(f"rank_in:{min(n_in, 2)}")
            n_in += 1
        if before and before[-1] in _PREV:
            f += [f"prev:{before[-1]}", f"prev:{before[-1]}|{etype}"]
        if after and after[0] == "را":
            f += ["next:را", f"next:را|{etype}"]
        out.append(TargetCand(name, eid, a, f))
    return out


class _LogReg:
    def __init__(self, d: dict[str, Any]) -> None:
        self.vocab: dict[str, int] = d["vocab"]
        self.w: list[float] = d["w"]
        self.threshold: float = d.get("threshold", 0.5)

    def prob(self, feats: list[str]) -> float:
        z = 0.0
        for f in feats:
            i = self.vocab.get(f)
            if i is not None:
                z += self.w[i]
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class QuoteModel:
    """The trained quote-type and counterpart models (read-only). Only quotes in
    sentences where the rules found no event are read (the rules decide where they fire)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.types = {t: _LogReg(d) for t, d in data["types"].items()}
        self.target = _LogReg(data["target"])
        self.max_targets = int(data.get("max_targets", 2))

    def acts(self, doc: Article, found: list[Found]) -> list[Found]:
        """Speech acts of the quotes of ``doc`` that the rules did not find."""
        have: set[tuple[str, str, int]] = {
            (f.type, f.actors[0][0], si) for f in found if f.actors for si in f.sentences
        }
        ruled = {si for f in found for si in f.sentences}  # sentences the rules have read
        out: list[Found] = []
        index = mention_index(doc)
        for q in doc.quotes:
            if not q.speaker:
                continue
            si = doc.sentence_at(q.start)
            if si is None or si in ruled:
                continue
            feats = quote_features(doc, q)
            for t, model in self.types.items():
                if (t, q.speaker, si) in have or model.prob(feats) < model.threshold:
                    continue
                cands = target_candidates(doc, q, t, index)
                scored = sorted(((self.target.prob(c.feats), c) for c in cands), key=lambda x: -x[0])
                targets = [
                    (c.name, c.eid) for p, c in scored[: self.max_targets] if p >= self.target.threshold
                ]
                end = min(q.end, q.start + 160)
                out.append(
                    Found(
                        type=t,
                        actors=[(q.speaker, q.speaker_id), *targets],
                        status="occurred",
                        trigger=doc.text[q.cue_start : q.cue_end]
                        if q.cue_start is not None and q.cue_end
                        else doc.text[q.start : min(q.end, q.start + 20)],
                        start=q.start,
                        end=max(end, q.start + 1),
                        sentence=si,
                        speech=True,
                        sentences={si},
                    )
                )
                have.add((t, q.speaker, si))
        return out


@cache
def load_model() -> QuoteModel | None:
    """The committed model, or None when the file is absent."""
    if not MODEL.exists():
        return None
    return QuoteModel(json.loads(MODEL.read_text(encoding="utf-8")))

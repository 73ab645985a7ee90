"""Where each side stands: positions of actors on issues, over time.

A *position* is (actor, issue, stance, date) with the quote or event that shows it. Positions are
read from an article's quotes (speaker, content, reporting verb, date of the statement) and
events (SUPPORT, AGREE, REQUEST → supports; REJECT, THREATEN, ACCUSE → opposes; source actor;
the event's date), for the issues named in the statement (``rasad/data/positions/issues.yaml``).
Over a store, :func:`positions_from_store` orders each actor's positions per issue by date and
flags where the stance changed.

    >>> doc = {"doc": "d", "published": "2025-03-01", "quotes": [{"speaker": "Sergey Lavrov",
    ...   "text": "مسکو با آتش‌بس موقت مخالف است", "cue": "گفت", "date": "2025-03-01", "start": 0, "end": 10}]}
    >>> [(p.actor, p.issue, p.stance) for p in positions_of(doc)]
    [('Sergey Lavrov', 'ceasefire', 'opposes')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from rasad.positions.core import STANCES, Lexicon, PositionError, apply_polarity

__all__ = ["STANCES", "Lexicon", "Position", "PositionError", "flag_changes", "positions_of"]


@dataclass
class Position:
    actor: str
    issue: str
    issue_label: str
    stance: str  # supports | opposes | conditions | neutral
    date: str | None
    doc: str
    kind: str  # quote | event
    evidence: str
    start: int | None = None
    end: int | None = None
    cue: str | None = None
    article_id: int | None = None
    changed: bool = False  # the stance differs from this actor's previous stance on the issue
    previous: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _from_statement(lex: Lexicon, actor: str, text: str, cue: str | None, base: str | None, **where: Any
                    ) -> list[Position]:
    out: dict[str, Position] = {}
    for m in lex.issues_in(text):
        if m.issue in out:
            continue
        if base is None:
            stance = lex.stance(text, cue=cue, at=m.start, end=m.end)
        else:
            words = lex.stance(text, at=m.start, end=m.end)
            stance = "conditions" if words == "conditions" else base
        if stance == "neutral" and not lex.foretells(cue):
            # no cue: the issue's own default (taken on the issue itself, whatever form named it)
            stance, polarity = lex.defaults.get(m.issue, stance), 1
        else:
            polarity = m.polarity
        out[m.issue] = Position(actor=actor, issue=m.issue, issue_label=lex.labels[m.issue],
                                stance=apply_polarity(stance, polarity), evidence=text[:400], cue=cue, **where)
    return list(out.values())


def positions_of(doc: dict[str, Any], lexicon: Lexicon | None = None) -> list[Position]:
    """Positions stated in one analysed article (the output contract, or a store row with spans)."""
    lex = lexicon or Lexicon.load()
    did = str(doc.get("doc") or "")
    published = doc.get("published")
    aid = doc.get("id") if isinstance(doc.get("id"), int) else None
    out: list[Position] = []
    for q in doc.get("quotes") or []:
        speaker = q.get("speaker")
        if not speaker:
            continue
        out += _from_statement(lex, lex.actor(speaker), q.get("text") or "", q.get("cue"), None, date=q.get("date") or published,
                               doc=did, kind="quote", start=q.get("start"), end=q.get("end"), article_id=aid)
    for e in doc.get("events") or []:
        base = lex.event_types.get(e.get("type") or "")
        actors = e.get("actors") or []
        if base is None or not actors or e.get("status") in ("denied", "cancelled"):
            continue
        # an agreement binds both its parties; the other types are the stance of their source
        sides = actors[:2] if e.get("type") == "AGREE" else actors[:1]
        for who in dict.fromkeys(lex.actor(a) for a in sides):
            for p in _from_statement(lex, who, e.get("evidence") or "", e.get("trigger"), base,
                                     date=e.get("date") or published, doc=did, kind="event",
                                     start=e.get("start"), end=e.get("end"), article_id=aid):
                # an event read from the same statement as a quote says nothing more
                if not any(q.actor == p.actor and q.issue == p.issue and q.stance == p.stance and q.date == p.date
                           for q in out if q.kind == "quote"):
                    out.append(p)
    return out


def flag_changes(positions: Iterable[Position]) -> list[Position]:
    """Order by (actor, issue, date) and flag each position whose stance differs from the last
    non-neutral stance of the same actor on the same issue."""
    rows = sorted(positions, key=lambda p: (p.actor, p.issue, p.date or "", p.doc, p.start or 0))
    last: dict[tuple[str, str], str] = {}
    for p in rows:
        key = (p.actor, p.issue)
        prev = last.get(key)
        if p.stance != "neutral":
            if prev is not None and prev != p.stance:
                p.changed, p.previous = True, prev
            last[key] = p.stance
    return rows

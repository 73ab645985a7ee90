"""Status from cues inside a trigger's scope (``rasad/data/events/scope.yaml``).

The clause around a trigger decides more than the verb form: a condition
(``اگر ... حمله کنند``), a question, a wish (``تمایل به مذاکره``) or a count
(``شش حمله``) makes no event; ``به تعویق افتاد`` / ``لغو شد`` / ``موکول شد``
cancel it, ``قرار نیست`` / ``... را تکذیب کرد`` deny it, ``در حال`` /
``ادامه دارد`` make it ongoing, and a present verb with a time still ahead
(``هفته آینده دیدار می‌کنند``) plans it.

>>> s = Scope()
>>> t = "اگر اسرائیل به ایران حمله کند، پاسخ خواهد گرفت"
>>> s.judge(t, 0, len(t), t.index("حمله"), t.index("حمله") + 4, "nominal", ())
'drop'
>>> t = "دیدار دو وزیر به تعویق افتاد"
>>> s.judge(t, 0, len(t), 0, 5, "nominal", ())
'cancelled'
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rasad.cache import LazyPattern, Regex
from rasad.events.resources import compile_fa, load_yaml
from rasad.events.walks import ends_with, starts_with
from rasad.model import Clause

if TYPE_CHECKING:
    from rasad.events.actors import Candidate

DROP = "drop"
_BREAK = LazyPattern(r"[،؛:]|\s(?:اما|ولی|در حالی که|زیرا|چون)\s")
# the end of the first predicate: ... برگزار شد و روز یکشنبه ادامه خواهد یافت
_PRED_AND = LazyPattern(
    r"(?<=[\s\u200c])(?:شد|شدند|کرد|کردند|گردید|است|بود|دارد|دارند|یافت|رسید|رسیدند)(?= و (?!(?:همچنان )?ادامه))"
)


class Scope:
    """Compiled scope cues; one per stage (read-only after construction)."""

    def __init__(self) -> None:
        d = load_yaml("scope.yaml")
        self.wb = int(d["window_before"])
        self.wn = int(d["window_near"])
        self.wa = int(d["window_after"])
        self.order: list[str] = list(d["order"])
        self.rules: dict[str, dict[str, list[Regex]]] = {}
        for name in self.order:
            r = d.get(name) or {}
            self.rules[name] = {
                w: [compile_fa(p) for p in (r.get(w) or [])] for w in ("before", "near", "after")
            }
        self.present = compile_fa(d["present_verb"])
        self.future = compile_fa(d["future_words"])
        self.engaged_rx = compile_fa(d["engaged"])
        self.setting_rx = compile_fa(d["setting_anaphor"])
        self.held_rx = compile_fa(d["meeting_held"])
        self.visit_perfect_rx = compile_fa(d["visit_perfect"])

    def engaged(self, text: str, ts: int) -> bool:
        """Does the talk noun at ``ts`` follow a verb of taking part (``وارد مذاکره شد``)?"""
        return bool(self.engaged_rx.search(text[max(0, ts - 12) : ts]))

    def _before_start(self, text: str, s0: int, ts: int) -> int:
        a = max(s0, ts - self.wb)
        last = None
        for m in _BREAK.finditer(text, a, ts):
            last = m
        return last.end() if last is not None else a

    def _after_end(self, text: str, te: int, s1: int) -> int:
        b = min(s1, te + self.wa)
        m = _BREAK.search(text, te, b)
        if m is not None:
            b = m.start()
        p = _PRED_AND.search(text, te, b)
        return p.end() if p is not None else b

    def judge(
        self,
        text: str,
        s0: int,
        s1: int,
        ts: int,
        te: int,
        kind: str,
        future_dates: Sequence[tuple[int, int]],
    ) -> str | None:
        """``drop``, a status, or None (no cue: keep the grammar's status).

        ``[s0, s1)`` is the trigger's sentence (or its reported clause, for the
        words before the trigger).

        ``future_dates`` are the spans of time expressions whose value lies after
        the publication date."""
        b0 = self._before_start(text, s0, ts)
        before = text[b0:ts]
        near = text[max(b0, ts - self.wn) : ts]
        a1 = self._after_end(text, te, s1)
        after = text[te:a1] if kind == "nominal" else ""
        if ends_with(text, s0, s1, "؟") or starts_with(text, s0, s1, "آیا "):
            return DROP  # a question
        for name in self.order:
            r = self.rules[name]
            if (
                any(rx.search(before) for rx in r["before"])
                or any(rx.search(near) for rx in r["near"])
                or any(rx.search(after) for rx in r["after"])
            ):
                return name
        verb = text[ts:a1]
        if self.present.search(verb) and (
            self.future.search(text, b0, a1) or any(b0 <= a and b <= a1 for a, b in future_dates)
        ):
            return "planned"
        return None


class ClauseIndex:
    """The clauses of one article (stage ``syntax``) by offset: the innermost clause
    around a trigger in O(log n) (a few neighbours are scanned for nesting)."""

    def __init__(self, clauses: Sequence[Clause]) -> None:
        self.clauses = sorted(clauses, key=lambda c: (c.start, -c.end))
        self.starts = [c.start for c in self.clauses]
        self.all = list(clauses)

    def at(self, offset: int) -> Clause | None:
        k = bisect.bisect_right(self.starts, offset)
        best: Clause | None = None
        for c in reversed(self.clauses[max(0, k - 8) : k]):
            if c.start <= offset < c.end and (best is None or c.end - c.start < best.end - best.start):
                best = c
        return best

    def later_clause(self, te: int, offset: int) -> bool:
        """Does ``offset`` sit in a coordinated clause that begins after ``te``
        (``X ... سفر کرد ... ناکام شد با این حال طرفین ... توافق کردند``: the pair
        anaphor belongs to the next clause, not to the trip)?"""
        c = self.at(offset)
        return c is not None and c.start >= te and c.kind == "coordinated" and c.start <= offset

    def conditional(self, offset: int) -> bool:
        """Is the clause at ``offset`` (or the one governing it) a condition (اگر ... حمله کنند)?"""
        c = self.at(offset)
        for _ in range(2):
            if c is None:
                return False
            if c.kind == "conditional":
                return True
            c = self.all[c.parent] if c.parent is not None and c.parent < len(self.all) else None
        return False


def clause_subject(
    clauses: ClauseIndex, cands: Sequence[Candidate], ts: int, source: tuple[str, str | None]
) -> tuple[str, str | None] | None:
    """The syntax layer's subject of the clause at ``ts`` when the source found by
    position sits in one of that clause's prepositional arguments (``X ... از برگزاری
    نشست Y حمایت کرد``: X supports, not Y); else ``None``."""
    c = clauses.at(ts)
    if c is None or c.subject is None:
        return None
    sa, sb = c.subject
    own = [k for k in cands if k.actor == source[0] and c.start <= k.start < ts]
    if not any(a <= k.start < b for k in own for _, a, b in c.preps):
        return None
    for k in cands:
        if sa <= k.start < sb and k.actor and not k.modifier:
            if k.actor == source[0]:
                return None
            return (k.actor, k.actor_id)
    return None

"""Norms and duties that are not requests (GUIDELINES §9: a REQUEST has a party asked to act).

A ``باید`` read off the clause layer (:mod:`rasad.syntax`): the verb group of the
clause holding it says whether anyone is asked at all.

* inside a relative clause it describes its head (``کارهایی که X باید انجام دهد``);
* a first person verb is the speaker's own side's duty: ``باید با تلاش بیشتر کاری کنیم``;
* a verb of knowing is a warning, not a demand: ``آن‌ها باید بدانند که ...``;
* with no party named besides the speaker, an active verb speaks of whoever does it
  (``هر فردی که ... باید سه درصد بپردازد``, ``این کار باید با دقت صورت گیرد``): a norm;
  a passive one is a demand on the other side left unnamed
  (``مرزهای تازه باید به رسمیت شناخته شود``).

The word lists live in ``rasad/data/events/triggers.yaml`` (key ``norm_verbs``).
"""

from __future__ import annotations

from rasad.events.resources import load_yaml
from rasad.events.scope import ClauseIndex


class NormFilter:
    """Is a ``باید`` at an offset a norm rather than a request? (read-only after construction)"""

    def __init__(self) -> None:
        d = load_yaml("triggers.yaml").get("norm_verbs") or {}
        self.cognition = frozenset(d.get("cognition_lemmas") or ())
        self.copula = frozenset(d.get("copula_lemmas") or ())
        self.impersonal_light = frozenset(d.get("impersonal_light_lemmas") or ())
        self.impersonal = frozenset(tuple(x.split()) for x in d.get("impersonal_light_verbs") or ())

    def no_party(self, clauses: ClauseIndex | None, ts: int, named: bool = False) -> bool:
        """True when the clause at ``ts`` asks no other party to act; ``named``: the grammar
        found a party besides the speaker (``برای اوکراین ... تضمین شود`` asks on its behalf)."""
        if clauses is None:
            return False
        c = clauses.at(ts)
        v = c.verb if c is not None else None
        if v is None:
            return False
        if c is not None and c.kind == "relative":
            return True  # آزمون‌هایی که باید عملی برگزار شود: a description, not a demand
        if v.person == "1" or v.lemma in self.cognition or v.lemma in self.copula:
            return True
        if named:
            return False
        if v.lvc_noun is not None and ((v.lvc_noun, v.lemma) in self.impersonal or v.lemma in self.impersonal_light):
            return True
        return v.voice != "passive"

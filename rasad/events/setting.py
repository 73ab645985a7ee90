"""The setting of an event mention: its place and its CONSULT mode.

* place: the nearest place in the clause marked as a venue (``در آلاسکا``), for
  an attack the place hit (the city rather than its country), or the host
  (``ترکیه ... میزبان مذاکرات``); a phone call has none;
* mode: ``phone`` (``تماس تلفنی``, ``تلفنی گفت‌وگو کرد``), ``multilateral``
  (``نشست سه‌جانبه``), ``visit`` (``سفر ... دیدار``), else the trigger's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasad.cache import LazyPattern
from rasad.events.actors import Candidate
from rasad.events.resources import compile_fa, compile_fa_pattern, load_yaml

if TYPE_CHECKING:
    from rasad.events.walks import SentenceWalk

Actor = tuple[str, str | None]
_B = r"(?<![\w\u200c])"


class Setting:
    """Compiled cues for place and mode (``grammar.yaml``, ``triggers.yaml: mode_cues``)."""

    def __init__(self) -> None:
        tdata = load_yaml("triggers.yaml")
        g = load_yaml("grammar.yaml")
        self.mode_cues = {m: compile_fa(p) for m, p in tdata.get("mode_cues", {}).items()}
        self.host_rx = compile_fa(g["host"])
        self.visit_rx = compile_fa(g["visit"])
        self.phone_before_rx = LazyPattern(_B + compile_fa_pattern(g["phone_adverb"]))

    def location(
        self,
        etype: str,
        mode: str | None,
        text: str,
        cands: list[Candidate],
        bounds: tuple[int, int, int, int],
        ts: int,
        walk: SentenceWalk | None = None,
    ) -> Actor | None:
        """The place of an event (``bounds``: sentence start, clause start, clause end, region start;
        ``walk``: the sentence's indexes, to find the nearest place without reading every candidate)."""
        s0, cs, ce, region_start = bounds
        best: tuple[tuple[int, int], Actor] | None = None
        a = max(region_start, cs)
        if walk is not None:
            def inside(c: Candidate) -> bool:
                return c.end <= ce

            if etype == "ASSAULT":  # an attack's place is the city hit rather than its country
                c = walk.nearest("place_hit_unnamed", inside, a, ce, ts) or walk.nearest(
                    "place_hit_state", inside, a, ce, ts
                )
            else:
                c = walk.nearest("place_in", inside, a, ce, ts)
            if c is not None:
                best = ((0, 0), (c.place, c.place_id))  # type: ignore[assignment]
        else:
            for c in cands:
                if (
                    c.place
                    and not c.apposed
                    and c.start >= a
                    and c.end <= ce
                    and (c.loc_marked or (etype == "ASSAULT" and (c.actor is None or c.target_marked) and not c.with_marked))
                ):
                    # an attack's place is the city hit rather than its country
                    d = (1 if etype == "ASSAULT" and c.actor else 0, abs(c.start - ts))
                    if best is None or d < best[0]:
                        best = (d, (c.place, c.place_id))
        location = best[1] if best else None
        if location is None and mode == "visit":  # به مسکو سفر کرد: the destination
            dest = [c for c in cands if c.place and c.target_marked and max(region_start, cs) <= c.start < ts]
            if dest:
                location = (dest[-1].place, dest[-1].place_id)  # type: ignore[assignment]
        if mode == "phone":
            location = None  # a call has no venue
        if self.host_rx.search(text, max(s0, ts - 12), ts):
            host = next((c for c in cands if s0 <= c.start < ts and c.place and not c.modifier), None)
            if host is not None:
                location = (host.place, host.place_id)  # type: ignore[assignment]
        return location

    def consult_mode(
        self,
        mode: str | None,
        text: str,
        trigger: str,
        bounds: tuple[int, int, int, int],
        span: tuple[int, int],
        n_actors: int,
    ) -> str | None:
        """The mode of a CONSULT mention (``bounds``: sentence start and end, clause start and end)."""
        s0, s1, cs, ce = bounds
        ts, te = span
        window = text[te : min(ce, te + 30)] + " " + trigger
        if self.phone_before_rx.search(text, max(cs, ts - 10), ts):
            window += " تلفنی"  # تلفنی گفت‌وگو کرد
        for name, rx in self.mode_cues.items():
            if rx.search(window):
                mode = name
                break
        if mode == "meet" and self.visit_rx.search(text, max(cs, ts - 60), ts):
            mode = "visit"
        multi = self.mode_cues.get("multilateral")
        if n_actors > 2 and mode == "meet" and multi is not None and multi.search(text, s0, s1):
            mode = "multilateral"
        return mode

"""Indexes of one sentence built once for all its triggers, so that no trigger walks the whole sentence.

A sentence without a full stop can run for pages and hold thousands of triggers; a search over
the sentence (a sport word, a question mark, the next clause break) repeated for each trigger
makes the events stage quadratic. :class:`SentenceWalk` answers those questions from what it has
computed once: sentence-wide flags, the reporting cues' offsets (bisect), and the clause breaks'
leftmost matches remembered for later starting points (:class:`NextMatch`).

>>> import re
>>> nm = NextMatch(re.compile("، اما"), "الف، اما ب، اما ج")
>>> nm.search(0, 17).start(), nm.search(2, 17).start(), nm.search(4, 17).start()
(3, 3, 10)
>>> ends_with("چرا؟  ", 0, 6, "؟"), starts_with("  آیا او", 0, 8, "آیا ")
(True, True)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Iterator
from typing import TypeVar

from rasad.cache import Regex
from rasad.events.actors import Candidate
from rasad.events.mentions import pick_date, rivals
from rasad.model import Timex

T = TypeVar("T")
_WORDY = re.compile(r"[\w\u200c]")  # a letter, digit or ZWNJ


class NextMatch:
    """The leftmost match of one pattern in ``text[pos:end]``, remembered per ``end``.

    A match at an offset does not depend on where the search started (look-behinds and ``^`` see
    the whole text), so the leftmost match from ``lo`` is also the one from any start in
    ``[lo, match.start()]``; and no match from ``lo`` means none from a later start.

    A pattern that asserts nothing about what follows it (no ``$``, ``\\b``, look-ahead) finds in
    ``text[pos:end]`` the matches it finds in the whole text that end by ``end``: its searches
    with any ``end`` share one remembered search of the whole text."""

    def __init__(self, rx: Regex, text: str) -> None:
        self.rx = rx
        self.text = text
        self.free = _end_free(getattr(rx, "pattern", "$"))
        self._last: dict[int, tuple[int, re.Match[str] | None]] = {}

    def search(self, pos: int, end: int) -> re.Match[str] | None:
        if self.free and end < len(self.text):
            m = self._search(pos, len(self.text))
            if m is None or m.start() >= end:
                return None
            if m.end() <= end:
                return m
            return self.rx.search(self.text, pos, end)  # the first match runs across the end
        return self._search(pos, end)

    def _search(self, pos: int, end: int) -> re.Match[str] | None:
        got = self._last.get(end)
        if got is not None:
            lo, m = got
            if lo <= pos and (m is None or pos <= m.start()):
                return m
        m = self.rx.search(self.text, pos, end)
        self._last[end] = (pos, m)
        return m

    def iter_from(self, pos: int, end: int) -> Iterator[re.Match[str]]:
        """The non-overlapping matches of ``rx.finditer(text, pos, end)``, lazily."""
        while pos <= end:
            m = self.search(pos, end)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1


def _end_free(pattern: str) -> bool:
    """Does ``pattern`` assert nothing about the text after a match (so cutting the text off
    cannot make a match)? Judged on its source, erring towards no."""
    return not any(x in pattern for x in ("$", "\\b", "\\B", "\\Z", "(?=", "(?!"))


def ends_with(text: str, a: int, b: int, mark: str) -> bool:
    """``text[a:b].rstrip().endswith(mark)`` without copying the span."""
    i = b
    while i > a and text[i - 1].isspace():
        i -= 1
    return i - len(mark) >= a and text.startswith(mark, i - len(mark), i)


def starts_with(text: str, a: int, b: int, prefix: str) -> bool:
    """``text[a:b].lstrip().startswith(prefix)`` without copying the span."""
    i = a
    while i < b and text[i].isspace():
        i += 1
    return text.startswith(prefix, i, b)


class SentenceWalk:
    """What every trigger of the sentence ``[s0, s1)`` asks, computed once."""

    def __init__(
        self,
        text: str,
        s0: int,
        s1: int,
        cues: list[re.Match[str]],
        timexes: list[Timex],
        trig_starts: tuple[int, ...],
        searches: dict[str, NextMatch],
        cands: list[Candidate] | None = None,
    ) -> None:
        self.text, self.s0, self.s1 = text, s0, s1
        self.cues = cues
        self.cue_starts = [c.start() for c in cues]
        self.cue_ends = [c.end() for c in cues]
        self.timexes = timexes  # sorted by start
        self.tstarts = [t.start for t in timexes]
        self.trig_starts = trig_starts  # sorted
        self.searches = searches  # of the whole text, shared by the sentences
        self.breaks = searches["breaks"]
        self._memo: dict[Hashable, object] = {}
        self.cands = cands or []  # sorted by start
        self.cand_starts = [c.start for c in self.cands]

    def once(self, key: Hashable, fn: Callable[[], T]) -> T:
        """``fn()``, computed at the first call with ``key`` in this sentence."""
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]  # type: ignore[return-value]

    def cue_before(self, ts: int) -> re.Match[str] | None:
        """The last reporting cue ending at or before ``ts``."""
        k = bisect.bisect_right(self.cue_ends, ts)
        return self.cues[k - 1] if k else None

    def cue_after(self, te: int) -> re.Match[str] | None:
        """The first reporting cue starting at or after ``te``."""
        k = bisect.bisect_left(self.cue_starts, te)
        return self.cues[k] if k < len(self.cues) else None

    def cands_in(self, a: int, b: int) -> list[Candidate]:
        """The candidates starting in ``[a, b)``, in order (every one inside ``[a, b)`` among them)."""
        return self.cands[bisect.bisect_left(self.cand_starts, a) : bisect.bisect_left(self.cand_starts, b)]

    def timexes_in(self, a: int, b: int) -> list[Timex]:
        """The time expressions starting in ``[a, b]`` (a superset of those inside ``[a, b)``), in order."""
        return self.timexes[bisect.bisect_left(self.tstarts, a) : bisect.bisect_right(self.tstarts, b)]

    def triggers_within(self, a: int, b: int) -> tuple[int, ...]:
        """The trigger offsets in ``[a, b)``, in order."""
        return self.trig_starts[bisect.bisect_left(self.trig_starts, a) : bisect.bisect_left(self.trig_starts, b)]

    def pick_date(
        self,
        a: int,
        b: int,
        at: int,
        rivals_of: tuple[int, int, int] | None = None,
        text: str = "",
        since: Regex | None = None,
    ) -> str | None:
        """:func:`rasad.events.mentions.pick_date` over the sentence's time expressions in ``[a, b)``;
        ``rivals_of`` (trigger start, span start, span end): the other triggers of that span compete
        for the date (:func:`rasad.events.mentions.rivals`), read only where one could be nearer to a
        date than ``at`` is."""
        found = self.timexes_in(a, b)
        if not found:
            return None
        others: tuple[int, ...] = ()
        if rivals_of is not None:
            ts, r0, r1 = rivals_of
            reach = [(t.start, t.end, abs(at - t.end if t.end <= at else t.start - at)) for t in found]
            lo = min(s - d for s, _, d in reach)
            hi = max(e + d for _, e, d in reach) + 1
            others = rivals(self.text, self.trig_starts, ts, max(r0, lo), min(r1, hi))
        return pick_date(found, a, b, at, others, text, since)

    def search_upto(self, name: str, a: int, b: int) -> re.Match[str] | None:
        r"""``rx.search(text, a, b)`` for the pattern ``searches[name]``, from its leftmost match in the
        rest of the sentence (found once for many triggers).

        The pattern's matches end with a letter, followed at most by a look-ahead for no letter after
        it (``وی(?![\w])``). Cut at ``b``, such a pattern finds what it finds in the whole sentence
        among the matches ending by ``b``, unless a match could end at ``b`` with a letter after it
        (``b`` inside a word: searched as asked) or the first match runs across ``b`` (the same)."""
        nm = self.searches[name]
        text = self.text
        if b > self.s1 or (0 < b < len(text) and _WORDY.match(text, b - 1) and _WORDY.match(text, b)):
            return nm.rx.search(text, a, b)
        m = nm.search(a, self.s1)
        if m is None or m.start() >= b:
            return None
        if m.end() <= b:
            return m
        return nm.rx.search(text, a, b)

    def nearest(
        self, pool: str, keep: Callable[[Candidate], bool], a: int, b: int, ts: int
    ) -> Candidate | None:
        """Of the candidates of ``pool`` (a filter of the sentence's, built once: :data:`POOLS`)
        starting in ``[a, b)`` and kept by ``keep``, the one starting nearest to ``ts`` (the first
        in text order on a tie), walking out from ``ts``."""
        cands, starts, order = self.once(("pool", pool), lambda: self._pool(pool))
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        k = min(max(bisect.bisect_left(starts, ts), lo), hi)
        i, j = k - 1, k
        best: tuple[int, int, int] | None = None  # distance, order in the sentence, index in the pool
        inf = float("inf")
        while i >= lo or j < hi:
            di = ts - starts[i] if i >= lo else inf
            dj = starts[j] - ts if j < hi else inf
            if best is not None and min(di, dj) > best[0]:
                break
            if di <= dj:
                at, i = i, i - 1
            else:
                at, j = j, j + 1
            d = abs(starts[at] - ts)
            if keep(cands[at]) and (best is None or (d, order[at]) < best[:2]):
                best = (d, order[at], at)
        return cands[best[2]] if best is not None else None

    def _pool(self, pool: str) -> tuple[list[Candidate], list[int], list[int]]:
        test = POOLS[pool]
        picked = [(k, c) for k, c in enumerate(self.cands) if test(c)]
        return [c for _, c in picked], [c.start for _, c in picked], [k for k, _ in picked]


def _hit(c: Candidate) -> bool:
    """A place an attack may have hit (or a venue after در)."""
    return bool(
        c.place and not c.apposed and (c.loc_marked or ((c.actor is None or c.target_marked) and not c.with_marked))
    )


POOLS: dict[str, Callable[[Candidate], bool]] = {
    # an event's place (rasad.events.setting.Setting.location): a venue after در, or for an attack
    # the place hit, a city before a state
    "place_in": lambda c: bool(c.place and not c.apposed and c.loc_marked),
    "place_hit_unnamed": lambda c: not c.actor and _hit(c),
    "place_hit_state": lambda c: bool(c.actor) and _hit(c),
}

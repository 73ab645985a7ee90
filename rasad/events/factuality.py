"""Factuality: did the event happen, is it planned, proposed, denied ...?

The cues live in ``rasad/data/events/factuality.yaml``.  A nominal trigger
takes its status from the first predicate after it (``دیدار ... برگزار شد`` →
occurred, ``این دیدار ... انجام نشد`` → denied) combined with framing words
before it (``برنامه‌ای برای دیدار ... وجود ندارد`` → denied, ``قرار است دیدار
... برگزار شود`` → planned).

    >>> f = Factuality()
    >>> text = "قرار است دیدار دو وزیر هفته آینده برگزار شود."
    >>> i = text.index("دیدار")
    >>> f.nominal(text, i, i + 5, 0, len(text))
    'planned'
"""

from __future__ import annotations

from rasad.cache import LazyPattern, Regex
from rasad.events.resources import compile_fa, compile_fa_pattern, load_yaml

#: order used when two reports of one event in an article disagree
STATUS_PRIORITY = {"denied": 6, "cancelled": 5, "occurred": 4, "ongoing": 3, "planned": 2, "proposed": 1}
STATUSES = tuple(STATUS_PRIORITY)


def stronger(a: str, b: str) -> str:
    """The status that wins when two mentions of one event disagree."""
    return a if STATUS_PRIORITY.get(a, 0) >= STATUS_PRIORITY.get(b, 0) else b


class Factuality:
    """Status of an event mention from the cue lists (loaded once per stage)."""

    def __init__(self) -> None:
        data = load_yaml("factuality.yaml")
        self.window_before = int(data.get("window_before", 60))
        self.window_after = int(data.get("window_after", 140))
        self.after: list[tuple[str, Regex]] = []
        for status, pats in data["after"].items():
            for p in pats:
                self.after.append((status, compile_fa(p)))
        # one regex, alternatives tagged by their status, leftmost match wins
        groups = []
        for i, (_status, rx) in enumerate(self.after):
            groups.append(f"(?P<a{i}>{rx.pattern})")
        self._after_rx = LazyPattern(r"(?<![\w\u200c])(?:" + "|".join(groups) + r")")
        self._after_status = [s for s, _ in self.after]
        self.before: list[tuple[str, Regex]] = []
        for status, pats in data["before"].items():
            for p in pats:
                rx = compile_fa(p)
                if rx.pattern.endswith("$"):
                    self.before.append((status, rx))
                else:
                    self.before.append(
                        (status, LazyPattern(r"(?<![\w\u200c])(?:" + rx.pattern + r")(?![\w\u200c])"))
                    )
        self.before_nominal: list[tuple[str, Regex]] = []
        for status, pats in (data.get("before_nominal") or {}).items():
            for p in pats:
                self.before_nominal.append((status, compile_fa(p)))
        self.adjectives = [
            (st, LazyPattern(r"[ \u200c]+(?:" + compile_fa_pattern(p) + r")(?![\w\u200c])"))
            for st, p in (data.get("adjectives") or {}).items()
        ]
        self._neg = LazyPattern(r"(?<![\w\u200c])(?:" + compile_fa_pattern(data["negated_verb"]) + ")")
        self._future = LazyPattern(
            r"(?<![\w\u200c])" + compile_fa_pattern(data["future_aux"]) + r"(?![\w\u200c])"
        )
        self._stop = LazyPattern("|".join(compile_fa_pattern(p) for p in data.get("stop_after", [])) or "(?!)")

    def predicate(self, text: str, start: int, end: int) -> tuple[str | None, int]:
        """The status named by the first predicate cue in ``text[start:end]`` and where it ends.

        A later denial or cancellation in the same stretch wins over the first cue
        (``دیداری که قرار بود ... برگزار شود، لغو شد``).
        """
        stop = self._stop.search(text, start, end)
        if stop is not None:
            end = stop.start()
        first: tuple[str, int] | None = None
        for m in self._after_rx.finditer(text, start, end):
            assert m.lastgroup is not None
            status = self._after_status[int(m.lastgroup[1:])]
            if first is None:
                first = (status, m.end())
            if status in ("denied", "cancelled"):
                return status, first[1]
        return first if first is not None else (None, start)

    def frame(self, text: str, start: int, trig_start: int, nominal: bool = False) -> set[str]:
        """Statuses named by framing words in ``text[start:trig_start]``."""
        lo = max(start, trig_start - self.window_before)
        chunk = text[lo:trig_start]
        found: set[str] = set()
        for status, rx in self.before + (self.before_nominal if nominal else []):
            if rx.search(chunk):
                found.add(status)
        return found

    def nominal(
        self,
        text: str,
        trig_start: int,
        trig_end: int,
        clause_start: int,
        clause_end: int,
        purpose: bool = True,
    ) -> str:
        """Status of a nominal trigger ``text[trig_start:trig_end]`` inside a clause.

        ``purpose``: whether a purpose frame (``برای دیدار``) makes it planned
        (true for meetings and attacks, not for statements like ``مخالفت``).
        """
        return self.nominal_status(text, trig_start, trig_end, clause_start, clause_end, purpose)[0]

    def nominal_status(
        self,
        text: str,
        trig_start: int,
        trig_end: int,
        clause_start: int,
        clause_end: int,
        purpose: bool = True,
    ) -> tuple[str, bool]:
        """Like :meth:`nominal`, plus whether any cue spoke (False: ``occurred`` by default)."""
        pred, _ = self.predicate(text, trig_end, min(clause_end, trig_end + self.window_after))
        frames = self.frame(text, clause_start, trig_start, nominal=purpose)
        for status, rx in self.adjectives:
            if rx.match(text, trig_end):
                frames.add(status)
        return combine(pred, frames), bool(pred or frames)

    def negated(self, trigger_text: str) -> bool:
        """Does a verbal trigger carry a negated verb (``نبوده است``, ``نمی‌کند``)?"""
        return bool(self._neg.search(trigger_text))

    def verbal(self, trigger_text: str, default: str | None = None) -> str:
        """Status of a verbal trigger from its own verb form (``خواهد`` → planned)."""
        if self._future.search(trigger_text):
            return default or "planned"
        return default or "occurred"


def combine(pred: str | None, frames: set[str]) -> str:
    """Combine the predicate's status with the framing statuses.

    >>> combine("denied", {"planned"})
    'denied'
    >>> combine("proposed", {"planned"})
    'planned'
    >>> combine(None, set())
    'occurred'
    """
    if pred == "denied" or ("denied" in frames and pred in (None, "occurred", "proposed", "planned")):
        if pred == "denied" or "planned" not in frames:
            return "denied"
    if pred == "cancelled":
        return "cancelled"
    if "after_it" in frames:  # پس از دیدار ...
        return "occurred"
    if "planned" in frames:
        return "planned"
    if "proposed" in frames:
        return "proposed"
    if pred in ("planned", "proposed", "ongoing"):
        return pred
    if "purpose" in frames:  # برای دیدار حضوری توافق کردند: the meeting is the aim
        return "planned"
    if "ongoing" in frames:
        return "ongoing"
    return "occurred"

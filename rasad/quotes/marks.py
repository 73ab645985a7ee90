"""Quotation marks of an article: their pairs, and lookups that stay linear in the text.

>>> m = Marks(quote_pairs("الف «ب «ج» د» ه"))
>>> m.covers(5, 6), m.covers(0, 1)
(True, False)
"""

from __future__ import annotations

import bisect
import re

OPEN_CLOSE = {"«": "»", "“": "”", '"': '"', "„": "“"}
_RUN_LINES = 6  # a quotation may run over this many lines
_MARKS = re.compile('[«»“”„"\n]')


def quote_pairs(text: str, max_lines: int = _RUN_LINES) -> dict[int, int]:
    """Offsets of matching quotation marks: ``{open: close}``. Straight quotes pair within a
    line; an opening guillemet left open at the end of a line may close on one of the next
    ``max_lines`` lines (a quotation split one sentence per line, ``»`` opening a line)."""
    pairs: dict[int, int] = {}
    stack: list[tuple[int, str]] = []
    opened_line: list[int] = []
    straight: int | None = None
    line = 0
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            line += 1
            keep = [k for k, ln in enumerate(opened_line) if line - ln <= max_lines]
            stack = [stack[k] for k in keep]
            opened_line = [opened_line[k] for k in keep]
            straight = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                pairs[straight] = i
                straight = None
        elif ch in ("«", "“", "„"):
            stack.append((i, OPEN_CLOSE[ch]))
            opened_line.append(line)
        elif ch in ("»", "”"):
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == ch or (ch == "”" and stack[k][1] == "“"):
                    pairs[stack[k][0]] = i
                    del stack[k:]
                    del opened_line[k:]
                    break
    return pairs


class Marks(dict[int, int]):
    """``{open: close}`` offsets with binary-searchable lookups (built once per article)."""

    def __init__(self, pairs: dict[int, int]) -> None:
        super().__init__(pairs)
        self.opens = sorted(pairs)
        self._close_of = [pairs[o] for o in self.opens]
        self._open_at = {c: o for o, c in pairs.items()}
        outer: list[tuple[int, int]] = []
        for o in self.opens:  # the outermost quotations, disjoint and sorted
            c = pairs[o]
            if outer and o < outer[-1][1]:
                continue
            outer.append((o + 1, c))
        self._outer = outer
        self._outer_starts = [a for a, _ in outer]

    def covers(self, s: int, e: int) -> bool:
        """Is ``[s, e)`` inside a quotation (between its marks)?"""
        i = bisect.bisect_right(self._outer_starts, s) - 1
        return i >= 0 and e <= self._outer[i][1]

    def opening(self, close: int) -> int | None:
        """The opening mark paired with the closing mark at ``close``."""
        return self._open_at.get(close)

    def extend(self, s: int, e: int) -> int:
        """``e``, moved past the closing mark of a quotation opened in ``[s, e)``."""
        best = e
        lo, hi = bisect.bisect_left(self.opens, s), bisect.bisect_left(self.opens, e)
        for k in range(lo, hi):
            if self._close_of[k] >= e:
                best = max(best, self._close_of[k] + 1)
        return best

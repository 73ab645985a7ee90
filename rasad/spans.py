"""Range lookups over spans sorted by start offset, shared by the stages.

    >>> from rasad.model import Sentence
    >>> idx = SpanIndex([Sentence(0, 5), Sentence(6, 12), Sentence(13, 20)])
    >>> [(s.start, s.end) for s in idx.within(5, 13)]
    [(6, 12)]
"""

from __future__ import annotations

import bisect
from typing import Generic, Protocol, TypeVar


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=HasSpan)


class SpanIndex(Generic[T]):
    """Items sorted by ``start``, found by binary search."""

    def __init__(self, items: list[T]) -> None:
        self.items = items
        self.starts = [x.start for x in items]

    def within(self, start: int, end: int) -> list[T]:
        """Items lying wholly inside ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out

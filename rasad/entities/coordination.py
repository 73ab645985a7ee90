"""People named in a list with a person: ``دینا صفری، فاطمه رحیمی، مینا کاظمی و سارا نادری``.

The tagger often finds one or two names of a team sheet or a list of detainees and
misses the rest.  Items of a coordination (``،`` / ``و``) whose neighbour is a person
span are people too, when each is two or three words, delimited on both sides (a
separator, a bracket, the end of the line) — the name filter still judges each item.
A lone surname span right after a common given name is widened to both words
(``عطا`` + ``رفیعی`` → ``عطا رفیعی``).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

GIVEN_NAMES = Path(__file__).resolve().parent.parent / "data" / "vocab" / "given_names_iran.tsv.gz"

_WORD = r"[^\W\d_][\w\u200c]*"
_SEP = r"\s*[،,]\s*(?:و\s+)?|\s+و\s+"
_RIGHT = re.compile(rf"(?:{_SEP})({_WORD}(?:\s+{_WORD}){{1,2}})(?=\s*(?:[،,)»؛:.\n]|\s+و\s+|$))")
_LEFT_ITEM = re.compile(rf"(?:^|[(«:\n]|{_SEP})\s*({_WORD}(?:\s+{_WORD}){{1,2}})(?:{_SEP})$")
_MAX_ITEMS = 12
_LOOKBACK = 120


class Intervals:
    """Disjoint, sorted character intervals (overlapping ones merged): an overlap test in log time,
    so a list of thousands of names costs in proportion to its length."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(spans):
            if self.ends and s < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def free(self, s: int, e: int) -> bool:
        """No interval overlaps ``[s, e)``."""
        i = bisect.bisect_left(self.starts, e)  # intervals before i start before e
        return i == 0 or self.ends[i - 1] <= s

    def add(self, s: int, e: int) -> None:
        """Add a free interval."""
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


@functools.lru_cache(maxsize=1)
def load_given_names(path: Path = GIVEN_NAMES) -> frozenset[str]:
    """Iranian given names (``scripts/build_given_names.py``); empty when the file is absent.
    Kept in the start-up cache (keyed by the file and this module)."""
    if not path.exists():
        return frozenset()
    from rasad.cache import cached

    return cached("given-names", [path, Path(__file__)], lambda: read_given_names(path))


def read_given_names(path: Path) -> frozenset[str]:
    """The names of the given-name file (its first column)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return frozenset(line.split("\t")[0] for line in fh if line.strip() and not line.startswith("#"))


def widen_given_names(
    text: str,
    spans: list[tuple[int, int, str]],
    given: Collection[str],
    known: Callable[[str], Sequence[object]] = lambda _: (),
) -> list[tuple[int, int, str]]:
    """Person spans of one word (not a ``known`` name) right after a common given name take it in."""
    out: list[tuple[int, int, str]] = []
    for s, e, t in spans:
        if t.upper() == "PER" and " " not in text[s:e].strip() and not known(text[s:e].strip()):
            m = re.search(rf"({_WORD})\s+$", text[max(0, s - 30) : s])
            if m and m[1] in given:
                s = s - len(m[0])
        out.append((s, e, t))
    return out


def list_mates(
    text: str, spans: list[tuple[int, int, str]], given: Collection[str]
) -> list[tuple[int, int, str]]:
    """New ``PER`` spans for the items listed with a person span (not overlapping any span)
    whose first word is a given name (``given``)."""
    taken = Intervals((s, e) for s, e, _ in spans)
    persons = {(s, e) for s, e, t in spans if t.upper() == "PER"}
    found: list[tuple[int, int, str]] = []

    def take(a: int, b: int, item: str) -> bool:
        """Take the item ``[a, b)`` as a person if it is free and opens with a given name;
        whether the walk along the list goes on (taken, or an item that is a person span)."""
        if taken.free(a, b) and item.split()[0] in given:
            found.append((a, b, "PER"))
            taken.add(a, b)
            return True
        return (a, b) in persons

    for s, e, t in spans:
        if t.upper() != "PER":
            continue
        end = e
        for _ in range(_MAX_ITEMS):  # to the right
            m = _RIGHT.match(text, end)
            if m is None or "\n" in m[0]:
                break
            a, b = m.start(1), m.end(1)
            if not take(a, b, m[1]):
                break
            end = b
        start = s
        for _ in range(_MAX_ITEMS):  # to the left
            window = text[max(0, start - _LOOKBACK) : start]
            m = _LEFT_ITEM.search(window)
            if m is None or "\n" in m[0].strip("\n"):
                break
            off = start - len(window)
            a, b = off + m.start(1), off + m.end(1)
            if not take(a, b, m[1]):
                break
            start = a
    return found

"""Scoring the tagger on lists of expressions with expected values (``dates.tsv``).

A row is ``text, anchor, expected``; the tagger is right when the longest timex
it finds in ``text`` has ``expected`` as its value (a zone suffix is ignored,
since the external sets give local clock times only)::

    >>> from rasad.time import TimeStage
    >>> ok, _ = check(TimeStage(), Row("دیروز", "2012-08-10", "2012-08-09"))
    >>> ok
    True
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rasad.model import Timex


class Tagger(Protocol):
    def tag(self, text: str, anchor: dt.date | None = None) -> list[Timex]: ...


@dataclass(frozen=True)
class Row:
    text: str
    anchor: str
    expected: str


def read_rows(path: Path) -> list[Row]:
    """Rows of a ``text  anchor  expected ...`` TSV file with a header line."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Row(r["text"], r.get("anchor") or "", r["expected"]) for r in reader]


def anchor_of(row: Row) -> dt.date | None:
    return dt.date.fromisoformat(row.anchor[:10]) if row.anchor else None


def main_value(timexes: list[Timex]) -> str | None:
    """The value of the longest timex (the one the expression is about)."""
    if not timexes:
        return None
    best = max(timexes, key=lambda t: t.end - t.start)
    return best.value


def same_value(got: str | None, expected: str) -> bool:
    """Equal values, ignoring a UTC offset after a clock time."""
    if got is None:
        return False
    if "T" in expected and len(got) > len(expected):
        return got[: len(expected)] == expected and got[len(expected)] in "+-Z"
    return got == expected


def check(tagger: Tagger, row: Row) -> tuple[bool, str | None]:
    """Whether ``tagger`` resolves ``row`` correctly, and the value it gave."""
    got = main_value(tagger.tag(row.text, anchor=anchor_of(row)))
    return same_value(got, row.expected), got


def accuracy(tagger: Tagger, rows: list[Row]) -> tuple[float, list[tuple[Row, str | None]]]:
    """Share of rows resolved correctly, and the failures."""
    misses: list[tuple[Row, str | None]] = []
    for row in rows:
        ok, got = check(tagger, row)
        if not ok:
            misses.append((row, got))
    return (1 - len(misses) / len(rows)) if rows else 0.0, misses

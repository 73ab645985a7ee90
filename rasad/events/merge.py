"""Cross-article event merging: group the reports of one real event.

Pure functions, no storage: the store calls them with ``(doc_id, published,
Event)`` triples.  Two reports are one event when they have the same type, the
same actors (order-free for CONSULT/AGREE; the same source for one-sided types),
compatible dates (equal, or one containing the other: ``2025-08`` contains
``2025-08-15``; an unknown date is compatible when the articles are close in
time) and compatible places (equal, or one unknown).  The merged record keeps
the most specific date, the status of the latest report and the status history.

    >>> from rasad.model import Event
    >>> a = Event("CONSULT", ["Donald Trump", "Vladimir Putin"], "occurred", "", 0, 0, date="2025-08-15")
    >>> b = Event("CONSULT", ["Vladimir Putin", "Donald Trump"], "occurred", "", 0, 0, date="2025-08")
    >>> [m.date for m in merge_reports([("d1", "2025-08-16", a), ("d2", "2025-09-03", b)])]
    ['2025-08-15']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rasad.cache import LazyPattern
from rasad.model import Event

JOINT_TYPES = ("CONSULT", "AGREE")
DEFAULT_WINDOW_DAYS = 14
_WEEK = LazyPattern(r"^(\d{4})-W(\d{2})$")
_DAY = LazyPattern(r"^\d{4}-\d{2}-\d{2}$")


def _date_range(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO value (day, week, month, year) covers."""
    try:
        if _DAY.match(value):
            d = dt.date.fromisoformat(value)
            return d, d
        m = _WEEK.match(value)
        if m:
            first = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return first, first + dt.timedelta(days=6)
        if re.match(r"^\d{4}-\d{2}$", value):
            y, mo = int(value[:4]), int(value[5:7])
            first = dt.date(y, mo, 1)
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if re.match(r"^\d{4}$", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal dates, or one containing the other (``2025-08`` ⊇ ``2025-08-15``, ``2025-W42`` ⊇ ``2025-10-16``).

    >>> dates_compatible("2025-W42", "2025-10-16"), dates_compatible("2025-10", "2025-11-01")
    (True, False)
    """
    if not a or not b:
        return a == b
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    ra, rb = _date_range(a), _date_range(b)
    if ra is None or rb is None:
        return False
    return (ra[0] <= rb[0] and rb[1] <= ra[1]) or (rb[0] <= ra[0] and ra[1] <= rb[1])


def more_specific(a: str | None, b: str | None) -> str | None:
    """The finer of two compatible dates (a day beats a week, a week a month); ``a`` if they clash."""
    if not a:
        return b
    if not b or not dates_compatible(a, b):
        return a
    ra, rb = _date_range(a), _date_range(b)
    if ra is None or rb is None:
        return a if len(a) >= len(b) else b
    return a if (ra[1] - ra[0]) <= (rb[1] - rb[0]) else b


def merge_key(event: Event) -> tuple[Any, ...]:
    """What two reports of one event must share: type and actors.

    CONSULT/AGREE actors are a set; for one-sided types the source is kept apart.

    >>> e = Event("REJECT", ["Ukraine", "Russia"], "occurred", "", 0, 0)
    >>> merge_key(e)
    ('REJECT', 'ukraine', frozenset({'russia'}))
    """
    names = [a.casefold() for a in event.actors]
    if event.type in JOINT_TYPES:
        return (event.type, frozenset(names))
    if not names:
        return (event.type, None, frozenset())
    return (event.type, names[0], frozenset(names[1:]))


def _days_apart(a: str | None, b: str | None) -> int | None:
    ra, rb = (_date_range(a) if a else None), (_date_range(b) if b else None)
    if ra is None or rb is None:
        return None
    if ra[1] < rb[0]:
        return (rb[0] - ra[1]).days
    if rb[1] < ra[0]:
        return (ra[0] - rb[1]).days
    return 0


@dataclass
class Report:
    """One article's report of an event."""

    doc: str
    published: str | None
    event: Event

    def as_dict(self) -> dict[str, Any]:
        e = self.event
        return {
            "doc": self.doc,
            "published": self.published,
            "sentence": e.sentence,
            "start": e.start,
            "end": e.end,
            "evidence": e.evidence,
            "status": e.status,
            "date": e.date,
        }


def compatible(a: Report, b: Report, window_days: int = DEFAULT_WINDOW_DAYS) -> bool:
    """May two reports describe the same real event?"""
    ea, eb = a.event, b.event
    if merge_key(ea) != merge_key(eb):
        return False
    if ea.location and eb.location and ea.location.casefold() != eb.location.casefold():
        return False
    if (ea.mode == "phone") != (eb.mode == "phone") and ea.type == "CONSULT":
        return False
    if ea.date and eb.date:
        return dates_compatible(ea.date, eb.date)
    # an unknown date: the reports must be close in time
    da = ea.date or a.published
    db = eb.date or b.published
    gap = _days_apart(da, db)
    return gap is not None and gap <= window_days


@dataclass
class MergedEvent:
    """One real event and every report of it."""

    type: str
    actors: list[str]
    status: str
    mode: str | None = None
    location: str | None = None
    date: str | None = None
    actor_ids: list[str] = field(default_factory=list)
    location_id: str | None = None
    cameo: str | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "actors": list(self.actors),
            "actor_ids": list(self.actor_ids),
            "location": self.location,
            "location_id": self.location_id,
            "date": self.date,
            "status": self.status,
            "cameo": self.cameo,
            "history": list(self.history),
            "reports": [r.as_dict() for r in self.reports],
        }


def _absorb(m: MergedEvent, r: Report) -> None:
    e = r.event
    m.reports.append(r)
    m.date = more_specific(m.date, e.date)
    if m.location is None and e.location:
        m.location, m.location_id = e.location, e.location_id
    if m.mode in (None, "meet") and e.mode not in (None, "meet"):
        m.mode = e.mode
    m.history.append({"published": r.published, "doc": r.doc, "status": e.status})
    m.status = e.status  # reports arrive in publication order: the latest one speaks last


def merge_reports(
    reports: Iterable[tuple[str, str | None, Event]], window_days: int = DEFAULT_WINDOW_DAYS
) -> list[MergedEvent]:
    """Group ``(doc_id, published, Event)`` reports into real events.

    Reports are taken in publication order (unknown dates last), so the merged
    status is the latest report's and ``history`` lists the statuses in order:
    a summit ``proposed`` on day 1 and ``denied`` on day 5 ends ``denied``.
    """
    items = [Report(d, p, e) for d, p, e in reports]
    items.sort(key=lambda r: (r.published is None, r.published or ""))
    groups: list[MergedEvent] = []
    for r in items:
        target = None
        for g in groups:
            if all(compatible(x, r, window_days) for x in g.reports):
                target = g
                break
        if target is None:
            e = r.event
            target = MergedEvent(
                type=e.type,
                actors=list(e.actors),
                status=e.status,
                mode=e.mode,
                actor_ids=list(e.actor_ids),
                cameo=e.cameo,
            )
            groups.append(target)
        _absorb(target, r)
    return groups

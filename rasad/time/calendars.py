"""Calendar helpers on top of maintained libraries (jdatetime, hijridate).

No calendar arithmetic is written by hand: Jalali ↔ Gregorian goes through
``jdatetime``, Hijri lunar ↔ Gregorian through ``hijridate``; invalid dates
(``۳۰ اسفند ۱۴۰۲``, a common year) give ``None`` instead of raising::

    >>> to_gregorian("jalali", 1403, 12, 30)
    datetime.date(2025, 3, 20)
    >>> to_gregorian("jalali", 1402, 12, 30) is None
    True
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from pathlib import Path

import jdatetime
import yaml
from hijridate import Gregorian, Hijri

ONE_DAY = dt.timedelta(days=1)
TABULAR_EPOCH = 227014  # ordinal of the day before 1 Muharram 1 AH (622-07-19)
DATA = Path(__file__).resolve().parent.parent / "data" / "time" / "calendars.yaml"


@lru_cache(maxsize=1)
def hijri_shift() -> dt.timedelta:
    """Days from an Umm al-Qura date to the same date in Iran's lunar calendar
    (``rasad/data/time/calendars.yaml``)."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8")) or {}
    return dt.timedelta(days=int(data.get("hijri_shift_days", 0)))


def to_gregorian(cal: str, y: int, m: int, d: int) -> dt.date | None:
    """The Gregorian date of ``y-m-d`` in calendar ``cal``, or ``None`` if invalid."""
    try:
        if cal == "gregorian":
            return dt.date(y, m, d)
        if cal == "jalali":
            g = jdatetime.date(y, m, d).togregorian()
            return dt.date(g.year, g.month, g.day)
        if cal == "hijri":
            try:
                h = Hijri(y, m, d).to_gregorian()
            except (ValueError, OverflowError):  # outside Umm al-Qura's table (1343–1500)
                return tabular_hijri(y, m, d)
            return dt.date(h.year, h.month, h.day) + hijri_shift()
    except (ValueError, OverflowError, TypeError):
        return None
    return None


def tabular_hijri(y: int, m: int, d: int) -> dt.date | None:
    """The arithmetic (tabular) Islamic calendar, for Hijri years outside Umm al-Qura's
    table (``۲۵ رمضان ۱۲۱۰``); within a day or two of the observed calendar."""
    if not (1 <= m <= 12 and 1 <= d <= 30 and y >= 1):
        return None
    days = d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30
    return dt.date.fromordinal(days + TABULAR_EPOCH)


def year_of(cal: str, day: dt.date) -> int | None:
    """The year of ``day`` in calendar ``cal`` (used to pick years for year-less dates)."""
    try:
        if cal == "gregorian":
            return day.year
        if cal == "jalali":
            return int(jdatetime.date.fromgregorian(date=day).year)
        if cal == "hijri":
            day = day - hijri_shift()
            return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None
    return None


def month_span(cal: str, y: int, m: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of month ``m`` of year ``y`` in ``cal``."""
    first = to_gregorian(cal, y, m, 1)
    nxt = to_gregorian(cal, y + (m == 12), m % 12 + 1, 1)
    if first is None or nxt is None:
        return None
    return first, nxt - ONE_DAY


def year_span(cal: str, y: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of year ``y`` in ``cal``."""
    first = to_gregorian(cal, y, 1, 1)
    nxt = to_gregorian(cal, y + 1, 1, 1)
    if first is None or nxt is None:
        return None
    return first, nxt - ONE_DAY


def closest_date(cal: str, m: int, d: int, anchor: dt.date) -> dt.date | None:
    """A year-less ``d/m`` in the year that puts it closest to ``anchor``."""
    y0 = year_of(cal, anchor)
    if y0 is None:
        return None
    cands = [g for y in (y0 - 1, y0, y0 + 1) if (g := to_gregorian(cal, y, m, d)) is not None]
    return min(cands, key=lambda g: abs((g - anchor).days)) if cands else None


def closest_month(cal: str, m: int, anchor: dt.date) -> tuple[int, tuple[dt.date, dt.date]] | None:
    """The year (and Gregorian span) of month ``m`` nearest to ``anchor``."""
    y0 = year_of(cal, anchor)
    if y0 is None:
        return None
    best: tuple[int, tuple[dt.date, dt.date]] | None = None
    best_dist = 10**9
    for y in (y0 - 1, y0, y0 + 1):
        span = month_span(cal, y, m)
        if span is None:
            continue
        if span[0] <= anchor <= span[1]:
            return y, span
        dist = min(abs((span[0] - anchor).days), abs((span[1] - anchor).days))
        if dist < best_dist:
            best, best_dist = (y, span), dist
    return best


def month_occurrence(cal: str, m: int, anchor: dt.date, direction: int) -> int | None:
    """Year of month ``m``: the last one before ``anchor``'s month (-1), the next one
    after it (+1), or the one of ``anchor``'s year (0): «ژوئن گذشته» in August → this June."""
    y0 = year_of(cal, anchor)
    if y0 is None:
        return None
    if direction == 0:
        return y0
    cur = None
    for y in (y0 - 1, y0, y0 + 1):
        for mm in range(1, 13):
            span = month_span(cal, y, mm)
            if span and span[0] <= anchor <= span[1]:
                cur = (y, mm)
    if cur is None:
        return None
    if direction < 0:
        return cur[0] if m < cur[1] else cur[0] - 1
    return cur[0] if m > cur[1] else cur[0] + 1


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """Gregorian (year, month) ``n`` months after ``y-m``."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_days(day: dt.date, n: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=n)
    except OverflowError:
        return None


def iso_week(day: dt.date) -> str:
    """``2025-W43`` for a day in that ISO week."""
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"


def span_value(span: tuple[dt.date, dt.date]) -> str:
    """An ISO 8601 interval ``start/end`` (used for Jalali and Hijri months and years)."""
    return f"{span[0].isoformat()}/{span[1].isoformat()}"


def majority_month(span: tuple[dt.date, dt.date]) -> str:
    """The Gregorian month holding most days of a Jalali or Hijri month: مهر ۱۳۹۴ → ``2015-10``."""
    counts: dict[tuple[int, int], int] = {}
    day = span[0]
    while day <= span[1]:
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
        day += dt.timedelta(days=1)
    y, m = max(counts, key=lambda k: (counts[k], k))
    return f"{y:04d}-{m:02d}"


def majority_year(span: tuple[dt.date, dt.date]) -> str:
    """The Gregorian year holding most days of a Jalali or Hijri year: ۱۴۰۳ → ``2024``."""
    first_year_days = (dt.date(span[0].year, 12, 31) - span[0]).days + 1
    last_year_days = (span[1] - dt.date(span[1].year, 1, 1)).days + 1
    return f"{span[0].year if first_year_days >= last_year_days else span[1].year:04d}"


def weekday_on_or_before(anchor: dt.date, wd: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - wd) % 7)


def weekday_on_or_after(anchor: dt.date, wd: int) -> dt.date:
    return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)


def saturday_week_start(day: dt.date) -> dt.date:
    """The Saturday that starts ``day``'s Iranian week."""
    return day - dt.timedelta(days=(day.weekday() - 5) % 7)


def _last_sunday(y: int, m: int) -> dt.date:
    last = dt.date(y + (m == 12), m % 12 + 1, 1) - ONE_DAY
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


def _nth_sunday(y: int, m: int, n: int) -> dt.date:
    first = dt.date(y, m, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def in_dst(rule: str | None, day: dt.date) -> bool:
    """Whether daylight-saving rule ``rule`` (eu, us, iran) is in force on ``day``."""
    if rule == "eu":
        return _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    if rule == "us":
        return _nth_sunday(day.year, 3, 2) <= day < _nth_sunday(day.year, 11, 1)
    if rule == "iran":
        j = jdatetime.date.fromgregorian(date=day)
        return j.year < 1402 and (j.month < 6 or (j.month == 6 and j.day < 31)) and (j.month, j.day) >= (1, 2)
    return False


def zone_offset(offset: str, rule: str | None, day: dt.date) -> str:
    """The UTC offset of a zone on ``day``: ``+03:30`` → ``+04:30`` in Iranian summer before 1402."""
    if not in_dst(rule, day):
        return offset
    sign = -1 if offset.startswith("-") else 1
    hh, mm = offset.lstrip("+-").split(":")
    minutes = sign * (int(hh) * 60 + int(mm)) + 60
    s = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{s}{minutes // 60:02d}:{minutes % 60:02d}"

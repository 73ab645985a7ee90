"""Shaping the store's JSON-ready dicts for the HTTP API and the web page.

The store returns plain dicts; this module adds what a reader of the page needs and
the store does not keep: Jalali forms of ISO dates, the sentence around an event's
evidence (with the evidence offsets relative to that sentence), and search snippets
split into plain text and matched parts (so the page never has to parse HTML).

    >>> jalali_of("2025-10-21")
    '۲۹ مهر ۱۴۰۴'
    >>> jalali_of("2025-W42")
    '۲۱ تا ۲۷ مهر ۱۴۰۴'
    >>> sentence_context("اول. دوم گفت. سوم.", [[0, 4], [5, 13], [14, 18]], 5, 8)
    {'text': 'دوم گفت.', 'start': 5, 'end': 13, 'evidence_start': 0, 'evidence_end': 3}
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import jdatetime

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)

#: Fields holding ISO dates that get a ``<field>_jalali`` twin.
DATE_FIELDS = ("published", "date", "value", "since", "until", "first_published", "last_published")


@functools.lru_cache(maxsize=65536)
def jalali_of(iso: str | None) -> str | None:
    """The Jalali form of an ISO day (``2025-10-21`` → ``۲۹ مهر ۱۴۰۴``); ``None`` if not a day.

    A month (``2025-10``) gives the Jalali months it overlaps, e.g. ``مهر–آبان ۱۴۰۴``; an ISO
    week (``2025-W42``) its Jalali days, e.g. ``۲۱ تا ۲۷ مهر ۱۴۰۴``; a year the Jalali years.
    """
    if not iso or not isinstance(iso, str):
        return None
    m = _ISO_DAY.match(iso)
    if m:
        try:
            j = jdatetime.date.fromgregorian(year=int(m[1]), month=int(m[2]), day=int(m[3]))
        except (ValueError, OverflowError):
            return None
        return f"{j.day} {_MONTHS[j.month - 1]} {j.year}".translate(_FA_DIGITS)
    m = _ISO_WEEK.match(iso)
    if m:
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        a = jdatetime.date.fromgregorian(date=monday)
        b = jdatetime.date.fromgregorian(date=monday + timedelta(days=6))
        if (a.year, a.month) == (b.year, b.month):
            out = f"{a.day} تا {b.day} {_MONTHS[a.month - 1]} {a.year}"
        else:
            out = f"{a.day} {_MONTHS[a.month - 1]} تا {b.day} {_MONTHS[b.month - 1]} {b.year}"
        return out.translate(_FA_DIGITS)
    m = _ISO_YEAR.match(iso)
    if m:
        y = int(m[1])
        if not 1 <= y <= 9998:
            return None
        return f"{y - 622}–{y - 621}".translate(_FA_DIGITS)
    m = _ISO_MONTH.match(iso)
    if m:
        try:
            a = jdatetime.date.fromgregorian(year=int(m[1]), month=int(m[2]), day=1)
            b = jdatetime.date.fromgregorian(year=int(m[1]), month=int(m[2]), day=28)
        except (ValueError, OverflowError):
            return None
        if (a.year, a.month) == (b.year, b.month):
            return f"{_MONTHS[a.month - 1]} {a.year}".translate(_FA_DIGITS)
        if a.year == b.year:
            return f"{_MONTHS[a.month - 1]}–{_MONTHS[b.month - 1]} {a.year}".translate(_FA_DIGITS)
        return f"{_MONTHS[a.month - 1]} {a.year}–{_MONTHS[b.month - 1]} {b.year}".translate(_FA_DIGITS)
    return None


_JALALI_KEYS = tuple((f, f"{f}_jalali") for f in DATE_FIELDS)


def with_jalali(d: dict[str, Any]) -> dict[str, Any]:
    """Add ``<field>_jalali`` beside every ISO date field of ``d`` that lacks one (in place)."""
    for f, jf in _JALALI_KEYS:
        v = d.get(f)
        if v is not None and isinstance(v, str) and jf not in d:
            d[jf] = jalali_of(v)
    return d


def sentence_context(
    text: str, sentences: Sequence[Sequence[int]], start: int, end: int, max_chars: int = 600
) -> dict[str, Any] | None:
    """The sentence holding ``text[start:end]``, with the span's offsets relative to it.

    Falls back to a window of the text when no sentence covers the span; long
    sentences are cut to ``max_chars`` around the span.
    """
    if not text or not isinstance(start, int) or not isinstance(end, int):
        return None
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s0, s1 = None, None
    for sent in sentences or ():
        if len(sent) < 2:
            continue
        a, b = int(sent[0]), int(sent[1])
        if a <= start < b or (a < end <= b):
            s0 = a if s0 is None else min(s0, a)
            s1 = b if s1 is None else max(s1, b)
        elif s0 is not None and a >= end:
            break
    if s0 is None or s1 is None:
        s0, s1 = max(0, start - 150), min(len(text), end + 150)
    s1 = max(s1, end)
    s0 = min(s0, start)
    if s1 - s0 > max_chars:
        pad = max(0, (max_chars - (end - start)) // 2)
        s0 = max(s0, start - pad)
        s1 = min(s1, end + pad)
    return {
        "text": text[s0:s1],
        "start": s0,
        "end": s1,
        "evidence_start": start - s0,
        "evidence_end": end - s0,
    }


def snippet_parts(snippet: str, open_mark: str, close_mark: str) -> list[list[Any]]:
    """Split a snippet marked with ``open_mark``/``close_mark`` into ``[text, is_match]`` parts.

        >>> snippet_parts("پیش [واژه] پس", "[", "]")
        [['پیش ', False], ['واژه', True], [' پس', False]]
    """
    parts: list[list[Any]] = []
    pos, inside = 0, False
    while pos < len(snippet):
        mark = close_mark if inside else open_mark
        i = snippet.find(mark, pos)
        if i < 0:
            parts.append([snippet[pos:], inside])
            break
        if i > pos:
            parts.append([snippet[pos:i], inside])
        pos, inside = i + len(mark), not inside
    return [p for p in parts if p[0]]


def mention_list(raw: Iterable[Any]) -> list[dict[str, Any]]:
    """Mentions as dicts ``{start, end, text?, source?}`` whether the store gave dicts or triples."""
    out: list[dict[str, Any]] = []
    for m in raw or ():
        if isinstance(m, dict):
            out.append(m)
        elif isinstance(m, (list, tuple)) and len(m) >= 2:
            d: dict[str, Any] = {"start": m[0], "end": m[1]}
            if len(m) > 2:
                d["source"] = m[2]
            out.append(d)
    return out

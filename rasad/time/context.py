"""Which calendar a relative year counts in: the sentence's, else the article's.

``امسال``, ``سال جاری``, ``سال گذشته`` name the current or a neighbouring year of the
calendar the writer counts in.  From 21 March to 31 December the Iranian year ``Y``
holds most days of the Gregorian year ``Y + 621``, so both readings give one value;
from 1 January to 20 March they do not: in February 2020 a Tehran budget report's
``امسال`` is the year 1398 (mostly 2019) while an OPEC forecast's ``امسال`` is 2020.

The calendar is read from the expression's own sentence (a calendar word such as
``میلادی`` or ``شمسی`` right after it, else the calendars of the other explicit dates
and months of the sentence), then from the whole article (when its explicit Jalali
expressions clearly outnumber its Gregorian ones); with no evidence the Gregorian reading stays::

    >>> import datetime as dt
    >>> from rasad.time import TimeStage
    >>> t = TimeStage().tag("شاخص بورس از ابتدای امسال تا ۲۳ بهمن ۱۵۷ درصد رشد کرد.", anchor=dt.date(2020, 2, 15))
    >>> [(x.text, x.value) for x in t]
    [('امسال', '2019'), ('۲۳ بهمن', '2020-02-12')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from rasad.model import Timex
from rasad.time import calendars as cal
from rasad.time.lexicon import canon
from rasad.time.resolve import SENTENCE_END

SOLAR = ("jalali", "gregorian")
# an article counts in Iranian years when its explicit Jalali expressions are at least this
# many and this many times its Gregorian ones (a foreign-news article mixes both)
DOC_MIN, DOC_RATIO = 3, 3


def differs(anchor: dt.date) -> bool:
    """Whether the Iranian year of ``anchor`` mostly lies in another Gregorian year."""
    jy = cal.year_of("jalali", anchor)
    return jy is not None and jy + 621 != anchor.year


def counts(found: Iterable[Timex]) -> dict[str, int]:
    """Explicit Jalali and Gregorian expressions among ``found``."""
    n = dict.fromkeys(SOLAR, 0)
    for t in found:
        if t.calendar in n and t.value is not None:
            n[t.calendar] += 1
    return n


def year_calendar(
    s: str, t: Timex, found: list[Timex], doc_counts: dict[str, int], suffix: re.Pattern[str], suffixes: dict[str, str]
) -> str:
    """``jalali`` or ``gregorian``: the calendar ``t`` (a relative year) counts in.

    ``suffix`` matches a calendar word at a position; ``suffixes`` maps its canonical
    form to the calendar."""
    m = suffix.match(s, t.end)
    if m is not None:
        return suffixes.get(canon(m.group("sfx")), "gregorian")
    lo = 0
    for e in SENTENCE_END.finditer(s, max(0, t.start - 400), t.start):
        lo = e.end()
    e2 = SENTENCE_END.search(s, t.end)
    hi = e2.start() if e2 else len(s)
    near = counts(x for x in found if x is not t and lo <= x.start and x.end <= hi)
    if near["jalali"] != near["gregorian"]:
        return "jalali" if near["jalali"] > near["gregorian"] else "gregorian"
    if doc_counts["jalali"] >= DOC_MIN and doc_counts["jalali"] >= DOC_RATIO * doc_counts["gregorian"]:
        return "jalali"
    return "gregorian"

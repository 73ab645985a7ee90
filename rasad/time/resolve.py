"""From atoms to :class:`~rasad.model.Timex`: overlap removal, merging, resolution.

Adjacent atoms that name one point are merged into one timex: a weekday and its
date (``روز سه‌شنبه ۲۹ مهر``), a day and its clock time (``فردا ساعت ۱۰ صبح``),
an expression and its bracketed restatement (``امروز (چهارشنبه)``).  Values are
ISO 8601 at the text's granularity, resolved against ``anchor`` (the publication
date) when the text does not give them fully.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from rasad.model import Timex
from rasad.time import calendars as cal
from rasad.time.grammar import Atom
from rasad.time.lexicon import Lexicon

PLAIN_GAP = re.compile(r"[ \t\u200c]*(?:[,،\-–][ \t\u200c]*)?(?:در[ \t\u200c]+)?")
SPACE_GAP = re.compile(r"[ \t\u200c]*")
OPEN_GAP = re.compile(r"[ \t\u200c]*[(\[][ \t\u200c]*")
CLOSE_AHEAD = re.compile(r"[^()\[\]\n]{0,60}?[)\]]")
SENTENCE_END = re.compile(r"[.!?؟\n]")
DAYISH = {"date", "weekday", "rel_day", "daypart"}
# days between a year-less date and the publication date beyond which the clause's
# tense picks the year (a bare month is left to the closest rule: it is as often inside a
# noun phrase, «انتخابات ماه نوامبر», as the time of the clause); closer, the closest one stays (a date a few weeks ahead
# in a past clause was planned: «قرار بود ۲۵ اسفند برگزار شود»)
TENSE_SLACK = 90
MONTH_TENSE_SLACK = 120  # from the middle of a year-less month (a month is a wider target)
SEASONS = ["SP", "SU", "FA", "WI"]


def _num(n: float) -> str:
    """``3.0`` → ``3``, ``6.5`` → ``6.5``."""
    return str(int(n)) if n == int(n) else f"{n:g}"


def _role(a: Atom) -> str:
    if a.kind == "rel" and a.f["unit"] == "day":
        return "rel_day"
    return a.kind


@dataclass
class Group:
    """Atoms merged into one expression."""

    atoms: list[Atom]
    start: int
    end: int
    parts: dict[str, Atom] = field(default_factory=dict)

    @classmethod
    def of(cls, a: Atom) -> Group:
        return cls([a], a.start, a.end, {_role(a): a})

    def accepts(self, a: Atom) -> bool:
        role = _role(a)
        if role in self.parts:
            return False
        if role == "clock":
            return bool(self.parts.keys() & DAYISH)
        if role in DAYISH:
            return bool(self.parts.keys() <= DAYISH | {"clock"})
        return False

    def restate(self, a: Atom, end: int) -> None:
        """Absorb a bracketed restatement (``۳۱ اکتبر (۹ آبان)``); the first reading wins
        unless only the restatement gives the year (``۳۱ جولای (۱۰ مرداد ۹۹)``)."""
        self.atoms.append(a)
        old = self.parts.get(_role(a))
        if old is not None and a.kind == old.kind == "date" and old.f.get("y") is None and a.f.get("y") is not None:
            self.parts[_role(a)] = a
        self.parts.setdefault(_role(a), a)
        self.end = max(end, a.end)

    def add(self, a: Atom, end: int) -> None:
        self.atoms.append(a)
        self.parts[_role(a)] = a
        self.end = max(end, a.end)


def select(atoms: list[Atom]) -> list[Atom]:
    """Non-overlapping atoms, preferring strong over weak, then longer spans."""
    chosen: list[Atom] = []
    end = max((a.end for a in atoms), default=0)
    taken = bytearray(end)  # one flag per character: linear in the text, not in atoms²
    for a in sorted(atoms, key=lambda x: (x.weak, -(x.end - x.start), x.start)):
        if not any(taken[a.start : a.end]):
            chosen.append(a)
            taken[a.start : a.end] = b"\x01" * (a.end - a.start)
    return sorted(chosen, key=lambda x: x.start)


def merge(atoms: list[Atom], s: str) -> list[Group]:
    """Merge neighbouring atoms that form one expression."""
    groups: list[Group] = []
    bracket_end = -1  # inside a bracketed restatement that ends here
    for a in atoms:
        if groups:
            g = groups[-1]
            gap = s[g.end : a.start]
            role = _role(a)
            if a.end <= bracket_end and role in DAYISH:
                g.restate(a, bracket_end)
                continue
            if role in DAYISH and g.parts.keys() <= DAYISH and OPEN_GAP.fullmatch(gap):
                close = CLOSE_AHEAD.match(s, a.start)
                if close:
                    bracket_end = close.end()
                    g.restate(a, bracket_end if a.end >= close.start() else a.end)
                    continue
            if g.accepts(a):
                last_clock = _role(g.atoms[-1]) == "clock"
                if role != "clock" and last_clock:
                    ok = SPACE_GAP.fullmatch(gap) is not None
                else:
                    ok = PLAIN_GAP.fullmatch(gap) is not None
                if ok:
                    g.add(a, a.end)
                    continue
        groups.append(Group.of(a))
    return groups


class Resolver:
    """Turns merged groups into timexes for one text and one anchor."""

    def __init__(
        self,
        lex: Lexicon,
        future_re: re.Pattern[str],
        clause_re: re.Pattern[str],
        present_re: re.Pattern[str],
        past_re: re.Pattern[str],
        subjunctive_re: re.Pattern[str],
    ) -> None:
        self.lex = lex
        self.future_re = future_re
        self.clause_re = clause_re
        self.present_re = present_re
        self.past_re = past_re
        self.subjunctive_re = subjunctive_re
        self.stative_re = re.compile(r"(?<![^\W\d_])(?:" + lex.alt["stative"] + r")[ \t\u200c]+$")
        self.planned_re = re.compile(r"(?<![^\W\d_])(?:" + lex.alt["planned"] + r")(?![^\W\d_])")
        self.comparison_re = re.compile(r"(?<![^\W\d_])(?:" + lex.alt["comparison"] + r")[ \t\u200c]+(?:روز[ \t\u200c]+)?$")

    # --- tense ------------------------------------------------------------------
    def _clause(self, s: str, start: int, end: int) -> tuple[int, int]:
        left = max(0, start - 200)
        lb = left
        for m in self.clause_re.finditer(s, left, start):
            lb = m.end()
        m2 = self.clause_re.search(s, end, min(len(s), end + 300))
        return lb, m2.start() if m2 else min(len(s), end + 300)

    def is_future(self, s: str, start: int, end: int) -> bool:
        """Whether the clause around ``s[start:end]`` is in the future tense."""
        lb, rb = self._clause(s, start, end)
        window = s[lb:start] + " " + s[end:rb]
        # a present-tense or subjunctive verb after the day: «روز شنبه به تهران می‌رود»,
        # «تا روز دوشنبه تعطیل شود»
        # (the first verb after the day: «روز شنبه به مسکو رفت تا با او دیدار کند» is past)
        if self.future_re.search(window) is not None:
            return True
        present = self.present_re.search(s, end, rb)
        while present is not None and self.stative_re.search(s, max(0, present.start() - 12), present.start()):
            present = self.present_re.search(s, present.end(), rb)  # «نشان می‌دهد»: a state
        if present is not None:
            return self.past_re.search(s, end, present.start()) is None
        subj = self.subjunctive_re.search(s, end, rb)
        if subj is None:
            return False
        # a past verb before it in the clause makes it a past plan: «قصد داشت ... ۳۱ اکتبر معرفی کند»
        if self.past_re.search(s, end, subj.start()) is not None:
            return False
        return self.past_re.search(s, lb, start) is None

    def tense(self, s: str, start: int, end: int, present: bool = True) -> str | None:
        """``future``, ``past`` or ``None`` for the clause of ``s[start:end]``; a future
        cue wins over a past stem («برگزار خواهد شد»).  Without ``present`` only an explicit
        future cue (not a present verb, often a narrative present) makes the future."""
        lb, rb = self._clause(s, start, end)
        if self.planned_re.search(s, lb, rb):
            return None
        if self.is_future(s, start, end) if present else self.future_re.search(s[lb:start] + " " + s[end:rb]):
            return "future"
        return "past" if self.past_re.search(s, end, rb) is not None else None

    # --- days -------------------------------------------------------------------
    def weekday_date(self, f: dict[str, Any], anchor: dt.date, future: bool) -> dt.date:
        wd = f["wd"]
        if f.get("week") is not None:
            start = cal.saturday_week_start(anchor) + dt.timedelta(days=7 * f["week"])
            return start + dt.timedelta(days=(wd - 5) % 7)
        if f.get("mod") == -1:
            return cal.weekday_on_or_before(anchor - cal.ONE_DAY, wd)
        if f.get("mod") == 1:
            return cal.weekday_on_or_after(anchor + cal.ONE_DAY, wd)
        if future:
            return cal.weekday_on_or_after(anchor, wd)
        return cal.weekday_on_or_before(anchor, wd)

    def explicit_date(
        self, f: dict[str, Any], anchor: dt.date | None, tense: str | None = None
    ) -> tuple[dt.date | None, str | None]:
        if f["y"] is not None:
            return cal.to_gregorian(f["cal"], f["y"], f["m"], f["d"]), "absolute"
        if anchor is None:
            return None, None
        if f.get("yrel") is not None and f["cal"] == "hijri":
            # a lunar year does not line up with the solar «last year»: the occurrence
            # before the publication date (-1), after it (+1) or the closest (0)
            h0 = cal.year_of("hijri", anchor) or 0
            days = [cal.to_gregorian("hijri", y, f["m"], f["d"]) for y in (h0 - 1, h0, h0 + 1)]
            found = [d for d in days if d is not None]
            if f["yrel"] < 0:
                found = [d for d in found if d < anchor][-1:]
            elif f["yrel"] > 0:
                found = [d for d in found if d > anchor][:1]
            else:
                found = sorted(found, key=lambda d: abs((d - anchor).days))[:1]
            return (found[0] if found else None), "published"
        if f.get("yrel") is not None and f.get("yrel_cal") == "gregorian":
            # «نوروز امسال»: the one in this Gregorian year (a Jalali year Y starts in Y + 621)
            return cal.to_gregorian(f["cal"], anchor.year + f["yrel"] - 621, f["m"], f["d"]), "published"
        if f.get("yrel") is not None:
            y0 = cal.year_of(f["cal"], anchor)
            return (cal.to_gregorian(f["cal"], y0 + f["yrel"], f["m"], f["d"]) if y0 else None), "published"
        day = cal.closest_date(f["cal"], f["m"], f["d"], anchor)
        if day is not None and tense is not None:
            day = self._by_tense(day, f, anchor, tense)
        return day, "published"

    @staticmethod
    def _tense_step(day: dt.date, anchor: dt.date, tense: str, slack: int = 0) -> int:
        """-1, 0 or +1 year: what the clause's tense makes of a year-less day."""
        gap, slack = (day - anchor).days, slack or TENSE_SLACK
        return -1 if tense == "past" and gap > slack else 1 if tense == "future" and gap < -slack else 0

    def _by_tense(self, day: dt.date, f: dict[str, Any], anchor: dt.date, tense: str) -> dt.date:
        """A year-less date well ahead of ``anchor`` in a past clause is the one a year
        before; one well behind it in a future clause the one a year after
        («شورا روز ۱۸ اردیبهشت هشدار داد» in November: last May)."""
        step = self._tense_step(day, anchor, tense)
        y = cal.year_of(f["cal"], day)
        if not step or y is None:
            return day
        return cal.to_gregorian(f["cal"], y + step, f["m"], f["d"]) or day

    def group_timex(
        self,
        g: Group,
        s: str,
        text: str,
        anchor: dt.date | None,
        fallback: tuple[dt.date, str | None] | None = None,
    ) -> Timex | None:
        """The timex of a day-level group (date, weekday, relative day, clock time)."""
        p = g.parts
        day: dt.date | None = None
        how: str | None = None
        calendar = "relative"
        if fallback is not None:
            day, how = fallback
        if "date" in p:
            f = p["date"].f
            tense = self.tense(s, g.start, g.end) if f["y"] is None and f.get("yrel") is None else None
            day, how = self.explicit_date(f, anchor, tense)
            calendar = p["date"].f["cal"]
        elif "rel_day" in p:
            if anchor is not None:
                day, how = cal.add_days(anchor, p["rel_day"].f["offset"]), "published"
                if day is not None and "weekday" in p and day.weekday() != p["weekday"].f["wd"]:
                    # «دیروز شنبه» a day off the publication date: the weekday named wins
                    shift = (p["weekday"].f["wd"] - day.weekday() + 3) % 7 - 3
                    day = cal.add_days(day, shift)
        elif "weekday" in p:
            if anchor is not None:
                w = p["weekday"]
                future = (
                    w.f["mod"] is None
                    and w.f["week"] is None
                    and not self.comparison_re.search(s, max(0, g.start - 24), g.start)
                    and self.is_future(s, g.start, g.end)
                )
                day, how = self.weekday_date(w.f, anchor, future), "published"
        elif "clock" not in p:
            return None
        clock = p.get("clock")
        hm: tuple[int, int] | None = None
        if clock is not None:
            cf = clock.f
            rel = p.get("rel_day")
            if rel is not None and rel.f.get("night") and not cf["dp"] and 5 <= cf["h"] < 12:
                cf = {**cf, "h": cf["h"] + 12}  # «امشب ساعت ۹» = 21:00
            hm = self.clock_value(cf)
            if hm is None:
                return None
        elif "daypart" in p and self.lex.day_parts.get(p["daypart"].f["dp"], {}).get("exact"):
            hm = (int(self.lex.day_parts[p["daypart"].f["dp"]]["hour"]), 0)
        if hm is None and p.keys() <= {"daypart"}:
            return None
        t = Timex(text[g.start : g.end], g.start, g.end, "DATE", None, "day", how, calendar)
        if hm is not None:
            t.type, t.granularity = "TIME", "time"
        if day is not None:
            t.value = day.isoformat()
            if hm is not None:
                t.value += f"T{hm[0]:02d}:{hm[1]:02d}" + self.zone_suffix(clock, day)
        return t

    def clock_value(self, f: dict[str, Any]) -> tuple[int, int] | None:
        h, mi, dp = f["h"], f["mi"], f["dp"]
        if dp:
            spec = self.lex.day_parts.get(dp, {})
            if spec.get("pm") and h < 12 and h >= int(spec.get("pm_from", 0)):
                h += 12
            elif not spec.get("pm") and h == 12:
                h = 0
        if h == 24:
            h = 0
        return (h, mi) if h < 24 else None

    def zone_suffix(self, clock: Atom | None, day: dt.date) -> str:
        if clock is None or not clock.f.get("zone"):
            return ""
        z = self.lex.zones.get(clock.f["zone"])
        return cal.zone_offset(z.offset, z.dst, day) if z else ""

    # --- everything else ------------------------------------------------------------
    def single(self, a: Atom, text: str, anchor: dt.date | None, tense: str | None = None) -> Timex:
        """Resolve a non-day atom (month, year, relative unit, duration, set...); ``tense``
        (of the clause of a year-less month after a preposition) picks the month's year."""
        t = Timex(text[a.start : a.end], a.start, a.end, "DATE", None, None, None, None)
        f = a.f
        k = a.kind
        if k == "set":
            t.type, t.value, t.granularity, t.calendar = "SET", f["value"], "set", "relative"
        elif k == "count":
            self._count(t, f, anchor)
        elif k == "rel":
            t.calendar, t.granularity = "relative", f["unit"]
            if anchor is not None:
                t.value, t.anchor = self.shift(anchor, f["unit"], f["offset"]), "published"
                jy = cal.year_of("jalali", anchor) if f.get("solar_year") else None
                if jy is not None:
                    # «پایان سال», «ابتدای سال»: the Iranian year, so its end falls in March of
                    # the next Gregorian year
                    t.value = f"{jy + f['offset'] + (622 if f.get('part_end') else 621):04d}"
        elif k == "range":
            t.calendar, t.granularity = f["cal"], "day"
            m1 = f.get("m1", f["m"])
            d1, how = self.explicit_date({**f, "d": f["d1"], "m": m1}, anchor)
            d2, _ = self.explicit_date(f, anchor)
            if d1 and d2 and (f["y"] is None or m1 != f["m"]) and d2 < d1:
                # the first day lies in the year before the second: «۲۰ دی تا ۵ فروردین»
                y2 = cal.year_of(f["cal"], d2) or 0
                d1 = cal.to_gregorian(f["cal"], y2 - (m1 > f["m"]), m1, f["d1"])
            if d1 and d2:
                t.value, t.anchor = f"{d1.isoformat()}/{d2.isoformat()}", how
        elif k == "month":
            self._month(t, f, anchor, tense)
        elif k == "sport_season":
            t.calendar, t.granularity = "gregorian", "year"
            if anchor is not None:
                y = anchor.year - (anchor.month < f["start"]) + f["offset"]
                t.value, t.anchor = f"{y:04d}/{y + 1:04d}", "published"
        elif k == "nth_weekday":
            self._nth_weekday(t, f, anchor)
        elif k == "month_range":
            self._month_range(t, f)
        elif k in ("year", "year_range"):
            t.calendar, t.granularity, t.anchor = f["cal"], "year", "absolute"
            y2 = f.get("y2", f["y"])
            if f["cal"] == "gregorian":
                if f["y"] <= 0:  # before the common era, astronomical numbering: 776 BC → -0775
                    t.value = f"-{-f['y']:04d}"
                else:
                    t.value = f"{f['y']:04d}" if y2 == f["y"] else f"{f['y']:04d}/{y2:04d}"
            else:
                a1, a2 = cal.year_span(f["cal"], f["y"]), cal.year_span(f["cal"], y2)
                if a1 and a2:
                    t.interval = f"{a1[0].isoformat()}/{a2[1].isoformat()}"
                    t.value = cal.majority_year(a1) if y2 == f["y"] else t.interval
        elif k == "decade":
            self._decade(t, f)
        elif k == "century":
            t.granularity, t.calendar = "century", "gregorian"
            if f["cal"] in ("", "gregorian") and (f["cal"] == "gregorian" or 15 <= f["n"] <= 22):
                t.value, t.anchor = f"{f['n'] - 1:02d}", "absolute"
        elif k == "season":
            self._season(t, f, anchor)
        if t.value is None:
            t.anchor = None
        return t

    def shift(self, anchor: dt.date, unit: str, n: int) -> str | None:
        """``anchor`` moved by ``n`` units, written at that unit's granularity."""
        if unit == "day":
            d = cal.add_days(anchor, n)
            return d.isoformat() if d else None
        if unit == "week":
            # «هفته گذشته» = the seven days before the anchor: the ISO week holding most of
            # them, i.e. the week of their middle day (anchor − 4); a week ahead is anchor + 7
            d = cal.add_days(anchor, 7 * n + 3 * (n < 0))
            return cal.iso_week(d) if d else None
        if unit == "month":
            y, m = cal.add_months(anchor.year, anchor.month, n)
            return f"{y:04d}-{m:02d}"
        if unit == "year":
            return f"{anchor.year + n:04d}"
        if unit == "decade":
            return f"{anchor.year // 10 + n:03d}"
        if unit == "century":
            return f"{anchor.year // 100 + n:02d}"
        return None

    def _count(self, t: Timex, f: dict[str, Any], anchor: dt.date | None) -> None:
        iso = self.lex.unit_iso[f["unit"]]
        t.calendar = "relative"
        if f["duration"]:
            t.type, t.granularity = "DURATION", "duration"
            if f["n"] is None:
                return  # a vague count («چند ماه گذشته») is not annotated
            n = f["n"]
            if f["unit"] == "hour" and n < 1:
                t.value = f"PT{int(n * 60)}M"  # «نیم ساعت», «یک ساعت و نیم»
            elif f["unit"] in ("hour", "minute", "second"):
                t.value = f"PT{_num(n)}{iso[0]}"
            elif f["unit"] in ("decade", "century"):
                t.value = f"P{_num(n * (10 if f['unit'] == 'decade' else 100))}Y"
            else:
                t.value = f"P{_num(n)}{iso}"
            if f.get("unit2") and f.get("n2") and n == int(n):
                t.value = self._compound(t.value, f["unit"], f["unit2"], f["n2"])
            return
        unit, n = f["unit"], f["n"]
        t.granularity = unit
        if n is None or anchor is None:
            return
        if f.get("unit2"):
            u2, n2 = f["unit2"], f.get("n2") or 0
            if unit == "week" and u2 == "day":
                unit, n = "day", 7 * n + n2
            elif unit == "year" and u2 == "month":
                unit, n = "month", 12 * n + n2
            t.granularity = unit
        t.value, t.anchor = self.shift(anchor, unit, int(f["dir"] * n)), "published"

    SMALL = ("hour", "minute", "second")
    ORDER = ("year", "month", "week", "day", "hour", "minute", "second")

    def _compound(self, value: str, u1: str, u2: str, n2: float) -> str:
        """«دو سال و شش ماه» → P2Y6M, «۳۲ دقیقه و ۳۷ ثانیه» → PT32M37S (a smaller second unit)."""
        if u1 not in self.ORDER or u2 not in self.ORDER or self.ORDER.index(u2) <= self.ORDER.index(u1):
            return value
        if "week" in (u1, u2):
            return value  # ISO 8601 does not mix weeks with other units
        part = f"{_num(n2)}{self.lex.unit_iso[u2][0] if u2 in self.SMALL else self.lex.unit_iso[u2]}"
        if u2 in self.SMALL and "T" not in value:
            part = "T" + part
        return value + part

    def _month(self, t: Timex, f: dict[str, Any], anchor: dt.date | None, tense: str | None = None) -> None:
        t.calendar, t.granularity = f["cal"], "month"
        y, c, m = f["y"], f["cal"], f["m"]
        if y is not None:
            t.anchor = "absolute"
        elif anchor is None:
            return
        elif f.get("mod") is not None and f.get("year_mod"):
            y0 = cal.year_of(c, anchor)
            y = None if y0 is None else y0 + f["mod"]
            t.anchor = "published"
        elif f.get("mod") is not None:
            y = cal.month_occurrence(c, m, anchor, f["mod"])
            t.anchor = "published"
        else:
            found = cal.closest_month(c, m, anchor)
            y = found[0] if found else None
            if found and y is not None and tense is not None:
                mid = found[1][0] + (found[1][1] - found[1][0]) / 2
                y += self._tense_step(mid, anchor, tense, MONTH_TENSE_SLACK)
            t.anchor = "published"
        if y is None:
            return
        if c == "gregorian":
            t.value = f"{y:04d}-{m:02d}"
        else:
            span = cal.month_span(c, y, m)
            if span:  # month granularity in ISO: the Gregorian month with most of its days
                t.value, t.interval = cal.majority_month(span), cal.span_value(span)

    @staticmethod
    def _nth_weekday(t: Timex, f: dict[str, Any], anchor: dt.date | None) -> None:
        """«آخرین جمعه ماه رمضان» → the last Friday of the Ramadan nearest ``anchor``."""
        t.calendar, t.granularity = f["cal"], "day"
        if f["y"] is not None:
            span, t.anchor = cal.month_span(f["cal"], f["y"], f["m"]), "absolute"
        elif anchor is not None:
            found = cal.closest_month(f["cal"], f["m"], anchor)
            span, t.anchor = (found[1] if found else None), "published"
        else:
            span = None
        if span is None:
            return
        if f["nth"] < 0:
            t.value = cal.weekday_on_or_before(span[1], f["wd"]).isoformat()
        else:
            t.value = cal.weekday_on_or_after(span[0], f["wd"]).isoformat()

    @staticmethod
    def _month_range(t: Timex, f: dict[str, Any]) -> None:
        """«از آوریل تا ژوئیه ۲۰۲۵» → ``2025-04/2025-07``; the first month lies in the year
        before when it comes later in the year («آذر تا اسفند ۱۴۰۳»: the same Jalali year)."""
        c, y, m1, m2 = f["cal"], f["y"], f["m1"], f["m"]
        y1 = y - (m1 > m2)
        t.calendar, t.granularity, t.anchor = c, "month", "absolute"
        if c == "gregorian":
            t.value = f"{y1:04d}-{m1:02d}/{y:04d}-{m2:02d}"
            return
        s1, s2 = cal.month_span(c, y1, m1), cal.month_span(c, y, m2)
        if s1 and s2:
            t.value = f"{cal.majority_month(s1)}/{cal.majority_month(s2)}"
            t.interval = cal.span_value((s1[0], s2[1]))

    def _decade(self, t: Timex, f: dict[str, Any]) -> None:
        n, c = f["n"], f["cal"]
        t.granularity, t.anchor = "decade", "absolute"
        if n < 100:
            n += 1900 if c == "gregorian" else 1300
        if n >= 1500 or c == "gregorian":
            t.value, t.calendar = f"{n // 10:03d}", "gregorian"
            return
        a1, a2 = cal.year_span("jalali", n), cal.year_span("jalali", n + 9)
        t.calendar = "jalali"
        t.value = f"{a1[0].isoformat()}/{a2[1].isoformat()}" if a1 and a2 else None

    def _season(self, t: Timex, f: dict[str, Any], anchor: dt.date | None) -> None:
        t.granularity, t.calendar = "season", f["cal"]
        idx = SEASONS.index(f["code"])
        if f["y"] is not None:
            y = f["y"] + 621 if f["cal"] == "jalali" else f["y"]
            t.value, t.anchor = f"{y:04d}-{f['code']}", "absolute"
            return
        if anchor is None or f["mod"] is None:
            return
        md = (anchor.month, anchor.day)
        cur_idx = 3 if md < (3, 21) or md >= (12, 21) else 0 if md < (6, 21) else 1 if md < (9, 23) else 2
        cur = (anchor.year - (md < (3, 21))) * 4 + cur_idx
        if f["mod"] == 0:
            k = anchor.year * 4 + idx
        elif f["mod"] < 0:
            k = cur - 1 - (cur - 1 - idx) % 4
        else:
            k = cur + 1 + (idx - cur - 1) % 4
        t.value, t.anchor = f"{k // 4:04d}-{SEASONS[k % 4]}", "published"

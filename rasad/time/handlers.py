"""The handlers of the grammar's patterns: a regex match (and the prefix found before it)
→ an :class:`Atom` with the fields resolution needs, or ``None`` when the match is not a
time expression after all.  The patterns themselves are built in :mod:`rasad.time.grammar`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasad.time.lexicon import Lexicon, canon

__all__ = ["Atom", "Handler", "Handlers", "Pre", "full_year"]


@dataclass
class Atom:
    """One recognized piece: ``kind`` plus its fields ``f`` (month, day, offset...)."""

    start: int
    end: int
    kind: str
    f: dict[str, Any] = field(default_factory=dict)
    weak: bool = False  # kept only when merged with a neighbour (bare «۱۳:۴۵», «صبح»)


Pre = re.Match[str] | None
Handler = Callable[[re.Match[str], re.Match[str] | None], Atom | None]


def _start(m: re.Match[str], pre: re.Match[str] | None) -> int:
    return pre.start() if pre is not None else m.start()


# two-digit Jalali years: «۹۸» → 1398, «۰۳» → 1403, «شهریور ۲۰» → 1320
JALALI_CUTOFF = 20
SPORT_NEAR = 250  # how far a word of sport makes «فصل گذشته» a season of sport


def full_year(y: str, cal: str) -> int:
    """``"92"`` → 1392 (Jalali) or 1992 (Gregorian); 4-digit years pass through."""
    n = int(y)
    if len(y) > 2:
        return n
    if cal == "gregorian":
        return 1900 + n if n >= 50 else 2000 + n
    if cal == "hijri":
        return 1400 + n
    return 1300 + n if n >= JALALI_CUTOFF else 1400 + n


CLOCK_BEFORE = re.compile(r"ساعت[ \t\u200c]*$")


class Handlers:
    """Pattern handlers; :class:`~rasad.time.grammar.Grammar` sets the tables they read."""

    lex: Lexicon
    prefixes: dict[str, re.Pattern[str]]
    vague: set[str]
    duration_heads: set[str]
    duration_mods: set[str]
    fractions: dict[str, float]
    multipliers: dict[str, int]
    range_counts: set[str]
    bare_exclusions: set[str]
    small_units: set[str]
    count_months: set[str]
    modifier_guarded: set[str]
    end_parts: set[str]
    one_unit_mods: set[str]
    holidays: dict[str, tuple[str, int, int]]
    gregorian_years: set[str]
    dur_after: re.Pattern[str]
    dur_before: re.Pattern[str]
    month_after: re.Pattern[str]
    clause_start: re.Pattern[str]
    every: re.Pattern[str]
    amount_after: re.Pattern[str]
    amount_before: re.Pattern[str]
    freq_head: re.Pattern[str]
    sport: re.Pattern[str]
    clock_before: re.Pattern[str]
    sport_start: int
    rate_unit_before: re.Pattern[str]

    # --- helpers ---------------------------------------------------------------
    def _num(self, text: str | None) -> int | None:
        return self.lex.number(text) if text else None

    def _month_of(self, m: re.Match[str]) -> tuple[str, int, bool]:
        cal, num = self.lex.months[canon(m.group("mon"))]
        return cal, num, canon(m.group("mon")) in self.lex.guarded

    def _sfx_cal(self, m: re.Match[str], default: str) -> str:
        sfx = m.groupdict().get("sfx") or m.groupdict().get("sfx2")
        return self.lex.cal_suffixes.get(canon(sfx), default) if sfx else default

    def _year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        gd = m.groupdict()
        if gd.get("y5"):
            cal = self._sfx_cal(m, "jalali")
            y = full_year(gd["y5"], cal)
        else:
            y = int(gd.get("y") or gd["y4"])
            cal = self._sfx_cal(m, "jalali" if y < 1500 else "gregorian")
        return Atom(_start(m, pre), m.end(), "year", {"cal": cal, "y": y})

    def _bare_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        """A number in brackets is a year only in the years news writes: 1300–1499 (Jalali), 1800–2100."""
        y = int(m.group("y4"))
        if not (1300 <= y <= 1499 or 1800 <= y <= 2100):
            return None
        return self._year(m, pre)

    def _date_fields(self, m: re.Match[str]) -> dict[str, Any] | None:
        cal, mon, _ = self._month_of(m)
        y: int | None = None
        if m.group("y"):
            y = int(m.group("y"))
        elif m.group("y2"):
            y = full_year(m.group("y2"), cal)
        cal = self._sfx_cal(m, cal)
        d = self._num(m.group("d"))
        if d is None or not 1 <= d <= 31:
            return None
        gd = m.groupdict()
        yrel: int | None = None
        if gd.get("yrel2"):  # «۱۲ بهمن‌ماه امسال»
            yrel = self.lex.relative_words[canon(gd["yrel2"])][0]
        elif gd.get("yrel"):
            yrel = self.lex.modifiers.get(canon(gd["yrel"]))
        return {"cal": cal, "y": y, "m": mon, "d": d, "yrel": yrel}

    # --- handlers -------------------------------------------------------------
    def _date(self, m: re.Match[str], pre: Pre) -> Atom | None:
        f = self._date_fields(m)
        mon2 = m.groupdict().get("mon2")
        if f and mon2 and f["y"] is not None and self.lex.months[canon(mon2)][1] < f["m"]:
            f["y"] -= 1  # «۲۰ دسامبر تا ۵ ژانویه ۲۰۲۰»
        if f and self.prefixes["day_block"].search(m.string, max(0, m.start() - 20), m.start()):
            return None  # «هفته دوم آبان» is a week, not the 2nd of Aban
        if f and f["y"] is None and not m.group("mah") and self._month_of(m)[2]:
            # «دو تیر شلیک شد»: a guarded month after a cardinal word is a count, not a date
            if canon(m.group("d")) in self.lex.cardinals and canon(m.group("mon")) in self.count_months:
                return None
        return Atom(_start(m, pre), m.end(), "date", f) if f else None

    def _range(self, m: re.Match[str], pre: Pre) -> Atom | None:
        f = self._date_fields(m)
        d1 = self._num(m.group("d1"))
        mon1 = m.groupdict().get("mon1")
        if mon1 is not None:  # «از ۷ شعبان تا ۲۳ رمضان»: both months of one calendar
            cal1, m1 = self.lex.months[canon(mon1)]
            if not f or d1 is None or not 1 <= d1 <= 31 or cal1 != self._month_of(m)[0] or m1 == f["m"]:
                return None
            f["m1"] = m1
        elif not f or d1 is None or not 1 <= d1 < f["d"]:
            return None
        f["d1"] = d1
        return Atom(_start(m, pre), m.end(), "range", f)

    def _month_range(self, m: re.Match[str], pre: Pre) -> Atom | None:
        cal, mon, _ = self._month_of(m)
        cal1, m1 = self.lex.months[canon(m.group("mon1"))]
        y = int(m.group("y"))
        if cal1 != cal or m1 == mon or (cal == "gregorian") != (y >= 1500):
            return None
        return Atom(_start(m, pre), m.end(), "month_range", {"cal": self._sfx_cal(m, cal), "y": y, "m1": m1, "m": mon})

    def _month_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        cal, mon, guarded = self._month_of(m)
        gd = m.groupdict()
        short = gd.get("y2") or gd.get("y3")
        if short is not None:
            if guarded and not (pre is not None or m.group("mah") or gd.get("y2")):
                return None  # «دی ۹۸» alone is too weak; «دی ماه ۹۸», «دی سال ۹۸» are not
            y = full_year(short, cal)
        else:
            y = int(m.group("y"))
        return Atom(_start(m, pre), m.end(), "month", {"cal": self._sfx_cal(m, cal), "y": y, "m": mon})

    def _month(self, m: re.Match[str], pre: Pre) -> Atom | None:
        cal, mon, guarded = self._month_of(m)
        mod = m.group("mod")
        s, start = m.string, m.start()
        part = None if pre is not None else self.prefixes["part"].search(s, max(0, start - 20), start)
        if part is not None:  # «اواسط مارس»
            pre = part
        named = pre is not None or m.group("mah")
        if guarded and not named and not (mod and canon(m.group("mon")) not in self.modifier_guarded):
            return None
        if not named and not mod and self.clause_start.search(s, max(0, start - 12), start):
            # a bare month name opening a sentence is a person's name: «فروردین موسوی گفت»
            return None
        if not named and cal != "gregorian" and not mod:
            # a bare Jalali/Hijri month name is too often a person's name or a word
            if canon(m.group("mon")) not in ("فروردین", "اردیبهشت", "شهریور", "اسفند"):
                return None
        direction = None
        if mod:
            key = canon(mod)
            direction = {"امسال": 0, "پارسال": -1}.get(key, self.lex.modifiers.get(key))
        f = {
            "cal": cal,
            "y": None,
            "m": mon,
            "mod": direction,
            "year_mod": bool(m.group("sal")) or canon(mod or "") in ("امسال", "پارسال", "جاری"),
        }
        return Atom(_start(m, pre), m.end(), "month", f)

    def _ymd(self, m: re.Match[str], pre: Pre) -> Atom | None:
        gd = m.groupdict()
        mon, d = int(m.group("m")), int(m.group("d"))
        if gd.get("y2"):
            y = full_year(gd["y2"], "jalali")
        else:
            y = int(gd["y"])
        cal = "jalali" if y < 1700 else "gregorian"
        if cal == "gregorian" and mon > 12 and d <= 12:
            mon, d = d, mon  # «11.19.2016»: month first
        if not (1 <= mon <= 12 and 1 <= d <= 31):
            return None
        return Atom(_start(m, pre), m.end(), "date", {"cal": cal, "y": y, "m": mon, "d": d, "numeric": True})

    def _ym(self, m: re.Match[str], pre: Pre) -> Atom | None:
        y, mon = int(m.group("y")), int(m.group("m"))
        if not 1 <= mon <= 12 or not (1200 <= y < 1500 or 1900 <= y < 2100):
            return None
        return Atom(
            _start(m, pre), m.end(), "month", {"cal": "jalali" if y < 1700 else "gregorian", "y": y, "m": mon}
        )

    def _weekday(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if pre is None and self.prefixes["wd_block"].search(m.string, max(0, m.start() - 20), m.start()):
            return None
        f: dict[str, Any] = {"wd": self.lex.weekdays[canon(m.group("wd"))], "mod": None, "week": None}
        if m.group("wmod"):
            f["week"] = self.lex.modifiers[canon(m.group("wmod"))]
        elif m.group("mod"):
            f["mod"] = self.lex.modifiers[canon(m.group("mod"))]
        f["this"] = bool(pre is not None and pre.group("this"))
        return Atom(_start(m, pre), m.end(), "weekday", f)

    def _relative(self, m: re.Match[str], pre: Pre) -> Atom | None:
        key = canon(m.group("rel"))
        off, unit = self.lex.relative_words[key]
        return Atom(_start(m, pre), m.end(), "rel", {"offset": off, "unit": unit, "night": key in self.lex.night})

    def _rel_unit(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if m.groupdict().get("u1"):
            unit, off = self.lex.units[canon(m.group("u1"))], 0
            if unit in ("day", "hour", "minute"):
                return None
        else:
            unit = self.lex.units[canon(m.group("u2"))]
            mod = canon(m.group("mod"))
            off = self.lex.modifiers[mod]
            if unit in ("hour", "minute", "second") or mod == "دیگر":
                return None
            s, start = m.string, m.start()
            head = self.prefixes["dur"].search(s, max(0, start - 20), start)
            if (head and canon(head.group("head")) in self.duration_heads and mod in self.duration_mods) or (
                mod in self.one_unit_mods and pre is None
            ):
                # «در طول سال گذشته», «سال اخیر»: one unit of time up to now
                f = {"n": 1, "unit": unit, "dir": off, "duration": True, "vague": False}
                return Atom(head.start() if head else start, m.end(), "count", f)
        return Atom(
            _start(m, pre), m.end(), "rel", {"offset": off, "unit": unit, "part": pre and pre.group("part")}
        )

    def _count_value(self, text: str | None) -> float | None:
        """A count in digits (``2.5``), words (``بیست و پنج``) or a fraction word (``نیم``)."""
        if not text:
            return None
        key = canon(text)
        if key in self.vague:
            return None
        if key in self.fractions:
            return self.fractions[key]
        if re.fullmatch(r"\d+\.\d+", key):
            return float(key)
        return self._num(text)

    def _bare_duration(self, m: re.Match[str]) -> bool:
        """Whether a count and unit with no head stand alone as a duration."""
        s = m.string
        if self.dur_after.match(s, m.end()) or self.dur_before.search(s, max(0, m.start() - 24), m.start()):
            return False
        if self.month_after.match(s, m.end()):
            return False  # «۱۵ ماه مه» is a date
        return canon(m.group(0)) not in self.bare_exclusions

    def _count(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if self.lex.units[canon(m.group("u1"))] == "day" and CLOCK_BEFORE.search(
            m.string, max(0, m.start() - 8), m.start()
        ):
            return None  # «ساعت ۱۷ روز گذشته»: a clock time, not seventeen days
        head = canon(pre.group("head")) if pre is not None else ""
        if self.month_after.match(m.string, m.end()):
            return None
        mod = canon(m.group("mod")) if m.group("mod") else ""
        if not mod and head not in self.duration_heads and not self._bare_duration(m):
            return None
        n: float | None = self._count_value(m.group("n1"))
        n0 = self._count_value(m.group("n0")) if m.group("n0") else None
        if m.group("n0") and canon(m.group("n0")) not in self.range_counts and n0 is None:
            return None
        if n is not None:
            if m.group("k"):
                n *= self.multipliers[canon(m.group("k"))]
            if n0 is not None:
                n = max(n, n0)  # a duration range takes its upper bound
            if m.group("half0") or m.group("half"):
                n += 0.5
        unit = self.lex.units[canon(m.group("u1"))]
        every = self.every.search(m.string, max(0, m.start() - 8), m.start())
        if n is not None and not mod and every is not None:
            # «هر دو سال (یک بار)»: a set
            if unit in ("decade", "century"):
                value = f"P{n * (10 if unit == 'decade' else 100):g}Y"
            elif unit in self.small_units:
                value = f"PT{n:g}{self.lex.unit_iso[unit][0]}"
            else:
                value = f"P{n:g}{self.lex.unit_iso[unit]}"
            return Atom(every.start(), m.end(), "set", {"value": value})
        f: dict[str, Any] = {
            "n": n,
            "unit": unit,
            "dir": self.lex.modifiers.get(mod, 0),
            "duration": not mod or mod in self.duration_mods,
            "vague": n is None,
        }
        if m.group("n2"):
            f["n2"] = self._num(m.group("n2"))
            f["unit2"] = self.lex.units[canon(m.group("u2"))]
        if unit in self.small_units and mod and (head not in self.duration_heads or f["dir"] < 0):
            # «نیم ساعت پیش», «در ۲۴ ساعت گذشته»: the publication day
            return Atom(_start(m, pre), m.end(), "rel", {"offset": 0, "unit": "day", "small": True})
        if not f["duration"] and n is not None and (n != int(n) or unit in ("decade", "century")):
            # «۲.۵ قرن پیش», «یک دهه پیش»: decades, centuries and fractions of years, in years
            years = {"century": 100, "decade": 10, "year": 1}.get(unit)
            if years is None:
                return None
            f["n"], f["unit"] = round(n * years), "year"
        return Atom(_start(m, pre) if f["duration"] else m.start(), m.end(), "count", f)

    def _headed_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        atom = self._bare_year(m, None) if pre is not None else None
        return atom

    def _short_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        """«بودجه ۴۰۵»: 390–499 after a head that takes a year is Jalali 1390–1499 (the shorthand of the 1400s)."""
        if pre is None:
            return None
        return Atom(m.start(), m.end(), "year", {"cal": "jalali", "y": 1000 + int(m.group("y3j"))})

    def _listed_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if pre is None:
            return None
        y = int(m.group("y4"))
        cal = self._sfx_cal(m, "jalali" if y < 1500 else "gregorian")
        return Atom(m.start(), m.end(), "year", {"cal": cal, "y": y})

    def _sport_season(self, m: re.Match[str], pre: Pre) -> Atom | None:
        a, b = m.group("a"), m.group("b")
        if len(a) == len(b) == 2:
            return None
        full = int(a) if len(a) == 4 else int(b)
        other = int(b) if len(a) == 4 else int(a)
        if other < 100:
            other += full // 100 * 100
        y1, y2 = sorted((full, other))
        if y2 != y1 + 1 or not 1900 <= y1 <= 2100:
            return None
        return Atom(m.start(), m.end(), "year_range", {"cal": "gregorian", "y": y1, "y2": y2})

    def _spelled_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        y = self.lex.spelled(m.group("yw"))
        if y is None or not (1200 <= y <= 1499 or 1800 <= y <= 2100):
            return None
        cal = self._sfx_cal(m, "jalali" if y < 1500 else "gregorian")
        return Atom(m.start(), m.end(), "year", {"cal": cal, "y": y})

    def _bc_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        n = self._num(m.group("bc"))
        if n is None or n < 1:
            return None
        return Atom(m.start(), m.end(), "year", {"cal": "gregorian", "y": 1 - n})  # 1 BC = year 0

    def _holiday(self, m: re.Match[str], pre: Pre) -> Atom | None:
        cal, mon, day = self.holidays[canon(m.group("hol"))]
        gd = m.groupdict()
        if not (gd.get("y") or gd.get("yrel") or gd.get("yrel2")):
            return None  # a bare «اربعین» names the occasion, not a day
        y = int(gd["y"]) if gd.get("y") else None
        yrel: int | None = None
        if gd.get("yrel2"):
            yrel = self.lex.relative_words[canon(gd["yrel2"])][0]
        elif gd.get("yrel"):
            yrel = self.lex.modifiers.get(canon(gd["yrel"]))
        f = {"cal": cal, "y": y, "m": mon, "d": day, "yrel": yrel}
        if canon(m.group("hol")) in self.gregorian_years:
            f["yrel_cal"] = "gregorian"
        return Atom(_start(m, pre), m.end(), "date", f)

    def _year_range(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if m.groupdict().get("ys"):
            y1, y2 = full_year(m.group("ys"), "jalali"), full_year(m.group("ye"), "jalali")
            if y2 <= y1:
                return None
            return Atom(_start(m, pre), m.end(), "year_range", {"cal": "jalali", "y": y1, "y2": y2})
        y1, y2 = int(m.group("y")), int(m.group("y3"))
        if y2 <= y1:
            return None
        cal = self._sfx_cal(m, "jalali" if y1 < 1500 else "gregorian")
        return Atom(_start(m, pre), m.end(), "year_range", {"cal": cal, "y": y1, "y2": y2})

    def _decade(self, m: re.Match[str], pre: Pre) -> Atom | None:
        n = self._num(m.group("dec"))
        if n is None or n % 10:
            return None
        return Atom(_start(m, pre), m.end(), "decade", {"n": n, "cal": self._sfx_cal(m, "")})

    def _century(self, m: re.Match[str], pre: Pre) -> Atom | None:
        n = self._num(m.group("c"))
        if n is None or not 1 <= n <= 22:
            return None
        return Atom(_start(m, pre), m.end(), "century", {"n": n, "cal": self._sfx_cal(m, "")})

    def _clock(self, m: re.Match[str], pre: Pre) -> Atom | None:
        gd = m.groupdict()
        h = self._num(gd.get("h"))
        mi_text = gd.get("mi") or gd.get("mi2") or gd.get("mi3")
        mi = {"نیم": 30, "ربع": 15}.get(mi_text or "") or self._num(mi_text)
        if gd.get("m_to"):  # «ساعت ۳ دقیقه به ۴ عصر» = 3:57
            before = {"نیم": 30, "ربع": 15}.get(gd["m_to"]) or self._num(gd["m_to"])
            if h is None or before is None or not 0 < before < 60:
                return None
            h, mi = (h - 1) % 24 if h != 1 else 12, 60 - before
        if h is None or h > 24 or (mi is not None and mi > 59):
            return None
        dp_text = gd.get("dp") or gd.get("dp_end")
        dp = canon(dp_text) if dp_text else None
        zone = canon(gd["zone"]) if gd.get("zone") else None
        explicit = m.group(0).lstrip().startswith("ساعت")
        # «۰۸:۴۵», «5:45»; with a space by the colon («13 : 22») only beside a date
        colon = bool(gd.get("mi")) and ":" in m.group(0)
        if colon and (gd.get("sp") or gd.get("sp2")):
            colon = len(gd["h"]) == 2  # «13 : 22» yes; «ماده 3: 25» no
        weak = not (explicit or zone or colon or gd.get("m_to") or (dp and (gd.get("mi") or gd.get("mi2"))))
        return Atom(
            _start(m, pre), m.end(), "clock", {"h": h, "mi": mi or 0, "dp": dp, "zone": zone}, weak=weak
        )

    def _day_part(self, m: re.Match[str], pre: Pre) -> Atom | None:
        return Atom(_start(m, pre), m.end(), "daypart", {"dp": canon(m.group("dp"))}, weak=True)

    def _nth_weekday(self, m: re.Match[str], pre: Pre) -> Atom | None:
        cal, mon = self.lex.months[canon(m.group("mon"))]
        f = {
            "cal": cal,
            "m": mon,
            "y": int(m.group("y")) if m.group("y") else None,
            "wd": self.lex.weekdays[canon(m.group("wd"))],
            "nth": self.lex.nth[canon(m.group("nth"))],
        }
        return Atom(m.start(), m.end(), "nth_weekday", f)

    def _sport_rel(self, m: re.Match[str], pre: Pre) -> Atom | None:
        """«فصل گذشته», «این فصل», «فصل جاری» near words of sport: a season of sport."""
        s = m.string
        mod = m.groupdict().get("mod")
        if mod is None and (pre is None or not pre.groupdict().get("cur")):
            return None
        if not self.sport.search(s, max(0, m.start() - SPORT_NEAR), min(len(s), m.end() + SPORT_NEAR)):
            return None
        if self.clock_before.search(s, max(0, m.start() - 12), m.start()):
            return None  # a count of seasons: «در دو فصل آینده»
        off = self.lex.modifiers.get(canon(mod), 0) if mod else 0
        return Atom(_start(m, pre), m.end(), "sport_season", {"offset": off, "start": self.sport_start})

    def _frequency(self, m: re.Match[str], pre: Pre) -> Atom | None:
        s, start = m.string, m.start()
        if not (self.amount_after.match(s, m.end()) or self.freq_head.search(s, max(0, start - 12), start)):
            return None  # an adjective: «گزارش سالانه»
        unit = self.lex.frequency[canon(m.group("fa"))]
        return Atom(start, m.end(), "set", {"value": f"P1{self.lex.unit_iso[unit]}"})

    def _rate(self, m: re.Match[str], pre: Pre) -> Atom | None:
        s, start = m.string, m.start()
        if not self.amount_before.search(s, max(0, start - 60), start) or self.rate_unit_before.search(
            s, max(0, start - 40), start
        ):
            return None  # no amount, or a unit of measure: «۱۰ میلیون بشکه در روز»
        unit = self.lex.units[canon(m.group("ru"))]
        return Atom(start, m.end(), "set", {"value": f"P1{self.lex.unit_iso[unit]}"})

    def _set(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if m.group("wd"):
            day = self.lex.weekdays[canon(m.group("wd"))] + 1
            return Atom(_start(m, pre), m.end(), "set", {"value": f"XXXX-WXX-{day}"})
        unit = self.lex.units[canon(m.group("u"))]
        letter = self.lex.unit_iso[unit]
        value = {"hour": "PT1H", "minute": "PT1M", "second": "PT1S", "decade": "P10Y", "century": "P100Y"}.get(
            unit, f"P1{letter}"
        )
        return Atom(_start(m, pre), m.end(), "set", {"value": value})

    def _part_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if pre is None:
            return None
        part = canon(pre.group("part"))
        f = {"offset": 0, "unit": "year", "part": part, "solar_year": True, "part_end": part in self.end_parts}
        return Atom(pre.start(), m.end(), "rel", f)

    def _season(self, m: re.Match[str], pre: Pre) -> Atom | None:
        code = self.lex.seasons[canon(m.group("s"))]
        f: dict[str, Any] = {"code": code, "y": None, "mod": None, "cal": "gregorian"}
        if m.group("y"):
            f["y"] = int(m.group("y"))
            f["cal"] = self._sfx_cal(m, "jalali" if f["y"] < 1500 else "gregorian")
        elif m.group("ys2"):  # «تابستان ۹۸»
            f["y"], f["cal"] = full_year(m.group("ys2"), "jalali"), "jalali"
        elif m.group("mod"):
            key = canon(m.group("mod"))
            f["mod"] = {"امسال": 0, "پارسال": -1}.get(key, self.lex.modifiers.get(key))
        elif pre is not None:
            f["mod"] = 0
        else:
            return None
        return Atom(_start(m, pre), m.end(), "season", f)

"""The Persian temporal tagger (stage ``time``).

Finds time expressions in normalized Persian text and resolves them to ISO 8601
values against the publication date::

    >>> import datetime as dt
    >>> t = TimeStage().tag("مذاکرات روز سه‌شنبه ۲۹ مهر برگزار شد.", anchor=dt.date(2025, 10, 21))
    >>> [(x.text, x.value) for x in t]
    [('روز سه\u200cشنبه ۲۹ مهر', '2025-10-21')]

Values (GUIDELINES §2): ``2025-10-21`` (day), ``2025-08`` (Gregorian month),
``2022`` (year), ``2025-W43`` (ISO week), ``2025-10-21T16:30+03:00`` (clock time,
zone only when the text names one), ``P3Y`` / ``PT24H`` (durations), ``2025-SU``
(season), ``199`` (decade), ``19`` (century), ``XXXX-WXX-5`` / ``P1W`` (sets).
A Jalali or Hijri month or year has no Gregorian ISO unit: ``value`` keeps the
granularity the text gives and names the Gregorian month or year holding most of
its days (``اسفند ۱۴۰۳`` → ``2025-03``, ``سال ۱۴۰۳`` → ``2024``), and ``interval``
keeps the exact ISO 8601 interval of days (``2025-02-19/2025-03-20``).  Day ranges
are intervals (``۱۰ تا ۱۵ مهر``).  Weekdays follow the clause's tense (past → on or
before the publication date, future → on or after), year-less dates take the year
closest to it.

Conventions beyond those (GUIDELINES §9): a count and unit standing alone is a
``DURATION`` unless a noun or relation follows it (``۲۵ سال حبس``, ``یک روز پس از``);
a small offset (``نیم ساعت پیش``, ``در ۲۴ ساعت گذشته``, ``دقایقی قبل``) is the
publication day; a duration range takes its upper bound; ``هفته گذشته`` is the ISO
week holding most of the seven days before the publication date; a relative day in
reported speech takes the day of the speech (``وزیر روز شنبه گفت: از امروز ...``);
date words inside names (``ورزشگاه ۱۷ تیر``, ``شهر «دوشنبه»``, ``وطن امروز``) and
``امروز`` meaning "nowadays" (``شرایط امروز``) are not timexes.

Language data (months, weekdays, number words, relative words, zones) is read
from ``rasad/data/time/*.yaml``; the grammar lives in :mod:`rasad.time.grammar` (its handlers in
:mod:`rasad.time.handlers`),
merging and resolution in :mod:`rasad.time.resolve`, calendars in
:mod:`rasad.time.calendars` (jdatetime and hijridate underneath).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from rasad.model import Article, Timex
from rasad.time import calendars as cal
from rasad.time.context import counts, differs, year_calendar
from rasad.time.grammar import Grammar
from rasad.time.lexicon import WB, WE, canon, load_lexicon, shadow
from rasad.time.resolve import SENTENCE_END, Group, Resolver, merge, select
from rasad.time.speech import SpeechDays

__all__ = ["TimeStage"]

MIN_ANCHOR, MAX_ANCHOR = dt.date(1000, 1, 1), dt.date(9000, 12, 31)
APPOSITION = re.compile(r"[ \t\u200c]*[,،\-–(]?[ \t\u200c]*")
CLOSING = re.compile(r"[ \t\u200c]*\)")
LIST_GAP = re.compile(r"[ \t\u200c]*(?:تا|الی|و|،|,)[ \t\u200c]*")
# a clause ends at punctuation (not a colon or point between digits: «۲۰:۱۵», «۲.۵») or «که»
CLAUSE_END = r"[!?؟؛\n«»]|(?<!\d)[.:]|[.:](?!\d)|" + WB + "که" + WE


class TimeStage:
    """Pipeline stage ``time``: fills ``doc.timexes``."""

    name = "time"

    def __init__(self) -> None:
        self.lex = load_lexicon()
        self.grammar = Grammar(self.lex)
        future = re.compile(WB + "(?<!می)(?<!می\u200c)" + self.lex.alt["future"] + WE)
        present = re.compile(WB + self.lex.alt["present"] + WE)
        subjunctive = re.compile(WB + self.lex.alt["subjunctive"] + WE)
        past = re.compile(WB + self.lex.alt["past"] + WE)
        self.resolver = Resolver(self.lex, future, re.compile(CLAUSE_END), present, past, subjunctive)
        self.speech = SpeechDays(self.lex)
        self.nowadays_openers = {"", *self.lex.raw.get("nowadays_clause_openers", [])}
        self.day_words = set(self.lex.raw.get("today_predicates", []))
        cues = "|".join(re.escape(c) for c in self.lex.raw.get("jalali_year_cues", []))
        self.jalali_cue = re.compile(rf"(?:{cues})(?:[ \t\u200c]+(?:اول|نخست|ابتدایی|ابتدای|دوم|پایانی))?[ \t\u200c]*$")
        self.month_prep = re.compile(WB + "(?:" + self.lex.alt["month_prep"] + r")[ \t\u200c]+$")
        self.cal_after = re.compile(r"[ \t\u200c]*(?P<sfx>" + self.lex.alt["cal_suffix"] + ")" + WE)
        self.zone_after = re.compile(
            r"[ \t\u200c]+به[ \t\u200c]+وقت[ \t\u200c]+(?P<zone>" + self.lex.alt["zone"] + ")" + WE
        )

    def tag(self, text: str, anchor: dt.date | None = None) -> list[Timex]:
        """Time expressions of ``text``; relative ones stay unresolved when ``anchor`` is None."""
        if anchor is not None and not MIN_ANCHOR <= anchor <= MAX_ANCHOR:
            anchor = None  # a nonsense publication date: resolve absolute expressions only
        s = shadow(text)
        groups = merge(select(self.grammar.atoms(s)), s)
        self._shared_week(groups, s)
        out: dict[int, Timex] = {}
        clock_only: list[tuple[int, Group]] = []
        for i, g in enumerate(groups):
            if all(a.weak for a in g.atoms):
                continue
            self._late_zone(g, s)
            if (
                len(g.atoms) == 1
                and g.atoms[0].kind not in ("date", "weekday", "clock")
                and not (g.atoms[0].kind == "rel" and g.atoms[0].f["unit"] == "day")
            ):
                a = g.atoms[0]
                tense = None
                if a.kind == "month" and a.f["y"] is None and a.f.get("mod") is None and anchor is not None:
                    if self.month_prep.search(s, max(0, g.start - 8), g.start):
                        tense = self.resolver.tense(s, g.start, g.end, present=False)
                out[i] = self.resolver.single(a, text, anchor, tense)
            elif g.parts.keys() <= {"clock", "daypart"}:
                clock_only.append((i, g))
            else:
                t = self.resolver.group_timex(g, s, text, anchor)
                if t is not None:
                    out[i] = t
        ends = [m.end() for m in SENTENCE_END.finditer(s)] if clock_only else []
        dated = sorted(
            (t.start, t) for t in out.values() if t.granularity in ("day", "time") and t.value and len(t.value) >= 10
        )
        for i, g in clock_only:
            t = self.resolver.group_timex(g, s, text, anchor, self._sentence_day(ends, len(s), g, dated, anchor))
            if t is not None:
                out[i] = t
        self.speech.apply(groups, out, s, anchor)
        self._nowadays(groups, out, s)
        if anchor is not None and differs(anchor):
            self._solar_years(groups, out, s, anchor)
        return self._merge_restatements([out[i] for i in sorted(out)], text)

    @staticmethod
    def _shared_week(groups: list[Group], s: str) -> None:
        """A weekday listed before one with a week takes that week too:
        «از شنبه تا چهارشنبه هفته آینده» → next week's Saturday."""
        for g1, g2 in zip(groups[-2::-1], groups[:0:-1], strict=True):
            w1, w2 = g1.parts.get("weekday"), g2.parts.get("weekday")
            if (
                w1 is not None
                and w2 is not None
                and w2.f.get("week") is not None
                and w1.f.get("week") is None
                and w1.f.get("mod") is None
                and LIST_GAP.fullmatch(s, g1.end, g2.start)
            ):
                w1.f["week"] = w2.f["week"]

    def _nowadays(self, groups: list[Group], out: dict[int, Timex], s: str) -> None:
        """A bare «امروز» opening a clause that has neither a past nor a future verb is
        "nowadays", not the publication day: «امروز جهان به دنبال ... است»."""
        openers = self.nowadays_openers
        for i in [i for i, t in out.items() if t.text == "امروز" and len(groups[i].atoms) == 1]:
            t = out[i]
            lb, rb = self.resolver._clause(s, t.start, t.end)
            rest = s[t.end : rb].split()
            if s[lb : t.start].strip() not in openers or len(rest) < 3 or self.day_words.intersection(rest):
                continue  # «امروز مصادف با سالروز ...», «امروز آخرین روز ثبت‌نام است»: the day itself
            if any(o is not t and t.end <= o.start < rb for o in out.values()):
                continue  # «امروز ... در ساعت ۱۲:۲۰ ...»: a clock time or date in the clause pins the day
            if self.resolver.tense(s, t.start, t.end) is None:
                del out[i]

    def _solar_years(self, groups: list[Group], out: dict[int, Timex], s: str, anchor: dt.date) -> None:
        """A relative year (``امسال``, ``سال گذشته``, ``تابستان امسال``) in a sentence or article
        that counts in Iranian years, between 1 January and 20 March: the Iranian year's value
        (:mod:`rasad.time.context`)."""
        found = list(out.values())
        doc = counts(found)
        jy = cal.year_of("jalali", anchor) or 0
        for i, t in out.items():
            g = groups[i]
            a = g.atoms[0]
            if len(g.atoms) != 1 or t.value is None:
                continue
            if a.kind == "rel" and a.f["unit"] == "year" and not a.f.get("solar_year"):
                offset = a.f["offset"]
            elif a.kind == "season" and a.f["y"] is None and a.f["mod"] == 0 and a.f["code"] != "WI":
                offset = 0
            else:
                continue
            cue = self.jalali_cue.search(s, max(0, t.start - 25), t.start) or self.jalali_cue.search(a.f.get("part") or "")
            if cue or year_calendar(s, t, found, doc, self.cal_after, self.lex.cal_suffixes) == "jalali":
                t.value = f"{jy + offset + 621:04d}" + t.value[4:]
                t.calendar = "jalali"

    def _late_zone(self, g: Group, s: str) -> None:
        """A zone after the day words of a clock time: «ساعت ۱۱ صبح امروز به وقت تهران»."""
        clock = g.parts.get("clock")
        if clock is None or clock.f.get("zone"):
            return
        m = self.zone_after.match(s, g.end)
        if m and canon(m.group("zone")) in self.lex.zones:
            clock.f["zone"] = canon(m.group("zone"))
            g.end = m.end()

    @staticmethod
    def _merge_restatements(found: list[Timex], text: str) -> list[Timex]:
        """Join a date and its appositive restatement in another calendar
        (``۱۴ شهریور، ۵ سپتامبر``): neighbours with the same day value."""
        out: list[Timex] = []
        for t in found:
            prev = out[-1] if out else None
            if prev is not None and t.start < prev.end:
                continue  # inside the bracket a merged restatement took in: «شنبه (شنبه اسفند)»
            if (
                prev is not None
                and t.type == "DATE"
                and t.value is not None
                and t.granularity == "day"
                and (
                    (prev.type == "DATE" and t.value == prev.value)
                    # a clock time and its bracketed day: «ساعت ۱۸ امروز (جمعه)»
                    or (prev.type == "TIME" and (prev.value or "")[:10] == t.value and "(" in text[prev.end : t.start])
                )
                and APPOSITION.fullmatch(text, prev.end, t.start)
            ):
                end = t.end
                if "(" in text[prev.end : t.start] and (close := CLOSING.match(text, t.end)):
                    end = close.end()
                out[-1] = Timex(
                    text[prev.start : end],
                    prev.start,
                    end,
                    prev.type,
                    prev.value,
                    prev.granularity,
                    prev.anchor,
                    prev.calendar,
                )
                continue
            out.append(t)
        return out

    @staticmethod
    def _sentence_day(
        ends: list[int], size: int, g: Group, dated: list[tuple[int, Timex]], anchor: dt.date | None
    ) -> tuple[dt.date, str | None] | None:
        """The day a bare clock time refers to: the nearest dated expression of its sentence
        (``ends``: sentence ends; ``dated``: day-valued timexes by start), else ``anchor``."""
        k = bisect.bisect_right(ends, g.start)
        lo = ends[k - 1] if k else 0
        k2 = bisect.bisect_right(ends, g.end)
        hi = ends[k2] - 1 if k2 < len(ends) else size
        i = bisect.bisect_left(dated, lo, key=lambda x: x[0])
        j = bisect.bisect_left(dated, hi, key=lambda x: x[0])
        best: tuple[int, dt.date, str | None] | None = None
        # the nearest ones on either side of the clock time are enough
        mid = bisect.bisect_left(dated, g.start, lo=i, hi=j, key=lambda x: x[0])
        for _, t in dated[max(i, mid - 2) : min(j, mid + 2)]:
            try:
                day = dt.date.fromisoformat((t.value or "")[:10])
            except ValueError:
                continue
            dist = abs(t.start - g.start)
            if best is None or dist < best[0]:
                best = (dist, day, t.anchor)
        if best is not None:
            return best[1], best[2]
        return (anchor, "published") if anchor is not None else None

    def __call__(self, doc: Article) -> Article:
        anchor: dt.date | None = None
        if doc.published:
            try:
                anchor = dt.date.fromisoformat(doc.published[:10])
            except ValueError:
                doc.warnings.append(f"time: unreadable publication date {doc.published!r}")
        found = self.tag(doc.text, anchor=anchor)
        if anchor is not None:
            # with an anchor, an expression still without a value is vague («چندین سال پیش»): not a timex
            found = [t for t in found if t.value is not None]
        doc.timexes = found
        return doc

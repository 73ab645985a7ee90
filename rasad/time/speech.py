"""Relative days inside reported speech take the day of the speech (GUIDELINES §9).

Two ways the article gives that day:

- the speech follows its day: «وزیر روز شنبه گفت: از امروز ...» → that Saturday;
- the speech continues a statement dated a few sentences before, within the last week:
  «بانک روز یکشنبه اعلام کرد که ... . در این بیانیه آمده است که نشستی که امروز ...»
  → that Sunday; «منابع گفتند: امروز سه‌شنبه ... . منابع افزودند: روز گذشته ...» → Monday.

A relative day is inside reported speech when a reporting verb (``speech_cues`` of the
lexicon, also in the plural) comes before it in its sentence.  A relative day the
narrator says in their own voice («روز گذشته وزیر گفت») keeps the publication date::

    >>> import datetime as dt
    >>> from rasad.time import TimeStage
    >>> text = "وزیر روز یکشنبه اعلام کرد که نشست لغو شد. در این بیانیه آمده است که نشستی که امروز برگزار شد بی‌نتیجه بود."
    >>> [(t.text, t.value) for t in TimeStage().tag(text, anchor=dt.date(2023, 8, 21))]
    [('روز یکشنبه', '2023-08-20'), ('امروز', '2023-08-20')]
"""

from __future__ import annotations

import datetime as dt
import re

from rasad.model import Timex
from rasad.time.calendars import add_days
from rasad.time.lexicon import WB, WE, Lexicon
from rasad.time.resolve import SENTENCE_END, Group

SPEECH_SPAN, SPEECH_LEAD = 400, 30  # how far a speech runs; how close its verb follows its day
CARRY_SPAN = 700  # how far a dated statement carries to the speech reported after it
CARRY_DAYS = 7  # a statement dated at most this many days before the publication date
SENTENCE_BACK = 300  # how far back a sentence start is looked for


class SpeechDays:
    """Moves relative days of reported speech to the day of the speech."""

    def __init__(self, lex: Lexicon) -> None:
        cue = WB + "(?:" + lex.alt["speech"] + ")(?:ند)?" + WE
        self.opens = re.compile(cue + r"[ \t\u200c]*(?:که[ \t\u200c]*)?[:«]")  # «گفت:», «گفت که «»
        self.cue = re.compile(cue)  # «اعلام کرد که», «آمده است»
        self.lead = re.compile(r"[^.!?؟\n]{0," + str(SPEECH_LEAD) + "}?" + cue)

    def in_speech(self, s: str, pos: int) -> bool:
        """Whether a reporting verb comes before ``pos`` in its sentence."""
        lo = max(0, pos - SENTENCE_BACK)
        for m in SENTENCE_END.finditer(s, lo, pos):
            lo = m.end()
        return self.cue.search(s, lo, pos) is not None

    def apply(self, groups: list[Group], out: dict[int, Timex], s: str, anchor: dt.date | None) -> None:
        last: Timex | None = None
        last_day: dt.date | None = None
        spoken = False  # ``last`` is the day of a statement
        for i, g in enumerate(groups):
            t = out.get(i)
            if t is None:
                continue
            if g.parts.keys() <= {"rel_day", "daypart", "clock"} and "rel_day" in g.parts and last_day is not None:
                assert last is not None
                gap = s[last.end : t.start]
                cue = self.opens.search(gap) if len(gap) <= SPEECH_SPAN else None
                direct = cue is not None and cue.start() <= SPEECH_LEAD and not SENTENCE_END.search(gap, 0, cue.start())
                carried = (
                    spoken
                    and anchor is not None
                    and 0 < (anchor - last_day).days <= CARRY_DAYS
                    and len(gap) <= CARRY_SPAN
                    and self.in_speech(s, t.start)
                )
                if direct or carried:
                    moved = add_days(last_day, g.parts["rel_day"].f["offset"])
                    if moved is not None and t.value:
                        t.value = moved.isoformat() + t.value[10:]
                        t.anchor = "speech"
            named = "weekday" in g.parts or "date" in g.parts  # «روز شنبه», «۱۸ تیر»; not «دیروز»
            if named and t.value and len(t.value) >= 10 and t.granularity in ("day", "time") and t.value[4] == "-":
                last, last_day = t, dt.date.fromisoformat(t.value[:10])
                # the day of a statement: its verb follows («روز یکشنبه اعلام کرد»), or the speaker
                # names it as their today («منابع گفتند: امروز سه‌شنبه ...»)
                today = "rel_day" in g.parts and g.parts["rel_day"].f["offset"] == 0
                spoken = self.lead.match(s, t.end) is not None or (today and self.in_speech(s, t.start))

"""Event mentions as the grammar finds them, before the article-level merge.

>>> Found("CONSULT", [("Donald Trump", "Q22686")], "occurred", "دیدار", 0, 5, 0).type
'CONSULT'
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rasad.cache import LazyPattern, Regex
from rasad.events.actors import Candidate
from rasad.model import Timex

if TYPE_CHECKING:
    from rasad.events.walks import NextMatch

_BREAK = LazyPattern("[،؛]")
_DAY = LazyPattern(r"\d{4}-\d{2}-\d{2}$")
_COORD = LazyPattern(r"[^\s،؛.]+ و ")
_WE = LazyPattern(r"یم$")
_LIST_ITEM = LazyPattern(r"\s(?:و|و نیز|و همچنین)\s*$")
_AGAINST = LazyPattern(r"(?<![\w\u200c])(?:علیه|بر ضد|برضد|ضد)[ \u200c]+$")  # a first person plural verb: توافق کردیم, به توافق رسیده‌ایم

Actor = tuple[str, str | None]


@dataclass
class Found:
    """One event mention, before the article-level merge."""

    type: str
    actors: list[Actor]
    status: str
    trigger: str
    start: int  # evidence span
    end: int
    sentence: int
    mode: str | None = None
    date: str | None = None
    location: Actor | None = None
    continues: bool = False
    anaphoric: bool = False
    speech: bool = False
    sentences: set[int] = field(default_factory=set)
    weak: bool = False  # the status is a default (no cue), or the mention is not the clause's subject
    ante: Found | None = None  # the earlier mention an anaphoric one points back to


@dataclass(frozen=True)
class Hit:
    """One trigger match: ``text[start:end]`` matched trigger number ``index``."""

    s: int
    e: int
    index: int
    text: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self) -> str:
        return self.text


def find_antecedent(
    found: list[Found], si: int, types: tuple[str, ...], need: int, reach: int = 4
) -> Found | None:
    """The latest earlier event of one of ``types`` with at least ``need`` actors, within ``reach`` sentences."""
    for f in reversed(found):
        if si - f.sentence > reach:
            return None
        if f.type in types and len(f.actors) >= need:
            return f
    return None


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` to whole words without surrounding spaces or punctuation."""
    if a > 0 and not text[a - 1].isspace():
        sp = text.find(" ", a, b)
        if sp != -1:
            a = sp + 1
    if b < len(text) and not text[b].isspace() and text[b] not in ".،؛!؟?»":
        sp = text.rfind(" ", a, b)
        if sp != -1:
            b = sp
    while a < b and (text[a].isspace() or text[a] in '،؛:«»"“”'):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in '،؛:«»"“”'):
        b -= 1
    return a, b


def pick_date(
    timexes: list[Timex],
    a: int,
    b: int,
    ts: int,
    others: tuple[int, ...] = (),
    text: str = "",
    since: Regex | None = None,
) -> str | None:
    """The value of the DATE (else TIME) expression in ``[a, b)`` nearest to ``ts``,
    skipping those nearer to another trigger (at offsets ``others``) and, with
    ``since``, those that only mark a starting point (``از زمان ... سال گذشته``)."""
    best: tuple[int, int, str] | None = None
    for t in timexes:
        if t.start < a or t.end > b or not t.value or t.type not in ("DATE", "TIME"):
            continue
        v = t.value.split("T")[0] if "T" in t.value else t.value
        if not v[:1].isdigit() or "/" in v:  # not a point or a calendar unit (an interval)
            continue
        sm = since.search(text, max(0, t.start - 45), t.start) if since is not None else None
        if sm and not (sm.group().strip() == "از" and _DAY.match(v)):
            continue  # (از روز پنجشنبه وارد مذاکره شد: a day a process starts is its date)  # از زمان آتش‌بس در سال گذشته: a starting point, not the event's date
        dist = ts - t.end if t.end <= ts else t.start - ts
        if any(
            abs(o - (t.start if t.start >= o else t.end)) < abs(dist) and not _cut_off(text, o, t, ts)
            for o in others
        ):
            continue
        key = (0 if t.type == "DATE" else 1, abs(dist), v)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def _cut_off(text: str, o: int, t: Timex, ts: int) -> bool:
    """Is trigger ``o`` cut off from time expression ``t`` by a clause break (، ؛)
    that does not also separate ``t`` from the trigger at ``ts``? In
    ``X که به تهران سفر کرده، امروز پس از دیدار با Y ...`` the date is the meeting's."""
    if not text:
        return False
    if o < t.start:
        between, own = text[o : t.start], text[t.end : ts] if ts >= t.end else ""
    else:
        between, own = text[t.end : o], text[ts : t.start] if ts <= t.start else ""
    return bool(_BREAK.search(between)) and not _BREAK.search(own)


def rivals(text: str, trig_starts: tuple[int, ...], ts: int, a: int, b: int) -> tuple[int, ...]:
    """Other triggers in ``[a, b)`` that compete with the one at ``ts`` for a date; a
    noun coordinated with it (``دیدار و گفت‌وگو با X``) is the same act, not a rival."""
    lo, hi = bisect.bisect_left(trig_starts, a), bisect.bisect_left(trig_starts, b)  # sorted offsets
    return tuple(
        o
        for o in trig_starts[lo:hi]
        if o != ts and not _COORD.fullmatch(text, min(o, ts), max(o, ts))
    )


def we_partner(trigger_text: str, speaker: Actor, found: list[Found]) -> list[Actor]:
    """``ما امروز توافق کردیم`` said by one side of a two-party meeting reported before:
    *we* are the speaker and the one met (from the last realis CONSULT of the speaker)."""
    if not _WE.search(trigger_text):
        return []
    for f in reversed(found):
        if (
            f.type == "CONSULT"
            and f.status in ("occurred", "ongoing")
            and speaker[0] in {a[0] for a in f.actors}
        ):
            rest = [a for a in f.actors if a[0] != speaker[0]]
            return rest if len(rest) == 1 else []
    return []


def participants(
    text: str, cands: list[Candidate], a: int, b: int, ts: int, te: int, max_gap: int = 3, nominal: bool = False
) -> list[Candidate]:
    """Actors of a joint event in ``[a, b)``: before the trigger any, after it only
    a genitive chain (مذاکرات نمایندگان روسیه و آمریکا) or a با/میان phrase.

    A meeting noun that opens an item of a list (``... برخورد ... در سوریه و دیدار X
    با Y``, a headline's round-up) takes nobody from the items before it."""
    out: list[Candidate] = []
    last = te
    if nominal and _LIST_ITEM.search(text, max(a, ts - 4), ts):
        a = max(a, ts)
    for c in cands:
        if c.start >= a and _AGAINST.search(text, max(a, c.start - 12), c.start):
            continue  # همکاری علیه ایران: the one the talks are against takes no part
        if c.start < a or c.end > b or not c.actor or c.modifier or c.loc_marked:
            if c.start >= te and c.modifier:
                last = c.end
            continue
        if c.start < te:
            out.append(c)
            continue
        gap = text[last : c.start]
        words = gap.replace("،", " ، ").replace(",", " ، ").split()
        if "،" in words and [w for w in words if w != "،"] not in ([], ["و"]):
            break  # a comma and more words: another clause
        words = [w for w in words if w != "،"]
        if c.with_marked or c.between_marked:
            out.append(c)
            last = c.end
        elif len(words) <= max_gap or words == ["و"]:
            out.append(c)
            last = c.end
        else:
            break
    return out


def triggers_in(matches: list[Hit], starts: list[int], a: int, b: int) -> list[Hit]:
    """The trigger hits starting in ``[a, b)`` (``starts``: their sorted offsets)."""
    i = bisect.bisect_left(starts, a)
    out = []
    while i < len(matches) and matches[i].start() < b:
        out.append(matches[i])
        i += 1
    return out


def comma_clause(text: str, a: int, b: int, ts: int, te: int) -> tuple[int, int]:
    """The comma-delimited stretch of ``[a, b)`` around the trigger ``[ts, te)``."""
    left = text.rfind("،", a, ts)
    right = text.find("،", te, b)
    return (left + 1 if left >= 0 else a), (right if right >= 0 else b)


_NEAR = 400  # characters before a trigger searched first for its clause's start
_FAR = 8000  # and at most this far


def _breaks(break_rx: Regex, text: str, start: int, span: tuple[int, int], ts: int, te: int,
            walk: NextMatch | None = None) -> tuple[int, int, bool]:
    cs, ce, seen = span[0], span[1], False
    found = walk.iter_from(start, span[1]) if walk is not None else break_rx.finditer(text, start, span[1])
    for m in found:
        if m.end() <= ts:
            cs, seen = m.end(), True
        elif m.start() >= te:
            ce = m.start()
            break
    return cs, ce, seen


def clause_of(
    break_rx: Regex, text: str, span: tuple[int, int], ts: int, te: int, walk: NextMatch | None = None
) -> tuple[int, int]:
    """The clause of ``text[span]`` around the trigger ``[ts, te)``: cut at clause breaks
    (``، اما``, ``؛``, ``در حالی ... که``). ``walk`` (the same pattern over ``text``) remembers
    the breaks found for earlier triggers: a sentence of thousands of triggers and no break after
    them is then walked once, not once per trigger."""
    # the last break before the trigger is looked for near it first, so that a sentence of
    # thousands of clauses is not scanned from its start for each of its triggers
    near = max(span[0], ts - _NEAR)
    cs, ce, seen = _breaks(break_rx, text, near, span, ts, te, walk)
    if not seen and near > span[0]:  # a clause runs at most _FAR characters back
        far = max(span[0], ts - _FAR)
        cs, ce, _ = _breaks(break_rx, text, far, (far, span[1]), ts, te, walk)
    return cs, ce


def continues_prev(pron_rx: Regex, text: str, s0: int, ts: int) -> bool:
    """Does the sentence at ``s0`` go on about the previous one's subject (``او در نشستی ...``)?"""
    m = pron_rx.search(text, s0, min(ts, s0 + 12))
    return m is not None and not text[s0 : m.start()].strip()

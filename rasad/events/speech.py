"""Article-level rules for speech acts (REQUEST, REJECT, THREATEN, SUPPORT, ACCUSE).

* **The date of the statement.** A speaker's statements in one article are made on
  one occasion: when the article dates one of them (``دهقانی روز گذشته ... گفت``),
  the others by the same source take that date (``دهقانی همچنین ... درخواست کرد``).
  A source whose statements the article never dates keeps ``null`` (never the
  publication date by default).
* **One event per occurrence.** The headline and the lead that tell the same
  statement (``X خواستار Y شد`` twice) are one event.

Both passes are linear in the number of mentions (dictionaries keyed by source).

>>> from rasad.events.mentions import Found
>>> a = Found("REQUEST", [("Ali Khamenei", None)], "occurred", "خواستار شد", 0, 5, 2, date="2007-10-13", speech=True)
>>> b = Found("REQUEST", [("Ali Khamenei", None)], "occurred", "خواستند", 9, 14, 5, speech=True)
>>> date_by_source([a, b]); b.date
'2007-10-13'
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from rasad.cache import LazyPattern, Regex
from rasad.events.mentions import Found
from rasad.model import Article

SPEECH = ("REQUEST", "REJECT", "THREATEN", "SUPPORT", "ACCUSE")
LEAD = 2  # headline and lead: sentences 0 and 1
_WORD = LazyPattern(r"[\w\u200c]+")


def _is_speech(f: Found) -> bool:
    return f.type in SPEECH


def explicit_quote_dates(doc: Article) -> dict[str, str]:
    """Speaker → the date of their statement, when a time expression of the
    quote's sentence (outside the quoted words) gives it."""
    out: dict[str, str] = {}
    if not doc.quotes or not doc.timexes:
        return out
    by_sent: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for t in doc.timexes:
        if t.type != "DATE" or not t.value:
            continue
        si = doc.sentence_at(t.start)
        if si is not None:
            by_sent[si].append((t.start, t.end, t.value))
    for q in doc.quotes:
        if not q.date or q.speaker.startswith("anonymous") or q.speaker in out:
            continue
        si = doc.sentence_at(q.cue_start if q.cue_start is not None else q.start)
        if si is None:
            continue
        for a, b, v in by_sent.get(si, ()):
            if v == q.date and not (q.start <= a and b <= q.end):
                out[q.speaker] = v
                break
    return out


def date_by_source(
    found: list[Found], quote_dates: dict[str, str] | None = None, people: frozenset[str] | None = None
) -> None:
    """Give an undated speech act the date of its source's nearest dated statement
    (the one before it, else the one after; else the date of the source's dated quote).
    With ``people``, only a person's statements share one occasion: a state or an
    organization speaks on many days."""
    dated: dict[str, list[tuple[int, str]]] = defaultdict(list)  # source -> (sentence, date), in text order
    for f in found:
        if _is_speech(f) and f.date and f.actors:
            dated[f.actors[0][0]].append((f.sentence, f.date))
    for lst in dated.values():
        lst.sort()
    for f in found:
        if not _is_speech(f) or f.date or not f.actors or f.status not in ("occurred", "ongoing"):
            continue
        name = f.actors[0][0]
        if people is not None and name not in people:
            continue
        got = dated.get(name)
        if got:
            k = bisect.bisect_right(got, (f.sentence, "\uffff"))
            f.date = got[k - 1][1] if k else got[0][1]
        elif quote_dates and name in quote_dates:
            f.date = quote_dates[name]


def _key(f: Found) -> tuple[str, frozenset[str], str | None]:
    return (f.type, frozenset(a[0] for a in f.actors), f.date)


def _words(text: str, f: Found) -> set[str]:
    return {w for w in _WORD.findall(text[f.start : f.end]) if len(w) > 2}


def _same_words(text: str, a: Found, b: Found) -> bool:
    wa, wb = _words(text, a), _words(text, b)
    return bool(wa and wb) and len(wa & wb) >= 0.5 * min(len(wa), len(wb))


_LETTERS = str.maketrans({"ئ": "ی", "ي": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا"})
_LIGHT = frozenset(("شد", "شدند", "است", "هستند", "بود", "کرد", "کردند", "خواستار", "خواهان", "the"))


def _content(trigger: str) -> set[str]:
    """The content words of a long trigger (``خواستار تحریم کنفرانس پائیزی شدند``), spelling unified."""
    words = _WORD.findall(trigger.translate(_LETTERS).replace("\u200c", ""))
    return {w for w in words if len(w) > 2 and w not in _LIGHT}


def _same_act(a: Found, b: Found) -> bool:
    """Two mentions whose triggers carry the same content (``خواستار تحریم کنفرانس
    پاییزی شد`` and ``... پائیزی در خاورمیانه شدند``): one statement told twice."""
    ca, cb = _content(a.trigger), _content(b.trigger)
    return len(ca) >= 2 and len(cb) >= 2 and len(ca & cb) >= 0.75 * min(len(ca), len(cb))


def fold_repeats(found: list[Found], text: str) -> list[Found]:
    """The headline/lead and the body telling one statement (in much the same
    words) are one event; two demands of one speaker stay two. A mention without a
    date joins a dated one of the same statement (the date is kept)."""
    out: list[Found] = []
    seen: dict[tuple[str, frozenset[str], str | None], Found] = {}
    by_actors: dict[tuple[str, frozenset[str]], list[Found]] = defaultdict(list)
    for f in found:
        if not _is_speech(f):
            out.append(f)
            continue
        k = _key(f)
        home = seen.get(k)
        if home is not None and (
            ((min(home.sentences) < LEAD or home.trigger == f.trigger) and _same_words(text, home, f))
            or _same_act(home, f)
        ):
            home.sentences |= f.sentences
            continue
        twin = next(
            (
                h
                for h in by_actors[k[:2]]
                if (h.date is None or f.date is None) and h.status == f.status and _same_act(h, f)
            ),
            None,
        )
        if twin is not None:
            twin.date = twin.date or f.date
            twin.sentences |= f.sentences
            continue
        seen[k] = f
        by_actors[k[:2]].append(f)
        out.append(f)
    return out


def drop_nested_actors(found: list[Found]) -> None:
    """An actor whose name begins another actor's name is that one, seen from
    inside (``United Nations`` beside ``United Nations General Assembly``; not
    ``Sudan`` beside ``South Sudan``); the source of a one-sided event stays."""
    for f in found:
        if len(f.actors) < 2:
            continue
        names = [a[0] for a in f.actors]
        keep = [
            a
            for i, a in enumerate(f.actors)
            if (i == 0 and f.type in SPEECH + ("ASSAULT",))
            or not any(j != i and n.startswith(a[0] + " ") for j, n in enumerate(names))
        ]
        if keep:
            f.actors = keep


def _held_dates(doc: Article, held_rx: Regex) -> list[tuple[int, str]]:
    """(sentence, date) of the sentences that tell a meeting held on a given day
    (``جلسه ... شب گذشته برگزار شد``), in text order; never a date after publication."""
    pub = (doc.published or "")[:10]
    out: list[tuple[int, str]] = []
    seen: set[int] = set()
    for t in doc.timexes:
        if t.type != "DATE" or not t.value or (pub and t.value[:10] > pub):
            continue
        si = doc.sentence_at(t.start)
        if si is None or si in seen or not held_rx.search(doc.sentence_text(si)):
            continue
        seen.add(si)
        out.append((si, t.value))
    out.sort()
    return out


def date_from_setting(
    found: list[Found], doc: Article, setting_rx: Regex, held_rx: Regex | None = None
) -> None:
    """``در این دیدار، X ... قدردانی کرد``: an undated speech act in a sentence that
    points back to a meeting takes the date of the latest dated meeting before it
    (a meeting event, else a sentence telling a meeting held on a given day)."""
    meetings = sorted((min(f.sentences), f.date) for f in found if f.type == "CONSULT" and f.date)
    starts = [m[0] for m in meetings]
    held: list[tuple[int, str]] | None = None
    for f in found:
        if f.date or f.sentence >= len(doc.sentences):
            continue
        sm = setting_rx.search(doc.sentence_text(f.sentence))
        if sm is None:
            continue
        # the meeting itself told as "this meeting" (در این جلسه X ... گفت) is dated the same way
        own = f.type == "CONSULT" and f.status in ("occurred", "ongoing") and f.trigger in sm.group()
        if not (_is_speech(f) or own):
            continue
        k = bisect.bisect_right(starts, f.sentence)
        if k:
            f.date = meetings[k - 1][1]
            continue
        if held_rx is None:
            continue
        if held is None:
            held = _held_dates(doc, held_rx)
        k = bisect.bisect_left(held, (f.sentence, ""))
        if k:
            f.date = held[k - 1][1]

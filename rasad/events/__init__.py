"""Events with factuality (stage ``events``).

Finds POLECAT-typed events (CONSULT, AGREE, REJECT, REQUEST, THREATEN, SUPPORT,
ASSAULT, ACCUSE) with their actors, place, date and status, e.g. in
``مقام کاخ سفید گفت که برنامه‌ای برای دیدار ترامپ و پوتین وجود ندارد`` a
CONSULT between Donald Trump and Vladimir Putin whose status is ``denied``.

Mentions of one occurrence in several sentences become one event (same type,
same actors, compatible dates); the grammar is in :mod:`rasad.events.grammar`,
its data in ``rasad/data/events/``, and :mod:`rasad.events.merge` groups the
events of many articles.
"""

from __future__ import annotations

from collections.abc import Callable

from rasad.events.actor_model import load_model as load_actor_model
from rasad.events.factuality import stronger
from rasad.events.grammar import Found, Grammar
from rasad.events.merge import dates_compatible, more_specific
from rasad.events.parties import (
    affiliations,
    drop_interviews,
    drop_victims,
    finer_places,
    persons_beat_their_side,
    unify_sides,
    visits_in_progress,
)
from rasad.events.quotemodel import load_model
from rasad.events.reading import JOINT
from rasad.events.resources import cameo_code, talk_nouns
from rasad.events.speech import (
    date_by_source,
    date_from_setting,
    drop_nested_actors,
    explicit_quote_dates,
    fold_repeats,
)
from rasad.model import Article, Event

__all__ = ["EventStage"]

REALIS = ("occurred", "ongoing")


def _same_actors(a: Found, b: Found) -> bool:
    if a.type in JOINT:
        return {x[0] for x in a.actors} == {x[0] for x in b.actors}
    return a.actors[0][0] == b.actors[0][0] and {x[0] for x in a.actors} == {x[0] for x in b.actors}


def _can_merge(a: Found, b: Found) -> bool:
    """Are two mentions in one article the same occurrence?"""
    if a.type != b.type or not _same_actors(a, b):
        return False
    if (
        (a.mode == "phone") != (b.mode == "phone")
        and not _talk_by_phone(a, b)
        # در تماس تلفنی با X گفت‌وگو کرد: the call and the talk of one clause (one evidence span)
        and not ((a.start, a.end) == (b.start, b.end) and a.status == b.status and a.date == b.date)
    ):
        return False
    if (
        a.type not in JOINT
        and a.type != "ASSAULT"
        and not (a.sentences & b.sentences)
        and a.trigger != b.trigger
    ):
        return False  # statements are occurrences each time they are made (unless repeated verbatim)
    if a.continues or b.continues:
        return bool(a.date and b.date and dates_compatible(a.date, b.date))
    if a.date and b.date:
        return dates_compatible(a.date, b.date)
    if a.sentences & b.sentences:
        return True
    # "no plans to meet" is not last week's meeting
    return (a.status in REALIS) == (b.status in REALIS)


def _talk_by_phone(a: Found, b: Found) -> bool:
    """An undated talk (گفت‌وگوی مفصل با X) and a dated phone call between the same
    parties (روز دوشنبه تلفنی صحبت کردند) are one conversation."""
    talk, call = (a, b) if b.mode == "phone" else (b, a)
    return (
        call.mode == "phone"
        and talk.mode in (None, "meet")
        and talk.date is None
        and talk.status in REALIS
        and call.status in REALIS
        and bool(talk_nouns().match(talk.trigger))
    )


def _bucket(f: Found) -> tuple[str, frozenset[str]]:
    return (f.type, frozenset(x[0] for x in f.actors))


def _by_sentence(events: list[Found]) -> Callable[[Found], list[Found]]:
    """``near(e)``: the events sharing a sentence with ``e``, in list order (an index
    by sentence, so the pass stays linear in the number of events)."""
    index: dict[int, list[int]] = {}
    for i, e in enumerate(events):
        for si in e.sentences:
            index.setdefault(si, []).append(i)

    def near(e: Found) -> list[Found]:
        idx = sorted({i for si in e.sentences for i in index.get(si, ())})
        return [events[i] for i in idx]

    return near


def merge_in_article(found: list[Found]) -> list[Found]:
    """Fold mentions of one occurrence together (status: the strongest; date: the most specific)."""
    out: list[Found] = []
    buckets: dict[tuple[str, frozenset[str]], list[Found]] = {}  # only same type and actors can merge
    group: dict[int, Found] = {}  # id of a mention -> the merged event holding it
    for f in found:
        target = None
        home = group.get(id(f.ante)) if f.ante is not None and not f.continues else None
        if (
            home is not None
            and home.type == f.type
            # این گفت‌وگوها روز جمعه ادامه خواهد داشت: a session still to come on another day
            and not (
                f.date
                and home.date
                and not dates_compatible(f.date, home.date)
                and (f.status in REALIS) != (home.status in REALIS)
            )
            and (
                (home.mode == "phone") == (f.mode == "phone")
                # تماس گرفت و مذاکراتی را آغاز کرد: an undated realis anaphor in the call's own sentence
                or (
                    f.sentence in home.sentences
                    and f.date is None
                    and f.status == home.status
                    and f.status in REALIS
                )
            )
        ):
            target = home  # an anaphor joins the event it points back to
        else:  # no antecedent, or one of another type (توافق after a meeting): an earlier mention of its own
            for e in reversed(buckets.get(_bucket(f), ())):
                if _can_merge(e, f):
                    target = e
                    break
        group[id(f)] = target if target is not None else f
        if target is None:
            out.append(f)
            buckets.setdefault(_bucket(f), []).append(f)
            continue
        if target.weak and not f.weak:
            target.status, target.weak = f.status, False
        elif not f.weak:
            target.status = stronger(target.status, f.status)
        target.date = more_specific(target.date, f.date)
        if target.location is None:
            target.location = f.location
        if target.mode in (None, "meet") and f.mode not in (None, "meet"):
            target.mode = f.mode
        target.sentences |= f.sentences
    out = _fold_visits(out)
    # a coordinated event takes the date and place of its sentence's event
    # (ملاقات کردند و در آنجا توافق کردند)
    near = _by_sentence(out)
    for e in out:
        if e.status in ("planned", "proposed") or (e.date and e.location):
            continue
        names = {x[0] for x in e.actors}
        for o in near(e):
            if (
                o is e
                or o.type == e.type
                or not (o.sentences & e.sentences)
                or {x[0] for x in o.actors} != names
            ):
                continue
            if e.date is None and o.date and o.status not in ("planned", "proposed"):
                e.date = o.date
            if e.location is None and o.location:
                e.location = o.location
    return out


def _fold_visits(found: list[Found]) -> list[Found]:
    """``X به مسکو سفر کرد و با لاوروف دیدار کرد``: the trip is the setting of the
    meeting in its sentence, not an event of its own (the meeting becomes a visit)."""
    drop: set[int] = set()
    near = _by_sentence(found)
    for e in found:
        if e.type != "CONSULT" or e.mode != "visit" or not e.trigger.startswith("سفر"):
            continue
        for o in near(e):
            if (
                o is e
                or id(o) in drop
                or o.type != "CONSULT"
                or o.mode == "phone"
                or not (o.sentences & e.sentences)
                or e.actors[0][0] not in {x[0] for x in o.actors}
            ):
                continue
            o.mode = "visit" if o.mode in (None, "meet") else o.mode
            o.location = o.location or e.location
            o.date = o.date or e.date
            drop.add(id(e))
            break
    return [f for f in found if id(f) not in drop]


class EventStage:
    """Pipeline stage ``events``: fills ``doc.events``."""

    name = "events"

    def __init__(self) -> None:
        self.grammar = Grammar()
        self.quote_model = load_model()
        self.actor_model = load_actor_model()

    def find(self, doc: Article) -> list[Found]:
        """The merged event mentions of ``doc`` (internal form)."""
        found = merge_in_article(self.grammar.extract(doc))
        if self.quote_model is not None:
            found += self.quote_model.acts(doc, found)
        drop_nested_actors(found)
        resolver = self.grammar.resolver
        aff = affiliations(doc, resolver, resolver.nationalities(doc))
        persons_beat_their_side(found, aff)
        found = unify_sides(found, aff, resolver.countries)
        found = drop_interviews(found, doc, resolver)
        finer_places(found, doc, resolver)
        visits_in_progress(found, doc.text, self.grammar.scope.visit_perfect_rx, doc.published or "")
        drop_victims(found, frozenset(e.name for e in doc.entities if e.type == "PER"))
        date_from_setting(found, doc, self.grammar.scope.setting_rx, self.grammar.scope.held_rx)
        date_by_source(
            found, explicit_quote_dates(doc), frozenset(e.name for e in doc.entities if e.type == "PER")
        )
        found = fold_repeats(found, doc.text)
        if self.actor_model is not None:  # the learned actor chooser (issue 10)
            found = self.actor_model.choose(doc, found, resolver)
        return found

    def __call__(self, doc: Article) -> Article:
        try:
            found = self.find(doc)
        except Exception as exc:  # never break the pipeline on one article
            doc.warnings.append(f"events: {type(exc).__name__}: {exc}")
            return doc
        events: list[Event] = []
        for f in found:
            events.append(
                Event(
                    type=f.type,
                    actors=[a[0] for a in f.actors],
                    actor_ids=[a[1] or "" for a in f.actors],
                    status=f.status,
                    evidence=doc.text[f.start : f.end],
                    start=f.start,
                    end=f.end,
                    mode=f.mode if f.type in ("CONSULT", "ASSAULT") else None,
                    location=f.location[0] if f.location else None,
                    location_id=f.location[1] if f.location else None,
                    date=f.date,
                    cameo=cameo_code(f.type, f.mode),
                    trigger=f.trigger,
                    sentence=f.sentence,
                )
            )
        doc.events = events
        return doc

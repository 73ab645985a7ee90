"""Actor sets (GUIDELINES §5, §9): the records of ``actor_sets.yaml`` (sentences written
for these tests) and the article-level rules of :mod:`rasad.events.parties`."""

from __future__ import annotations

import re
from typing import Any

import pytest
from event_records import build, check, load_records

from rasad.events import EventStage
from rasad.events.mentions import Found
from rasad.events.parties import drop_victims, persons_beat_their_side, unify_sides, visits_in_progress

RECORDS = load_records("actor_sets.yaml")


@pytest.fixture(scope="module")
def stage() -> EventStage:
    return EventStage()


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record(stage: EventStage, record: dict[str, Any]) -> None:
    doc = stage(build(record))
    problems = check(record, doc.events)
    assert not problems, f"{record['text']}\n" + "\n".join(problems)


def _f(etype: str, names: list[str], si: int = 0, **kw: Any) -> Found:
    return Found(
        etype,
        [(n, None) for n in names],
        kw.pop("status", "occurred"),
        kw.pop("trigger", "دیدار"),
        0,
        5,
        si,
        sentences={si},
        **kw,
    )


def test_a_state_yields_to_its_person_on_the_same_side() -> None:
    aff = {"Vladimir Putin": {"Russia"}}
    meet = _f("CONSULT", ["Russia", "Vladimir Putin", "Donald Trump"])
    ask = _f("REQUEST", ["Russia", "Vladimir Putin"])  # a state source and its own person
    asked = _f("REQUEST", ["Vladimir Putin", "Russia"])  # the person asks his own people: kept
    persons_beat_their_side([meet, ask, asked], aff)
    assert [a[0] for a in meet.actors] == ["Vladimir Putin", "Donald Trump"]
    assert [a[0] for a in ask.actors] == ["Vladimir Putin"]
    assert [a[0] for a in asked.actors] == ["Vladimir Putin", "Russia"]


def test_a_meeting_keeps_two_sides() -> None:
    meet = _f("CONSULT", ["Russia", "Vladimir Putin"])
    persons_beat_their_side([meet], {"Vladimir Putin": {"Russia"}})
    assert len(meet.actors) == 2


def test_headline_states_join_the_people_of_the_same_meeting() -> None:
    head = _f("CONSULT", ["Iran", "Russia"], 0)
    body = _f("CONSULT", ["Abbas Araghchi", "Sergey Lavrov"], 3, date="2025-03-10")
    other = _f("CONSULT", ["Iran", "China"], 5)
    aff = {"Abbas Araghchi": {"Iran"}, "Sergey Lavrov": {"Russia"}}
    out = unify_sides([head, body, other], aff, {"Iran", "Russia", "China"})
    assert out == [body, other]
    assert body.sentences == {0, 3}


def test_attack_victims_are_no_actors() -> None:
    f = _f("ASSAULT", ["Israel", "Saleh al-Arouri", "Lebanon"], trigger="ترور")
    drop_victims([f], frozenset({"Saleh al-Arouri"}))
    assert [a[0] for a in f.actors] == ["Israel", "Lebanon"]


def test_a_past_dated_trip_stays_occurred() -> None:
    text = "عراقچی که سال گذشته به پکن سفر کرده است گفت"
    f = _f("CONSULT", ["Abbas Araghchi", "China"], trigger="سفر کرده است", mode="visit", date="2024")
    f.start, f.end = 0, len(text)
    visits_in_progress([f], text, re.compile("سفر کرده است"), "2025-03-01")
    assert f.status == "occurred"

"""The validation records of ``validation.yaml``: the grammar apart from the gazetteer."""

from __future__ import annotations

from typing import Any

import pytest
from event_records import build, check, load_records

from rasad.events import EventStage

RECORDS = load_records()


@pytest.fixture(scope="module")
def stage() -> EventStage:
    return EventStage()


def test_enough_records() -> None:
    assert len(RECORDS) >= 60
    assert len({r["id"] for r in RECORDS}) == len(RECORDS), "record ids must be unique"
    types = {e["type"] for r in RECORDS for e in r["expect"]}
    assert types == {"CONSULT", "AGREE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "ASSAULT", "ACCUSE"}
    statuses = {e["status"] for r in RECORDS for e in r["expect"]}
    assert statuses == {"occurred", "ongoing", "planned", "proposed", "denied", "cancelled"}
    assert sum(1 for r in RECORDS if not r["expect"]) >= 5, "keep sentences that must yield nothing"


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record(stage: EventStage, record: dict[str, Any]) -> None:
    doc = stage(build(record))
    problems = check(record, doc.events)
    assert not problems, f"{record['text']}\n" + "\n".join(problems)
    for ev in doc.events:
        assert 0 <= ev.start < ev.end <= len(doc.text)
        assert ev.evidence == doc.text[ev.start : ev.end]
        assert ev.trigger and ev.trigger in doc.text
        assert ev.cameo and ev.cameo.isdigit()
        assert len(ev.actor_ids) == len(ev.actors)

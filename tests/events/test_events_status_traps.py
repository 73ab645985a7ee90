"""Status traps (``status_traps.yaml``): the clause decides, not the verb form alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from event_records import build, check

from rasad.events import EventStage

TRAPS: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "status_traps.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def stage() -> EventStage:
    return EventStage()


def test_every_trap_kind_is_covered() -> None:
    statuses = {e["status"] for r in TRAPS for e in r["expect"]}
    assert {"planned", "cancelled", "denied", "ongoing", "occurred"} <= statuses
    assert sum(1 for r in TRAPS if not r["expect"]) >= 8, "conditions, questions, wishes, norms, counts"


@pytest.mark.parametrize("record", TRAPS, ids=[r["id"] for r in TRAPS])
def test_trap(stage: EventStage, record: dict[str, Any]) -> None:
    doc = stage(build(record))
    problems = check(record, doc.events)
    assert not problems, f"{record['text']}\n" + "\n".join(problems)

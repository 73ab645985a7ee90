"""Event types: the records of ``types_records.yaml`` (sentences written for these tests)
and the clause-layer norm filter (``باید`` with no party asked is no REQUEST)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from event_records import build, check

from rasad.events import EventStage
from rasad.events.norms import NormFilter
from rasad.events.scope import ClauseIndex
from rasad.model import Clause, VerbGroup

RECORDS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent / "types_records.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def stage() -> EventStage:
    return EventStage()


def test_records_cover_the_types() -> None:
    assert len({r["id"] for r in RECORDS}) == len(RECORDS)
    types = {e["type"] for r in RECORDS for e in r["expect"]}
    assert {"ACCUSE", "SUPPORT", "AGREE", "THREATEN"} <= types
    assert any(not r["expect"] for r in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record(stage: EventStage, record: dict[str, Any]) -> None:
    doc = stage(build(record))
    problems = check(record, doc.events)
    assert not problems, f"{record['text']}\n" + "\n".join(problems)


def _clause(text: str, verb: str, **kw: Any) -> ClauseIndex:
    a = text.index(verb)
    fields: dict[str, Any] = {
        "lemma": "کرد",
        "lvc_noun": None,
        "tense": "present",
        "mood": "subjunctive",
        "aspect": None,
        "negated": False,
        "voice": "active",
        "person": "3",
        "number": "Plur",
        "modal": "باید",
    }
    fields.update(kw)
    vg = VerbGroup(start=a, end=a + len(verb), text=verb, **fields)
    return ClauseIndex([Clause(0, len(text), 0, "main", vg, None, None)])


@pytest.mark.parametrize(
    ("text", "verb", "kw", "named", "norm"),
    [
        # the other side asked: a request
        ("دولت لبنان باید این تصمیم را اجرا کند", "اجرا کند", {"lvc_noun": "اجرا"}, True, False),
        # the speaker's own side: a duty, no request
        ("ما باید با تلاش بیشتر کاری کنیم", "کاری کنیم", {"person": "1"}, False, True),
        # a verb of knowing: a warning, no request
        ("آن‌ها باید بدانند که این سیاست شکست خورده است", "بدانند", {"lemma": "دانست"}, False, True),
        # an impersonal light verb with no party named
        ("این کار باید با دقت صورت گیرد", "صورت گیرد", {"lvc_noun": "صورت", "lemma": "گرفت"}, False, True),
        ("این کار باید با دقت صورت گیرد", "صورت گیرد", {"lvc_noun": "صورت", "lemma": "گرفت"}, True, False),
        # a passive may still ask the other side (it is kept)
        (
            "مرزهای تازه باید به رسمیت شناخته شود",
            "شناخته شود",
            {"voice": "passive", "lemma": "شد"},
            False,
            False,
        ),
        # an active verb whose doer is no party: a norm
        ("هر واردکننده‌ای باید سه درصد بپردازد", "بپردازد", {"lemma": "پرداخت"}, False, True),
    ],
)
def test_norm_filter(text: str, verb: str, kw: dict[str, Any], named: bool, norm: bool) -> None:
    clauses = _clause(text, verb, **kw)
    assert NormFilter().no_party(clauses, text.index("باید"), named) is norm
    assert NormFilter().no_party(None, 0) is False

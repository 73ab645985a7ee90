"""Dates of speech acts by source (:func:`rasad.events.speech.date_by_source`)."""

from __future__ import annotations

from rasad.events.mentions import Found
from rasad.events.speech import date_by_source


def _act(source: str, sentence: int, date: str | None = None) -> Found:
    return Found(
        "REQUEST", [(source, None)], "occurred", "خواستار شد", 0, 5, sentence, date=date, speech=True
    )


def test_a_person_speaks_on_one_occasion() -> None:
    a, b = _act("Ali Larijani", 1, "2024-05-06"), _act("Ali Larijani", 4)
    date_by_source([a, b], people=frozenset({"Ali Larijani"}))
    assert b.date == "2024-05-06"


def test_a_state_speaks_on_many_days() -> None:
    a, b = _act("Iran", 1, "2024-05-06"), _act("Iran", 4)
    date_by_source([a, b], people=frozenset({"Ali Larijani"}))
    assert b.date is None
    date_by_source([a, b])  # without the list of people every source shares its date
    assert b.date == "2024-05-06"

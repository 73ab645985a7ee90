"""False alarms: names, counts and idioms holding a date word are not time expressions
(``false_alarms.tsv``, sentences written for rasad)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from time_tables import read_table

from rasad.model import Article
from rasad.time import TimeStage

TABLE = Path(__file__).with_name("false_alarms.tsv")


ROWS = read_table(TABLE)


@pytest.fixture(scope="module")
def stage() -> TimeStage:
    return TimeStage()


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{r['not_timex']}" for i, r in enumerate(ROWS)])
def test_not_a_timex(stage: TimeStage, row: dict[str, str]) -> None:
    sentence, word = row["sentence"], row["not_timex"]
    start = sentence.index(word)
    doc = stage(Article(raw=sentence, text=sentence, published=row["anchor"]))
    hits = [t.text for t in doc.timexes if t.start < start + len(word) and start < t.end]
    assert hits == [], hits


def test_pharmacy_name_is_not_the_day_of_a_clock_time(stage: TimeStage) -> None:
    text = "او ساعت ۱۰ صبح از داروخانه ۱۳ فروردین دارو خرید."
    found = stage.tag(text, anchor=dt.date(2022, 7, 12))
    assert [(t.text, t.value) for t in found] == [("ساعت ۱۰ صبح", "2022-07-12T10:00")]

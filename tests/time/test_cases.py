"""Table-driven tests of the temporal tagger (``cases.tsv``, sentences written for rasad).

Each row says: in ``sentence`` with publication date ``anchor``, the tagger finds a
timex whose text is exactly ``text`` with this ``type`` and ``value``; ``-`` rows say
the sentence holds no time expression at all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from time_tables import read_table

from rasad.time import TimeStage

CASES = Path(__file__).with_name("cases.tsv")


ROWS = read_table(CASES)


@pytest.fixture(scope="module")
def stage() -> TimeStage:
    return TimeStage()


def test_table_is_large() -> None:
    assert len(ROWS) >= 300


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{r['text'][:30]}" for i, r in enumerate(ROWS)])
def test_case(stage: TimeStage, row: dict[str, str]) -> None:
    anchor = dt.date.fromisoformat(row["anchor"]) if row["anchor"] else None
    found = stage.tag(row["sentence"], anchor=anchor)
    if row["text"] == "-":
        assert found == [], [t.text for t in found]
        return
    texts = [t.text for t in found]
    assert row["text"] in texts, texts
    t = found[texts.index(row["text"])]
    assert row["sentence"][t.start : t.end] == t.text
    assert t.type == row["type"]
    expected = None if row["value"] == "None" else row["value"]
    assert t.value == expected

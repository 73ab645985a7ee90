"""A Jalali or Hijri month or year: a value at its own granularity plus the exact interval."""

from __future__ import annotations

import datetime as dt

import pytest

from rasad.time import TimeStage


@pytest.fixture(scope="module")
def stage() -> TimeStage:
    return TimeStage()


@pytest.mark.parametrize(
    ("sentence", "anchor", "value", "interval"),
    [
        ("نشست بعدی در مهر ماه ۱۳۹۴ برگزار می‌شود.", None, "2015-10", "2015-09-23/2015-10-22"),
        ("قرارداد در بهمن‌ماه ۱۴۰۲ امضا شد.", None, "2024-02", "2024-01-21/2024-02-19"),
        ("این طرح در سال ۱۴۰۳ اجرا شد.", dt.date(2025, 5, 1), "2024", "2024-03-20/2025-03-20"),
        ("مذاکرات در اسفند ماه گذشته آغاز شد.", dt.date(2025, 5, 1), "2025-03", "2025-02-19/2025-03-20"),
    ],
)
def test_jalali_periods(stage: TimeStage, sentence: str, anchor: dt.date | None, value: str, interval: str) -> None:
    found = [t for t in stage.tag(sentence, anchor=anchor) if t.value]
    assert found, sentence
    assert (found[0].value, found[0].interval) == (value, interval)

"""Costs linear in the input: the same date phrase repeated n and 4n times must cost at
most about 4× (≤ 6× allowed for noise) in the time stage and in the metadata stage's
dateline search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from cpu_time import best_cpu

from rasad.ingest.metadata import MetadataStage
from rasad.model import Article
from rasad.time import TimeStage

PHRASES = [
    "روز سه‌شنبه ۲۹ مهر ۱۴۰۴ ساعت ۱۰:۳۰ ",
    "ساعت ۸ صبح ",  # bare clock times: each looks for the day of its sentence
    "۵ ساعت پیش ",
]


def _ratio(run: Callable[[str], object], phrase: str, n: int) -> float:
    small, big = phrase * n, phrase * (4 * n)
    run(small)  # warm up
    return best_cpu(lambda: run(big)) / max(best_cpu(lambda: run(small)), 1e-4)


def test_time_stage_is_linear() -> None:
    stage = TimeStage()
    anchor = dt.date(2025, 10, 21)
    for phrase in PHRASES:
        ratio = _ratio(lambda text: stage.tag(text, anchor=anchor), phrase, 600)
        assert ratio <= 6, (phrase, ratio)


def test_dateline_search_is_linear() -> None:
    meta = MetadataStage(TimeStage())

    def run(text: str) -> object:
        return meta(Article(raw=text, text=text))

    for phrase in PHRASES[:2]:
        ratio = _ratio(run, phrase, 600)
        assert ratio <= 6, (phrase, ratio)

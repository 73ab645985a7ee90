"""Fixtures of the store tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_samples import ZW, make_article, span

from rasad.model import Article, Entity, Mention, Quote, Timex
from rasad.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "test.db") as st:
        yield st


@pytest.fixture
def quoted_article() -> Article:
    text = (
        f"سخنگوی وزارت امور خارجه روز دوشنبه گفت که مذاکرات ادامه پیدا می{ZW}کند."
        f" لاوروف افزود: «ما آماده گفت{ZW}وگو هستیم.» رئیس{ZW}جمهور نیز به پایتخت سفر کرد."
    )
    qs, qe = span(text, f"ما آماده گفت{ZW}وگو هستیم.")
    ms, me = span(text, "لاوروف")
    ts, te = span(text, "روز دوشنبه")
    art = make_article(
        text, "quoted", "2025-10-20",
        entities=[Entity("Q80866", "Sergey Lavrov", "PER", "لاوروف", [Mention("لاوروف", ms, me)])],
        quotes=[Quote(speaker="Sergey Lavrov", kind="direct", text=text[qs:qe], start=qs, end=qe, cue="افزود",
                      date="2025-10-20", speaker_id="Q80866", speaker_fa="لاوروف")],
        title=f"لاوروف: آماده گفت{ZW}وگو هستیم",
    )
    art.timexes = [Timex("روز دوشنبه", ts, te, "DATE", "2025-10-20", "day", "published", "relative")]
    return art

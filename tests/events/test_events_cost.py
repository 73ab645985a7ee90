"""The events stage is linear in its input: 4× the clauses cost at most ~6× the time."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Any

import pytest
from cpu_time import best_cpu
from event_records import build

from rasad.events import EventStage
from rasad.model import Article

UNIT = (
    "عباس عراقچی روز دوشنبه با سرگئی لاوروف در مسکو دیدار کرد. "
    "سرگئی لاوروف از ایالات متحده خواست تا تحریم‌ها را لغو کند. "
    "دیدار وزیران خارجه ژاپن و کره جنوبی به تعویق افتاد. "
    "اگر اسرائیل به ایران حمله کند، پاسخ سختی خواهد گرفت. "
)
ENTITIES = {
    "عباس عراقچی": ["Abbas Araghchi", "PER"],
    "سرگئی لاوروف": ["Sergey Lavrov", "PER"],
    "مسکو": ["Moscow", "GPE"],
    "ایالات متحده": ["United States", "GPE"],
    "ژاپن": ["Japan", "GPE"],
    "کره جنوبی": ["South Korea", "GPE"],
    "اسرائیل": ["Israel", "GPE"],
    "ایران": ["Iran", "GPE"],
}


def _record(n: int) -> dict[str, Any]:
    return {
        "id": f"cost-{n}",
        "text": UNIT * n,
        "entities": ENTITIES,
        "timexes": {"روز دوشنبه": "2025-03-10"},
    }


def _best_time(stage: EventStage, n: int, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        doc = build(_record(n))
        t0 = time.perf_counter()
        stage(doc)
        best = min(best, time.perf_counter() - t0)
        assert doc.events, "the repeated clauses give events"
    return best


def test_events_cost_grows_linearly() -> None:
    stage = EventStage()
    n = 40
    stage(build(_record(2)))  # warm up caches
    small = _best_time(stage, n)
    large = _best_time(stage, 4 * n)
    assert large <= 6 * small + 0.05, f"{n} units: {small:.3f}s, {4 * n} units: {large:.3f}s"


# --- one sentence with no full stop (issue 13): each trigger, quote and clause break is read
# near its own place, never by a walk over the whole sentence ---------------------------------
STOPLESS = {
    "reported clauses": "وزیر امور خارجه روز دوشنبه در دیدار با همتای خود گفت که ",
    "announced clauses": "سخنگوی دولت روز سه‌شنبه در نشست خبری اعلام کرد که ",
    "added with a colon": "وزیر امور خارجه روز دوشنبه در دیدار با همتای خود افزود: ",
    "quotes in guillemets": "وزیر گفت: «ما با آنها دیدار می‌کنیم و به هر حمله‌ای پاسخ می‌دهیم» و ",
    "nominal triggers": "دیدار وزیران و حمله به مواضع و درخواست کمک و ",
    "triggers and names": "دیدار دونالد ترامپ و ولادیمیر پوتین و حمله اسرائیل به ایران و ",
}


@pytest.fixture(scope="module")
def upstream():
    from rasad.pipeline import default_pipeline

    return default_pipeline(disable=["events"])


def _events_call(upstream, stage: EventStage, text: str) -> Callable[[], object]:
    """The events stage alone on ``text`` as the stages before it leave it (a fresh copy per call)."""
    prepared = upstream(Article(raw=text))

    def call() -> object:
        kw = {}
        for f in dataclasses.fields(prepared):
            v = getattr(prepared, f.name)
            kw[f.name] = list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v
        return stage(Article(**kw))

    return call


@pytest.mark.parametrize("case", sorted(STOPLESS))
def test_events_linear_in_one_stopless_sentence(upstream, case: str) -> None:
    stage = EventStage()
    unit = STOPLESS[case]
    n = 80_000  # (before the fix: 12.9 s at 80k characters against 0.95 s at 20k)
    small = _events_call(upstream, stage, unit * (n // 4 // len(unit)))
    big = _events_call(upstream, stage, unit * (n // len(unit)))
    small()  # warm up (patterns compiled on first use)
    t_small, t_big = best_cpu(small), best_cpu(big)
    if t_big > 6 * t_small + 0.01:  # a loaded machine: measure once more before judging
        t_small, t_big = best_cpu(small, 5), best_cpu(big, 5)
    assert t_big <= 6 * t_small + 0.01, f"{case}: {t_big:.3f}s vs n/4: {t_small:.3f}s ({t_big / t_small:.1f}×)"

"""The events stage is linear in its input: 4× the clauses cost at most ~6× the time."""

from __future__ import annotations

import time
from typing import Any

from event_records import build

from rasad.events import EventStage

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

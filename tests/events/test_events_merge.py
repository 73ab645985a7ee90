"""Cross-article merging (``rasad.events.merge``) and the in-article merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.events.merge import (
    Report,
    compatible,
    dates_compatible,
    merge_key,
    merge_reports,
    more_specific,
)
from rasad.model import Event


def ev(
    etype: str,
    actors: list[str],
    status: str = "occurred",
    date: str | None = None,
    location: str | None = None,
    mode: str | None = None,
) -> Event:
    return Event(etype, actors, status, "", 0, 0, mode=mode, location=location, date=date)


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("2025-08-15", "2025-08-15", True),
        ("2025-08", "2025-08-15", True),
        ("2025", "2025-08-15", True),
        ("2025-W42", "2025-10-16", True),  # Thursday of ISO week 42
        ("2025-W42", "2025-10-20", False),
        ("2025-08", "2025-09-01", False),
        ("2025-08-15", "2025-08-16", False),
        (None, None, True),
        (None, "2025-08-15", False),
    ],
)
def test_dates_compatible(a: str | None, b: str | None, ok: bool) -> None:
    assert dates_compatible(a, b) is ok
    assert dates_compatible(b, a) is ok


def test_more_specific() -> None:
    assert more_specific("2025-08", "2025-08-15") == "2025-08-15"
    assert more_specific("2025-08-15", "2025-W33") == "2025-08-15"
    assert more_specific(None, "2025-08") == "2025-08"
    assert more_specific("2025-08-15", "2025-09-01") == "2025-08-15"  # clash: keep the first


def test_merge_key_joint_is_order_free_one_sided_is_not() -> None:
    assert merge_key(ev("CONSULT", ["A", "B"])) == merge_key(ev("CONSULT", ["B", "A"]))
    assert merge_key(ev("ACCUSE", ["A", "B"])) != merge_key(ev("ACCUSE", ["B", "A"]))


def test_compatible_rules() -> None:
    a = Report(
        "d1",
        "2025-08-16",
        ev("CONSULT", ["Donald Trump", "Vladimir Putin"], date="2025-08-15", location="Alaska"),
    )
    b = Report("d2", "2025-09-03", ev("CONSULT", ["Vladimir Putin", "Donald Trump"], date="2025-08"))
    assert compatible(a, b)
    c = Report(
        "d3",
        "2025-09-03",
        ev("CONSULT", ["Vladimir Putin", "Donald Trump"], date="2025-08", location="Budapest"),
    )
    assert not compatible(a, c)  # two places
    d = Report("d4", "2025-08-20", ev("CONSULT", ["Vladimir Putin", "Donald Trump"], mode="phone"))
    assert not compatible(a, d)  # a call is not the summit
    # unknown dates: close publication dates merge, distant ones do not
    e1 = Report("d5", "2025-10-01", ev("REJECT", ["Ukraine", "Russia"]))
    e2 = Report("d6", "2025-10-05", ev("REJECT", ["Ukraine", "Russia"]))
    e3 = Report("d7", "2025-12-20", ev("REJECT", ["Ukraine", "Russia"]))
    assert compatible(e1, e2) and not compatible(e1, e3)
    assert compatible(e1, e3, window_days=90)


def test_status_history_follows_publication_order() -> None:
    proposed = ev("CONSULT", ["Donald Trump", "Vladimir Putin"], status="proposed", location="Budapest")
    denied = ev("CONSULT", ["Vladimir Putin", "Donald Trump"], status="denied")
    other = ev("CONSULT", ["Marco Rubio", "Sergey Lavrov"], status="denied")
    merged = merge_reports(
        [("late", "2025-10-21", denied), ("early", "2025-10-17", proposed), ("x", "2025-10-21", other)]
    )
    assert len(merged) == 2
    summit = next(m for m in merged if "Donald Trump" in m.actors)
    assert summit.status == "denied"
    assert [h["status"] for h in summit.history] == ["proposed", "denied"]
    assert [r.doc for r in summit.reports] == ["early", "late"]
    assert summit.location == "Budapest"
    d = summit.as_dict()
    assert d["reports"][0]["doc"] == "early" and d["history"][1]["published"] == "2025-10-21"


def test_one_sided_source_must_match() -> None:
    a = ev("ACCUSE", ["Russia", "Ukraine"], date="2025-05-01")
    b = ev("ACCUSE", ["Ukraine", "Russia"], date="2025-05-01")
    assert len(merge_reports([("a", "2025-05-01", a), ("b", "2025-05-01", b)])) == 2


def test_merge_keeps_most_specific_date() -> None:
    month = ev("CONSULT", ["Iran", "Oman"], date="2025-05")
    day = ev("CONSULT", ["Oman", "Iran"], date="2025-05-03")
    other_day = ev("CONSULT", ["Oman", "Iran"], date="2025-05-20")
    merged = merge_reports(
        [("a", "2025-05-04", day), ("b", "2025-06-01", month), ("c", "2025-05-21", other_day)]
    )
    dates = sorted(m.date or "" for m in merged)
    assert dates == ["2025-05-03", "2025-05-20"]


@pytest.mark.golden
def test_alaska_summit_two_articles(shared_dir: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    """The Alaska summit (2025-08-15) told by a report of the next day and by one
    weeks later (``نشست ماه آگوست ... در آلاسکا``) is one event with two reports."""
    from rasad.pipeline import analyze

    reports = []
    for stem in ("003_cd534f5e258f1d2c", "000_28c3cbd012e4a9cc"):
        doc = analyze(
            (shared_dir / "seeds" / f"{stem}.txt").read_text(encoding="utf-8"), doc=stem, pipeline=pipeline
        )
        for e in doc.events:
            reports.append((stem, doc.published, e))
    merged = merge_reports(reports, window_days=30)
    summits = [
        m
        for m in merged
        if m.type == "CONSULT"
        and m.location == "Alaska"
        and set(m.actors) == {"Donald Trump", "Vladimir Putin"}
    ]
    assert len(summits) == 1, [m.as_dict() for m in summits]
    summit = summits[0]
    assert {r.doc for r in summit.reports} == {"003_cd534f5e258f1d2c", "000_28c3cbd012e4a9cc"}
    assert summit.date == "2025-08-15"
    assert summit.status == "occurred"

"""Cross-article event merging on ingest, status history and the timeline."""

from __future__ import annotations

import pytest
from store_samples import summit_article

from rasad.store import Store
from rasad.store.finding import NoMatchError
from rasad.store.merging import dates_ok, merge_into, new_merged, simple_compatible

ZW = "\u200c"


def _two_reports(store: Store) -> None:
    store.add(summit_article(
        "r1", "2025-08-16", "occurred", "2025-08-15", ["Donald Trump", "Vladimir Putin"],
        "ترامپ و پوتین روز جمعه در آلاسکا دیدار کردند و گفت‌وگوها سه ساعت طول کشید.", "دیدار کردند",
    ))
    store.add(summit_article(
        "r2", "2025-08-17", "occurred", "2025-08-15", ["Vladimir Putin", "Donald Trump"],
        "دیدار پوتین با ترامپ در پایگاهی نظامی در آلاسکا بدون توافق پایان یافت.", "دیدار",
    ))


def test_two_articles_one_merged_event(store: Store) -> None:
    _two_reports(store)
    s = store.stats()
    assert s["events"] == 2 and s["merged_events"] == 1
    (m,) = store.timeline()
    assert m["sources"] == 2 and m["reports"] == [1, 2]
    assert set(m["actors"]) == {"Donald Trump", "Vladimir Putin"}
    assert m["date_gregorian"] == "2025-08-15"
    assert m["date_jalali"] == "1404-05-24"
    assert m["date_jalali_fa"] == "۲۴ مرداد ۱۴۰۴"
    assert m["status"] == "occurred"
    reports = store.events(type="CONSULT")
    assert {r["merged_id"] for r in reports} == {m["id"]}


def test_different_events_stay_apart(store: Store) -> None:
    _two_reports(store)
    store.add(summit_article(  # same pair, months later: another meeting
        "r3", "2025-12-02", "occurred", "2025-12-01", ["Donald Trump", "Vladimir Putin"],
        "ترامپ و پوتین بار دیگر دیدار کردند.", "دیدار کردند", location=None,
    ))
    store.add(summit_article(  # other actors
        "r4", "2025-08-16", "occurred", "2025-08-15", ["Donald Trump", "Xi Jinping"],
        "ترامپ با رهبر چین در آلاسکا دیدار کرد.", "دیدار کرد",
    ))
    assert store.stats()["merged_events"] == 3
    dates = [m["date"] for m in store.timeline()]
    assert dates == sorted(dates)


def test_status_history_keeps_a_later_cancellation(store: Store) -> None:
    store.add(summit_article(
        "p1", "2025-10-16", "planned", None, ["Donald Trump", "Vladimir Putin"],
        "ترامپ اعلام کرد که به زودی با پوتین در بوداپست دیدار خواهد کرد.", "دیدار خواهد کرد",
        location="Budapest",
    ))
    store.add(summit_article(
        "p2", "2025-10-22", "cancelled", None, ["Donald Trump", "Vladimir Putin"],
        "کاخ سفید گفت دیدار ترامپ و پوتین در بوداپست فعلاً لغو شده است.", "لغو شده است",
        location="Budapest",
    ))
    (m,) = store.timeline()
    assert m["status"] == "cancelled"
    assert [h["status"] for h in m["history"]] == ["planned", "cancelled"]
    assert [h["published"] for h in m["history"]] == ["2025-10-16", "2025-10-22"]
    assert m["date"] is None and m["when"] == "2025-10-16"
    assert store.timeline(status="cancelled") == [m]
    assert store.timeline(status="planned") == []
    assert len(store.events(status="planned")) == 1  # the report itself keeps its own status


def test_late_arriving_older_report_does_not_override_status(store: Store) -> None:
    store.add(summit_article(
        "n2", "2025-10-22", "cancelled", None, ["Donald Trump", "Vladimir Putin"],
        "دیدار ترامپ و پوتین لغو شد.", "لغو شد", location=None,
    ))
    store.add(summit_article(
        "n1", "2025-10-16", "planned", None, ["Donald Trump", "Vladimir Putin"],
        "ترامپ و پوتین قرار است دیدار کنند.", "دیدار کنند", location=None,
    ))
    (m,) = store.timeline()
    assert m["status"] == "cancelled"
    assert [h["status"] for h in m["history"]] == ["planned", "cancelled"]


def test_actor_filters(store: Store) -> None:
    _two_reports(store)
    assert len(store.timeline(actor="Vladimir Putin")) == 1
    assert len(store.timeline(actor="vladimir putin")) == 1
    assert len(store.timeline(actor="پوتین")) == 1  # Persian label through the entities table
    assert len(store.timeline(actor="Q7747")) == 1
    with pytest.raises(NoMatchError) as e:  # nothing stored under that name: an error, not 0 rows
        store.timeline(actor="Emmanuel Macron")
    assert "no actor matches" in str(e.value)
    assert len(store.events(actor="Donald Trump")) == 2
    assert store.events(actor="Donald Trump", since="2025-09-01") == []
    assert len(store.timeline(since="2025-08-15", until="2025-08-15")) == 1
    page = store.entity("Q7747")
    assert page is not None and page["events"][0]["sources"] == 2


def test_rules() -> None:
    base = {"type": "REQUEST", "actors": ["Iran", "United Nations"], "date": "2025-08", "location": None,
            "published": "2025-08-20", "status": "occurred", "article_id": 1}
    merged = new_merged(base)
    other = dict(base, date="2025-08-18", article_id=2)
    assert simple_compatible(other, merged)
    assert not simple_compatible(dict(other, actors=["United Nations", "Iran"]), merged)  # one-sided: source differs
    assert not simple_compatible(dict(other, type="THREATEN"), merged)
    assert not simple_compatible(dict(other, location="Geneva"), dict(merged, location="Vienna"))
    after = merge_into(merged, other)
    assert after["date"] == "2025-08-18"  # the more specific date wins
    assert dates_ok("2025-08-15", "2025-08-16", None, None)
    assert not dates_ok("2025-08-15", "2025-08-20", None, None)
    assert dates_ok(None, None, "2025-10-01", "2025-10-20")
    assert not dates_ok(None, "2025-10-01", "2025-06-01", "2025-10-20")


def test_timeline_sort_key_places_weeks_and_intervals_among_days() -> None:
    from rasad.store.core import UNDATED, _sort_date

    assert _sort_date({"date": "2025-W42"}) == "2025-10-13"
    assert _sort_date({"date": "2025-02-19/2025-03-20"}) == "2025-02-19"
    assert _sort_date({"date": None, "first_seen": "2025-01-02"}) == "2025-01-02"
    assert _sort_date({}) == UNDATED
    keys = sorted(_sort_date({"date": d}) for d in ("2025-12-22", "2025-W42", "2025-10"))
    assert keys == ["2025-10", "2025-10-13", "2025-12-22"]

"""Finding things: any name resolves to its entity, Jalali date filters, totals, checked filters,
contested events (our own sentences)."""

from __future__ import annotations

import pytest
from store_samples import ZW, summit_article

from rasad.errors import QueryError
from rasad.store import Store
from rasad.store.finding import NoMatchError, name_key, parse_date, understood_dates

MEET = "ترامپ و پوتین در آلاسکا دیدار کردند."
NO_DEAL = "پوتین گفت دیدار با ترامپ در آلاسکا بدون توافق پایان یافت و دیداری انجام نشد."


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(summit_article("a", "2025-08-15", "occurred", "2025-08-15", ["Donald Trump", "Vladimir Putin"],
                             MEET, "دیدار"))
    store.add(summit_article("b", "2025-08-16", "denied", "2025-08-15", ["Donald Trump", "Vladimir Putin"],
                             NO_DEAL, "دیدار"))
    return store


def test_name_key_folds_case_zwnj_and_arabic_letters() -> None:
    assert name_key("Donald  TRUMP") == "donald trump"
    assert name_key(f"رئیس{ZW}جمهور") == name_key("رئیسجمهور")
    assert name_key("علي") == name_key("علی") and name_key("كرمان") == name_key("کرمان")


@pytest.mark.parametrize("name", ["Trump", "trump", "Donald Trump", "ترامپ", "ترامپ", "Q22686"])
def test_any_name_of_an_actor_finds_its_events(filled: Store, name: str) -> None:
    assert filled.resolve_name(name) == ["Q22686"]
    assert len(filled.timeline(actor=name)) == 1
    assert filled.count_events(actor=name) == 2


def test_unknown_name_suggests_near_names(filled: Store) -> None:
    with pytest.raises(NoMatchError) as e:
        filled.timeline(actor="Trumpp")
    assert "Donald Trump" in e.value.suggestions or "ترامپ" in e.value.suggestions
    assert "did you mean" in str(e.value)


def test_jalali_dates_are_read_as_jalali() -> None:
    p = parse_date("since", "1404-05-24")
    assert p is not None and (p.calendar, p.gregorian) == ("jalali", "2025-08-15")
    p = parse_date("since", "۱۴۰۴/۰۵/۲۴")
    assert p is not None and p.gregorian == "2025-08-15"
    p = parse_date("until", "1404/05", end=True)  # a Jalali month stands for its last day (31 Mordad)
    assert p is not None and p.gregorian == "2025-08-22"
    p = parse_date("since", "2025-08")
    assert p is not None and (p.calendar, p.gregorian) == ("gregorian", "2025-08")
    assert understood_dates("1404-05-24", None)["since"]["calendar"] == "jalali"
    with pytest.raises(QueryError, match="Jalali"):
        parse_date("since", "1404-13-01")


def test_jalali_filter_selects_the_same_events(filled: Store) -> None:
    assert filled.count_timeline(since="1404-05-24", until="1404-05-24") == 1
    assert filled.count_timeline(since="1404-05-25") == 0
    assert filled.count_events(since="1404/05/24") == 2


def test_totals_count_all_matches_not_the_page(filled: Store) -> None:
    assert len(filled.events(limit=1)) == 1
    assert filled.count_events() == 2
    assert filled.count_search("آلاسکا") == 2 and len(filled.search("آلاسکا", limit=1)) == 1


def test_unknown_status_and_type_are_errors_listing_allowed_values(filled: Store) -> None:
    with pytest.raises(QueryError, match="allowed: occurred, ongoing"):
        filled.events(status="bogus")
    with pytest.raises(QueryError, match="allowed: .*CONSULT"):
        filled.timeline(type="FOO")
    assert filled.count_events(type="consult") == 2


@pytest.mark.parametrize("query", ["AND OR", "NOT", "NEAR(ترامپ پوتین)", "ترامپ OR", "OR پوتین"])
def test_search_syntax_errors_are_clear(filled: Store, query: str) -> None:
    with pytest.raises(QueryError):
        filled.search(query)


def test_disagreeing_reports_make_a_contested_event(filled: Store) -> None:
    (m,) = filled.timeline()
    assert m["contested"] is True and m["state"] == "contested"
    assert {(c["doc"], c["status"]) for c in m["claims"]} == {("a", "occurred"), ("b", "denied")}
    assert all(c["outlet"] == "خبرگزاری نمونه" for c in filled.merged_event(m["id"])["claims"])  # type: ignore[index]
    assert m["outlets"] == 1 and m["sources"] == 2


def test_a_plan_then_a_cancellation_is_not_contested(store: Store) -> None:
    store.add(summit_article("p", "2025-08-01", "planned", "2025-08-15", ["Donald Trump", "Vladimir Putin"],
                             MEET, "دیدار"))
    store.add(summit_article("c", "2025-08-10", "cancelled", "2025-08-15", ["Donald Trump", "Vladimir Putin"],
                             "دیدار ترامپ و پوتین در آلاسکا لغو شد.", "دیدار"))
    (m,) = store.timeline()
    assert m["sources"] == 2
    assert m["contested"] is False and m["state"] == m["status"] and m["claims"] == []


def test_newest_first_timeline(store: Store) -> None:
    for i, day in enumerate(("2025-08-01", "2025-09-01", "2025-10-01")):
        store.add(summit_article(f"t{i}", day, "occurred", day, ["Donald Trump", "Vladimir Putin"],
                                 MEET + f" این دیدار {i + 1} ساعت طول کشید.", "دیدار"))
    assert [m["date"] for m in store.timeline(limit=1, newest=True)] == ["2025-10-01"]
    assert [m["date"] for m in store.timeline(limit=1, offset=1, newest=True)] == ["2025-09-01"]
    assert [m["date"] for m in store.timeline(limit=1)] == ["2025-08-01"]


def test_a_missing_store_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rasad.errors import StoreError

    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "typo.db", must_exist=True)
    assert not (tmp_path / "typo.db").exists()

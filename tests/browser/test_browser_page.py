"""The web page in real headless Chromium: timeline, event reports, search, article, entity, escaping."""

from __future__ import annotations

import json
import urllib.request

import pytest
from api_samples import XSS

pytestmark = pytest.mark.browser


def _api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=10) as r:
        return json.loads(r.read())


def _open(page, hash_route: str, view: str) -> None:
    page.goto(f"{page.base}/{hash_route}")
    page.wait_for_selector(f"body[data-ready='{view}']", timeout=10_000)


def _shot(page, path) -> None:
    """Screenshot of what a reader sees first (full pages of long views are slow to encode)."""
    page.screenshot(path=str(path))


def _json_twin(page) -> str:
    return page.get_attribute("#json-link", "href") or ""


def test_timeline_is_rtl_persian_and_shows_all_merged_events(page, server, shots):
    _open(page, "#/timeline", "timeline")
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "fa"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px Vazirmatn')")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Vazirmatn') && f.status === 'loaded')")
    expected = _api(server, "/api/timeline")["items"]
    items = page.locator("#timeline > li.tl-item")
    assert items.count() == len(expected) >= 3
    classes = " ".join(items.nth(i).get_attribute("class") or "" for i in range(items.count()))
    assert "st-occurred" in classes and "st-denied" in classes
    # denied events are struck through
    denied_title = page.locator(".st-denied .tl-title").first
    assert "line-through" in denied_title.evaluate("e => getComputedStyle(e).textDecorationLine")
    style = "(e, p) => getComputedStyle(e)[p]"
    card = {s: page.locator(f".st-{s} .tl-card").first for s in ("occurred", "planned", "proposed", "cancelled", "ongoing")}
    assert card["proposed"].evaluate(style, "borderTopStyle") == "dashed"
    assert card["occurred"].evaluate(style, "borderTopStyle") == "solid"
    assert card["planned"].evaluate(style, "backgroundColor") == "rgba(0, 0, 0, 0)"  # outlined only
    assert card["ongoing"].evaluate(style, "animationName") == "pulse"
    grey = card["cancelled"].evaluate(style, "color")
    assert grey == "rgb(138, 144, 153)"
    assert page.locator(".status.s-denied").first.evaluate(style, "color") == "rgb(192, 38, 45)"
    assert _json_twin(page).startswith("/api/timeline")
    _shot(page, shots / "timeline.png")


def test_event_opens_reports_with_evidence_highlighted(page, server, shots):
    _open(page, "#/timeline?type=CONSULT&status=occurred", "timeline")
    merged = _api(server, "/api/timeline?type=CONSULT&status=occurred")["items"]
    target = next(e for e in merged if e["sources"] >= 2)
    card = page.locator(f"li.tl-item[data-id='{target['id']}'] .tl-card")
    card.click()
    marks = page.locator(f"li.tl-item[data-id='{target['id']}'] .report mark.ev")
    marks.first.wait_for(timeout=10_000)
    detail = _api(server, f"/api/timeline/{target['id']}")
    assert marks.count() == len(detail["reports_detail"]) >= target["sources"]
    assert len({r["article_id"] for r in detail["reports_detail"]}) == target["sources"]
    assert sorted(marks.all_text_contents()) == sorted(r["evidence"] for r in detail["reports_detail"])
    bg = marks.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    _shot(page, shots / "event-reports.png")
    # the event's own page shows the same reports
    _open(page, f"#/event/{target['id']}", "event")
    assert page.locator(".report mark.ev").count() == len(detail["reports_detail"])
    assert _json_twin(page) == f"/api/timeline/{target['id']}"


@pytest.mark.parametrize("word", ["گفتوگو", "میشود"])
def test_search_without_zwnj_finds_articles(page, server, shots, word):
    _open(page, "#/timeline", "timeline")
    page.fill("#search-input", word)
    page.press("#search-input", "Enter")
    page.wait_for_selector("body[data-ready='search']")
    hits = page.locator("#results li.hit")
    api_hits = _api(server, "/api/search?q=" + urllib.request.quote(word))["items"]
    assert hits.count() == len(api_hits) >= 1
    assert page.locator("#results li.hit a").first.inner_text() == (api_hits[0]["title"] or api_hits[0]["doc"])
    _shot(page, shots / f"search-{len(word)}.png")


def test_article_view_highlights_spans(page, server, browser_db, shots):
    aid = browser_db[1]["api-meeting"]
    _open(page, f"#/article/{aid}", "article")
    art = _api(server, f"/api/articles/{aid}")
    doc = page.locator("#article-text .doc")
    assert doc.inner_text().replace("\n", "") == art["text"].replace("\n", "")
    assert page.locator("#article-text .ent").count() >= sum(len(e["mentions"]) for e in art["entities"])
    tx = page.locator("#article-text .tx").first
    assert tx.inner_text() == art["timexes"][0]["text"]
    title = tx.get_attribute("title") or ""
    assert "2025-10-20" in title and "۱۴۰۴" in title and "مهر" in title
    assert page.locator("#article-text .qt").count() >= 1
    assert page.locator("#article-text mark.ev").count() >= 1
    assert "Abbas Araghchi" in (page.locator("#article-text .ent").first.get_attribute("title") or "")
    _shot(page, shots / "article-sample.png")
    # clicking a name opens the entity page
    page.locator("#article-text .ent").first.click()
    page.wait_for_selector("body[data-ready='entity']")
    assert "عباس عراقچی" in page.locator("h1").inner_text()
    assert page.locator(".ctx .ent").count() >= 1
    assert _json_twin(page).startswith("/api/entities/")
    _shot(page, shots / "entity.png")


def test_seed_article_renders_its_text_and_spans(page, server, browser_db, shots):
    seeds = [k for k in browser_db[1] if not k.startswith("api-")]
    aid = browser_db[1][seeds[0]]
    _open(page, f"#/article/{aid}", "article")
    art = _api(server, f"/api/articles/{aid}")
    assert page.locator("#article-text .doc").inner_text().replace("\n", "") == art["text"].replace("\n", "")
    n_spans = sum(len(e["mentions"]) for e in art["entities"]) + len(art["timexes"]) + len(art["events"])
    if n_spans:
        assert page.locator("#article-text .hl").count() >= 1
    _shot(page, shots / "article-seed.png")


def test_script_in_an_article_stays_text(page, browser_db, shots):
    aid = browser_db[1]["api-xss"]
    _open(page, f"#/article/{aid}", "article")
    assert page.evaluate("window.__xss") is None
    assert XSS in page.locator("#article-text").inner_text()
    assert XSS in page.locator("h1").inner_text()
    assert page.locator("#view script, #view img").count() == 0
    assert page.locator("#view a[href^='javascript']").count() == 0
    _open(page, "#/entities", "entities")
    _open(page, "#/articles", "articles")
    assert page.evaluate("window.__xss") is None
    _shot(page, shots / "xss.png")


def test_quotes_entities_articles_views(page, server, shots):
    for route, view, api in (("#/quotes", "quotes", "/api/quotes"), ("#/entities", "entities", "/api/entities"),
                             ("#/articles", "articles", "/api/articles")):
        _open(page, route, view)
        assert page.locator("#view ul.list > li").count() == len(_api(server, api)["items"][:50])
        assert _json_twin(page).startswith(api)
        _shot(page, shots / f"{view}.png")


def test_bad_search_shows_message_not_crash(page):
    page.goto(f"{page.base}/#/search?q=%22")
    page.wait_for_selector("body[data-ready='search']")
    assert "خطا" in page.locator(".error").inner_text()

"""The whole picture in real headless Chromium: time axis (pick a range → list filtered), facets,
paging, who-met-whom network, map; and the right-to-left / trust fixes (ids, quotes, roles, layers)."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def _api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=10) as r:
        return json.loads(r.read())


def _open(page, hash_route: str, view: str) -> None:
    page.goto(f"{page.base}/{hash_route}")
    page.wait_for_selector(f"body[data-ready='{view}']", timeout=10_000)


def _hash_params(page) -> dict[str, str]:
    h = page.evaluate("location.hash")
    return dict(urllib.parse.parse_qsl(h.split("?", 1)[1])) if "?" in h else {}


def test_time_axis_draws_weeks_and_a_dragged_range_filters_the_list(page, server, shots):
    _open(page, "#/timeline", "timeline")
    weeks = _api(server, "/api/overview/weeks")["weeks"]
    bars = page.locator("#time-axis g.week")
    assert bars.count() >= len(weeks) >= 2
    drawn = {bars.nth(i).get_attribute("data-week"): int(bars.nth(i).get_attribute("data-n") or 0) for i in range(bars.count())}
    assert all(drawn[w["week"]] == w["n"] for w in weeks)
    # oldest week on the right (RTL): the first week's bar lies right of the last one's
    first = page.locator(f"#time-axis g.week[data-week='{weeks[0]['week']}'] rect.hit").bounding_box()
    last = page.locator(f"#time-axis g.week[data-week='{weeks[-1]['week']}'] rect.hit").bounding_box()
    assert first["x"] > last["x"]
    page.screenshot(path=str(shots / "overview-timeline.png"))
    # drag over the week of the Muscat meeting only
    hit = page.locator("#time-axis g.week[data-week='2025-10-18'] rect.hit").bounding_box()
    y = hit["y"] + hit["height"] / 2
    page.mouse.move(hit["x"] + hit["width"] * 0.7, y)
    page.mouse.down()
    page.mouse.move(hit["x"] + hit["width"] * 0.3, y, steps=3)
    page.mouse.up()
    page.wait_for_function("location.hash.includes('since=')")
    page.wait_for_selector("body[data-ready='timeline']")
    params = _hash_params(page)
    assert params["since"] == "2025-10-18" and params["until"] == "2025-10-24"
    expected = _api(server, "/api/timeline?since=2025-10-18&until=2025-10-24")["items"]
    items = page.locator("#timeline > li.tl-item")
    assert items.count() == len(expected) >= 1
    assert {items.nth(i).get_attribute("data-id") for i in range(items.count())} == {str(e["id"]) for e in expected}
    assert page.locator("#time-axis g.week.picked").count() == 1
    page.screenshot(path=str(shots / "overview-timeline-range.png"))
    page.click("#axis-clear")
    page.wait_for_function("!location.hash.includes('since=')")


def test_facets_count_and_filter_the_list(page, server, shots):
    _open(page, "#/timeline", "timeline")
    facets = _api(server, "/api/overview/facets")
    assert page.locator("#facets .facet-total").inner_text().startswith(
        page.evaluate(f"({facets['total']}).toLocaleString('fa-IR')"))
    for key in ("type", "status", "actor"):
        assert page.locator(f"#facets a[data-facet='{key}']").count() == len(facets[key])
    assert page.locator("#facets a[data-facet='outlet']").count() >= 1
    page.click("#facets a[data-facet='type'][data-value='AGREE']")
    page.wait_for_function("location.hash.includes('type=AGREE')")
    page.wait_for_selector("body[data-ready='timeline']")
    expected = _api(server, "/api/timeline?type=AGREE")["items"]
    assert page.locator("#timeline > li.tl-item").count() == len(expected) >= 1
    assert page.locator("#facets li.active a[data-value='AGREE']").count() == 1
    page.screenshot(path=str(shots / "overview-facets.png"))


def test_network_draws_weighted_edges_between_actors(page, server, shots):
    _open(page, "#/network", "network")
    net = _api(server, "/api/overview/network")
    assert page.locator("#network g.node").count() == len(net["nodes"]) >= 3
    assert page.locator("#network line.edge").count() == len(net["edges"]) >= 2
    # nodes are spread out, inside the picture
    boxes = [page.locator("#network g.node circle").nth(i).bounding_box() for i in range(len(net["nodes"]))]
    centers = {(round(b["x"]), round(b["y"])) for b in boxes}
    assert len(centers) == len(boxes)
    assert "عباس عراقچی" in page.locator("#network").text_content()
    page.screenshot(path=str(shots / "overview-network.png"), full_page=True)
    page.click("#network g.node[data-id='rasad:abbas-araghchi']")
    page.wait_for_selector("body[data-ready='entity']")
    assert "عباس عراقچی" in page.locator("h1").inner_text()


def test_map_places_points_on_country_outlines(page, server, shots):
    _open(page, "#/map", "map")
    data = _api(server, "/api/overview/map")
    assert page.locator("#map g.point").count() == len(data["points"]) >= 2
    assert page.locator("#map path.country").count() > 100  # Natural Earth countries, vendored
    muscat = page.locator("#map g.point[data-location='Muscat'] circle").bounding_box()
    damascus = page.locator("#map g.point[data-location='Damascus'] circle").bounding_box()
    assert muscat["x"] > damascus["x"] and muscat["y"] > damascus["y"]  # east and south of Damascus
    page.screenshot(path=str(shots / "overview-map.png"), full_page=True)


def test_rtl_and_trust_fixes(page, server, browser_db, shots):
    # an API error message reads left-to-right inside the Persian box
    _open(page, "#/timeline?since=2025-13-45", "timeline")
    box = page.locator("#view .error")
    assert box.get_attribute("dir") == "rtl" and box.locator("bdi.error-msg").count() == 1
    # the footer's pieces are isolated
    assert page.locator("#foot bdi[dir='ltr'] #json-link").count() == 1
    # indirect quotes carry no «», direct ones do; anonymous ids read as a role
    _open(page, "#/quotes", "quotes")
    assert page.locator("#view").inner_text().count("anonymous:") == 0
    direct = page.locator(".quote-text[data-kind='direct']").first
    assert direct.evaluate("e => getComputedStyle(e, '::before').content") == '"«"'
    indirect = page.locator(".quote-text.indirect")
    if indirect.count():
        assert indirect.first.evaluate("e => getComputedStyle(e, '::before').content") in ("none", "normal")
    # locations in Persian where the entity has a Persian label
    _open(page, "#/timeline", "timeline")
    places = [p for p in _api(server, "/api/overview/map")["points"] if p["label_fa"]]
    assert places
    texts = page.locator("#timeline .place").all_inner_texts()
    for p in places:
        assert any(p["label_fa"] in t and p["location"] in t for t in texts)
    # article view: switch layers off and on
    aid = browser_db[1]["api-meeting"]
    _open(page, f"#/article/{aid}", "article")
    assert page.locator("#article-text .ent").count() >= 1
    page.uncheck("#layers input[name='ent']")
    assert page.locator("#article-text .ent").count() == 0
    assert page.locator("#article-text .tx").count() >= 1
    page.uncheck("#layers input[name='tx']")
    page.uncheck("#layers input[name='ev']")
    assert page.locator("#article-text .tx, #article-text mark.ev").count() == 0
    page.screenshot(path=str(shots / "overview-layers.png"))
    page.check("#layers input[name='ent']")
    assert page.locator("#article-text .ent").count() >= 1


def test_timeline_pages_with_totals(page, server, shots):
    total = _api(server, "/api/overview/facets")["total"]
    assert total > 20
    _open(page, "#/timeline?limit=20", "timeline")
    first = [page.locator("#timeline > li.tl-item").nth(i).get_attribute("data-id") for i in range(20)]
    assert page.locator("#timeline > li.tl-item").count() == 20
    assert page.evaluate(f"({total}).toLocaleString('fa-IR')") in page.locator("#tl-count").inner_text()
    page.click("nav.pager a:has-text('بعدی')")
    page.wait_for_function("location.hash.includes('offset=20')")
    page.wait_for_selector("body[data-ready='timeline']")
    expected = _api(server, "/api/timeline?limit=20&offset=20")["items"]
    shown = [page.locator("#timeline > li.tl-item").nth(i).get_attribute("data-id") for i in range(len(expected))]
    assert shown == [str(e["id"]) for e in expected] and not set(shown) & set(first)

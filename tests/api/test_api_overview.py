"""The whole-picture endpoints over the hand-written sample store: weeks, facets, network, map."""

from __future__ import annotations


def test_weeks_count_merged_events_by_type_and_status(client):
    r = client.get("/api/overview/weeks")
    assert r.status_code == 200
    data = r.json()
    assert data["week_starts"] == "saturday"
    weeks = {w["week"]: w for w in data["weeks"]}
    # the Muscat meeting (Monday 2025-10-20) falls in the week from Saturday 2025-10-18
    assert weeks["2025-10-18"]["types"]["CONSULT"] >= 1
    assert weeks["2025-10-18"]["statuses"]["occurred"] >= 1
    for w in data["weeks"]:
        assert sum(w["types"].values()) == sum(w["statuses"].values()) == w["n"]
    timeline = client.get("/api/timeline?limit=999").json()["items"]
    dated = [e for e in timeline if e.get("when")]
    assert sum(w["n"] for w in data["weeks"]) == len(dated)
    assert sum(w["n"] for w in data["weeks"]) + data["undated"] == len(timeline)


def test_weeks_follow_the_timeline_filters(client):
    # a month-level date (the proposed Qatar–Kuwait meeting, 2025-12) counts in the week of its first day
    proposed = client.get("/api/overview/weeks?status=proposed").json()
    assert [w["week"] for w in proposed["weeks"]] == ["2025-11-29"] and proposed["undated"] == 0
    data = client.get("/api/overview/weeks?type=AGREE").json()
    assert [w["types"] for w in data["weeks"]] == [{"AGREE": 1}]
    assert data["weeks"][0]["week"] == "2025-11-08"
    assert client.get("/api/overview/weeks?since=2025-11-01").json()["weeks"][0]["week"] >= "2025-10-25"
    assert client.get("/api/overview/weeks?status=bogus").status_code == 400


def test_facets_count_what_the_timeline_lists(client):
    f = client.get("/api/overview/facets").json()
    total = len(client.get("/api/timeline?limit=999").json()["items"])
    assert f["total"] == total
    assert sum(x["n"] for x in f["type"]) == total == sum(x["n"] for x in f["status"])
    types = {x["value"]: x["n"] for x in f["type"]}
    assert types["CONSULT"] > types["AGREE"] == 1
    actors = {x["value"]: x for x in f["actor"]}
    assert actors["rasad:abbas-araghchi"]["label_fa"] == "عباس عراقچی"
    assert actors["rasad:abbas-araghchi"]["n"] == len(client.get("/api/timeline?actor=Abbas Araghchi").json()["items"])
    outlets = {x["value"]: x["n"] for x in f["outlet"]}
    assert outlets["خبرگزاری نمونه"] >= 2 and outlets["روزنامه آزمایشی"] >= 1
    g = client.get("/api/overview/facets?status=planned").json()
    assert g["total"] == 1 and g["type"] == [{"value": "AGREE", "n": 1}]


def test_network_links_actors_that_met_or_agreed(client):
    net = client.get("/api/overview/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"rasad:abbas-araghchi", "rasad:badr-albusaidi", "Q794", "Q842"} <= ids
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    meet = edges[("rasad:abbas-araghchi", "rasad:badr-albusaidi")]
    assert meet["weight"] >= 1 and set(meet["types"]) == {"CONSULT"}
    assert edges[("Q794", "Q842")]["types"] == {"AGREE": 1}
    # THREATEN is no meeting: its actor is no node
    assert "Islamic Republic of Iran Navy" not in ids
    only_agree = client.get("/api/overview/network?types=AGREE").json()
    assert [(e["source"], e["target"]) for e in only_agree["edges"]] == [("Q794", "Q842")]
    assert client.get("/api/overview/network?since=2026-01-01").json()["edges"] == []
    assert client.get("/api/overview/network?types=bad;drop").status_code == 400


def test_map_places_events_with_geonames_coordinates(client):
    m = client.get("/api/overview/map").json()
    pts = {p["location"]: p for p in m["points"]}
    muscat = pts["Muscat"]
    assert 23 < muscat["lat"] < 24 and 58 < muscat["lon"] < 59
    assert muscat["types"]["CONSULT"] >= 1
    assert 33 < pts["Damascus"]["lat"] < 34
    assert "GeoNames" in m["source"]
    assert client.get("/api/overview/map?type=AGREE").json()["points"] == []


def test_places_give_persian_labels_of_locations(client):
    places = {p["location"]: p["label_fa"] for p in client.get("/api/overview/places").json()["places"]}
    assert {"Muscat", "Tehran", "Damascus"} <= set(places)
    assert client.get("/api/overview/places?type=AGREE").json()["places"] == []


def test_page_scripts_are_local_and_parse_no_html(client):
    page = client.get("/").text
    for src in ("/static/vendor/topojson-client/topojson-client.min.js", "/static/overview.js", "/static/app.js"):
        assert f'src="{src}"' in page
        assert client.get(src).status_code == 200
    js = client.get("/static/overview.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js
    world = client.get("/static/vendor/world-atlas/countries-110m.json").json()
    assert world["type"] == "Topology" and len(world["objects"]["countries"]["geometries"]) > 150
    assert "ISC" in client.get("/static/vendor/README.md").text

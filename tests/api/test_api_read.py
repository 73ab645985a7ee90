"""The read endpoints over a store of hand-written articles: paging, filters, spans, 404 and 400."""

from __future__ import annotations

import pytest
from api_samples import LOCAL, XSS, XSS_IMG


def _items(client, url: str) -> list[dict]:
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()["items"]


# --- articles -----------------------------------------------------------------------------
def test_articles_paging_covers_everything_once(client, ids):
    seen: list[int] = []
    url = "/api/articles?limit=10"
    offset = 0
    while True:
        body = client.get(f"{url}&offset={offset}").json()
        assert body["limit"] == 10 and body["offset"] == offset
        seen += [a["id"] for a in body["items"]]
        if body["next_offset"] is None:
            break
        assert len(body["items"]) == 10
        offset = body["next_offset"]
    assert sorted(seen) == sorted(ids.values())
    assert len(seen) == len(set(seen))


def test_articles_newest_first_with_jalali(client):
    items = _items(client, "/api/articles?limit=3")
    dates = [a["published"] for a in items]
    assert dates == sorted(dates, reverse=True)
    first = items[0]
    assert first["published"] == "2025-10-28" and first["published_jalali"] == "۶ آبان ۱۴۰۴"


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "offset=-1", "limit=abc", "since=yesterday", "until=2025-1"])
def test_articles_bad_paging_or_dates_are_400_with_message(client, query):
    r = client.get(f"/api/articles?{query}")
    assert r.status_code == 400
    body = r.json()
    assert body["status"] == 400 and body["message"]


def test_articles_filters(client):
    bulletin = _items(client, "/api/articles?source=بولتن بازار&limit=200")
    assert len(bulletin) == 25 and {a["source"] for a in bulletin} == {"بولتن بازار"}
    october = _items(client, "/api/articles?since=2025-10-01&until=2025-10-22&limit=200")
    assert {a["doc"] for a in october} == {"api-meeting", "api-followup"}
    month = _items(client, "/api/articles?since=2025-10&limit=200")
    assert len(month) == 5


def test_article_spans_point_into_text(client, ids):
    a = client.get(f"/api/articles/{ids['api-meeting']}").json()
    text = a["text"]
    assert "raw" not in a and "result" not in a
    names = {e["name"] for e in a["entities"]}
    assert {"Abbas Araghchi", "Iran", "Badr Albusaidi", "Oman"} <= names
    for e in a["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    (tx,) = a["timexes"]
    assert text[tx["start"] : tx["end"]] == tx["text"] == "روز دوشنبه ۲۸ مهر"
    assert tx["value"] == "2025-10-20" and tx["value_jalali"] == "۲۸ مهر ۱۴۰۴"
    (q,) = a["quotes"]
    assert text[q["start"] : q["end"]] == q["text"]
    (ev,) = a["events"]
    assert text[ev["start"] : ev["end"]] == ev["evidence"]
    assert ev["merged_id"] is not None


def test_article_full_has_raw(client, ids):
    a = client.get(f"/api/articles/{ids['api-meeting']}?full=true").json()
    assert a["raw"].startswith("عباس عراقچی") and isinstance(a["result"], dict)


@pytest.mark.parametrize("path", ["/api/articles/99999", "/api/entities/Q0", "/api/timeline/99999", "/api/nothing"])
def test_unknown_ids_are_404_json(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["message"]


def test_non_numeric_article_id_is_400(client):
    assert client.get("/api/articles/abc").status_code == 400


# --- events and timeline ------------------------------------------------------------------
def test_events_filters(client):
    consult = _items(client, "/api/events?type=CONSULT")
    assert len(consult) == 6 and {e["type"] for e in consult} == {"CONSULT"}
    denied = _items(client, "/api/events?status=denied")
    assert [e["location"] for e in denied] == ["Tehran"]
    by_name = _items(client, "/api/events?actor=Abbas Araghchi")
    by_fa = _items(client, "/api/events?actor=عباس عراقچی")
    assert len(by_name) == 2 and [e["id"] for e in by_fa] == [e["id"] for e in by_name]
    late = _items(client, "/api/events?since=2025-10-25&until=2025-10-27")
    assert [e["type"] for e in late] == ["THREATEN"]
    planned = _items(client, "/api/events?status=planned")
    assert [(e["type"], e["date"]) for e in planned] == [("AGREE", "2025-11-10")]
    assert _items(client, "/api/events?type=CONSULT&until=2025-10-19") == []


def test_events_bad_status_is_400(client):
    r = client.get("/api/events?status=happened")
    assert r.status_code == 400 and "status" in r.json()["message"]


def test_timeline_merges_reports_across_articles(client, ids):
    items = _items(client, "/api/timeline")
    assert len(items) == 7
    assert {e["status"] for e in items} == {"occurred", "denied", "planned", "proposed", "cancelled", "ongoing"}
    dated = [e["date"] for e in items if e["date"]]
    assert dated == sorted(dated)
    meeting = next(e for e in items if e["type"] == "CONSULT" and e["status"] == "occurred")
    assert meeting["sources"] == 2
    assert sorted(meeting["reports"]) == sorted([ids["api-meeting"], ids["api-followup"]])
    assert meeting["date_gregorian"] == "2025-10-20" and meeting["date_jalali_fa"] == "۲۸ مهر ۱۴۰۴"
    assert meeting["actors_fa"] == ["عباس عراقچی", "بدر البوسعیدی"]
    assert [h["status"] for h in meeting["history"]] == ["occurred"] and meeting["history_count"] == 2


def test_timeline_filters(client):
    assert [e["status"] for e in _items(client, "/api/timeline?status=denied")] == ["denied"]
    assert [e["type"] for e in _items(client, "/api/timeline?type=THREATEN")] == ["THREATEN"]
    assert len(_items(client, "/api/timeline?actor=Badr Albusaidi")) == 2
    assert [e["date"] for e in _items(client, "/api/timeline?since=2025-11-01")] == ["2025-11-10", "2025-12"]
    assert _items(client, "/api/timeline?since=2026-01-01") == []
    proposed = _items(client, "/api/timeline?status=proposed")[0]
    assert proposed["date_jalali_fa"] == "آذر–دی ۱۴۰۴"
    one = client.get("/api/timeline?limit=1").json()
    assert len(one["items"]) == 1 and one["next_offset"] == 1


def test_timeline_event_has_its_reports_with_evidence(client, ids):
    meeting = next(e for e in _items(client, "/api/timeline?type=CONSULT&status=occurred"))
    full = client.get(f"/api/timeline/{meeting['id']}").json()
    reports = full["reports_detail"]
    assert {r["doc"] for r in reports} == {"api-meeting", "api-followup"}
    for r in reports:
        s = r["sentence"]
        assert s["text"][s["evidence_start"] : s["evidence_end"]] == r["evidence"]
        assert s["end"] - s["start"] == len(s["text"])
    assert "\n" not in reports[0]["sentence"]["text"].strip()


# --- entities and quotes ------------------------------------------------------------------
def test_entities_list_and_filters(client):
    items = _items(client, "/api/entities")
    counts = [e["mentions"] for e in items]
    assert counts == sorted(counts, reverse=True)
    assert {e["type"] for e in _items(client, "/api/entities?type=PER")} == {"PER"}
    assert [e["id"] for e in _items(client, "/api/entities?q=عراقچی")] == ["rasad:abbas-araghchi"]
    assert client.get("/api/entities?type=person").status_code == 400


def test_entity_page_data(client):
    e = client.get("/api/entities/rasad:abbas-araghchi").json()
    assert e["label_fa"] == "عباس عراقچی" and e["mention_count"] == 3
    assert len(e["mentions"]) == 3
    for m in e["mentions"]:
        ctx = m["context"]
        assert ctx["text"][ctx["start"] : ctx["end"]] == m["text"]
    assert [q["text"] for q in e["quotes"]] == ["گفت‌وگوها سازنده بود و ادامه پیدا می‌کند."]
    assert [ev["type"] for ev in e["events"]] == ["CONSULT"]
    assert client.get("/api/entities/rasad:abbas-araghchi?mentions=1").json()["mentions"][0]["context"]


def test_quotes_filters(client):
    assert len(_items(client, "/api/quotes")) == 2
    by_en = _items(client, "/api/quotes?speaker=Araghchi")
    by_fa = _items(client, "/api/quotes?speaker=عراقچی")
    assert len(by_en) == 1 and by_en == by_fa
    assert [q["speaker_fa"] for q in _items(client, "/api/quotes?since=2025-10-25")] == ["فرمانده نیروی دریایی"]
    assert _items(client, "/api/quotes?until=2025-10-01") == []


# --- search -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "doc"),
    [("میشود", "api-warning"), ("گفتوگو", "api-meeting"), ("گفت‌وگو", "api-meeting"), ("رایزنیها", "api-meeting")],
)
def test_search_ignores_zwnj(client, query, doc):
    hits = _items(client, f"/api/search?q={query}")
    assert doc in {h["doc"] for h in hits}


def test_search_snippet_parts_rebuild_the_snippet(client):
    hits = _items(client, "/api/search?q=میشود")
    for h in hits:
        parts = h["snippet_parts"]
        assert parts and all(isinstance(t, str) for t, _ in parts)
        assert "".join(t for t, _ in parts).replace("…", "")
    warn = next(h for h in hits if h["doc"] == "api-warning")
    assert ["می‌شود", True] in warn["snippet_parts"]


def test_search_paging(client):
    page = client.get("/api/search?q=بازار&limit=10").json()
    assert len(page["items"]) == 10 and page["next_offset"] == 10
    rest = client.get("/api/search?q=بازار&limit=10&offset=20").json()
    assert len(rest["items"]) == 5 and rest["next_offset"] is None


@pytest.mark.parametrize("query", ['"نیمه', "-بازار", "%22%22", " "])
def test_search_bad_syntax_is_400_not_500(client, query):
    r = client.get(f"/api/search?q={query}")
    assert r.status_code == 400
    assert r.json()["message"]


def test_search_missing_q_is_400(client):
    assert client.get("/api/search").status_code == 400


# --- stats, schema, page ------------------------------------------------------------------
def test_stats(client, ids):
    s = client.get("/api/stats").json()
    assert s["articles"] == len(ids)
    assert s["merged_events"] == 7 and s["events"] == 8 and s["quotes"] == 2


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/timeline",
              "/api/timeline/{event_id}", "/api/entities", "/api/entities/{entity_id}", "/api/quotes",
              "/api/search", "/api/stats"):
        assert p in paths, p
    post = paths["/api/articles"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "text/plain"}
    assert {"limit", "offset", "type", "actor", "status", "since", "until"} <= {
        p["name"] for p in paths["/api/timeline"]["get"]["parameters"]
    }


# --- escaping -----------------------------------------------------------------------------
def test_xss_article_is_data_in_json(client, ids):
    r = client.get(f"/api/articles/{ids['api-xss']}")
    assert r.headers["content-type"].startswith("application/json")
    a = r.json()
    assert XSS in a["text"] and a["title"] == f"عنوان {XSS}"
    (e,) = a["entities"]
    assert e["name"] == XSS_IMG and e["label_fa"] == XSS


def test_page_never_renders_data_as_html(client):
    js = client.get("/static/app.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js, sink
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert XSS not in page.text


def test_status_history_shows_a_later_cancellation(tmp_path):
    """A summit first reported as planned, then as cancelled: one merged event, both statuses kept."""
    from api_samples import Draft
    from fastapi.testclient import TestClient

    from rasad.api import create_app
    from rasad.store import Store

    planned = (
        Draft("plan-1", "وزیران خارجه دو کشور قرار است هفته آینده در ژنو دیدار کنند.", "2025-11-01")
        .event("CONSULT", ["Minister A", "Minister B"], [], "planned", "قرار است هفته آینده در ژنو دیدار کنند",
               "2025-11-08", "Geneva")
        .done()
    )
    cancelled = (
        Draft("plan-2", "دیدار وزیران خارجه دو کشور در ژنو به دلیل اختلاف‌ها لغو شد.", "2025-11-06")
        .event("CONSULT", ["Minister A", "Minister B"], [], "cancelled", "دیدار وزیران خارجه دو کشور در ژنو",
               "2025-11-08", "Geneva")
        .done()
    )
    db = tmp_path / "history.db"
    with Store.open(db) as st:
        st.add(planned)
        st.add(cancelled)
    with TestClient(create_app(db), base_url=LOCAL) as c:
        (ev,) = c.get("/api/timeline").json()["items"]
        assert ev["status"] == "cancelled"
        assert [h["status"] for h in ev["history"]] == ["planned", "cancelled"]
        full = c.get(f"/api/timeline/{ev['id']}").json()
        assert [r["status"] for r in full["reports_detail"]] == ["planned", "cancelled"]

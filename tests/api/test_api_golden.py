"""The five real seed articles through POST /api/articles and back out through every endpoint.

Reads ../shared at run time (skips without it); asserts the API's own guarantees (status
codes, offsets inside the text, JSON twins of every page), not the stages' accuracy.
"""

from __future__ import annotations

import warnings

import pytest
from api_samples import LOCAL

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.golden


@pytest.fixture(scope="module")
def seeded(shared_dir, tmp_path_factory, pipeline):
    from rasad.api import create_app

    db = tmp_path_factory.mktemp("golden") / "seeds.db"
    with TestClient(create_app(db, pipeline=pipeline), base_url=LOCAL) as c:
        ids = {}
        for path in sorted((shared_dir / "seeds").glob("*.txt")):
            r = c.post("/api/articles", content=path.read_bytes(), headers={"content-type": "text/plain"})
            assert r.status_code == 201, (path.name, r.text)
            ids[path.stem] = r.json()["id"]
        yield c, ids


def test_every_seed_is_stored_once(seeded, shared_dir):
    c, ids = seeded
    assert len(ids) == len(list((shared_dir / "seeds").glob("*.txt"))) == len(set(ids.values()))
    again = c.post("/api/articles", content=(shared_dir / "seeds" / f"{next(iter(ids))}.txt").read_bytes(),
                   headers={"content-type": "text/plain; charset=utf-8"})
    assert again.status_code == 200 and again.json()["added"] is False
    assert c.get("/api/stats").json()["articles"] == len(ids)


def test_seed_spans_are_inside_the_text(seeded):
    c, ids = seeded
    for aid in ids.values():
        a = c.get(f"/api/articles/{aid}").json()
        text = a["text"]
        assert text.strip()
        assert a["published"] and a["published_jalali"]
        for t in a["timexes"]:
            assert text[t["start"] : t["end"]] == t["text"]
        for e in a["entities"]:
            for m in e["mentions"]:
                assert 0 <= m["start"] < m["end"] <= len(text)
        for span in a["quotes"] + a["events"]:
            assert 0 <= span["start"] <= span["end"] <= len(text)


def test_seed_pages_json_twins_answer(seeded):
    c, ids = seeded
    for url in ("/api/timeline", "/api/events", "/api/entities", "/api/quotes", "/api/articles"):
        r = c.get(url)
        assert r.status_code == 200, url
    for ev in c.get("/api/timeline").json()["items"][:10]:
        full = c.get(f"/api/timeline/{ev['id']}").json()
        for rep in full["reports_detail"]:
            s = rep["sentence"]
            assert 0 <= s["evidence_start"] <= s["evidence_end"] <= len(s["text"])
    for ent in c.get("/api/entities?limit=5").json()["items"]:
        assert c.get(f"/api/entities/{ent['id']}").status_code == 200


def test_seed_search_common_news_verb(seeded):
    c, ids = seeded
    hits = c.get("/api/search?q=گفت").json()["items"]
    assert {h["id"] for h in hits} <= set(ids.values()) and hits

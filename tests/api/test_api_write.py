"""POST /api/articles: JSON or raw text in, analyzed article stored; bad input → 400; too big → 413."""

from __future__ import annotations

import json

import pytest
from api_samples import LOCAL

NEWS = (
    "سخنگوی دولت روز سه‌شنبه در نشست خبری گفت که لایحه بودجه سال آینده هفته بعد به مجلس ارائه می‌شود.\n"
    "او افزود: «کسری بودجه با صرفه‌جویی در هزینه‌های جاری جبران خواهد شد.»"
)


def test_post_json_then_get_and_search(fresh_client):
    body = {"text": NEWS, "title": "لایحه بودجه هفته آینده به مجلس می‌رود", "published": "2025-11-04",
            "url": "https://example.org/n/1", "source": "خبرگزاری نمونه"}
    r = fresh_client.post("/api/articles", json=body)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["added"] is True and out["href"] == f"/api/articles/{out['id']}"
    a = fresh_client.get(out["href"]).json()
    assert a["title"] == body["title"] and a["source"] == body["source"] and a["url"] == body["url"]
    assert a["published"] == "2025-11-04"
    assert "لایحه بودجه" in a["text"]
    hits = fresh_client.get("/api/search?q=میشود").json()["items"]
    assert [h["id"] for h in hits] == [out["id"]]
    assert fresh_client.get("/api/stats").json()["articles"] == 1


def test_post_same_text_twice_adds_nothing(fresh_client):
    first = fresh_client.post("/api/articles", json={"text": NEWS})
    again = fresh_client.post("/api/articles", json={"text": NEWS, "title": "دوباره"})
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["added"] is False and again.json()["id"] == first.json()["id"]
    assert fresh_client.get("/api/stats").json()["articles"] == 1


def test_post_raw_text_and_jalali_published(fresh_client):
    r = fresh_client.post("/api/articles", content=NEWS.encode("utf-8"), headers={"content-type": "text/plain"})
    assert r.status_code == 201
    assert r.json()["doc"].startswith("api-")
    r2 = fresh_client.post("/api/articles", json={"text": NEWS + " ", "published": "1404/08/13"})
    # same text after stripping → already stored
    assert r2.status_code == 200
    r3 = fresh_client.post("/api/articles", json={"text": "خبر دیگر: " + NEWS, "published": "1404/08/13"})
    assert r3.status_code == 201
    assert fresh_client.get(r3.json()["href"]).json()["published"] == "2025-11-04"


def test_post_windows_1256_body(fresh_client):
    # older sites wrote Arabic yeh (U+064A), which Windows-1256 has; Persian yeh it lacks
    r = fresh_client.post("/api/articles", content="وزير نيرو گفت که سد تکميل شد.".encode("cp1256"),
                          headers={"content-type": "text/plain"})
    assert r.status_code == 201
    assert "سد" in fresh_client.get(r.json()["href"]).json()["text"]


@pytest.mark.parametrize(
    ("content", "ctype", "needle"),
    [
        (b"", "text/plain", "empty"),
        (b"   \n\t ", "text/plain", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "text/plain", "binary"),
        (b'{"text": "   "}', "application/json", "empty"),
        (b'{"text": "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006"}', "application/json", "binary"),
        (b'{"text": "abc",', "application/json", "malformed JSON"),
        (b'["not", "an", "object"]', "application/json", "object"),
        (b'{"title": "no text"}', "application/json", "no text"),
        (b'{"text": 12}', "application/json", "string"),
        (json.dumps({"text": "متن", "published": "next week"}).encode(), "application/json", "published"),
    ],
)
def test_post_bad_input_is_400_with_reason(fresh_client, content, ctype, needle):
    r = fresh_client.post("/api/articles", content=content, headers={"content-type": ctype})
    assert r.status_code == 400, r.text
    assert needle in r.json()["message"]
    assert fresh_client.get("/api/stats").json()["articles"] == 0


def test_post_too_big_is_413(fresh_client):
    big = ("خبر " * 40_000).encode("utf-8")  # > 64 KB limit of the fresh client
    r = fresh_client.post("/api/articles", content=big, headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert "too large" in r.json()["message"]


def test_post_too_big_without_content_length_is_413(fresh_client):
    def chunks():
        for _ in range(100):
            yield ("خبر " * 500).encode("utf-8")

    r = fresh_client.post("/api/articles", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert fresh_client.get("/api/stats").json()["articles"] == 0


def test_default_limit_is_2_mb(tmp_path, pipeline):
    from fastapi.testclient import TestClient

    from rasad.api import create_app

    with TestClient(create_app(tmp_path / "x.db", pipeline=pipeline), base_url=LOCAL) as c:
        r = c.post("/api/articles", content=b"a" * (2 * 1024 * 1024 + 1), headers={"content-type": "text/plain"})
        assert r.status_code == 413


def test_bad_db_path_fails_early(tmp_path):
    from rasad.api import create_app
    from rasad.errors import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "missing-folder" / "x.db")

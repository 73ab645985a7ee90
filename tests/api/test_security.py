"""The server answers only its own page: foreign sites, foreign host names, odd bodies and odd
URLs get a clear JSON refusal, never a write, a 500 or a dropped connection.

(XSS through the page is tested with a real browser in tests/browser.)
"""

from __future__ import annotations

import json
import socket
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_samples import LOCAL
from live_server import serving

from rasad.api.guard import MAX_TARGET, body_kind, host_name, normalize_hosts

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

NEWS = "وزیر نیرو روز سه‌شنبه گفت که ساخت سد تازه تا پایان سال به پایان می‌رسد."


def _articles(c: TestClient) -> int:
    n: int = c.get("/api/stats").json()["articles"]
    return n


def _refused(r, status: int, needle: str) -> None:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    body = r.json()
    assert body["status"] == status and needle in body["message"]


# --- cross-site writes and DNS rebinding ------------------------------------------------------
@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "https://127.0.0.1.evil.example"},
        {"origin": "http://127.0.0.1:9999"},  # another local site (another port) is another origin
        {"origin": "null"},  # sandboxed frames and file:// pages
        {"sec-fetch-site": "cross-site"},
    ],
)
def test_cross_site_post_is_refused_and_writes_nothing(fresh_client: TestClient, headers: dict[str, str]) -> None:
    r = fresh_client.post("/api/articles", content=NEWS.encode(), headers={"content-type": "text/plain", **headers})
    _refused(r, 403, "cross-site")
    assert _articles(fresh_client) == 0


def test_cross_site_form_post_is_refused(fresh_client: TestClient) -> None:
    """What a hidden form on another site sends: a simple request with no preflight."""
    r = fresh_client.post(
        "/api/articles", content=b"text=" + NEWS.encode(),
        headers={"content-type": "application/x-www-form-urlencoded", "origin": "http://evil.example"},
    )
    assert r.status_code == 403
    assert _articles(fresh_client) == 0


def test_same_origin_post_is_accepted(fresh_client: TestClient) -> None:
    r = fresh_client.post(
        "/api/articles", json={"text": NEWS},
        headers={"origin": LOCAL, "sec-fetch-site": "same-origin"},
    )
    assert r.status_code == 201, r.text
    assert _articles(fresh_client) == 1


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "rebind.attacker.test:80", "192.168.1.20"])
def test_foreign_host_is_refused_for_reads_too(client: TestClient, host: str) -> None:
    """A rebinding domain that resolves to 127.0.0.1 still sends its own name as Host."""
    _refused(client.get("/api/stats", headers={"host": host}), 403, "not allowed")
    _refused(client.get("/", headers={"host": host}), 403, "not allowed")


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_loopback_hosts_are_accepted(client: TestClient, host: str) -> None:
    assert client.get("/api/stats", headers={"host": host}).status_code == 200


def test_allow_host_list(tmp_path: Path) -> None:
    from rasad.api import create_app

    app = create_app(tmp_path / "h.db", allowed_hosts=["news.lan", "10.0.0.5:8000"])
    with TestClient(app, base_url="http://news.lan:8000") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "10.0.0.5"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "localhost"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "evil.example"}).status_code == 403
        ok = c.post("/api/articles", json={"text": ""}, headers={"origin": "http://news.lan:8000"})
        assert ok.status_code == 400  # reached the handler (empty text), not refused as cross-site


def test_host_helpers() -> None:
    assert host_name("[::1]:8000") == "::1" and host_name("Example.ORG:80") == "example.org"
    assert host_name("::1") == "::1"
    assert normalize_hosts(["[fe80::1]", " News.Lan "]) >= {"fe80::1", "news.lan", "localhost"}


# --- content types ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "ctype",
    [None, "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
     "text/html", "image/png", "application/xml"],
)
def test_post_other_content_types_is_415(fresh_client: TestClient, ctype: str | None) -> None:
    headers = {"content-type": ctype} if ctype else {}
    r = fresh_client.post("/api/articles", content=NEWS.encode(), headers=headers)
    _refused(r, 415, "content type")
    assert _articles(fresh_client) == 0


@pytest.mark.parametrize(
    ("ctype", "kind"),
    [("application/json", "json"), ("Application/JSON; charset=utf-8", "json"), ("application/ld+json", "json"),
     ("text/plain", "text"), ("text/plain; charset=windows-1256", "text"), ("", None), ("text/html", None),
     ("application/x-www-form-urlencoded", None)],
)
def test_body_kind(ctype: str, kind: str | None) -> None:
    assert body_kind(ctype) == kind


# --- traversal, sizes, ids, long queries --------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    ["/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fpyproject.toml",
     "/static/%2e%2e%2fapi%2fapp.py", "/api/articles/..%2f..%2fetc%2fpasswd"],
)
def test_path_traversal_finds_nothing(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404, 422), (path, r.status_code)
    assert "root:" not in r.text and "[project]" not in r.text and "import" not in r.text


def test_oversized_body_is_413(fresh_client: TestClient) -> None:
    big = ("خبر " * 40_000).encode()
    _refused(fresh_client.post("/api/articles", content=big, headers={"content-type": "text/plain"}), 413, "too large")
    assert _articles(fresh_client) == 0


@pytest.mark.parametrize(
    "path",
    ["/api/articles/99999999999999999999999", "/api/articles/9223372036854775808", "/api/timeline/99999999999999999999999",
     "/api/articles/9223372036854775807"],
)
def test_overflowing_ids_are_404(client: TestClient, path: str) -> None:
    _refused(client.get(path), 404, "no ")


@pytest.mark.parametrize("path", ["/api/articles/-1", "/api/articles/0", "/api/articles/1e9", "/api/timeline/abc"])
def test_bad_ids_are_400(client: TestClient, path: str) -> None:
    assert client.get(path).status_code in (400, 404, 422)


@pytest.mark.parametrize("n", [501, 5_000, 9_000])
def test_long_search_query_is_refused_with_a_message(client: TestClient, n: int) -> None:
    r = client.get("/api/search", params={"q": "خبر" * (n // 3 + 1)})
    assert r.status_code in (400, 414), r.text[:200]
    assert r.json()["message"]


@pytest.fixture(scope="module")
def live(sample_db: tuple[Path, dict[str, int]]) -> Iterator[int]:
    """The app under a real uvicorn (its HTTP parser, not the test client's shortcut)."""
    from rasad.api import create_app
    from rasad.api.server import uvicorn_options

    with serving(create_app(sample_db[0]), **uvicorn_options()) as port:
        yield port


def _raw_get(port: int, target: bytes, host: bytes = b"127.0.0.1") -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


@pytest.mark.parametrize("chars", [10_000, 100_000])
def test_100k_character_query_gets_a_json_414_not_a_reset(live: int, chars: int) -> None:
    """100,000 Persian letters are 600 KB of URL: uvicorn's parsers alone reset or send a bare 400."""
    status, body = _raw_get(live, b"/api/search?q=" + b"%D8%AE" * chars)
    assert status == 414
    assert "too long" in json.loads(body)["message"]
    assert MAX_TARGET < chars


def test_live_server_refuses_a_rebinding_host_and_overflowing_id(live: int) -> None:
    status, body = _raw_get(live, b"/api/stats", host=b"attacker.example:8000")
    assert status == 403 and "not allowed" in json.loads(body)["message"]
    status, body = _raw_get(live, b"/api/articles/99999999999999999999999")
    assert status == 404


def test_deeply_nested_json_is_a_400_not_a_500(client) -> None:
    body = "[" * 100_000 + "]" * 100_000
    r = client.post("/api/articles", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400 and "nested too deeply" in r.json()["message"]

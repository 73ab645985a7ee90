"""`rasad watch` and `rasad ingest URL` against feeds and pages served on loopback."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasad.cli import main
from rasad.store import Store
from rasad.watch import parse_every

ITEM = """<item><title>{title}</title><link>http://127.0.0.1/news/{n}</link><guid>news-{n}</guid>
<pubDate>Tue, 21 Oct 2025 08:00:00 GMT</pubDate><description>{body}</description></item>"""

# Items written for this test in the style of Persian news.
ITEMS = [
    ("دیدار وزیران خارجه در ژنو", "عباس عراقچی روز دوشنبه در ژنو با همتای ترکیه‌ای خود دیدار و گفت‌وگو کرد."),
    ("هشدار درباره قیمت نفت", "وزیر نفت گفت که قیمت نفت در ماه آینده افزایش خواهد یافت."),
    ("نشست اقتصادی در تهران", "نشست مشترک اقتصادی دو کشور روز سه‌شنبه در تهران برگزار شد."),
]


def _feed(items: list[tuple[str, str]]) -> str:
    body = "".join(ITEM.format(n=i, title=t, body=b) for i, (t, b) in enumerate(items))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>نمونه</title>{body}</channel></rss>'


PAGE = """<!doctype html><html lang="fa"><head><meta charset="utf-8"><title>سفر وزیر خارجه به مسقط</title></head>
<body><article><h1>سفر وزیر خارجه به مسقط</h1><p>وزیر امور خارجه ایران روز یکشنبه برای دیدار با همتای عمانی
خود وارد مسقط شد و درباره روابط دو کشور گفت‌وگو کرد.</p><p>این سفر دو روز طول می‌کشد.</p></article></body></html>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "site"
    root.mkdir()
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", root
    srv.shutdown()
    srv.server_close()


def _run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _count(db: str) -> int:
    with Store.open(db) as st:
        return int(st.stats()["articles"])


def test_watch_ingests_new_items_only_and_survives_errors(site: tuple[str, Path], tmp_path: Path) -> None:
    base, root = site
    (root / "feed.xml").write_text(_feed(ITEMS[:2]), encoding="utf-8")
    db = str(tmp_path / "w.db")
    feed, missing = f"{base}/feed.xml", f"{base}/gone.xml"
    r = _run("watch", feed, missing, "--db", db, "--every", "0.05s", "--rounds", "2")
    assert r.exit_code == 0, r.output
    assert "round 1" in r.stderr and "added 2" in r.stderr and "HTTP 404" in r.stderr
    assert "round 2" in r.stderr and "added 0, already present 2" in r.stderr
    assert _count(db) == 2
    # the feed gains an item; a restarted watch stores only that one
    (root / "feed.xml").write_text(_feed(ITEMS), encoding="utf-8")
    r = _run("watch", feed, "--db", db, "--every", "1s", "--rounds", "1")
    assert r.exit_code == 0 and "added 1, already present 2" in r.stderr, r.output
    assert _count(db) == 3


def test_ingest_one_page_by_its_address(site: tuple[str, Path], tmp_path: Path) -> None:
    base, root = site
    (root / "muscat.html").write_text(PAGE, encoding="utf-8")
    db = str(tmp_path / "p.db")
    r = _run("ingest", f"{base}/muscat.html", "--db", db, "-q")
    assert r.exit_code == 0 and "added 1" in r.stderr, r.output
    with Store.open(db) as st:
        art = st.articles()[0]
    assert art["url"] == f"{base}/muscat.html" and "مسقط" in (art["title"] or "")
    r = _run("ingest", f"{base}/nothing.html", "--db", db, "-q")
    assert r.exit_code == 1 and "HTTP 404" in r.stderr


def test_every_is_checked() -> None:
    assert parse_every("2m") == 120
    r = CliRunner().invoke(main, ["watch", "x", "--every", "soon", "--rounds", "1", "--db", ":memory:"])
    assert r.exit_code == 2 and "--every must be" in r.output

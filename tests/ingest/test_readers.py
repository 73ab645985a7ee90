"""Reading files and folders of every format; one bad input never stops a batch."""

from __future__ import annotations

import json
from pathlib import Path

from rasad.ingest import Failure, iter_inputs
from rasad.ingest.readers import iso_date
from rasad.model import Article


def _split(items: list[Article | Failure]) -> tuple[list[Article], list[Failure]]:
    arts = [x for x in items if isinstance(x, Article)]
    fails = [x for x in items if isinstance(x, Failure)]
    return arts, fails


def test_examples_folder_reads_every_format(examples_dir: Path) -> None:
    arts, fails = _split(list(iter_inputs([examples_dir])))
    assert not fails
    kinds = {Path(a.path or "").suffix for a in arts}
    assert {".txt", ".jsonl", ".html", ".xml"} <= {k.split("#")[0] for k in kinds}
    feed = [a for a in arts if a.path and a.path.endswith(".xml#0")]
    assert feed and feed[0].published == "2025-03-03" and feed[0].url == "https://example.org/news/1"
    html = [a for a in arts if a.path and a.path.endswith(".html")]
    assert html and "استانبول" in html[0].raw and "حقوق محفوظ" not in html[0].raw
    assert html[0].published == "2025-02-27"


def test_jsonl_common_field_names_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"headline": "عنوان یک", "body": "متن خبر اول", "published_at": "2024-05-01T10:00:00Z"}),
        "{not json",
        json.dumps({"title": "بدون متن"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "عنوان دو", "content": "متن خبر دوم", "date": "۱۴۰۳/۰۲/۱۲", "link": "https://x.org/2"}),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    arts, fails = _split(list(iter_inputs([f])))
    assert [a.title for a in arts] == ["عنوان یک", "عنوان دو"]
    assert arts[0].published == "2024-05-01"
    assert arts[1].published == "2024-05-01" and arts[1].url == "https://x.org/2"
    reasons = sorted(x.reason for x in fails)
    assert len(fails) == 3
    assert any("malformed JSON" in r for r in reasons)
    assert any("no text" in r for r in reasons)


def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(" date 2025-01-02\nعنوان\n\nمتن خبر.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><nav>منو</nav></body></html>", encoding="utf-8")
    (tmp_path / "feed.xml").write_text("<rss><channel></channel></rss>", encoding="utf-8")
    (tmp_path / "old.txt").write_bytes("خبر قديمي با رمزگذاري ويندوز".encode("cp1256"))
    sub = tmp_path / "nested" / "deeper"
    sub.mkdir(parents=True)
    (sub / "inner.txt").write_text("خبر درون پوشه.", encoding="utf-8")
    items = list(iter_inputs([tmp_path, tmp_path / "missing.txt"]))
    arts, fails = _split(items)
    assert sorted(Path(a.path or "").name for a in arts) == ["good.txt", "inner.txt", "old.txt"]
    by_name = {Path(f.path).name: f.reason for f in fails}
    assert "empty" in by_name["empty.txt"]
    assert "binary" in by_name["binary.txt"]
    assert "malformed JSON" in by_name["broken.json"]
    assert "no article text" in by_name["page.html"]
    assert "no entries" in by_name["feed.xml"]
    assert "no such file" in by_name["missing.txt"]


def test_iso_date_forms() -> None:
    assert iso_date("2025-09-03") == "2025-09-03"
    assert iso_date("Wed, 03 Sep 2025 08:00:00 +0000") == "2025-09-03"
    assert iso_date("۱۴۰۳/۱۲/۰۹") == "2025-02-27"
    assert iso_date("1403-12-30") == "2025-03-20"  # 1403 is a leap year: 30 Esfand exists
    assert iso_date("1402-12-30") is None  # 1402 is not
    assert iso_date("no date here") is None

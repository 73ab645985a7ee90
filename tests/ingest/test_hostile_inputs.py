"""Inputs that used to end a batch with a traceback, or were stored as junk: each is now one failure.

Every case goes through :func:`iter_inputs` on a real file and, where it matters, through a real
``rasad ingest`` batch with a good file beside it, which must still be stored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.ingest import Failure, iter_inputs, read_path
from rasad.model import Article

GOOD = " date 2025-03-01\nوزیر امور خارجه روز شنبه گفت که گفت‌وگوها ادامه خواهد یافت.\n"


def _one_failure(path: Path, word: str) -> Failure:
    items = list(iter_inputs([path]))
    assert len(items) == 1, items
    assert isinstance(items[0], Failure), items[0]
    assert word in items[0].reason, items[0].reason
    assert "\n" not in items[0].reason
    return items[0]


def test_lone_surrogate_in_json_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "s.json"
    f.write_text('{"text": "\\ud800 متن خبر"}', encoding="utf-8")
    _one_failure(f, "surrogate")
    g = tmp_path / "s.jsonl"
    g.write_text('{"text": "\\udfff"}\n' + json.dumps({"text": "متن خبر سالم"}) + "\n", encoding="utf-8")
    items = list(iter_inputs([g]))
    assert isinstance(items[0], Failure) and "surrogate" in items[0].reason
    assert isinstance(items[1], Article) and items[1].raw == "متن خبر سالم"


def test_surrogate_in_title_is_replaced_not_kept(tmp_path: Path) -> None:
    f = tmp_path / "t.json"
    f.write_text('{"title": "عنوان \\ud800", "text": "متن خبر"}', encoding="utf-8")
    (art,) = iter_inputs([f])
    assert isinstance(art, Article)
    assert art.title is not None
    art.title.encode("utf-8")  # encodable: no lone surrogate left


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_deeply_nested_json_is_a_failure(tmp_path: Path, suffix: str) -> None:
    f = tmp_path / f"deep{suffix}"
    f.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    _one_failure(f, "nested")


def test_huge_html_page_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "big.html"
    paras = "".join(f"<p>{i} " + "خبر " * 2_000 + "</p>\n" for i in range(300))  # distinct: not deduplicated
    f.write_text("<html><body><article>" + paras + "</article></body></html>", encoding="utf-8")
    _one_failure(f, "too long")


def test_header_only_file_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "h.txt"
    f.write_text(" date 2025-03-01\n\n  \n", encoding="utf-8")
    _one_failure(f, "no text")


def test_nul_bytes_after_the_first_8kb_are_binary(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_bytes(GOOD.encode("utf-8") * 200 + b"\x00\x01\x02" * 50)
    _one_failure(f, "binary")


def test_latin1_file_is_not_persian(tmp_path: Path) -> None:
    f = tmp_path / "l.txt"
    f.write_bytes("Le ministre a déclaré à la presse que les négociations continueraient.".encode("latin-1"))
    _one_failure(f, "not Persian")


def test_billion_laughs_feed_is_refused(tmp_path: Path) -> None:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)
    )
    f = tmp_path / "bomb.xml"
    f.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [{ents}]><rss><channel><title>t</title>'
        "<item><title>عنوان</title><description>&lol9;</description></item></channel></rss>",
        encoding="utf-8",
    )
    _one_failure(f, "entit")


def test_batch_goes_on_past_every_hostile_file(tmp_path: Path) -> None:
    from rasad.pipeline import default_pipeline
    from rasad.store import Store
    from rasad.store.batch import ingest_items

    (tmp_path / "a.json").write_text('{"text": "\\ud800"}', encoding="utf-8")
    (tmp_path / "b.json").write_text("[" * 100_000, encoding="utf-8")
    (tmp_path / "c.txt").write_text(" date 2025-03-01\n", encoding="utf-8")
    (tmp_path / "z.txt").write_text(GOOD, encoding="utf-8")
    with Store.open(":memory:") as st:
        rs = list(ingest_items(st, iter_inputs([tmp_path]), default_pipeline(disable=["entities", "quotes", "events"])))
    assert [r.status for r in rs] == ["failed", "failed", "failed", "added"]


# --- size: limit each article, not the file ---------------------------------------------------
def test_jsonl_larger_than_the_limit_is_streamed(tmp_path: Path) -> None:
    f = tmp_path / "many.jsonl"
    with f.open("w", encoding="utf-8") as out:
        for i in range(500):
            out.write(json.dumps({"id": f"n{i}", "text": f"متن خبر شماره {i} درباره نشست وزیران."}) + "\n")
        out.write(json.dumps({"id": "big", "text": "خبر " * 5_000}) + "\n")
        out.write(json.dumps({"id": "last", "text": "خبر آخر"}) + "\n")
    limit = 10_000  # far below the file's size, above each article's
    items = list(read_path(f, max_bytes=limit))
    arts = [x for x in items if isinstance(x, Article)]
    fails = [x for x in items if isinstance(x, Failure)]
    assert len(arts) == 501 and arts[0].doc == "n0" and arts[-1].doc == "last"
    assert len(fails) == 1 and "too large" in fails[0].reason and fails[0].path.endswith("#L501")


def test_feed_larger_than_the_limit_is_streamed(tmp_path: Path) -> None:
    items_xml = "".join(
        f"<item><title>عنوان {i}</title><link>https://x.org/{i}</link>"
        f"<description>متن خبر شماره {i} درباره نشست وزیران.</description>"
        "<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>\n"
        for i in range(300)
    )
    f = tmp_path / "big.xml"
    f.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>خبرگزاری</title>\n'
                 f"{items_xml}</channel></rss>", encoding="utf-8")
    small = list(read_path(f))
    streamed = list(read_path(f, max_bytes=5_000))
    assert len(streamed) == 300 and all(isinstance(x, Article) for x in streamed)
    assert [(a.doc, a.raw, a.url, a.published, a.source) for a in streamed] == [
        (a.doc, a.raw, a.url, a.published, a.source) for a in small
    ]

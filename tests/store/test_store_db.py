"""The store: migrations, idempotency, rollback, queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_samples import make_article

from rasad.errors import QueryError, StoreError
from rasad.model import Article
from rasad.store import Store, content_hash
from rasad.store.finding import NoMatchError
from rasad.store.schema import MIGRATIONS

ZW = "\u200c"


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store.open(db) as st:
        names = [m["name"] for m in st.migrations()]
        assert names == [n for n, _ in MIGRATIONS]
        assert all(m["applied_at"].endswith("Z") for m in st.migrations())
        assert st.migrate() == []
    with Store.open(db, migrate=False) as st:
        assert st.pending_migrations() == []
    # a fresh, unmigrated database lists everything as pending, then applies it in order
    with Store.open(tmp_path / "n.db", migrate=False) as st:
        assert st.pending_migrations() == [n for n, _ in MIGRATIONS]
        assert st.migrate() == [n for n, _ in MIGRATIONS]


def test_open_errors_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open(tmp_path / "no" / "such" / "dir.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a sqlite database at all" * 100)
    with pytest.raises(StoreError):
        Store.open(junk)


def test_default_path_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from rasad.store import default_db_path

    monkeypatch.setenv("RASAD_DB", str(tmp_path / "env.db"))
    assert default_db_path() == str(tmp_path / "env.db")
    monkeypatch.delenv("RASAD_DB")
    assert default_db_path() == "rasad.db"


def test_add_twice_adds_nothing(store: Store, quoted_article: Article) -> None:
    aid, added = store.add(quoted_article)
    assert added and aid > 0
    before = store.stats()
    again, added2 = store.add(quoted_article)
    assert (again, added2) == (aid, False)
    after = store.stats()
    for k in ("articles", "entities", "mentions", "quotes", "timexes", "events"):
        assert after[k] == before[k]
    assert store.has_hash(content_hash(quoted_article.raw))
    assert not store.has_hash(content_hash("متنی دیگر"))


def test_failure_mid_article_rolls_back(store: Store, quoted_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: Store, aid: int, a: Article) -> None:
        raise sqlite3.OperationalError("disk on fire")

    monkeypatch.setattr(Store, "_write_events", boom)  # articles row and spans are written first
    with pytest.raises(StoreError, match="disk on fire"):
        store.add(quoted_article)
    s = store.stats()
    assert s["articles"] == s["entities"] == s["mentions"] == s["quotes"] == s["timexes"] == 0
    assert store.search("لاوروف") == []
    assert not store.has_hash(content_hash(quoted_article.raw))
    monkeypatch.undo()
    assert store.add(quoted_article)[1] is True


def test_non_database_errors_also_roll_back(store: Store, quoted_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: Store, aid: int, a: Article) -> None:
        raise RuntimeError("bug in a writer")

    monkeypatch.setattr(Store, "_write_events", boom)
    with pytest.raises(StoreError, match="RuntimeError: bug in a writer"):
        store.add(quoted_article)
    assert store.stats()["articles"] == 0

    def interrupted(self: Store, aid: int, a: Article) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "_write_events", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.add(quoted_article)
    assert store.stats()["articles"] == 0


def test_batch_goes_on_after_a_bad_article(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasad.pipeline import Pipeline
    from rasad.store.batch import IngestSummary, ingest_items

    good1 = make_article("نشست وزیران خارجه در تهران برگزار شد.", "g1")
    bad = make_article("این خبر در میانهٔ ذخیره شدن خراب می‌شود.", "bad")
    good2 = make_article("هیئت اقتصادی امروز به مسکو سفر کرد.", "g2")
    crash = make_article("پردازش این خبر به خطا می‌خورد.", "crash")

    class Crashy:
        name = "events"

        def __call__(self, doc: Article) -> Article:
            if doc.doc == "crash":
                raise ValueError("stage bug")
            return doc

    real = Store._write_spans

    def flaky(self: Store, aid: int, a: Article) -> None:
        real(self, aid, a)
        if a.doc == "bad":
            raise sqlite3.IntegrityError("simulated failure after partial writes")

    monkeypatch.setattr(Store, "_write_spans", flaky)
    summary = IngestSummary()
    results = list(ingest_items(store, [good1, bad, crash, good2], Pipeline([Crashy()])))
    for r in results:
        summary.count(r)
    assert [r.status for r in results] == ["added", "failed", "failed", "added"]
    assert "simulated failure" in (results[1].reason or "")
    assert "stage bug" in (results[2].reason or "")
    assert (summary.added, summary.failed, summary.processed) == (2, 2, 2)
    assert store.stats()["articles"] == 2
    assert store.find_doc("bad") is None and store.find_doc("g2") is not None
    assert store.search("میانه") == []
    again = list(ingest_items(store, [good1, good2], Pipeline([])))
    assert [r.status for r in again] == ["present", "present"]


def test_article_roundtrip_with_spans(store: Store, quoted_article: Article) -> None:
    aid, _ = store.add(quoted_article)
    a = store.article(aid)
    assert a is not None
    assert a["text"] == quoted_article.text
    assert a["result"]["text"] == quoted_article.text
    assert a["result"]["quotes"][0]["speaker"] == "Sergey Lavrov"
    ent = a["entities"][0]
    assert ent["id"] == "Q80866"
    m = ent["mentions"][0]
    assert a["text"][m["start"] : m["end"]] == "لاوروف"
    assert a["timexes"][0]["value"] == "2025-10-20"
    q = a["quotes"][0]
    assert a["text"][q["start"] : q["end"]] == q["text"]
    assert store.article(aid + 100) is None
    assert store.find_doc("quoted") == aid


def test_articles_filters(store: Store) -> None:
    store.add(make_article("خبر نخست دربارهٔ بازار ارز.", "a", "2025-01-05", source="الف"))
    store.add(make_article("خبر دوم دربارهٔ صادرات نفت.", "b", "2025-02-10", source="ب"))
    store.add(make_article("خبر سوم دربارهٔ انتخابات.", "c", "2025-03-15", source="الف"))
    assert [r["doc"] for r in store.articles()] == ["c", "b", "a"]
    assert [r["doc"] for r in store.articles(source="الف")] == ["c", "a"]
    assert [r["doc"] for r in store.articles(since="2025-02-01", until="2025-02-28")] == ["b"]
    assert [r["doc"] for r in store.articles(until="2025-02")] == ["b", "a"]
    assert [r["doc"] for r in store.articles(limit=1, offset=1)] == ["b"]
    with pytest.raises(QueryError):
        store.articles(since="yesterday")
    with pytest.raises(QueryError):
        store.articles(limit=-1)


def test_entities_quotes_and_entity_page(store: Store, quoted_article: Article) -> None:
    aid, _ = store.add(quoted_article)
    ents = store.entities()
    assert ents[0]["id"] == "Q80866" and ents[0]["articles"] == 1 and ents[0]["mentions"] == 1
    assert store.entities(q="lavrov")[0]["id"] == "Q80866"
    assert store.entities(q="لاور")[0]["id"] == "Q80866"
    assert store.entities(type="ORG") == []
    assert store.entities(q="100%_") == []
    page = store.entity("Q80866")
    assert page is not None
    assert page["mentions_list"][0]["article_id"] == aid
    assert page["quotes"][0]["cue"] == "افزود"
    assert store.entity("Q0") is None
    assert len(store.quotes(speaker="Lavrov")) == 1
    assert len(store.quotes(speaker="لاوروف")) == 1
    with pytest.raises(NoMatchError):
        store.quotes(speaker="Zakharova")
    assert len(store.quotes(since="2025-10-20", until="2025-10-20")) == 1
    assert store.quotes(since="2025-10-21") == []


def test_stats_counts(store: Store, quoted_article: Article) -> None:
    store.add(quoted_article)
    s = store.stats()
    assert (s["articles"], s["entities"], s["mentions"], s["quotes"], s["timexes"]) == (1, 1, 1, 1, 1)
    assert s["sources"] == {"خبرگزاری نمونه": 1}
    assert s["db_bytes"] > 0


def test_upgrade_keeps_search_working(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database made before the last migration is upgraded on open, its data still searchable."""
    import rasad.store.schema as schema

    db = tmp_path / "old.db"
    old = [*MIGRATIONS[:3], *(m for m in MIGRATIONS if m[0] == "0006_near_duplicates")]  # the columns writes need
    monkeypatch.setattr(schema, "MIGRATIONS", old)
    monkeypatch.setattr("rasad.store.core.MIGRATIONS", old)
    with Store.open(db) as st:
        st.add(make_article(f"هیئت تجاری امروز به پکن می{ZW}رود.", "old"))
    monkeypatch.undo()
    with Store.open(db) as st:
        assert [m["name"] for m in st.migrations()] == [n for n, _ in MIGRATIONS]
        assert [h["doc"] for h in st.search("میرود")] == ["old"]


def test_jalali_forms() -> None:
    from rasad.store.queries import jalali_fa, to_jalali

    assert to_jalali("2025-03-21") == "1404-01-01"  # Nowruz
    assert to_jalali("2025-03-20") == "1403-12-30"
    assert to_jalali("2025-08") == "1404-05-10/1404-06-09"
    assert to_jalali("2025") == "1403-10-12/1404-10-10"
    assert to_jalali("2025-13-01") is None and to_jalali(None) is None
    assert jalali_fa("2025-10-21") == "۲۹ مهر ۱۴۰۴"
    assert jalali_fa("2025-10") is None


def test_timeline_status_filters_read_an_index() -> None:
    """Migration 0008: a status (or type + status) filter pages and counts through an index,
    not by reading every merged event."""
    with Store.open(":memory:") as st:
        for where, args in (("m.status = ?", ("denied",)), ("m.type = ? AND m.status = ?", ("CONSULT", "planned"))):
            for sql in (f"SELECT m.id FROM merged_events m WHERE {where} ORDER BY m.sort_date, m.id LIMIT 50 OFFSET 10",
                        f"SELECT count(*) FROM merged_events m WHERE {where}"):
                plan = " ".join(str(tuple(r)[-1]) for r in st._conn.execute("EXPLAIN QUERY PLAN " + sql, args))
                assert "USING" in plan and "INDEX merged_events_" in plan and "status" in plan, plan
                assert "TEMP B-TREE" not in plan, plan

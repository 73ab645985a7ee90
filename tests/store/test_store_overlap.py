"""Ingest with the writer thread (``overlap=True``) gives the results and the rows of the
plain step-by-step ingest, in the same order (our own sentences)."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import asdict
from pathlib import Path
from types import SimpleNamespace

import pytest
from store_samples import make_article, summit_article

from rasad.model import Article
from rasad.pipeline import Pipeline
from rasad.store import Store
from rasad.store.batch import ingest_items


class Stage:
    """Marks analysis; crashes on the article named ``crash``; records its thread."""

    name = "events"

    def __init__(self) -> None:
        self.threads: set[int] = set()

    def __call__(self, doc: Article) -> Article:
        self.threads.add(threading.get_ident())
        if doc.doc == "crash":
            raise ValueError("stage bug")
        return doc


def _items() -> list[object]:
    a = summit_article("a1", "2025-08-15", "occurred", "2025-08-15", ["Donald Trump", "Vladimir Putin"],
                       "ترامپ و پوتین روز جمعه در آلاسکا دیدار کردند و درباره جنگ گفت‌وگو کردند.", "دیدار")
    b = make_article("هیئت اقتصادی امروز به مسکو سفر کرد و با وزیر بازرگانی دیدار کرد.", "b")
    c = make_article("نشست وزیران خارجه در تهران برگزار شد و بیانیه‌ای منتشر کرد.", "c")
    copy = make_article(b.raw, "b-copy")  # the same text again: present, whatever the timing
    crash = make_article("پردازش این خبر به خطا می‌خورد.", "crash")
    bad = make_article("این خبر در میانهٔ ذخیره شدن خراب می‌شود.", "bad")
    unreadable = SimpleNamespace(path="missing.txt", reason="cannot read")
    d = make_article("سخنگوی دولت گفت که طرح تازه هفته آینده به مجلس می‌رود.", "d")
    return [unreadable, a, b, copy, crash, c, bad, unreadable, c, d, copy]


def _rows(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    out = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")') if r[1] not in ("ingested_at", "applied_at")]
        sel = ", ".join(f'"{c}"' for c in cols) or "*"
        out += [f"{name} {row!r}" for row in conn.execute(f'SELECT {sel} FROM "{name}" ORDER BY 1')]
    conn.close()
    return out


@pytest.mark.parametrize("known", [False, True])
def test_overlap_gives_the_serial_results_and_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, known: bool) -> None:
    real = Store._write_spans

    def flaky(self: Store, aid: int, a: Article) -> None:
        real(self, aid, a)
        if a.doc == "bad":
            raise sqlite3.IntegrityError("simulated failure after partial writes")

    monkeypatch.setattr(Store, "_write_spans", flaky)
    results, stages = {}, {}
    for overlap in (False, True):
        db = tmp_path / f"{overlap}.db"
        stages[overlap] = Stage()
        with Store.open(db) as st:
            if known:  # a second run over the same inputs: the known texts are not analyzed again
                list(ingest_items(st, _items(), Pipeline([Stage()]), overlap=overlap))
            results[overlap] = [asdict(r) for r in ingest_items(st, _items(), Pipeline([stages[overlap]]), overlap=overlap)]
    assert results[True] == results[False]
    statuses = [r["status"] for r in results[True]]
    if known:
        assert statuses == ["failed", "present", "present", "present", "failed", "present", "failed", "failed",
                            "present", "present", "present"]
    else:
        assert statuses == ["failed", "added", "added", "present", "failed", "added", "failed", "failed",
                            "present", "added", "present"]
    assert "simulated failure" in results[True][6]["reason"] and "stage bug" in results[True][4]["reason"]
    assert _rows(tmp_path / "True.db") == _rows(tmp_path / "False.db")
    assert stages[True].threads <= {threading.get_ident()}  # the analysis stays in the calling thread


def test_overlap_writes_in_another_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writers: set[int] = set()
    real = Store.add

    def spy(self: Store, *a: object, **k: object) -> tuple[int, bool]:
        writers.add(threading.get_ident())
        return real(self, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "add", spy)
    with Store.open(tmp_path / "w.db") as st:
        rs = list(ingest_items(st, _items()[1:3], Pipeline([Stage()])))
    assert [r.status for r in rs] == ["added", "added"] and writers and threading.get_ident() not in writers

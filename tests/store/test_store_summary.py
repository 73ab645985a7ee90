"""The merged events' summary columns (kept on ingest) agree with the full history, and the
store's version number changes with every stored article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_samples import summit_article

from rasad.store import Store
from rasad.store.merging import status_changes
from rasad.store.schema import MIGRATIONS

PAIR = ["Donald Trump", "Vladimir Putin"]


def _report(doc: str, published: str, status: str) -> object:
    return summit_article(
        doc, published, status, None, PAIR,
        f"خبرنگاران گزارش دادند که دیدار ترامپ و پوتین در بوداپست ({doc}) هنوز در دستور کار است.",
        "دیدار", location="Budapest",
    )


def _brief_matches_full(st: Store) -> None:
    full = {m["id"]: m for m in st.timeline(limit=1000)}
    brief = st.timeline(limit=1000, brief=True)
    assert [m["id"] for m in brief] == list(full)
    for b in brief:
        f = full[b["id"]]
        assert b["history"] == status_changes(f["history"])
        assert b["history_count"] == len(f["history"])
        assert b["reports"] == f["reports"]
        assert {k: v for k, v in b.items() if k not in ("history", "history_count", "claims")} == {
            k: v for k, v in f.items() if k not in ("history", "claims")
        }


@pytest.mark.parametrize(
    "order",
    [
        [("a", "2025-10-10", "planned"), ("b", "2025-10-12", "planned"), ("c", "2025-10-14", "cancelled")],
        # a late report of an earlier date lands in the middle of the history
        [("a", "2025-10-10", "planned"), ("c", "2025-10-14", "cancelled"), ("b", "2025-10-12", "denied")],
        [("c", "2025-10-14", "cancelled"), ("a", "2025-10-10", "planned"), ("b", "2025-10-12", "planned")],
    ],
)
def test_brief_timeline_equals_the_full_history(store: Store, order: list[tuple[str, str, str]]) -> None:
    for doc, pub, status in order:
        store.add(_report(doc, pub, status))  # type: ignore[arg-type]
    (m,) = store.timeline(brief=True)
    assert m["history_count"] == 3
    _brief_matches_full(store)
    assert store.merged_event(m["id"])["history"] == store.timeline()[0]["history"]  # type: ignore[index]


def test_merged_event_by_id(store: Store) -> None:
    store.add(_report("a", "2025-10-10", "planned"))  # type: ignore[arg-type]
    (m,) = store.timeline()
    assert store.merged_event(m["id"]) == m
    assert store.merged_event(m["id"] + 1) is None
    assert store.merged_event(10**30) is None and store.article(10**30) is None


def test_version_changes_with_each_stored_article(store: Store) -> None:
    v0 = store.version()
    store.add(_report("a", "2025-10-10", "planned"))  # type: ignore[arg-type]
    v1 = store.version()
    store.add(_report("a", "2025-10-10", "planned"))  # type: ignore[arg-type]  # same text: nothing stored
    assert v1 != v0 and store.version() == v1
    store.add(_report("b", "2025-10-11", "planned"))  # type: ignore[arg-type]
    assert store.version() != v1


def test_upgrade_fills_the_summary_of_existing_merged_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store made before the summary columns gets them computed from the stored histories."""
    db = tmp_path / "old.db"
    monkeypatch.setattr("rasad.store.core.MIGRATIONS", MIGRATIONS[:4])
    history = [
        {"status": "cancelled", "published": "2025-10-14", "article_id": 3, "doc": "c"},
        {"status": "planned", "published": "2025-10-10", "article_id": 1, "doc": "a"},
        {"status": "planned", "published": "2025-10-12", "article_id": 1, "doc": "a"},
    ]
    with Store.open(db) as st:
        st._conn.execute(
            "INSERT INTO merged_events(type, actors, history, sources, sort_date) VALUES ('CONSULT', ?, ?, 2, '2025-10')",
            (json.dumps(PAIR), json.dumps(history)),
        )
    monkeypatch.undo()
    with Store.open(db) as st:
        (b,) = st.timeline(brief=True)
        assert [h["status"] for h in b["history"]] == ["planned", "cancelled"]
        assert b["history_count"] == 3 and b["reports"] == [1, 3]
        _brief_matches_full(st)
        assert st.version() == 0


def test_fast_result_equals_the_contract(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The stored ``result`` is built without ``asdict``; it must stay what ``to_dict`` gives."""
    import rasad
    from rasad.store.core import _slow_contract, result_dict

    text = (
        "عباس عراقچی، وزیر امور خارجه، روز دوشنبه ۲۸ مهر در مسقط با همتای عمانی خود دیدار کرد و گفت:"
        " «گفت‌وگوها سازنده بود.» سخنگوی دولت نیز اعلام کرد که سفر رئیس‌جمهور به چین لغو شد."
    )
    art = pipeline(rasad.Article(raw=text, doc="fast", published="2025-10-20"))
    assert art.timexes and art.entities and art.quotes
    full = art.to_dict()
    full.pop("text")
    full.pop("sentences")
    assert result_dict(art) == full
    assert _slow_contract() is False

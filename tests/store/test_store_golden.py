"""The real seed articles through the pipeline into a store (reads ../shared at run time)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasad.ingest import iter_inputs
from rasad.store import Store
from rasad.store.batch import IngestSummary, ingest_items

ZW = "\u200c"
pytestmark = pytest.mark.golden


def test_seeds_ingest_search_and_roundtrip(shared_dir: Path, pipeline, tmp_path: Path) -> None:
    seeds = shared_dir / "seeds"
    n_files = len(list(seeds.glob("*.txt")))
    with Store.open(tmp_path / "g.db") as st:
        summary = IngestSummary()
        for r in ingest_items(st, iter_inputs([seeds]), pipeline):
            summary.count(r)
        assert (summary.added, summary.failed) == (n_files, 0)
        again = IngestSummary()
        for r in ingest_items(st, iter_inputs([seeds]), pipeline):
            again.count(r)
        assert (again.added, again.present) == (0, n_files)

        s = st.stats()
        assert s["articles"] == n_files
        for row in st.articles(limit=100):
            art = st.article(row["id"])
            assert art is not None
            text = art["text"]
            for e in art["entities"]:
                for m in e["mentions"]:
                    assert text[m["start"] : m["end"]] == m["text"]
            for q in art["quotes"]:
                assert 0 <= q["start"] <= q["end"] <= len(text)
            for ev in art["events"]:
                assert ev["merged_id"] is not None
            # a ZWNJ compound of the article, typed without its ZWNJ, finds the article
            compounds = re.findall(r"\w+\u200c\w+", text)
            if compounds:
                word = compounds[len(compounds) // 2]
                hits = st.search(word.replace(ZW, ""), limit=100)
                assert row["id"] in {h["id"] for h in hits}
                hits = st.search(word.replace(ZW, " "), limit=100)
                assert row["id"] in {h["id"] for h in hits}
        assert s["merged_events"] <= s["events"]
        assert sum(m["sources"] for m in st.timeline(limit=1000)) >= s["merged_events"]


def test_seeds_merge_the_alaska_summit_across_articles(shared_dir: Path, pipeline, tmp_path: Path) -> None:
    """All five seeds ingested: the 2025-08-15 Alaska summit is one merged event told by two articles."""
    with Store.open(tmp_path / "alaska.db") as st:
        for _ in ingest_items(st, iter_inputs([shared_dir / "seeds"]), pipeline):
            pass
        summits = [
            m for m in st.timeline(limit=1000)
            if m["type"] == "CONSULT" and m.get("location") == "Alaska"
            and set(m["actors"]) == {"Donald Trump", "Vladimir Putin"}
        ]
        assert len(summits) == 1, summits
        assert summits[0]["date"] == "2025-08-15"
        assert summits[0]["sources"] == 2
        assert summits[0]["status"] == "occurred"

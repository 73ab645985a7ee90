"""Every real article in ../shared reads, runs through the pipeline, and keeps sane metadata."""

from __future__ import annotations

import json
from pathlib import Path

from rasad.ingest import Failure, iter_inputs
from rasad.ingest.header import parse_header


def test_all_shared_articles(shared_dir: Path, pipeline) -> None:
    items = list(iter_inputs([shared_dir / "seeds", shared_dir / "corpus" / "articles"]))
    fails = [x for x in items if isinstance(x, Failure)]
    assert not fails
    assert len(items) == 56
    for art in items:
        header, _ = parse_header(art.raw)
        doc = pipeline(art)
        if header:
            assert doc.published == header, doc.doc
        assert doc.text and doc.offsets and len(doc.offsets) == len(doc.text) + 1
        assert all(0 <= o <= len(doc.raw) for o in doc.offsets)
        out = doc.to_dict()
        json.dumps(out, ensure_ascii=False)
        for key in ("doc", "published", "title", "timexes", "entities", "quotes", "events"):
            assert key in out
        if "corpus" in (doc.path or ""):
            # corpus files are: header, title line, blank line, body
            title_line = art.raw.split("\n")[1].strip()
            assert doc.title, doc.doc
            assert doc.title.replace("\u200c", "").replace(" ", "")[:20] == title_line.replace("\u200c", "").replace(" ", "").replace("\u00ad", "")[:20] or doc.title


def test_seed_metadata_against_gold(shared_dir: Path, pipeline) -> None:
    gold_dir = shared_dir / "eval" / "gold"
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        arts = [a for a in iter_inputs([shared_dir / "seeds" / f"{g.stem}.txt"]) if not isinstance(a, Failure)]
        doc = pipeline(arts[0])
        assert doc.published == gold["published"], g.stem
        if gold["title"] is None:
            assert doc.title is None, g.stem
        else:
            assert doc.title is not None
            assert doc.title.replace("\u200c", "") == gold["title"].replace("\u200c", ""), g.stem

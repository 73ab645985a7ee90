"""The stage over every real article in ../shared: no crash, offsets exact, fast enough."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.entities import EntityStage
from rasad.model import Article

pytestmark = pytest.mark.golden


@pytest.fixture(scope="module")
def docs(shared_dir: Path) -> list[Article]:
    from rasad.pipeline import default_pipeline

    pre = default_pipeline().without("entities", "quotes", "events")
    files = sorted((shared_dir / "corpus" / "articles").glob("*.txt")) + sorted(
        (shared_dir / "seeds").glob("*.txt")
    )
    return [pre(Article(raw=f.read_text(encoding="utf-8"), doc=f.stem)) for f in files]


def test_all_articles_offsets(docs: list[Article]) -> None:
    stage = EntityStage(use_tagger=False)
    for d in docs:
        stage(d)
        assert not [w for w in d.warnings if w.startswith("entities")], d.doc
        for e in d.entities:
            assert e.mentions and e.name and e.type
            for m in e.mentions:
                assert d.text[m.start : m.end] == m.text, (d.doc, m)
        starts = [e.mentions[0].start for e in d.entities]
        assert starts == sorted(starts)
    assert sum(len(d.entities) for d in docs) > 5 * len(docs)


def test_seed_entities_recall(shared_dir: Path) -> None:
    import json

    from rasad.pipeline import default_pipeline

    pipe = default_pipeline().without("quotes", "events")
    tp = total = 0
    for gold in sorted((shared_dir / "eval" / "gold").glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        doc = pipe(
            Article(
                raw=(shared_dir / "seeds" / f"{gold.stem}.txt").read_text(encoding="utf-8"), doc=gold.stem
            )
        )
        got = {(e.name, e.type) for e in doc.entities}
        want = {(e["name"], e["type"]) for e in g["entities"]}
        tp += len(got & want)
        total += len(want)
    assert tp / total >= 0.85

"""The quotes stage on the real articles of ../shared: no crash, sane spans, gold scores, speed."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from rasad.model import Article, Entity, Mention
from rasad.pipeline import Pipeline
from rasad.quotes import QuoteStage

pytestmark = pytest.mark.golden


def _front_pipeline(with_entities: bool) -> Pipeline:
    """header → normalize → metadata → time (→ entities): the stages before quotes."""
    from rasad.ingest.header import HeaderStage
    from rasad.ingest.metadata import MetadataStage
    from rasad.normalize import Normalizer
    from rasad.time import TimeStage

    ts = TimeStage()
    stages = [HeaderStage(), Normalizer(), MetadataStage(ts), ts]
    if with_entities:
        from rasad.entities import EntityStage

        stages.append(EntityStage())
    return Pipeline(stages)


def _articles(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def prepared(shared_dir: Path) -> list[Article]:
    pipe = _front_pipeline(with_entities=True)
    return [pipe(Article(raw=p.read_text(encoding="utf-8"), doc=p.stem)) for p in _articles(shared_dir)]


def test_all_articles_spans(prepared: list[Article]) -> None:
    stage = QuoteStage()
    total = 0
    for doc in prepared:
        stage(doc)
        assert not [w for w in doc.warnings if w.startswith("quotes:")], doc.doc
        for q in doc.quotes:
            assert 0 <= q.start < q.end <= len(doc.text), doc.doc
            assert doc.text[q.start : q.end] == q.text, doc.doc
            assert q.text.strip() == q.text and q.text
            assert q.kind in ("direct", "indirect")
            assert q.speaker and q.cue
            assert q.cue_start is not None and q.cue_end is not None and q.cue_start < q.cue_end
            assert q.sentence is not None and 0 <= q.sentence < max(1, len(doc.sentences))
            assert not (q.start < q.cue_start < q.end and q.kind == "indirect" and "..." not in q.cue)
            if "..." not in q.cue:
                assert doc.text[q.cue_start : q.cue_end] == q.cue
        json.dumps([q.contract() for q in doc.quotes], ensure_ascii=False)
        total += len(doc.quotes)
    assert total > 2 * len(prepared)  # news articles are full of reported speech


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("rasad_ref_score", shared / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _loose(s: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in re.split(r"[\s\u200c]+", s) if p]
    return re.compile(r"(?<![\w\u200c])" + r"[\s\u200c]?".join(parts) + r"(?![\w\u200c])")


def test_seeds_with_gold_entities(shared_dir: Path) -> None:
    """The quote grammar alone: entities given as the gold names' mentions (a perfect NER)."""
    pipe = _front_pipeline(with_entities=False)
    stage = QuoteStage()
    gold, system = {}, {}
    for g in sorted((shared_dir / "eval" / "gold").glob("*.json")):
        gd = json.loads(g.read_text(encoding="utf-8"))
        doc = pipe(
            Article(raw=(shared_dir / "seeds" / f"{g.stem}.txt").read_text(encoding="utf-8"), doc=g.stem)
        )
        ents = []
        for e in gd["entities"]:
            ms = [
                Mention(m.group(), m.start(), m.end())
                for f in e["mentions"]
                for m in _loose(f).finditer(doc.text)
            ]
            ents.append(Entity(id=e["name"], name=e["name"], type=e["type"], mentions=ms))
        doc.entities = ents
        stage(doc)
        gold[g.stem] = gd
        system[g.stem] = doc.to_dict()
    sc = _scorer(shared_dir)
    r = sc.score(gold, system, sc.load_alias(str(shared_dir / "eval" / "aliases.tsv")))
    assert r["quote_f1"] >= 0.85, r
    assert r["quote_speaker_acc"] >= 0.92, r

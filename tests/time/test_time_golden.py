"""Golden tests on ../shared: the external date set and the seeds' gold timexes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from rasad.time import TimeStage
from rasad.time.evaluate import accuracy, read_rows

# share of ../shared/eval/external/dates.tsv resolved correctly, pinned at what the tagger reaches
EXTERNAL_FLOOR = 1.0


def test_external_dates(shared_dir: Path) -> None:
    rows = read_rows(shared_dir / "eval" / "external" / "dates.tsv")
    assert len(rows) >= 300
    acc, misses = accuracy(TimeStage(), rows)
    assert acc >= EXTERNAL_FLOOR, [(r.text, r.expected, got) for r, got in misses]


def _scorer(shared_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("rasad_reference_score", shared_dir / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seed_gold_timexes(shared_dir: Path) -> None:
    """Timex extent F1 ≥ 0.90 and value accuracy ≥ 0.95 on the seeds (reference scorer)."""
    from rasad.pipeline import analyze, default_pipeline

    pipe = default_pipeline().without("entities", "quotes", "events")
    score = _scorer(shared_dir)
    gold, system = {}, {}
    for g in sorted((shared_dir / "eval" / "gold").glob("*.json")):
        d = json.loads(g.read_text(encoding="utf-8"))
        doc = d.get("doc") or g.stem
        gold[doc] = {"timexes": d["timexes"]}
        art = analyze(
            (shared_dir / "seeds" / f"{doc}.txt").read_text(encoding="utf-8"), doc=doc, pipeline=pipe
        )
        system[doc] = {"timexes": [t.contract() for t in art.timexes]}
    r = score.score(gold, system, {})
    assert r["timex_f1"] >= 0.90, r
    assert r["timex_value_acc"] >= 0.95, r

"""Golden tests over the real articles of ../shared: no crash, sane offsets,
speed, and an event-F1 floor on the seeds (via the reference scorer)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.events import EventStage
from rasad.model import Article

STATUSES = {"occurred", "ongoing", "planned", "proposed", "denied", "cancelled"}
TYPES = {"CONSULT", "AGREE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "ASSAULT", "ACCUSE"}

pytestmark = pytest.mark.golden


@pytest.fixture(scope="module")
def upstream(shared_dir: Path, pipeline) -> list[Article]:  # type: ignore[no-untyped-def]
    """Every article of ../shared run through the stages before ``events``."""
    from rasad.pipeline import analyze

    pre = pipeline.without("events")
    files = sorted((shared_dir / "corpus" / "articles").glob("*.txt")) + sorted(
        (shared_dir / "seeds").glob("*.txt")
    )
    return [analyze(f.read_text(encoding="utf-8"), doc=f.stem, pipeline=pre) for f in files]


def test_every_article(upstream: list[Article]) -> None:
    stage = EventStage()
    total = 0
    for doc in upstream:
        doc = stage(doc)
        assert not [w for w in doc.warnings if w.startswith("events:")], (doc.doc, doc.warnings)
        for ev in doc.events:
            total += 1
            assert ev.type in TYPES and ev.status in STATUSES, ev
            assert 0 <= ev.start < ev.end <= len(doc.text), (doc.doc, ev)
            assert ev.evidence == doc.text[ev.start : ev.end]
            assert ev.sentence is not None and doc.sentences[ev.sentence].start <= ev.start
            assert len(ev.actors) >= 1 and len(set(ev.actors)) == len(ev.actors), ev
            if ev.type == "AGREE":  # (an attack may name its source alone: victims are no actors)
                assert len(ev.actors) >= 2, ev
            if ev.type == "CONSULT" and len(ev.actors) < 2:  # دیدار با نمایندگان ...: an unnamed side
                assert " با " in ev.evidence, ev
            assert ev.date is None or ev.date[:4].isdigit(), ev
    assert total > 50  # the corpus is news about diplomacy and war


def test_seed_event_floor(shared_dir: Path, pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Event F1 on the seeds with the full pipeline, scored by the reference scorer."""
    from rasad.pipeline import analyze

    out = tmp_path / "seeds.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for f in sorted((shared_dir / "seeds").glob("*.txt")):
            doc = analyze(f.read_text(encoding="utf-8"), doc=f.stem, pipeline=pipeline)
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    res = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(shared_dir / "eval" / "gold"), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = {}
    for line in res.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2:
            try:
                scores[parts[0]] = float(parts[1])
            except ValueError:
                pass
    assert scores["event_f1"] >= 0.5, scores
    assert scores["event_status_acc"] >= 0.8, scores

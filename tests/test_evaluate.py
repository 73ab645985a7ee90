"""`rasad eval` agrees with the reference scorer, and the quality gate holds its floors."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

from rasad.evaluate import METRICS, check_floors, evaluate, load_floors, load_gold, score_docs


def _reference(shared: Path, system: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "gold"), str(system), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def _perturbed(gold: dict) -> dict:
    """A plausible imperfect system: drops, renames and re-dates some items of gold."""
    sysd = copy.deepcopy(gold)
    for i, d in enumerate(sysd.values()):
        d["timexes"] = d["timexes"][1:] + [{"text": "فردا", "type": "DATE", "value": "2000-01-01"}]
        if d["timexes"]:
            d["timexes"][0]["value"] = "1999"
        d["entities"] = [e for j, e in enumerate(d["entities"]) if j % 3] + [{"name": "Kiev", "type": "GPE"}]
        for q in d["quotes"][::2]:
            q["speaker"] = "Someone Else" if i % 2 else "anonymous:source"
        for q in d["quotes"][1::3]:
            q["text"] = q["text"].split()[0]
        for e in d["events"][::2]:
            e["date"] = "2011"
        for e in d["events"][1::2]:
            e["status"] = "denied"
            e["location"] = "Washington"
    return sysd


def test_scores_agree_with_reference_scorer(shared_dir: Path, tmp_path: Path) -> None:
    gold = load_gold(shared_dir / "eval" / "gold")
    system = tmp_path / "sys.jsonl"
    system.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in _perturbed(gold).values()), encoding="utf-8")
    ours = evaluate(shared_dir / "eval" / "gold", system)
    ref = _reference(shared_dir, system)
    for k in METRICS:
        assert abs(ours[k] - ref[k]) < 1e-9, k
    assert 0 < ours["entity_f1"] < 1 and 0 < ours["quote_f1"] < 1 and 0 < ours["event_f1"] < 1


def test_pipeline_scores_agree_with_reference_scorer(shared_dir: Path, tmp_path: Path, pipeline) -> None:
    from rasad.evaluate import run_system

    gdir = shared_dir / "eval" / "gold"
    gold = load_gold(gdir)
    sysd = run_system(gold, gdir, pipeline)
    assert set(sysd) == set(gold)
    system = tmp_path / "sys.jsonl"
    system.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in sysd.values()), encoding="utf-8")
    ours = evaluate(gdir, system)
    ref = _reference(shared_dir, system)
    for k in METRICS:
        assert abs(ours[k] - ref[k]) < 1e-9, k


def test_quality_gate_holds_pinned_floors(shared_dir: Path, pipeline) -> None:
    scores = evaluate(shared_dir / "eval" / "gold", pipeline=pipeline)
    assert check_floors(scores, load_floors()) == []


def test_gold_against_itself_is_perfect() -> None:
    doc = {"timexes": [{"text": "روز سه‌شنبه", "value": "2025-10-21"}],
           "entities": [{"name": "Kyiv", "type": "GPE"}],
           "quotes": [{"speaker": "Sergey Lavrov", "text": "گفت‌وگوها ادامه دارد"}],
           "events": [{"type": "CONSULT", "actors": ["A", "B"], "date": "2025-08", "status": "occurred", "location": "X"}]}
    s = score_docs({"d": doc}, {"d": doc}, {})
    assert all(s[k] == 1.0 for k in METRICS)


def test_floors_catch_a_drop() -> None:
    assert check_floors({"timex_f1": 0.5}, {"timex_f1": 0.9})
    assert check_floors({}, {"timex_f1": 0.1})
    assert not check_floors({"timex_f1": 0.95}, {"timex_f1": 0.9})


def test_development_set_holds_its_floors_per_part(shared_dir: Path, pipeline) -> None:
    """Both parts of the development set's fixed split stay at or above their pinned floors."""
    import pytest

    from rasad.evalreport import evaluate_parts

    gdir = shared_dir / "eval" / "dev" / "gold"
    if not gdir.is_dir():
        pytest.skip("no development gold in ../shared/eval/dev/gold")
    parts, outlets, _, _ = evaluate_parts(gdir, pipeline=pipeline)
    assert parts["tune"]["docs"] + parts["heldout"]["docs"] == parts["all"]["docs"] and len(outlets) >= 5
    for part, section in (("tune", "dev_tune"), ("heldout", "dev_heldout")):
        floors = load_floors(section)
        assert floors, section
        assert check_floors(parts[part], floors) == [], part

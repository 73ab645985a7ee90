"""The development set's split is fixed, covers every document once, and hides held-out errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad import devset
from rasad.evalreport import misses


def test_split_rule_is_fixed_and_total() -> None:
    assert devset.part_of("001_farsnews") == devset.TUNE  # corpus articles always tune
    assert devset.part_of("050_tasnim") == devset.TUNE
    parts = {d: devset.part_of(d) for d in (f"{n}_x" for n in range(100, 300))}
    assert set(parts.values()) == {devset.TUNE, devset.HELDOUT}
    share = sum(p == devset.HELDOUT for p in parts.values()) / len(parts)
    assert 0.35 < share < 0.65
    assert devset.outlet_of("101_farsnews") == "farsnews"
    with pytest.raises(ValueError):
        devset.select(["a"], "other")


def test_dev_split_on_the_real_set(shared_dir: Path) -> None:
    docs = sorted(p.stem for p in (shared_dir / "eval" / "dev" / "gold").glob("*.json"))
    if not docs:
        pytest.skip("no development gold in ../shared/eval/dev/gold")
    tune, held = devset.select(docs, devset.TUNE), devset.select(docs, devset.HELDOUT)
    assert sorted(tune + held) == docs and not set(tune) & set(held)
    assert len(held) >= len(docs) // 4


def test_misses_never_list_heldout_documents(tmp_path: Path) -> None:
    gdir = tmp_path / "dev" / "gold"
    gdir.mkdir(parents=True)
    held = next(d for d in (f"{n}_x" for n in range(100, 200)) if devset.part_of(d) == devset.HELDOUT)
    tune = "001_x"
    ev = {"type": "CONSULT", "actors": ["A", "B"], "date": None, "status": "occurred", "evidence": "e"}
    gold = {held: {"events": [ev]}, tune: {"events": [ev]}}
    rows = list(misses(gold, {}, gdir, "events"))
    assert [r["doc"] for r in rows] == [tune] and rows[0]["kind"] == "miss"
    assert sorted(r["doc"] for r in misses(gold, {}, gdir, "events", allow_heldout=True)) == sorted([held, tune])


def test_shared_dev_follows_rasad_shared_then_the_checkout(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rasad.devset import shared_dev

    monkeypatch.setenv("RASAD_SHARED", str(tmp_path))
    assert shared_dev() == tmp_path / "eval" / "dev"
    monkeypatch.delenv("RASAD_SHARED")
    assert shared_dev(tmp_path / "repo") == tmp_path / "shared" / "eval" / "dev"


def test_tuning_articles_reads_its_cache_without_analysing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pickle

    from rasad.devset import tuning_articles

    cache = tmp_path / "tune.pkl"
    cache.write_bytes(pickle.dumps([("article", {"doc": "001_x"})]))
    # the folder has no gold: only the cache can answer
    assert tuning_articles(tmp_path / "no-dev", cache=cache) == [("article", {"doc": "001_x"})]

"""Analysis spread over a local dask cluster gives the same records as the plain pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.parallel import analyze_file, analyze_files, analyze_parallel, chunk_size


def test_parallel_matches_serial(examples_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    (tmp_path / "bad.txt").write_bytes(b"")
    serial = {}
    for f in sorted(examples_dir.iterdir()):
        for rec in analyze_file(str(f)):
            serial[rec["doc"]] = rec
    got = list(analyze_parallel([examples_dir, tmp_path], workers=2, chunk=2))  # several files per task
    errors = [r for r in got if "error" in r]
    assert len(errors) == 1 and "empty" in errors[0]["error"]
    par = {r["doc"]: r for r in got if "error" not in r}
    assert par.keys() == serial.keys()
    for k in par:
        assert par[k]["text"] == serial[k]["text"]
        assert par[k]["published"] == serial[k]["published"]


def test_tasks_carry_chunks_of_files() -> None:
    """One task per file cost ~3 ms of scheduling each, more than a short article's analysis."""
    assert chunk_size(10_000, 2) == 64
    assert chunk_size(400, 2) == 25
    assert chunk_size(3, 2) == 1


def test_a_chunk_is_its_files_in_order(examples_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    files = [str(f) for f in sorted(examples_dir.iterdir())] + [str(tmp_path / "bad.txt")]
    expected = [r for f in files for r in analyze_file(f)]
    got = analyze_files(files)
    assert [r.get("doc") or r["error"] for r in got] == [r.get("doc") or r["error"] for r in expected]
    assert "empty" in got[-1]["error"]

"""Analysis spread over a local dask cluster gives the same records as the plain pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.parallel import analyze_file, analyze_parallel


def test_parallel_matches_serial(examples_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    (tmp_path / "bad.txt").write_bytes(b"")
    serial = {}
    for f in sorted(examples_dir.iterdir()):
        for rec in analyze_file(str(f)):
            serial[rec["doc"]] = rec
    got = list(analyze_parallel([examples_dir, tmp_path], workers=2))
    errors = [r for r in got if "error" in r]
    assert len(errors) == 1 and "empty" in errors[0]["error"]
    par = {r["doc"]: r for r in got if "error" not in r}
    assert par.keys() == serial.keys()
    for k in par:
        assert par[k]["text"] == serial[k]["text"]
        assert par[k]["published"] == serial[k]["published"]

"""Crash safety: ``rasad ingest`` killed with SIGKILL mid-batch leaves an intact store, and a rerun
completes it with every article exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
N = 1500
STAGES = "header,normalize,metadata"  # light stages: the test is about the store, not the analysis


def _articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(N):
        (folder / f"a{i:05d}.txt").write_text(
            f" date 2025-03-{1 + i % 28:02d}\nخبر شماره {i}: وزیر امور خارجه در نشست خبری گفت که"
            f" گفت‌وگوها با همتای خود در هفته {i % 52} ادامه خواهد یافت.\n", encoding="utf-8")


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "rasad.cli", "ingest", "-q", "--stages", STAGES, "--db", str(db),
                             str(folder)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_kill_9_mid_ingest_then_rerun(tmp_path: Path) -> None:
    folder, db = tmp_path / "news", tmp_path / "news.db"
    _articles(folder)
    proc = _ingest(folder, db)
    deadline = time.monotonic() + 180
    killed_at = 0
    while time.monotonic() < deadline and proc.poll() is None:
        killed_at = _count(db)
        if killed_at >= 50:
            os.kill(proc.pid, signal.SIGKILL)  # by its pid: no cleanup, no final commit
            break
        time.sleep(0.02)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "ingest ended before it could be killed mid-way"
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()
    assert killed_at <= partial < N

    rerun = _ingest(folder, db)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    assert f"added {N - partial}, already present {partial}, failed 0" in err.decode()
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*), count(DISTINCT hash), count(DISTINCT doc) FROM articles").fetchone() == (N, N, N)
    finally:
        con.close()

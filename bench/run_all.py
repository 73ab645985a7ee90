"""Run every benchmark in sequence and print their figures (``make bench``).

Each bench runs as its own process (so one's memory peak or crash does not touch the next),
with its output passed through and its wall time noted; a summary table closes the run.
Benches that need ``../shared`` say so and are counted as skipped.

    python bench/run_all.py            # the default sizes below (a few minutes on 2 cores)
    python bench/run_all.py --quick    # smaller sizes, a smoke run
    python bench/run_all.py --only pipeline,normalize
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: name → (script, arguments, quick arguments); in the order they run
BENCHES: dict[str, tuple[str, list[str], list[str]]] = {
    "normalize": ("bench_normalize.py", [], ["--repeat", "1"]),
    "time": ("bench_time.py", [], []),
    "ner": ("bench_ner.py", ["--skip-train"], ["--skip-train"]),
    "pipeline": ("bench_pipeline.py", [], ["--rounds", "3"]),
    "ingest": ("bench_ingest.py", ["--mb", "10"], ["--mb", "1"]),
    "http": ("bench_http.py", ["--articles", "500", "--requests", "300"], ["--articles", "100", "--requests", "50"]),
    "syntax": ("bench_syntax.py", [], ["--rounds", "1"]),
    "names": ("bench_names.py", [], ["--limit", "2000"]),
    "startup": ("bench_startup.py", [], ["--repeat", "1"]),
    "positions": ("bench_positions.py", [], ["--no-pipeline"]),
    "semantic": ("bench_semantic.py", [], ["--passages", "10000", "--queries", "20"]),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    ap.add_argument("--only", default="", help="comma-separated bench names: " + ", ".join(BENCHES))
    a = ap.parse_args()
    names = [n.strip() for n in a.only.split(",") if n.strip()] or list(BENCHES)
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        ap.error(f"unknown bench(es) {unknown}; choose from {list(BENCHES)}")
    rows: list[tuple[str, str, float]] = []
    for name in names:
        script, args, quick = BENCHES[name]
        cmd = [sys.executable, str(HERE / script), *(quick if a.quick else args)]
        print(f"\n=== {name}: {' '.join(cmd[1:])}", flush=True)
        t = time.perf_counter()
        rc = subprocess.run(cmd, cwd=HERE.parent).returncode
        rows.append((name, "ok" if rc == 0 else f"exit {rc}", time.perf_counter() - t))
    print("\n=== summary")
    for name, status, secs in rows:
        print(f"{name:10s} {status:8s} {secs:8.1f} s")
    return 0 if all(s == "ok" for _, s, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())

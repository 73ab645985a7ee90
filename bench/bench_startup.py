#!/usr/bin/env python3
"""Start-up cost of ``rasad analyze one.txt``: CPU seconds, cache off / cold / cached.

Usage::

    .venv/bin/python bench/bench_startup.py [--repeat 3] [--file one.txt]

Runs ``python -m rasad.cli analyze FILE`` in fresh processes (one short written article
unless ``--file`` is given) and prints the CPU time (user + system of the child) of:
``off`` (``RASAD_CACHE=off``: every resource built), ``cold`` (an empty cache folder:
built and written) and ``cached`` (the same folder again: read back), best of
``--repeat`` runs each, plus the build time of every stage in a cached process.
The target of issue 13 is under 1 s wall on an idle 2-core machine (≤ 0.8 s CPU).

The package's bytecode is compiled first (``compileall``, as ``pip install`` does): with
``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__`` every start would compile some eighty
modules from source again (about 0.4 s more).  ``--no-compile`` skips that step.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = (
    " date 2025-10-21\n"
    "تهران - وزیر امور خارجه ایران روز دوشنبه در دیدار با همتای روسی خود گفت که گفت‌وگوها"
    " درباره برنامه هسته‌ای هفته آینده در ژنو ادامه خواهد یافت.\n"
)

_CLI = "import sys; sys.argv[0] = 'rasad'; from rasad.cli import main; main()"  # the `rasad` entry point

_STAGES = """
import time
t0 = time.process_time()
import rasad.pipeline as P
from rasad.cache import building
shared = {}
with building():
    for n in P.STAGE_NAMES:
        t = time.process_time(); P._build_stage(n, shared); print(f"  {n:<10}{time.process_time() - t:6.3f} s")
print(f"  {'all':<10}{time.process_time() - t0:6.3f} s (imports included)")
"""


def _cpu(cmd: list[str], env: dict[str, str], walls: list[float] | None = None) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    if walls is not None:
        walls.append(time.perf_counter() - t0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--file", type=Path, default=None)
    ap.add_argument("--no-compile", action="store_true", help="do not compile the package's bytecode first")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not args.no_compile:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "rasad")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        one = args.file or Path(tmp) / "one.txt"
        if args.file is None:
            one.write_text(ARTICLE, encoding="utf-8")
        cmd = [sys.executable, "-c", _CLI, "analyze", "--quiet", str(one)]
        rows: dict[str, float] = {}
        rows["off"] = min(_cpu(cmd, {**env, "RASAD_CACHE": "off"}) for _ in range(args.repeat))
        colds = []
        for i in range(args.repeat):
            colds.append(_cpu(cmd, {**env, "RASAD_CACHE": str(Path(tmp) / f"cold{i}")}))
        rows["cold"] = min(colds)
        warm = {**env, "RASAD_CACHE": str(Path(tmp) / "cold0")}
        walls: list[float] = []
        rows["cached"] = min(_cpu(cmd, warm, walls) for _ in range(args.repeat))
        print(f"rasad analyze one.txt, CPU seconds (best of {args.repeat}):")
        for k, v in rows.items():
            print(f"  {k:<8}{v:6.2f} s")
        print(f"  cached wall {min(walls):.2f} s (best of {args.repeat})")
        print("stage build, cached (CPU seconds):")
        subprocess.run([sys.executable, "-c", _STAGES], env=warm, cwd=ROOT, check=True)


if __name__ == "__main__":
    main()

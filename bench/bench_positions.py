"""Positions: accuracy per stance on the gold table written for rasad from the development set.

    python bench/bench_positions.py [--shared ../shared] [--no-pipeline] [--misses]

Prints, for the statement-level stance reader and for the whole pipeline, the accuracy per stance
on the tuning and held-out parts of the development split (``rasad/devset.py``). ``--misses``
lists the tuning rows the reader gets wrong (expected, got, issue form, cues, reporting verb);
held-out rows are never listed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rasad.pipeline import default_pipeline
from rasad.positions.evaluate import score_positions, tune_misses

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--no-pipeline", action="store_true")
    ap.add_argument("--misses", action="store_true", help="list the tuning rows the reader gets wrong")
    a = ap.parse_args()
    if a.misses:
        for m in tune_misses(HERE / "data" / "positions_gold.tsv", Path(a.shared) / "eval" / "dev"):
            print(f"{m['doc']} {m['item']} {m['issue']}: expected {m['expected']}, got {m['got']}"
                  f" | form {m['form']} | cues {m['cues']} | reporting {m['reporting']}")
        return
    t = time.perf_counter()
    res = score_positions(HERE / "data" / "positions_gold.tsv", Path(a.shared) / "eval" / "dev",
                          None if a.no_pipeline else default_pipeline())
    stances = ("supports", "opposes", "conditions", "neutral", "all")
    for mode, parts in res.items():
        print(f"\n{mode}: accuracy per stance (n)")
        print(f"{'part':9}" + "".join(f"{s:>18}" for s in stances))
        for part in ("tune", "heldout", "all"):
            if part not in parts:
                continue
            sc = parts[part]
            print(f"{part:9}" + "".join(
                f"{sc.get(s, float('nan')):>12.2f} ({int(sc.get('n_' + s, 0)):>3})" for s in stances))
    print(f"\n{time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()

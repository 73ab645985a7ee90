"""Whole-pipeline speed and memory on the real articles, stage by stage.

Streams the 56 real articles of ../shared (seeds + corpus) through the full pipeline
repeatedly and prints articles/s, MB/s, the time share of each stage and peak RSS.

    python bench/bench_pipeline.py [--rounds 20] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path

from rasad.ingest import Failure, iter_inputs
from rasad.model import Article
from rasad.pipeline import analyze, default_pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    a = ap.parse_args()
    shared = Path(a.shared)
    raws = [x.raw for x in iter_inputs([shared / "seeds", shared / "corpus" / "articles"]) if not isinstance(x, Failure)]
    if not raws:
        raise SystemExit(f"no articles under {shared}")
    t0 = time.perf_counter()
    pipe = default_pipeline()
    pipe(Article(raw=raws[0]))  # load every resource once
    load_s = time.perf_counter() - t0
    per_stage: dict[str, float] = defaultdict(float)
    n = chars = 0
    start = time.perf_counter()
    for _ in range(a.rounds):
        for raw in raws:
            doc = Article(raw=raw)
            for stage in pipe.stages:
                s0 = time.perf_counter()
                doc = stage(doc)
                per_stage[stage.name] += time.perf_counter() - s0
            n += 1
            chars += len(raw)
    wall = time.perf_counter() - start
    cpu_start = time.process_time()
    for raw in raws:
        pipe(Article(raw=raw))
    prebuilt_ms = (time.process_time() - cpu_start) / len(raws) * 1000
    analyze(raws[0])  # builds the process's shared pipeline once
    cpu_start = time.process_time()
    for raw in raws:
        analyze(raw)
    analyze_ms = (time.process_time() - cpu_start) / len(raws) * 1000
    mb = sum(len(r.encode("utf-8")) for r in raws) * a.rounds / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles            {n} ({len(raws)} real articles x {a.rounds} rounds)")
    print(f"resources loaded in {load_s:.2f} s")
    print(f"throughput          {n / wall:.1f} articles/s   {mb / wall:.2f} MB/s   {chars / wall / 1e6:.2f} M chars/s")
    print(f"per article         {wall / n * 1000:.2f} ms")
    for name in pipe.names:
        print(f"  {name:12s} {per_stage[name] / n * 1000:7.3f} ms  ({per_stage[name] / wall * 100:4.1f} %)")
    print(f"rasad.analyze()     {analyze_ms:.2f} ms CPU per call (shared pipeline) vs {prebuilt_ms:.2f} ms prebuilt")
    print(f"peak RSS            {rss:.0f} MB")


if __name__ == "__main__":
    main()

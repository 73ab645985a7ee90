"""Whole-pipeline speed and memory on the real articles, stage by stage.

Streams the 56 real articles of ../shared (seeds + corpus) through the full pipeline
repeatedly and prints articles/s, MB/s, the time share of each stage and peak RSS.

    python bench/bench_pipeline.py [--rounds 20] [--shared ../shared] [--cpu]

``--cpu`` times with CPU time (``time.process_time``) instead of wall time: the figure to
compare on a shared, loaded machine.  ``--new N`` streams N articles of the raw corpus
(``corpus/raw/*.jsonl``, each read once, every 8th line) instead of repeating the 56: the
figure on new text, where the per-word caches of the tagger, the CRF and the ZWNJ repair
meet words they have not seen (the repeated rounds measure warm caches).  ``--dump out.jsonl`` writes, for every article of
seeds, corpus and the dev set, ``to_dict()`` plus the syntax layer (tokens, clauses) as
JSON lines and exits: two dumps must be byte-identical when a change is meant to be a
pure speed-up (``cmp before.jsonl after.jsonl``).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

from rasad.ingest import Failure, iter_inputs
from rasad.model import Article
from rasad.pipeline import analyze, default_pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--cpu", action="store_true", help="time with CPU time, not wall time")
    ap.add_argument("--dump", help="write every article's outputs (JSON lines) to this file and exit")
    ap.add_argument("--new", type=int, default=0, metavar="N", help="stream N new raw-corpus articles once")
    a = ap.parse_args()
    shared = Path(a.shared)
    if a.dump:
        dump(shared, Path(a.dump))
        return
    clock = time.process_time if a.cpu else time.perf_counter
    raws = [x.raw for x in iter_inputs([shared / "seeds", shared / "corpus" / "articles"]) if not isinstance(x, Failure)]
    if a.new:
        raws, a.rounds = raw_corpus(shared, a.new), 1
    if not raws:
        raise SystemExit(f"no articles under {shared}")
    t0 = time.perf_counter()
    pipe = default_pipeline()
    pipe(Article(raw=raws[0]))  # load every resource once
    load_s = time.perf_counter() - t0
    per_stage: dict[str, float] = defaultdict(float)
    n = chars = 0
    start = clock()
    for _ in range(a.rounds):
        for raw in raws:
            doc = Article(raw=raw)
            for stage in pipe.stages:
                s0 = clock()
                doc = stage(doc)
                per_stage[stage.name] += clock() - s0
            n += 1
            chars += len(raw)
    wall = clock() - start
    again = raws[:56]  # the new-text run repeats a few only: the per-call figures, not a second stream
    cpu_start = time.process_time()
    for raw in again:
        pipe(Article(raw=raw))
    prebuilt_ms = (time.process_time() - cpu_start) / len(again) * 1000
    analyze(raws[0])  # builds the process's shared pipeline once
    cpu_start = time.process_time()
    for raw in again:
        analyze(raw)
    analyze_ms = (time.process_time() - cpu_start) / len(again) * 1000
    mb = sum(len(r.encode("utf-8")) for r in raws) * a.rounds / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    what = f"{len(raws)} real articles x {a.rounds} rounds"
    if a.new:
        what = f"{len(raws)} new raw-corpus articles, each once"
    print(f"articles            {n} ({what})")
    print(f"resources loaded in {load_s:.2f} s")
    print(f"clock               {'CPU (process_time)' if a.cpu else 'wall (perf_counter)'}")
    print(f"throughput          {n / wall:.1f} articles/s   {mb / wall:.2f} MB/s   {chars / wall / 1e6:.2f} M chars/s")
    print(f"per article         {wall / n * 1000:.2f} ms")
    for name in pipe.names:
        print(f"  {name:12s} {per_stage[name] / n * 1000:7.3f} ms  ({per_stage[name] / wall * 100:4.1f} %)")
    print(f"rasad.analyze()     {analyze_ms:.2f} ms CPU per call (shared pipeline) vs {prebuilt_ms:.2f} ms prebuilt")
    print(f"peak RSS            {rss:.0f} MB")


def raw_corpus(shared: Path, n: int) -> list[str]:
    """``n`` article texts of ``corpus/raw/*.jsonl``: every 8th line, the files in name order."""
    out: list[str] = []
    for path in sorted((shared / "corpus" / "raw").glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k % 8 == 0 and len(out) < n:
                    out.append(json.loads(line)["text"])
    return out


def dump(shared: Path, out: Path) -> None:
    """Every article's ``to_dict()`` and syntax layer, one JSON line each, in a fixed order."""
    dirs = [shared / "seeds", shared / "corpus" / "articles", shared / "eval" / "dev" / "articles"]
    pipe = default_pipeline()
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for d in dirs:
            for path in sorted(d.glob("*.txt")):
                doc = pipe(Article(raw=path.read_text(encoding="utf-8"), doc=path.stem))
                rec = {
                    "file": f"{d.name}/{path.name}",
                    "out": doc.to_dict(),
                    "tokens": [asdict(t) for t in doc.tokens],
                    "clauses": [asdict(c) for c in doc.clauses],
                }
                fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True, default=repr) + "\n")
                n += 1
    print(f"{n} articles written to {out}")


if __name__ == "__main__":
    main()

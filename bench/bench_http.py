"""HTTP load bench: search and timeline over a few thousand stored articles, on loopback only.

Fills a temp store with the real corpus (../shared/seeds + ../shared/corpus/articles), repeated
with a varying marker line so every copy is a new article, starts uvicorn (one worker, in a
child process so the load generator does not share its interpreter) on a free 127.0.0.1 port,
fires a bounded number of requests with a small thread pool, prints requests/s and p50/p95
latency per endpoint, stops the server and exits.

    .venv/bin/python bench/bench_http.py                       # 3000 articles, 2000 requests each, 8 threads
    .venv/bin/python bench/bench_http.py --articles 500 --requests 400 --stages normalize
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# common words of Persian news (queries are written without ZWNJ on purpose)
SEARCH_TERMS = [
    "گفت", "میشود", "رئیس جمهور", "وزیر", "مذاکرات", "دیدار", "آمریکا", "ایران", "روسیه",
    "نشست", "گفتوگو", "اعلام", "تهران", "سفر", "\"وزیر امور خارجه\"", "توافق", "جنگ", "اقتصاد",
]
TIMELINE_QUERIES = [
    "", "?status=occurred", "?status=denied", "?type=CONSULT", "?since=2025-01-01", "?limit=50",
    "?type=CONSULT&status=planned", "?until=2025-12-31&limit=100",
]


def corpus_texts() -> list[tuple[str, str]]:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "articles").glob("*.txt"))
    if not files:
        sys.exit(f"no articles under {SHARED}; the bench needs ../shared")
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


def fill(db: Path, n: int, stages: str) -> float:
    """Analyze the corpus once, then store ``n`` copies with distinct markers; returns seconds."""
    import rasad
    from rasad.store import Store

    pipe = rasad.default_pipeline()
    if stages != "all":
        keep = set(stages.split(","))
        pipe = pipe.without(*[s for s in pipe.names if s not in keep and s != "header"])
    base = corpus_texts()
    t0 = time.perf_counter()
    with Store.open(db) as st:
        for i in range(n):
            doc, text = base[i % len(base)]
            copy = i // len(base)
            # the marker goes at the end so the ' date' header line stays first
            raw = f"{text}\n(نسخهٔ آزمایشی {copy})" if copy else text
            st.add(pipe(rasad.Article(raw=raw, doc=f"{doc}~{copy}")))
            if (i + 1) % 500 == 0:
                print(f"  stored {i + 1}/{n}", file=sys.stderr)
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fire(base: str, paths: list[str], concurrency: int) -> tuple[float, list[float], dict[int, int]]:
    """GET every path with ``concurrency`` threads; (wall seconds, latencies in ms, status counts)."""
    local = threading.local()
    lat: list[float] = []
    codes: dict[int, int] = {}
    lock = threading.Lock()

    def one(path: str) -> None:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=30, trust_env=False)
        t = time.perf_counter()
        r = client.get(path)
        r.read()
        dt = (time.perf_counter() - t) * 1000
        with lock:
            lat.append(dt)
            codes[r.status_code] = codes.get(r.status_code, 0) + 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, paths))
    return time.perf_counter() - t0, lat, codes


def pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--stages", default="all", help="'all' or a comma list of stages to run while filling")
    ap.add_argument("--db", type=Path, help="reuse (or create) this database instead of a temp one")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="rasad-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            secs = fill(db, args.articles, args.stages)
            print(f"filled {args.articles} articles in {secs:.1f}s ({args.articles / secs:.0f}/s)")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port)
        try:
            run_load(base, args)
        finally:
            server.terminate()
            server.wait(timeout=10)


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """uvicorn serving ``create_app(db)`` on 127.0.0.1:``port`` in a child process; waits until it answers."""
    code = (
        "import sys, uvicorn; from rasad.api import create_app; "
        "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)], cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"the server exited with code {proc.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1, trust_env=False)
            return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    sys.exit("the server did not start within 30 s")


def run_load(base: str, args: argparse.Namespace) -> None:
    """Fire the planned requests at each endpoint and print a line of figures for each."""
    with httpx.Client(base_url=base, trust_env=False) as c:
        stats = c.get("/api/stats").json()
    print(f"store: {stats['articles']} articles, {stats['merged_events']} merged events, "
          f"{stats['entities']} entities, {stats['db_bytes'] / 1e6:.1f} MB")
    rng = random.Random(7)
    plans = {
        "/api/search": [f"/api/search?q={quote(rng.choice(SEARCH_TERMS))}" for _ in range(args.requests)],
        "/api/timeline": [f"/api/timeline{rng.choice(TIMELINE_QUERIES)}" for _ in range(args.requests)],
    }
    print(f"{'endpoint':<16}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  status")
    for name, paths in plans.items():
        fire(base, paths[: min(50, len(paths))], args.concurrency)  # warm up caches and connections
        wall, lat, codes = fire(base, paths, args.concurrency)
        print(f"{name:<16}{len(paths):>9}{len(paths) / wall:>9.0f}{statistics.median(lat):>9.1f}"
              f"{pct(lat, 95):>9.1f}{max(lat):>9.1f}  {codes}")


if __name__ == "__main__":
    main()

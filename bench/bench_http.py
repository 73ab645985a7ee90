"""Benchmark: the HTTP API at 8 connections on loopback over a store of real articles.

Builds (once; ``--db`` keeps it) a store of ``--articles`` articles (default 5,000) from the raw
corpus ``../shared/corpus/raw/*.jsonl`` through the full pipeline, starts ``rasad serve``
(``--workers`` processes) on a free 127.0.0.1 port, and loads four endpoints in turn for
``--seconds`` each: search, timeline, one article and the page.  Prints requests/s and
p50/p95 latency per endpoint, the server's CPU time (user + system, all workers) per request
and the requests/s that implies if every core were free for the server and the client
(``idle est``: cores × 1000 / (server + wrk CPU ms per request) — on a machine loaded by
other work the measured req/s says little), stops the server and exits.

The load generator is ``wrk`` (C, one Lua script rotating the request paths) when it is on the
PATH, else a multi-process Python client (``--client python``).  Two mixes:

* ``repeated`` — a small fixed set of queries asked again and again (what a page's users do);
* ``distinct`` — a new search query each request (words drawn from the corpus) and the
  timeline with varying filters and offsets, so the server's response cache rarely helps
  (the warm-up before each line uses the repeated mix's paths, never the measured ones;
  a line has paths enough not to come round to answered ones, each search word once).

    .venv/bin/python bench/bench_http.py --db /tmp/bench5k.db            # 5,000 articles
    .venv/bin/python bench/bench_http.py --db /tmp/bench5k.db --workers 1 --seconds 5
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

# common words of Persian news (queries are written without ZWNJ on purpose)
SEARCH_TERMS = [
    "گفت", "میشود", "رئیس جمهور", "وزیر", "مذاکرات", "دیدار", "آمریکا", "ایران", "روسیه",
    "نشست", "گفتوگو", "اعلام", "تهران", "سفر", "\"وزیر امور خارجه\"", "توافق", "جنگ", "اقتصاد",
]
TIMELINE_QUERIES = [
    "", "?status=occurred", "?status=denied", "?type=CONSULT", "?since=2020-01-01", "?limit=50",
    "?type=CONSULT&status=planned", "?until=2020-12-31&limit=100",
]
TYPES = ["CONSULT", "ACCUSE", "THREATEN", "AGREE", "REQUEST", "SUPPORT", "REJECT", "ASSAULT"]  # the store's types
WRK_THREADS = 2
STATUSES = ["occurred", "planned", "denied", "proposed", "ongoing", "cancelled"]

# each wrk thread takes every %(threads)d-th path from its own start (not all threads the same sequence)
WRK_LUA = """
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local n_threads = 0
setup = function(thread)
  thread:set("id", n_threads)
  n_threads = n_threads + 1
end
local i = -1
request = function()
  if i < 0 then i = id or 0 end
  local path = paths[i %% #paths + 1]
  i = i + %(threads)d
  return wrk.format("GET", path)
end
response = function(status, headers, body)
  if status ~= 200 then errors_non200 = (errors_non200 or 0) + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%f %%f %%f %%f %%d %%d\\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency.max / 1e3,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""


def raw_records(n: int) -> list[dict[str, str]]:
    files = sorted((SHARED / "corpus" / "raw").glob("*.jsonl"))
    if not files:
        sys.exit(f"no raw corpus under {SHARED / 'corpus' / 'raw'}; the bench needs ../shared")
    out: list[dict[str, str]] = []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                out.append(json.loads(line))
    random.Random(7).shuffle(out)
    return out[:n]


def fill(db: Path, n: int) -> None:
    """Analyze and store ``n`` raw articles (the ingest path of ``rasad ingest``)."""
    import rasad
    from rasad.ingest.readers import article_from_record
    from rasad.store import Store

    pipe = rasad.default_pipeline()
    t0 = time.perf_counter()
    with Store.open(db) as st:
        for i, rec in enumerate(raw_records(n)):
            rec = {k: v for k, v in rec.items() if k in ("doc", "published", "title", "text", "url")} | {
                "source": rec.get("outlet")}
            st.add(pipe(article_from_record(rec, "bench")))
            if (i + 1) % 1000 == 0:
                print(f"  stored {i + 1}/{n} ({(i + 1) / (time.perf_counter() - t0):.0f}/s)", file=sys.stderr)
    print(f"filled {n} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, timeout: float = 5) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 - loopback only
        data: bytes = r.read()
        return data


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``rasad serve`` on 127.0.0.1:``port`` in a child process; waits until it answers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "rasad.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"the server exited with code {proc.returncode}")
        try:
            get(f"http://127.0.0.1:{port}/api/stats", timeout=1)
            time.sleep(1.0 if workers > 1 else 0)  # let every worker finish starting
            return proc
        except OSError:
            time.sleep(0.2)
    stop(proc)
    sys.exit("the server did not start within 60 s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its live descendants (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(d.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    tree, total = {pid}, 0.0
    grew = True
    while grew:
        grew = False
        for p, (ppid, _) in stats.items():
            if ppid in tree and p not in tree:
                tree.add(p)
                grew = True
    for p in tree:
        total += stats.get(p, (0, 0.0))[1]
    return total


def client_cpu() -> float:
    """CPU seconds used so far by finished child processes of this one (wrk runs)."""
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def corpus_words(n: int, rng: random.Random) -> list[str]:
    """``n`` words of the corpus, each once (in rounds of a new order if ``n`` exceeds them)."""
    seen: set[str] = set()
    for rec in raw_records(400):
        seen.update(re.findall(r"[\u0600-\u06FF]{4,}", rec["text"]))
    pool = sorted(seen)
    out: list[str] = []
    while len(out) < n:
        out += rng.sample(pool, min(len(pool), n - len(out)))
    return out


def plans(mix: str, n: int, article_ids: list[int], seed: int = 11) -> dict[str, list[str]]:
    rng = random.Random(seed)
    if mix == "repeated":
        search = [f"/api/search?q={quote(rng.choice(SEARCH_TERMS))}" for _ in range(n)]
        timeline = [f"/api/timeline{rng.choice(TIMELINE_QUERIES)}" for _ in range(n)]
        article = [f"/api/articles/{rng.choice(article_ids[:20])}" for _ in range(n)]
    else:
        search = [f"/api/search?q={quote(w)}" for w in corpus_words(n, rng)]
        timeline = []
        for _ in range(n):
            q = [f"offset={rng.randrange(0, 3000)}", f"limit={rng.choice([20, 50, 100, 200])}"]
            if rng.random() < 0.5:
                q.append(f"type={rng.choice(TYPES)}")
            if rng.random() < 0.3:
                q.append(f"status={rng.choice(STATUSES)}")
            timeline.append("/api/timeline?" + "&".join(q))
        article = [f"/api/articles/{rng.choice(article_ids)}" for _ in range(n)]
    return {"search": search, "timeline": timeline, "article": article, "page": ["/"] * n}


def run_wrk(base: str, paths: list[str], seconds: float, conns: int, tmp: Path) -> tuple[float, float, float, float, str]:
    plist, script = tmp / "paths.txt", tmp / "rotate.lua"
    plist.write_text("\n".join(paths) + "\n", encoding="utf-8")
    script.write_text(WRK_LUA % {"paths": plist, "threads": WRK_THREADS}, encoding="utf-8")
    out = subprocess.run(
        ["wrk", f"-t{WRK_THREADS}", f"-c{conns}", f"-d{max(1, int(seconds))}s", "--timeout", "10s", "-s", str(script), base],
        capture_output=True, text=True, timeout=seconds + 60,
    ).stdout
    m = re.search(r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+) (\d+)", out)
    if not m:
        sys.exit(f"wrk printed no result:\n{out}")
    reqs, secs, p50, p95, mx = int(m[1]), float(m[2]), float(m[3]), float(m[4]), float(m[5])
    return reqs / secs, p50, p95, mx, f"{reqs} req, {int(m[6])} socket errors, {int(m[7])} non-2xx"


def _client(base: str, paths: list[str], until: float, q: mp.Queue) -> None:  # type: ignore[type-arg]
    import http.client

    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    lat: list[float] = []
    errors = 0
    i = 0
    while time.monotonic() < until:
        t = time.perf_counter()
        try:
            conn.request("GET", paths[i % len(paths)])
            r = conn.getresponse()
            r.read()
            errors += r.status != 200
        except OSError:
            errors += 1
            conn = http.client.HTTPConnection(host, int(port), timeout=10)
        lat.append((time.perf_counter() - t) * 1000)
        i += 1
    q.put((lat, errors))


def run_python(base: str, paths: list[str], seconds: float, conns: int) -> tuple[float, float, float, float, str]:
    ctx = mp.get_context("fork")
    q: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    t0 = time.monotonic()
    until = t0 + seconds
    procs = [ctx.Process(target=_client, args=(base, paths[k::conns] or paths, until, q)) for k in range(conns)]
    for p in procs:
        p.start()
    results = [q.get(timeout=seconds + 60) for _ in procs]
    for p in procs:
        p.join(10)
    wall = time.monotonic() - t0
    lat = sorted(x for r, _ in results for x in r)
    errors = sum(e for _, e in results)
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
    return len(lat) / wall, statistics.median(lat), p95, lat[-1], f"{len(lat)} req, {errors} errors"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--db", type=Path, help="reuse (or build) this database instead of a temporary one")
    ap.add_argument("--workers", type=int, default=2, help="server processes (rasad serve --workers)")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=8.0, help="load per endpoint and mix")
    ap.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    ap.add_argument("--mix", choices=["repeated", "distinct", "both"], default="both")
    ap.add_argument("--endpoints", default="search,timeline,article,page")
    args = ap.parse_args()
    client = args.client if args.client != "auto" else ("wrk" if shutil.which("wrk") else "python")

    with tempfile.TemporaryDirectory(prefix="rasad-bench-") as tmpname:
        tmp = Path(tmpname)
        db = args.db or tmp / "bench.db"
        if not db.exists():
            fill(db, args.articles)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port, args.workers)
        try:
            stats = json.loads(get(f"{base}/api/stats"))
            ids = [a["id"] for a in json.loads(get(f"{base}/api/articles?limit=200"))["items"]]
            print(f"store: {stats['articles']} articles, {stats['events']} events, {stats['merged_events']} merged"
                  f" events, {stats['db_bytes'] / 1e6:.0f} MB; server: {args.workers} worker(s); client: {client},"
                  f" {args.connections} connections, {args.seconds:g} s per line")
            print(f"{'mix':<10}{'endpoint':<10}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
                  f"{'srv CPU':>9}{'idle est':>9}  requests")
            mixes = ["repeated", "distinct"] if args.mix == "both" else [args.mix]
            for mix in mixes:
                # enough paths that a fast server does not come round to answered ones (its cache)
                n_paths = max(4000, int(args.seconds * 2500))
                # (the distinct mix warms up on the repeated mix's paths: none of its own comes cached)
                warm_plan = plans("repeated", n_paths, ids, seed=13)
                for name, paths in plans(mix, n_paths, ids).items():
                    if name not in args.endpoints.split(","):
                        continue
                    # warm up (not measured): every worker's caches and connections, as a page in use
                    # has; with other paths than the measured ones (a distinct query stays unseen)
                    if client == "wrk":
                        run_wrk(base, warm_plan[name], 2, args.connections, tmp)
                    else:
                        run_python(base, warm_plan[name], 2, args.connections)
                    srv0, cli0, t0 = tree_cpu(server.pid), client_cpu(), time.monotonic()
                    if client == "wrk":
                        rps, p50, p95, mx, note = run_wrk(base, paths, args.seconds, args.connections, tmp)
                    else:
                        rps, p50, p95, mx, note = run_python(base, paths, args.seconds, args.connections)
                    n = max(1.0, rps * (time.monotonic() - t0))
                    srv_ms = (tree_cpu(server.pid) - srv0) / n * 1000
                    cli_ms = (client_cpu() - cli0) / n * 1000 if client == "wrk" else 0.0
                    # on a loaded machine req/s says little: the server's CPU per request (user +
                    # system) does, and gives what the cores would serve if they were all ours
                    idle = os.cpu_count() or 1
                    est = idle * 1000 / (srv_ms + cli_ms) if srv_ms + cli_ms > 0 else 0.0
                    print(f"{mix:<10}{name:<10}{rps:>8.0f}{p50:>9.1f}{p95:>9.1f}{mx:>9.1f}{srv_ms:>7.2f}ms"
                          f"{est:>9.0f}  {note}", flush=True)
        finally:
            stop(server)


if __name__ == "__main__":
    main()

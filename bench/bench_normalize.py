#!/usr/bin/env python3
"""Benchmark of the normalize stage: ZWNJ repair quality and throughput, beside rishe.

Usage::

    .venv/bin/python bench/bench_normalize.py [--shared ../shared] [--repeat 5]

Prints, for rasad's ZWNJ repair and for ``rishe.Pipeline().normalize``: the share of
``tests/data/zwnj_broken.tsv`` repaired and of ``tests/data/zwnj_correct.tsv`` damaged
(a ZWNJ after a non-joining letter is ignored); then the normalize throughput over
the seeds and corpus articles of ../shared (best of ``--repeat`` warm runs, CPU time of one core).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasad.ingest.header import HeaderStage  # noqa: E402
from rasad.model import Article  # noqa: E402
from rasad.normalize import Normalizer  # noqa: E402
from rasad.normalize.resources import NON_JOINING  # noqa: E402
from rasad.normalize.zwnj import ZwnjRepairer  # noqa: E402

ZW = "\u200c"


def canon(s: str) -> str:
    return "".join(c for i, c in enumerate(s) if not (c == ZW and i and s[i - 1] in NON_JOINING))


def tables() -> tuple[list[tuple[str, str]], list[str]]:
    data = ROOT / "tests" / "data"
    rows = [
        ln.split("\t")
        for ln in (data / "zwnj_broken.tsv").read_text("utf-8").splitlines()
        if ln and not ln.startswith("#")
    ]
    correct = [
        ln
        for ln in (data / "zwnj_correct.tsv").read_text("utf-8").splitlines()
        if ln and not ln.startswith("#")
    ]
    return [(r[0], r[1]) for r in rows], correct


def quality(name: str, fix: Callable[[str], str]) -> None:
    broken, correct = tables()
    t = time.process_time()
    ok = sum(canon(fix(b).strip()) == canon(c) for b, c in broken)
    bad = [w for w in correct if fix(w).strip() != w]
    dt = time.process_time() - t
    print(
        f"{name:<28} repaired {ok}/{len(broken)} = {ok / len(broken):6.1%}   "
        f"damaged {len(bad)}/{len(correct)} = {len(bad) / len(correct):6.2%}   ({dt:.2f} s)"
    )


def throughput(shared: Path, repeat: int) -> None:
    files = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "articles").glob("*.txt"))
    raws = [f.read_text("utf-8") for f in files]
    n, h = Normalizer(), HeaderStage()
    docs = [h(Article(raw=r)) for r in raws]
    t = time.process_time()
    for d in docs:
        n(d)
    cold = time.process_time() - t
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        for d in docs:
            n(d)
        best = min(best, time.process_time() - t)
    chars = sum(len(r) for r in raws)
    print(
        f"rasad normalize: {len(docs)} articles, {chars} chars; first run {cold * 1000:.0f} ms; "
        f"warm best {best * 1000:.1f} ms = {chars / best / 1e6:.2f} M chars/s, "
        f"{len(docs) / best:.0f} articles/s, {best / chars * 5000 * 1000:.2f} ms per 5 KB"
    )
    step_time = dict.fromkeys(n.step_names, 0.0)
    for d in docs:
        from rasad.normalize.textmap import MappedText

        m = MappedText.of(d.raw)
        for name, step in n.steps:
            t = time.process_time()
            m = step(m)
            step_time[name] += time.process_time() - t
    t = time.process_time()
    for d in docs:
        n.splitter(d.text)
    step_time["sentences"] = time.process_time() - t
    print(
        "  per step (ms per 5 KB): "
        + ", ".join(f"{k} {v / chars * 5000 * 1000:.3f}" for k, v in step_time.items())
    )
    try:
        import rishe
    except ImportError:
        return
    p = rishe.Pipeline()
    t = time.process_time()
    for r in raws:
        p.normalize(r)
    dt = time.process_time() - t
    print(f"rishe normalize: {chars / dt / 1e6:.2f} M chars/s, {len(raws) / dt:.0f} articles/s (no offsets)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    t = time.process_time()
    rep = ZwnjRepairer()
    print(f"ZWNJ repairer loaded in {time.process_time() - t:.2f} s")
    quality("rasad zwnj", rep.fix_line)
    try:
        import rishe

        p = rishe.Pipeline()
        quality("rishe Pipeline().normalize", p.normalize)
    except ImportError:
        print("rishe is not installed: no comparison")
    shared = Path(args.shared)
    if (shared / "seeds").is_dir():
        throughput(shared, args.repeat)
    else:
        print(f"{shared} not found: no throughput")


if __name__ == "__main__":
    main()

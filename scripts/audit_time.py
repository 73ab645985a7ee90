"""Audit the time stage on raw news the development set does not hold.

Runs header, normalize, metadata and time on a sample of ``../shared/corpus/raw/*.jsonl``
stratified by outlet and year (round-robin over the strata), and prints for each article the
publication date the pipeline used and where it came from, then every timex with its type,
value, anchor, calendar and ±60 characters of context, for a person to judge against
GUIDELINES §2 and §9.  Nothing is written: the articles stay in ``../shared``.

Usage::

    PYTHONPATH=. .venv/bin/python scripts/audit_time.py [--n 150] [--seed 12] [--no-header]

``--no-header`` leaves the `` date YYYY-MM-DD`` line out, so the metadata stage must find
the publication date in the text itself (a dateline).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from rasad.model import Article
from rasad.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT.parent / "shared" / "corpus" / "raw"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles"


def _key(body: str) -> str:
    return "".join(body.split())[:120]


def sample(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` raw articles, round-robin over (outlet, year), none of them a dev article."""
    dev = {_key(p.read_text(encoding="utf-8").split("\n", 1)[-1]) for p in DEV.glob("*.txt")}
    strata: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in sorted(RAW.glob("*.jsonl")):
        for line in f.open(encoding="utf-8"):
            r = json.loads(line)
            if _key(r["text"]) not in dev:
                strata[(r["outlet"], r["published"][:4])].append(r)
    rng = random.Random(seed)
    pools = {k: rng.sample(v, len(v)) for k, v in strata.items()}
    picked: list[dict[str, Any]] = []
    while len(picked) < n and any(pools.values()):
        for k in sorted(pools):
            if pools[k] and len(picked) < n:
                picked.append(pools[k].pop())
    return picked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--no-header", action="store_true")
    args = ap.parse_args()
    if not RAW.is_dir():
        raise SystemExit(f"no raw corpus at {RAW}")
    pipe = default_pipeline(disable=["entities", "syntax", "quotes", "events"])
    for r in sample(args.n, args.seed):
        head = "" if args.no_header else f" date {r['published']}\n"
        d = pipe(Article(raw=f"{head}{(r['title'] or '').strip()}\n\n{r['text']}", doc=r["doc"]))
        print(f"=== {r['doc']} outlet={r['outlet']} pub={d.published} src={d.published_source} true={r['published']}")
        for t in d.timexes:
            a, b = max(0, t.start - 60), min(len(d.text), t.end + 60)
            ctx = (d.text[a : t.start] + "[[" + t.text + "]]" + d.text[t.end : b]).replace("\n", " / ")
            print(f"  {t.type:8} {t.value!s:22} {t.anchor or '-':10} {t.calendar or '-':9} | {ctx}")


if __name__ == "__main__":
    main()

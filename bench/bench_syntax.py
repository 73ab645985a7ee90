"""Syntax layer quality on held-out UD and speed on the dev articles.

Prints UPOS accuracy, feature accuracy (Tense, Mood, Polarity, Person, Number) on the held-out
UD part (the last 20% of fa_perdt-test and fa_seraji-test; see ``rasad.syntax.conllu.ud_split``),
verb-group detection P/R against UD (finite verbs with their aux/lvc dependents), and the
stage's speed on ../shared/eval/dev/articles.

    python bench/bench_syntax.py [--shared ../shared] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rasad.model import Article
from rasad.syntax import SyntaxStage
from rasad.syntax.conllu import ud_split
from rasad.syntax.udeval import FEATS, evaluate


def speed(stage: SyntaxStage, shared: Path, rounds: int) -> tuple[float, float, int]:
    from rasad.pipeline import default_pipeline

    pipe = default_pipeline(disable=["syntax", "quotes", "events"])
    docs: list[Article] = []
    for p in sorted((shared / "eval" / "dev" / "articles").glob("*.txt")):
        docs.append(pipe(Article(raw=p.read_text(encoding="utf-8"))))
    ntok = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for d in docs:
            stage(d)
            ntok += len(d.tokens)
    dt = time.perf_counter() - t0
    return dt / (rounds * len(docs)) * 1000, ntok / dt, len(docs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    shared = Path(a.shared)
    stage = SyntaxStage()
    _, held = ud_split(shared / "corpus" / "ud")
    print(
        f"{'part':<16} {'tokens':>7} {'UPOS':>6} "
        + " ".join(f"{k:>7}" for k in FEATS)
        + "   VG-P   VG-R VG-strictF"
    )
    for name, sents in held.items():
        r = evaluate(stage, sents)
        print(
            f"{name:<16} {int(r['tokens']):>7} {r['upos']:.4f} "
            + " ".join(f"{r[k]:.4f}" for k in FEATS)
            + f" {r['vg_p']:.4f} {r['vg_r']:.4f} {r['vg_strict_f']:.4f}"
        )
    print("(features: accuracy over gold VERB/AUX tokens, absent = absent)")
    ms, tps, n = speed(stage, shared, a.rounds)
    print(f"speed: {ms:.2f} ms/article, {tps:,.0f} tokens/s ({n} dev articles x {a.rounds} rounds)")


if __name__ == "__main__":
    main()

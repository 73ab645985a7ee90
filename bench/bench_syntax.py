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

from rasad.model import Article, Token
from rasad.syntax import SyntaxStage
from rasad.syntax.conllu import UdSentence, ud_split

FEATS = ("Tense", "Mood", "Polarity", "Person", "Number")
COPULAS = frozenset({"است", "بود"})


def gold_groups(s: UdSentence) -> dict[int, tuple[int, int]]:
    """head index → (first, last) token index of UD's finite verb groups."""
    kids: dict[int, list[int]] = {}
    for i, t in enumerate(s.tokens):
        if t.head >= 0 and t.deprel in ("aux", "aux:pass", "compound:lvc"):
            kids.setdefault(t.head, []).append(i)
    out = {}
    for i, t in enumerate(s.tokens):
        if t.upos != "VERB" or t.deprel in ("aux", "aux:pass", "cop"):
            continue
        finite = "Person" in t.feats or any("Person" in s.tokens[k].feats for k in kids.get(i, []))
        if not finite or t.feats.get("VerbForm") == "Inf":
            continue
        parts = [i] + kids.get(i, [])
        out[i] = (min(parts), max(parts))
    return out


def evaluate(stage: SyntaxStage, sents: list[UdSentence]) -> dict[str, float]:
    n = right = 0
    fright = dict.fromkeys(FEATS, 0)
    fn = 0
    tp = fp = fneg = strict = 0
    for s in sents:
        words = s.words
        tagged = stage.tagger.tag(words)
        toks: list[Token] = []
        pos = 0
        for w, (p, lem, f) in zip(words, tagged, strict=True):
            toks.append(Token(pos, pos + len(w), w, p, lem, f, 0))
            pos += len(w) + 1
        text = " ".join(words)
        for t, g in zip(toks, s.tokens, strict=True):
            n += 1
            right += t.pos == g.upos
            if g.upos in ("VERB", "AUX"):
                fn += 1
                for k in FEATS:
                    fright[k] += t.feats.get(k) == g.feats.get(k)
        gold = gold_groups(s)
        pred = {}
        for grp in stage.grouper.groups(text, toks):
            if grp.vg.lemma in COPULAS and grp.vg.lvc_noun is None:
                continue
            pred[grp.head] = (grp.first, grp.last)
        for h, span in pred.items():
            if h in gold:
                tp += 1
                strict += gold[h] == span
            else:
                fp += 1
        fneg += sum(1 for h in gold if h not in pred)
    out = {"tokens": n, "upos": right / n}
    for k in FEATS:
        out[k] = fright[k] / max(fn, 1)
    out["vg_p"] = tp / max(tp + fp, 1)
    out["vg_r"] = tp / max(tp + fneg, 1)
    out["vg_strict_f"] = 2 * strict / max(2 * tp + fp + fneg, 1)
    return out


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

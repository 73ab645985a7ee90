"""Train the quote speech-act model of the events stage (``rasad/events/quotemodel.py``).

Data: the **tuning part** of the development set only (``rasad.devset``; the held-out
part is never read here), i.e. ``../shared/eval/dev/articles`` and their gold in
``../shared/eval/dev/gold`` (or ``$RASAD_SHARED/eval/dev``). The pipeline runs on
each tuning article; every quote it finds is a training item:

* type model (one logistic regression per speech-act type): positive when the gold
  has an event of that type whose source is the quote's speaker and whose evidence
  shares at least 40% of its words with the quote's sentence;
* counterpart model: for each positive, the entities of the sentence (not the
  speaker) are candidates; positive when gold lists them among the actors.

Thresholds are chosen by 3-fold cross-validation over tuning documents: the best
F1 of type+source among thresholds whose CV precision is at least 0.5 (else the
type is left to the rules). Writes ``rasad/data/models/events_quote_model.json``::

    PYTHONPATH=. .venv/bin/python scripts/train_events.py
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasad.devset import shared_dev, tuning_articles  # noqa: E402
from rasad.evaluate import Names, alias_files  # noqa: E402
from rasad.events.quotemodel import MODEL, SPEECH, quote_features, target_candidates, words  # noqa: E402
from rasad.model import Article  # noqa: E402

Item = tuple[str, list[str], dict[str, int]]  # doc, features, type -> label
MIN_PRECISION = 0.5  # cross-validated precision a type's threshold must reach


def overlap(sentence: str, evidence: str) -> float:
    ws, we = set(words(sentence)), [w for w in words(evidence) if w != "..."]
    return sum(1 for w in we if w in ws) / len(we) if we else 0.0




def build(
    data: list[tuple[Article, dict[str, Any]]], names: Names
) -> tuple[list[Item], list[tuple[str, list[str], int]]]:
    items: list[Item] = []
    targets: list[tuple[str, list[str], int]] = []
    for art, gold in data:
        for q in art.quotes:
            si = art.sentence_at(q.start)
            if si is None or not q.speaker:
                continue
            sent = art.sentence_text(si)
            labels = {t: 0 for t in SPEECH}
            for g in gold.get("events", []):
                t = g["type"]
                if t not in SPEECH or names.key(g["actors"][0]) != names.key(q.speaker):
                    continue
                if overlap(sent, g.get("evidence", "")) < 0.4:
                    continue
                labels[t] = 1
                want = {names.key(a) for a in g["actors"][1:]}
                for c in target_candidates(art, q, t):
                    targets.append((art.doc, c.feats, int(names.key(c.name) in want)))
            items.append((art.doc, quote_features(art, q), labels))
    return items, targets


def fit(rows: list[list[str]], y: list[int], l2: float = 1.0, iters: int = 400) -> dict[str, Any]:
    counts = Counter(f for r in rows for f in set(r))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2 or f == "bias"))}
    x = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        for f in r:
            j = vocab.get(f)
            if j is not None:
                x[i, j] += 1.0
    yy = np.array(y, dtype=float)
    w = np.zeros(len(vocab))
    pos = max(1.0, yy.sum())
    cw = np.where(yy > 0, min(5.0, (len(yy) - pos) / pos), 1.0)  # weigh the rare positives up
    m, v = np.zeros_like(w), np.zeros_like(w)
    for k in range(1, iters + 1):  # Adam on the weighted log loss with L2
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        g = x.T @ ((p - yy) * cw) / len(yy) + l2 * w / len(yy)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**k)) / (np.sqrt(v / (1 - 0.999**k)) + 1e-8)
    keep = {f: round(float(w[j]), 4) for f, j in vocab.items() if abs(w[j]) >= 1e-3}
    fv = sorted(keep)
    return {"vocab": {f: i for i, f in enumerate(fv)}, "w": [keep[f] for f in fv]}


def prob(model: dict[str, Any], feats: list[str]) -> float:
    z = sum(model["w"][model["vocab"][f]] for f in feats if f in model["vocab"])
    return 1.0 / (1.0 + np.exp(-max(-30.0, min(30.0, z))))


def cv_threshold(items: list[Item], t: str, folds: int = 3) -> tuple[float, float]:
    docs = sorted({d for d, _, _ in items})
    scores: list[tuple[float, int]] = []  # (probability, label) of held-out items
    for k in range(folds):
        test = {d for i, d in enumerate(docs) if i % folds == k}
        train = [(f, lab[t]) for d, f, lab in items if d not in test]
        model = fit([f for f, _ in train], [y for _, y in train])
        scores += [(prob(model, f), lab[t]) for d, f, lab in items if d in test]
    best = (1.01, 0.0)
    total = sum(y for _, y in scores)
    for th in np.arange(0.3, 0.96, 0.05):
        tp = sum(1 for p, y in scores if p >= th and y)
        n = sum(1 for p, _ in scores if p >= th)
        f1 = 2 * tp / (n + total) if n + total else 0.0
        if n and tp / n >= MIN_PRECISION and f1 > best[1]:  # a false event costs as much as a missed one
            best = (round(float(th), 2), f1)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--cache", type=Path, help="pickle of the analysed tuning articles (made if absent)")
    a = ap.parse_args()
    dev = shared_dev(ROOT)
    if not (dev / "gold").exists():
        sys.exit(f"no development set at {dev}")
    names = Names(alias_files(dev / "gold"))
    data = tuning_articles(dev, cache=a.cache)
    items, targets = build(data, names)
    print(f"{len(data)} tuning docs, {len(items)} quotes, {len(targets)} counterpart candidates")
    out: dict[str, Any] = {"types": {}, "max_targets": 2}
    for t in SPEECH:
        npos = sum(lab[t] for _, _, lab in items)
        th, f1 = cv_threshold(items, t)
        model = fit([f for _, f, _ in items], [lab[t] for _, _, lab in items])
        if f1 > 0.15:  # a type the model cannot tell apart is left to the rules
            model["threshold"] = th
            out["types"][t] = model
        print(f"{t:9s} positives={npos:3d} cv-F1={f1:.3f} threshold={th if t in out['types'] else 'off'}")
    tm = fit([f for _, f, _ in targets], [y for _, _, y in targets])
    tm["threshold"] = 0.5
    out["target"] = tm
    print(f"counterparts: {sum(y for _, _, y in targets)} positives of {len(targets)}")
    a.out.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()

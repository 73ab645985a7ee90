"""Train the actor chooser of the events stage (``rasad/events/actor_model.py``).

Data: the **tuning part** of the development set only (``rasad.devset``; held-out
gold files are never opened), i.e. ``../shared/eval/dev/articles`` and their gold
in ``../shared/eval/dev/gold`` (or ``$RASAD_SHARED/eval/dev``). The pipeline runs on
each tuning article with the rules alone; every event it finds that can be paired
with a gold event (same type, the gold evidence shares 40% of its words with the
event's sentence or evidence, the gold actors overlap the event's candidates) gives
training items: its candidates (``actor_model.options``), positive when the gold
actor set holds them.

The decision rule (threshold, at most N actors, at least two for a meeting or an
agreement, fill up to that minimum) is chosen by 5-fold document cross-validation
on the tuning part, scoring the *events* as the evaluation does (type, actor set,
date). Writes ``rasad/data/models/events_actor_model.json``::

    PYTHONPATH=. .venv/bin/python scripts/train_event_actors.py [--cache /tmp/tune_ev.pkl]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasad.devset import shared_dev, tuning_articles  # noqa: E402
from rasad.evaluate import Names, _pair_up, alias_files, event_match, tokens  # noqa: E402
from rasad.events.actor_model import (  # noqa: E402
    MODEL,
    DocContext,
    Option,
    decide,
    dedupe,
    event_features,
    options,
    order_actors,
    score,
)
from rasad.events.mentions import Found  # noqa: E402
from rasad.model import Article  # noqa: E402

FOLDS = 5
MIN_GAIN = 0.01  # CV F1 a model must add over the rules to be switched on (one event is ~0.005)


def overlap(a: str, evidence: str) -> float:
    ws, we = set(tokens(a)), [w for w in tokens(evidence) if w != "..."]
    return sum(1 for w in we if w in ws) / len(we) if we else 0.0




Ev = tuple[Found, list[Option], list[int] | None, set[str]]  # event, candidates, labels (None: unpaired), gold set


def build(
    data: list[tuple[Article, dict[str, Any]]], names: Names, efeats: dict[tuple[str, int], list[str]],
    augment: list[tuple[str, list[str], int]] | None = None,
) -> list[tuple[str, list[Ev], list[Any]]]:
    from rasad.events import EventStage

    stage = EventStage()
    stage.actor_model = None  # the rules alone
    out = []
    for art, gold in data:
        found = stage.find(art)
        ctx = DocContext.build(art, stage.grammar.resolver)
        evs: list[Ev] = []
        for i, f in enumerate(found):
            efeats[(art.doc, i)] = event_features(ctx, f)
            opts = options(ctx, f)
            sent = art.sentence_text(f.sentence) if 0 <= f.sentence < len(art.sentences) else ""
            ev_text = art.text[f.start : f.end]
            keys = [names.key(o.actor[0]) for o in opts]
            best: tuple[int, set[str]] | None = None
            for g in gold.get("events", []):
                if g["type"] != f.type:
                    continue
                gev = g.get("evidence", "")
                if max(overlap(sent, gev), overlap(gev, ev_text)) < 0.4:
                    continue
                want = {names.key(a) for a in g.get("actors") or []}
                hit = len(want & set(keys))
                if hit and (best is None or hit > best[0]):
                    best = (hit, want)
            labels = [int(k in best[1]) for k in keys] if best else None
            evs.append((f, opts, labels, best[1] if best else set()))
        out.append((art.doc, evs, gold.get("events", [])))
        if augment is not None:
            augment.extend(gold_items(art, gold, stage, ctx, evs, names))
    return out


def gold_items(
    art: Article, gold: dict[str, Any], stage: Any, ctx: DocContext, evs: list[Ev], names: Names
) -> list[tuple[str, list[str], int]]:
    """Candidates of the gold events the rules missed: the sentence sharing most words with
    the gold evidence, the first trigger of the gold type in it (no rule features)."""
    covered = {(f.type, f.sentence) for f, _, lab, _ in evs if lab}
    hits = [(a, b, stage.grammar.triggers[i].type) for a, b, i in stage.grammar.finder.find(art.text)]
    out = []
    for g in gold.get("events", []):
        gev = g.get("evidence", "")
        best = max(range(len(art.sentences)), key=lambda si: overlap(art.sentence_text(si), gev), default=None)
        if best is None or overlap(art.sentence_text(best), gev) < 0.6 or (g["type"], best) in covered:
            continue
        s = art.sentences[best]
        trig = next(((a, b) for a, b, t in hits if t == g["type"] and s.start <= a < s.end), None)
        if trig is None:
            continue
        f = Found(g["type"], [], "occurred", art.text[trig[0] : trig[1]], s.start, s.end, best)
        want = {names.key(x) for x in g.get("actors") or []}
        for o in options(ctx, f):
            feats = [x for x in o.feats if "rule:" not in x]
            out.append((art.doc, feats, int(names.key(o.actor[0]) in want)))
    return out


def fit(rows: list[list[str]], y: list[int], l2: float = 1.0, iters: int = 300) -> dict[str, Any]:
    counts = Counter(f for r in rows for f in set(r))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
    x = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        for f in r:
            j = vocab.get(f)
            if j is not None:
                x[i, j] = 1.0
    yy = np.array(y, dtype=float)
    w = np.zeros(x.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for k in range(1, iters + 1):  # Adam on the log loss with L2
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        g = x.T @ (p - yy) / len(yy) + l2 * w / len(yy)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**k)) / (np.sqrt(v / (1 - 0.999**k)) + 1e-8)
    keep = {f: round(float(w[j]), 4) for f, j in vocab.items() if abs(w[j]) >= 1e-3}
    fv = sorted(keep)
    return {"vocab": {f: i for i, f in enumerate(fv)}, "w": [keep[f] for f in fv]}


def probs_of(model: dict[str, Any], opts: list[Option]) -> list[float]:
    return [score(model, o.feats) for o in opts]


def event_scores(
    docs: list[tuple[str, list[Ev], list[Any]]], probs: dict[tuple[str, int], list[float]] | None,
    rule: dict[str, Any] | None, names: Names, drop: set[tuple[str, int]] | None = None,
) -> tuple[int, int, int]:
    """(tp, system, gold) of the events when ``rule`` chooses the actors (None: the rules)
    and the events ``drop`` are left out."""
    tp = ns = ng = 0
    for doc, evs, gold in docs:
        found: list[Found] = []
        for i, (f, opts, _, _) in enumerate(evs):
            if drop and (doc, i) in drop:
                continue
            g = Found(f.type, list(f.actors), f.status, f.trigger, f.start, f.end, f.sentence, date=f.date)
            if rule is not None and probs is not None and opts:
                pick = decide(probs[(doc, i)], opts, f.type, rule)
                if pick is not None:
                    g.actors = order_actors([opts[k] for k in pick])
            found.append(g)
        if rule is not None:
            found = dedupe(found)
        sys_ev = [{"type": f.type, "actors": [a[0] for a in f.actors], "date": f.date} for f in found]
        tp += len(_pair_up(gold, sys_ev, lambda a, b: event_match(names, a, b)))
        ns += len(sys_ev)
        ng += len(gold)
    return tp, ns, ng


def exact(
    docs: list[tuple[str, list[Ev], list[Any]]], probs: dict[tuple[str, int], list[float]] | None,
    rule: dict[str, Any], names: Names,
) -> int:
    n = 0
    for doc, evs, _ in docs:
        for i, (f, opts, lab, want) in enumerate(evs):
            if not lab:
                continue
            acts = f.actors
            if probs is not None:
                pick = decide(probs[(doc, i)], opts, f.type, rule)
                if pick is not None:
                    acts = order_actors([opts[k] for k in pick])
            n += {names.key(a[0]) for a in acts} == want
    return n


def true_events(docs: list[tuple[str, list[Ev], list[Any]]], names: Names) -> set[tuple[str, int]]:
    """The rules' events the evaluation counts as correct."""
    out = set()
    for doc, evs, gold in docs:
        sys_ev = [{"type": f.type, "actors": [a[0] for a in f.actors], "date": f.date} for f, *_ in evs]
        out |= {(doc, j) for _, j in _pair_up(gold, sys_ev, lambda a, b: event_match(names, a, b))}
    return out


def train_keep(
    docs: list[tuple[str, list[Ev], list[Any]]], efeats: dict[tuple[str, int], list[str]],
    doc_ids: list[str], names: Names, l2: float,
) -> dict[str, Any]:
    """The second decision: keep an event mention at all (CV threshold on dropping)."""
    good = true_events(docs, names)
    keys = sorted(efeats)
    oof: dict[tuple[str, int], float] = {}
    for k in range(FOLDS):
        test = {d for i, d in enumerate(doc_ids) if i % FOLDS == k}
        tr = [key for key in keys if key[0] not in test]
        model = fit([efeats[x] for x in tr], [int(x in good) for x in tr], l2=l2)
        oof.update({x: score(model, efeats[x]) for x in keys if x[0] in test})
    base = f1(*event_scores(docs, None, None, names))
    best = (base, 0.0)
    for th in [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]:
        s = f1(*event_scores(docs, None, None, names, {x for x in keys if oof[x] < th}))
        print(f"keep cv threshold {th:.2f}: F1 {s:.3f} (dropped {sum(1 for x in keys if oof[x] < th)}, "
              f"true among them {sum(1 for x in keys if oof[x] < th and x in good)})")
        if s > best[0]:
            best = (s, th)
    full = fit([efeats[x] for x in keys], [int(x in good) for x in keys], l2=l2)
    full["threshold"] = best[1]
    full["enabled"] = best[0] >= base + MIN_GAIN
    full["cv"] = {"rules_f1": round(base, 4), "model_f1": round(best[0], 4)}
    print(f"keep: CV F1 {best[0]:.3f} at threshold {best[1]} (rules {base:.3f}), enabled={full['enabled']}")
    return full


def f1(tp: int, ns: int, ng: int) -> float:
    return 2 * tp / (ns + ng) if ns + ng else 0.0


RULES = [
    {"threshold": th, "max_actors": n, "min_joint": mj, "fill": fill, "margin": mg, "joint_only": jo}
    for th, n, mj, fill, mg, jo in itertools.product(
        [0.3, 0.4, 0.5, 0.6, 0.7], [2, 3, 4], [1, 2], [False, True], [0.0, 1.0, 2.0, 3.0], [False, True]
    )
    if not (fill and mj == 1)
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--cache", type=Path, help="pickle of the analysed tuning articles (made if absent)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--plain", action="store_true", help="no event-type conjunctions")
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes left out")
    ap.add_argument("--seed", type=int, default=0, help="shuffle the folds (0: documents in name order)")
    ap.add_argument("--augment", action="store_true", help="also learn from gold events the rules missed")
    a = ap.parse_args()
    dev = shared_dev(ROOT)
    if not (dev / "gold").exists():
        sys.exit(f"no development set at {dev}")
    names = Names(alias_files(dev / "gold"))
    data = tuning_articles(dev, cache=a.cache)
    efeats: dict[tuple[str, int], list[str]] = {}
    extra: list[tuple[str, list[str], int]] = []
    docs = build(data, names, efeats, extra if a.augment else None)
    drop = tuple(x for x in a.drop.split(",") if x)
    if a.plain or drop:
        for _, evs, _ in docs:
            for _, opts, _, _ in evs:
                for o in opts:
                    o.feats = [x for x in o.feats if not (a.plain and "|" in x) and not x.startswith(drop)]
    items = [(d, f.type, o.feats, y) for d, evs, _ in docs for f, opts, lab, _ in evs if lab for o, y in zip(opts, lab, strict=True)]
    items += [
        (d, "", [x for x in f if not (a.plain and "|" in x) and not x.startswith(drop)], y) for d, f, y in extra
    ]
    n_ev = sum(len(evs) for _, evs, _ in docs)
    n_paired = sum(1 for _, evs, _ in docs for _, _, lab, _ in evs if lab)
    print(f"{len(docs)} tuning docs, {n_ev} events, {n_paired} paired, {len(items)} candidates, "
          f"{sum(y for *_, y in items)} positives")
    doc_ids = sorted(d for d, _, _ in docs)
    if a.seed:  # another assignment of documents to folds (to see how noisy the CV gain is)
        doc_ids = [doc_ids[i] for i in np.random.default_rng(a.seed).permutation(len(doc_ids))]
    oof: dict[tuple[str, int], list[float]] = {}
    for k in range(FOLDS):
        test = {d for i, d in enumerate(doc_ids) if i % FOLDS == k}
        tr = [(f, y) for d, _, f, y in items if d not in test]
        model = fit([f for f, _ in tr], [y for _, y in tr], l2=a.l2)
        for d, evs, _ in docs:
            if d in test:
                for i, (_, opts, _, _) in enumerate(evs):
                    oof[(d, i)] = probs_of(model, opts)
    base = event_scores(docs, None, None, names)
    print(f"rules:      tp={base[0]} sys={base[1]} gold={base[2]} F1={f1(*base):.3f}")
    ranked = sorted(((f1(*event_scores(docs, oof, r, names)), i) for i, r in enumerate(RULES)), reverse=True)
    for s, i in ranked[:12]:
        print(f"cv {s:.3f} {RULES[i]}")
    best_f1, bi = ranked[0]
    rule = RULES[bi]
    full = fit([f for _, _, f, _ in items], [y for *_, y in items], l2=a.l2)
    ins = {(d, i): probs_of(full, opts) for d, evs, _ in docs for i, (_, opts, _, _) in enumerate(evs)}
    print("paired events whose actor set equals the gold one (rules, CV model):",
          exact(docs, None, rule, names), exact(docs, oof, rule, names))
    print(f"chosen {rule}: CV F1 {best_f1:.3f} (rules {f1(*base):.3f}); in-sample "
          f"{f1(*event_scores(docs, ins, rule, names)):.3f}")
    keep = train_keep(docs, efeats, doc_ids, names, a.l2)
    out = {
        "keep": keep,
        "enabled": best_f1 >= f1(*base) + MIN_GAIN,
        "actors": full,
        "rule": rule,
        "cv": {"rules_f1": round(f1(*base), 4), "model_f1": round(best_f1, 4), "folds": FOLDS},
    }
    a.out.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KB), enabled={out['enabled']}")


if __name__ == "__main__":
    main()

"""Benchmark the CRF NER tagger on PEYMA and ARMAN, beside published anchors.

    .venv/bin/python bench/bench_ner.py            # full bench (~6 min on one core)
    .venv/bin/python bench/bench_ner.py --quick    # fewer L-BFGS iterations, for a smoke run

* PEYMA: trained on train+dev, tested on test, PEYMA's own seven types
  (PER ORG LOC DAT TIM MON PCT), all-type micro F1 and PER/ORG/LOC micro F1.
* ARMAN: for each fold k, trained on ``train_foldk``, tested on ``test_foldk``
  (six types: PER ORG LOC FAC PRO EVE); each fold and the mean.
* Speed: tokens/s of the committed model, ``CrfTagger.tag_tokens`` and
  ``CrfTagger.tag_sentences`` on PEYMA test sentences and ``CrfTagger.spans``
  (tokenizer included) on the shared corpus articles.

Scores are entity-level CoNLL (exact span and type).  Models are trained into a
temporary directory; the committed model is not touched.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import train_ner as T  # noqa: E402

from rasad.entities.crf import CrfTagger, tokenize  # noqa: E402
from rasad.entities.features import FeatureExtractor  # noqa: E402

ANCHORS = {
    "PEYMA": ("XLM-R+CRF", 86.37),
    "ARMAN": ("XLM-R+CRF", 79.25),
}
GOALS = {"PEYMA": 87.0, "ARMAN": 80.0}


def bench_peyma(tmp: Path, iters: int, fx: FeatureExtractor) -> float:
    train, tests = T.variant_data("peyma")
    ((test, types),) = tests.values()
    path = tmp / "peyma.crfsuite"
    secs = T.train(train, path, max_iter=iters, fx=fx)
    pred = T.predict(path, test, fx)
    sc = T.entity_scores([t for _, t in test], pred)
    print(sc.table(f"PEYMA test (trained on train+dev, {secs:.0f}s, {path.stat().st_size / 1e6:.1f} MB)"))
    f_all = sc.prf()[2]
    f_core = sc.restrict(T.CORE_TYPES).prf()[2]
    print(f"  PEYMA all types micro F1 {f_all:.2f} | PER/ORG/LOC micro F1 {f_core:.2f}")
    return f_all


def bench_arman(tmp: Path, iters: int, fx: FeatureExtractor) -> float:
    fs = []
    for k in (1, 2, 3):
        train, tests = T.variant_data(f"arman{k}")
        ((test, _types),) = tests.values()
        path = tmp / f"arman{k}.crfsuite"
        secs = T.train(train, path, max_iter=iters, fx=fx)
        sc = T.entity_scores([t for _, t in test], T.predict(path, test, fx))
        print(sc.table(f"ARMAN fold {k} (trained on train_fold{k}, {secs:.0f}s)"))
        fs.append(sc.prf()[2])
    mean = statistics.mean(fs)
    print("  ARMAN micro F1 per fold: " + ", ".join(f"{f:.2f}" for f in fs) + f" | mean {mean:.2f}")
    return mean


def bench_speed(model: Path | None) -> tuple[float, float]:
    """Tokens/s of the committed model, by wall clock and by this process's CPU time.

    The machine may be shared; CPU time (``time.process_time``) is the fairer figure.
    ``spans()`` is timed on a fresh tagger (cold caches, the bench's headline
    figure) and again on the same tagger (warm caches, as in a long-running
    pipeline), and beside it the CRFsuite path (``CrfTagger(fast=False)``).
    """
    tagger = CrfTagger(model)
    sents = T.peyma("test")
    ntok = sum(len(s) for s, _ in sents)
    tagger.tag_tokens(sents[0][0])
    w0, c0 = time.perf_counter(), time.process_time()
    for toks, _ in sents:
        tagger.tag_tokens(toks)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(
        f"speed: tag_tokens on PEYMA test ({ntok} tokens): {ntok / wall:,.0f} tokens/s wall, "
        f"{ntok / cpu:,.0f} tokens/s CPU"
    )
    batch = CrfTagger(model)
    toks_only = [s for s, _ in sents]
    c0 = time.process_time()
    for k in range(0, len(toks_only), 20):
        batch.tag_sentences(toks_only[k : k + 20])
    cpu_b = time.process_time() - c0
    print(f"speed: tag_sentences, 20 sentences a call, on PEYMA test: {ntok / cpu_b:,.0f} tokens/s CPU")

    arts = sorted((T.SHARED / "corpus" / "articles").glob("*.txt"))
    fa: dict[str, str | int | None] = {"ي": "ی", "ك": "ک"}
    texts = [p.read_text(encoding="utf-8").translate(str.maketrans(fa)) for p in arts]
    ntok2 = sum(len(tokenize(t)) for t in texts)
    cold = CrfTagger(model)
    result = 0.0
    for label, tg in (
        ("", cold),
        (" (warm caches)", cold),
        (" (CRFsuite path)", CrfTagger(model, fast=False)),
    ):
        w0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            tg.spans(t)
        wall2, cpu2 = time.perf_counter() - w0, time.process_time() - c0
        print(
            f"speed: spans(){label} incl. tokenizer on {len(texts)} articles ({ntok2} tokens): "
            f"{ntok2 / wall2:,.0f} tokens/s wall, {ntok2 / cpu2:,.0f} tokens/s CPU, "
            f"{1000 * cpu2 / max(len(texts), 1):.2f} ms CPU/article"
        )
        result = result or ntok2 / cpu2
    return ntok / cpu, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iters", type=int, default=T.DEFAULT_ITER)
    ap.add_argument("--quick", action="store_true", help="30 iterations (smoke run; scores are lower)")
    ap.add_argument("--skip-train", action="store_true", help="only the speed measurement")
    args = ap.parse_args()
    iters = 30 if args.quick else args.iters
    t0 = time.perf_counter()
    fx = FeatureExtractor()
    if not args.skip_train:
        with tempfile.TemporaryDirectory(prefix="bench_ner_") as d:
            tmp = Path(d)
            peyma_f = bench_peyma(tmp, iters, fx)
            arman_f = bench_arman(tmp, iters, fx)
        print()
        print(f"{'corpus':<8}{'this CRF':>10}{'anchor':>10}{'goal':>7}  anchor model")
        for name, f in (("PEYMA", peyma_f), ("ARMAN", arman_f)):
            model, anchor = ANCHORS[name]
            print(f"{name:<8}{f:10.2f}{anchor:10.2f}{GOALS[name]:7.1f}  {model}")
    bench_speed(None)
    print(f"bench total {time.perf_counter() - t0:.0f}s (L-BFGS iterations: {iters})")


if __name__ == "__main__":
    main()

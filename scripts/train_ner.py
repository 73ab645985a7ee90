"""Train the CRF named-entity tagger on PEYMA and ARMAN.

The committed production model is reproduced by::

    .venv/bin/python scripts/train_ner.py --out rasad/data/models/ner.crfsuite

Variants for evaluation (``bench/bench_ner.py`` uses the same functions)::

    .venv/bin/python scripts/train_ner.py --variant peyma  --out /tmp/peyma.crfsuite --eval
    .venv/bin/python scripts/train_ner.py --variant arman1 --out /tmp/arman1.crfsuite --eval
    .venv/bin/python scripts/train_ner.py --tune          # c1/c2 grid on PEYMA dev

Corpora (read from ``../shared/corpus/ner`` or ``$RASAD_SHARED/corpus/ner``):

* PEYMA: ``peyma/{train,dev,test}.txt``, ``token|TAG`` (tag after the last ``|``),
  BIO with an underscore (``B_ORG``); types PER ORG LOC DAT TIM MON PCT.
* ARMAN: ``arman/{train,test}_fold{1,2,3}.txt``, ``token TAG`` IOB
  (``B-pers``); types pers org loc fac pro event.

Both are mapped to ``B-TYPE``/``I-TYPE`` with the types PER ORG LOC FAC PRO EVE
DAT TIM MON PCT.  The production model keeps PER ORG LOC FAC EVE (the rest → O).

Features come from ``rasad.entities.features.FeatureExtractor``, which also reads
the gazetteer words in ``rasad/data/gazetteer`` (the script prints their count
and a fingerprint; record it in ``rasad/data/models/NER_MODEL.md``).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rasad.entities.crf import bio_spans  # noqa: E402
from rasad.entities.features import FeatureExtractor  # noqa: E402

SHARED = Path(os.environ.get("RASAD_SHARED", ROOT.parent / "shared"))
NER_DIR = SHARED / "corpus" / "ner"

ARMAN_TYPES = {"pers": "PER", "org": "ORG", "loc": "LOC", "fac": "FAC", "pro": "PRO", "event": "EVE"}
PRODUCTION_TYPES = frozenset({"PER", "ORG", "LOC", "FAC", "EVE"})
PEYMA_TYPES = frozenset({"PER", "ORG", "LOC", "DAT", "TIM", "MON", "PCT"})
CORE_TYPES = frozenset({"PER", "ORG", "LOC"})

# Tuned on PEYMA dev (see NER_MODEL.md); L1 prunes the feature set.
DEFAULT_C1 = 0.05
DEFAULT_C2 = 0.01
DEFAULT_ITER = 150
DEFAULT_MINFREQ = 1

Sentence = tuple[list[str], list[str]]


# ----------------------------------------------------------------- corpora
def _read(path: Path, sep: str) -> list[Sentence]:
    sents: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            tok, _, tag = line.rpartition(sep)
            if not tok.strip():
                continue
            toks.append(tok)
            tags.append(tag.strip())
    if toks:
        sents.append((toks, tags))
    return sents


def read_peyma(path: Path) -> list[Sentence]:
    """PEYMA ``token|B_ORG`` lines → sentences with ``B-ORG`` tags."""
    return [(toks, [t.replace("_", "-", 1) for t in tags]) for toks, tags in _read(path, "|")]


def read_arman(path: Path) -> list[Sentence]:
    """ARMAN ``token B-pers`` lines → sentences with ``B-PER`` tags."""
    out: list[Sentence] = []
    for toks, tags in _read(path, " "):
        new = []
        for t in tags:
            p, _, typ = t.partition("-")
            new.append(f"{p}-{ARMAN_TYPES[typ]}" if typ else "O")
        out.append((toks, new))
    return out


def relabel(sents: Iterable[Sentence], keep: frozenset[str]) -> list[Sentence]:
    """Set tags of types outside ``keep`` to ``O``."""
    out: list[Sentence] = []
    for toks, tags in sents:
        out.append((toks, [t if t != "O" and t[2:] in keep else "O" for t in tags]))
    return out


def peyma(split: str) -> list[Sentence]:
    return read_peyma(NER_DIR / "peyma" / f"{split}.txt")


def arman(split: str, fold: int) -> list[Sentence]:
    return read_arman(NER_DIR / "arman" / f"{split}_fold{fold}.txt")


def variant_data(variant: str) -> tuple[list[Sentence], dict[str, tuple[list[Sentence], frozenset[str]]]]:
    """Training sentences and named test sets ``{name: (sentences, types)}`` of a variant."""
    if variant == "production":
        train = relabel(peyma("train") + peyma("dev") + arman("train", 1), PRODUCTION_TYPES)
        tests = {
            "PEYMA test (PER/ORG/LOC)": (relabel(peyma("test"), CORE_TYPES), CORE_TYPES),
            "ARMAN test_fold1 (PER/ORG/LOC/FAC/EVE)": (
                relabel(arman("test", 1), PRODUCTION_TYPES),
                PRODUCTION_TYPES,
            ),
        }
        return train, tests
    if variant == "peyma":
        return peyma("train") + peyma("dev"), {"PEYMA test": (peyma("test"), PEYMA_TYPES)}
    if variant.startswith("arman") and variant[-1] in "123":
        k = int(variant[-1])
        types = frozenset(ARMAN_TYPES.values())
        return arman("train", k), {f"ARMAN test_fold{k}": (arman("test", k), types)}
    raise SystemExit(f"unknown variant {variant!r}")


# ----------------------------------------------------------------- training
def train(
    sents: Sequence[Sentence],
    out: Path,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    max_iter: int = DEFAULT_ITER,
    min_freq: float = DEFAULT_MINFREQ,
    fx: FeatureExtractor | None = None,
    verbose: bool = False,
) -> float:
    """Train a CRF (L-BFGS, L1+L2) on ``sents`` into ``out``; return the seconds taken."""
    fx = fx or FeatureExtractor()
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=verbose)
    for toks, tags in sents:
        trainer.append(fx.sequence(toks), tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iter,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return time.perf_counter() - t0


def predict(model: Path, sents: Sequence[Sentence], fx: FeatureExtractor | None = None) -> list[list[str]]:
    fx = fx or FeatureExtractor()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [list(tagger.tag(fx.sequence(toks))) for toks, _ in sents]


# ----------------------------------------------------------------- scoring
@dataclass
class Scores:
    """Entity-level counts per type (CoNLL: exact span and type)."""

    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)

    def prf(self, typ: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 in percent for one type, or micro over all."""
        if typ is None:
            tp, fp, fn = (sum(d.values()) for d in (self.tp, self.fp, self.fn))
        else:
            tp, fp, fn = self.tp.get(typ, 0), self.fp.get(typ, 0), self.fn.get(typ, 0)
        p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
        r = 100.0 * tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def types(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def restrict(self, types: Iterable[str]) -> Scores:
        keep = set(types)
        return Scores(
            {k: v for k, v in self.tp.items() if k in keep},
            {k: v for k, v in self.fp.items() if k in keep},
            {k: v for k, v in self.fn.items() if k in keep},
        )

    def table(self, title: str = "") -> str:
        rows = [f"{title}", f"  {'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
        for t in self.types:
            p, r, f = self.prf(t)
            gold = self.tp.get(t, 0) + self.fn.get(t, 0)
            rows.append(f"  {t:<6}{p:7.2f}{r:7.2f}{f:7.2f}{gold:7d}")
        p, r, f = self.prf()
        gold = sum(self.tp.values()) + sum(self.fn.values())
        rows.append(f"  {'micro':<6}{p:7.2f}{r:7.2f}{f:7.2f}{gold:7d}")
        return "\n".join(rows)


def entity_scores(
    gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], types: Iterable[str] | None = None
) -> Scores:
    """CoNLL entity-level counts; only chunks of ``types`` count when given."""
    keep = set(types) if types is not None else None
    sc = Scores()
    for g, p in zip(gold, pred, strict=True):
        gs = {c for c in bio_spans(g) if keep is None or c[2] in keep}
        ps = {c for c in bio_spans(p) if keep is None or c[2] in keep}
        for c in gs & ps:
            sc.tp[c[2]] = sc.tp.get(c[2], 0) + 1
        for c in ps - gs:
            sc.fp[c[2]] = sc.fp.get(c[2], 0) + 1
        for c in gs - ps:
            sc.fn[c[2]] = sc.fn.get(c[2], 0) + 1
    return sc


def evaluate(model: Path, sents: Sequence[Sentence], types: Iterable[str] | None = None) -> Scores:
    pred = predict(model, sents)
    return entity_scores([t for _, t in sents], pred, types)


# ----------------------------------------------------------------- CLI
def gazetteer_digest(fx: FeatureExtractor) -> str:
    """A short fingerprint of the gazetteer word list the features saw (for NER_MODEL.md)."""
    blob = "\n".join(f"{w}\t{','.join(c)}" for w, c in sorted(fx.gazetteer.items()))
    return "sha1:" + hashlib.sha1(blob.encode("utf-8")).hexdigest()[:12]


def tune(out_dir: Path, iters: int) -> tuple[float, float]:
    """Grid-search c1/c2 on PEYMA dev (trained on PEYMA train); return the best pair."""
    tr, dev = peyma("train"), peyma("dev")
    fx = FeatureExtractor()
    best = (-1.0, DEFAULT_C1, DEFAULT_C2)
    for c1 in (0.05, 0.1, 0.25):
        for c2 in (0.01, 0.05):
            path = out_dir / f"tune_{c1}_{c2}.crfsuite"
            secs = train(tr, path, c1, c2, iters, fx=fx)
            f = entity_scores([t for _, t in dev], predict(path, dev, fx)).prf()[2]
            print(f"c1={c1:<5} c2={c2:<5} dev F1={f:6.2f}  ({secs:.0f}s, {path.stat().st_size / 1e6:.1f} MB)")
            if f > best[0]:
                best = (f, c1, c2)
    print(f"best: c1={best[1]} c2={best[2]} (dev F1 {best[0]:.2f})")
    return best[1], best[2]


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "rasad" / "data" / "models" / "ner.crfsuite")
    ap.add_argument("--variant", default="production", help="production | peyma | arman1 | arman2 | arman3")
    ap.add_argument("--c1", type=float, default=DEFAULT_C1)
    ap.add_argument("--c2", type=float, default=DEFAULT_C2)
    ap.add_argument("--max-iter", type=int, default=DEFAULT_ITER)
    ap.add_argument("--min-freq", type=float, default=DEFAULT_MINFREQ)
    ap.add_argument("--eval", action="store_true", help="score the trained model on the variant's test sets")
    ap.add_argument("--tune", action="store_true", help="c1/c2 grid on PEYMA dev (models go beside --out)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)

    if args.tune:
        tune(args.out.parent, args.max_iter)
        return
    sents, tests = variant_data(args.variant)
    fx = FeatureExtractor()
    print(f"gazetteer features: {len(fx.gazetteer)} words from rasad/data/gazetteer ({gazetteer_digest(fx)})")
    ntok = sum(len(t) for t, _ in sents)
    print(
        f"variant={args.variant}: {len(sents)} sentences, {ntok} tokens; c1={args.c1} c2={args.c2} "
        f"max_iter={args.max_iter} min_freq={args.min_freq}"
    )
    secs = train(sents, args.out, args.c1, args.c2, args.max_iter, args.min_freq, fx=fx, verbose=args.verbose)
    print(f"trained in {secs:.1f}s -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    if args.eval:
        for name, (test, types) in tests.items():
            print(evaluate(args.out, test, types).table(name))


if __name__ == "__main__":
    main()

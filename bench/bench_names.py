"""Name transliteration benchmark on the held-out name pairs.

    PYTHONPATH=. .venv/bin/python bench/bench_names.py [--model PATH] [--limit N]

Reads ``../shared/corpus/names/netranslit_wd_arabic_20`` (the 20 % of the Wikidata name
tokens that ``scripts/train_names.py`` never sees) and prints, for the learned model and
for the letter-by-letter romanizer (``Transliterator.word``): exact match
(case/accent-insensitive), the same on tokens outside the model's whole-word memory,
top-k of the model's n-best list, model load time and tokens per second.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rasad.entities.names import MODEL_PATH, NameModel, fa_token  # noqa: E402
from rasad.entities.translit import Transliterator  # noqa: E402


def _plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s.lower() if c.isalpha() and c.isascii())


def load_pairs(path: Path, limit: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            fa, en = fa_token(cols[1].replace(" ", "")), _plain(cols[0])
            if fa and en:
                out.append((fa, en))
    return out[:limit] if limit else out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--k", type=int, default=5)
    a = ap.parse_args(argv)
    shared = Path(os.environ.get("RASAD_SHARED") or Path(__file__).resolve().parent.parent.parent / "shared")
    path = shared / "corpus" / "names" / "netranslit_wd_arabic_20"
    if not path.exists():
        print(f"skip: {path} missing")
        return 0
    pairs = load_pairs(path, a.limit)
    t0 = time.perf_counter()
    model = NameModel.load(a.model)
    load_s = time.perf_counter() - t0
    letters = Transliterator.default()
    hit = base = oov = oov_hit = topk = 0
    t0 = time.perf_counter()
    for fa, en in pairs:
        if _plain(model.token(fa)) == en:
            hit += 1
        if fa not in model.memory:
            oov += 1
            cands = [_plain(c) for c, _ in model.candidates(fa)]
            oov_hit += _plain(model.token(fa)) == en
            topk += en in cands[: a.k]
    model_s = time.perf_counter() - t0
    for fa, en in pairs:
        base += _plain(letters.word(fa)) == en
    # speed: tokens never decoded before (no token cache); cold = a just-loaded model,
    # warm = after 1,500 other tokens filled the context caches (as in a running pipeline)
    fresh = NameModel.load(a.model)
    uniq = list(dict.fromkeys(fa for fa, _ in pairs if fa not in fresh.memory))
    cold_set, warm_set = uniq[:1500], uniq[1500:3000]
    t0 = time.perf_counter()
    for fa in cold_set:
        fresh.token(fa)
    cold = len(cold_set) / max(1e-9, time.perf_counter() - t0)
    t0 = time.perf_counter()
    for fa in warm_set:
        fresh.token(fa)
    speed = len(warm_set) / max(1e-9, time.perf_counter() - t0)
    n = len(pairs)
    print(f"held-out pairs: {n} ({oov} outside the whole-word memory)")
    print(f"{'system':<28}{'exact':>8}{'exact (OOV)':>13}")
    print(f"{'letter-by-letter (translit)':<28}{base / n:>8.3f}{'':>13}")
    print(f"{'learned model':<28}{hit / n:>8.3f}{oov_hit / max(1, oov):>13.3f}")
    print(f"model top-{a.k} on OOV tokens: {topk / max(1, oov):.3f}")
    print(
        f"model load {load_s * 1000:.0f} ms; {speed:.0f} new tokens/s (decode); all {n / model_s:.0f} tokens/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

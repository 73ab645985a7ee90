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
    t0, c0 = time.perf_counter(), time.process_time()
    model = NameModel.load(a.model)
    load_wall, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    letters = Transliterator.default()
    hit = base = oov = oov_hit = topk = 0
    for fa, en in pairs:
        if _plain(model.token(fa)) == en:
            hit += 1
        if fa not in model.memory:
            oov += 1
            cands = [_plain(c) for c, _ in model.candidates(fa)]
            oov_hit += _plain(model.token(fa)) == en
            topk += en in cands[: a.k]
    for fa, en in pairs:
        base += _plain(letters.word(fa)) == en
    # speed (CPU time: the machine may be shared): a just-loaded model spelling every
    # held-out token (memory hits and decoding), then fresh tokens once its caches are warm
    fresh = NameModel.load(a.model)
    c0 = time.process_time()
    for fa, _ in pairs:
        fresh.token(fa)
    all_speed = len(pairs) / max(1e-9, time.process_time() - c0)
    more = [fa for fa in dict.fromkeys(fa[::-1] for fa, _ in pairs) if fa not in fresh.memory][:3000]
    c0 = time.process_time()
    for fa in more:  # reversed held-out tokens: letter strings never decoded before
        fresh.token(fa)
    warm = len(more) / max(1e-9, time.process_time() - c0)
    n = len(pairs)
    print(f"held-out pairs: {n} ({oov} outside the whole-word memory)")
    print(f"{'system':<28}{'exact':>8}{'exact (OOV)':>13}")
    print(f"{'letter-by-letter (translit)':<28}{base / n:>8.3f}{'':>13}")
    print(f"{'learned model':<28}{hit / n:>8.3f}{oov_hit / max(1, oov):>13.3f}")
    print(f"model top-{a.k} on OOV tokens: {topk / max(1, oov):.3f}")
    print(
        f"model load {load_cpu * 1000:.0f} ms CPU ({load_wall * 1000:.0f} ms wall); all held-out tokens "
        f"{all_speed:.0f}/s CPU; unseen letter strings, warm caches {warm:.0f}/s CPU"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

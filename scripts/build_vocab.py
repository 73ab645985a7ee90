#!/usr/bin/env python3
"""Build rasad's compact Persian vocabulary from hazm's word list (MIT licence).

hazm (https://github.com/roshan-research/hazm) ships ``hazm/data/words.dat``
(word, corpus frequency, POS tags) and ``hazm/data/verbs.dat`` (past#present
verb stems).  hazm is heavy, so it is *not* a runtime dependency: this script
reads the two files from an installed hazm or from a downloaded wheel and writes

* ``rasad/data/vocab/words_fa.tsv.gz`` -- ``word<TAB>freq<TAB>pos`` where
  ``pos`` is hazm's comma-separated POS tags (``N,AJ``) for a curated entry and
  empty for its large untagged list (which also holds misspelt forms such as
  ``میشود``, so untagged words are weak evidence);
* ``rasad/data/vocab/verbs_fa.tsv`` -- ``past<TAB>present`` verb stems.

Words are normalized like the ``arabic_letters`` step (Persian ی and ک, no
diacritics except tanwin).

Usage::

    pip download hazm==0.10.0 --no-deps -d /tmp/hz
    python scripts/build_vocab.py --wheel /tmp/hz/hazm-0.10.0-py3-none-any.whl
    python scripts/build_vocab.py            # uses an installed hazm
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rasad" / "data" / "vocab"
AR2FA = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ۀ": "ه", "ھ": "ه"})
MARKS = re.compile("[\u064c-\u065f\u0670\u0640\u200d\u200e\u200f]")
WORD_OK = re.compile("^[\u0621-\u063a\u0641-\u064b\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]+$")


def read_hazm(wheel: str | None) -> tuple[str, str]:
    """Return the text of words.dat and verbs.dat."""
    if wheel:
        with zipfile.ZipFile(wheel) as z:
            return (
                z.read("hazm/data/words.dat").decode("utf-8"),
                z.read("hazm/data/verbs.dat").decode("utf-8"),
            )
    try:
        import hazm  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("hazm is not installed: pass --wheel PATH (pip download hazm==0.10.0 --no-deps)")
    data = Path(hazm.__file__).parent / "data"
    return (data / "words.dat").read_text("utf-8"), (data / "verbs.dat").read_text("utf-8")


def clean(word: str) -> str:
    w = MARKS.sub("", word.strip().translate(AR2FA))
    w = re.sub("\u200c+", "\u200c", w).strip("\u200c")
    return w


def build(words_dat: str, verbs_dat: str) -> tuple[dict[str, tuple[int, str]], list[tuple[str, str]]]:
    vocab: dict[str, tuple[int, str]] = {}
    for line in words_dat.splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        w = clean(parts[0])
        if len(w) < 2 or not WORD_OK.match(w):
            continue
        freq = int(parts[1]) if parts[1].isdigit() else 0
        pos = parts[2].strip()
        pos = "" if pos == "0" else pos
        old = vocab.get(w)
        if old:
            tags = sorted(set(filter(None, (old[1] + "," + pos).split(","))))
            vocab[w] = (max(freq, old[0]), ",".join(tags))
        else:
            vocab[w] = (freq, pos)
    verbs: list[tuple[str, str]] = []
    for line in verbs_dat.splitlines():
        if "#" not in line:
            continue
        past, present = (clean(x) for x in line.split("#", 1))
        if past or present:
            verbs.append((past, present))
    return vocab, verbs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", help="path to a hazm wheel (else: the installed hazm)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    words_dat, verbs_dat = read_hazm(args.wheel)
    vocab, verbs = build(words_dat, verbs_dat)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    lines = [f"{w}\t{f}\t{t}" for w, (f, t) in sorted(vocab.items())]
    with gzip.GzipFile(out / "words_fa.tsv.gz", "wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    (out / "verbs_fa.tsv").write_text("".join(f"{p}\t{q}\n" for p, q in verbs), "utf-8")
    print(
        f"{len(vocab)} words ({sum(bool(t) for _, t in vocab.values())} tagged), {len(verbs)} verbs -> {out}"
    )


if __name__ == "__main__":
    main()

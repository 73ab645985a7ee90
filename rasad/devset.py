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
import re
from collections.abc import Iterable

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


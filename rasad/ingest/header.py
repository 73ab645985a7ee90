"""The optional `` date YYYY-MM-DD`` header line, read before any normalization.

    >>> from rasad.model import Article
    >>> d = HeaderStage()(Article(raw=" date 2025-08-16 ترامپ گفت ..."))
    >>> d.published, d.raw[d.meta["body_start"]:][:5]
    ('2025-08-16', 'ترامپ')
"""

from __future__ import annotations

import datetime as dt
import re

from rasad.model import Article

HEADER_RX = re.compile(r"\A[\ufeff\s]*date[ \t]+(\d{4})-(\d{1,2})-(\d{1,2})[ \t]*(?:\r?\n)?")


def parse_header(raw: str) -> tuple[str | None, int]:
    """Return (ISO date or None, offset where the body starts)."""
    m = HEADER_RX.match(raw)
    if not m:
        return None, 0
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, 0
    return d.isoformat(), m.end()


class HeaderStage:
    """Reads the date header into ``published`` and marks where the body starts."""

    name = "header"

    def __call__(self, doc: Article) -> Article:
        iso, start = parse_header(doc.raw)
        doc.meta["body_start"] = start
        if iso and not doc.raw[:start].endswith("\n") and doc.raw[start:].strip():
            doc.meta["header_inline"] = True
        if iso and not doc.published:
            doc.published = iso
            doc.published_source = "header"
        return doc

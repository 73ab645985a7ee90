"""Streaming ingest: raw articles (or read failures) in, one stored article at a time.

    >>> from rasad.store import Store
    >>> from rasad.store.batch import ingest_items
    >>> from rasad.model import Article
    >>> from rasad.pipeline import default_pipeline
    >>> with Store.open(":memory:") as st:
    ...     rs = list(ingest_items(st, [Article(raw="خبرگزاری‌ها گزارش دادند که نشست برگزار شد.")],
    ...                            default_pipeline(disable=["entities", "quotes", "events", "time"])))
    >>> rs[0].status
    'added'

A failure never stops the batch: a bad input, an analysis error or a store error becomes an
:class:`IngestResult` with status ``failed`` and a reason, and nothing of that article is
written (the store writes each article in one transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rasad.errors import RasadError
from rasad.model import Article
from rasad.pipeline import Pipeline
from rasad.store.core import Store, content_hash


@dataclass
class IngestResult:
    """What happened to one input: ``added``, ``present`` (same content already stored) or ``failed``."""

    status: str
    name: str
    id: int | None = None
    reason: str | None = None
    chars: int = 0


@dataclass
class IngestSummary:
    """Running totals of an ingest."""

    added: int = 0
    present: int = 0
    failed: int = 0
    chars: int = 0

    def count(self, r: IngestResult) -> None:
        setattr(self, r.status, getattr(self, r.status) + 1)
        self.chars += r.chars

    @property
    def processed(self) -> int:
        return self.added + self.present


def _name(a: Article) -> str:
    return a.doc or a.path or a.url or "article"


def ingest_items(store: Store, items: Iterable[Any], pipeline: Pipeline) -> Iterator[IngestResult]:
    """Analyze and store each raw :class:`Article`; items with ``path``/``reason`` are read failures."""
    for item in items:
        if not isinstance(item, Article):
            yield IngestResult("failed", str(getattr(item, "path", item)), reason=str(getattr(item, "reason", "unreadable")))
            continue
        name = _name(item)
        h = content_hash(item.raw)
        existing = store.id_for_hash(h)
        if existing is not None:
            yield IngestResult("present", name, existing, chars=len(item.raw))
            continue
        try:
            doc = pipeline(item)
        except Exception as e:  # a stage bug must not stop the batch
            yield IngestResult("failed", name, reason=f"analysis failed: {type(e).__name__}: {e}")
            continue
        try:
            aid, added = store.add(doc, digest=h)
        except RasadError as e:
            yield IngestResult("failed", name, reason=str(e))
            continue
        yield IngestResult("added" if added else "present", name, aid, chars=len(item.raw))

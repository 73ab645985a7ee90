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


def ingest_items(
    store: Store, items: Iterable[Any], pipeline: Pipeline, *, overlap: bool = True
) -> Iterator[IngestResult]:
    """Analyze and store each raw :class:`Article`; items with ``path``/``reason`` are read failures.

    With ``overlap`` (the default) one writer thread stores an article while the next one is
    analyzed: SQLite does its work without holding the GIL, so on a second core most of the
    store's time hides behind the pipeline's.  Nothing else changes: articles are written in
    input order, one transaction each, by that one thread; results come in input order (a
    known article's check and a read failure wait for the article before them); an article
    whose copy is still being written is analyzed and then found ``present`` by :meth:`Store.add`.
    ``overlap=False`` does each step in turn.
    """
    if not overlap:
        yield from _serial(store, items, pipeline)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rasad-store") as writer:
        waiting: list[IngestResult] = []  # results of items after the article being written
        pending: Any = None  # (future of store.add, name, chars) of the article being written
        analyzed: tuple[Article, str, str, int] | None = None  # (doc, name, digest, chars) ready to write
        for item in items:
            if pending is not None:  # the writer is busy: the next check would wait for it
                yield _written(*pending)
                yield from waiting
                pending, waiting = None, []
            if analyzed is not None:  # this item is read and checked now, while the writer is idle
                early = _check(store, item)
                if early is not None:
                    waiting.append(early)
                    continue
                doc, name, h, chars = analyzed
                pending = (writer.submit(store.add, doc, digest=h), name, chars)
                analyzed = None
            else:
                early = _check(store, item)
                if early is not None:
                    yield early
                    continue
            done = _analyze(item, pipeline)  # overlaps the pending write
            if isinstance(done, IngestResult):  # the analysis failed
                if pending is not None:
                    waiting.append(done)
                else:
                    yield done
            else:
                analyzed = done
        if analyzed is not None:
            if pending is not None:
                yield _written(*pending)
                yield from waiting
                pending, waiting = None, []
            doc, name, h, chars = analyzed
            pending = (writer.submit(store.add, doc, digest=h), name, chars)
        if pending is not None:
            yield _written(*pending)
        yield from waiting


def _check(store: Store, item: Any) -> IngestResult | None:
    """The result of an item that needs no analysis (a read failure, a known text), else ``None``."""
    if not isinstance(item, Article):
        return IngestResult("failed", str(getattr(item, "path", item)), reason=str(getattr(item, "reason", "unreadable")))
    existing = store.id_for_hash(content_hash(item.raw))
    if existing is not None:
        return IngestResult("present", _name(item), existing, chars=len(item.raw))
    return None


def _analyze(item: Article, pipeline: Pipeline) -> tuple[Article, str, str, int] | IngestResult:
    name = _name(item)
    h = content_hash(item.raw)
    chars = len(item.raw)
    try:
        doc = pipeline(item)
    except Exception as e:  # a stage bug must not stop the batch
        return IngestResult("failed", name, reason=f"analysis failed: {type(e).__name__}: {e}")
    return doc, name, h, chars


def _written(future: Any, name: str, chars: int) -> IngestResult:
    try:
        aid, added = future.result()
    except RasadError as e:
        return IngestResult("failed", name, reason=str(e))
    return IngestResult("added" if added else "present", name, aid, chars=chars)


def _serial(store: Store, items: Iterable[Any], pipeline: Pipeline) -> Iterator[IngestResult]:
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

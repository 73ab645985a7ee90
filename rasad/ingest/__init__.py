"""Reading articles from files and folders: text, JSON Lines, HTML and feeds.

    >>> from rasad.ingest import iter_inputs
    >>> for item in iter_inputs(["examples"]):   # doctest: +SKIP
    ...     print(item.doc if hasattr(item, "doc") else item.reason)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasad.errors import IngestError
from rasad.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes
from rasad.ingest.readers import (
    READERS,
    Failure,
    article_from_record,
    content_hash,
    iso_date,
    sniff_kind,
)
from rasad.model import Article

ACCEPTED_SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml", ".rss", ".atom", ".xml", ""}

__all__ = [
    "Failure",
    "iter_inputs",
    "read_path",
    "read_bytes",
    "article_from_record",
    "content_hash",
    "iso_date",
    "DEFAULT_MAX_BYTES",
]


def read_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Decode and parse one file's bytes; failures are yielded, never raised."""
    try:
        text = decode_bytes(data, name, max_bytes)
    except IngestError as e:
        yield Failure(name, e.reason)
        return
    kind = sniff_kind(Path(name), text[:1000])
    yield from READERS[kind](text, name)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Read one file (size-checked before it is loaded)."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        yield Failure(name, f"cannot read: {e.strerror or e}")
        return
    if size > max_bytes:
        kind = sniff_kind(path, _head(path))
        if kind in ("jsonl", "feed"):  # the limit is per article: stream them
            from rasad.ingest.stream import stream_feed, stream_jsonl

            try:
                yield from (stream_jsonl if kind == "jsonl" else stream_feed)(path, max_bytes)
            except OSError as e:
                yield Failure(name, f"cannot read: {e.strerror or e}")
            return
        yield Failure(name, f"file too large ({size:,} bytes; limit {max_bytes:,})")
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Failure(name, f"cannot read: {e.strerror or e}")
        return
    yield from read_bytes(data, name, max_bytes)


def _head(path: Path) -> str:
    try:
        with path.open("rb") as f:
            return f.read(1000).decode("utf-8", "replace")
    except OSError:
        return ""


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if f.startswith(".") or p.suffix.lower() not in ACCEPTED_SUFFIXES:
                continue
            yield p


def iter_inputs(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Walk files and folders (recursively) and yield raw articles or failures, streaming.

    One bad file or line never stops the others.  A path that does not exist is a
    failure too.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from read_path(f, max_bytes)
        elif path.exists():
            yield from read_path(path, max_bytes)
        else:
            yield Failure(str(path), "no such file or folder")

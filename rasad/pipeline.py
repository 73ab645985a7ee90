"""The ordered list of stages an :class:`~rasad.model.Article` flows through.

Each stage is a callable ``stage(doc) -> doc`` with a ``name``, like spaCy's
pipeline components.  Stages own the resources they load (lexicons, models), so
two pipelines never share mutable state.

    >>> from rasad.pipeline import analyze
    >>> doc = analyze(" date 2025-10-21\\nلاوروف روز دوشنبه گفت که مذاکرات ادامه دارد.")
    >>> doc.published
    '2025-10-21'
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Protocol

from rasad.model import Article


class Stage(Protocol):
    name: str

    def __call__(self, doc: Article) -> Article: ...


STAGE_NAMES = ("header", "normalize", "metadata", "time", "entities", "syntax", "quotes", "events")


class Pipeline:
    """An explicit, ordered list of stages."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = list(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Article) -> Article:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, docs: Iterable[Article]) -> Iterator[Article]:
        for doc in docs:
            yield self(doc)

    def without(self, *names: str) -> Pipeline:
        return Pipeline([s for s in self.stages if s.name not in names])


def _build_stage(name: str, shared: dict[str, Stage]) -> Stage:
    """Import and build one stage; ``shared`` holds stages that another stage needs too (time)."""
    if name == "header":
        from rasad.ingest.header import HeaderStage

        return HeaderStage()
    if name == "normalize":
        from rasad.normalize import Normalizer

        return Normalizer()
    if name in ("time", "metadata"):
        if "time" not in shared:
            from rasad.time import TimeStage

            shared["time"] = TimeStage()
        if name == "time":
            return shared["time"]
        from rasad.ingest.metadata import MetadataStage

        return MetadataStage(shared["time"])
    if name == "entities":
        from rasad.entities import EntityStage

        return EntityStage()
    if name == "syntax":
        from rasad.syntax import SyntaxStage

        return SyntaxStage()
    if name == "quotes":
        from rasad.quotes import QuoteStage

        return QuoteStage()
    if name == "events":
        from rasad.events import EventStage

        return EventStage()
    raise ValueError(f"unknown stage {name!r}; stages: {', '.join(STAGE_NAMES)}")


def default_pipeline(disable: Iterable[str] = ()) -> Pipeline:
    """The full pipeline: header, normalize, metadata, time, entities, syntax, quotes, events.

    Disabled stages are neither imported nor built, so ``disable=[...]`` loads only what the
    others need (``metadata`` alone still builds the time tagger it reads datelines with).
    Each call builds new stages; :func:`analyze` reuses one per process (:func:`shared_pipeline`).
    """
    from rasad.cache import building  # start-up cache of compiled patterns, no GC passes

    off = set(disable)
    shared: dict[str, Stage] = {}
    with building():
        return Pipeline([_build_stage(n, shared) for n in STAGE_NAMES if n not in off])


_SHARED_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _shared_default() -> Pipeline:
    return default_pipeline()


def shared_pipeline() -> Pipeline:
    """The full default pipeline of this process, built on first use (thread-safe) and then reused.

    The only process-wide state of the library: stages keep no per-article state, so one
    pipeline serves every caller of :func:`analyze`.
    """
    with _SHARED_LOCK:  # one build even when threads ask at once
        return _shared_default()


def analyze(
    text: str,
    published: str | None = None,
    doc: str = "",
    pipeline: Pipeline | None = None,
) -> Article:
    """Run the whole pipeline on one article's raw text.

    ``published`` (ISO date) overrides any date found in the text.  Without ``pipeline`` the
    process's shared default pipeline is used (built once, on the first call).
    """
    art = Article(raw=text, doc=doc)
    if published:
        art.published = published
        art.published_source = "metadata"
    return (pipeline or shared_pipeline())(art)

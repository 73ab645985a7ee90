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

from collections.abc import Iterable, Iterator, Sequence
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


def default_pipeline(disable: Iterable[str] = ()) -> Pipeline:
    """The full pipeline: header, normalize, metadata, time, entities, syntax, quotes, events."""
    from rasad.entities import EntityStage
    from rasad.events import EventStage
    from rasad.ingest.header import HeaderStage
    from rasad.ingest.metadata import MetadataStage
    from rasad.normalize import Normalizer
    from rasad.quotes import QuoteStage
    from rasad.syntax import SyntaxStage
    from rasad.time import TimeStage

    time_stage = TimeStage()
    stages: list[Stage] = [
        HeaderStage(),
        Normalizer(),
        MetadataStage(time_stage),
        time_stage,
        EntityStage(),
        SyntaxStage(),
        QuoteStage(),
        EventStage(),
    ]
    off = set(disable)
    return Pipeline([s for s in stages if s.name not in off])


def analyze(
    text: str,
    published: str | None = None,
    doc: str = "",
    pipeline: Pipeline | None = None,
) -> Article:
    """Run the whole pipeline on one article's raw text.

    ``published`` (ISO date) overrides any date found in the text.
    """
    art = Article(raw=text, doc=doc)
    if published:
        art.published = published
        art.published_source = "metadata"
    return (pipeline or default_pipeline())(art)

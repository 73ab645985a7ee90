"""Title, dateline, agency and byline (placeholder)."""

from __future__ import annotations

from typing import Any

from rasad.model import Article


class MetadataStage:
    name = "metadata"

    def __init__(self, time_stage: Any) -> None:
        self.time_stage = time_stage

    def __call__(self, doc: Article) -> Article:
        return doc

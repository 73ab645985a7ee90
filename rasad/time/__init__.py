"""Time expressions (placeholder until the tagger lands)."""

from __future__ import annotations

import datetime as dt

from rasad.model import Article, Timex


class TimeStage:
    name = "time"

    def tag(self, text: str, anchor: dt.date | None = None) -> list[Timex]:
        return []

    def __call__(self, doc: Article) -> Article:
        return doc

"""Events (placeholder)."""

from rasad.model import Article


class EventStage:
    name = "events"

    def __call__(self, doc: Article) -> Article:
        return doc

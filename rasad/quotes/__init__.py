"""Quotes (placeholder)."""

from rasad.model import Article


class QuoteStage:
    name = "quotes"

    def __call__(self, doc: Article) -> Article:
        return doc

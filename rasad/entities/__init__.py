"""Entities (placeholder until the gazetteer and tagger land)."""

from rasad.model import Article


class EntityStage:
    name = "entities"

    def __call__(self, doc: Article) -> Article:
        return doc

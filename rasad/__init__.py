"""rasad (رصد): reads Persian news and turns it into a sourced, dated record.

    >>> import rasad
    >>> doc = rasad.analyze(" date 2025-10-21\\nلاوروف گفت که مذاکرات ادامه دارد.")
    >>> doc.to_dict()["published"]
    '2025-10-21'
"""

from rasad.model import Article, Entity, Event, Mention, Quote, Sentence, Timex
from rasad.pipeline import Pipeline, analyze, default_pipeline

__version__ = "0.1.0"
__all__ = [
    "Article", "Entity", "Event", "Mention", "Quote", "Sentence", "Timex",
    "Pipeline", "analyze", "default_pipeline", "__version__",
]

"""Quotations and their speakers (stage ``quotes``).

>>> from rasad.quotes import QuoteStage
>>> QuoteStage.name
'quotes'
"""

from rasad.quotes.stage import QuoteStage, quote_pairs

__all__ = ["QuoteStage", "quote_pairs"]

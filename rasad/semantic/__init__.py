"""Search by meaning across Persian and English: passage embeddings kept in the store.

Optional at ingest (``rasad ingest --index``) or later (``rasad index``), so the default pipeline
keeps its speed; ``rasad search --semantic`` and ``/api/search?semantic=1`` rank by meaning fused
with word search.
"""

from rasad.semantic.embed import MODEL_NAME, Embedder, SemanticUnavailable
from rasad.semantic.index import SemanticIndex
from rasad.semantic.passages import passage_spans

__all__ = ["MODEL_NAME", "Embedder", "SemanticIndex", "SemanticUnavailable", "passage_spans"]

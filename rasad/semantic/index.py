"""Passage vectors in the store, and search by meaning with hybrid ranking.

``index_pending`` embeds the passages of every article not yet indexed (``rasad index``, or
``rasad ingest --index``) and keeps them as float16 BLOBs in ``passage_vectors``. A query is
embedded with E5's ``query:`` prefix and compared with every passage (one matrix product over a
float32 matrix cached per store until it changes); an article scores by its best passage.
``hybrid`` fuses that ranking with the FTS5 word ranking by reciprocal rank fusion, so an exact
Persian phrase still counts while an English query finds Persian reports.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from rasad.errors import QueryError
from rasad.semantic.embed import Embedder
from rasad.semantic.passages import passage_spans

RRF_K = 60
_SELECT_PENDING = (
    "SELECT a.id, a.title, a.text, a.sentences FROM articles a"
    " WHERE NOT EXISTS (SELECT 1 FROM passage_vectors p WHERE p.article_id = a.id) ORDER BY a.id LIMIT ?"
)


@dataclass
class _Matrix:
    version: tuple[int, int]
    ids: np.ndarray  # passage ids
    articles: np.ndarray  # article id per passage
    spans: np.ndarray  # (n, 2) start, end
    vectors: np.ndarray  # (n, dim) float32


class SemanticIndex:
    """Vectors of one store's passages; thread-safe; the matrix is reloaded when the store changes."""

    def __init__(self, store: Any, embedder: Embedder | None = None) -> None:
        self.store = store
        self.embedder = embedder or Embedder()
        self._lock = threading.Lock()
        self._matrix: _Matrix | None = None

    # --- indexing -------------------------------------------------------------------
    def pending(self) -> int:
        row = self.store._one("SELECT count(*) AS n FROM articles a WHERE NOT EXISTS"
                              " (SELECT 1 FROM passage_vectors p WHERE p.article_id = a.id)")
        return int(row["n"]) if row else 0

    def index_pending(self, batch: int = 16, limit: int | None = None,
                      progress: Callable[[int], None] | None = None) -> int:
        """Embed the passages of articles without vectors; return how many articles were indexed."""
        done = 0
        while limit is None or done < limit:
            n = batch if limit is None else min(batch, limit - done)
            rows = self.store._all(_SELECT_PENDING, [n])
            if not rows:
                break
            items: list[tuple[int, int, int, str]] = []
            for r in rows:
                text = r["text"] or ""
                sents = [tuple(x) for x in json.loads(r["sentences"] or "[]")] or [(0, len(text))]
                spans = passage_spans(text, sents)
                if r["title"]:
                    items.append((r["id"], -1, -1, r["title"]))
                items += [(r["id"], s, e, text[s:e]) for s, e in spans if text[s:e].strip()]
            vecs = self.embedder.passages([t for *_, t in items]) if items else np.zeros((0, 1), np.float32)
            with self.store._lock:
                conn = self.store._conn
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany(
                        'INSERT INTO passage_vectors(article_id, start, "end", model, vec) VALUES (?,?,?,?,?)',
                        [(aid, s, e, self.embedder.name, vecs[i].astype(np.float16).tobytes())
                         for i, (aid, s, e, _) in enumerate(items)],
                    )
                    # an article with no text still counts as indexed
                    for r in rows:
                        if not any(it[0] == r["id"] for it in items):
                            conn.execute('INSERT INTO passage_vectors(article_id, start, "end", model, vec)'
                                         " VALUES (?, -1, -1, ?, NULL)", (r["id"], self.embedder.name))
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            done += len(rows)
            if progress:
                progress(len(rows))
        return done

    # --- searching ------------------------------------------------------------------
    def _version(self) -> tuple[int, int]:
        row = self.store._one("SELECT count(*) AS n, coalesce(max(id), 0) AS m FROM passage_vectors")
        return (int(row["n"]), int(row["m"])) if row else (0, 0)

    def _load(self) -> _Matrix:
        ver = self._version()
        with self._lock:
            if self._matrix is not None and self._matrix.version == ver:
                return self._matrix
            rows = self.store._all('SELECT id, article_id, start, "end", vec FROM passage_vectors'
                                   " WHERE vec IS NOT NULL ORDER BY id", [])
            if rows:
                vec = np.frombuffer(b"".join(r["vec"] for r in rows), dtype=np.float16)
                vectors = vec.reshape(len(rows), -1).astype(np.float32)
            else:
                vectors = np.zeros((0, 384), np.float32)
            self._matrix = _Matrix(ver, np.array([r["id"] for r in rows], dtype=np.int64),
                                   np.array([r["article_id"] for r in rows], dtype=np.int64),
                                   np.array([[r["start"], r["end"]] for r in rows], dtype=np.int64).reshape(-1, 2),
                                   vectors)
            return self._matrix

    def passages(self, query: str, k: int = 10) -> list[tuple[int, int, int, float]]:
        """The ``k`` nearest passages: (article id, start, end, cosine)."""
        if not query.strip():
            raise QueryError("empty query")
        mat = self._load()
        if not len(mat.ids):
            return []
        scores = mat.vectors @ self.embedder.query(query)
        top = np.argpartition(-scores, min(k, len(scores) - 1))[:k] if len(scores) > k else np.arange(len(scores))
        top = top[np.argsort(-scores[top])]
        return [(int(mat.articles[i]), int(mat.spans[i][0]), int(mat.spans[i][1]), float(scores[i])) for i in top]

    def search(self, query: str, limit: int = 10, hybrid: bool = True) -> list[dict[str, Any]]:
        """Articles by meaning (best passage each), fused with word search when ``hybrid``."""
        near = self.passages(query, k=max(50, limit * 8))
        best: dict[int, tuple[int, int, float]] = {}
        for aid, s, e, sc in near:
            if aid not in best:
                best[aid] = (s, e, sc)
        fused: dict[int, float] = {}
        for rank, aid in enumerate(best):
            fused[aid] = 1.0 / (RRF_K + rank + 1)
        words: dict[int, dict[str, Any]] = {}
        if hybrid:
            from rasad.semantic.translate import QueryTranslator

            tr = QueryTranslator.load()
            # (query, weight): the words as typed, the English words put in Persian, and — weighing
            # double — the articles that name every person, place or body the query names
            queries: list[tuple[str | None, float]] = [(query, 1.0), (tr.fts_query(query), 1.0),
                                                       (tr.names_query(query), 2.0)]
            for q, weight in queries:
                if not q:
                    continue
                try:
                    hits = self.store.search(q, limit=50)
                except QueryError:
                    hits = []
                for rank, h in enumerate(hits):
                    words.setdefault(int(h["id"]), h)
                    fused[int(h["id"])] = fused.get(int(h["id"]), 0.0) + weight / (RRF_K + rank + 1)
        order = sorted(fused, key=lambda a: -fused[a])[:limit]
        if not order:
            return []
        meta = {int(r["id"]): r for r in self.store._all(
            "SELECT id, doc, title, source, url, published, text FROM articles"
            f" WHERE id IN ({','.join('?' * len(order))})", order)}
        out = []
        for aid in order:
            r = meta.get(aid)
            if r is None:
                continue
            text = r.pop("text") or ""
            if aid in best:
                s, e, sc = best[aid]
                passage = (r["title"] or "") if s < 0 else text[s:e]
            else:
                s, e, sc, passage = -1, -1, 0.0, words[aid].get("snippet_text") or ""
            out.append({**r, "score": round(fused[aid], 6), "similarity": round(sc, 4),
                        "passage": passage, "start": s, "end": e, "matched_words": aid in words})
        return out


"""Articles cut into passages for embedding: the title, then runs of whole sentences.

    >>> [(s, e) for s, e in passage_spans("الف. ب. ج.", [(0, 3), (4, 6), (7, 9)], max_chars=5)]
    [(0, 3), (4, 9)]
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_CHARS = 400


def passage_spans(text: str, sentences: Iterable[tuple[int, int]], max_chars: int = MAX_CHARS,
                  title_span: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` that cover it in order: the title alone, then sentences packed greedily
    up to ``max_chars`` (a longer sentence stands alone, cut at ``3 × max_chars``)."""
    out: list[tuple[int, int]] = []
    if title_span and title_span[1] > title_span[0]:
        out.append(title_span)
    cur: tuple[int, int] | None = None
    for s, e in sentences:
        if title_span and s < title_span[1] and e <= title_span[1]:
            continue
        if not text[s:e].strip():
            continue
        if cur is None:
            cur = (s, e)
        elif e - cur[0] <= max_chars:
            cur = (cur[0], e)
        else:
            out.append(cur)
            cur = (s, e)
    if cur is not None:
        out.append(cur)
    return [(s, min(e, s + 3 * max_chars)) for s, e in out]

"""Queries over the syntax layer for the extractors (quotes, events, factuality).

>>> from rasad.model import Article, Sentence
>>> from rasad.syntax import SyntaxStage
>>> text = "عراقچی گفت که ایران با آژانس همکاری خواهد کرد."
>>> doc = SyntaxStage()(Article(raw=text, text=text, sentences=[Sentence(0, len(text))]))
>>> c = clause_at(doc, text.index("همکاری"))
>>> c.kind, c.verb.tense, governing(doc, c).verb.lemma
('complement', 'future', 'گفت')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from rasad.model import Article, Clause, Token, VerbGroup


def tokens_in(doc: Article, start: int, end: int) -> list[Token]:
    """The tokens overlapping ``[start, end)``."""
    toks = doc.tokens
    lo = bisect_right([t.end for t in toks], start)
    hi = bisect_left([t.start for t in toks], end)
    return toks[lo:hi]


def token_at(doc: Article, offset: int) -> Token | None:
    """The token covering ``offset``."""
    for t in tokens_in(doc, offset, offset + 1):
        return t
    return None


def clause_at(doc: Article, offset: int) -> Clause | None:
    """The innermost clause whose span covers ``offset`` (ties: the subordinate one)."""
    best: Clause | None = None
    for c in doc.clauses:
        if c.start <= offset < c.end and (best is None or c.end - c.start <= best.end - best.start):
            best = c
    return best


def clause_index(doc: Article, clause: Clause) -> int | None:
    for i, c in enumerate(doc.clauses):
        if c is clause:
            return i
    return None


def governing(doc: Article, clause: Clause) -> Clause | None:
    """The clause governing ``clause`` (its parent), or None for a main clause."""
    return doc.clauses[clause.parent] if clause.parent is not None else None


def first_conjunct(doc: Article, clause: Clause) -> Clause:
    """The first clause of the coordination ``clause`` belongs to (itself if not coordinated)."""
    seen = 0
    while clause.kind == "coordinated" and clause.parent is not None and seen < len(doc.clauses):
        clause = doc.clauses[clause.parent]
        seen += 1
    return clause


def governor(doc: Article, clause: Clause) -> Clause | None:
    """The clause that governs ``clause`` through any coordination: in ``گفت که X و Y``, گفت
    governs Y too (``governing`` gives X, Y's first conjunct)."""
    return governing(doc, first_conjunct(doc, clause))


def ancestors(doc: Article, clause: Clause) -> list[Clause]:
    """The chain of governing clauses, nearest first."""
    out: list[Clause] = []
    c = governing(doc, clause)
    while c is not None and c not in out:
        out.append(c)
        c = governing(doc, c)
    return out


def dependents(doc: Article, clause: Clause) -> list[Clause]:
    """The clauses that ``clause`` governs."""
    i = clause_index(doc, clause)
    return [c for c in doc.clauses if i is not None and c.parent == i]


def verb_at(doc: Article, offset: int) -> VerbGroup | None:
    """The verb group covering ``offset``."""
    for c in doc.clauses:
        v = c.verb
        if v is not None and v.start <= offset < v.end:
            return v
    return None


def clauses_in(doc: Article, sentence: int) -> list[Clause]:
    """The clauses of one sentence, in text order of their verbs."""
    return [c for c in doc.clauses if c.sentence == sentence]

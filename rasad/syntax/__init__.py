"""Stage ``syntax``: tokens with UD POS/lemma/features, verb groups and clauses.

Output: ``doc.tokens`` (:class:`~rasad.model.Token`) and ``doc.clauses``
(:class:`~rasad.model.Clause`, each with its :class:`~rasad.model.VerbGroup`, its kind,
its governing clause and argument candidates).  Neither is part of ``Article.to_dict()``.

    >>> from rasad.model import Article, Sentence
    >>> text = "اگر آمریکا تحریم‌ها را لغو نکند، ایران مذاکره نخواهد کرد."
    >>> doc = SyntaxStage()(Article(raw=text, text=text, sentences=[Sentence(0, len(text))]))
    >>> [(c.kind, c.verb.lemma, c.verb.tense, c.verb.negated) for c in doc.clauses]
    [('conditional', 'کرد', 'present', True), ('main', 'کرد', 'future', True)]
    >>> doc.clauses[0].parent
    1

Modules: :mod:`~rasad.syntax.tokenize`, :mod:`~rasad.syntax.tagger` (UD-trained),
:mod:`~rasad.syntax.morph`, :mod:`~rasad.syntax.verbs`, :mod:`~rasad.syntax.clauses`,
:mod:`~rasad.syntax.query` (``clause_at``, ``governing``, ``tokens_in`` ...).
"""

from __future__ import annotations

from bisect import bisect_left

from rasad.model import Article, Clause, Token
from rasad.syntax.clauses import ClauseBuilder
from rasad.syntax.features import fold
from rasad.syntax.morph import Morphology
from rasad.syntax.query import (
    ancestors,
    clause_at,
    clauses_in,
    dependents,
    first_conjunct,
    governing,
    governor,
    token_at,
    tokens_in,
    verb_at,
)
from rasad.syntax.tagger import Tagger
from rasad.syntax.tokenize import tokenize
from rasad.syntax.verbs import VerbGrouper

__all__ = [
    "SyntaxStage",
    "ancestors",
    "clause_at",
    "clauses_in",
    "dependents",
    "governing",
    "governor",
    "first_conjunct",
    "token_at",
    "tokens_in",
    "verb_at",
    "tokenize",
]


class SyntaxStage:
    """Tokenize, tag, group verbs and segment clauses (``name = "syntax"``)."""

    name = "syntax"

    def __init__(self) -> None:
        self.morphology = Morphology()
        self.tagger = Tagger(morphology=self.morphology)
        adjectives = frozenset(w for w, c in self.tagger.classes.items() if "ADJ" in c.split("|"))
        self.grouper = VerbGrouper(self.morphology, adjectives=adjectives)
        self.clauses = ClauseBuilder()

    def __call__(self, doc: Article) -> Article:
        text = doc.text
        tokens: list[Token] = []
        clauses: list[Clause] = []
        tag_words = self.tagger.tag_words
        spans = [(s.start, s.end) for s in doc.sentences] or ([(0, len(text))] if text else [])
        tx = _merge([(t.start, t.end) for t in doc.timexes])
        names = _mention_spans(doc)
        name_ends = [e for _, e in names]
        tx_ends = [e for _, e in tx]
        for si, (ss, se) in enumerate(spans):
            raw = tokenize(text, ss, se)
            if not raw:
                continue
            words, tagged = tag_words([w for _, _, w in raw])
            toks = [Token(s, e, w, r[0], r[1], r[2], si) for (s, e, w), r in zip(raw, tagged, strict=True)]
            tokens.extend(toks)
            starts = [t[0] for t in raw]
            groups = self.grouper.groups(
                text, toks, words, _starts_in(starts, raw[-1][1], names, name_ends) if names else None
            )
            np_end = _ends_at([t[1] for t in raw], name_ends) if names else None
            clauses.extend(
                self.clauses.build(
                    toks, words, groups, si, len(clauses), _starts_in(starts, raw[-1][1], tx, tx_ends), np_end
                )
            )
        doc.tokens = tokens
        doc.clauses = clauses
        return doc

    def analyse_text(self, text: str) -> Article:
        """Run the stage on a bare text (one sentence per line, split by the normalizer's splitter)."""
        from rasad.normalize.sentences import SentenceSplitter

        doc = Article(raw=text, text=text, sentences=SentenceSplitter()(text))
        return self(doc)


def _mention_spans(doc: Article) -> list[tuple[int, int]]:
    """The maximal entity-mention spans (a name ends a noun phrase at their end)."""
    spans = sorted((m.start, m.end) for e in doc.entities for m in e.mentions)
    spans += sorted(
        (m.start, m.end) for e in doc.meta.get("title_entities", []) or [] for m in getattr(e, "mentions", [])
    )
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of ``spans``."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _starts_in(starts: list[int], last_end: int, spans: list[tuple[int, int]], ends: list[int]) -> list[bool]:
    """Which tokens (their sorted ``starts``; the last one ends at ``last_end``) start inside one
    of ``spans`` (sorted, non-overlapping; ``ends`` = their ends)."""
    n = len(starts)
    out = [False] * n
    if not spans or not n:
        return out
    k = bisect_left(ends, starts[0] + 1)  # the first span ending after the first token starts
    while k < len(spans) and spans[k][0] < last_end:
        s, e = spans[k]
        i, j = bisect_left(starts, s), bisect_left(starts, e)
        if j > i:
            out[i:j] = [True] * (j - i)
        k += 1
    return out


def _ends_at(tok_ends: list[int], ends: list[int]) -> list[bool]:
    """Which tokens (their sorted ``tok_ends``) end exactly where one of ``ends`` (sorted) is."""
    n = len(tok_ends)
    out = [False] * n
    if not n:
        return out
    last = tok_ends[-1]
    for k in range(bisect_left(ends, tok_ends[0]), len(ends)):
        e = ends[k]
        if e > last:
            break
        j = bisect_left(tok_ends, e)
        while j < n and tok_ends[j] == e:
            out[j] = True
            j += 1
    return out


def words_of(doc: Article, clause: Clause) -> list[str]:
    """Folded words of a clause (a convenience for rules)."""
    return [fold(t.text) for t in tokens_in(doc, clause.start, clause.end)]

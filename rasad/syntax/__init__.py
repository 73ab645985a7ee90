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

from rasad.model import Article, Clause, Token
from rasad.syntax.clauses import ClauseBuilder
from rasad.syntax.features import fold
from rasad.syntax.morph import Morphology
from rasad.syntax.query import (
    ancestors,
    clause_at,
    clauses_in,
    dependents,
    governing,
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
        self.grouper = VerbGrouper(self.morphology)
        self.clauses = ClauseBuilder()

    def __call__(self, doc: Article) -> Article:
        text = doc.text
        tokens: list[Token] = []
        clauses: list[Clause] = []
        spans = [(s.start, s.end) for s in doc.sentences] or ([(0, len(text))] if text else [])
        tx = sorted((t.start, t.end) for t in doc.timexes)
        for si, (ss, se) in enumerate(spans):
            raw = tokenize(text, ss, se)
            if not raw:
                continue
            tagged = self.tagger.tag([w for _, _, w in raw])
            toks = [Token(s, e, w, p, lem, f, si) for (s, e, w), (p, lem, f) in zip(raw, tagged, strict=True)]
            tokens.extend(toks)
            in_timex = [any(a <= t.start < b for a, b in tx) for t in toks] if tx else [False] * len(toks)
            groups = self.grouper.groups(text, toks)
            clauses.extend(self.clauses.build(toks, groups, si, len(clauses), in_timex))
        doc.tokens = tokens
        doc.clauses = clauses
        return doc

    def analyse_text(self, text: str) -> Article:
        """Run the stage on a bare text (one sentence per line, split by the normalizer's splitter)."""
        from rasad.normalize.sentences import SentenceSplitter

        doc = Article(raw=text, text=text, sentences=SentenceSplitter()(text))
        return self(doc)


def words_of(doc: Article, clause: Clause) -> list[str]:
    """Folded words of a clause (a convenience for rules)."""
    return [fold(t.text) for t in tokens_in(doc, clause.start, clause.end)]

"""The statistical named-entity tagger: a linear-chain CRF (CRFsuite).

The committed model ``rasad/data/models/ner.crfsuite`` was trained by
``scripts/train_ner.py`` on PEYMA and ARMAN (see ``NER_MODEL.md`` beside it) and
tags ``PER``, ``ORG``, ``LOC``, ``FAC`` and ``EVE`` in BIO form.

    >>> tagger = CrfTagger()
    >>> text = "محمد جواد ظریف در تهران گفت"
    >>> [(text[s:e], t) for s, e, t in tagger.spans(text)]
    [('محمد جواد ظریف', 'PER'), ('تهران', 'LOC')]

:func:`tokenize` keeps character offsets, splits punctuation (``،``, ``.``,
``«``, ``»``, ``:`` ...) off words and keeps ZWNJ-joined words (``می‌شود``,
``رئیس‌جمهور``) as one token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pycrfsuite

from rasad.entities.features import DATA_DIR, FeatureExtractor

MODEL_PATH = DATA_DIR / "models" / "ner.crfsuite"

# A word character: a letter or digit, or an Arabic-script combining mark.
_W = r"(?:[^\W_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED])"
TOKEN_RX = re.compile(
    r"\d+(?:[.,/٫٬:]\d+)+"  # numbers with separators: 12.5  ۱۴۰۳/۰۲/۱۰  ۱۲:۳۰
    rf"|{_W}+(?:[\u200c\u200d]{_W}+)*"  # words, ZWNJ inside allowed
    r"|[^\s\u200b-\u200f\u2060\ufeff]"  # any other visible character alone
)
# Tokens that end a sentence (the CRF was trained on sentences).
_SENT_END = frozenset({".", "!", "?", "؟", "…"})
# Hard cap on a tagged sequence; long lines without punctuation are cut.
_MAX_SEQ = 150


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into ``(start, end, token)`` triples with offsets into ``text``.

    >>> tokenize("وزیر «خارجه»، گفت‌وگو")
    [(0, 4, 'وزیر'), (5, 6, '«'), (6, 11, 'خارجه'), (11, 12, '»'), (12, 13, '،'), (14, 21, 'گفت\u200cوگو')]
    """
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RX.finditer(text)]


def sentences(text: str, toks: Sequence[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    """Yield ``(i, j)`` token-index ranges: a sentence ends at ``.!?؟``, a newline, or a cap."""
    start = 0
    n = len(toks)
    for i in range(n):
        end_here = toks[i][2] in _SENT_END or i + 1 - start >= _MAX_SEQ
        if not end_here and i + 1 < n and "\n" in text[toks[i][1] : toks[i + 1][0]]:
            end_here = True
        if end_here:
            yield start, i + 1
            start = i + 1
    if start < n:
        yield start, n


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity chunks ``(first_token, end_token, TYPE)`` from BIO tags, CoNLL style.

    An ``I-X`` that does not continue an ``X`` chunk starts a new one.

    >>> bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'ORG'), (5, 6, 'LOC')]
    """
    out: list[tuple[int, int, str]] = []
    cur: str | None = None
    begin = 0
    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if cur is not None and (prefix != "I" or typ != cur):
            out.append((begin, i, cur))
            cur = None
        if prefix in ("B", "I") and cur is None:
            cur, begin = typ, i
    if cur is not None:
        out.append((begin, len(tags), cur))
    return out


class CrfTagger:
    """Loads the committed CRF model and tags tokens or whole texts.

    One tagger per stage object; not thread-safe (CRFsuite taggers are not).
    """

    def __init__(self, model_path: Path | None = None) -> None:
        self.model_path = Path(model_path) if model_path is not None else MODEL_PATH
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        self.features = FeatureExtractor()
        self.labels: list[str] = list(self._tagger.labels())

    @property
    def types(self) -> set[str]:
        """The entity types this model can output (``PER``, ``ORG``, ...)."""
        return {lab.partition("-")[2] for lab in self.labels if lab != "O"}

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        """BIO tags (``B-PER``, ``I-PER``, ``O`` ...) for one sentence of tokens."""
        if not tokens:
            return []
        return list(self._tagger.tag(self.features.sequence(tokens)))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, TYPE)`` with character offsets into ``text``.

        ``text`` is normalized Persian, possibly several lines; each sentence
        is tagged on its own.
        """
        toks = tokenize(text)
        out: list[tuple[int, int, str]] = []
        for i, j in sentences(text, toks):
            sent = toks[i:j]
            tags = self.tag_tokens([t[2] for t in sent])
            for a, b, typ in bio_spans(tags):
                out.append((sent[a][0], sent[b - 1][1], typ))
        return out

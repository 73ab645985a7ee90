"""UPOS + morphology tagger: a lexicon of unambiguous UD words, an averaged perceptron for
the rest, per-word lemma/features learned from UD and verb-morphology rules for unseen verbs.

    >>> t = Tagger()
    >>> [p for p, _, _ in t.tag(["وزیر", "خارجه", "روز", "دوشنبه", "به", "تهران", "سفر", "کرد", "."])]
    ['NOUN', 'ADJ', 'NOUN', 'NOUN', 'ADP', 'PROPN', 'NOUN', 'VERB', 'PUNCT']
"""

from __future__ import annotations

from typing import Any

from rasad.syntax.features import ZWNJ, fold, shape, word_features
from rasad.syntax.morph import Morphology, VerbAnalysis
from rasad.syntax.perceptron import Perceptron
from rasad.syntax.resources import load_tagger_parts

_PLURAL = ("ها", "های", "هایی", "ان", "ات")
Tagged = tuple[str, str | None, dict[str, str]]  # (upos, lemma, feats)
_MISSING = object()


def verb_feats(a: VerbAnalysis) -> dict[str, str]:
    """UD features of one verb form from its analysis."""
    f: dict[str, str] = {}
    if a.person is not None:
        f["Person"] = str(a.person)
        f["Number"] = a.number or "Sing"
    if a.neg:
        f["Polarity"] = "Neg"
    if a.kind == "participle" and not a.clitic:
        f["VerbForm"] = "Part"  # UD Persian leaves Tense off participles
        return f
    if a.kind in ("past", "participle"):
        f["Tense"] = "Past"
    elif a.kind == "copula":
        f["Tense"] = "Pres"
    else:
        f["Tense"] = "Pres"
        if a.bare and a.subj_prefix:
            f["Mood"] = "Imp"
        elif not a.imperfective and a.stem not in ("داشت", "بود", "است", "خواست"):
            f["Mood"] = "Sub"
    return f


class Tagger:
    """Tags a sentence's words; all resources are loaded once per instance."""

    def __init__(
        self,
        model: dict[str, Any] | None = None,
        morphology: Morphology | None = None,
        treebank: str = "perdt",
    ) -> None:
        """``treebank``: whose UD conventions to follow (``perdt``: PROPN for names, را as ADP)."""
        from rasad.normalize.resources import load_vocabulary

        self.treebank = treebank
        self.hazm = load_vocabulary().pos
        if not model:  # the shipped model, its perceptron in the fast form (start-up cache)
            m, (tags, rows) = load_tagger_parts()
            self.perceptron = Perceptron.from_rows(tags, rows)
        else:
            m = model
            self.perceptron = Perceptron(m["weights"])
        self.lexicon: dict[str, str] = m["lexicon"]
        self.classes: dict[str, str] = m["classes"]
        self.morph: dict[str, list[str]] = m["morph"]
        self.morphology = morphology or Morphology()
        self._cache: dict[tuple[str, str, str], Tagged] = {}
        self._fixed: dict[str, Tagged | None | object] = {}
        self._words: dict[str, tuple[str, Tagged | None]] = {}  # written form -> (fold, fixed analysis)
        self._lemmas: dict[str, Tagged] = {}  # "word\ttag" -> analysis

    def tag_upos(self, words: list[str]) -> list[str]:
        """UPOS tags of already folded words."""
        return [r[0] for r in self.tag(words, words)]

    def _fixed_tag(self, w: str) -> Tagged | None:
        """The analysis of a word whose tag needs no context (lexicon, number, punctuation)."""
        tag = self.lexicon.get(w)
        if tag is None:
            sh = shape(w)
            tag = "NUM" if sh == "d" else "PUNCT" if sh == "p" else None
        return self.lemma_feats(w, tag) if tag is not None else None

    def tag(self, words: list[str], folded: list[str] | None = None) -> list[Tagged]:
        """``(upos, lemma, feats)`` per word (words as written; ``folded`` = their :func:`fold`).

        Analyses are cached and shared: treat the ``feats`` dicts as read-only.
        """
        folded = folded if folded is not None else [fold(w) for w in words]
        fixed = self._fixed
        pre: list[Tagged | None] = []
        for w in folded:
            r = fixed.get(w, _MISSING)
            if r is _MISSING:
                if len(fixed) > 200_000:
                    fixed.clear()
                r = fixed[w] = self._fixed_tag(w)
            pre.append(r)  # type: ignore[arg-type]
        return self._tag(folded, pre)

    def tag_words(self, words: list[str]) -> tuple[list[str], list[Tagged]]:
        """The folded forms of ``words`` (as written) and their :meth:`tag` analyses, in one pass.

        The fold and the context-free analysis are looked up once per written form (bounded cache).
        """
        info = self._words
        folded: list[str] = []
        pre: list[Tagged | None] = []
        for w in words:
            x = info.get(w)
            if x is None:
                x = self._word_info(w)
            folded.append(x[0])
            pre.append(x[1])
        return folded, self._tag(folded, pre)

    def _word_info(self, w: str) -> tuple[str, Tagged | None]:
        """``(fold, context-free analysis)`` of a written form, cached in ``self._words``."""
        if len(self._words) > 200_000:
            self._words.clear()
        f = fold(w)
        r = self._fixed.get(f, _MISSING)
        x = self._words[w] = (f, self._fixed_tag(f) if r is _MISSING else r)  # type: ignore[assignment]
        return x  # type: ignore[return-value]

    def _tag(self, folded: list[str], pre: list[Tagged | None]) -> list[Tagged]:
        """Tags in context: ``pre[i]`` is word ``i``'s context-free analysis (``None``: ask the model)."""
        out: list[Tagged] = []
        prev = "<s>"
        cache = self._cache
        classes = self.classes
        n = len(folded)
        for i, r in enumerate(pre):
            if r is None:
                w = folded[i]
                nc = classes.get(folded[i + 1], "?") if i + 1 < n else "</s>"
                key = (w, prev, nc)
                r = cache.get(key)
                if r is None:
                    if len(cache) > 200_000:
                        cache.clear()
                    tag = self.perceptron.predict_context(
                        w,
                        lambda w=w: word_features(w, self.treebank, self.hazm.get(w, "")),  # type: ignore[misc]
                        prev,
                        nc,
                    )
                    r = cache[key] = self.lemma_feats(w, tag)
            out.append(r)
            prev = r[0]
        return out

    def lemma_feats(self, w: str, tag: str) -> Tagged:
        """``(tag, lemma, feats)`` of a folded word with this tag (cached per word and tag: the
        tagger meets one word in several contexts; the ``feats`` dict is shared, read-only)."""
        key = w + "\t" + tag
        got = self._lemmas.get(key)
        if got is None:
            if len(self._lemmas) > 200_000:
                self._lemmas.clear()
            got = self._lemmas[key] = self._lemma_feats(w, tag, key)
        return got

    def _lemma_feats(self, w: str, tag: str, key: str) -> Tagged:
        known = self.morph.get(key)
        if known is not None:
            lemma, fs = known
            feats = dict(kv.split("=", 1) for kv in fs.split("|")) if fs else {}
            return tag, lemma, feats
        if tag in ("VERB", "AUX"):
            a = self.morphology.analyse(w)
            if a is not None:
                return tag, a.stem, verb_feats(a)
            return tag, None, {}
        if tag in ("NOUN", "PROPN"):
            bare = w.replace(ZWNJ, "")
            plural = tag == "NOUN" and any(bare.endswith(s) for s in _PLURAL) and len(bare) > 4
            return tag, None, {"Number": "Plur" if plural else "Sing"}
        return tag, None, {}

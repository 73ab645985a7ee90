"""UPOS + morphology tagger: a lexicon of unambiguous UD words, an averaged perceptron for
the rest, per-word lemma/features learned from UD and verb-morphology rules for unseen verbs.

    >>> t = Tagger()
    >>> [p for p, _, _ in t.tag(["وزیر", "خارجه", "روز", "دوشنبه", "به", "تهران", "سفر", "کرد", "."])]
    ['NOUN', 'NOUN', 'NOUN', 'PROPN', 'ADP', 'PROPN', 'NOUN', 'VERB', 'PUNCT']
"""

from __future__ import annotations

from typing import Any

from rasad.syntax.features import ZWNJ, context_features, fold, shape, word_features
from rasad.syntax.morph import Morphology, VerbAnalysis
from rasad.syntax.perceptron import Perceptron
from rasad.syntax.resources import load_model

_PLURAL = ("ها", "های", "هایی", "ان", "ات")
Tagged = tuple[str, str | None, dict[str, str]]  # (upos, lemma, feats)


def verb_feats(a: VerbAnalysis) -> dict[str, str]:
    """UD features of one verb form from its analysis."""
    f: dict[str, str] = {}
    if a.person is not None:
        f["Person"] = str(a.person)
        f["Number"] = a.number or "Sing"
    if a.neg:
        f["Polarity"] = "Neg"
    if a.kind == "participle" and not a.clitic:
        f["VerbForm"] = "Part"
        f["Tense"] = "Past"
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
        m = model or load_model()
        self.lexicon: dict[str, str] = m["lexicon"]
        self.classes: dict[str, str] = m["classes"]
        self.morph: dict[str, list[str]] = m["morph"]
        self.perceptron = Perceptron(m["weights"])
        self.morphology = morphology or Morphology()
        self._cache: dict[tuple[str, str, str], str] = {}
        self._lf_cache: dict[tuple[str, str], Tagged] = {}
        self._shapes: dict[str, str | None] = {}

    def tag_upos(self, words: list[str]) -> list[str]:
        """UPOS tags of already folded words."""
        tags: list[str] = []
        prev = "<s>"
        lex = self.lexicon
        classes = self.classes
        cache = self._cache
        n = len(words)
        for i, w in enumerate(words):
            tag = lex.get(w)
            if tag is None:
                tag = self._shape_tag(w)
                if tag is None:
                    nc = classes.get(words[i + 1], "?") if i + 1 < n else "</s>"
                    key = (w, prev, nc)
                    tag = cache.get(key)
                    if tag is None:
                        if len(cache) > 200_000:
                            cache.clear()
                        tag = cache[key] = self.perceptron.predict_split(
                            w,
                            lambda w=w: word_features(w, self.treebank, self.hazm.get(w, "")),  # type: ignore[misc]
                            context_features(w, prev, nc),
                        )
            tags.append(tag)
            prev = tag
        return tags

    def _shape_tag(self, w: str) -> str | None:
        """NUM or PUNCT by the word's shape (cached per word), else None."""
        try:
            return self._shapes[w]
        except KeyError:
            pass
        if len(self._shapes) > 100_000:
            self._shapes.clear()
        sh = shape(w)
        res = self._shapes[w] = "NUM" if sh == "d" else "PUNCT" if sh == "p" else None
        return res

    def tag(self, words: list[str], folded: list[str] | None = None) -> list[Tagged]:
        """``(upos, lemma, feats)`` per word (words as written; ``folded`` = their :func:`fold`).

        Words with the same form and tag share one ``feats`` dict: treat it as read-only.
        """
        folded = folded if folded is not None else [fold(w) for w in words]
        out: list[Tagged] = []
        lf = self._lf_cache
        for w, tag in zip(folded, self.tag_upos(folded), strict=True):
            r = lf.get((w, tag))
            if r is None:
                if len(lf) > 100_000:
                    lf.clear()
                r = lf[(w, tag)] = self.lemma_feats(w, tag)
            out.append(r)
        return out

    def lemma_feats(self, w: str, tag: str) -> Tagged:
        known = self.morph.get(w + "\t" + tag)
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

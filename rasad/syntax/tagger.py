"""UPOS + morphology tagger: a lexicon of unambiguous UD words, an averaged perceptron for
the rest, per-word lemma/features learned from UD and verb-morphology rules for unseen verbs.

    >>> t = Tagger()
    >>> [p for p, _, _ in t.tag(["وزیر", "خارجه", "روز", "دوشنبه", "به", "تهران", "سفر", "کرد", "."])]
    ['NOUN', 'NOUN', 'NOUN', 'PROPN', 'ADP', 'PROPN', 'NOUN', 'VERB', 'PUNCT']
"""

from __future__ import annotations

from typing import Any

from rasad.syntax.features import ZWNJ, fold, shape, token_features
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

    def __init__(self, model: dict[str, Any] | None = None, morphology: Morphology | None = None) -> None:
        m = model or load_model()
        self.lexicon: dict[str, str] = m["lexicon"]
        self.classes: dict[str, str] = m["classes"]
        self.morph: dict[str, list[str]] = m["morph"]
        self.perceptron = Perceptron(m["weights"])
        self.morphology = morphology or Morphology()

    def tag_upos(self, words: list[str]) -> list[str]:
        """UPOS tags of already folded words."""
        tags: list[str] = []
        prev, prev2 = "<s>", "<s>"
        lex = self.lexicon
        n = len(words)
        for i, w in enumerate(words):
            tag = lex.get(w)
            if tag is None:
                sh = shape(w)
                if sh == "d":
                    tag = "NUM"
                elif sh == "p":
                    tag = "PUNCT"
                else:
                    nc = self.classes.get(words[i + 1], "?") if i + 1 < n else "</s>"
                    tag = self.perceptron.predict(token_features(words, i, prev, prev2, nc))
            tags.append(tag)
            prev2, prev = prev, tag
        return tags

    def tag(self, words: list[str]) -> list[Tagged]:
        """``(upos, lemma, feats)`` per word (words as written; folded here)."""
        folded = [fold(w) for w in words]
        out: list[Tagged] = []
        for w, tag in zip(folded, self.tag_upos(folded), strict=True):
            out.append(self.lemma_feats(w, tag))
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

"""Verb morphology by rule: prefixes (می/ن/ب), stems (past/present), personal endings,
participles with attached copula clitics, and the copula.

    >>> m = Morphology()
    >>> a = m.analyse("نمی‌کنند")
    >>> a.stem, a.kind, a.neg, a.imperfective, a.person, a.number
    ('کرد', 'present', True, True, 3, 'Plur')
    >>> m.analyse("کشته‌اند").kind, m.analyse("کشته‌اند").clitic
    ('participle', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasad.syntax.features import ZWNJ, fold
from rasad.syntax.resources import load_morphology, load_stems


@dataclass(frozen=True, slots=True)
class VerbAnalysis:
    """One reading of a verb form."""

    stem: str  # past stem = the lemma key (کرد for کنند)
    kind: str  # past | present | participle | copula
    neg: bool = False
    imperfective: bool = False  # می-
    subj_prefix: bool = False  # ب-
    person: int | None = None
    number: str | None = None
    clitic: bool = False  # a participle with an attached copula (کرده‌است, رفته‌اند)
    bare: bool = False  # present stem with no ending (imperative) / past stem 3sg


class Morphology:
    """Analyses verb forms; results are cached per instance."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        d = data or load_morphology()
        self.data = d
        self.past: set[str] = set()
        self.present: dict[str, str] = {}
        ignore = frozenset(fold(x) for x in d.get("ignore_past_stems", []))
        for past, pres in load_stems():
            if past in ignore:
                continue
            self.past.add(past)
            self.present.setdefault(pres, past)
        self.past_endings = sorted(((k, v) for k, v in d["past_endings"].items()), key=lambda kv: -len(kv[0]))
        self.present_endings = sorted(d["present_endings"].items(), key=lambda kv: -len(kv[0]))
        self.clitics = {fold(k): v for k, v in d["perfect_clitics"].items()}
        self.prefixes = [("", {})] + sorted(d["prefixes"].items(), key=lambda kv: -len(kv[0]))
        self.copula = {fold(k): v for k, v in d["copula"].items()}
        self.stem_overrides: dict[str, str] = {
            fold(k): fold(v) for k, v in d.get("stem_overrides", {}).items()
        }
        self.present_preferred = frozenset(fold(x) for x in d.get("present_preferred", []))
        for pres, past in self.stem_overrides.items():
            self.present[pres] = past
        self._cache: dict[str, VerbAnalysis | None] = {}

    def analyse(self, word: str) -> VerbAnalysis | None:
        return self.analyse_folded(fold(word))

    def analyse_folded(self, w: str) -> VerbAnalysis | None:
        """:meth:`analyse` for a word already passed through :func:`fold`."""
        try:
            return self._cache[w]
        except KeyError:
            pass
        if len(self._cache) > 100_000:
            self._cache.clear()
        res = self._cache[w] = self._analyse(w)
        return res

    def is_participle(self, word: str) -> bool:
        a = self.analyse(word)
        return a is not None and a.kind == "participle" and not a.clitic

    def _analyse(self, w: str) -> VerbAnalysis | None:
        cop = self.copula.get(w)
        if cop is not None:
            return VerbAnalysis("است", "copula", neg=bool(cop[2]), person=int(cop[0]), number=str(cop[1]))
        for prefix, flags in self.prefixes:
            if not w.startswith(prefix):
                continue
            rest = w[len(prefix) :]
            if len(rest) < 2 and not (flags and rest):
                continue
            variants = [rest]
            if prefix and rest.startswith("یا"):  # بیاید, نیامد: آ → یا after a prefix
                variants.append("آ" + rest[2:])
            elif prefix and rest.startswith("ی"):  # بیندازد
                variants.append("ا" + rest[1:])
            readings = [r for v in variants for r in self._stem_ending(v, bool(flags))]
            imperf = bool(flags.get("imperfective"))
            subj = bool(flags.get("subjunctive"))
            readings = [
                r
                for r in readings
                if not (r[0] == "participle" and (imperf or subj)) and not (r[0] == "past" and subj)
            ]
            if not readings:
                continue
            if rest in self.present_preferred or (
                imperf and len({r[1] for r in readings}) == 1
            ):  # کند; می‌برد (برد/بر of one verb): the present reading first
                readings.sort(key=lambda r: r[0] != "present")
            kind, stem, person, number, clitic, bare = readings[0]
            return VerbAnalysis(
                self.stem_overrides.get(stem, stem),
                kind,
                neg=bool(flags.get("neg")),
                imperfective=imperf,
                subj_prefix=subj,
                person=person,
                number=number,
                clitic=clitic,
                bare=bare,
            )
        return None

    def _stem_ending(
        self, rest: str, prefixed: bool
    ) -> list[tuple[str, str, int | None, str | None, bool, bool]]:
        out: list[tuple[str, str, int | None, str | None, bool, bool]] = []
        # participle, possibly with an attached copula clitic: کرده / کرده‌اند / کرده‌است
        base, clit = rest, ""
        if ZWNJ in rest:
            base, _, clit = rest.rpartition(ZWNJ)
        if base.endswith("ه") and base[:-1] in self.past:
            if not clit:
                out.append(("participle", base[:-1], None, None, False, False))
            elif clit in self.clitics:
                pn = self.clitics[clit]
                out.append(("participle", base[:-1], int(pn[0]), str(pn[1]), True, False))
        stem_part = rest.replace(ZWNJ, "") if ZWNJ in rest else rest
        for end, pn in self.past_endings:
            if end and not stem_part.endswith(end):
                continue
            stem = stem_part[: len(stem_part) - len(end)] if end else stem_part
            if stem in self.past:
                out.append(("past", stem, int(pn[0]), str(pn[1]), False, not end))
                break
        present = []
        for end, pn in self.present_endings:
            if not stem_part.endswith(end):
                continue
            stem = stem_part[: len(stem_part) - len(end)]
            past = self.present.get(stem)
            if past is not None and (len(stem) > 1 or prefixed):
                present.append((len(stem), ("present", past, int(pn[0]), str(pn[1]), False, False)))
        if present:  # گوید: گوی + د rather than گو + ید
            out.append(max(present, key=lambda x: x[0])[1])
        elif prefixed and stem_part in self.present:  # imperative/bare: بکن, بگو
            out.append(("present", self.present[stem_part], 2, "Sing", False, True))
        return out

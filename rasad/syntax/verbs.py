"""Verb groups: a finite verb with its parts -- negation and می/ب prefixes, the nominal of a
light-verb construction, the future خواه-, perfect/pluperfect and passive auxiliaries after
a past participle, دارد/داشت progressives and modals (باید, توانستن, قرار است ...).

``VerbGrouper.groups(text, tokens)`` returns :class:`Group` objects (token indices into the
sentence's token list plus the :class:`~rasad.model.VerbGroup`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasad.model import Token, VerbGroup
from rasad.syntax.features import fold
from rasad.syntax.morph import Morphology, VerbAnalysis
from rasad.syntax.resources import load_lvc, load_morphology
from rasad.syntax.tagger import verb_feats

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL_LVC = frozenset({"NOUN", "ADJ", "ADV", "PROPN", "ADP", "X"})
STOP = frozenset({"PUNCT", "SCONJ"})
WATCH = frozenset({"VERB", "AUX", "ADJ", "NOUN"})  # tokens that may start a verb group


def _bare_noun(w: str) -> bool:
    """No plural, indefinite or ezafe ending: a candidate light-verb nominal."""
    return not w.endswith(("ها", "های", "هایی", "\u200cای", "\u200cی"))


@dataclass(slots=True)
class Group:
    first: int  # index of the first token of the group in the sentence's token list
    last: int
    head: int  # the lexical verb's token
    vg: VerbGroup
    extra: list[int] = field(default_factory=list)  # absorbed tokens outside first..last (modal words, دارد)


class VerbGrouper:
    """Finds verb groups in a tagged sentence; resources loaded once per instance."""

    def __init__(
        self,
        morphology: Morphology | None = None,
        data: dict[str, Any] | None = None,
        adjectives: frozenset[str] = frozenset(),
    ) -> None:
        d = data or load_morphology()
        self.morph = morphology or Morphology(d)
        self.lvc = load_lvc(int(d.get("min_lvc_count", 1)))
        self.light = frozenset(fold(x) for x in d["light_verbs"])
        self.passive_aux = frozenset(fold(x) for x in d["passive_aux"])
        self.future_aux = fold(d["future_aux"])
        self.progressive_aux = fold(d["progressive_aux"])
        self.bare_indicative = frozenset(fold(x) for x in d["bare_present_indicative"])
        self.modals = {fold(k): v for k, v in d["modals"].items()}
        self.modal_verbs = {
            self.morph.stem_overrides.get(fold(k), fold(k)): v for k, v in d["modal_verbs"].items()
        }
        self.modal_frames = {fold(k): v for k, v in d["modal_frames"].items()}
        self.lvc_passive_sources = frozenset({"کرد", "داد", "نمود"})
        self.open_light = frozenset(fold(x) for x in d.get("open_light_verbs", []))
        self.inchoative = frozenset(fold(x) for x in d.get("lvc_inchoative", []))
        self.adjectival_light = frozenset(fold(x) for x in d.get("adjectival_light_verbs", []))
        self.adjectives = adjectives  # known adjectives (معتقد) that may carry a copula clitic
        self.copula_clitics = sorted(
            ((fold(k), v) for k, v in d.get("copula_clitics", {}).items()), key=lambda kv: -len(kv[0])
        )

    # --- analysis helpers ---------------------------------------------------------
    def _analysis(self, toks: list[Token], words: list[str], i: int) -> VerbAnalysis | None:
        t = toks[i]
        if t.pos in VERBAL:
            return self.morph.analyse_folded(words[i])
        return None

    def _aux(self, toks: list[Token], words: list[str], j: int) -> VerbAnalysis | None:
        """An auxiliary after a participle: شد/بود/است/باشد/خواه-/گشت forms."""
        if j >= len(toks) or toks[j].pos in STOP:
            return None
        a = self.morph.analyse_folded(words[j])
        if a is None:
            return None
        if (
            a.stem in self.passive_aux
            or a.stem in ("بود", "است")
            or (a.stem == self.future_aux and a.kind == "present")
        ):
            return a
        return None

    def groups(
        self, text: str, toks: list[Token], words: list[str] | None = None, names: list[bool] | None = None
    ) -> list[Group]:
        """The verb groups of one sentence; ``words`` = the tokens' :func:`fold` forms, ``names``
        marks tokens inside entity mentions (a name is never a light-verb nominal)."""
        if words is None:
            words = [fold(t.text) for t in toks]
        out: list[Group] = []
        n = len(toks)
        self._final_verb(toks, words)
        i = 0
        while i < n:
            p = toks[i].pos
            if p not in VERBAL and (
                p not in WATCH
                or (i + 1 < n and toks[i + 1].pos not in VERBAL and words[i][-2:] not in ("ند", "یم"))
            ):
                i += 1
                continue
            g, nxt = self._group_at(text, toks, words, i)
            if g is not None:
                out.append(g)
            i = max(nxt, i + 1)
        if names is not None:
            for g in out:
                vg = g.vg
                if vg.lvc_noun is not None and names[g.first] and (vg.lvc_noun, vg.lemma) not in self.lvc:
                    g.first += 1  # وارد دوحه شد: دوحه is a name, not a light-verb nominal
                    vg.lvc_noun = None
                    vg.voice = "active"
                    vg.start = toks[g.first].start
                    vg.text = text[vg.start : vg.end]
        return self._post(text, toks, words, out)

    def _copula_clitic(self, w: str) -> VerbAnalysis | None:
        for suffix, (person, number) in self.copula_clitics:
            if w.endswith(suffix) and len(w) > len(suffix) + 1:
                base = w[: -len(suffix)].rstrip("\u200c")
                if base in self.adjectives:
                    return VerbAnalysis("است", "copula", person=int(person), number=str(number))
        return None

    def _final_verb(self, toks: list[Token], words: list[str]) -> None:
        """Retag a sentence-final noun that is a finite verb form (بازگشت, پیوست) when the
        sentence would otherwise end without a verb."""
        last = len(toks) - 1
        while last >= 0 and toks[last].pos == "PUNCT":
            last -= 1
        if last < 1 or toks[last].pos not in ("NOUN", "ADJ") or toks[last - 1].pos in ("DET", "ADP", "NUM"):
            return
        a = self.morph.analyse_folded(words[last])
        if a is None or a.kind not in ("past", "present") or a.person is None:
            return
        t = toks[last]
        t.pos = "VERB"
        t.lemma = a.stem
        t.feats = verb_feats(a)

    def _group_at(self, text: str, toks: list[Token], words: list[str], i: int) -> tuple[Group | None, int]:
        t = toks[i]
        if words[i] in self.modals:
            return None, i + 1
        a = self._analysis(toks, words, i)
        if a is None and t.pos in ("ADJ", "NOUN"):
            cop = self._copula_clitic(words[i])
            if cop is not None:  # معتقدند, نگرانیم: an adjective with the copula attached
                return self._make(text, toks, words, i, i, i, cop, cop, "present", "indicative", None), i + 1
        if a is None:
            # a participle tagged ADJ/NOUN followed by its auxiliary (کشته شدند)
            if t.pos in ("ADJ", "NOUN") and i + 1 < len(toks) and toks[i + 1].pos in VERBAL:
                b = self.morph.analyse_folded(words[i])
                if (
                    b is not None
                    and b.kind == "participle"
                    and not b.clitic
                    and self._aux(toks, words, i + 1)
                ):
                    return self._participle(text, toks, words, i, b)
            return None, i + 1
        # future: خواه- + bare past stem
        if a.stem == self.future_aux and a.kind == "present" and not a.imperfective and i + 1 < len(toks):
            b = self.morph.analyse_folded(words[i + 1])
            if b is not None and b.kind == "past" and b.bare and not b.neg:
                return self._make(
                    text, toks, words, i, i + 1, i + 1, b, a, "future", "indicative", None
                ), i + 2
        if a.kind == "participle":
            return self._participle(text, toks, words, i, a)
        if a.kind == "copula":
            return self._make(text, toks, words, i, i, i, a, a, "present", "indicative", None), i + 1
        if a.kind == "past":
            aspect = (
                "imperfective"
                if a.imperfective
                else ("perfective" if a.stem not in ("بود", "داشت") else None)
            )
            return self._make(text, toks, words, i, i, i, a, a, "past", "indicative", aspect), i + 1
        mood = "indicative"
        if a.bare and a.subj_prefix:
            mood = "imperative"
        elif not a.imperfective and a.stem not in self.bare_indicative:
            mood = "subjunctive"
        aspect = "imperfective" if a.imperfective else None
        return self._make(text, toks, words, i, i, i, a, a, "present", mood, aspect), i + 1

    def _participle(
        self, text: str, toks: list[Token], words: list[str], i: int, a: VerbAnalysis
    ) -> tuple[Group | None, int]:
        if a.clitic:  # کرده‌است, رفته‌اند
            return self._make(text, toks, words, i, i, i, a, a, "perfect", "indicative", "perfective"), i + 1
        chain: list[tuple[int, VerbAnalysis]] = []
        j = i + 1
        while len(chain) < 3:
            b = self._aux(toks, words, j)
            if b is None:
                break
            if (
                chain
                and chain[-1][1].kind != "participle"
                and not (chain[-1][1].stem == self.future_aux and b.kind == "past" and b.bare)
            ):
                break
            chain.append((j, b))
            j += 1
        if not chain:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if toks[i].pos == "VERB" and (nxt is None or nxt.pos in ("PUNCT", "CCONJ")):
                # a participle ending a conjoined clause: ... سفر کرده و ...
                return self._make(
                    text, toks, words, i, i, i, a, a, "perfect", "indicative", "perfective"
                ), i + 1
            return None, i + 1
        stems = [b.stem for _, b in chain]
        kinds = [b.kind for _, b in chain]
        passive = any(s in self.passive_aux for s in stems)
        fin = chain[-1][1]
        for _, b in chain:
            if b.stem == self.future_aux:
                fin = b
        mood = "indicative"
        aspect: str | None = "perfective"
        if self.future_aux in stems and "past" in kinds:
            tense = "future"
        elif any(b.stem == "بود" and b.kind == "past" for _, b in chain):
            tense = "pluperfect"
        elif any(b.stem == "بود" and b.kind == "present" for _, b in chain):
            tense, mood = "perfect", "subjunctive"
        elif (
            "copula" in kinds
            or any(b.clitic for _, b in chain)
            or (len(chain) > 1 and kinds[0] == "participle")
        ):
            tense = "perfect"
        elif passive and fin.kind == "past":
            tense = "past"
            aspect = "imperfective" if fin.imperfective else "perfective"
        elif passive:
            tense = "present"
            aspect = "imperfective" if fin.imperfective else None
            if not fin.imperfective:
                mood = "subjunctive"
        else:
            return None, i + 1
        last = chain[-1][0]
        g = self._make(text, toks, words, i, last, i, a, fin, tense, mood, aspect)
        if g is not None:
            g.vg.voice = "passive" if passive else g.vg.voice
            g.vg.negated = g.vg.negated or any(b.neg for _, b in chain)
        return g, last + 1

    def _make(
        self,
        text: str,
        toks: list[Token],
        words: list[str],
        first: int,
        last: int,
        head: int,
        lex: VerbAnalysis,
        fin: VerbAnalysis,
        tense: str,
        mood: str,
        aspect: str | None,
    ) -> Group:
        lvc_noun = None
        voice = "active"
        if first > 0:
            p = toks[first - 1]
            key = words[first - 1]
            if p.pos in NOMINAL_LVC:
                keys = (key, p.lemma) if p.lemma and p.lemma != key else (key,)
                if any((k, lex.stem) in self.lvc for k in keys):
                    lvc_noun = key
                elif lex.stem in self.open_light and p.pos == "NOUN" and _bare_noun(key):
                    lvc_noun = key  # a bare noun right before کرد/نمود/شد: لغو کرد, تحریم شد
                elif lex.stem in self.adjectival_light and p.pos == "ADJ" and _bare_noun(key):
                    lvc_noun = key  # محسوب شد, متوقف کرد
                elif lex.stem in self.passive_aux and any(
                    (k, v) in self.lvc for k in keys for v in self.lvc_passive_sources
                ):
                    lvc_noun = key  # امضا شد: the passive of امضا کرد
                if lvc_noun is not None:
                    first -= 1
                    if (
                        lex.stem in self.passive_aux
                        and key not in self.inchoative
                        and (
                            any((k, v) in self.lvc for k in keys for v in self.lvc_passive_sources)
                            or (p.pos == "NOUN" and (key, lex.stem) not in self.lvc)
                        )
                    ):
                        voice = "passive"  # امضا شد, بازداشت شد: the شد-compound of a کرد-compound
        s, e = toks[first].start, toks[last].end
        vg = VerbGroup(
            start=s,
            end=e,
            text=text[s:e],
            lemma=lex.stem,
            lvc_noun=lvc_noun,
            tense=tense,
            mood=mood,
            aspect=aspect,
            negated=lex.neg or fin.neg,
            voice=voice,
            person=str(fin.person) if fin.person is not None else None,
            number=fin.number,
            modal=None,
        )
        return Group(first, last, head, vg)

    # --- progressive and modal merging ---------------------------------------------
    def _post(self, text: str, toks: list[Token], words: list[str], groups: list[Group]) -> list[Group]:
        out: list[Group] = []
        k = 0
        while k < len(groups):
            g = groups[k]
            h = groups[k + 1] if k + 1 < len(groups) else None
            between = toks[g.last + 1 : h.first] if h else []
            clean = h is not None and not any(t.pos in STOP or fold(t.text) == "که" for t in between)
            if h is not None and clean and self._absorbs(words, g, h, between):
                if h.vg.aspect == "progressive" and g.last + 1 == h.first:  # دارد می‌رود: one group
                    h.first = g.first
                    h.vg.start = toks[g.first].start
                    h.vg.text = text[h.vg.start : h.vg.end]
                h.extra.extend(range(g.first, g.last + 1))
                if g.vg.lemma in ("است", "بود") and g.first > 0:
                    h.extra.append(g.first - 1)  # the frame's nominal (قرار in قرار است)
                k += 1
                continue
            out.append(g)
            k += 1
        # modal words (باید, می‌توان) and frames (ممکن است, قرار است) before a verb
        for g in out:
            j = g.first - 1
            while j >= 0 and toks[j].pos not in STOP and words[j] != "که":
                w = words[j]
                if w in self.modals:
                    g.extra.append(j)
                    g.vg.modal = self.modals[w]
                    g.vg.negated = g.vg.negated or w.startswith("ن")
                    break
                j -= 1
        return out

    def _absorbs(self, words: list[str], g: Group, h: Group, between: list[Token]) -> bool:
        """Whether ``g`` is only a part of ``h`` (progressive دارد, modal verb or frame); updates ``h``."""
        gv, hv = g.vg, h.vg
        if (
            gv.lvc_noun is None
            and gv.lemma == self.progressive_aux
            and hv.aspect == "imperfective"
            and len(between) <= 6
        ):
            if gv.tense == hv.tense and gv.tense in ("past", "present"):
                hv.aspect = "progressive"
                return True
        if (
            gv.lvc_noun is None
            and gv.lemma in self.modal_verbs
            and hv.mood == "subjunctive"
            and len(between) <= 8
            and (gv.person, gv.number) == (hv.person, hv.number)  # از همه خواست ... کنند: a request
        ):
            hv.modal = self.modal_verbs[gv.lemma]
            hv.negated = hv.negated or gv.negated
            return True
        if gv.lemma in ("است", "بود", "داشت") and hv.mood == "subjunctive":
            key = gv.lvc_noun or (words[g.first - 1] if g.first > 0 else None)
            if key in self.modal_frames:
                hv.modal = f"{key} {words[g.last]}"  # قرار است, قرار بود, ممکن است, احتمال دارد
                hv.negated = hv.negated or gv.negated
                return True
        return False

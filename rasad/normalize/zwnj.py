"""Zero-width non-joiner (ZWNJ, U+200C) repair driven by a vocabulary and morphology.

Persian news often drops the ZWNJ or writes a space instead::

    >>> r = ZwnjRepairer()
    >>> r.fix_word("میشوند"), r.fix_word("رئیسجمهور"), r.fix_word("میانجی")
    ('می\u200cشوند', 'رئیس\u200cجمهور', 'میانجی')
    >>> r.fix_line("آن ها می توانند")
    'آن\u200cها می\u200cتوانند'

Every ZWNJ-less word gets a few analyses -- itself (a known word), a vocabulary
compound (``رئیس‌جمهور``), ``می``/``نمی`` + a verb form, a stem + a suffix chain
(``پیشرفت‌های``, ``تازه‌ای``), a productive compound (``هم`` + word) -- each with a
score from the vocabulary's frequencies; the best one wins, and a frequent known
word is never broken.  A ZWNJ is inserted only after a letter that joins the next
one (after ``ا د ذ ر ز ژ و`` it is invisible, and left out).  Decisions are cached
per word.
"""

from __future__ import annotations

import math
import re
from itertools import product

from rasad.normalize.resources import ZWNJ, Vocabulary, joins_left, load_vocabulary, load_yaml
from rasad.normalize.textmap import MappedText

LETTERS = "\u0621-\u063a\u0641-\u064b\u067e\u0686\u0698\u06a9\u06af\u06cc"
WORD_RX = re.compile(f"[{LETTERS}\u200c]+")
PAIR_RX = re.compile(f"(?<![{LETTERS}\u200c])([{LETTERS}\u200c]+) (?=([{LETTERS}]+)(?![{LETTERS}\u200c]))")

KEEP_BONUS = 3.0  # a known spelling beats an analysis of equal evidence
WEAK_EV = 1.5  # an untagged word (may be a misspelling)
WEAK_ZWNJ_EV = 4.0  # an untagged word spelt with ZWNJ (its spelling is deliberate)
VERB_EV = 9.0  # می/نمی + a verb form
PARTICIPLE_EV = 6.0
SPLIT_PENALTY = 1.0
CACHE_MAX = 200_000


def render(parts: list[str]) -> str:
    """Join pieces, with a ZWNJ at each joint whose left letter joins (``هم``+``پیمان`` → ``هم‌پیمان``)."""
    out = parts[0]
    for p in parts[1:]:
        if not p:
            continue
        out += (ZWNJ if out and joins_left(out[-1]) else "") + p
    return out


def render_marked(s: str) -> str:
    """``"پیشرفت+های"`` → ``"پیشرفت‌های"`` (``+`` is a ZWNJ joint)."""
    return render(s.split("+"))


class ZwnjRepairer:
    """Repairs missing ZWNJs in words and in space-split word pairs."""

    def __init__(self, vocab: Vocabulary | None = None) -> None:
        self.v = vocab or load_vocabulary()
        d = load_yaml("normalize_zwnj.yaml")
        self.verb_prefixes: list[str] = list(d["verb_prefixes"])
        self.preverbs: list[str] = [""] + list(d["preverbs"])
        self.verb_forms = self._verb_forms(d)
        self.participles = frozenset(p + "ه" for p in self.v.past_stems if p)
        # tails: plain suffix (no ZWNJ) + marked chain, with prior weight
        plain = {"": 0.0, "ی": 0.0, "ان": 0.0, "یان": 0.0, "ات": 0.0, "گان": 0.0, "یی": 0.0}
        self.vowel_hosts: tuple[str, ...] = tuple(d["vowel_suffix_hosts"])
        self.vowel_suffixes = set(d["vowel_suffixes"])
        self.heh_only = set(d["heh_only_suffixes"])
        self.tails: list[tuple[str, str, float]] = []  # (plain tail, marked chain, prior)
        for (p, _), (chain, prior) in product(plain.items(), d["suffixes"].items()):
            if p and chain.lstrip("+").startswith(("ای", "اش", "ام", "ات", "ی")):
                continue
            self.tails.append((p, chain, float(prior) - (0.5 if p else 0.0)))
        for p in plain:
            if p:
                self.tails.append((p, "", 0.0))
        self.tails.sort(key=lambda t: -len(t[0] + t[1]))
        self.heads = sorted(d["compound_heads"], key=len, reverse=True)
        self.firsts = sorted(d["compound_firsts"], key=len, reverse=True)
        self.detached = frozenset(d["detached_suffixes"])
        self.no_join_after = frozenset(d["no_join_after"])
        self.cache: dict[str, str] = {}

    # -- data ------------------------------------------------------------
    def _verb_forms(self, d: dict[str, list[str]]) -> dict[str, str]:
        """Conjugated forms (without می) → their spelling: ``شوند``, ``رفته‌اند``."""
        forms: dict[str, str] = {}
        for q in self.v.present_stems:
            glide = q.endswith(("ا", "و", "آ"))
            for e in d["present_endings"]:
                forms.setdefault(q + e, q + e)
                if glide and not e.startswith("ی"):
                    forms.setdefault(q + "ی" + e, q + "ی" + e)
        for p in self.v.past_stems:
            for e in d["past_endings"]:
                forms.setdefault(p + e, p + e)
            for e in d["perfect_endings"]:
                marked = p + "ه" + e
                forms.setdefault(marked.replace("+", ""), render_marked(marked))
        for bare in ("توان", "بایست", "بایستی", "شاید"):
            forms.setdefault(bare, bare)
        return forms

    # -- evidence ----------------------------------------------------------
    def _ev(self, word: str) -> float:
        f = self.v.tagged.get(word)
        if f is not None:
            return 4.0 + math.log10(f + 1)
        if word in self.v.weak:
            return WEAK_ZWNJ_EV if ZWNJ in word else WEAK_EV
        return 0.0

    def _core(self, core: str) -> tuple[str, float]:
        """Best spelling of a stem and its evidence (0 when unknown)."""
        if len(core) < 2:
            return core, 0.0
        best = (core, self._ev(core) if ZWNJ not in core else 0.0)
        if core in self.v.tagged:
            best = (core, self._ev(core))
        z = self.v.dezwnj.get(core)
        if z is not None and z != core:
            ev = self._ev(z)
            if ev > best[1]:
                best = (z, ev)
        if core in self.participles and best[1] < PARTICIPLE_EV:
            best = (core, PARTICIPLE_EV)
        if best[1] < WEAK_ZWNJ_EV and core not in self.v.tagged:
            comp = self._compound(core)
            if comp[1] > best[1]:
                best = comp
        return best

    def _compound(self, core: str) -> tuple[str, float]:
        """``هم``+word or word+``کننده``-like head, both parts known."""
        best = (core, 0.0)
        for a in self.firsts:
            if core.startswith(a) and len(core) - len(a) >= 3:
                b = core[len(a) :]
                ev = min(self._ev(a) if a in self.v.tagged else 6.0, self._ev(b))
                if b in self.v.tagged and ev - SPLIT_PENALTY > best[1]:
                    best = (render([a, b]), ev - SPLIT_PENALTY)
        for h in self.heads:
            if core.endswith(h) and len(core) - len(h) >= 3:
                a = core[: -len(h)]
                if a in self.v.tagged and joins_left(a[-1]):
                    ev = min(self._ev(a), 6.0) - SPLIT_PENALTY
                    if ev > best[1]:
                        best = (render([a, h]), ev)
        return best

    # -- words -------------------------------------------------------------
    def analyze(self, s: str) -> tuple[str, float]:
        """Best spelling of a ZWNJ-less word and its score."""
        v = self.v
        if s in v.tagged:
            best = (s, self._ev(s) + KEEP_BONUS)
        else:
            best = (s, WEAK_EV if s in v.weak else 0.0)
        z = v.dezwnj.get(s)
        if z is not None and z != s:
            cand = (z, self._ev(z) + 2.0)
            if cand[1] > best[1]:
                best = cand
        # می/نمی + verb form
        for pv in self.preverbs:
            if pv and not s.startswith(pv):
                continue
            rest0 = s[len(pv) :]
            for pre in self.verb_prefixes:
                if rest0.startswith(pre):
                    form = self.verb_forms.get(rest0[len(pre) :])
                    if form is not None and VERB_EV > best[1]:
                        best = (pv + pre + ZWNJ + form, VERB_EV)
        # stem + suffixes
        for plain, chain, prior in self.tails:
            tail = plain + chain.replace("+", "")
            if not tail or not s.endswith(tail) or len(s) - len(tail) < 2:
                continue
            stem = s[: -len(tail)]
            if chain in self.vowel_suffixes and not plain:
                if not stem.endswith(self.vowel_hosts):
                    continue
                if chain in self.heh_only and not stem.endswith("ه"):
                    continue
            if plain == "گان":
                if not stem.endswith("ند"):
                    continue
                form, ev = self._core(stem + "ه")
                if not form.endswith("ه"):
                    continue
                form = form[:-1]
            else:
                form, ev = self._core(stem)
            if ev <= 0:
                continue
            score = ev + prior - SPLIT_PENALTY
            if score > best[1]:
                best = (render_marked(form + plain + chain) if chain else form + plain, score)
        return best

    def fix_word(self, word: str) -> str:
        """Repair one word (``بینالمللی`` → ``بین‌المللی``); words with a ZWNJ are kept."""
        got = self.cache.get(word)
        if got is not None:
            return got
        out = word
        if ZWNJ not in word and len(word) >= 3:
            out = self.analyze(word)[0]
        if len(self.cache) > CACHE_MAX:
            self.cache.clear()
        self.cache[word] = out
        return out

    # -- word pairs ---------------------------------------------------------
    def join_pair(self, a: str, b: str) -> bool:
        """Whether two space-separated words should be one word joined by ZWNJ.

        ``می توانم``, ``آن ها``, ``پیشرفت های``, ``بین المللی`` yes; ``به ما``, ``رئیس جمهوری`` no.
        """
        if a in self.verb_prefixes:
            return b in self.verb_forms and a + b not in self.v.tagged
        if b in self.detached:
            if a in self.no_join_after or a in self.verb_prefixes:
                return False
            return b != "اند" or a in self.participles
        if ZWNJ in a:
            return False
        z = self.v.dezwnj.get(a + b)
        return z == a + ZWNJ + b and b not in self.v.tagged and self._ev(b) < WEAK_ZWNJ_EV

    def fix_line(self, text: str) -> str:
        """Repair a plain string (no offsets): pairs first, then words."""
        return self(MappedText.of(text)).text

    def __call__(self, m: MappedText) -> MappedText:
        def pair(mt: re.Match[str]) -> str:
            return mt.group(1) + ZWNJ if self.join_pair(mt.group(1), mt.group(2)) else mt.group(0)

        m = m.sub(PAIR_RX, pair)
        return m.sub(WORD_RX, lambda mt: self.fix_word(mt.group(0)))


def zwnj_step() -> ZwnjRepairer:
    """Factory for the ``zwnj`` step."""
    return ZwnjRepairer()

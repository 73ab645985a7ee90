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
TRAIL_RX = re.compile(f"[{LETTERS}\u200c]+\\Z")

KEEP_BONUS = 3.0  # a known spelling beats an analysis of equal evidence
WEAK_EV = 1.5  # an untagged word (may be a misspelling)
WEAK_ZWNJ_EV = 4.0  # an untagged word spelt with ZWNJ (its spelling is deliberate)
VERB_EV = 9.0  # می/نمی + a verb form
VERB_KEEP_EV = 7.5  # a verb form without می, kept whole (بیابد is not بی‌ابد)
PARTICIPLE_EV = 6.0
SPLIT_PENALTY = 1.0
STEM_EV_CAP = 10.0  # beyond ~1M occurrences, frequency no longer tells stems apart
ATTESTED_EV = 13.0  # the whole word is attested with its ZWNJ (منطقه‌ای)
COMMON_FREQ = 10_000
PLURAL_ODDS = 5  # the plural reading is this much likelier a priori
FREE_COMPOUND_EV = 2.0  # two common words glued together, when nothing else explains the word
FREE_COMPOUND_FREQ = 10_000
MIN_PART = 3
CACHE_MAX = 200_000
MAX_WORD = 40  # longer letter runs are not words (glued text): left alone


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


_NOT_TABLES = frozenset({"v", "cache", "tok_cache", "boring"})


def _default_tables(vocab: Vocabulary) -> dict[str, object]:
    """The derived tables of a repairer on the shipped vocabulary, kept in the start-up cache
    (keyed by the vocabulary files, the YAML and this code)."""
    from pathlib import Path

    from rasad.cache import cached
    from rasad.normalize import resources

    sources = [
        resources.VOCAB_DIR / "words_fa.tsv.gz",
        resources.VOCAB_DIR / "verbs_fa.tsv",
        resources.LEXICONS / "normalize_zwnj.yaml",
        Path(resources.__file__),
        Path(__file__),
    ]
    return cached("zwnj-tables", sources, lambda: ZwnjRepairer(vocab).tables())


class ZwnjRepairer:
    """Repairs missing ZWNJs in words and in space-split word pairs."""

    def __init__(self, vocab: Vocabulary | None = None) -> None:
        if vocab is None:  # the shipped vocabulary: the derived tables come from the start-up cache
            self.v = load_vocabulary()
            self.__dict__.update(_default_tables(self.v))
            self._new_caches()
            return
        self.v = vocab
        d = load_yaml("normalize_zwnj.yaml")
        self.verb_prefixes: tuple[str, ...] = tuple(d["verb_prefixes"])
        self.preverbs: list[str] = [""] + list(d["preverbs"])
        self.verb_forms = self._verb_forms(d)
        self.participles = frozenset(p + "ه" for p in self.v.past_stems if p)
        # tails: plain suffix (no ZWNJ) + marked chain, with prior weight
        self.vowel_hosts: tuple[str, ...] = tuple(d["vowel_suffix_hosts"])
        self.vowel_suffixes = set(d["vowel_suffixes"])
        self.heh_only = set(d["heh_only_suffixes"])
        plain = [""] + list(d["plain_suffixes"])
        self.tails: list[tuple[str, str, float]] = []  # (plain tail, marked chain, prior)
        for p, (chain, prior) in product(plain, d["suffixes"].items()):
            if p and (chain in self.vowel_suffixes or chain.lstrip("+").startswith(("ای", "اش", "ام", "ات"))):
                continue  # همکارانشان stays joined
            self.tails.append((p, chain, float(prior) - (0.5 if p else 0.0)))
        for p in plain:  # "" too: the whole word as a compound (به‌عنوان، غیرهم‌پیمان)
            self.tails.append((p, "", 0.0))
        self.tails.sort(key=lambda t: -len(t[0] + t[1]))
        # tails grouped by their letters, so a word is matched with a few dict lookups
        self.tails_by_text: dict[str, list[tuple[str, str, float]]] = {}
        for t in self.tails:
            self.tails_by_text.setdefault(t[0] + t[1].replace("+", ""), []).append(t)
        self.tail_lengths = sorted({len(k) for k in self.tails_by_text}, reverse=True)
        self.keep_tails: tuple[str, ...] = tuple(d["keep_suffixes"])
        self.heads = sorted(d["compound_heads"], key=len, reverse=True)
        self.firsts = sorted(d["compound_firsts"], key=len, reverse=True)
        self.detached = frozenset(d["detached_suffixes"])
        self.numerals = frozenset(d["numerals"])
        self.after_heh = frozenset(d["after_heh_suffixes"])
        self.short_seconds = frozenset(d["short_compound_seconds"])
        self.no_join_after = frozenset(d["no_join_after"])
        self._new_caches()
        # words that may be the detached second half of a pair (ها، المللی)
        halves = {z.split(ZWNJ, 1)[1] for z in self.v.dezwnj.values() if z.count(ZWNJ) == 1}
        self.seconds = frozenset(
            {b for b in halves if b not in self.v.tagged and self._ev(b) < WEAK_ZWNJ_EV} | self.detached
        )

    def _new_caches(self) -> None:
        self.cache: dict[str, str] = {}
        self.tok_cache: dict[str, tuple[tuple[int, ...], str, str]] = {}
        self.boring: set[str] = set()  # tokens that need no repair and join nothing

    def tables(self) -> dict[str, object]:
        """What :meth:`__init__` derives from the vocabulary and the YAML (not the caches)."""
        return {k: v for k, v in vars(self).items() if k not in _NOT_TABLES}

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
        for bare in d["bare_after_mi"]:
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
        if core in self.v.tagged:  # a curated spelling is kept as it is (شاهراه)
            return core, self._ev(core)
        best = (core, self._ev(core) if ZWNJ not in core else 0.0)
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
                b_form = b if b in self.v.tagged else self.v.dezwnj.get(b)
                if b_form is None:
                    continue
                ev = min(self._ev(a) if a in self.v.tagged else 6.0, self._ev(b_form), 8.0)
                if ev - SPLIT_PENALTY > best[1]:
                    best = (render([a, b_form]), ev - SPLIT_PENALTY)
        for h in self.heads:
            if core.endswith(h) and len(core) - len(h) >= 3:
                a = core[: -len(h)]
                if a in self.v.tagged and joins_left(a[-1]):
                    ev = min(self._ev(a), 6.0) - SPLIT_PENALTY
                    if ev > best[1]:
                        best = (render([a, h]), ev)
        if best[1] == 0.0 and core not in self.v.weak:
            best = self._free_compound(core)
        return best

    def _free_compound(self, core: str) -> tuple[str, float]:
        """An unknown word made of two common curated words (``ساحل``+``پایه``), weakly scored."""
        best = (core, 0.0)
        for i in range(MIN_PART, len(core) - 1):
            a, b = core[:i], core[i:]
            if not joins_left(a[-1]) or (len(b) < MIN_PART and b not in self.short_seconds):
                continue
            if (b in self.participles or b in self.short_seconds) and self.v.tagged.get(
                a, 0
            ) >= FREE_COMPOUND_FREQ:
                best = (a + ZWNJ + b, FREE_COMPOUND_EV + 0.5)  # تحریم‌شده، زمانی‌که
                continue
            if a in self.numerals and b in self.numerals:
                continue  # یکصد
            if len(a) == 3 and a.startswith("ال"):
                continue  # the Arabic article + a letter: a name (الخلیل، المرج), not الخ+لیل
            if (
                self.v.tagged.get(a, 0) >= FREE_COMPOUND_FREQ
                and self.v.tagged.get(b, 0) >= FREE_COMPOUND_FREQ
            ):
                ev = FREE_COMPOUND_EV + 0.01 * min(len(a), len(b))
                if ev > best[1]:
                    best = (a + ZWNJ + b, ev)
        return best

    # -- words -------------------------------------------------------------
    def analyze(self, s: str) -> tuple[str, float]:
        """Best spelling of a ZWNJ-less word and its score."""
        v = self.v
        if s in v.tagged:  # a curated word is never broken (پیگیری، همزمان، اینکه)
            return s, self._ev(s) + KEEP_BONUS
        best = (s, WEAK_EV if s in v.weak else 0.0)
        verb = self._verb_spelling(s)
        if verb is not None:  # داشتند، برشمرد stay whole; کردهاند → کرده‌اند
            best = (verb, VERB_EV if verb != s else VERB_KEEP_EV)
        for plain in self.keep_tails:  # a curated word + a suffix that needs no ZWNJ (بیشتری، بهای)
            stem = s[: -len(plain)]
            if s.endswith(plain) and stem in v.tagged and len(stem) >= 2:
                ev = self._ev(stem) + KEEP_BONUS - SPLIT_PENALTY
                if ev > best[1]:
                    best = (s, ev)
        z = v.dezwnj.get(s)
        if z is not None and z != s:
            cand = (z, ATTESTED_EV + 0.1 * math.log10(v.freq(z) + 1))
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
        matches = (
            (t, s[len(s) - n :])
            for n in self.tail_lengths
            if len(s) - n >= 2
            for t in self.tails_by_text.get(s[len(s) - n :] if n else "", ())
        )
        for (plain, chain, prior), tail in matches:
            stem = s[: len(s) - len(tail)]
            if chain in self.vowel_suffixes and not plain:
                if not stem.endswith(self.vowel_hosts) or len(stem) < 3:
                    continue  # بیاید is not بی‌اید
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
            if ev <= 0 or (not tail and form == s):
                continue
            if chain.startswith("+تر") and (
                len(stem) < 3 or form not in v.tagged or (not plain and "AJ" not in v.pos.get(stem, ""))
            ):
                continue  # comparatives only of curated adjectives (بهتر is not به‌تر, توییتر not توی+ی+تر)
            score = min(ev, STEM_EV_CAP) + prior - SPLIT_PENALTY
            if not plain and chain in ("+های", "+ای"):
                pref = self._plural_or_indefinite(s, chain)
                if pref is not None:  # both readings are words: frequency does not decide
                    score = STEM_EV_CAP + prior - SPLIT_PENALTY + pref
            if score > best[1]:
                best = (render_marked(form + plain + chain) if chain else form + plain, score)
        return best

    def _verb_spelling(self, s: str) -> str | None:
        """Spelling of a verb form without می (``داشتند``, ``نکردهایم`` → ``نکرده‌ایم``), or None."""
        forms = self.verb_forms
        got = forms.get(s)
        if got is not None:
            return got
        if s[:1] in ("ن", "ب"):
            if s[1:] in forms:
                return s[0] + forms[s[1:]]
            rest = s[2:]
            if s[1:2] == "ی" and rest:  # بیاید، نیامد، بیفتد: the glide before آ / ا
                for cand in ("آ" + rest[1:] if rest[0] == "ا" else "", "ا" + rest):
                    if cand in forms:
                        return s

        for pv in self.preverbs:
            if pv and s.startswith(pv) and s[len(pv) :] in forms:
                return pv + forms[s[len(pv) :]]
        return None

    def _plural_or_indefinite(self, s: str, chain: str) -> float | None:
        """Break the tie between ``X‌های`` and ``Xه‌ای`` (``روزهای`` / ``صحنه‌ای``).

        A past stem used as a noun takes the plural (``نشست‌های``, ``پیشرفت‌های``), a
        numeral does not (``هفته‌ای``); otherwise the plural wins unless ``Xه`` is
        much more frequent than ``X`` (``مقاله‌ای``, not ``مقال‌های``).
        """
        x = s[:-3]
        if not (self._common(x) and self._common(x + "ه")):
            return None
        if x in self.numerals:
            plural_first = False
        elif x in self.v.past_stems:
            plural_first = True
        else:
            plural_first = self.v.freq(x) * PLURAL_ODDS >= self.v.freq(x + "ه")
        return 1.0 if (chain == "+های") == plural_first else 0.0

    def _common(self, word: str) -> bool:
        """A curated word seen often enough (or a verb's past stem: شکست، نشست)."""
        f = self.v.tagged.get(word, -1)
        return f >= COMMON_FREQ or f == 0 or word in self.v.past_stems  # hazm gives 0 when unknown

    def fix_word(self, word: str) -> str:
        """Repair one word (``بینالمللی`` → ``بین‌المللی``); words with a ZWNJ are kept."""
        got = self.cache.get(word)
        if got is not None:
            return got
        out = word
        if ZWNJ not in word and 3 <= len(word) <= MAX_WORD:
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
            if b not in self.after_heh:
                return True
            if b == "شان":
                return a.endswith(("ه", "ی")) and a in self.v.tagged
            return a.endswith("ه") or (b == "اند" and "AJ" in self.v.pos.get(a, ""))
        if ZWNJ in a:
            return False
        z = self.v.dezwnj.get(a + b)
        return z == a + ZWNJ + b and b not in self.v.tagged and self._ev(b) < WEAK_ZWNJ_EV

    def fix_line(self, text: str) -> str:
        """Repair a plain string (no offsets): ``"آن ها"`` → ``"آن‌ها"``."""
        return self(MappedText.of(text)).text

    def _token(self, tok: str) -> tuple[tuple[int, ...], str, str]:
        """For a whitespace token: ZWNJ insertion points, its leading and trailing word."""
        got = self.tok_cache.get(tok)
        if got is not None:
            return got
        fixed = WORD_RX.sub(lambda mt: self.fix_word(mt.group(0)), tok)
        if fixed.replace(ZWNJ, "") != tok.replace(ZWNJ, ""):
            fixed = tok  # the repair only ever inserts ZWNJs; anything else is a bug, keep the token
        ins: list[int] = []
        j = 0
        for ch in fixed:
            if j < len(tok) and tok[j] == ch:
                j += 1
            else:  # a ZWNJ inserted before tok[j]
                ins.append(j)
        lead = WORD_RX.match(tok)
        trail = TRAIL_RX.search(tok)
        info = (tuple(ins), lead.group(0) if lead else "", trail.group(0) if trail else "")
        if len(self.tok_cache) > CACHE_MAX:
            self.tok_cache.clear()
        self.tok_cache[tok] = info
        return info

    def __call__(self, m: MappedText) -> MappedText:
        """The ``zwnj`` step: ZWNJ insertions only, so every other character keeps its offset."""
        text = m.text
        edits: dict[int, tuple[int, int, str]] = {}
        firsts: list[str] = []
        seconds: list[str] = []
        cache, boring = self.tok_cache, self.boring
        for tok in set(text.split()) - boring:
            ins, lead, trail = cache.get(tok) or self._token(tok)
            if not ins and trail not in self.verb_prefixes and lead not in self.seconds:
                if len(boring) > CACHE_MAX:
                    boring.clear()
                boring.add(tok)
                continue
            if ins:
                for p in _occurrences(text, tok):
                    for i in ins:
                        edits[p + i] = (p + i, p + i, ZWNJ)
            if trail in self.verb_prefixes and tok.endswith(trail):
                firsts.append(tok)
            if lead in self.seconds and tok.startswith(lead):
                seconds.append(tok)
        for tok in firsts:
            trail = self._token(tok)[2]
            for p in _occurrences(text, tok):
                sp = p + len(tok)
                if text.startswith(" ", sp):
                    b = WORD_RX.match(text, sp + 1)
                    if b and self.join_pair(trail, b.group(0)):
                        edits[sp] = (sp, sp + 1, ZWNJ)
        for tok in seconds:
            lead = self._token(tok)[1]
            for p in _occurrences(text, tok):
                if p >= 2 and text[p - 1] == " ":
                    q = max(text.rfind(" ", 0, p - 1), text.rfind("\n", 0, p - 1)) + 1
                    a = self._token(text[q : p - 1])[2]
                    if a and self.join_pair(a, lead):
                        edits[p - 1] = (p - 1, p, ZWNJ)
        if not edits:
            return m
        return m.edit([edits[k] for k in sorted(edits)])


def _occurrences(text: str, tok: str) -> list[int]:
    """Start offsets of ``tok`` as a whole whitespace-delimited token of ``text``."""
    out: list[int] = []
    n = len(tok)
    p = text.find(tok)
    while p >= 0:
        if (p == 0 or text[p - 1].isspace()) and (p + n == len(text) or text[p + n].isspace()):
            out.append(p)
        p = text.find(tok, p + 1)
    return out


def zwnj_step() -> ZwnjRepairer:
    """Factory for the ``zwnj`` step."""
    return ZwnjRepairer()

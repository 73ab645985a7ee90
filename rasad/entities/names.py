"""Persian → English names, learned from name pairs (``scripts/train_names.py``).

Persian writers drop short vowels, so one Persian letter may stand for a consonant plus a
vowel: ``شینزو`` → ``sh·i·n·zo``.  The model ``names.json.gz`` holds

* ``memory``: whole Persian tokens seen in the training pairs with their usual English
  spelling (``جرج`` → ``George``);
* ``counts``: how often each Persian letter was written as each English chunk, in contexts
  of growing width (the letter; its neighbours; its neighbours and the chunk before; two
  letters and two chunks before), from a hard-EM alignment of the pairs;
* ``vocab``: English name tokens of the pairs with their counts.

A token the memory lacks is decoded by a beam search over the chunks (Witten–Bell
interpolation of the context levels); the n-best list is reranked with a bonus for
spellings that are known English name tokens (``floyd`` over ``flooyd``).

A whole name is first classed (rows of ``names_rules.tsv``): *foreign* by a Russian or
Slavic ending (``کاراوایف`` Karavayev), *Arab* by ``بن``/``ابو``/a glued article or an Arab
country near the mention (Arab spellings: ``مصطفی`` Mustafa), else *Iranian* by a word the
Iranian lists know; Iranian names keep the shape of Persian syllables (``سرلک`` never Srlk).

    >>> NameModel.default().token("شینزو")
    'Shinzo'
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "names.json.gz"
RULES_PATH = MODEL_PATH.parent / "names_rules.tsv"
ZWNJ = "\u200c"

# letters that are consonants only (the training alignment lets their chunk start with a consonant)
CONSONANTS = frozenset("بپتثجچحخدذرزژسشصضطظغفقکگلمن")
BOS = "^"
EOS = "$"

# Arabic letter forms → Persian ones; harakat, tatweel and joiners removed
_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "\u0640": None,
        "\u200c": None,
        "\u200d": None,
        "\u200e": None,
        "\u200f": None,
    }
)
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_NOT_LETTER = re.compile(r"[^\u0621-\u06ff]")
_SPLIT = re.compile(r"[\s\-\u2010-\u2015_/]+")
# «عبد الغنی», «عبدلغنی» → «عبدالغنی»; «ابو ال…» likewise
_ABD = re.compile(r"(?<![\u0621-\u06ff])(عبد|ابو) ?ا?ل(?=[\u0621-\u06ff]{2})")


@functools.lru_cache(maxsize=1 << 16)  # pure; the same tokens and names recur in every article
def fa_token(token: str) -> str:
    """One Persian token in the model's alphabet: ``مُحَمّد`` → ``محمد``, ``علي`` → ``علی``."""
    s = unicodedata.normalize("NFC", token).translate(_FOLD)
    s = _DIACRITICS.sub("", s)
    return _NOT_LETTER.sub("", s)


@functools.lru_cache(maxsize=1 << 16)  # pure
def canonical(name: str) -> str:
    """A name's spelling with Arabic letters, diacritics and ZWNJ folded and the
    ``عبد ال`` / ``عبدل`` compounds glued: ``ملا عبد الغني`` → ``ملا عبدالغنی``."""
    s = unicodedata.normalize("NFC", name).replace("\u200c", "")
    s = _ABD.sub(r"\1ال", " ".join(_SPLIT.split(s.strip())))
    words = [fa_token(w) for w in s.split(" ")]
    return " ".join(w for w in words if w)


def name_words(name: str) -> list[list[str]]:
    """The words of a name, each as its ZWNJ-separated parts, in the model's alphabet:
    ``حنانه نوراله‌زاده`` → ``[["حنانه"], ["نوراله", "زاده"]]``."""
    s = unicodedata.normalize("NFC", name).replace("\u200d", "")
    s = _ABD.sub(r"\1ال", " ".join(_SPLIT.split(s.strip())))
    out = []
    for w in s.split(" "):
        parts = [p for p in (fa_token(x) for x in w.split(ZWNJ)) if p]
        if parts:
            out.append(parts)
    return out


@dataclass(frozen=True)
class Rules:
    """Word-level rules around the model (``names_rules.tsv``)."""

    particles: Mapping[str, str]
    prefixes: tuple[tuple[str, str], ...]
    suffixes: frozenset[str]
    iranian: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    foreign: tuple[str, ...] = ()  # endings of words that mark a name as not Iranian
    arab: frozenset[str] = frozenset()  # words (or glued prefixes) that mark an Arab name
    respell: tuple[tuple[str, str], ...] = ()  # Iranian names: letters read as others
    endings: tuple[tuple[str, str], ...] = ()  # Iranian names: word endings with a set spelling
    arab_given: Mapping[str, str] = field(default_factory=dict)  # Arab given names, English-news spelling
    iranian_given: Mapping[str, str] = field(default_factory=dict)  # Iranian given names beyond the list
    detached: Mapping[str, str] = field(default_factory=dict)  # a Russian ending written apart: «رحمان اف»
    slavic: tuple[tuple[str, str], ...] = ()  # foreign names: a letter always written so (ک k)

    def is_foreign(self, word: str) -> bool:
        """``کاراوایف`` ends like a Russian family name (``رئوف`` is too short to)."""
        return any(word.endswith(e) and len(word) >= len(e) + 3 for e in self.foreign)

    def iranize(self, c: str, chunk: str, last: bool) -> str:
        """The Iranian spelling of ``chunk`` written for letter ``c`` (``$``: word end only)."""
        for old, new in self.iranian.get(c, ()):
            if old.endswith("$"):
                if last and chunk == old[:-1]:
                    return new
            elif chunk.startswith(old) and not chunk.startswith(new):
                return new + chunk[len(old) :]
        return chunk

    @classmethod
    def load(cls, path: Path = RULES_PATH) -> Rules:
        particles: dict[str, str] = {}
        prefixes: list[tuple[str, str]] = []
        suffixes: set[str] = set()
        iranian: dict[str, list[tuple[str, str]]] = {}
        foreign: list[str] = []
        arab: set[str] = set()
        respell: list[tuple[str, str]] = []
        endings: list[tuple[str, str]] = []
        slavic: list[tuple[str, str]] = []
        given: dict[str, dict[str, str]] = {"arab_given": {}, "iranian_given": {}, "detached": {}}
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 2:
                continue
            kind, fa, en = cols[0], fa_token(cols[1]), cols[2] if len(cols) > 2 else ""
            if kind == "particle":
                particles[fa] = en
            elif kind == "prefix":
                prefixes.append((fa, en))
            elif kind == "suffix":
                suffixes.add(fa)
            elif kind == "iranian" and len(cols) > 3:
                iranian.setdefault(fa, []).append((cols[2], cols[3]))
            elif kind == "foreign":
                foreign.append(fa)
            elif kind == "arab":
                arab.add(fa)
            elif kind == "respell" and en:
                respell.append((fa, fa_token(en)))
            elif kind == "ending" and en:
                endings.append((fa, en))
            elif kind == "slavic" and en:
                slavic.append((fa, en))
            elif kind in given and en:
                given[kind][fa] = en
        endings.sort(key=lambda kv: -len(kv[0]))  # longest first: «الله» before «اله»
        return cls(
            particles,
            tuple(prefixes),
            frozenset(suffixes),
            {k: tuple(v) for k, v in iranian.items()},
            tuple(foreign),
            frozenset(arab),
            tuple(respell),
            tuple(endings),
            given["arab_given"],
            given["iranian_given"],
            given["detached"],
            tuple(slavic),
        )


def name_key(name: str) -> str:
    """The normalized spelling a ``rasad:`` id is made from: letters folded, diacritics
    dropped, ``عبد ال`` glued, ZWNJ kept between word parts: ``ملا عبد الغني`` and
    ``ملا عبدالغنی`` → ``ملا عبدالغنی``."""
    return " ".join(ZWNJ.join(parts) for parts in name_words(name))


def glued_key(name: str) -> str:
    """:func:`canonical` without spaces: glued and spaced spellings of one name
    (``خیربخش مری`` / ``خیر بخش مری``) share it; used to merge mentions in an article."""
    return canonical(name).replace(" ", "")


def contexts(fa: str, i: int, prev: tuple[str, str]) -> tuple[str, str, str, str]:
    """The four context keys of letter ``i`` of the padded token ``fa`` (``^...$``), given
    the two chunks before it (``prev[0]`` the older one)."""
    c = fa[i]
    wide = fa[i - 1] + c + fa[i + 1]
    return (
        c,
        wide,
        wide + "|" + prev[1],
        fa[i - 2 : i + 2] + "|" + prev[0] + "|" + prev[1] if i >= 2 else "",
    )


# Latin sounds of a spelling (digraphs one sound) and its vowels, for the shape of Persian
# syllables: a word never begins with two consonants (Sarlak, not Srlk) and never ends with
# three (Anzali, not Anzli); three inside a word are rare (Ranjbar)
_SOUND = re.compile(r"sh|ch|kh|gh|zh|ou|[a-z]")
_VOWEL_SOUNDS = frozenset(("a", "e", "i", "o", "u", "y", "ou"))


def _consonants(latin: str) -> list[bool]:
    """For each sound of ``latin``: is it a consonant?"""
    return [t not in _VOWEL_SOUNDS for t in _SOUND.findall(latin)]


def onset_cluster(latin: str) -> bool:
    """``srlk`` begins with two consonants, which no Persian word does."""
    return _onset_cluster(latin[:6])


@functools.lru_cache(maxsize=1 << 14)  # pure; the beam search asks for the same heads again and again
def _onset_cluster(head: str) -> bool:
    c = _consonants(head)
    return len(c) >= 2 and c[0] and c[1]


def cluster_penalty(latin: str) -> float:
    """Log-penalty of a whole Iranian spelling for runs of consonants: three at the end of the
    word −3, inside it −1.5; two at the end −1 (Sarlak over Sarelk, Kowsar over Kousr)."""
    c = _consonants(latin)
    pen = -1.0 if len(c) >= 3 and c[-1] and c[-2] else 0.0
    for i in range(len(c) - 2):
        if c[i] and c[i + 1] and c[i + 2]:
            pen -= 3.0 if i + 3 == len(c) else 1.5
    return pen


def _row(raw: str) -> tuple[int, dict[str, int]]:
    """``"5 a=3 =2"`` → ``(5, {"a": 3, "": 2})`` (total first, then chunk=count)."""
    head, *cells = raw.split(" ")
    row: dict[str, int] = {}
    for cell in cells:
        k, _, v = cell.rpartition("=")
        row[k] = int(v)
    return int(head), row


def dump_rows(rows: Mapping[str, Mapping[str, int]]) -> str:
    """The text form of one context level: ``key TAB total chunk=count ...`` lines."""
    lines = []
    for key in sorted(rows):
        row = rows[key]
        cells = " ".join(f"{k}={v}" for k, v in sorted(row.items(), key=lambda kv: -kv[1]))
        lines.append(f"{key}\t{sum(row.values())} {cells}")
    return "\n".join(lines)


def _or(first: Callable[[str], str | None], then: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """``first``, and ``then`` for what ``first`` does not spell."""
    return lambda w: first(w) or then(w)


def _table(text: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in text.split("\n") if line)


class NameModel:
    """The learned transliterator; :meth:`token` romanizes one Persian token.

    Context rows stay text until a token needs them (fast loading)."""

    def __init__(
        self,
        memory: Mapping[str, str],
        levels: list[dict[str, str]],
        vocab: Mapping[str, str],
        beam: int = 6,
        width: int = 5,
        nbest: int = 6,
        bonus: float = 2.0,
        rules: Rules | None = None,
        levels_ir: list[dict[str, str]] | None = None,
        own: frozenset[str] = frozenset(),
        lm: tuple[dict[str, str], dict[str, str]] = ({}, {}),
        lm_weight: float = 0.3,
        iranian_weight: float = 0.6,
        kappa: float = 1.0,
        iranian_words: frozenset[str] = frozenset(),
        memory_arab: Mapping[str, str] | None = None,
        arab_places: frozenset[str] = frozenset(),
    ) -> None:
        self.arab_places = arab_places  # Arab countries and peoples (عراق, فلسطینی), from CLDR
        self.memory_arab = memory_arab or {}  # Arab spellings where the memory has the Iranian one
        self.iranian_words = iranian_words  # words of the gazetteer's Iranian names
        # a rule-based speller of Iranian names; its spelling wins when the model has it in
        # its n-best list (the learned data hold few Iranian names)
        self.iranian_rules: Callable[[str], str] | None = None
        self.kappa = kappa  # Witten–Bell: a context with n counts of t chunks weighs n / (n + kappa t)
        self.iranian_weight = iranian_weight
        self.lm, self.lm_backoff = lm
        self.lm_weight = lm_weight
        self._lm_chunk = functools.lru_cache(maxsize=1 << 17)(self._lm_score)
        self._scored = functools.lru_cache(maxsize=1 << 17)(self._scored_step)
        self.own = own  # memory keys whose spelling comes from the gazetteer's lists
        self.rules = rules or Rules({}, (), frozenset())
        self.memory = memory
        self.levels = levels + (levels_ir or [{}, {}, {}])
        self.vocab = vocab
        self.beam = beam
        self.width = width
        self.nbest = nbest
        self.bonus = bonus
        self._rows = [
            functools.lru_cache(maxsize=None)(functools.partial(self._parse, lv))
            for lv in range(len(self.levels))
        ]
        self._low = functools.lru_cache(maxsize=1 << 16)(self._low_dist)
        self._step = functools.lru_cache(maxsize=1 << 17)(self._dist)
        self.token = functools.lru_cache(maxsize=1 << 16)(self._token)  # type: ignore[method-assign]
        self.foreign_token = functools.lru_cache(maxsize=1 << 14)(self._foreign_token)  # type: ignore[method-assign]

    def _parse(self, level: int, key: str) -> tuple[int, dict[str, int]] | None:
        raw = self.levels[level].get(key)
        return _row(raw) if raw is not None else None

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> NameModel:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
        rules = Rules.load() if RULES_PATH.exists() else None
        return cls(
            _table(data["memory"]),
            [_table(t) for t in data["levels"]],
            _table(data["vocab"]),
            rules=rules,
            levels_ir=[_table(t) for t in data.get("levels_ir", ["", "", ""])],
            own=frozenset(data.get("own", "").split("\n")),
            iranian_words=frozenset(data.get("iranian_words", "").split("\n")) - {""},
            lm=(_table(data.get("lm", "")), _table(data.get("lm_backoff", ""))),
            memory_arab=_table(data.get("memory_arab", "")),
            arab_places=frozenset(data.get("arab_places", "").split("\n")) - {""},
        )

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def default() -> NameModel:
        """The shipped model (cached)."""
        return NameModel.load()

    # --- probabilities ------------------------------------------------------------------
    def _low_dist(self, c: str, wide: str, k2: str, iranian: bool) -> tuple[tuple[str, float], ...]:
        """Chunks for a letter in its neighbourhood after a chunk (levels 0–2, Witten–Bell
        interpolation; for an Iranian name mixed with the same chain on the Iranian pairs), the
        ``width`` most likely, as probabilities."""
        base = self._rows[0](c)
        if base is None:
            return ()
        main = self._chain([base, self._rows[1](wide), self._rows[2](k2)])
        if iranian:  # mixed with the chain of the Iranian pairs alone
            own = self._chain([self._rows[4](c), self._rows[5](wide), self._rows[6](k2)])
            if own:
                a = self.iranian_weight
                main = {k: (1 - a) * main.get(k, 0.0) + a * own.get(k, 0.0) for k in main.keys() | own.keys()}
        # a letter that is only a consonant is always written (a silent one is an alignment slip),
        # except the ل of the Arabic article (after an alef)
        silent_ok = c not in CONSONANTS or (c == "ل" and wide[0] == "ا")
        scored = [(k, p) for k, p in main.items() if k or silent_ok]
        if iranian:
            last = wide.endswith(EOS)
            merged: dict[str, float] = {}
            for k, p in scored:
                k = self.rules.iranize(c, k, last)
                merged[k] = merged.get(k, 0.0) + p
            scored = list(merged.items())
        scored.sort(key=lambda kv: -kv[1])
        return tuple(kv for kv in scored[: self.width] if kv[1] > 1e-5)

    def _chain(self, found: list[tuple[int, dict[str, int]] | None]) -> dict[str, float]:
        """Witten–Bell interpolation up a chain of context rows (the first is the base)."""
        rows = [r for r in found[1:] if r is not None]
        if found[0] is None:
            return {}
        base_n, base_row = found[0]
        cands = set(list(base_row)[:12])  # rows are stored most frequent first
        for _, row in rows:
            cands.update(row)
        out: dict[str, float] = {}
        for k in cands:
            p = base_row.get(k, 0) / base_n
            for n, row in rows:
                lam = n / (n + self.kappa * len(row))
                p = (1 - lam) * p + lam * row.get(k, 0) / n
            out[k] = p
        return out

    def _dist(self, keys: tuple[str, str, str, str], iranian: bool) -> tuple[tuple[str, float], ...]:
        low = self._low(keys[0], keys[1], keys[2], iranian)
        got = self._rows[3](keys[3]) if keys[3] and not iranian else None
        if got is None:
            return tuple((k, math.log(p)) for k, p in low)
        n, row = got
        lam = n / (n + self.kappa * len(row))
        return tuple((k, math.log((1 - lam) * p + lam * row.get(k, 0) / n)) for k, p in low)

    def _scored_step(
        self, keys: tuple[str, str, str, str], iranian: bool, history: str
    ) -> tuple[tuple[str, float], ...]:
        """The chunks for one letter with channel + weighted English letter-model scores."""
        w = self.lm_weight
        return tuple((k, lp + w * self._lm_chunk(history, k)) for k, lp in self._step(keys, iranian))

    def _lm_score(self, history: str, chunk: str) -> float:
        """Log-probability of the English letters ``chunk`` after ``history`` (its last three
        letters, ``^``-padded), from the letter model of English name tokens."""
        if not self.lm:
            return 0.0
        total = 0.0
        h = history
        for w in chunk:
            total += self._lm_letter(h[-3:], w)
            h += w
        return total

    def _lm_letter(self, h: str, w: str) -> float:
        bow = 0.0
        while True:
            got = self.lm.get(h + w)
            if got is not None:
                return bow + float(got)
            if not h:
                return bow - 12.0
            bow += float(self.lm_backoff.get(h, 0.0))
            h = h[1:]

    # --- decoding -----------------------------------------------------------------------
    def candidates(self, token: str, iranian: bool = False) -> list[tuple[str, float]]:
        """The n-best spellings of one folded token with their log-probabilities
        (``iranian``: the spelling conventions of Iranian names weigh more)."""
        fa = BOS + BOS + token + EOS + EOS
        beams: list[tuple[float, str, str]] = [(0.0, BOS + "\t" + BOS, "")]
        step = self._scored
        beam = self.beam + 2 if iranian else self.beam
        for i in range(2, len(fa) - 2):
            grown: dict[str, tuple[float, str, str]] = {}
            for score, prev, out in beams:
                p0, p1 = prev.split("\t")
                for chunk, lp in step(contexts(fa, i, (p0, p1)), iranian, ("^^^" + out)[-3:]):
                    if i == 2 and not chunk and (fa[2] == "آ" or (fa[2] == "ا" and fa[3] not in "یول")):
                        # a word's first alef is a vowel (آرامی Arami) unless «ی», «و» write
                        # it (ایوان Ivan) or it begins the article
                        continue
                    if iranian and i > 2 and not chunk and fa[i] in "اآ":
                        # in a Persian word an alef is always a long vowel (لیاقت Liaghat)
                        continue
                    s = score + lp
                    key = out + "\t" + chunk
                    old = grown.get(key)
                    if old is None or s > old[0]:
                        grown[key] = (s, p1 + "\t" + chunk, out + chunk)
            ranked = sorted(grown.values(), reverse=True)
            if iranian:  # Persian syllables begin with one consonant
                ranked = [b for b in ranked if not onset_cluster(b[2])] or ranked
            beams = ranked[:beam]
            if not beams:
                return []
        merged: dict[str, float] = {}
        for s, _, out in beams:
            s += self.lm_weight * self._lm_chunk(("^^^" + out)[-3:], "$")
            if iranian:
                s += cluster_penalty(out)
            merged[out] = max(merged.get(out, -1e9), s)
        return sorted(merged.items(), key=lambda kv: -kv[1])[: self.nbest]

    def _token(self, token: str, iranian: bool = False) -> str:
        """One token → its English spelling (title case); empty for a non-letter token."""
        fa = fa_token(token)
        if not fa:
            return ""
        known = self.memory.get(fa)
        if known and (not iranian or fa in self.own):  # Iranian names: only the project's spellings
            return known
        cands = self.candidates(fa, iranian)
        if not cands:
            return ""
        if iranian and self.iranian_rules is not None:
            ruled = self.iranian_rules(fa).lower()
            if any(c == ruled for c, _ in cands):
                return ruled[:1].upper() + ruled[1:]
        best = max(cands, key=lambda kv: kv[1] + self._bonus(kv[0]))[0]
        return best[:1].upper() + best[1:]

    def _foreign_token(self, token: str) -> str:
        """A word of a foreign (Russian, Slavic) name: the n-best reranked so that each letter
        of the ``slavic`` rows is written its way (کازانتسف Kazantsev, not Casantsev)."""
        fa = fa_token(token)
        if not fa:
            return ""
        known = self.memory.get(fa)
        if known:
            return known
        cands = self.candidates(fa)
        if not cands:
            return ""
        rows = [(c, en, fa.count(c)) for c, en in self.rules.slavic if c in fa]

        def score(kv: tuple[str, float]) -> float:
            miss = sum(n > kv[0].count(en) for _, en, n in rows)
            return kv[1] + self._bonus(kv[0]) - 3.0 * miss

        best = max(cands, key=score)[0]
        return best[:1].upper() + best[1:]

    def _bonus(self, latin: str) -> float:
        """Log-bonus for a spelling seen as an English name token."""
        n = self.vocab.get(latin)
        return self.bonus + math.log1p(int(n)) if n else 0.0

    def word(
        self,
        parts: list[str],
        known: Callable[[str], str | None] = lambda w: None,
        iranian: bool = False,
        arab: bool = False,
        foreign: bool = False,
    ) -> str:
        """One word given as its ZWNJ parts (:func:`name_words`); ``known`` spells words it
        knows first (the gazetteer's given names).  A part on the suffix list stays glued
        (``نوراله‌زاده`` → ``Nourollahzadeh``), other parts become words of their own.
        ``arab``: the Arab spellings of the pairs come before ``known`` (Mohammed)."""
        out = ""
        endings = dict(self.rules.endings) if iranian else {}
        for i, part in enumerate(parts):
            if i and out and part in endings:  # روح‌اله → Rouhollah
                out += endings[part]
                continue
            latin = self._part(part, known, iranian, arab, foreign)
            if not latin:
                continue
            if i and out and part in self.rules.suffixes:
                out += latin.lower()
            else:
                out += (" " if out else "") + latin
        return out

    def _article(self, part: str) -> tuple[str, str] | None:
        """The glued prefix of ``part`` (the article ``ال``, ``ابو``) with its English, when the
        word is not known whole under a spelling that keeps it: «الناصر» → al- (the memory's
        Naceur drops the article) but not «الکساندر» (Alexander)."""
        for fa, en in self.rules.prefixes:
            if part.startswith(fa) and len(part) - len(fa) >= 3:
                seen = self.memory.get(part, "").lower()
                if seen and seen[:1] in "aeiou" and seen[1:2] == en[1:2].lower():
                    return None
                return fa, en
        return None

    def is_arab(self, words: list[list[str]], known: Callable[[str], str | None] = lambda w: None) -> bool:
        """A name marked Arab: a word such as ``بن``, or a glued article or ``ابو`` (in a word
        that ``known`` does not spell: «المیرا» is Elmira)."""
        return any(
            p in self.rules.arab or (not known(p) and self._article(p) is not None) for w in words for p in w
        )

    def _part(
        self, part: str, known: Callable[[str], str | None], iranian: bool, arab: bool = False, foreign: bool = False
    ) -> str:
        if part in self.rules.particles:
            return self.rules.particles[part]
        article = None if known(part) else self._article(part)
        got = (
            None
            if article
            else (
                self.rules.arab_given.get(part) or self.memory_arab.get(part) or self.memory.get(part)
                if arab
                else None
            )
            or known(part)
        )
        if got:
            return got
        if article is not None:
            fa, en = article
            rest = part[len(fa) :]
            latin = (
                (self.rules.arab_given.get(rest) or self.memory_arab.get(rest) if arab else None)
                or known(rest)
                or self.token(rest, iranian)
            )
            return en + latin if latin else ""
        if iranian:
            for stem_end, en in self.rules.endings:
                stem = part[: -len(stem_end)]
                if part.endswith(stem_end) and len(stem) >= 2 and part not in self.own:
                    return (known(stem) or self.token(self._respell(stem), True)) + en
            part = self._respell(part)
            latin = self.token(part, True)
            # a final «ه» after a consonant is «eh» in Iranian names (زاده Zadeh, not Zadah)
            if len(part) > 2 and part[-1] == "ه" and part[-2] in CONSONANTS and latin.endswith(("ah", "a")):
                latin = latin[: -2 if latin.endswith("ah") else -1] + "eh"
            return latin
        return self.foreign_token(part) if foreign else self.token(part, iranian)

    def _respell(self, part: str) -> str:
        for old, new in self.rules.respell:
            part = part.replace(old, new)
        return part

    def arab_context(self, context: str) -> bool:
        """``context`` (the words around a mention) names an Arab country or people:
        ``سخنگوی ارتش عراق`` → True."""
        if not self.arab_places or not context:
            return False
        return any(fa_token(w.split(ZWNJ)[0]) in self.arab_places for w in _SPLIT.split(context))

    def __call__(
        self,
        name: str,
        known: Callable[[str], str | None] = lambda w: None,
        iranian: frozenset[str] = frozenset(),
        context: str = "",
    ) -> str:
        """A whole name, word by word: ``شینزو آبه`` → ``Shinzo Abe``.  A name with a word
        in ``iranian`` (Iranian given names) or among the words of the gazetteer's Iranian
        names is spelled the Iranian way
        (``اعظم پورکند`` → ``Azam Pourkand``).  A name marked Arab (``بن``, a glued article) or
        next to an Arab country or people in ``context`` takes the Arab spellings."""
        words = name_words(name)
        iranian_given = self.rules.iranian_given
        known = _or(known, iranian_given.get)
        arab = self.is_arab(words, known) or self.arab_context(context)
        detached = self.rules.detached
        foreign = any(self.rules.is_foreign(w[-1]) or (len(w) == 1 and w[0] in detached) for w in words)
        ir = (
            not arab
            and not foreign
            and any(
                p in iranian or p in iranian_given or p in self.iranian_words or (i and p in self.rules.suffixes)
                for w in words
                for i, p in enumerate(w)
            )
        )
        out: list[str] = []
        house = False  # «آل» before an article: the house of … (آل الشیخ → Al-Sheikh)
        for w in words:
            if house:
                house = False
                latin = self.word(w, known, ir, arab, foreign and not arab)
                if latin.lower().startswith("al-"):
                    out.append("Al-" + latin[3:])
                    continue
                out.append("Al")
            elif w == ["آل"] and len(words) > 1:
                house = True
                continue
            if out and len(w) == 1 and w[0] in detached:  # «موسی یف» → Musaev
                end = detached[w[0]]
                out[-1] += "yev" if out[-1].endswith("i") else end  # علی اف → Aliyev
                continue
            latin = self.word(w, known, ir, arab, foreign and not arab)
            if latin:
                out.append(latin)
        if house:
            out.append("Al")
        return " ".join(out)

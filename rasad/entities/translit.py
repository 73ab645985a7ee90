"""Persian → English spelling of names the gazetteer lacks.

A name is spelled word by word: words the gazetteer's lists know (foreign and Iranian given
names) as listed, the others by the learned name model (:mod:`rasad.entities.names`,
trained on real name pairs: ``شینزو آبه`` → ``Shinzo Abe``).  Without the model file the
letter-by-letter romanizer below is used; it stays as the baseline of
``bench/bench_names.py``.  Persian script omits short vowels, so letter by letter is a
readable guess, not the English spelling: ``تیمور تکاچنکو`` → ``Timur Takachenko``.
Data: the letter table ``translit.tsv``, foreign given names and name endings
(``وف`` → ``ov``, ``سکی`` → ``sky``) in ``translit_words.tsv``, Iranian given names with
their usual spelling in ``given_names_fa.tsv`` (all in ``rasad/data/gazetteer/``).

    >>> Transliterator.default()("پوتین")
    'Putin'
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from pathlib import Path

from rasad.entities.gazetteer import DATA_DIR
from rasad.entities.names import MODEL_PATH, NameModel, fa_token, name_key

log = logging.getLogger(__name__)

ZWNJ = "\u200c"


# runs of three or more consonants get a short vowel: before the last two at the end of a
# word (Purknd → Purkand), before the last one inside it (Ahmdi → Ahmadi)
_C = r"(?:sh|ch|kh|gh|zh|[bcdfghjklmnpqrstvwxz])"
_CLUSTER = re.compile(rf"(?<=[aeiouy]){_C}{{3,}}")
_ONE_C = re.compile(_C)


def _open_cluster(m: re.Match[str]) -> str:
    run = m.group()
    parts = _ONE_C.findall(run)
    cut = len(parts) - (2 if m.end() == len(m.string) else 1)
    return "".join(parts[:cut]) + "a" + "".join(parts[cut:])


# word-initial vowel spellings: «او» (Oleg), «ای» (Igor), «آ» (Alexander), «ع» + vowel
_INITIAL = (("او", "O"), ("ای", "I"), ("آ", "A"), ("عا", "A"), ("عی", "Ei"), ("عو", "O"), ("ع", "A"))


class Transliterator:
    """Romanizes Persian names letter by letter with a few positional rules."""

    def __init__(
        self,
        table: dict[str, tuple[str, str, bool]],
        names: dict[str, str] | None = None,
        suffixes: dict[str, str] | None = None,
        model_path: Path | None = MODEL_PATH,
    ) -> None:
        self.table = table
        self.names = names or {}
        self.model_path = model_path
        self._folded = {fa_token(k): v for k, v in self.names.items()}
        self._iranian: frozenset[str] = frozenset()
        self.iranian_names: frozenset[str] = frozenset(self.names)
        # longest Persian ending first: «چنکو» before «نکو»
        self.suffixes = sorted((suffixes or {}).items(), key=lambda kv: len(kv[0]), reverse=True)

    @classmethod
    def load(cls, path: Path = DATA_DIR / "translit.tsv") -> Transliterator:
        """Read the letter table."""
        table: dict[str, tuple[str, str, bool]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            while len(cols) < 4:
                cols.append("")
            table[cols[0]] = (cols[1], cols[2], cols[3].strip() == "1")
        names: dict[str, str] = {}
        given = path.parent / "given_names_fa.tsv"
        if given.exists():
            for line in given.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if len(cols) >= 2 and not line.startswith("#") and cols[1].strip():
                    names[cols[0].strip().replace(ZWNJ, "")] = cols[1].strip()
        foreign: dict[str, str] = {}
        suffixes: dict[str, str] = {}
        words = path.parent / "translit_words.tsv"
        if words.exists():
            for line in words.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if line.startswith("#") or len(cols) < 3:
                    continue
                (foreign if cols[0] == "word" else suffixes)[cols[1].strip()] = cols[2].strip()
        surnames: dict[str, str] = {}
        family = path.parent / "surnames_fa.tsv"
        if family.exists():
            for line in family.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if len(cols) >= 2 and not line.startswith("#") and cols[1].strip():
                    surnames[cols[0].strip().replace(ZWNJ, "")] = cols[1].strip()
        translit = cls(table, {**surnames, **foreign, **names}, suffixes)
        translit.iranian_names = frozenset(names)
        # a name with an Iranian given name or family name is spelled the Iranian way
        translit._iranian = frozenset(fa_token(n) for n in (*names, *surnames))
        return translit

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def default() -> Transliterator:
        """The shipped table (cached)."""
        return Transliterator.load()

    def word(self, w: str, iranian: bool = False) -> str:
        """Romanize one word (``iranian``: the vowel ``و`` is written ``ou``, as in Pourkand).

        A known ending is written as its usual Latin form: ``لاوروف`` → ``Lavrov``."""
        if not iranian:
            for fa, latin in self.suffixes:
                if w.endswith(fa) and len(w) >= len(fa) + 2:
                    return self._letters(w[: -len(fa)], iranian) + latin
        return self._letters(w, iranian)

    def _letters(self, w: str, iranian: bool) -> str:
        """Letter-by-letter romanization of one word."""
        letters = [c for c in w if c in self.table or c.isascii()]
        for prefix, latin in _INITIAL:
            if "".join(letters[: len(prefix)]) == prefix and len(letters) > len(prefix):
                rest = self._letters("".join(letters[len(prefix) :]), iranian)
                return latin + rest[:1].lower() + rest[1:]
        out: list[str] = []
        prev_vowel = False
        for i, c in enumerate(letters):
            if c.isascii():
                out.append(c)
                prev_vowel = c.lower() in "aeiou"
                continue
            initial, medial, vowel = self.table[c]
            nxt = letters[i + 1] if i + 1 < len(letters) else ""
            if i == 0:
                if c in "وی" and nxt and nxt not in "اآوی":
                    piece = initial.lower()
                    # initial و/ی before a consonant: consonant + short vowel
                    piece = piece + ("a" if c == "و" else "e")
                else:
                    piece = initial.lower()
                    if c == "ا" and nxt in ("ی", "و"):
                        piece = ""  # ای → i, او → u / o
            elif c in "وی" and (prev_vowel or (nxt != "" and nxt in "اآ")):
                piece = "v" if c == "و" else "y"
            elif c == "ه" and nxt:
                piece = "h"
            elif c == "ی" and not nxt and prev_vowel:
                piece = "y"
            else:
                piece = medial
            if c == "و" and not nxt and not prev_vowel and i > 0:
                piece = "o"
            elif iranian and c == "و" and piece == "u":
                piece = "ou"
            if c == "ا" and i > 0 and prev_vowel and out and out[-1] == "a":
                piece = "a"
            out.append(piece)
            prev_vowel = vowel and piece in ("a", "i", "u", "o", "ou", "")
            if c in "وی" and piece in ("v", "y"):
                prev_vowel = False
            # a consonant followed by a consonant at the very start gets a short vowel
            if i == 0 and not vowel and c not in "وی" and nxt and not self.table.get(nxt, ("", "", True))[2]:
                out.append("a")
        s = "".join(out).replace("'", "")
        s = _CLUSTER.sub(_open_cluster, s)
        return s[:1].upper() + s[1:]

    @functools.cached_property
    def model(self) -> NameModel | None:
        """The learned name model, loaded on first use (None when its file is missing)."""
        if self.model_path is None or not self.model_path.exists():
            return None
        try:
            model = NameModel.load(self.model_path)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("name model unusable: %s", exc)
            return None
        model.iranian_rules = functools.partial(self.word, iranian=True)
        return model

    def __call__(self, name: str, context: str = "") -> str:
        """A whole name in its English spelling: ``شینزو آبه`` → ``Shinzo Abe``; given names
        the gazetteer lists keep their listed spelling (``سرگئی`` → ``Sergey``).  ``context``,
        the words around the mention, may mark the name Arab (``مصطفی`` → ``Mustafa`` beside
        ``فلسطینی``)."""
        model = self.model
        if model is None:
            return self.letters(name)
        return model(name, self._folded.get, self._iranian, context)

    def letters(self, name: str) -> str:
        """Letter-by-letter romanization: ``ولادیمیر پوتین`` → ``Valadimir Putin``; ZWNJ-joined
        parts stay one word (``کاویانی‌فر`` → ``Kavyanifr``)."""
        name = unicodedata.normalize("NFC", name).replace(ZWNJ, "")
        words = [w for w in re.split(r"[\s\-]+", name) if w]
        iranian = bool(words) and words[0] in self.iranian_names
        latin = [self.names.get(w) or self.word(w, iranian) for w in words]
        return " ".join(x for x in latin if x)

    def entity_id(self, name: str) -> str:
        """The ``rasad:`` id of a name the gazetteer lacks, a function of its normalized key
        (:func:`~rasad.entities.names.name_key`) only: spelling variants share it
        (``ملا عبد الغنی`` / ``ملا عبدالغني``), in every article."""
        return "rasad:" + slugify(self(name_key(name)))


def slugify(s: str) -> str:
    """``Timur Takachenku`` → ``timur-takachenku``."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")

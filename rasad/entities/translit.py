"""A small data-driven Persian → Latin romanizer for names the gazetteer lacks.

Persian script omits short vowels, so the result is a readable guess, not the
English spelling: ``تیمور تکاچنکو`` → ``Timur Takachenku``.  The letter table is
``rasad/data/gazetteer/translit.tsv``.

    >>> Transliterator.default()("پوتین")
    'Putin'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from rasad.entities.gazetteer import DATA_DIR

ZWNJ = "\u200c"


# word-initial vowel spellings: «او» (Oleg), «ای» (Igor), «آ» (Alexander), «ع» + vowel
_INITIAL = (("او", "O"), ("ای", "I"), ("آ", "A"), ("عا", "A"), ("عی", "Ei"), ("عو", "O"), ("ع", "A"))


class Transliterator:
    """Romanizes Persian names letter by letter with a few positional rules."""

    def __init__(self, table: dict[str, tuple[str, str, bool]]) -> None:
        self.table = table

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
        return cls(table)

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def default() -> Transliterator:
        """The shipped table (cached)."""
        return Transliterator.load()

    def word(self, w: str) -> str:
        """Romanize one word."""
        letters = [c for c in w if c in self.table or c.isascii()]
        for prefix, latin in _INITIAL:
            if "".join(letters[: len(prefix)]) == prefix and len(letters) > len(prefix):
                rest = self.word("".join(letters[len(prefix) :]))
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
            if c == "ا" and i > 0 and prev_vowel and out and out[-1] == "a":
                piece = "a"
            out.append(piece)
            prev_vowel = vowel and piece in ("a", "i", "u", "o", "")
            if c in "وی" and piece in ("v", "y"):
                prev_vowel = False
            # a consonant followed by a consonant at the very start gets a short vowel
            if i == 0 and not vowel and c not in "وی" and nxt and not self.table.get(nxt, ("", "", True))[2]:
                out.append("a")
        s = "".join(out).replace("'", "")
        return s[:1].upper() + s[1:]

    def __call__(self, name: str) -> str:
        """Romanize a whole name: ``ولادیمیر پوتین`` → ``Valadimir Putin``; ZWNJ-joined parts
        stay one word (``کاویانی‌فر`` → ``Kavyanifr``)."""
        name = unicodedata.normalize("NFC", name).replace(ZWNJ, "")
        words = [w for w in re.split(r"[\s\-]+", name) if w]
        return " ".join(self.word(w) for w in words if self.word(w))


def slugify(s: str) -> str:
    """``Timur Takachenku`` → ``timur-takachenku``."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")

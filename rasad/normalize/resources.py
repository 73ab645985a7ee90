"""Loaders for the normalizer's data files (pure, cached with ``lru_cache``).

* ``rasad/data/lexicons/normalize.yaml`` -- letters, marks, boilerplate, abbreviations;
* ``rasad/data/lexicons/normalize_zwnj.yaml`` -- the morphology of the ZWNJ repair;
* ``rasad/data/vocab/words_fa.tsv.gz`` and ``verbs_fa.tsv`` -- the vocabulary built by
  ``scripts/build_vocab.py`` from hazm's word list (see ``rasad/data/VOCAB.md``).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"
LEXICONS = DATA / "lexicons"
VOCAB_DIR = DATA / "vocab"

ZWNJ = "\u200c"
#: Letters that never join the following letter: after them a ZWNJ is invisible.
NON_JOINING = frozenset("اآأإٱدذرزژوؤةءۀ")


def joins_left(ch: str) -> bool:
    """True when ``ch`` is an Arabic-script letter that connects to the next letter (``ب`` yes, ``ر`` no)."""
    return "\u0620" <= ch <= "\u06ff" and ch not in NON_JOINING


@lru_cache(maxsize=8)
def load_yaml(name: str) -> dict[str, Any]:
    """Read ``rasad/data/lexicons/<name>`` (a mapping)."""
    with open(LEXICONS / name, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping")
    return data


@dataclass(frozen=True)
class Vocabulary:
    """A Persian word list with frequencies and hazm POS tags.

    ``tagged`` maps a curated word (one with a POS tag) to its frequency; ``weak`` holds
    untagged words (rare words, names, and also misspellings such as ``میشود``);
    ``dezwnj`` maps a ZWNJ-less spelling to the ZWNJ spelling (``رئیسجمهور`` →
    ``رئیس‌جمهور``) of words that contain a ZWNJ after a joining letter.
    """

    tagged: dict[str, int]
    pos: dict[str, str]
    weak: frozenset[str]
    dezwnj: dict[str, str]
    past_stems: frozenset[str]
    present_stems: frozenset[str]

    def freq(self, word: str) -> int:
        return self.tagged.get(word, 0)

    def known(self, word: str) -> bool:
        return word in self.tagged or word in self.weak


@lru_cache(maxsize=2)
def load_vocabulary(directory: str = str(VOCAB_DIR)) -> Vocabulary:
    """Load the gzip TSV vocabulary and the verb stems (about 0.2 s, once per process)."""
    d = Path(directory)
    tagged: dict[str, int] = {}
    pos: dict[str, str] = {}
    weak: set[str] = set()
    dezwnj: dict[str, str] = {}
    best: dict[str, int] = {}
    with gzip.open(d / "words_fa.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            word, freq_s, tags = line.rstrip("\n").split("\t")
            freq = int(freq_s)
            if tags:
                tagged[word] = freq
                pos[word] = tags
            else:
                weak.add(word)
            if ZWNJ in word:
                key = word.replace(ZWNJ, "")
                score = freq + (1 if tags else 0)
                if key not in best or score > best[key]:
                    best[key] = score
                    dezwnj[key] = word
    # a ZWNJ-less spelling that is itself a curated word is not a broken form
    past: set[str] = set()
    present: set[str] = set()
    with open(d / "verbs_fa.tsv", encoding="utf-8") as fh:
        for line in fh:
            p, q = (line.rstrip("\n").split("\t") + [""])[:2]
            if p:
                past.add(p)
            for stem in q.split(" یا "):
                if stem.strip():
                    present.add(stem.strip())
    return Vocabulary(tagged, pos, frozenset(weak), dezwnj, frozenset(past), frozenset(present))

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
    from rasad.cache import load_yaml as cached_yaml  # start-up cache of the parsed file

    data = cached_yaml(LEXICONS / name) or {}
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
    """:func:`build_vocabulary`, kept in the on-disk start-up cache (:mod:`rasad.cache`)."""
    from rasad.cache import cached

    d = Path(directory)
    sources = [d / "words_fa.tsv.gz", d / "verbs_fa.tsv", Path(__file__)]
    return cached("vocabulary", sources, lambda: build_vocabulary(directory))


def build_vocabulary(directory: str = str(VOCAB_DIR)) -> Vocabulary:
    """Load the gzip TSV vocabulary and the verb stems (a fraction of a second, once per process)."""
    d = Path(directory)
    text = gzip.decompress((d / "words_fa.tsv.gz").read_bytes()).decode("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines()]
    tagged = {r[0]: int(r[1]) for r in rows if r[2]}
    pos = {r[0]: r[2] for r in rows if r[2]}
    weak = frozenset(r[0] for r in rows if not r[2])
    dezwnj: dict[str, str] = {}
    best: dict[str, int] = {}
    for word, freq_s, tags in (r for r in rows if ZWNJ in r[0]):
        # a ZWNJ after ا د ذ ر ز ژ و is invisible: keep only the ones that matter
        word = "".join(c for i, c in enumerate(word) if c != ZWNJ or joins_left(word[i - 1]))
        if ZWNJ not in word:
            continue
        key = word.replace(ZWNJ, "")
        score = int(freq_s) + (1 if tags else 0)
        if key not in best or score > best[key]:
            best[key] = score
            dezwnj[key] = word
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
    return Vocabulary(tagged, pos, weak, dezwnj, frozenset(past), frozenset(present))

"""Is a tagger "person" span a name at all?  Common nouns and phrases are not.

The CRF tags ``ویروس کرونا``, ``معترضان گوآتمالایی``, ``علی‌رغم``, ``پتروشیمی
تندگویان`` as people now and then (GUIDELINES §9: common nouns are not
entities).  Two sources decide, both learned from data, none typed by hand:

* ``rasad/data/models/name_words.tsv.gz`` (``scripts/train_name_filter.py``):
  how often each word of PEYMA + ARMAN is the first word of a person name,
  inside one, inside any name, and in all;
* the hazm vocabulary's POS tags (``rasad/data/vocab/words_fa.tsv.gz``): a
  conjunction, preposition, adverb or verb is no part of a name.

A span is rejected when one of its words was seen a few times and never in a name, when
its first word (after honorifics) is seen often and
almost never opens a person name, or when any of its words is seen often and
almost never inside one, or is a function word — unless the word is a known
given name (``given_names_fa.tsv``, the ``word`` rows of ``translit_words.tsv``)::

    >>> f = NameFilter.default()
    >>> f.is_name("ویروس کرونا"), f.is_name("معترضان شیلیایی"), f.is_name("محمد رضایی")
    (False, False, True)
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Iterable
from pathlib import Path

from rasad.normalize.resources import load_vocabulary

MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "name_words.tsv.gz"
MIN_SEEN = 5  # a word seen fewer times in the corpora says little ...
MIN_SEEN_NEVER = 3  # ... unless it was never part of any name
MAX_FIRST_RATE = 0.05  # a first word opening a person name less often than this is no given name
MAX_INSIDE_RATE = 0.03  # a word inside person names less often than this is a common word ...
MAX_NAME_RATE = 0.3  # ... unless it is often part of other names (جهان in place names)
FUNCTION_TAGS = frozenset({"CONJ", "P", "ADV", "V", "PRO", "DET", "NUM", "POSTP", "PUNC", "INT"})


def read_counts(path: Path) -> dict[str, tuple[int, int, int, int]]:
    """The word statistics file: word → four counts (see the module docstring)."""
    counts: dict[str, tuple[int, int, int, int]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, a, b, c, d = line.rstrip("\n").split("\t")
            counts[w] = (int(a), int(b), int(c), int(d))
    return counts


class NameFilter:
    """Word statistics of person names; :meth:`is_name` judges one surface string."""

    def __init__(
        self, counts: dict[str, tuple[int, int, int, int]], pos: dict[str, str], keep: Iterable[str] = ()
    ):
        self.counts = counts
        self.pos = pos
        self.keep = frozenset(keep)

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def default() -> NameFilter:
        """The committed statistics (cached; read-only)."""
        from rasad.cache import cached
        from rasad.entities.gazetteer import Gazetteer

        counts = cached("name-words", [MODEL, Path(__file__)], lambda: read_counts(MODEL))
        gaz = Gazetteer.default()
        return NameFilter(counts, load_vocabulary().pos, gaz.given_names | gaz.foreign_given_names)

    def _function_word(self, w: str) -> bool:
        tags = self.pos.get(w)
        if not tags or w in self.counts and self.counts[w][1] > 0:
            return False
        return set(tags.split(",")) <= FUNCTION_TAGS

    def is_name(self, surface: str) -> bool:
        """False when ``surface`` reads as common words rather than a person's name."""
        words = surface.split()
        if not words:
            return False
        for i, w in enumerate(words):
            if w in self.keep:
                continue
            if self._function_word(w):
                return False
            c = self.counts.get(w)
            if c is None:
                continue
            first, person, named, total = c
            if named == 0 and total >= MIN_SEEN_NEVER:
                return False  # seen a few times, never in any name (آهنین "iron")
            if total < MIN_SEEN:
                continue
            if i == 0 and first / total < MAX_FIRST_RATE:
                return False
            if person / total < MAX_INSIDE_RATE and named / total < MAX_NAME_RATE:
                return False
        return True

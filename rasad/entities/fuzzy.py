"""Persian spelling variants of known people's names.

A foreign name is written in Persian in several ways: long vowels written or left out
(``انور سادات`` / ``انوار سادات``), ``ز ذ ض ظ`` for one z sound (``میرضیایف`` /
``میرزایف``), a doubled consonant (``بورل`` / ``بوررل``), a short vowel written or not
after an initial alef (``اوبراین`` / ``اُبراین``).  :func:`skeleton` keeps what such
variants share — the consonants, folded by sound, and the places of the vowels — so that
a tagger person span the gazetteer lacks letter for letter can still link to the known
person (``شوکت میرزایف`` → Shavkat Mirziyoyev).

Guards: only names of two words or more, every word skeleton-equal to the same word of
one alias; a common Iranian given name must be spelled exactly (``حسن`` / ``حسین`` share a
skeleton but are two names); one skeleton naming two people links to neither::

    >>> skeleton("میرضیایف") == skeleton("میرزایف"), skeleton("عباس") == skeleton("عباسی")
    (True, False)
"""

from __future__ import annotations

from collections.abc import Iterable

from rasad.entities.gazetteer import GazEntry, fold

_SAME_SOUND = str.maketrans(
    {
        "ذ": "ز",
        "ض": "ز",
        "ظ": "ز",
        "ص": "س",
        "ث": "س",
        "ط": "ت",
        "ح": "ه",
        "غ": "ق",
        "ء": "",
        "\u200c": "",
        "\u0654": "",
    }
)
_MARKS = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670"}
_VOWELS = frozenset("اوی")
_V = "*"


def skeleton(word: str) -> str:
    """The sound skeleton of one word: consonants by sound class, medial vowel letters
    dropped, a final one kept as ``*`` (``عباس`` / ``عباسی`` differ), doubled letters
    once, an initial ``او`` / ``ای`` read as ``ا``."""
    w = "".join(c for c in fold(word).translate(_SAME_SOUND) if c not in _MARKS)
    if len(w) > 1 and w[0] == "ا" and w[1] in "وی":
        w = w[0] + w[2:]
    out: list[str] = []
    last = len(w) - 1
    for i, c in enumerate(w):
        if c in _VOWELS and 0 < i < last:
            continue  # a medial long vowel is written or not (ماکرون / مکرون)
        sym = _V if c in _VOWELS and i > 0 else c
        if out and out[-1] == sym:
            continue
        out.append(sym)
    return "".join(out)


class PersonSkeletons:
    """Multi-word aliases of the gazetteer's people, keyed by their words' skeletons."""

    def __init__(self, entries: Iterable[GazEntry], exact_words: Iterable[str] = ()) -> None:
        self.exact_words = frozenset(fold(w) for w in exact_words)
        found: dict[tuple[str, ...], set[str]] = {}
        self.by_id: dict[str, GazEntry] = {}
        for e in entries:
            if e.type != "PER":
                continue
            for a in e.aliases:
                if a.kind != "name" or a.needs_context:
                    continue
                words = a.text.replace("\u200c", " ").split()
                if len(words) < 2:
                    continue
                found.setdefault(tuple(skeleton(w) for w in words), set()).add(e.id)
                self.by_id[e.id] = e
        self.index = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
        self.spelled = {
            (k, e.id): [fold(w) for w in a.text.replace("\u200c", " ").split()]
            for e in self.by_id.values()
            for a in e.aliases
            if a.kind == "name" and (k := tuple(skeleton(w) for w in a.text.replace("\u200c", " ").split()))
        }

    def find(self, surface: str) -> GazEntry | None:
        """The one known person whose name ``surface`` spells another way, else None."""
        words = surface.replace("\u200c", " ").split()
        if len(words) < 2:
            return None
        key = tuple(skeleton(w) for w in words)
        eid = self.index.get(key)
        if eid is None:
            return None
        spelled = self.spelled.get((key, eid))
        if spelled is None:
            return None
        for w, g in zip(words, spelled, strict=True):
            fw = fold(w)
            if fw != g and (fw in self.exact_words or g in self.exact_words):
                return None
        return self.by_id[eid]

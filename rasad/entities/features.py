"""Token features for the CRF named-entity tagger.

The same :class:`FeatureExtractor` is used to train the model
(``scripts/train_ner.py``) and to tag articles (:mod:`rasad.entities.crf`), so
the two can never drift apart.  Features are plain strings (binary features in
CRFsuite's terms): word identity, a normalized form, affixes, word shape,
length, position, the words and bigrams in a ±2 window, and context cues read
from ``rasad/data/lexicons/ner_cues.yaml`` (a reporting verb such as ``گفت``
after the word, a title such as ``آقای`` or ``وزیر`` before it, ...), and
gazetteer membership of the word and its neighbours (``gz=PER`` for a word of a
person's name in ``rasad/data/gazetteer``, ``gz=GIVEN`` for a given name).

    >>> fx = FeatureExtractor()
    >>> feats = fx.sequence(["آقای", "ظریف", "گفت"])
    >>> "-1:cue=per_title" in feats[1], "+1:cue=say" in feats[1]
    (True, True)

Per-word features are cached in the extractor object (bounded), so tagging
spends most of its time in CRFsuite, not in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CUES_PATH = DATA_DIR / "lexicons" / "ner_cues.yaml"
GAZETTEER_DIR = DATA_DIR / "gazetteer"

# Gazetteer entry types → the tagger's types (GPE counts as LOC, as in PEYMA/ARMAN).
_GAZ_TYPES = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "FAC", "EVENT": "EVE"}

ZWNJ = "\u200c"

# Arabic letter variants → Persian, every digit → ASCII "0" (ARMAN writes all
# numbers as "0"), a plain space inside a token → ZWNJ (PEYMA writes
# "روش های" where Persian puts "روش‌های"); diacritics and tatweel dropped.
_NORM_TABLE: dict[int, str | None] = {
    ord("ي"): "ی",
    ord("ى"): "ی",
    ord("ك"): "ک",
    ord("\u0640"): None,  # tatweel
    ord(" "): ZWNJ,
    ord("\u200d"): None,
    ord("\u200e"): None,
    ord("\u200f"): None,
    ord("\ufeff"): None,
}
for _c in range(0x064B, 0x0653):  # fathatan .. sukun, maddah
    _NORM_TABLE[_c] = None
_NORM_TABLE[0x0670] = None  # superscript alef
for _d in "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩":
    _NORM_TABLE[ord(_d)] = "0"

_DIGIT_RUN = re.compile(r"0+")
_PERSIAN = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF\u200c]+")
_LATIN = re.compile(r"[A-Za-z]+")
_NUMERIC = re.compile(r"0+(?:[.,/٫٬:]0+)*")

# Cache size per extractor: enough for the vocabulary of many articles.
_CACHE_MAX = 200_000


def normalize_token(token: str) -> str:
    """The token's normalized form: Persian letters, digits as ``0``, ZWNJ for inner spaces.

    >>> normalize_token("روش هاي ۱۴۰۳")
    'روش\u200cهای\u200c0'
    """
    return _DIGIT_RUN.sub("0", token.strip().translate(_NORM_TABLE))


def shape(norm: str) -> str:
    """A coarse word shape: ``num``, ``fa``, ``lat``, ``punct`` or ``mix``.

    >>> shape("تهران"), shape("0"), shape("«"), shape("UN")
    ('fa', 'num', 'punct', 'lat')
    """
    if _NUMERIC.fullmatch(norm):
        return "num"
    if _PERSIAN.fullmatch(norm):
        return "fa"
    if _LATIN.fullmatch(norm):
        return "lat"
    if not any(ch.isalnum() for ch in norm):
        return "punct"
    return "mix"


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_PATH) -> dict[str, str]:
    """Read the cue lexicon: normalized word → cue class (``say``, ``per_title``, ...)."""
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    cues: dict[str, str] = {}
    for cls, words in raw.items():
        for word in words or ():
            cues[normalize_token(str(word))] = str(cls)
            cues[normalize_token(str(word)).replace(ZWNJ, "")] = str(cls)
    return cues


def _gaz_files(gdir: Path) -> list[Path]:
    return sorted(gdir.glob("*.yaml")) if gdir.is_dir() else []


@lru_cache(maxsize=4)
def load_gazetteer_words(gdir: Path = GAZETTEER_DIR) -> dict[str, tuple[str, ...]]:
    """:func:`build_gazetteer_words`, kept in the on-disk start-up cache (:mod:`rasad.cache`)."""
    from rasad.cache import cached

    return cached("tagger-gazetteer-words", [gdir, Path(__file__)], lambda: build_gazetteer_words(gdir))


def build_gazetteer_words(gdir: Path = GAZETTEER_DIR) -> dict[str, tuple[str, ...]]:
    """Word → gazetteer classes, from ``rasad/data/gazetteer`` (empty if the folder is absent).

    Every word (two letters or more) of an entry's ``fa`` label and aliases gets the
    entry's type (``PER``, ``ORG``, ``LOC`` for GPE/LOC, ``FAC``, ``EVE``); given names
    (``given_names_fa.tsv``, ``word`` rows of ``translit_words.tsv``) get ``GIVEN``.
    A file that does not parse is skipped, so a half-edited gazetteer never breaks tagging.

    >>> "PER" in load_gazetteer_words().get("پوتین", ())  # doctest: +SKIP
    True
    """
    lex: dict[str, set[str]] = {}

    def add(name: object, cls: str) -> None:
        for w in str(name).split():
            w = normalize_token(w)
            if len(w) >= 2:
                lex.setdefault(w, set()).add(cls)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in _gaz_files(gdir):
        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml.load(fh, Loader=loader) or {}
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and data.get("tagger_features") is False:
            continue  # added after the committed model was trained: its features would shift
        entries = data.get("entries") if isinstance(data, dict) else None
        for e in entries or ():
            if not isinstance(e, dict):
                continue
            cls = _GAZ_TYPES.get(str(e.get("type")))
            if cls is None:
                continue
            for alias in [e.get("fa"), *(e.get("aliases") or ())]:
                if isinstance(alias, dict):
                    alias = alias.get("fa")
                if alias:
                    add(alias, cls)
    for fname, col, kind in (("given_names_fa.tsv", 0, None), ("translit_words.tsv", 1, "word")):
        path = gdir / fname
        if not path.is_file():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) > col and (kind is None or cols[0] == kind):
                    add(cols[col], "GIVEN")
    return {w: tuple(sorted(c)) for w, c in lex.items()}


def word_features(
    token: str, cues: dict[str, str], gazetteer: dict[str, tuple[str, ...]]
) -> tuple[str, str, str, list[str], tuple[str, ...]]:
    """``(norm, shape, cue, own_features, gazetteer_classes)`` of one token (not cached).

    >>> word_features("تهران", {}, {"تهران": ("LOC",)})[3][:3]
    ['bias', 'w=تهران', 'sh=fa']
    """
    norm = normalize_token(token)
    flat = norm.replace(ZWNJ, "")
    shp = shape(norm)
    cue = cues.get(norm) or cues.get(flat) or ""
    n = len(flat)
    feats = [
        "bias",
        "w=" + norm,
        "sh=" + shp,
        "len=" + (str(n) if n < 8 else "8+"),
    ]
    if flat != norm:
        feats.append("wz=" + flat)
        feats.append("zwnj")
        feats.append("zh=" + norm.partition(ZWNJ)[0])
        feats.append("zt=" + norm.rpartition(ZWNJ)[2])
    if shp in ("fa", "lat", "mix"):
        for k in (1, 2, 3, 4):
            if n > k:
                feats.append(f"p{k}=" + flat[:k])
                feats.append(f"s{k}=" + flat[-k:])
    if cue:
        feats.append("cue=" + cue)
    gaz = gazetteer.get(norm, ())
    feats.extend("gz=" + g for g in gaz)
    return norm, shp, cue, feats, gaz


class _Word:
    """A word's own features and its context-feature strings, built once per extractor."""

    __slots__ = (
        "norm",
        "shape",
        "cue",
        "feats",
        "gaz",
        "m1w",
        "m2w",
        "p1w",
        "p2w",
        "m1sh",
        "p1sh",
        "m1cue",
        "m2cue",
        "p1cue",
        "p2cue",
        "m1gz",
        "p1gz",
    )

    def __init__(self, norm: str, shp: str, cue: str, feats: list[str], gaz: tuple[str, ...]) -> None:
        self.norm, self.shape, self.cue, self.feats, self.gaz = norm, shp, cue, feats, gaz
        self.m1w, self.m2w, self.p1w, self.p2w = (
            "-1:w=" + norm,
            "-2:w=" + norm,
            "+1:w=" + norm,
            "+2:w=" + norm,
        )
        self.m1sh, self.p1sh = "-1:sh=" + shp, "+1:sh=" + shp
        self.m1cue, self.m2cue = "-1:cue=" + cue, "-2:cue=" + cue
        self.p1cue, self.p2cue = "+1:cue=" + cue, "+2:cue=" + cue
        self.m1gz = ["-1:gz=" + g for g in gaz]
        self.p1gz = ["+1:gz=" + g for g in gaz]


# Sentence padding: two pseudo-words on each side (they never have cues or gazetteer classes).
_PAD = (
    _Word("<s2>", "BOS", "", [], ()),
    _Word("<s1>", "BOS", "", [], ()),
    _Word("</s1>", "EOS", "", [], ()),
    _Word("</s2>", "EOS", "", [], ()),
)


class FeatureExtractor:
    """Turns a token sequence into CRFsuite feature lists.

    ``sequence(["وزیر", "خارجه", "ایران"])`` returns one list of feature
    strings per token.  Everything that depends on one word only (its own
    features and the ``-1:``/``+2:``... strings it gives its neighbours) is
    cached per extractor; :meth:`sequence_reference` is the plain, uncached
    definition that the tests hold :meth:`sequence` to.
    """

    def __init__(self, cues_path: Path = CUES_PATH, gazetteer_dir: Path | None = GAZETTEER_DIR) -> None:
        self.cues = load_cues(cues_path)
        self.gazetteer = load_gazetteer_words(gazetteer_dir) if gazetteer_dir is not None else {}
        self._cache: dict[str, _Word] = {}

    def word(self, token: str) -> tuple[str, str, str, list[str], tuple[str, ...]]:
        """Return ``(norm, shape, cue, own_features, gazetteer_classes)`` for one token (cached)."""
        w = self._word(token)
        return w.norm, w.shape, w.cue, w.feats, w.gaz

    def _word(self, token: str) -> _Word:
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        out = _Word(*word_features(token, self.cues, self.gazetteer))
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()
        self._cache[token] = out
        return out

    def sequence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Features for every token of one sentence (same lists as :meth:`sequence_reference`)."""
        cache = self._cache
        words = [cache.get(t) or self._word(t) for t in tokens]
        n = len(words)
        seq = [_PAD[0], _PAD[1], *words, _PAD[2], _PAD[3]]
        norms = [w.norm for w in seq]
        pairs = [
            a + "|" + b for a, b in zip(norms, norms[1:], strict=False)
        ]  # pairs[k] = norms[k]|norms[k+1]
        last = n - 1
        out: list[list[str]] = []
        for i in range(n):
            a2, a1, w, b1, b2 = seq[i : i + 5]
            f = w.feats.copy()
            f += (
                a1.m1w,
                a2.m2w,
                b1.p1w,
                b2.p2w,
                "-1|0:" + pairs[i + 1],
                "0|+1:" + pairs[i + 2],
                "-2|-1:" + pairs[i],
                "+1|+2:" + pairs[i + 3],
                a1.m1sh,
                b1.p1sh,
                "sh3=" + a1.shape + w.shape + b1.shape,
            )
            if i == 0:
                f.append("BOS")
            elif i == last:
                f.append("EOS")
            if a1.cue:
                f.append(a1.m1cue)
            if a2.cue:
                f.append(a2.m2cue)
            if b1.cue:
                f.append(b1.p1cue)
            if b2.cue:
                f.append(b2.p2cue)
            if a1.gaz:
                f += a1.m1gz
            if b1.gaz:
                f += b1.p1gz
            out.append(f)
        return out

    def sequence_reference(self, tokens: Sequence[str]) -> list[list[str]]:
        """The plain definition of the features (no caches); the tests compare :meth:`sequence` to it."""
        info = [word_features(t, self.cues, self.gazetteer) for t in tokens]
        n = len(info)
        norms = ["<s2>", "<s1>"] + [x[0] for x in info] + ["</s1>", "</s2>"]
        shapes = ["BOS", "BOS"] + [x[1] for x in info] + ["EOS", "EOS"]
        cues = ["", ""] + [x[2] for x in info] + ["", ""]
        out: list[list[str]] = []
        for i in range(n):
            j = i + 2
            w = norms[j]
            f = list(info[i][3])
            f.append("-1:w=" + norms[j - 1])
            f.append("-2:w=" + norms[j - 2])
            f.append("+1:w=" + norms[j + 1])
            f.append("+2:w=" + norms[j + 2])
            f.append("-1|0:" + norms[j - 1] + "|" + w)
            f.append("0|+1:" + w + "|" + norms[j + 1])
            f.append("-2|-1:" + norms[j - 2] + "|" + norms[j - 1])
            f.append("+1|+2:" + norms[j + 1] + "|" + norms[j + 2])
            f.append("-1:sh=" + shapes[j - 1])
            f.append("+1:sh=" + shapes[j + 1])
            f.append("sh3=" + shapes[j - 1] + shapes[j] + shapes[j + 1])
            if i == 0:
                f.append("BOS")
            elif i == n - 1:
                f.append("EOS")
            if cues[j - 1]:
                f.append("-1:cue=" + cues[j - 1])
            if cues[j - 2]:
                f.append("-2:cue=" + cues[j - 2])
            if cues[j + 1]:
                f.append("+1:cue=" + cues[j + 1])
            if cues[j + 2]:
                f.append("+2:cue=" + cues[j + 2])
            if i > 0:
                f.extend("-1:gz=" + g for g in info[i - 1][4])
            if i + 1 < n:
                f.extend("+1:gz=" + g for g in info[i + 1][4])
            out.append(f)
        return out

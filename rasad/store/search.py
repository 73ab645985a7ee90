"""The search form of Persian text for SQLite FTS5, and safe FTS5 query building.

FTS5's ``unicode61`` tokenizer splits words at ZWNJ (U+200C), so ``می‌شود`` is indexed as
``می`` + ``شود``.  The store indexes two columns: ``body`` (the text in search form, split at
ZWNJ like FTS5 does) and ``joined`` (each ZWNJ compound written solid).  A query is normalized
the same way, so ``میشود`` finds ``می‌شود`` (via ``joined``) and ``رئیس جمهور`` finds
``رئیس‌جمهور`` (via ``body``)::

    >>> search_form("مؤسسه كتاب ۱۴۰۴") == "موسسه کتاب 1404"
    True
    >>> joined_form(search_form("گفت‌وگو می‌کند"))
    'گفتوگو میکند'
    >>> build_match("میشود")
    '(("میشود" OR "می شود"))'

(``ئ`` is searched as ``ی``, so ``رئیس`` and ``رییس`` find each other.)

User terms are always quoted, so FTS5 operators typed by a user cannot break the query; a
query that still cannot be used (empty, unbalanced quotes, only exclusions) raises
:class:`rasad.errors.QueryError`.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from itertools import compress
from typing import NamedTuple

from rasad.errors import QueryError

ZWNJ = "\u200c"

_TABLE = str.maketrans(
    {
        "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
        "ؤ": "و",
        "\u200b": ZWNJ, "\u200d": None, "\u200e": None, "\u200f": None, "\u0640": None,
        "\u0654": None, "\u0655": None, "\u0670": None, "\ufeff": None,
        **{chr(c): None for c in range(0x064B, 0x0653)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)
_REPL = {chr(k): ("" if v is None else v if isinstance(v, str) else chr(v)) for k, v in _TABLE.items()}
_MULTI_ZWNJ = re.compile(ZWNJ + "{2,}")
_ZW_LIKE = frozenset(("\u200b", ZWNJ))
_DROPPED = "".join(chr(k) for k, v in _TABLE.items() if v is None)
# a run of ZWNJ-like and dropped characters becomes at most one ZWNJ in the search form
_ZD = "[\u200b\u200c" + re.escape(_DROPPED) + "]"
_DROP_RUN = re.compile(f"{_ZD}*[{re.escape(_DROPPED)}]{_ZD}*|[\u200b\u200c]{{2,}}")
# the same runs, found faster: a maximal run of such characters, unless it is one ZWNJ-like only
_ZD_RUN = re.compile(f"{_ZD}+")
# from a word's start, possessive (no backtracking): three times faster on long texts
_COMPOUND = re.compile(r"(?<!\w)\w++(?:\u200c\w++)+")
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r'"[^"]*"|\S+')


# no replacement is itself replaced, so replacing one character after the other is the same
# as replacing all at once
_REPL_ITEMS = tuple(_REPL.items())


def search_form(text: str) -> str:
    """Unify letters, digits and ZWNJ variants and drop diacritics and tatweel (for indexing and queries).

    (``str.replace`` per character that occurs: a C scan each, three times faster than a regex
    with a callback and ten times faster than ``str.translate`` on Persian.)
    """
    out = text
    for ch, rep in _REPL_ITEMS:
        if ch in out:
            out = out.replace(ch, rep)
    return _MULTI_ZWNJ.sub(ZWNJ, out) if ZWNJ + ZWNJ in out else out


def search_form_mapped(text: str, form: str | None = None) -> tuple[str, list[int]]:
    """:func:`search_form` plus, for each of its characters, the offset in ``text`` it came from.

    The list has one extra entry, ``len(text)``, so a form span ``[i, j)`` maps to
    ``text[offs[i]:offs[j]]``.  The search form only replaces characters one for one or
    drops them, so only the dropped positions are looked for (by a regex, not a loop).
    ``form`` is ``search_form(text)`` when the caller has it already.
    """
    if form is None:
        form = search_form(text)
    if len(form) == len(text):  # nothing dropped: the identity
        return form, list(range(len(text) + 1))
    kept = bytearray(b"\x01") * (len(text) + 1)
    for m in _DROP_RUN.finditer(text):
        s, run = m.start(), m.group()
        if len(run) == 1:  # one dropped character (a run holds one at least)
            kept[s] = 0
            continue
        keep = next((i for i, ch in enumerate(run) if ch in _ZW_LIKE), -1)
        for i in range(len(run)):
            if i != keep:
                kept[s + i] = 0
    return form, list(compress(range(len(text) + 1), kept))


class Drops(NamedTuple):
    """Where :func:`search_form` dropped characters of a text: their text positions (sorted) and,
    for each, the form position before which it was dropped (``text_pos[k] - k``).

    The compact form of the offset map of :func:`search_form_mapped` (a text has few dropped
    characters, mostly none): ``to_text(i) == offs[i]`` and ``to_form(s) == bisect_left(offs, s)``.
    """

    text_pos: list[int]
    form_pos: list[int]

    def to_text(self, i: int) -> int:
        return i + bisect_right(self.form_pos, i)

    def to_form(self, s: int) -> int:
        return s - bisect_left(self.text_pos, s)


def search_form_drops(text: str, form: str | None = None) -> tuple[str, Drops | None]:
    """:func:`search_form` and its :class:`Drops` (``None`` if nothing was dropped)."""
    if form is None:
        form = search_form(text)
    if len(form) == len(text):
        return form, None
    dropped: list[int] = []
    for m in _ZD_RUN.finditer(text):  # the runs of _DROP_RUN: a leading set lets the regex skip ahead
        s, run = m.start(), m.group()
        if len(run) == 1:
            if run not in _ZW_LIKE:
                dropped.append(s)
            continue
        keep = next((i for i, ch in enumerate(run) if ch in _ZW_LIKE), -1)
        dropped += [s + i for i in range(len(run)) if i != keep]
    return form, Drops(dropped, [p - k for k, p in enumerate(dropped)])


def joined_form(form: str) -> str:
    """Every ZWNJ compound of ``form`` written solid, space-separated (the ``joined`` column)."""
    if ZWNJ not in form:
        return ""
    return " ".join(_COMPOUND.findall(form)).replace(ZWNJ, "")  # no groups: findall gives whole matches


_PREFIXES = ("نمی", "می")
_SUFFIXES = ("هایی", "های", "ها", "ترین", "تر")


def _split_affix(word: str) -> str | None:
    """``میشود`` → ``می شود``: the ZWNJ split of a verb prefix or plural/comparative suffix."""
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return f"{p} {word[len(p):]}"
    for sfx in _SUFFIXES:
        if word.endswith(sfx) and len(word) - len(sfx) >= 2:
            return f"{word[: -len(sfx)]} {sfx}"
    return None


def _term(raw: str) -> str | None:
    """One FTS5 expression for a user word or quoted phrase; ``None`` if it has no word in it."""
    prefix = raw.endswith("*")
    parts = _WORD.findall(search_form(raw.strip('"')))
    if not parts:
        return None
    star = " *" if prefix else ""
    if len(parts) == 1:
        alt = _split_affix(parts[0])
        if alt:
            return f'("{parts[0]}"{star} OR "{alt}"{star})'
        return f'"{parts[0]}"{star}'
    phrase = f'"{" ".join(parts)}"{star}'
    if len(parts) <= 3:
        return f'({phrase} OR "{"".join(parts)}"{star})'
    return phrase


def build_match(query: str) -> str:
    """Turn a user query into a safe FTS5 MATCH expression.

    Words are ANDed; ``"..."`` is a phrase; ``OR`` between two terms means either; a leading
    ``-`` excludes a term; a trailing ``*`` is a prefix search.

        >>> build_match("تهران -سفر")
        '("تهران") NOT ("سفر")'
    """
    q = (query or "").strip()
    if not q:
        raise QueryError("empty search query")
    if q.count('"') % 2:
        raise QueryError(f"unbalanced quote in search query: {query!r}")
    toks = _TOKEN.findall(q)
    for i, tok in enumerate(toks):
        up = tok.upper()
        if up in ("AND", "NOT", "NEAR") or up.startswith("NEAR("):
            raise QueryError(
                f"{tok!r} is not search syntax here: words are ANDed already, -word excludes, a OR b means either"
                f" (query {query!r})"
            )
        if tok == "OR" and (i == 0 or i == len(toks) - 1 or toks[i - 1] == "OR"):
            raise QueryError(f"OR needs a term on each side (query {query!r})")
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for tok in toks:
        if tok == "OR":
            pending_or = bool(positive)
            continue
        neg = tok.startswith("-") and len(tok) > 1
        expr = _term(tok[1:] if neg else tok)
        if expr is None:
            continue
        if neg:
            negative.append(expr)
        elif pending_or and positive:
            positive[-1] = f"{positive[-1]} OR {expr}"
            pending_or = False
        else:
            positive.append(expr)
    if not positive:
        if negative:
            raise QueryError("a search query needs at least one term that is not excluded")
        raise QueryError(f"no searchable word in query: {query!r}")
    match = " AND ".join(f"({p})" for p in positive)
    if negative:
        match += " NOT (" + " OR ".join(negative) + ")"
    return match


def _part_pattern(part: str) -> str:
    """A word of the search form, letting a ZWNJ stand between any two letters (``میشود`` ~ ``می‌شود``)."""
    return "\u200c?".join(re.escape(ch) for ch in part)


def highlight_pattern(query: str) -> re.Pattern[str] | None:
    """A regex over the search form matching the positive terms of ``query`` (for snippets).

    Each term not preceded by a word character: the check stands after the term's first
    letter (``a(?<!\\w.)…`` is ``(?<!\\w)a…``), so the pattern starts with a literal and the
    regex engine skips ahead to the first letters instead of trying every position (ten
    times faster over a long text; the same matches).
    """
    alts: list[tuple[str, int]] = []  # (alternative, length of its first letter's regex)
    q = (query or "").strip()
    if q.count('"') % 2:
        return None
    for tok in _TOKEN.findall(q):
        if tok == "OR" or (tok.startswith("-") and len(tok) > 1):
            continue
        prefix = tok.endswith("*")
        parts = _WORD.findall(search_form(tok.strip('"')))
        if not parts:
            continue
        forms = [parts]
        if len(parts) == 1:
            alt = _split_affix(parts[0])
            if alt:
                forms.append(alt.split(" "))
        for f in forms:
            body = r"[\s\u200c]*".join(_part_pattern(p) for p in f)
            alts.append((body + (r"\w*" if prefix else ""), len(re.escape(f[0][0]))))
    if not alts:
        return None
    alts.sort(key=lambda a: len(a[0]), reverse=True)
    return re.compile("(?:" + "|".join(a[:n] + r"(?<!\w.)" + a[n:] for a, n in alts) + r")(?!\w)")


class FormCache:
    """The search forms (and offset maps) of recently shown texts, so a text is normalized once
    for all the searches that show it (bounded; least recently used out first).

    Keyed by the caller's id and the text's hash, so a changed text is never answered stale.
    """

    def __init__(self, size: int = 2000) -> None:
        self.size = size
        self._items: OrderedDict[tuple[object, int], tuple[str, list[int] | None]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: object, text: str) -> tuple[str, list[int] | None]:
        k = (key, hash(text))
        with self._lock:
            hit = self._items.get(k)
            if hit is not None:
                self._items.move_to_end(k)
                return hit
        form = search_form(text)
        value = (form, None if len(form) == len(text) else search_form_mapped(text, form)[1])
        with self._lock:
            self._items[k] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


# snippets of a text are first cut from the search form of its start only (most first hits are there)
PREFIX = 1500
# a character no highlight pattern can read (they consist of \w, white space and ZWNJ)
_STOP = re.compile(r"[^\w\s\u200c]")


class TextForms:
    """A text with its search form (and :class:`Drops`) computed when needed: first of the text's
    first :data:`PREFIX` characters, of all of it only if a snippet needs more (then kept)."""

    __slots__ = ("text", "_head", "_full")

    def __init__(self, text: str) -> None:
        self.text = text
        self._head: tuple[str, Drops | None] | None = None
        self._full: tuple[str, Drops | None] | None = None

    def head(self) -> tuple[str, Drops | None]:
        if self._head is None:
            self._head = search_form_drops(self.text[:PREFIX])
        return self._head

    def full(self) -> tuple[str, Drops | None]:
        if self._full is None:
            self._full = search_form_drops(self.text)
        return self._full

    def snippet_pieces(self, pattern: re.Pattern[str] | None, before: int = 60,
                       width: int = 220) -> list[tuple[str, bool]]:
        """:func:`snippet_pieces` of the text, the same, from the form of its start when that is enough.

        The form of a text's start is the start of its form (characters are replaced one for
        one or dropped).  It is enough when its first hit leaves the whole window inside it and
        a character the pattern cannot read follows the hit there: no match attempt up to the
        hit (nor the hits in the window) reads past it, so all come out as over the full form.
        """
        text = self.text
        if pattern is None:
            return snippet_pieces(text, None, before, width, forms=(text, None))
        if self._full is None and len(text) > PREFIX:
            form, drops = self.head()
            m = pattern.search(form)
            if m is not None:
                first = m.start() if drops is None else drops.to_text(m.start())
                if first + width <= PREFIX and _STOP.search(form, m.end()) is not None:
                    return snippet_pieces(text, pattern, before, width, forms=(form, drops))
        return snippet_pieces(text, pattern, before, width, forms=self.full())


class TextCache:
    """The texts (with search forms and offset maps) of recently shown articles, by article id,
    valid for one version of the store (:meth:`rasad.store.Store.version`): a search reads the
    version in the same statement as its rows and fetches only the texts it has no entry for.

    A newer version empties the cache; an entry of an older version is never stored.  Bounded
    (least recently used out first); thread-safe.
    """

    def __init__(self, size: int = 2000) -> None:
        self.size = size
        self.version: int | None = None
        self._items: OrderedDict[int, TextForms] = OrderedDict()
        self._lock = threading.Lock()

    def snapshot(self, ids: Iterable[int]) -> tuple[int | None, dict[int, TextForms]]:
        """The cache's version and its entries among ``ids`` (held, so a later eviction does not matter)."""
        with self._lock:
            found = {}
            for i in ids:
                hit = self._items.get(i)
                if hit is not None:
                    self._items.move_to_end(i)
                    found[i] = hit
            return self.version, found

    def put(self, version: int | None, key: int, text: str) -> TextForms:
        """``text`` as :class:`TextForms`; kept if ``version`` is the newest seen."""
        value = TextForms(text)
        if version is None:
            return value
        with self._lock:
            if self.version is None or version > self.version:
                self._items.clear()
                self.version = version
            if version == self.version:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value


def make_snippet(text: str, pattern: re.Pattern[str] | None, hi: str, lo: str,
                 before: int = 60, width: int = 220, forms: tuple[str, list[int] | None] | None = None) -> str:
    """A window of ``text`` around the first hit of ``pattern``, hits wrapped in ``hi``/``lo``.

    The pattern runs over the search form; hits are mapped back to the original spelling.
    ``forms`` is ``(search form, offset map or None)`` of ``text`` if known (see :class:`FormCache`).

        >>> make_snippet("گفت‌وگوی دو وزیر ادامه دارد", highlight_pattern("گفتوگوی"), "[", "]")
        '[گفت‌وگوی] دو وزیر ادامه دارد'
    """
    pieces = snippet_pieces(text, pattern, before, width, forms)
    return "".join(f"{hi}{p}{lo}" if hit else p for p, hit in pieces).replace("\n", " ")


def snippet_pieces(text: str, pattern: re.Pattern[str] | None, before: int = 60, width: int = 220,
                   forms: tuple[str, list[int] | Drops | None] | None = None) -> list[tuple[str, bool]]:
    """The snippet of :func:`make_snippet` as ``(piece, is_hit)`` pairs (``…`` pieces included,
    newlines not yet replaced), for callers that build several markups of one snippet.

    ``forms``: ``(search form, offset map or :class:`Drops` or None)`` of ``text``, if known."""
    if forms is None:
        form = search_form(text)
        offs: list[int] | Drops | None = None if len(form) == len(text) else search_form_drops(text, form)[1]
    else:
        form, offs = forms

    def to_text(i: int) -> int:
        return i if offs is None else offs.to_text(i) if isinstance(offs, Drops) else offs[i]

    def to_form(s: int) -> int:
        return s if offs is None else offs.to_form(s) if isinstance(offs, Drops) else bisect_left(offs, s)

    m = pattern.search(form) if pattern is not None else None
    first = to_text(m.start()) if m else 0
    start = max(0, first - before)
    if start > 0:
        sp = text.find(" ", start, first)
        start = sp + 1 if sp >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        sp = text.rfind(" ", start, end)
        end = sp if sp > start + width // 2 else end
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    pos = start
    if pattern is not None and m is not None:
        fs, fe = to_form(start), to_form(end)
        for h in pattern.finditer(form, fs, fe):
            a, b = to_text(h.start()), to_text(h.end())
            if a < pos or b > end:
                continue
            pieces += [(text[pos:a], False), (text[a:b], True)]
            pos = b
    pieces.append((text[pos:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces

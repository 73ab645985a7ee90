"""The search form of Persian text for SQLite FTS5, and safe FTS5 query building.

FTS5's ``unicode61`` tokenizer splits words at ZWNJ (U+200C), so ``می‌شود`` is indexed as
``می`` + ``شود``.  The store indexes two columns: ``body`` (the text in search form, split at
ZWNJ like FTS5 does) and ``joined`` (each ZWNJ compound written solid).  A query is normalized
the same way, so ``میشود`` finds ``می‌شود`` (via ``joined``) and ``رئیس جمهور`` finds
``رئیس‌جمهور`` (via ``body``)::

    >>> search_form("رئيس‌جمهور گفتگو كرد")
    'رئیس\u200cجمهور گفتگو کرد'
    >>> joined_form("رئیس‌جمهور می‌گوید")
    'رئیسجمهور میگوید'
    >>> build_match('میشود')
    '"میشود"'

User terms are always quoted, so FTS5 operators typed by a user cannot break the query; a
query that still cannot be used (empty, unbalanced quotes, only exclusions) raises
:class:`rasad.errors.QueryError`.
"""

from __future__ import annotations

import re

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
_MULTI_ZWNJ = re.compile(ZWNJ + "{2,}")
_COMPOUND = re.compile(r"\w+(?:\u200c\w+)+")
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r'"[^"]*"|\S+')


def search_form(text: str) -> str:
    """Unify letters, digits and ZWNJ variants and drop diacritics and tatweel (for indexing and queries)."""
    return _MULTI_ZWNJ.sub(ZWNJ, text.translate(_TABLE))


def search_form_mapped(text: str) -> tuple[str, list[int]]:
    """:func:`search_form` plus, for each of its characters, the offset in ``text`` it came from.

    The list has one extra entry, ``len(text)``, so a form span ``[i, j)`` maps to
    ``text[offs[i]:offs[j]]``.
    """
    out: list[str] = []
    offs: list[int] = []
    table = _TABLE
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        if rep is None:
            continue
        r = rep if isinstance(rep, str) else chr(rep)
        if r == ZWNJ and out and out[-1] == ZWNJ:
            continue
        for c in r:
            out.append(c)
            offs.append(i)
    offs.append(len(text))
    return "".join(out), offs


def map_snippet(snippet: str, text: str, hi: str, lo: str) -> str | None:
    """Re-cut an FTS5 snippet of ``search_form(text)`` out of the original ``text``.

    ``snippet`` holds ``hi``/``lo`` around hits and may start or end with ``…``; the result
    has the same markers around the same words, but in the original spelling (digits,
    diacritics and letters as written).  ``None`` if the snippet cannot be located.
    """
    body = snippet
    lead = body.startswith("…")
    trail = body.endswith("…")
    body = body[1 if lead else 0 : len(body) - 1 if trail else len(body)]
    plain = body.replace(hi, "").replace(lo, "")
    form, offs = search_form_mapped(text)
    pos = form.find(plain)
    if pos < 0 or not plain:
        return None
    pieces: list[str] = ["…"] if lead else []
    k = pos  # current index in form
    last = offs[pos]
    for ch in body:
        if ch in (hi, lo):
            cut = offs[k] if k < len(form) else len(text)
            pieces.append(text[last:cut])
            pieces.append(ch)
            last = cut
        else:
            k += 1
    end = offs[k] if k < len(form) else len(text)
    pieces.append(text[last:end])
    if trail:
        pieces.append("…")
    return "".join(pieces)


def joined_form(form: str) -> str:
    """Every ZWNJ compound of ``form`` written solid, space-separated (the ``joined`` column)."""
    return " ".join(m.group().replace(ZWNJ, "") for m in _COMPOUND.finditer(form))


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

        >>> build_match('رئیس‌جمهور -سفر')
        '(("رئیس جمهور" OR "رئیسجمهور")) NOT ("سفر")'
    """
    q = (query or "").strip()
    if not q:
        raise QueryError("empty search query")
    if q.count('"') % 2:
        raise QueryError(f"unbalanced quote in search query: {query!r}")
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for tok in _TOKEN.findall(q):
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

"""The character- and line-level normalization steps.

Each step is built by a factory (which loads its data once) and is a function
``MappedText -> MappedText``, so every edit keeps the map back to the raw text::

    >>> from rasad.normalize.textmap import MappedText
    >>> arabic_letters()(MappedText.of("كتاب علي ٢٠")).text
    'کتاب علی ۲۰'
    >>> spacing()(MappedText.of("  گفت :«سلام»  \\n\\n  او   رفت ")).text
    'گفت: «سلام»\\nاو رفت'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from rasad.normalize.resources import load_yaml
from rasad.normalize.textmap import MappedText

Step = Callable[[MappedText], MappedText]

FA_LETTERS = "\u0621-\u063a\u0641-\u064b\u067e\u0686\u0698\u06a9\u06af\u06cc"
FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
EN_DIGITS = "0123456789"
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def arabic_letters() -> Step:
    """Arabic letter forms and Arabic-Indic digits → Persian (``ي ك ى ۀ`` → ``ی ک ی ه``, ``٢`` → ``۲``).

    Presentation forms (``ﻻ``, ``ﺑ``) are folded by NFKC; ``ة`` is kept (Arabic words and names).
    """
    letters = {k: v for k, v in load_yaml("normalize.yaml")["letters"].items() if k != v}
    table: dict[int, str | int | None] = {ord(k): v for k, v in letters.items()}
    found = re.compile("[" + re.escape("".join(letters)) + "]")
    pres = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")

    def step(m: MappedText) -> MappedText:
        if found.search(m.text):
            m = m.translate(table)
        if pres.search(m.text):
            m = m.sub(pres, lambda x: unicodedata.normalize("NFKC", x.group(0)).translate(table))
        return m

    return step


def digits(policy: str = "keep") -> Step:
    """Digit policy: ``keep`` (as written), ``fa`` (``2025`` → ``۲۰۲۵``) or ``en`` (``۱۶:۳۰`` → ``16:30``).

    Only digit characters change, one for one: separators of times and dates
    (``۱۶:۳۰``, ``۱۴۰۳/۱۲/۰۹``, ``2.5``) are never rewritten.
    """
    if policy == "keep":
        return lambda m: m
    table: dict[int, str | int | None]
    if policy == "fa":
        table = dict(str.maketrans(EN_DIGITS + AR_DIGITS, FA_DIGITS * 2))
    elif policy == "en":
        table = dict(str.maketrans(FA_DIGITS + AR_DIGITS, EN_DIGITS * 2))
    else:
        raise ValueError(f"digits policy must be keep, fa or en, not {policy!r}")
    return lambda m: m.translate(table)


def invisible() -> Step:
    """Remove soft hyphens, ZWJ, bidi marks, kashida and harakat; tidy ZWNJs.

    Runs of ZWNJ collapse to one; a ZWNJ next to a space, punctuation or a line
    end is dropped (``می‌ شود`` → ``می شود``; one between a digit and a letter
    stays); odd spaces (NBSP, thin space) become spaces and
    CR / line separators become newlines.  Decomposed ``آ ئ ؤ`` are composed; tanwin
    fathatan (``اصلاً``) is kept.
    """
    marks = load_yaml("normalize.yaml")["drop_marks"]
    space_chars = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f"
    odd = re.compile(f"[{space_chars}\r\u2028\u2029\u0085{marks}\u0654]")
    drop = re.compile(f"[{marks}]+")
    heh_hamza = re.compile("ه\u0654")
    composed = {"ا\u0653": "آ", "ا\u0654": "أ", "و\u0654": "ؤ", "ی\u0654": "ئ", "ي\u0654": "ئ"}
    compose = re.compile("|".join(composed))
    spaces = re.compile(f"[{space_chars}]")
    newlines = re.compile("\r\n?|[\u2028\u2029\u0085]")
    zw_run = re.compile("\u200c{2,}")
    # a ZWNJ before a non-word character, or at the start / after a non-alphanumeric
    # one (``[^\W_]`` is ``str.isalnum``); runs are collapsed first, so no
    # ZWNJ touches another and both rules can be applied in one pass
    zw_drop = re.compile(r"\u200c(?:(?!\w)|(?<![^\W_]\u200c))")

    # replacements are callables: a template string would be parsed again for every match
    def newline(_: re.Match[str]) -> str:
        return "\n"

    def space(_: re.Match[str]) -> str:
        return " "

    def nothing(_: re.Match[str]) -> str:
        return ""

    def heh(_: re.Match[str]) -> str:
        return "ه"

    def one_zwnj(_: re.Match[str]) -> str:
        return "\u200c"

    def step(m: MappedText) -> MappedText:
        if odd.search(m.text):
            m = m.sub(compose, lambda x: composed[x.group(0)])  # decomposed آ / ئ / ؤ
            m = m.sub(newlines, newline)
            m = m.sub(spaces, space)
            m = m.sub(drop, nothing)
            m = m.sub(heh_hamza, heh)
        t = m.text
        if "\u200c" in t:
            if "\u200c\u200c" in t:
                m = m.sub(zw_run, one_zwnj)
                t = m.text
            m = m.edit([(x.start(), x.end(), "") for x in zw_drop.finditer(t)])
        return m

    return step


def spacing() -> Step:
    """Spaces: collapse runs, none before ``، . ؛ : ! ؟ ) »``, one after them before a Persian letter.

    Numbers keep their inner punctuation (``2.5``, ``۱۶:۳۰``, ``۱,۰۰۰``); ``«`` gets a space
    before and none after; lines are trimmed and empty lines dropped.
    """
    fa = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("پچژکگی")
    # spaces to delete: all but the last of a run, before closing punctuation, after openers
    del_before = re.compile(r" (?=[ \n،؛؟!,:)\]»]|\.(?![.0-9۰-۹])|\Z)")
    del_after = re.compile(r"[«(\[\n] +|\A +")
    blank_lines = re.compile(r"\n\n+")
    # a space to insert after punctuation that touches a Persian letter
    # (only from the start of a run, taken whole: "." * 40000 must not be retried at every dot)
    punct = re.compile(f"(?<![،؛؟!:.)\\]»])[،؛؟!:.)\\]»]++(?=[{FA_LETTERS}«(])")
    close_digit = re.compile(r"[»)\]](?=[0-9۰-۹])")
    opener = re.compile(r"[«(\[]")

    tabs: dict[int, str | int | None] = {ord("\t"): " ", ord("\v"): " ", ord("\f"): " ", ord("\r"): "\n"}

    def step(m: MappedText) -> MappedText:
        t = m.text
        if "\t" in t or "\r" in t or "\v" in t or "\f" in t:
            m = m.translate(tabs)
            t = m.text
        dels: list[tuple[int, int, str]] = []
        dels.extend((x.start(), x.end(), "") for x in del_before.finditer(t))
        if t.startswith(" ") or "\n " in t or "« " in t or "( " in t or "[ " in t:
            dels.extend((x.start() + (x.group(0)[0] != " "), x.end(), "") for x in del_after.finditer(t))
        if dels:
            m = m.edit(_merge_edits(dels))
            t = m.text
        if "\n\n" in t:
            m = m.edit([(x.start() + 1, x.end(), "") for x in blank_lines.finditer(t)])
            t = m.text
        ins: list[tuple[int, int, str]] = []
        for x in punct.finditer(t):
            p, g = x.start(), x.group(0)
            if g[-1] in "»)]" or (p >= 2 and t[p - 1] in fa and t[p - 2] in fa):
                ins.append((x.end(), x.end(), " "))
        ins.extend((x.end(), x.end(), " ") for x in close_digit.finditer(t))
        for x in opener.finditer(t):
            p = x.start()
            if p and not t[p - 1].isspace() and t[p - 1] not in "«([":
                ins.append((p, p, " "))
        if ins:
            m = m.edit(sorted(set(ins)))
        return m.strip()

    return step


def _merge_edits(dels: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sort deletions and merge overlapping ones."""
    out: list[tuple[int, int, str]] = []
    for s, e, _ in sorted(dels):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]), "")
        else:
            out.append((s, e, ""))
    return out


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _drop_lines(m: MappedText, keep: list[bool]) -> MappedText:
    """Remove the lines whose flag is False, with their newline."""
    spans = _line_spans(m.text)
    ranges: list[tuple[int, int]] = []
    n = len(m.text)
    for (s, e), k in zip(spans, keep, strict=True):
        if not k:
            ranges.append((s, min(e + 1, n)))
    if not ranges:
        return m
    out = m.drop_ranges(_merge(ranges))
    return out.sub(r"\n+\Z", "") if out.text.endswith("\n") else out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in ranges:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def boilerplate() -> Step:
    """Drop lines that are entirely agency boilerplate (``/انتهای پیام/``, ``کد خبر: ۱۲۳``).

    A line is dropped only when a whole-line pattern of ``normalize.yaml`` matches it.
    """
    pats = load_yaml("normalize.yaml")["boilerplate"]
    rx = re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + r")\Z")

    def step(m: MappedText) -> MappedText:
        keep = [not rx.match(line.strip()) for line in m.text.split("\n")]
        return m if all(keep) else _drop_lines(m, keep)

    return step


def dedupe() -> Step:
    """Drop a line identical (ignoring spaces and ZWNJ) to an earlier one; keep the first."""

    def step(m: MappedText) -> MappedText:
        seen: set[str] = set()
        keep: list[bool] = []
        for line in m.text.split("\n"):
            key = line.replace(" ", "").replace("\u200c", "")
            keep.append(not key or key not in seen)
            seen.add(key)
        return m if all(keep) else _drop_lines(m, keep)

    return step

"""Loading and compiling the event grammar data (``rasad/data/events/*.yaml``).

Patterns are regular expressions written in normalized Persian with two
conventions: a space matches any run of spaces or ZWNJs, and a ZWNJ is optional
(it may also be a space), so ``گفت‌وگو`` matches ``گفتوگو`` and ``گفت وگو``.
``<w>`` stands for one word.

    >>> compile_fa("تماس تلفنی").search("در تماس  تلفنی گفت") is not None
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rasad.cache import LazyPattern

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
ZWNJ = "\u200c"
WORD = r"[^\s.،؛:!?؟«»()\[\]\"“”]+"
SPACE = r"[ \u200c\u00a0\t]+"


_CONVENTIONS = re.compile("<w>| +|" + ZWNJ)  # the data conventions, leftmost first


def _expand(m: re.Match[str]) -> str:
    tok = m.group()
    if tok == "<w>":
        return WORD
    return r"[ \u200c]?" if tok == ZWNJ else SPACE


def to_regex(pattern: str) -> str:
    """Expand the data conventions of a pattern into a plain regex string: ``<w>`` is one
    word, a run of spaces any run of spaces or ZWNJs, a ZWNJ an optional ZWNJ or space."""
    return _CONVENTIONS.sub(_expand, pattern)


def compile_fa_pattern(pattern: str, bounded: bool = False) -> str:
    """The regex of a data pattern; ``bounded`` adds word boundaries on both sides."""
    rx = to_regex(pattern)
    if bounded:
        rx = r"(?<![\w\u200c])(?:" + rx + r")(?![\w\u200c])"
    return rx


def compile_fa(pattern: str, bounded: bool = False) -> LazyPattern:
    """A data pattern, compiled on first use; ``bounded`` adds word boundaries on both sides."""
    return LazyPattern(compile_fa_pattern(pattern, bounded))


@cache
def load_yaml(name: str) -> dict[str, Any]:
    """Read one YAML file of ``rasad/data/events`` (cached; treat as read-only)."""
    from rasad.cache import load_yaml as cached_yaml  # start-up cache of the parsed file

    data = cached_yaml(DATA_DIR / name)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping")
    return data


@dataclass(frozen=True)
class Trigger:
    """One trigger pattern of ``triggers.yaml``."""

    index: int
    type: str
    pattern: str
    kind: str
    mode: str | None = None
    status: str | None = None
    source: str = "subject"
    speech: bool = False
    requires: LazyPattern | None = None
    continues: bool = False
    needs_target: bool = False
    object_inside: bool = False  # the demanded act is inside the match: خواستار خروج X شد
    party_before: bool = False  # the party asked is the subject right before it: X باید ...
    claim_blocks: bool = False  # a claim or report as the object makes it no event: خبر X را تأیید کرد
    unless: LazyPattern | None = None  # no event when this ends right before it in its clause


_META = set("()[]{}?*+|.^$\\")


def _split_top(p: str) -> list[str]:
    """Split a regex on its top-level ``|``."""
    parts, depth, cur, i = [], 0, [], 0
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            cur.append(p[i : i + 2])
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    parts.append("".join(cur))
    return parts


def anchors(pattern: str) -> set[str]:
    """Literal words a match of ``pattern`` must start with (its first word up to a
    space or ZWNJ), used to find candidate positions fast.  Empty when unknown.

    >>> sorted(anchors("(?:اولین |نخستین )?تماس(?:ها)"))
    ['اولین', 'تماس', 'نخستین']
    """
    out: set[str] = set()
    for alt in _split_top(pattern):
        if alt.startswith("(?:"):
            depth, j = 0, 0
            while j < len(alt):
                if alt[j] == "(":
                    depth += 1
                elif alt[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            inner, rest = alt[3:j], alt[j + 1 :]
            optional = rest.startswith("?") or rest.startswith("*")
            sub = anchors(inner)
            if not sub or any(not a for a in _split_top(inner)):
                return set()
            out |= sub
            if optional:
                more = anchors(rest[1:])
                if not more:
                    return set()
                out |= more
            continue
        lit = []
        for ch in alt:
            if ch in _META or ch in (" ", ZWNJ):
                break
            lit.append(ch)
        if len(lit) < 2:
            return set()
        word = "".join(lit)
        if len(word) <= 2 and alt[len(word) : len(word) + 1] == " ":
            # a short common first word (به, در): anchor on the two words (به توافق)
            second = []
            for ch in alt[len(word) + 1 :]:
                if ch in _META or ch in (" ", ZWNJ):
                    break
                second.append(ch)
            if len(second) >= 2:
                word = f"{word} {''.join(second)}"
        out.add(word)
    return out


def load_triggers() -> tuple[list[Trigger], LazyPattern]:
    """The triggers and one combined regex with a named group ``t<i>`` per trigger."""
    data = load_yaml("triggers.yaml")
    kinds: dict[str, str] = data["defaults"]["kind"]
    triggers: list[Trigger] = []
    parts: list[str] = []
    for i, row in enumerate(data["triggers"]):
        req = row.get("requires")
        t = Trigger(
            index=i,
            type=row["type"],
            pattern=row["pattern"],
            kind=row.get("kind") or kinds[row["type"]],
            mode=row.get("mode"),
            status=row.get("status"),
            source=row.get("source", "subject"),
            speech=bool(row.get("speech", False)),
            requires=LazyPattern(compile_fa_pattern(req)) if req else None,
            continues=bool(row.get("continues", False)),
            needs_target=bool(row.get("needs_target", False)),
            party_before=bool(row.get("party_before", False)),
            object_inside=bool(row.get("object_inside", False)),
            claim_blocks=bool(row.get("claim_blocks", False)),
            unless=LazyPattern(compile_fa_pattern(row["unless"]) + "$") if row.get("unless") else None,
        )
        triggers.append(t)
        parts.append(f"(?P<t{i}>{to_regex(t.pattern)})")
    combined = LazyPattern(r"(?<![\w\u200c])(?:" + "|".join(parts) + r")(?![\w\u200c])")  # compiled if used
    return triggers, combined


def cameo_code(etype: str, mode: str | None) -> str | None:
    """The CAMEO code beside a POLECAT type, e.g. ``("CONSULT", "phone")`` → ``"041"``."""
    table: dict[str, str] = load_yaml("triggers.yaml")["cameo"]
    if mode and f"{etype}/{mode}" in table:
        return table[f"{etype}/{mode}"]
    return table.get(etype)


def alternation(words: list[str]) -> str:
    """A regex alternation of data words, longest first."""
    return "(?:" + "|".join(to_regex(w) for w in sorted(words, key=len, reverse=True)) + ")"


class TriggerFinder:
    """Finds trigger matches fast: Aho-Corasick over the anchor words of every
    trigger, then the trigger's own regex at each hit (first trigger in file
    order wins; matches do not overlap)."""

    def __init__(self, triggers: list[Trigger]) -> None:
        import ahocorasick

        # compiled when a text first has the trigger's anchor word (start-up)
        self.patterns = [LazyPattern(to_regex(t.pattern) + r"(?![\w\u200c])") for t in triggers]
        by_anchor: dict[str, list[int]] = {}
        for t in triggers:
            words = anchors(t.pattern)
            if not words:
                raise ValueError(f"trigger {t.pattern!r}: no anchor word can be derived")
            for w in words:
                by_anchor.setdefault(w, []).append(t.index)
        self.automaton = ahocorasick.Automaton()
        for w, idx in by_anchor.items():
            self.automaton.add_word(w, (len(w), tuple(sorted(idx))))
        self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, trigger index)`` of every trigger match, in text order."""
        hits: list[tuple[int, tuple[int, ...]]] = []
        for end, (n, idx) in self.automaton.iter(text):
            start = end - n + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == ZWNJ):
                continue
            hits.append((start, idx))
        hits.sort()
        out: list[tuple[int, int, int]] = []
        last = 0
        for k, (start, _idx) in enumerate(hits):
            if start < last or (k and hits[k - 1][0] == start):
                continue  # inside the previous match, or a start already tried
            same: set[int] = set()
            j = k
            while j < len(hits) and hits[j][0] == start:
                same.update(hits[j][1])
                j += 1
            pool = sorted(same)
            for i in pool:
                m = self.patterns[i].match(text, start)
                if m and m.end() > start:
                    out.append((start, m.end(), i))
                    last = m.end()
                    break
        return out


@cache
def talk_nouns() -> LazyPattern:
    """Nouns of a conversation that may have been held by phone (``گفت‌وگو``, ``مذاکرات``)."""
    return compile_fa(load_yaml("triggers.yaml")["talk_nouns"])

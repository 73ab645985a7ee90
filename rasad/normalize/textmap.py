"""Text edits that keep an offset map back to the raw text.

:class:`MappedText` holds a string and, for every character of it, the offset of
the raw character it came from (plus one final entry for the end).  Every
normalization step edits a ``MappedText`` so that spans found later in the
normalized text can be mapped back to the raw article.

    >>> m = MappedText.of("مي شود")
    >>> m = m.translate(str.maketrans({"ي": "ی"}))
    >>> m = m.sub(r"می ", lambda _m: "می\u200c")
    >>> m.text == "می\u200cشود", m.offsets[-1]
    (True, 6)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MappedText:
    text: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, raw: str, base: int = 0) -> MappedText:
        return cls(raw, tuple(range(base, base + len(raw) + 1)))

    def translate(self, table: dict[int, str | int | None]) -> MappedText:
        """Apply a one-to-one character table (values must be single characters)."""
        return MappedText(self.text.translate(table), self.offsets)

    def sub(
        self,
        pattern: str | re.Pattern[str],
        repl: str | Callable[[re.Match[str]], str],
        count: int = 0,
    ) -> MappedText:
        """Like :func:`re.sub`, keeping offsets.

        Characters of an equal-length replacement map one to one; otherwise each
        new character maps to the start of what it replaced, and an insertion
        maps to the character that follows it.
        """
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        text, offs = self.text, self.offsets
        out: list[str] = []
        omap: list[int] = []
        pos = 0
        n = 0
        for m in rx.finditer(text):
            s, e = m.span()
            r = repl(m) if callable(repl) else m.expand(repl)
            if r == m.group(0):
                continue
            out.append(text[pos:s])
            omap.extend(offs[pos:s])
            if len(r) == e - s:
                omap.extend(offs[s:e])
            elif e > s:
                omap.extend([offs[s]] * len(r))
            else:
                omap.extend([offs[s]] * len(r))
            out.append(r)
            pos = e
            n += 1
            if count and n >= count:
                break
        if not n:
            return self
        out.append(text[pos:])
        omap.extend(offs[pos:])
        return MappedText("".join(out), tuple(omap))

    def edit(self, edits: list[tuple[int, int, str]]) -> MappedText:
        """Apply ``(start, end, replacement)`` edits (sorted, non-overlapping) in one pass.

        Same offset rules as :meth:`sub`; an insertion (``start == end``) maps to the
        character that follows it.

            >>> MappedText.of("آنها").edit([(2, 2, "\u200c")]).offsets
            (0, 1, 2, 2, 3, 4)
        """
        if not edits:
            return self
        text, offs = self.text, self.offsets
        out: list[str] = []
        omap: list[int] = []
        pos = 0
        for s, e, r in edits:
            out.append(text[pos:s])
            omap.extend(offs[pos:s])
            if len(r) == e - s:
                omap.extend(offs[s:e])
            else:
                omap.extend([offs[s]] * len(r))
            out.append(r)
            pos = e
        out.append(text[pos:])
        omap.extend(offs[pos:])
        return MappedText("".join(out), tuple(omap))

    def slice(self, start: int, end: int) -> MappedText:
        return MappedText(self.text[start:end], self.offsets[start:end] + (self.offsets[end],))

    def drop_ranges(self, ranges: list[tuple[int, int]]) -> MappedText:
        """Remove the given ``[start, end)`` ranges (sorted, non-overlapping)."""
        if not ranges:
            return self
        out: list[str] = []
        omap: list[int] = []
        pos = 0
        for s, e in ranges:
            out.append(self.text[pos:s])
            omap.extend(self.offsets[pos:s])
            pos = e
        out.append(self.text[pos:])
        omap.extend(self.offsets[pos:])
        return MappedText("".join(out), tuple(omap))

    def strip(self) -> MappedText:
        t = self.text
        s = len(t) - len(t.lstrip())
        e = len(t.rstrip())
        if s == 0 and e == len(t):
            return self
        return self.slice(s, max(s, e))

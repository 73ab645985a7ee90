"""Sentence boundaries over the normalized text, as offsets.

A sentence ends at ``. ! ? ؟`` (with any closing ``» ) "``) followed by a space or the
end of a line, except after an abbreviation or an initial (``ج.ا.ا.``, ``U.S.``,
``آ. ب.``), inside a number (``2.5``), or inside a «...» quote after which the sentence
goes on (``«... نیست. ...» و جلسه را ترک کرد``); a quote that ends its sentence (``.»``,
or at the end of the line) is split like plain text.  No sentence crosses a newline::

    >>> split_sentences("او گفت: «دیدار نمی‌شود. زود است.» سپس رفت. ساعت ۱۶:۳۰ رسید!")
    [(0, 23), (24, 33), (34, 42), (43, 59)]
"""

from __future__ import annotations

import re
from itertools import accumulate

from rasad.model import Sentence
from rasad.normalize.resources import load_yaml

END_RX = re.compile(r"[.!?؟…]+[»\"”’)\]]*(?= |\Z)")
QUOTE_RX = re.compile("[«»]")
DOTTED_RX = re.compile(r"(?:\w\.)+\w")
NON_SPACE_RX = re.compile(r"\S")


class SentenceSplitter:
    """Rule-based splitter that returns ``(start, end)`` spans (trimmed, within lines)."""

    def __init__(self) -> None:
        abbr = load_yaml("normalize.yaml").get("abbreviations", [])
        self.abbreviations = frozenset(a.rstrip(".").lower() for a in abbr)

    def _is_abbrev(self, line: str, dot: int) -> bool:
        w = line[line.rfind(" ", 0, dot) + 1 : dot].lstrip("«(\"'“").rstrip(".").lower()
        if not w:
            return False
        if len(w) == 1 and w.isalpha():
            return True  # an initial: آ. / J.
        return w in self.abbreviations or bool(DOTTED_RX.fullmatch(w))

    @staticmethod
    def _quotes(line: str) -> list[tuple[int, int]]:
        """``(open, close)`` offsets of the «...» quotes of a line (an unclosed one runs to the end)."""
        spans: list[tuple[int, int]] = []
        stack: list[int] = []
        for q in QUOTE_RX.finditer(line):
            if q.group(0) == "«":
                stack.append(q.start())
            elif stack:
                spans.append((stack.pop(), q.start()))
        spans.extend((o, len(line)) for o in stack)
        return spans

    @staticmethod
    def _continuing_cover(line: str, quotes: list[tuple[int, int]]) -> list[int] | None:
        """How many quotes that the sentence goes on after cover each position ``p`` (``open < p <= close``).

        A quote ``«...»`` continues when text other than end punctuation follows it and it does
        not itself end with end punctuation (``«... است.»`` closes its sentence).  A sentence end
        ``m`` lies inside such a quote when the count at ``m.end()`` is positive (``m`` holds no
        ``«``).  One pass over the quotes, so many quotes on one line cost linear time.
        """
        diff: list[int] | None = None
        for o, c in quotes:
            nxt = NON_SPACE_RX.search(line, c + 1)
            if nxt is None or nxt.group(0) in ".!?؟":
                continue
            if c > 0 and line[c - 1] in ".!?؟…":
                continue
            if diff is None:
                diff = [0] * (len(line) + 2)
            diff[o + 1] += 1
            diff[c + 1] -= 1
        if diff is None:
            return None
        return list(accumulate(diff))

    def split_line(self, line: str, base: int = 0) -> list[tuple[int, int]]:
        """Sentence spans of one line, offsets shifted by ``base``."""
        cuts: list[int] = []
        cover = self._continuing_cover(line, self._quotes(line)) if "«" in line else None
        for m in END_RX.finditer(line):
            if m.group(0) == "." and self._is_abbrev(line, m.start()):
                continue
            if cover is not None and cover[m.end()] > 0:
                continue
            cuts.append(m.end())
        spans: list[tuple[int, int]] = []
        start = 0
        for c in cuts + [len(line)]:
            seg = line[start:c]
            s = start + (len(seg) - len(seg.lstrip()))
            e = start + len(seg.rstrip())
            if e > s:
                spans.append((base + s, base + e))
            start = c
        return spans

    def __call__(self, text: str) -> list[Sentence]:
        out: list[Sentence] = []
        pos = 0
        for line in text.split("\n"):
            out.extend(Sentence(s, e) for s, e in self.split_line(line, pos))
            pos += len(line) + 1
        return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Convenience wrapper: spans of ``text`` (loads the abbreviation list each call)."""
    return [(s.start, s.end) for s in SentenceSplitter()(text)]

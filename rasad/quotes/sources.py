"""Publications and authors as speakers.

Analysis pieces report what an outlet or an article's author says:

* ``نشریه فارن پالیسی می‌نویسد``، ``گزارش رویترز ادامه می‌دهد`` → the outlet (an ORG
  mention after a publication noun);
* ``این نشریه می‌افزاید``، ``بنا بر این گزارش، ...`` → the outlet named last before;
* ``نویسنده این مقاله می‌گوید`` → the person introduced as the author
  (``علی رضایی در مقاله‌ای ... نوشته است``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasad.model import Article

from .lexicon import ZWNJ

if TYPE_CHECKING:
    from .mentions import Cand, Speaker, Word
    from .speaker import Resolver

_FOLD = str.maketrans({ZWNJ: None, " ": None})
_REPORT = "گزارش"
_DATELINE = re.compile(r"\s*به\s+گزارش\s")
_TAIL = re.compile(r"([^\s«»،,.:]+)(?:\s+([^\s«»،,.:]+))?[\s«]*$")  # «وب‌سایت خبری X»: two words


def _fold(s: str) -> str:
    return s.translate(_FOLD)


class Sources:
    """Outlet and author lookups of one article (built lazily by the resolver)."""

    def __init__(
        self,
        doc: Article,
        cands: list[Cand],
        outlet_nouns: frozenset[str],
        work_nouns: frozenset[str],
        publishers: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.cands = cands
        self.outlet_nouns = outlet_nouns
        self.work_nouns = work_nouns
        self.publishers = publishers
        self._outlets: list[Cand] | None = None
        self._author: Cand | None = None
        self._author_done = False

    def is_outlet_noun(self, folded: str) -> bool:
        """``نشریه``، ``خبرگزاری``، ``گزارش``، ``مقاله``…  (folded, with or without ezafe ی)."""
        return folded in self.outlet_nouns or (folded.endswith("ی") and folded[:-1] in self.outlet_nouns)

    def outlets(self) -> list[Cand]:
        """ORG mentions introduced by a publication noun (``نشریه «فارن پالیسی»``) or that
        contain one (``خبرگزاری آسوشیتدپرس``), in text order."""
        if self._outlets is None:
            out = []
            for c in self.cands:
                if c.entity.type != "ORG":
                    continue
                first = _fold(c.text.split()[0]) if c.text.split() else ""
                m = _TAIL.search(self.text, max(0, c.start - 30), c.start)
                # the word before, or the two words before as one outlet noun (وب‌سایت خبری)
                before = [_fold(g) for g in m.groups() if g] if m else []
                before = [before[-1], "".join(before)] if before else []
                if (self.is_outlet_noun(first) or any(map(self.is_outlet_noun, before))) and not (
                    self._dateline(c.start) and self._publisher(c.text)
                ):
                    out.append(c)  # a foreign outlet opening the article (به گزارش آکسیوس) counts
            self._outlets = out
        return self._outlets

    def _publisher(self, phrase: str) -> bool:
        """Does ``phrase`` name a publisher of Persian news (``خبرگزاری فارس``، ``همشهری‌آنلاین``)?"""
        folded = _fold(phrase.replace("«", "").replace("»", ""))
        return not self.publishers or any(p in folded for p in self.publishers)

    def _dateline(self, pos: int) -> bool:
        """Is ``pos`` inside the article's own dateline (``به گزارش خبرگزاری فارس``)?"""
        line = self.text.rfind("\n", 0, pos) + 1
        head = self.text[line:pos]
        return "،" not in head and "," not in head and _DATELINE.match(self.text, line) is not None

    def last_outlet(self, pos: int) -> Cand | None:
        """The outlet named last before ``pos``."""
        best = None
        for c in self.outlets():
            if c.start >= pos:
                break
            best = c
        return best

    def author(self) -> Cand | None:
        """The first person named in the first sentence about an article (``مقاله``،
        ``یادداشت``): ``«فیلیپ گوردون» ... مقاله‌ای ... نوشته است``."""
        if self._author_done:
            return self._author
        self._author_done = True
        for s in self.doc.sentences:
            seg = self.text[s.start : s.end]
            if not any(_fold(w.strip("«»،,.")) in self.work_nouns for w in seg.split()):
                continue
            for c in self.cands:
                if s.start <= c.start < s.end and c.entity.type == "PER":
                    self._author = c
                    return c
        return None


def source_subject(res: Resolver, ws: list[Word], i: int) -> tuple[list[Speaker], str, int] | None:
    """An outlet or an author as the subject (see :mod:`rasad.quotes.sources`)."""
    first = ws[i][3]
    src = res.sources
    nxt = ws[i + 1][3] if i + 1 < len(ws) else ""
    if first in res.t.author_nouns and (
        not nxt or nxt in res.t.demonstratives or nxt in res.t.work_nouns or src.is_outlet_noun(nxt)
    ):  # «نویسنده این مقاله»، «نویسنده» → the author; not «نویسنده آمریکایی X»
        a = src.author()
        end = (
            ws[min(i + 2, len(ws) - 1)][1]
            if i + 1 < len(ws) and ws[i + 1][3] in res.t.demonstratives
            else ws[i][1]
        )
        return ([res.speaker_of(a)], "mention", end) if a is not None else ([], "pronoun", end)
    rest = [w for w in ws[i + 1 :] if w[3] not in res.adverb_words]
    if first == _REPORT and not rest:
        # «گزارش می‌افزاید»: the bare report of the outlet named last (no outlet: no speaker)
        o = src.last_outlet(ws[i][0])
        return ([res.speaker_of(o)], "mention", ws[i][1]) if o is not None else ([], "unknown", ws[i][0])
    if i + 1 >= len(ws):
        return None
    if first in res.t.demonstratives and src.is_outlet_noun(ws[i + 1][3]):
        o = src.last_outlet(ws[i][0])  # «این نشریه» → the outlet named last, never a person
        return ([res.speaker_of(o)], "mention", ws[i + 1][1]) if o is not None else ([], "unknown", ws[i][0])
    if src.is_outlet_noun(first) or first in res.t.org_heads:
        # «گزارش فارن پالیسی»، «شبکه خبری المیادین»، «گروه «X»» → the outlet or organization
        for k in range(i + 1, min(len(ws), i + 3)):
            c = res.index.starting_at(ws[k][0]) or res.index.starting_at(ws[k][0] + 1)
            if c is not None:
                return ([res.speaker_of(c)], "mention", c.end) if c.entity.type == "ORG" else None
            if ws[k][3] in res.preps:
                break
    return None


def document_speaker(res: Resolver, nouns: frozenset[str], start: int, end: int) -> list[Speaker] | None:
    """The speaker of a document cue (``آمده است``، ``ادعا شده است``) in ``text[start:end]``:
    ``بیانیه کرملین`` → the organization named after the document noun; ``این گزارش`` → the
    outlet named last; a document of no one named → ``[]`` (the salient speaker). ``None``
    when the clause names no document (``او به تهران آمده است``: not a report)."""
    from .mentions import words

    ws = words(res.text, start, end)
    for k, w in enumerate(ws):
        key = w[3][:-1] if w[3].endswith("ی") and w[3][:-1] in nouns else w[3]
        if key not in nouns:
            continue
        for j in range(k + 1, min(len(ws), k + 3)):
            c = res.index.starting_at(ws[j][0]) or res.index.starting_at(ws[j][0] + 1)
            if c is not None and c.entity.type in ("ORG", "PER", "GPE"):
                return [res.speaker_of(c)]
        if k > 0 and ws[k - 1][3] in res.t.demonstratives:
            o = res.sources.last_outlet(w[0])
            if o is not None:
                return [res.speaker_of(o)]
        return []
    return None

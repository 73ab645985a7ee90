"""Title, dateline, outlet and byline read from the normalized text.

* Title: the first line when it reads as a headline (short, no sentence-final
  full stop, more text after it).  A title given by the input's metadata wins.
* Dateline: with no date header or metadata date, a stand-alone date line near
  the top (``3 سپتامبر 2025``), else the first full date of the lead
  (``روز پنجشنبه نهم اسفندماه ۱۴۰۳``), found by the time tagger.
* Outlet and byline: ``به گزارش خبرگزاری فارس، ...``, ``باشگاه خبرنگاران جوان؛ نام نویسنده - ...``.

    >>> from rasad.model import Article
    >>> d = Article(raw="", text="گفت‌وگوی دو وزیر در ژنو\\nبه گزارش خبرگزاری ایرنا، دو وزیر دیدار کردند.")
    >>> d = MetadataStage(None)(d)
    >>> d.title, d.source
    ('گفت‌وگوی دو وزیر در ژنو', 'خبرگزاری ایرنا')
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from rasad.model import Article

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATELINE_CHARS = 1000


@lru_cache(maxsize=1)
def load_metadata_lexicon() -> dict[str, Any]:
    path = resources.files("rasad") / "data" / "lexicons" / "metadata.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class MetadataStage:
    """Fills ``title``, ``published`` (from a dateline), ``source`` and ``byline``."""

    name = "metadata"

    def __init__(self, time_stage: Any) -> None:
        self.time_stage = time_stage
        lex = load_metadata_lexicon()
        self.max_words = int(lex["title"]["max_words"])
        self.max_chars = int(lex["title"]["max_chars"])
        self.final = tuple(lex["title"]["sentence_final"])
        self.openers = re.compile(rf"^(?:{_alt(lex['report_openers'])})\s+")
        self.names_rx = re.compile(rf"(?<![^\s«])(?:{_alt(lex['outlet_names'])})(?![^\s،,؛:»])")
        self.head_rx = re.compile(rf"(?<![^\s«])(?:{_alt(lex['outlet_heads'])})\s+[^\s،,؛:«»()\-–_]+")
        self.desk_rx = re.compile(rf"^(?:{_alt(lex['desk_words'])})\s")
        self.clause_end = re.compile(r"[،,:؛]|\s+به\s+نقل|\s+و\s+به|\s+در\s")
        self.byline_rx = re.compile(r"^(?P<outlet>[^\n؛;\-–_:]{2,40}?)\s*(?:[؛;]\s*(?P<byline>[^\n\-–_:]{2,40}?)\s*)?\s*[-–_:]\s")

    def _find_outlet(self, clause: str) -> str | None:
        m = self.head_rx.search(clause) or self.names_rx.search(clause)
        return m.group(0).strip() if m else None

    # --- title --------------------------------------------------------------
    def _title(self, doc: Article) -> None:
        if doc.title:
            doc.title = doc.title.strip()
            return
        text = doc.text
        nl = text.find("\n")
        if nl <= 0:
            return
        first = text[:nl].strip()
        if not first or len(first) > self.max_chars or len(first.split()) > self.max_words:
            return
        if first.endswith(self.final):
            return
        if doc.meta.get("header_inline"):
            return  # the body went on on the header's own line: no title line
        doc.title = first
        doc.title_span = (0, len(first))

    # --- dateline -----------------------------------------------------------
    def _dateline(self, doc: Article) -> None:
        if doc.published or self.time_stage is None:
            return
        best: str | None = None
        for i, line in enumerate(doc.text.split("\n", 8)[:8]):
            # a dateline is short: only the head of a long first paragraph is searched
            found = self.time_stage.tag(line[:DATELINE_CHARS], anchor=None)
            days = [t for t in found if t.type in ("DATE", "TIME") and t.value and _DAY.match(t.value[:10])]
            if days:
                stripped = line.strip()
                standalone = any(len(t.text) >= len(stripped) - 2 for t in days)
                if standalone or best is None:
                    cand = (days[0].value or "")[:10]
                    if cand and dt.date.fromisoformat(cand).year >= 1990:
                        if standalone:
                            doc.published, doc.published_source = cand, "dateline"
                            return
                        if i < 4:
                            best = best or cand
        if best:
            doc.published, doc.published_source = best, "dateline"

    # --- outlet and byline ---------------------------------------------------
    def _outlet(self, doc: Article) -> None:
        if doc.source is not None:
            return
        start = doc.title_span[1] + 1 if doc.title_span else 0
        lead = doc.text[start : start + 300].lstrip()
        m = self.openers.match(lead)
        if m:
            rest = lead[m.end() :]
            end = self.clause_end.search(rest)
            clause = rest[: end.start()] if end else rest[:80]
            found = self._find_outlet(clause)
            if found is None and not self.desk_rx.match(clause) and 0 < len(clause.split()) <= 3:
                found = clause.strip()
            if found:
                doc.source = found
            return
        m = self.byline_rx.match(lead)
        if m:
            found = self._find_outlet(m.group("outlet").strip())
            if found is None:
                return
            doc.source = found
            if m.group("byline") and not doc.byline:
                doc.byline = m.group("byline").strip()

    def __call__(self, doc: Article) -> Article:
        self._title(doc)
        self._dateline(doc)
        self._outlet(doc)
        return doc

"""News outlets named after a reporting cue: ``به گزارش فارس``, ``به نقل از مشرق``.

Short outlet names (``فارس``, ``مشرق``, ``روز نو``) are ordinary words or places
elsewhere, so the gazetteer marks them ``needs_context``.  After a cue of
``outlet_cues.tsv`` in the same clause, within a few words (``به گزارش گروه
بین‌الملل فارس``), they name the outlet (GUIDELINES §9: the outlet in
``به گزارش فارس`` is an ORG mention)::

    >>> from rasad.entities import EntityStage
    >>> from rasad.model import Article
    >>> t = "به گزارش خبرنگار سیاسی فارس، نشست امروز برگزار شد."
    >>> [e.name for e in EntityStage(use_tagger=False)(Article(raw=t, text=t)).entities]
    ['Fars News Agency']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rasad.entities.coordination import Intervals
from rasad.entities.gazetteer import DATA_DIR, Gazetteer, fold
from rasad.entities.linker import Linked
from rasad.entities.matcher import Hit, select_longest
from rasad.model import Mention

_CLAUSE_END = re.compile(r"[،,.؛:!?؟\n«»()]")
MAX_GAP_WORDS = 4  # words between the cue and the outlet


def _read_cues() -> tuple[str, ...]:
    path = DATA_DIR / "outlet_cues.tsv"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return tuple(fold(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


class OutletLinker:
    """Accept context-needing outlet aliases right after a reporting cue."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.cues = _read_cues()
        self.outlets = frozenset(
            e.id for e in gaz.entries if e.type == "ORG" and e.source_file.startswith("media")
        )

    def _is_outlet(self, h: Hit) -> bool:
        return any(e.id in self.outlets for e, _ in h.candidates)

    def _after_cue(self, text: str, start: int) -> bool:
        before = text[max(0, start - 80) : start]
        cut = [m.end() for m in _CLAUSE_END.finditer(before)]
        if cut:
            before = before[cut[-1] :]
        words = fold(before).replace("\u200c", " ").split()
        for i in range(len(words)):
            tail = " ".join(words[i:])
            gap = len(words) - i
            for c in self.cues:
                if tail.startswith(c) and gap - len(c.split()) <= MAX_GAP_WORDS:
                    return True
        return False

    def link(
        self, text: str, hits: list[Hit], linked: list[Linked], blocked: Sequence[tuple[int, int]] = ()
    ) -> list[Linked]:
        """Outlet mentions the name rules dropped (context-needing aliases after a cue);
        ``blocked`` spans (time expressions: «گزارش مهر ماه») are no outlet."""
        taken = Intervals([(lk.mention.start, lk.mention.end) for lk in linked] + list(blocked))
        cands = [h for h in hits if h.kind == "name" and self._is_outlet(h) and taken.free(h.start, h.end)]
        out: list[Linked] = []
        for h in select_longest(cands):
            if not self._after_cue(text, h.start):
                continue
            e = next(e for e, _ in h.candidates if e.id in self.outlets)
            out.append(Linked(e.id, Mention(h.text, h.start, h.end, "gazetteer")))
        return out

"""Athletes named in sports results: ``... ۲ بر یک هایاشی از ژاپن را شکست داد``.

Results name each opponent once, often by the surname alone, followed by ``از`` and the
country (``مقابل لین از چین پیروز شد``).  The tagger finds the word but types it as a
team or a place, and a lone unknown word is otherwise too noisy to keep as a person.
Here a tagger span of one to three words is a person when

* the words right after it are ``از`` and a country's name (a sovereign gazetteer entry),
* its sentence reads as a result (``rasad/data/gazetteer/result_cues.tsv``: a score
  ``۳ بر ۱``, ``شکست داد``, ``مغلوب``, ``مدال``, ``کیلوگرم`` …),
* it is no gazetteer name itself (``تیم``, a country, a club) and holds no function word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from rasad.entities.gazetteer import DATA_DIR, Gazetteer, fold
from rasad.entities.matcher import is_word_char

CUES = DATA_DIR / "result_cues.tsv"
_SCORE = re.compile(r"[0-9۰-۹]+(?:[.٫][0-9۰-۹]+)?\s+(?:بر|به)\s+(?:[0-9۰-۹]+|یک|صفر)(?![0-9۰-۹])")
_FROM = re.compile(r"\s+از\s+")
# the words between a score or «مقابل» and «از COUNTRY»: the opponent's name
_AFTER_SCORE = re.compile(
    r"(?:[0-9۰-۹]+\s+(?:بر|به)\s+(?:[0-9۰-۹]+|یک|صفر)|مقابل|مغلوب)\s+((?:[^\W\d_][^\W\d_\u200c]*(?:\u200c[^\W\d_]+)*\s+){1,3})(?=از\s)"
)
_SENT_END = re.compile(r"[.!?؟\n]")


def load_cues(path: Path = CUES) -> tuple[str, ...]:
    """The result cues, folded; one a line, ``#`` comments."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return tuple(fold(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


class RosterFinder:
    """Finds ``NAME از COUNTRY`` athletes in result sentences."""

    def __init__(
        self,
        gaz: Gazetteer,
        common_word: Callable[[str], bool] | None = None,
        cues: Sequence[str] | None = None,
    ) -> None:
        self.gaz = gaz
        self.cues = tuple(cues) if cues is not None else load_cues()
        self._common_word = common_word

    def _is_country(self, name: str) -> bool:
        return any(e.sovereign and a.kind == "name" for e, a in self.gaz.alias_index.get(fold(name), []))

    def _country_after(self, text: str, end: int) -> bool:
        m = _FROM.match(text, end)
        if m is None:
            return False
        i = m.end()
        words: list[str] = []
        j = i
        for _ in range(3):  # «کره جنوبی», «امارات متحده عربی»
            k = j
            while k < len(text) and is_word_char(text[k]):
                k += 1
            if k == j:
                break
            words.append(text[j:k])
            if self._is_country(" ".join(words)):
                return True
            while k < len(text) and text[k] == " ":
                k += 1
            j = k
        return False

    def _sentence(self, text: str, start: int, end: int) -> str:
        a = max(
            (m.end() for m in _SENT_END.finditer(text, max(0, start - 600), start)),
            default=max(0, start - 600),
        )
        b = _SENT_END.search(text, end)
        return text[a : b.start() if b else len(text)]

    def find(self, text: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """``(start, end)`` of the athletes among the tagger ``spans`` and right after a
        score or «مقابل» (``۳ بر ۱ هایاشی از ژاپن``)."""
        out: list[tuple[int, int]] = []
        found = [(m.start(1), m.start(1) + len(m[1].rstrip())) for m in _AFTER_SCORE.finditer(text)]
        cands = sorted({*found, *((s, e) for s, e, _ in spans)})
        for start, end in cands:
            if any(s <= start and end <= e for s, e in out):
                continue
            surface = text[start:end].strip()
            words = surface.split()
            if (
                not 1 <= len(words) <= 3
                or any(map(str.isdigit, surface))
                or not surface.replace(" ", "").isalpha()
            ):
                continue
            if not self._country_after(text, end):
                continue
            if self.gaz.lookup(surface) or any(self.gaz.lookup(w) for w in words):
                continue
            if self._common_word is not None and any(self._common_word(w) for w in words):
                continue
            sent = fold(self._sentence(text, start, end))
            if not (_SCORE.search(sent) or any(c in sent for c in self.cues)):
                continue
            out.append((start, end))
        return out

"""An English query turned into Persian words for the word search beside the search by meaning.

Names come from the gazetteer (English names → their Persian names, with surnames of people),
other words from ``rasad/data/semantic/terms_en_fa.yaml``. The result is an FTS query whose terms
are ORed, so BM25 ranks the articles that hold most of them first.

    >>> t = QueryTranslator.load()
    >>> "آتش‌بس" in t.persian_terms("Russia rejects ceasefire")
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_HAS_LATIN = re.compile(r"[A-Za-z]")


def _stems(word: str) -> list[str]:
    w = word.lower()
    out = [w]
    for sfx in ("ies", "es", "s", "ed", "ing", "d"):
        if w.endswith(sfx) and len(w) - len(sfx) >= 3:
            base = w[: -len(sfx)] + ("y" if sfx == "ies" else "")
            out.append(base)
    return out


class QueryTranslator:
    def __init__(self, terms: dict[str, list[str]], names: dict[str, str]) -> None:
        self.terms = {k.lower(): v for k, v in terms.items()}
        self.names = names  # lower-case English name or surname → Persian name
        self._max_words = max((len(k.split()) for k in names), default=1)

    @classmethod
    def load(cls) -> QueryTranslator:
        return _cached()

    def persian_terms(self, query: str) -> list[str]:
        """The Persian words and names an English query stands for (empty for a Persian query)."""
        return self._translate(query)[0]

    def persian_names(self, query: str) -> list[str]:
        """Only the names (people, places, bodies) of an English query, in Persian."""
        return self._translate(query)[1]

    def names_query(self, query: str) -> str | None:
        """An FTS query that every name of the query must match (None without names)."""
        names = self.persian_names(query)
        return " ".join(f'"{n}"' for n in names) if names else None

    def _translate(self, query: str) -> tuple[list[str], list[str]]:
        if not _HAS_LATIN.search(query):
            return [], []
        words = _EN_WORD.findall(query)
        out: list[str] = []
        names: list[str] = []
        i = 0
        while i < len(words):
            for n in range(min(self._max_words, len(words) - i), 0, -1):
                key = " ".join(words[i : i + n]).lower()
                if key in self.names:
                    out.append(self.names[key])
                    names.append(self.names[key])
                    i += n
                    break
            else:
                for s in _stems(words[i]):
                    if s in self.terms:
                        out += self.terms[s]
                        break
                i += 1
        return list(dict.fromkeys(out)), list(dict.fromkeys(names))

    def fts_query(self, query: str) -> str | None:
        terms = self.persian_terms(query)
        if not terms:
            return None
        return " OR ".join(f'"{t}"' if " " in t or "\u200c" in t else t for t in terms)


@lru_cache(maxsize=1)
def _cached() -> QueryTranslator:
    from rasad.entities.gazetteer import Gazetteer

    raw = yaml.safe_load((resources.files("rasad") / "data" / "semantic" / "terms_en_fa.yaml")
                         .read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    gaz = Gazetteer.default()
    entries = [e for e in gaz.entries if e.name and e.fa]
    for e in entries:  # exact names first, then names without their (disambiguation), then surnames
        names.setdefault(e.name.lower(), e.fa)
    for e in entries:
        names.setdefault(re.sub(r"\s*\(.*\)$", "", e.name.lower()), e.fa)
    for e in entries:
        base = re.sub(r"\s*\(.*\)$", "", e.name.lower())
        if e.type == "PER" and " " in base and " " in e.fa:
            names.setdefault(base.split()[-1], e.fa.split()[-1])
    return QueryTranslator(raw.get("terms") or {}, names)

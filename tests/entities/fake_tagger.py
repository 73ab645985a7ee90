"""A stand-in for the CRF model in tests: tags every listed name wherever it occurs."""

from __future__ import annotations

import re


class FakeTagger:
    """Tags every listed name wherever it occurs (stands in for the CRF model)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for name, tag in self.names.items():
            out += [(m.start(), m.end(), tag) for m in re.finditer(re.escape(name), text)]
        return out

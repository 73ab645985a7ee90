"""Persian normalization (placeholder: replaced by the full step pipeline)."""

from __future__ import annotations

import re

from rasad.model import Article, Sentence
from rasad.normalize.textmap import MappedText

AR2FA = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})


class Normalizer:
    name = "normalize"

    def __call__(self, doc: Article) -> Article:
        start = int(doc.meta.get("body_start", 0))
        m = MappedText.of(doc.raw[start:], base=start).translate(AR2FA).strip()
        doc.text, doc.offsets = m.text, list(m.offsets)
        doc.sentences = [Sentence(x.start(), x.end()) for x in re.finditer(r"[^.!?؟\n]+[.!?؟]*", doc.text)]
        return doc

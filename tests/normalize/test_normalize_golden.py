"""Golden run over the real articles of ../shared (seeds and corpus), read at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.ingest.header import HeaderStage
from rasad.model import Article
from rasad.normalize import Normalizer

pytestmark = pytest.mark.golden
ZW = "\u200c"
FOLDED = {"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ھ": "ه", "ہ": "ه"}


def articles(shared: Path) -> list[tuple[str, str]]:
    files = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "articles").glob("*.txt"))
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


@pytest.fixture(scope="module")
def normalized(shared_dir) -> list[Article]:
    n, h = Normalizer(), HeaderStage()
    return [n(h(Article(raw=raw, doc=name))) for name, raw in articles(shared_dir)]


def test_every_article_normalizes(normalized):
    assert len(normalized) >= 50
    for doc in normalized:
        assert doc.text, doc.doc
        assert "\u0643" not in doc.text and "\u064a" not in doc.text, doc.doc
        assert "  " not in doc.text and "\n\n" not in doc.text, doc.doc
        for line in doc.text.split("\n"):
            assert line and line == line.strip(), (doc.doc, line)


def test_offsets_are_valid(normalized):
    for doc in normalized:
        assert len(doc.offsets) == len(doc.text) + 1
        assert all(a <= b for a, b in zip(doc.offsets, doc.offsets[1:], strict=False)), doc.doc
        assert doc.offsets[-1] <= len(doc.raw)
        for i, ch in enumerate(doc.text):
            r = doc.raw[doc.offsets[i]]
            if r == ch or ch == ZW or FOLDED.get(r) == ch:
                continue
            if ch == " " or ch == "\n":  # a kept space, or one inserted before the next char
                assert r.isspace() or r == ZW or doc.offsets[i] == doc.offsets[i + 1], (doc.doc, i)
                continue
            if "\u06f0" <= ch <= "\u06f9" and "\u0660" <= r <= "\u0669":
                continue
            # a presentation form or a heh + hamza folded to one letter
            assert "\ufb50" <= r <= "\ufeff" or r == "ه", (doc.doc, i, ch, r)


def test_sentences_within_lines(normalized):
    for doc in normalized:
        assert doc.sentences
        prev = 0
        for s in doc.sentences:
            assert prev <= s.start < s.end <= len(doc.text)
            span = doc.text[s.start : s.end]
            assert "\n" not in span and span == span.strip()
            prev = s.end


def test_seed_sentence_count_is_plausible(normalized):
    seeds = [d for d in normalized if not d.doc.split("_")[-1].isalpha()][:5]
    n = sum(len(d.sentences) for d in seeds)
    lines = sum(d.text.count("\n") + 1 for d in seeds)
    assert lines <= n <= 3 * lines

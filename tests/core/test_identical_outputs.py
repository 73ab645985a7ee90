"""The syntax layer's fast paths give exactly what their plain definitions give.

The fast tokenizer (one ``findall`` + ``str.find`` offsets), the tagger's per-form cache
(``tag_words``) and the span masks by bisection are held to straightforward reference
versions, on made-up sentences and on every real article under ../shared (seeds, corpus,
dev).  A whole-pipeline check: ``python bench/bench_pipeline.py --dump out.jsonl`` before
and after a change, then ``cmp``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasad.syntax import SyntaxStage, _ends_at, _starts_in
from rasad.syntax.features import fold
from rasad.syntax.tokenize import DETACHED_SUFFIXES, TOKEN_RX, tokenize

SAMPLES = [
    "آن‌ها می‌گویند: ۲.۵ درصد بزرگ ترین است.",
    "وزیر خارجه روز دوشنبه ۱۴۰۳/۰۲/۱۰ در تهران گفت که مذاکرات ادامه دارد",
    "کشور ها  و نامه ای\u200c\u200c را_نوشت ١٢٣ abc؟",
    "\u200cسلام\u200c \u200c «خبر» ـ ۵۰٪ 12:30",
    "",
    "   ",
]


def _reference_tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """The tokenizer's definition: regex matches with their offsets, detached suffixes joined back."""
    out: list[tuple[int, int, str]] = []
    for m in TOKEN_RX.finditer(text, start, len(text) if end is None else end):
        s, e, w = m.start(), m.end(), m.group()
        if (
            out
            and w in DETACHED_SUFFIXES
            and s == out[-1][1] + 1
            and text[out[-1][1]] == " "
            and out[-1][2][-1:].isalpha()
        ):
            out[-1] = (out[-1][0], e, text[out[-1][0] : e])
            continue
        out.append((s, e, w))
    return out


def _reference_mask(starts: list[int], spans: list[tuple[int, int]]) -> list[bool]:
    return [any(s <= x < e for s, e in spans) for x in starts]


def _texts(shared: Path) -> list[str]:
    dirs = [shared / "seeds", shared / "corpus" / "articles", shared / "eval" / "dev" / "articles"]
    return [p.read_text(encoding="utf-8") for d in dirs for p in sorted(d.glob("*.txt"))]


@pytest.fixture(scope="module")
def stage() -> SyntaxStage:
    return SyntaxStage()


def _check_text(stage: SyntaxStage, text: str) -> None:
    for line in [text, *re.split(r"(?<=[.!؟?\n])", text)]:
        toks = tokenize(line)
        assert toks == _reference_tokenize(line)
        if not toks:
            continue
        words = [w for _, _, w in toks]
        folded, tagged = stage.tagger.tag_words(words)
        assert folded == [fold(w) for w in words]
        assert tagged == stage.tagger.tag(words, folded)
    mid = len(text) // 3
    assert tokenize(text, mid, 2 * mid) == _reference_tokenize(text, mid, 2 * mid)


def test_samples_identical(stage: SyntaxStage) -> None:
    for text in SAMPLES:
        _check_text(stage, text)


def test_real_articles_identical(stage: SyntaxStage, shared_dir: Path) -> None:
    texts = _texts(shared_dir)
    assert texts
    for text in texts:
        _check_text(stage, text)


def test_masks_match_definition() -> None:
    starts = [0, 4, 9, 15, 20, 26]
    tok_ends = [3, 8, 14, 19, 25, 30]
    for spans in ([], [(0, 3)], [(4, 15)], [(5, 9), (20, 40)], [(-5, 1), (14, 16), (29, 31)], [(31, 40)]):
        ends = [e for _, e in spans]
        assert _starts_in(starts, tok_ends[-1], spans, ends) == _reference_mask(starts, spans)
        assert _ends_at(tok_ends, ends) == [e in set(ends) for e in tok_ends]

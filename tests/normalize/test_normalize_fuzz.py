"""Property test: the normalize stage never crashes and keeps its layout contract."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.ingest.header import HeaderStage
from rasad.model import Article
from rasad.normalize import Normalizer

ALPHABET = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىۀةئأآ"  # Persian and Arabic letters
    "۰۱۲۳۴۵۶۷۸۹0123456789٠١٢"
    " \t\n\r\u00a0\u200c\u200d\u200f\u00ad\u0640\u064b\u064e\u0650"
    ".،؛:!؟?«»()[]/-\"'…"
    "abcUS"
)
NORMALIZER = Normalizer()
FOLDED = {"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "٠": "۰", "١": "۱", "٢": "۲"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=300), st.booleans())
def test_normalizer_contract_on_random_text(body, header):
    raw = (" date 2025-10-21 " if header else "") + body
    doc = NORMALIZER(HeaderStage()(Article(raw=raw)))
    text = doc.text
    assert len(doc.offsets) == len(text) + 1
    assert all(0 <= o <= len(raw) for o in doc.offsets)
    assert all(a <= b for a, b in zip(doc.offsets, doc.offsets[1:], strict=False))
    assert "ي" not in text and "ك" not in text
    assert "  " not in text and "\n\n" not in text and "\t" not in text and "\r" not in text
    for line in text.split("\n") if text else []:
        assert line and line == line.strip()
    for i, ch in enumerate(text):
        if ch not in " \n\u200c":
            r = raw[doc.offsets[i]]
            assert r == ch or FOLDED.get(r) == ch, (i, ch, r)
    prev = 0
    for s in doc.sentences:
        assert prev <= s.start < s.end <= len(text)
        assert "\n" not in text[s.start : s.end]
        prev = s.end

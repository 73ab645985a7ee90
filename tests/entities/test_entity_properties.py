"""Property test: on arbitrary mixes of names, words, ZWNJ and punctuation the stage never
fails and every mention is an exact slice of the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.entities import EntityStage, mentions_in
from rasad.model import Article

STAGE = EntityStage(use_tagger=False)
PIECES = [
    "پوتین",
    "ترامپ",
    "کیف",
    "کییف",
    "آمریکا",
    "آمریکایی",
    "وزارت امور خارجه",
    "روسیه",
    "رئیس‌جمهور",
    "وزیر خارجه",
    "معاون",
    "سابق",
    "دوشنبه",
    "گفت",
    "و",
    "در",
    "\u200c",
    " ",
    "،",
    ".",
    "«",
    "»",
    "\n",
    "ها",
    "ی",
    "FSB",
    "ap",
    "-",
    "ً",
    "(",
    ")",
    "۲۰۲۵",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([None, "2019-05-01", "2025-09-03", "bad"])
)
def test_mentions_are_exact_slices(pieces: list[str], published: str | None) -> None:
    text = "".join(pieces)
    doc = STAGE(Article(raw=text, text=text, published=published))
    assert not [w for w in doc.warnings if w.startswith("entities")]
    for ent, m in mentions_in(doc, 0, len(text) + 1):
        assert text[m.start : m.end] == m.text
        assert ent.name and ent.type in {"PER", "ORG", "GPE", "LOC", "FAC", "EVENT"}

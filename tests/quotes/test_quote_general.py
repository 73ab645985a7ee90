"""Quote constructions beyond the basic grammar (``quote_cases_general.py``)."""

from __future__ import annotations

import pytest
from quote_cases_general import GENERAL_CASES, GENERAL_PEOPLE
from test_quote_grammar import ZWNJ, assert_quotes, make_doc

from rasad.model import Timex
from rasad.quotes import QuoteStage
from rasad.quotes.lexicon import load_lexicon


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    return QuoteStage()


@pytest.mark.parametrize("case_id,text,expected", GENERAL_CASES, ids=[c[0] for c in GENERAL_CASES])
def test_general_construction(
    stage: QuoteStage, case_id: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    assert_quotes(stage(make_doc(text, people=GENERAL_PEOPLE)), expected)


def test_case_ids_are_unique() -> None:
    ids = [c[0] for c in GENERAL_CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "text,lemma,bare",
    [
        ("او طرح را بی+فایده توصیف کرده، اما", "توصیف کرد", True),
        ("وی این گزارش را تأیید کرده است", "تأیید کرد", False),
        ("وی اظهارداشت که", "اظهار داشت", False),
        ("او با بیان اینکه", "با بیان اینکه", False),
    ],
)
def test_lexicon_forms(text: str, lemma: str, bare: bool) -> None:
    hits = load_lexicon().find(text.replace("+", ZWNJ))
    assert [h.form.lemma for h in hits] == [lemma]
    assert hits[0].form.bare is bare


def test_bare_participle_is_not_a_cue_before_a_passive() -> None:
    lex = load_lexicon()
    assert lex.find("پاسخ داده شد") == []
    assert [h.form.lemma for h in lex.find("پاسخ داده، اما")] == ["پاسخ داد"]


def test_participial_cue_flag() -> None:
    hits = load_lexicon().find("وی با تاکید بر اینکه")
    assert len(hits) == 1 and hits[0].form.participle


def test_preposition_of_leading_timex_is_skipped(stage: QuoteStage) -> None:
    """``در سال ۲۰۲۱ X گفت``: the preposition before a leading timex is not the subject."""
    text = "در سال ۲۰۲۱ لاوروف گفت که صادرات گاز به اروپا افزایش یافته است."
    k = text.index("سال")
    timex = Timex("سال ۲۰۲۱", k, k + len("سال ۲۰۲۱"), "DATE", "2021", "year")
    doc = stage(make_doc(text, people=GENERAL_PEOPLE, timexes=[timex]))
    assert [(q.speaker, q.cue) for q in doc.quotes] == [("Sergey Lavrov", "گفت")]
    assert "صادرات گاز" in doc.quotes[0].text

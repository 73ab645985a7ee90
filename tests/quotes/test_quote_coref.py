"""Speakers referred to again by a role or a surname, and reporting outlets (``quote_cases_coref.py``)."""

from __future__ import annotations

import pytest
from quote_cases_coref import COREF_CASES, COREF_PEOPLE
from test_quote_grammar import assert_quotes, make_doc

from rasad.quotes import QuoteStage


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    return QuoteStage()


@pytest.mark.parametrize("case_id,text,expected", COREF_CASES, ids=[c[0] for c in COREF_CASES])
def test_coref_construction(stage: QuoteStage, case_id: str, text: str, expected: list[tuple[str, ...]]) -> None:
    assert_quotes(stage(make_doc(text, people=COREF_PEOPLE)), expected)


def test_case_ids_are_unique() -> None:
    ids = [c[0] for c in COREF_CASES]
    assert len(ids) == len(set(ids))

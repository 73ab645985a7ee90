"""Speakers referred to again by a role or a surname, and reporting outlets (``quote_cases_coref.py``)."""

from __future__ import annotations

import pytest
from quote_cases_coref import COREF_CASES, COREF_PEOPLE
from test_quote_grammar import assert_quotes, make_doc

from rasad.model import Mention
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


def test_title_mention_followed_by_the_name(stage: QuoteStage) -> None:
    """«وزیر خارجه X توئیت کرد که ...» inside another speaker's speech: the title's own name
    speaks, not the salient speaker the bare title would fall back to."""
    text = (
        "لاوروف گفت: «ما آماده گفت+وگو هستیم.» "
        "وی افزود که وزیر خارجه روبیو نوشت که مذاکرات به زودی آغاز می+شود."
    )
    doc = make_doc(text, people=COREF_PEOPLE)
    rubio = next(e for e in doc.entities if e.name == "Marco Rubio")
    k = doc.text.index("وزیر خارجه")
    rubio.mentions.append(Mention("وزیر خارجه", k, k + len("وزیر خارجه"), "title"))
    got = [(q.speaker, q.text) for q in stage(doc).quotes]
    assert ("Marco Rubio", "مذاکرات به زودی آغاز می\u200cشود") in got, got

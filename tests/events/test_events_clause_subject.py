"""The syntax layer's subject replaces a source found inside a prepositional argument
(sentences written for these tests)."""

from __future__ import annotations

from rasad.events.actors import Candidate
from rasad.events.scope import ClauseIndex, clause_subject
from rasad.model import Clause


def _cand(text: str, form: str, actor: str) -> Candidate:
    a = text.index(form)
    return Candidate(a, a + len(form), actor, None, None, None, "GPE", "gazetteer")


def _span(text: str, form: str) -> tuple[int, int]:
    a = text.index(form)
    return a, a + len(form)


TEXT = "ترکیه روز سه‌شنبه پس از درخواست قطر، از طرح آتش‌بس سازمان ملل حمایت کرد"


def _clauses() -> ClauseIndex:
    pp1, pp2 = _span(TEXT, "درخواست قطر"), _span(TEXT, "طرح آتش‌بس سازمان ملل")
    clause = Clause(
        0, len(TEXT), 0, "main", None, None, _span(TEXT, "ترکیه"), [], [("از", *pp1), ("از", *pp2)]
    )
    return ClauseIndex([clause])


def test_source_in_a_prepositional_argument_gives_way_to_the_subject() -> None:
    cands = [
        _cand(TEXT, "ترکیه", "Turkey"),
        _cand(TEXT, "قطر", "Qatar"),
        _cand(TEXT, "سازمان ملل", "United Nations"),
    ]
    ts = TEXT.index("حمایت")
    assert clause_subject(_clauses(), cands, ts, ("United Nations", None)) == ("Turkey", None)


def test_a_source_that_is_the_subject_stays() -> None:
    cands = [_cand(TEXT, "ترکیه", "Turkey"), _cand(TEXT, "سازمان ملل", "United Nations")]
    ts = TEXT.index("حمایت")
    assert clause_subject(_clauses(), cands, ts, ("Turkey", None)) is None

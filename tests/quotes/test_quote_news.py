"""Quote constructions of Persian news in general (``quote_cases_news.py``), the statement's
date, and titles the entity stage linked by the article's dominant country."""

from __future__ import annotations

import pytest
from quote_cases_news import NEWS_CASES, NEWS_PEOPLE
from test_quote_grammar import ZWNJ, assert_quotes, make_doc

from rasad.model import Entity, Mention, Timex
from rasad.quotes import QuoteStage
from rasad.quotes.lexicon import load_lexicon


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    return QuoteStage()


@pytest.mark.parametrize("case_id,text,expected", NEWS_CASES, ids=[c[0] for c in NEWS_CASES])
def test_news_construction(
    stage: QuoteStage, case_id: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    assert_quotes(stage(make_doc(text, people=NEWS_PEOPLE)), expected)


def test_case_ids_are_unique() -> None:
    ids = [c[0] for c in NEWS_CASES]
    assert len(ids) == len(set(ids))


def _timex(text: str, surface: str, value: str) -> Timex:
    i = text.replace("+", ZWNJ).index(surface)
    return Timex(text=surface, start=i, end=i + len(surface), type="DATE", value=value)


def test_date_is_the_statement_date_not_a_date_in_the_content(stage: QuoteStage) -> None:
    t = "پوتین روز شنبه از برگزاری نشست روز دوشنبه خبر داد."
    tx = [_timex(t, "روز شنبه", "2025-10-18"), _timex(t, "روز دوشنبه", "2025-10-20")]
    [q] = stage(make_doc(t, timexes=tx)).quotes
    assert q.date == "2025-10-18"


def test_date_defaults_to_publication_when_only_the_content_has_one(stage: QuoteStage) -> None:
    t = "پوتین با بیان اینکه نشست روز دوشنبه برگزار می+شود، گفت: ما آماده+ایم."
    doc = stage(make_doc(t, timexes=[_timex(t, "روز دوشنبه", "2025-10-20")], published="2025-10-21"))
    assert [q.date for q in doc.quotes] == ["2025-10-21", "2025-10-21"]


def test_run_on_lines_take_the_date_of_the_opening_statement(stage: QuoteStage) -> None:
    t = "لاوروف روز شنبه گفت: جلسه سازنده بود.\nما به توافق نزدیک شده+ایم."
    doc = stage(make_doc(t, timexes=[_timex(t, "روز شنبه", "2025-10-18")]))
    assert [q.date for q in doc.quotes] == ["2025-10-18", "2025-10-18"]


def test_bare_title_linked_by_dominant_country_yields_to_the_salient_person(stage: QuoteStage) -> None:
    # the entity stage linked «وزیر امور خارجه» (no country inside) to the holder of the
    # country the article names most; the person just quoted is the better guess
    t = "عراقچی روز شنبه گفت: ما آماده+ایم.\nوزیر امور خارجه افزود که مذاکرات ادامه دارد."
    doc = make_doc(t)
    i = t.index("وزیر امور خارجه")
    doc.entities.append(
        Entity(
            id="test:rubio",
            name="Marco Rubio",
            type="PER",
            mentions=[Mention("وزیر امور خارجه", i, i + len("وزیر امور خارجه"), "title")],
        )
    )
    assert [q.speaker for q in stage(doc).quotes] == ["Abbas Araghchi", "Abbas Araghchi"]


@pytest.mark.parametrize(
    "text,lemma",
    [
        ("وی معتقد است که", "معتقد است"),
        ("آنان بر این باورند که", "بر این باورند"),
        ("او خواهان", "خواهان"),
        ("وی فاش کرد", "فاش کرد"),
        ("او سخن گفت", "سخن گفت"),
        ("این گزارش حاکی است که", "حاکی است"),
    ],
)
def test_new_cue_forms(text: str, lemma: str) -> None:
    assert [h.form.lemma for h in load_lexicon().find(text.replace("+", ZWNJ))] == [lemma]

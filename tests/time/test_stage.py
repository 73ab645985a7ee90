"""The stage on :class:`~rasad.model.Article` objects, and behaviours beyond the table."""

from __future__ import annotations

import datetime as dt

from rasad.model import Article
from rasad.time import TimeStage


def test_call_resolves_against_publication_date() -> None:
    text = "سخنگوی وزارت خارجه دیروز گفت که نشست بعدی روز یکشنبه برگزار خواهد شد."
    doc = Article(raw=text, text=text, published="2025-12-20")
    doc = TimeStage()(doc)
    assert [(t.text, t.value, t.anchor) for t in doc.timexes] == [
        ("دیروز", "2025-12-19", "published"),
        ("روز یکشنبه", "2025-12-21", "published"),
    ]


def test_call_without_publication_date_keeps_absolute_values() -> None:
    text = "این توافق روز پنجشنبه نهم اسفندماه ۱۴۰۳ امضا شد و فردا اجرا می‌شود."
    doc = TimeStage()(Article(raw=text, text=text))
    assert [(t.text, t.value, t.anchor) for t in doc.timexes] == [
        ("روز پنجشنبه نهم اسفندماه ۱۴۰۳", "2025-02-27", "absolute"),
        ("فردا", None, None),
    ]


def test_unreadable_publication_date_is_a_warning_not_a_crash() -> None:
    text = "امروز نشست برگزار شد."
    doc = TimeStage()(Article(raw=text, text=text, published="not a date"))
    assert doc.timexes[0].value is None
    assert any("time:" in w for w in doc.warnings)


def test_clock_time_takes_the_date_of_its_sentence() -> None:
    text = "مذاکرات ساعت ۱۶:۳۰ به وقت مسکو (۱۷ به وقت تهران) روز پنجشنبه نهم اسفندماه ۱۴۰۳ پایان یافت. امروز ساعت ۹ صبح خبر رسید."
    found = TimeStage().tag(text, anchor=dt.date(2025, 3, 1))
    values = {t.text: t.value for t in found}
    assert values["ساعت ۱۶:۳۰ به وقت مسکو"] == "2025-02-27T16:30+03:00"
    assert values["۱۷ به وقت تهران"] == "2025-02-27T17:00+03:30"
    assert values["امروز ساعت ۹ صبح"] == "2025-03-01T09:00"


def test_weekday_and_date_disagreeing_prefers_the_date() -> None:
    found = TimeStage().tag("روز جمعه ۲۹ مهر ۱۴۰۴ نشست برگزار شد.", anchor=dt.date(2025, 10, 21))
    assert [(t.text, t.value) for t in found] == [("روز جمعه ۲۹ مهر ۱۴۰۴", "2025-10-21")]


def test_offsets_follow_the_text_with_mixed_digits_and_zwnj() -> None:
    text = "گزارش: سه\u200cشنبه ۲۹ مهر ۱۴۰۴ و 3 سپتامبر 2025 و ٢٠ آذر ١٤٠٣."
    found = TimeStage().tag(text)
    assert [t.text for t in found] == ["سه\u200cشنبه ۲۹ مهر ۱۴۰۴", "3 سپتامبر 2025", "٢٠ آذر ١٤٠٣"]
    assert [t.value for t in found] == ["2025-10-21", "2025-09-03", "2024-12-10"]


def test_empty_and_plain_text() -> None:
    stage = TimeStage()
    assert stage.tag("") == []
    assert stage.tag("هیچ تاریخی در این جمله نیست.", anchor=dt.date(2025, 1, 1)) == []


def test_sport_season_split_by_a_line_wrap() -> None:
    text = "این هافبک در فصل\n۲۴-۲۰۲۳ بیشترین پاس گل لیگ را داد.\nفصل\n\nبازی‌ها آغاز شد."
    found = TimeStage().tag(text, dt.date(2025, 8, 21))
    assert [(t.text, t.value) for t in found] == [("فصل\n۲۴-۲۰۲۳", "2023/2024")]


def test_restatement_bracket_swallows_what_is_inside() -> None:
    found = TimeStage().tag("شنبه(شنبه اسفند)", None)
    assert [(t.start, t.end) for t in found] == [(0, 16)]

"""Title, header date, dateline, outlet and byline on text written for the tests."""

from __future__ import annotations

import pytest

import rasad


def test_header_title_and_outlet() -> None:
    raw = " date 2024-03-05\nدیدار دو وزیر در مسقط\n\nبه گزارش گروه بین‌الملل خبرگزاری ایسنا، دو وزیر روز دوشنبه دیدار کردند."
    d = rasad.analyze(raw)
    assert d.published == "2024-03-05" and d.published_source == "header"
    assert d.title == "دیدار دو وزیر در مسقط"
    assert d.source == "خبرگزاری ایسنا"


def test_body_on_the_header_line_has_no_title() -> None:
    d = rasad.analyze(" date 2024-03-05 وزیر خارجه روز دوشنبه گفت که مذاکرات ادامه دارد.\nجمله دوم خبر.")
    assert d.published == "2024-03-05"
    assert d.title is None


def test_a_first_sentence_is_not_a_title() -> None:
    d = rasad.analyze("نمایندگان دو کشور روز گذشته در وین دیدار کردند.\nاین دیدار سه ساعت طول کشید.")
    assert d.title is None


def test_byline_with_outlet_and_author() -> None:
    d = rasad.analyze("باشگاه خبرنگاران جوان؛ مریم احمدی - وزیر نیرو امروز از سد کرج بازدید کرد.")
    assert d.source == "باشگاه خبرنگاران جوان"
    assert d.byline == "مریم احمدی"


def test_metadata_date_wins_over_text() -> None:
    d = rasad.analyze("خبر کوتاه درباره دیدار.", published="2023-01-01")
    assert d.published == "2023-01-01" and d.published_source == "metadata"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("تماس تلفنی دو رئیس‌جمهور\n3 سپتامبر 2025\nدو رئیس‌جمهور تلفنی گفت‌وگو کردند.", "2025-09-03"),
        ("مذاکرات روز پنجشنبه نهم اسفندماه ۱۴۰۳ در ژنو به پایان رسید.\nجمله دیگری از خبر.", "2025-02-27"),
    ],
)
def test_dateline_without_header(raw: str, expected: str) -> None:
    d = rasad.analyze(raw)
    assert d.published == expected
    assert d.published_source == "dateline"


def test_dateline_with_clock_time() -> None:
    d = rasad.analyze("سفر وزیر به مسکو\nپنجشنبه ۹ اسفند ۱۴۰۳ - ۱۲:۳۰\nوزیر امروز به مسکو رفت.")
    assert d.published == "2025-02-27" and d.published_source == "dateline"

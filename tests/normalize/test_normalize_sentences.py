"""Sentence boundaries as offsets."""

from __future__ import annotations

import pytest

from rasad.normalize.sentences import SentenceSplitter


@pytest.fixture(scope="module")
def split():
    sp = SentenceSplitter()
    return lambda text: [text[s.start : s.end] for s in sp(text)]


def test_basic_split(split):
    assert split("وزیر به تهران رفت. او با همتای خود دیدار کرد! آیا توافقی شد؟ هنوز نه") == [
        "وزیر به تهران رفت.",
        "او با همتای خود دیدار کرد!",
        "آیا توافقی شد؟",
        "هنوز نه",
    ]


def test_no_sentence_crosses_a_newline(split):
    assert split("عنوان خبر\nمتن اول. متن دوم") == ["عنوان خبر", "متن اول.", "متن دوم"]


def test_quote_that_continues_the_sentence(split):
    text = "سخنگو گفت: «این طرح عملی نیست. ما آن را رد می‌کنیم» و جلسه را ترک کرد."
    assert split(text) == [text]


def test_quote_ending_with_period_closes_the_sentence(split):
    assert split("او گفت: «دیدار لغو شد.» سپس نشست پایان یافت.") == [
        "او گفت: «دیدار لغو شد.»",
        "سپس نشست پایان یافت.",
    ]


def test_numbers_abbreviations_and_initials(split):
    text = "نرخ رشد 2.5 درصد بود و ساعت ۱۶:۳۰ در ج.ا.ا. اعلام شد که آقای ع. رضایی و U.S. موافق‌اند."
    assert split(text) == [text]


def test_spans_are_trimmed(split):
    assert split("  جمله اول.   جمله دوم.  ") == ["جمله اول.", "جمله دوم."]


def test_quote_that_ends_the_sentence_is_split_inside(split):
    text = "وزیر گفت: «نشست لغو نشد. گفت‌وگوها ادامه دارد.»"
    assert split(text) == ["وزیر گفت: «نشست لغو نشد.", "گفت‌وگوها ادامه دارد.»"]


def test_unclosed_quote_does_not_block_splitting(split):
    assert split("او گفت: «جمله اول. جمله دوم") == ["او گفت: «جمله اول.", "جمله دوم"]

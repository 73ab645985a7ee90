"""The normalize stage: its step list, its layout contract and its offsets."""

from __future__ import annotations

import pytest

from rasad.ingest.header import HeaderStage
from rasad.model import Article
from rasad.normalize import Normalizer

ZW = "\u200c"


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer()


def run(n: Normalizer, raw: str) -> Article:
    return n(HeaderStage()(Article(raw=raw)))


def test_available_steps_in_order():
    assert Normalizer.available_steps() == [
        "arabic_letters",
        "digits",
        "invisible",
        "spacing",
        "boilerplate",
        "dedupe",
        "zwnj",
    ]


def test_unknown_step_is_an_error():
    with pytest.raises(ValueError):
        Normalizer(steps=["arabic_letters", "stemming"])


def test_full_normalization(norm):
    raw = (
        " date 2025-10-21 مقام كاخ سفيد روز سهشنبه گفت :«برنامهای نیست».\n\n"
        "  او افزود  مذاكرات ادامه مي یابد .\n/انتهای پیام/\n"
    )
    doc = run(norm, raw)
    assert doc.text == (
        f"مقام کاخ سفید روز سه{ZW}شنبه گفت: «برنامه{ZW}ای نیست».\nاو افزود مذاکرات ادامه می{ZW}یابد."
    )
    assert [doc.text[s.start : s.end] for s in doc.sentences] == doc.text.split("\n")


def test_offsets_map_every_char_back(norm):
    raw = " date 2025-10-21\nرئيسجمهور  گفت: آن ها مي توانند.\n"
    doc = run(norm, raw)
    assert len(doc.offsets) == len(doc.text) + 1
    for i, ch in enumerate(doc.text):
        r = doc.raw[doc.offsets[i]]
        assert r == ch or ch == ZW or (ch, r) in {("ی", "ي"), ("ک", "ك")}
    assert doc.offsets[0] == doc.meta["body_start"]


def test_steps_can_be_switched_off():
    raw = "رئيسجمهور  گفت"
    assert run(Normalizer(steps=["arabic_letters"]), raw).text == "رئیسجمهور گفت"
    assert run(Normalizer(steps=[]), raw).text == "رئيسجمهور گفت"
    assert run(Normalizer(steps=["arabic_letters", "zwnj"]), raw).text == f"رئیس{ZW}جمهور گفت"


def test_digits_policy_is_passed_on():
    assert run(Normalizer(digits="fa"), "سال 2025 و ساعت ۱۶:۳۰").text == "سال ۲۰۲۵ و ساعت ۱۶:۳۰"
    assert run(Normalizer(), "سال 2025 و ساعت ۱۶:۳۰").text == "سال 2025 و ساعت ۱۶:۳۰"


def test_body_on_the_header_line_and_dedupe(norm):
    raw = " date 2025-08-16 نشست سران برگزار شد\nنشست سران برگزار شد\nمتن خبر."
    doc = run(norm, raw)
    assert doc.text == "نشست سران برگزار شد\nمتن خبر."


def test_empty_and_whitespace_articles(norm):
    for raw in ("", "   \n\n ", " date 2025-01-01\n", "\u200c\u200f"):
        doc = run(norm, raw)
        assert doc.text == "" and doc.sentences == [] and len(doc.offsets) == 1


def test_pathological_inputs_are_fast_and_safe(norm):
    glued = "میشودرئیسجمهور" * 3000  # one 45,000-letter "word" (its cost: tests/core/test_growth.py)
    doc = run(norm, glued + "\n" + "، " * 2000 + "\n" + "«" * 500)
    assert doc.text.startswith(glued) and len(doc.offsets) == len(doc.text) + 1

"""Names written as one ZWNJ compound, and adjectives of platforms."""

from __future__ import annotations

import pytest

import rasad


@pytest.fixture(scope="module")
def pipe():
    return rasad.default_pipeline(disable=["quotes", "events"])


@pytest.mark.parametrize(
    ("sentence", "name", "type_"),
    [
        ("روزنامه وال‌استریت‌ژورنال در گزارشی نوشت که مذاکرات ادامه دارد.", "The Wall Street Journal", "ORG"),
        ("نیویورک‌تایمز به نقل از دو مقام آگاه خبر داد.", "The New York Times", "ORG"),
        ("سخنگوی دولت در پیامی توئیتری به این گزارش واکنش نشان داد.", "Twitter", "ORG"),
        ("این گروه در کانال تلگرامی خود مسئولیت حمله را پذیرفت.", "Telegram", "ORG"),
    ],
)
def test_variant_forms_link(pipe, sentence: str, name: str, type_: str) -> None:
    doc = rasad.analyze(" date 2025-03-01\n" + sentence, pipeline=pipe)
    assert (name, type_) in {(e.name, e.type) for e in doc.entities}


def test_glued_key_skips_zwnj_after_non_joining_letters() -> None:
    from rasad.entities.gazetteer import alias_keys

    keys = alias_keys("وال استریت ژورنال")
    assert "وال\u200cاستریت\u200cژورنال" in keys
    assert "دیواربرلین" in alias_keys("دیوار برلین")  # ر does not join: no ZWNJ after it
    assert "ایالات\u200cمتحده" in alias_keys("ایالات متحده")
    assert "کاخ\u200cسفید" in alias_keys("کاخ سفید")

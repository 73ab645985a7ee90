"""Each normalization step on its own, on sentences written for these tests."""

from __future__ import annotations

import pytest

from rasad.normalize.steps import arabic_letters, boilerplate, dedupe, digits, invisible, spacing
from rasad.normalize.textmap import MappedText

ZW = "\u200c"


def run(step, text: str) -> MappedText:
    m = step(MappedText.of(text))
    assert len(m.offsets) == len(m.text) + 1
    return m


def test_arabic_letters_folds_yeh_kaf_and_digits():
    m = run(arabic_letters(), "وزير خارجه كشور در ٢٠ مهر گفت")
    assert m.text == "وزیر خارجه کشور در ۲۰ مهر گفت"
    assert m.offsets == tuple(range(len(m.text) + 1))  # one for one


def test_arabic_letters_heh_forms_and_presentation_forms():
    assert run(arabic_letters(), "نمايندۀ مجلس").text == "نماینده مجلس"
    assert run(arabic_letters(), "ﻻ").text == "لا"


def test_arabic_letters_leaves_clean_text_alone():
    text = "رئیس‌جمهور روز سه‌شنبه ۲۹ مهر گفت."
    assert run(arabic_letters(), text).text == text


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("keep", "ساعت ۱۶:۳۰ روز 3 سپتامبر 2025"),
        ("fa", "ساعت ۱۶:۳۰ روز ۳ سپتامبر ۲۰۲۵"),
        ("en", "ساعت 16:30 روز 3 سپتامبر 2025"),
    ],
)
def test_digits_policy(policy, expected):
    assert run(digits(policy), "ساعت ۱۶:۳۰ روز 3 سپتامبر 2025").text == expected


def test_digits_never_reshape_dates_and_times():
    for text in ("۱۴۰۳/۱۲/۰۹", "۱۶:۳۰", "2.5 درصد"):
        for policy in ("keep", "fa", "en"):
            out = run(digits(policy), text).text
            assert len(out) == len(text)
            assert [c for c in out if not c.isdigit()] == [c for c in text if not c.isdigit()]


def test_digits_rejects_unknown_policy():
    with pytest.raises(ValueError):
        digits("roman")


def test_invisible_removes_marks_and_keeps_tanwin():
    raw = "مذاكـــرات\u00ad با\u200f حضورِ هیئت\u200d ها اصلاً"
    assert run(invisible(), raw).text == "مذاكرات با حضور هیئت ها اصلاً"


def test_invisible_composes_decomposed_letters():
    assert run(invisible(), "ا\u0653مریکا و مسا\u0654له ی\u0654").text == "آمریکا و مسأله ئ"
    assert run(invisible(), "ا\u0653ب").offsets == (0, 2, 3)


def test_invisible_tidies_zwnj():
    m = run(invisible(), f"می{ZW}{ZW}شود {ZW}آن{ZW} ها{ZW}\nخانه{ZW}، ۵{ZW}ساله")
    assert m.text == f"می{ZW}شود آن ها\nخانه، ۵{ZW}ساله"


def test_invisible_odd_spaces_and_newlines():
    assert run(invisible(), "الف\u00a0ب\tج\r\nد\re").text == "الف ب ج\nد\ne"


def test_spacing_punctuation_and_quotes():
    m = run(spacing(), "  وزیر  گفت :«مذاکرات ادامه دارد »،سپس رفت .  ")
    assert m.text == "وزیر گفت: «مذاکرات ادامه دارد»، سپس رفت."


def test_spacing_keeps_numbers_and_latin_intact():
    text = "نرخ تورم 2.5 درصد شد و ساعت ۱۶:۳۰ در U.S.A اعلام شد، یعنی ۱,۲۰۰ نفر."
    assert run(spacing(), text).text == text


def test_spacing_layout_contract():
    m = run(spacing(), "\n\n  سطر اول  \n \n\n سطر دوم\t\n  \n")
    assert m.text == "سطر اول\nسطر دوم"


def test_spacing_offsets_point_to_raw_chars():
    raw = "او  گفت :«بله»"
    m = run(spacing(), raw)
    for i, ch in enumerate(m.text):
        if ch != " ":
            assert raw[m.offsets[i]] == ch


def test_boilerplate_drops_whole_lines_only():
    text = "خبر اصلی اینجاست.\n/انتهای پیام/\nکد خبر: ۱۲۳۴۵۶\nمنبع: ایرنا\nانتهای پیام را نوشت و رفت.\nعکس: آرشیو"
    m = run(boilerplate(), text)
    assert m.text == "خبر اصلی اینجاست.\nانتهای پیام را نوشت و رفت."


def test_boilerplate_last_line_leaves_no_trailing_newline():
    assert run(boilerplate(), "متن خبر.\nانتهای پیام").text == "متن خبر."


def test_dedupe_keeps_first_occurrence():
    text = f"نشست سران برگزار شد\nمتن خبر.\nنشست سران برگزار شد\nنشست{ZW} سران  برگزار شد\nپایان."
    m = run(dedupe(), text)
    assert m.text == "نشست سران برگزار شد\nمتن خبر.\nپایان."
    assert m.text.split("\n")[2] == "پایان." and m.offsets[-1] == len(text)

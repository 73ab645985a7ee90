"""Offset maps survive every kind of edit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasad.normalize.textmap import MappedText


def test_one_to_one_translate_keeps_offsets() -> None:
    m = MappedText.of("كيف").translate(str.maketrans({"ك": "ک", "ي": "ی"}))
    assert m.text == "کیف" and m.offsets == (0, 1, 2, 3)


def test_insertion_maps_to_following_char() -> None:
    m = MappedText.of("میشود").sub(r"(?<=می)(?=شود)", "\u200c")
    assert m.text == "می\u200cشود"
    assert m.offsets[2] == 2 and m.offsets[3] == 2 and m.offsets[-1] == 5


def test_deletion_and_collapse() -> None:
    m = MappedText.of("الف   ب").sub(r" {2,}", " ")
    assert m.text == "الف ب"
    assert m.offsets[m.text.index("ب")] == 6


def test_drop_ranges_and_strip() -> None:
    m = MappedText.of("  سطر یک\nتکرار\nسطر دو  ").strip()
    assert m.text.startswith("سطر") and m.offsets[0] == 2
    i = m.text.index("تکرار")
    m2 = m.drop_ranges([(i, i + len("تکرار\n"))])
    assert m2.text == "سطر یک\nسطر دو"
    assert m2.offsets[m2.text.index("دو")] == len("  سطر یک\nتکرار\nسطر ")


@given(st.text(alphabet="ab ي\u200c\n", max_size=40))
def test_offsets_are_monotonic_and_in_range(s: str) -> None:
    m = (
        MappedText.of(s)
        .translate(str.maketrans({"ي": "ی"}))
        .sub(r" +", " ")
        .sub(r"\u200c+", "")
        .sub(r"(?<=a)(?=b)", "-")
        .strip()
    )
    assert len(m.offsets) == len(m.text) + 1
    assert all(0 <= o <= len(s) for o in m.offsets)
    assert list(m.offsets) == sorted(m.offsets)
    for i, ch in enumerate(m.text):
        if ch in "ab\n":
            assert s[m.offsets[i]] == ch

"""Property tests: the tagger never raises and its spans always point into the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.time import TimeStage

STAGE = TimeStage()

WORDS = [
    "روز",
    "سه‌شنبه",
    "سه شنبه",
    "مهر",
    "ماه",
    "اسفندماه",
    "۱۴۰۳",
    "2025",
    "۲۹",
    "نهم",
    "بیست و",
    "یکم",
    "سال",
    "گذشته",
    "آینده",
    "این",
    "هفته",
    "اوایل",
    "امروز",
    "(",
    ")",
    "ساعت",
    "۱۶:۳۰",
    "به وقت",
    "مسکو",
    "تهران",
    "صبح",
    "ظهر",
    "ب.ظ",
    "می",
    "مه",
    "دی",
    "تیر",
    "رمضان",
    "۱۴۴۵",
    "/",
    "-",
    "،",
    ".",
    "\n",
    "\u200c",
    "از",
    "تا",
    "هر",
    "دهه",
    "قرن",
    "بهار",
    "پیش",
    "بعد",
    "دو",
    "چند",
    "خواهد",
    "که",
    "فوریه",
    "۳۰",
    "31",
    "٣",
    "۱۴۰۰/۱۲/۳۰",
    "88/8/8",
    "00:00",
]
ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئآءيك۰۱۲۳۴۵۶۷۸۹٠١٢٣0123456789 \u200c\n:/.-()«»،؛"

texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=120),
    st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=25).map("".join),
    st.text(max_size=60),
)
anchors = st.one_of(
    st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2150, 12, 31)), st.dates()
)


@settings(max_examples=300, deadline=None)
@given(texts, anchors)
def test_tag_never_raises_and_spans_hold(text: str, anchor: dt.date | None) -> None:
    found = STAGE.tag(text, anchor=anchor)
    last = -1
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= last  # sorted, non-overlapping
        last = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value is None or isinstance(t.value, str)
        if anchor is None and t.value is not None:
            assert t.anchor in ("absolute", None) or t.type in ("DURATION", "SET")

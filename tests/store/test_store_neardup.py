"""Copies of one wire story are one source (our own sentences)."""

from __future__ import annotations

import random

from store_samples import summit_article

from rasad.store import Store, neardup
from rasad.store.neardup import jaccard, sketch

WIRE = (
    "ترامپ و پوتین روز جمعه در پایگاهی نظامی در آلاسکا دیدار کردند. این دیدار نزدیک به سه ساعت طول کشید"
    " و دو طرف درباره جنگ اوکراین، تحریم‌ها و کنترل تسلیحات گفت‌وگو کردند. پس از نشست، دو رئیس‌جمهور"
    " در یک نشست خبری کوتاه شرکت کردند اما به پرسش خبرنگاران پاسخ ندادند."
)
OTHER = (
    "ترامپ و پوتین در آلاسکا دیدار کردند و به گفته مشاور کاخ کرملین، گفت‌وگوها سازنده بود اما هنوز"
    " درباره آتش‌بس توافقی به دست نیامده است. وزیر خارجه روسیه نیز گفت دور بعدی گفت‌وگوها در مسکو"
    " برگزار خواهد شد و کارشناسان دو کشور جزئیات را بررسی می‌کنند."
)
PAIR = ["Donald Trump", "Vladimir Putin"]


def test_sketch_similarity() -> None:
    a, b = sketch(WIRE), sketch(WIRE.replace("جمعه", "شنبه") + " منبع: خبرگزاری.")
    assert jaccard(a, b) >= 0.7
    assert jaccard(a, sketch(OTHER)) < 0.3
    assert sketch("خبر کوتاه") == []


def _plain_sketch(form: str) -> list[int]:
    """The sketch in plain Python integers (the definition the numpy form must equal)."""
    words = [neardup._word(w) for w in form.split()]
    if len(words) - neardup.SHINGLE + 1 < neardup.MIN_SHINGLES:
        return []
    m0, m1, m2, m3 = neardup._MULT
    shingles = zip(words, words[1:], words[2:], words[3:], strict=False)
    hashes = {(a * m0 + b * m1 + c * m2 + d * m3) & neardup._MASK for a, b, c, d in shingles}
    return sorted(hashes)[: neardup.K]


def test_sketch_equals_the_plain_integer_definition() -> None:
    rnd = random.Random(13)
    vocab = WIRE.split() + OTHER.split() + ["x" * 40, "۱۴۰۴", "Tehran", "\u200cها"]
    texts = [WIRE, OTHER, WIRE + " " + OTHER, "خبر کوتاه", ""]
    texts += [" ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 120))) for _ in range(300)]
    for text in texts:
        got = sketch(text)
        assert got == _plain_sketch(text)
        assert all(type(h) is int and 0 <= h < 2**63 for h in got)
    assert neardup._words(WIRE) == [neardup._word(w) for w in WIRE.split()]


def test_copies_count_once(store: Store) -> None:
    for i, (outlet, text) in enumerate((
        ("خبرگزاری الف", WIRE),
        ("روزنامه ب", WIRE.replace("جمعه", "جمعه گذشته") + " گزارش از خبرنگار ما."),
        ("سایت ج", WIRE + " این خبر به‌روز می‌شود."),
        ("خبرگزاری الف", OTHER),
    )):
        art = summit_article(f"w{i}", "2025-08-16", "occurred", "2025-08-15", PAIR, text, "دیدار")
        art.source = outlet
        store.add(art)
    stories = {a: store.article(a)["story_id"] for a in (1, 2, 3, 4)}  # type: ignore[index]
    assert stories == {1: None, 2: 1, 3: 1, 4: None}
    (m,) = store.timeline()
    assert (m["articles"], m["stories"], m["sources"], m["outlets"]) == (4, 2, 2, 3)
    (b,) = store.timeline(brief=True)
    assert b["sources"] == 2 and b["articles"] == 4

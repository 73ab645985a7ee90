"""Snippets cut with cached search forms are the same as without, and never stale."""

from __future__ import annotations

from rasad.store.search import FormCache, highlight_pattern, make_snippet

ZW = "\u200c"
TEXTS = [
    f"وزیر امور خارجه روز دوشنبه گفت گفت{ZW}{ZW}وگوها ادامه می{ZW}یابد و رئيس هيئت نیز حاضر بود.",
    "نشست اقتصادی تهران با حضور وزیران برگزار شد و توافقی درباره تجارت امضا شد.",
    "سخنگوی دولت گفت: «مذاکرات ادامه دارد» و نمایندگان مجلس نیز از این طرح حمایت کردند.",
]


def test_cached_forms_give_the_same_snippets() -> None:
    cache = FormCache(size=2)
    for q in ("گفتوگوها", "رئیس هیئت", "مذاکرات", "میشود", "وزیر"):
        pat = highlight_pattern(q)
        for i, text in enumerate(TEXTS):
            for _ in range(2):  # a miss, then a hit
                assert make_snippet(text, pat, "[", "]", forms=cache.get(i, text)) == make_snippet(text, pat, "[", "]")
    assert len(cache._items) <= 2


def test_a_changed_text_under_the_same_key_is_not_stale() -> None:
    cache = FormCache()
    pat = highlight_pattern("وزیر")
    assert "[وزیر]" in make_snippet(TEXTS[0], pat, "[", "]", forms=cache.get(1, TEXTS[0]))
    assert make_snippet(TEXTS[1], pat, "[", "]", forms=cache.get(1, TEXTS[1])) == make_snippet(TEXTS[1], pat, "[", "]")

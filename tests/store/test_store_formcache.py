"""Snippets cut with cached search forms and texts are the same as without, and never stale."""

from __future__ import annotations

import random
from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st
from store_samples import make_article

from rasad.store import Store
from rasad.store.search import (
    FormCache,
    TextCache,
    TextForms,
    highlight_pattern,
    make_snippet,
    search_form_drops,
    search_form_mapped,
    snippet_pieces,
)

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


def test_text_cache_keeps_only_the_newest_version() -> None:
    cache = TextCache(size=2)
    assert cache.put(3, 1, TEXTS[0]).text == TEXTS[0]
    assert cache.snapshot([1, 2]) == (3, {1: cache.snapshot([1])[1][1]})
    cache.put(2, 2, TEXTS[1])  # an older version: answered, not kept
    assert set(cache.snapshot([1, 2])[1]) == {1}
    cache.put(4, 2, TEXTS[1])  # a newer version empties the cache
    assert cache.snapshot([1, 2])[0] == 4 and set(cache.snapshot([1, 2])[1]) == {2}
    cache.put(4, 3, TEXTS[2])
    cache.put(4, 1, TEXTS[0])
    assert len(cache.snapshot([1, 2, 3])[1]) == 2


def test_searches_with_cached_texts_answer_as_cold_ones(store: Store) -> None:
    for i, text in enumerate(TEXTS):
        store.add(make_article(text, f"d{i}"))
    first = [store.search(q) for q in ("وزیر", "گفتوگوها", "نمایندگان")]
    assert first[0] and first[2]
    assert [store.search(q) for q in ("وزیر", "گفتوگوها", "نمایندگان")] == first  # warm
    store._texts = TextCache()
    assert [store.search(q) for q in ("وزیر", "گفتوگوها", "نمایندگان")] == first  # cold


def test_a_changed_text_is_never_shown_stale(store: Store) -> None:
    aid, _ = store.add(make_article(TEXTS[1], "x"))
    assert "[تهران]" in store.search("تهران")[0]["snippet"]
    with store._lock:
        store._conn.execute("UPDATE articles SET text = ? WHERE id = ?", (TEXTS[1].replace("تهران", "شیراز"), aid))
    hit = store.search("تهران")  # still indexed under the old words, but shown with the new text
    assert not hit or "شیراز" in hit[0]["snippet"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=f"اب ی{ZW}\u200b\u200d\u064b\u0640\u0654كي", max_size=40))
def test_drops_map_like_the_offset_list(text: str) -> None:
    form, offs = search_form_mapped(text)
    form2, drops = search_form_drops(text)
    assert form2 == form
    if drops is None:
        assert offs == list(range(len(text) + 1))
        return
    assert [drops.to_text(i) for i in range(len(form) + 1)] == offs
    assert [drops.to_form(s) for s in range(len(text) + 1)] == [bisect_left(offs, s) for s in range(len(text) + 1)]


def test_snippets_with_drops_are_the_same() -> None:
    for q in ("گفتوگوها", "رئیس هیئت", "وزیر"):
        pat = highlight_pattern(q)
        for text in TEXTS:
            text = text.replace("وزیر", "وزیرً")
            form, offs = search_form_mapped(text)
            assert (snippet_pieces(text, pat, forms=search_form_drops(text))
                    == snippet_pieces(text, pat, forms=(form, offs)))


def _long_text(rng: random.Random) -> str:
    words = ["وزیر", "امور", "خارجه", f"گفت{ZW}وگو", "تهران", "، ", ".", "«نشست»", f"می{ZW}شود", "وزیرً", "۱۴۰۴",
             f"رئیس{ZW}{ZW}جمهور", "کشور", "اقتصاد", "\n", "  "]
    return " ".join(rng.choice(words) for _ in range(rng.randrange(50, 900)))


def test_snippets_from_the_start_of_a_text_are_those_of_the_whole() -> None:
    rng = random.Random(5)
    texts = [_long_text(rng) for _ in range(60)]
    queries = ["وزیر", "وزیر*", "امور خارجه", "گفتوگو", "تهران OR اقتصاد", "میشود", "1404", "رئیس جمهور", "نشست", "کشور"]
    heads = 0
    for text in texts:
        for q in queries:
            pat = highlight_pattern(q)
            tf = TextForms(text)
            assert tf.snippet_pieces(pat) == snippet_pieces(text, pat)
            heads += tf._full is None
    assert heads > 100  # the start was enough for many

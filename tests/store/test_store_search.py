"""Full-text search over the normalized text: ZWNJ, letter variants, safe query syntax."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_samples import make_article

from rasad.errors import QueryError
from rasad.store import Store
from rasad.store.search import (
    build_match,
    highlight_pattern,
    joined_form,
    make_snippet,
    search_form,
    search_form_mapped,
)

ZW = "\u200c"


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(make_article(f"دولت اعلام کرد که نشست آینده در تهران برگزار می{ZW}شود.", "a"))
    store.add(make_article(f"رئیس{ZW}جمهور روز سه{ZW}شنبه با هیئت چینی دیدار کرد.", "b"))
    store.add(make_article("وزیر نفت گفت صادرات در سال ۱۴۰۴ افزایش یافت.", "c", title="گزارش صادرات نفت"))
    store.add(make_article("کارشناسان دربارهٔ آیندهٔ بازار هشدار دادند.", "d"))
    return store


def docs(hits: list[dict]) -> set[str]:
    return {h["doc"] for h in hits}


def test_zwnj_compound_found_without_zwnj(filled: Store) -> None:
    assert docs(filled.search("میشود")) == {"a"}
    assert docs(filled.search(f"می{ZW}شود")) == {"a"}
    assert docs(filled.search("رئیسجمهور")) == {"b"}


def test_spaced_query_finds_zwnj_compound(filled: Store) -> None:
    assert docs(filled.search("رئیس جمهور")) == {"b"}
    assert docs(filled.search('"رئیس جمهور"')) == {"b"}
    assert docs(filled.search("سه شنبه")) == {"b"}


def test_letter_and_digit_variants(filled: Store) -> None:
    assert docs(filled.search("رييس جمهور")) == {"b"}  # Arabic yeh
    assert docs(filled.search("1404")) == {"c"}
    assert docs(filled.search("۱۴۰۴")) == {"c"}


def test_operators_and_prefix(filled: Store) -> None:
    assert docs(filled.search("تهران OR بازار")) == {"a", "d"}
    assert docs(filled.search("نشست -تهران")) == set()
    assert docs(filled.search("صادر*")) == {"c"}
    assert filled.search("گزارش")[0]["doc"] == "c"  # title is searched


def test_snippet_keeps_original_spelling(filled: Store) -> None:
    hit = filled.search("1404")[0]
    assert "[۱۴۰۴]" in hit["snippet"]
    assert "<mark>۱۴۰۴</mark>" in hit["snippet_html"]
    s, e = hit["highlights"][0]
    assert hit["snippet_text"][s:e] == "۱۴۰۴"
    hit = filled.search("رئیس جمهور")[0]
    assert f"[رئیس]{ZW}[جمهور]" in hit["snippet"]


@pytest.mark.parametrize("q", ["", "   ", '"نشست', "-تهران", "!!! ،،،"])
def test_unusable_queries_raise(filled: Store, q: str) -> None:
    with pytest.raises(QueryError):
        filled.search(q)


@pytest.mark.parametrize("q", ["NEAR(تهران", "تهران AND", "col:تهران", "^تهران", "تهران) OR (", "*"])
def test_fts_syntax_in_user_terms_is_quoted(filled: Store, q: str) -> None:
    try:
        hits = filled.search(q)
    except QueryError:
        return  # a clean refusal is fine too; a raw sqlite error is not
    assert isinstance(hits, list)


def test_bad_order_and_paging(filled: Store) -> None:
    with pytest.raises(QueryError):
        filled.search("تهران", order="random")
    assert filled.search("تهران", limit=0) == []


def test_search_form_examples() -> None:
    assert search_form("كتاب") == "کتاب"
    assert search_form("کِتابـــ") == "کتاب"
    assert search_form(f"می{ZW}{ZW}شود") == f"می{ZW}شود"
    assert joined_form(f"می{ZW}شود و رئیس{ZW}جمهور") == "میشود رئیسجمهور"
    assert build_match("تهران") == '("تهران")'


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابپتکی\u200c _-۱2a.", max_size=80))
def test_joined_form_equals_one_compound_at_a_time(text: str) -> None:
    """The joined column as first defined: each compound's match, ZWNJs removed, space-joined."""
    form = search_form(text)
    expected = " ".join(m.group().replace(ZW, "") for m in re.finditer(r"(?<!\w)\w++(?:\u200c\w++)+", form))
    assert joined_form(form) == (expected if ZW in form else "")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ابپتکيكىۀئ\u064e\u0640\u200b\u200c\u200d ۱۲3 .", max_size=60))
def test_mapped_form_matches_fast_form(text: str) -> None:
    form, offs = search_form_mapped(text)
    assert form == search_form(text)
    assert len(offs) == len(form) + 1
    assert all(0 <= o <= len(text) for o in offs)
    assert offs == sorted(offs)


def test_snippet_window_and_original_spelling() -> None:
    filler = " ".join(["واژه"] * 40)
    text = f"{filler} در سال ۱۴۰۴ رئیس{ZW}جمهور سخن گفت. {filler}"
    snip = make_snippet(text, highlight_pattern("1404 رئیس جمهور"), "[", "]")
    assert snip.startswith("…") and snip.endswith("…")
    assert f"[۱۴۰۴] [رئیس]{ZW}[جمهور]" in snip
    assert len(snip) < 260
    assert make_snippet("متن کوتاه", None, "[", "]") == "متن کوتاه"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["کتاب", "ِ", "ـ", "۱۲", "\u200c", "\u200c\u200c", " ", "ي", "12"]), max_size=30))
def test_snippet_hits_are_real_words(parts: list[str]) -> None:
    text = "".join(parts)
    snip = make_snippet(text, highlight_pattern("کتاب 12"), "[", "]")
    for hit in re.findall(r"\[([^\]]*)\]", snip):
        assert search_form(hit).replace(ZW, "") in ("کتاب", "12")


def test_search_form_equals_the_translate_table_reference() -> None:
    """The per-character replacement gives what ``str.translate`` with the table gives (then
    ZWNJ runs collapsed), on written news-like text and on dense mixes of the special characters."""
    import random

    from rasad.store import search as S

    def reference(text: str) -> str:
        out = text.translate(S._TABLE)
        return re.sub(S.ZWNJ + "{2,}", S.ZWNJ, out)

    samples = [
        "رئيس‌جمهور روز ۱۲ مهر ١٤٠٤ گفت: «مذاکرات ادامه مي‌يابد»\u200c\u200c و كشور‌ها آماده‌اند",
        "مؤسسهٔ كتاب إيران ــ أخبار\u200b\u200cامروز\u064e\u0651",
    ]
    rng = random.Random(5)
    alphabet = [*S._REPL, "ا", "ب", " ", "\u200c", "\n", "ی", "ک"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(3000)]
    for text in samples:
        assert S.search_form(text) == reference(text), repr(text)
        form, offs = S.search_form_mapped(text)
        assert form == S.search_form(text) and len(offs) == len(form) + 1 and offs[-1] == len(text)
        assert all(S.search_form(text[offs[i]]) in ("", form[i]) or form[i] == S.ZWNJ for i in range(len(form)))


def test_highlight_pattern_matches_as_with_the_boundary_first() -> None:
    """The word-start check after each term's first letter finds exactly what the check before
    the term finds (the regex engine can then skip ahead to the first letters)."""
    from rasad.store.search import highlight_pattern, search_form

    texts = [
        "رئیس‌جمهور روز دوشنبه گفت که مذاکرات می‌شود ادامه یابد؛ ابررئیس و رئیسان نه.",
        "وزیر امور خارجه در گفت‌وگو با همتای خود از اقتصادی پویا و اقتصاددانان سخن گفت.",
        "میشود می شود نمی‌شود ۱۴۰۴ 1404 سال۱۴۰۴ و تهران‌سفر، سفرهای تهران",
    ]
    for query in ("رئیس جمهور", "میشود", "اقتصاد*", '"وزیر امور خارجه"', "تهران -سفر", "ایران OR تهران", "1404",
                  "گفتوگو", "سفرها"):
        fast = highlight_pattern(query)
        assert fast is not None
        body = fast.pattern[len("(?:") : -len(r")(?!\w)")].replace(r"(?<!\w.)", "")
        slow = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")
        for text in texts:
            form = search_form(text)
            assert [m.span() for m in fast.finditer(form)] == [m.span() for m in slow.finditer(form)], query

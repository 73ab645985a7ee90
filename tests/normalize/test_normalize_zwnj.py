"""ZWNJ repair: measured on the hand-checked tables of tests/data, plus behaviour checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.normalize.resources import NON_JOINING, load_vocabulary
from rasad.normalize.textmap import MappedText
from rasad.normalize.zwnj import ZwnjRepairer, render

DATA = Path(__file__).resolve().parent.parent / "data"
ZW = "\u200c"


def canon(s: str) -> str:
    """Ignore a ZWNJ after a letter that does not join (it is invisible there)."""
    return "".join(c for i, c in enumerate(s) if not (c == ZW and i and s[i - 1] in NON_JOINING))


def read_tsv(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


@pytest.fixture(scope="module")
def rep() -> ZwnjRepairer:
    return ZwnjRepairer()


def test_tables_are_big_enough_and_well_formed():
    broken = read_tsv("zwnj_broken.tsv")
    correct = read_tsv("zwnj_correct.tsv")
    assert len(broken) >= 300 and len(correct) >= 300
    for b, c, _origin in broken:
        assert b.replace(" ", "") == c.replace(ZW, "").replace(" ", ""), (b, c)
        assert len(b.split()) <= 2  # words or word pairs, never sentences
    assert all(len(row) == 1 and len(row[0].split()) == 1 for row in correct)


def test_repair_rate_on_broken_table(rep):
    rows = read_tsv("zwnj_broken.tsv")
    fixed = [canon(rep.fix_line(b)) == canon(c) for b, c, _ in rows]
    rate = sum(fixed) / len(rows)
    assert rate >= 0.95, f"repaired {rate:.1%}"


def test_damage_rate_on_correct_table(rep):
    words = [row[0] for row in read_tsv("zwnj_correct.tsv")]
    damaged = [w for w in words if rep.fix_line(w) != w]
    assert len(damaged) / len(words) <= 0.005, damaged


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("میشوند", "می‌شوند"),
        ("نمیتوان", "نمی‌توان"),
        ("گفتوگوهای", "گفت‌وگوهای"),
        ("تازهای", "تازه‌ای"),
        ("غربیاش", "غربی‌اش"),
        ("بینالمللی", "بین‌المللی"),
        ("رئیسجمهور", "رئیس‌جمهور"),
        ("سهجانبه", "سه‌جانبه"),
        ("مذاکرهکنندگان", "مذاکره‌کنندگان"),
        ("همپیمان", "هم‌پیمان"),
        ("کتابهایشان", "کتاب‌هایشان"),
        ("سریعترین", "سریع‌ترین"),
        ("نوشتهاند", "نوشته‌اند"),
        ("برمیگردد", "برمی‌گردد"),
    ],
)
def test_broken_words(rep, broken, fixed):
    assert rep.fix_word(broken) == fixed


@pytest.mark.parametrize(
    "word",
    [
        "میانجی",
        "میز",
        "میلیون",
        "همه",
        "ایران",
        "بیانیه",
        "نمایندگان",
        "تهران",
        "امیدها",
        "میامی",
        "بهتر",
        "ماهی",
        "راهی",
        "توجهی",
        "داشتند",
        "برشمرد",
        "تنها",
        "بیشترین",
        "میدان",
        "همراه",
    ],
)
def test_correct_words_untouched(rep, word):
    assert rep.fix_word(word) == word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("آن ها می توانند", "آن‌ها می‌توانند"),
        ("پیشرفت های تازه", "پیشرفت‌های تازه"),
        ("نمی توان گفت", "نمی‌توان گفت"),
        ("روابط بین المللی", "روابط بین‌المللی"),
        ("آنان کار کرده اند", "آنان کار کرده‌اند"),
        ("این ها را دیدم", "این‌ها را دیدم"),
    ],
)
def test_space_split_pairs_are_joined(rep, text, expected):
    assert rep.fix_line(text) == expected


@pytest.mark.parametrize(
    "text",
    ["به ما گفت", "رئیس جمهوری اسلامی", "از ها و هوی", "می و ساغر", "گفت که اند", "در آن ساعت"],
)
def test_real_word_pairs_stay_apart(rep, text):
    assert rep.fix_line(text) == text


def test_words_that_already_have_zwnj_are_kept(rep):
    for w in ("می‌شود", "گفت‌وگو", "بیانیه‌ای", "رئیس‌جمهور"):
        assert rep.fix_word(w) == w


def test_zwnj_only_after_joining_letters():
    assert render(["هم", "پیمان"]) == "هم‌پیمان"
    assert render(["کشور", "ها"]) == "کشورها"


def test_step_inserts_only_zwnj_and_keeps_offsets(rep):
    raw = "«گزارشهای» تازه، آن ها میگویند."
    m = rep(MappedText.of(raw))
    assert m.text == "«گزارش‌های» تازه، آن‌ها می‌گویند."
    assert len(m.offsets) == len(m.text) + 1
    for i, ch in enumerate(m.text):
        if ch != ZW:
            assert raw[m.offsets[i]] == ch or (raw[m.offsets[i]] == " " and ch == ZW)


def test_vocabulary_is_loaded_and_normalized():
    v = load_vocabulary()
    assert len(v.tagged) > 30_000 and len(v.past_stems) > 500
    assert "رئیس‌جمهور" in v.tagged
    sample = list(v.tagged)[:5000]
    assert not any("ي" in w or "ك" in w for w in sample)


@pytest.mark.parametrize(
    "word",
    [
        "الخلیل",  # Arabic article + name: not الخ + لیل
        "الملیحه",
        "توییتر",  # a loanword ending in تر: not توی + ی + تر
        "توییتری",
    ],
)
def test_names_are_not_split_into_compounds(rep, word):
    assert rep.fix_word(word) == word


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [("طلاییتر", "طلایی\u200cتر"), ("اساسیتر", "اساسی\u200cتر"), ("مهمتر", "مهم\u200cتر")],
)
def test_comparatives_of_curated_adjectives_still_repaired(rep, broken, fixed):
    assert rep.fix_word(broken) == fixed


def test_cached_tables_equal_a_fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped repairer's tables come from the start-up cache: equal to a fresh build,
    through a real cache round trip, with fresh (empty) per-word caches."""
    monkeypatch.setenv("RASAD_CACHE", str(tmp_path))
    ZwnjRepairer()  # builds and writes
    assert list(tmp_path.glob("zwnj-tables.*.pkl"))
    cached = ZwnjRepairer()  # reads back
    fresh = ZwnjRepairer(load_vocabulary())
    assert cached.tables() == fresh.tables() and set(vars(cached)) == set(vars(fresh))
    assert cached.cache == {} and cached.tok_cache == {} and cached.boring == set()
    line = "آن ها می توانند در نشست های بین المللی رئیسجمهور را ببینند"
    assert cached.fix_line(line) == fresh.fix_line(line)

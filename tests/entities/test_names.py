"""The learned Persian → English name model (rasad/entities/names.py) and its keys."""

from __future__ import annotations

import unicodedata

import pytest

from rasad.entities.names import MODEL_PATH, NameModel, canonical, fa_token, glued_key, name_key, name_words
from rasad.entities.translit import Transliterator


def plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s.lower() if c.isascii() and c.isalpha())


@pytest.fixture(scope="module")
def model() -> NameModel:
    return NameModel.load()


def test_arabic_letters_diacritics_and_joiners_fold() -> None:
    assert fa_token("عليّ") == "علی"
    assert fa_token("كريم‌") == "کریم"
    assert canonical("ملا عبد الغني") == canonical("ملا عبدالغنی") == "ملا عبدالغنی"
    assert canonical("ملا عبدلغنی") == "ملا عبدالغنی"
    # «عبدلی» (Abdoli) is not the «عبد ال» compound
    assert canonical("رضا عبدلی") == "رضا عبدلی"


def test_keys_join_variants_of_one_name() -> None:
    assert name_key("ملا عبد الغنی") == name_key("ملا عبدالغني")
    assert name_key("کاوه نیک‌سرشت") == "کاوه نیک\u200cسرشت"  # ZWNJ parts kept apart
    assert glued_key("خیر بخش مری") == glued_key("خیربخش مری")
    assert name_words("بهرام نوراله‌زاده") == [["بهرام"], ["نوراله", "زاده"]]


def test_model_spells_names_the_english_way(model: NameModel) -> None:
    # whole words seen in the pairs and names decoded letter group by letter group
    assert model("شینزو آبه") == "Shinzo Abe"
    assert model("جرج") in ("George", "Jorge")
    assert plain(model("حداد")) == "haddad"
    assert plain(model("تکاچنکو")) == "tkachenko"
    assert plain(model("هولمگرن")) == "holmgren"


def test_particles_prefixes_and_compounds(model: NameModel) -> None:
    assert model("محمد بن سلمان").split()[1] == "bin"
    assert model("حمدان ابوسنینه").split()[1] == "Abu"
    assert model("یوسف القواسمه").split()[1].startswith("al-")
    # a suffix part stays glued, another part becomes its own word
    assert " " not in model("نوراله‌زاده")
    assert len(model("نادری‌شریف").split()) == 2


def test_unknown_letters_and_empty_input(model: NameModel) -> None:
    assert model("") == ""
    assert model("123 --") == ""
    assert model.token("") == "" and model.token("،") == ""


def test_iranian_names_follow_iranian_spelling() -> None:
    t = Transliterator.default()
    # the first word is an Iranian given name: «پور» is «Pour», «ق» is «gh»
    assert t("اعظم پورکند") == "Azam Pourkand"
    assert plain(t("علی قاسمی")) == "alighasemi"


def test_transliterator_falls_back_to_letters_without_model(tmp_path) -> None:
    t = Transliterator.load()
    t.model_path = tmp_path / "missing.json.gz"
    assert t.model is None
    assert t("پوتین") == t.letters("پوتین") == "Putin"


def test_entity_id_is_a_function_of_the_normalized_key() -> None:
    t = Transliterator.default()
    a, b = t.entity_id("ملا عبد الغنی"), t.entity_id("ملا عبدالغني")
    assert a == b and a.startswith("rasad:") and a != "rasad:"
    assert t.entity_id("فرهاد کیانی") == t.entity_id("فرهاد كياني")


def test_model_is_small_and_decodes_every_token() -> None:
    """Size is asserted here; load time and speed are measured by bench/bench_names.py."""
    assert MODEL_PATH.stat().st_size < 4_000_000
    m = NameModel.load()
    words = ["کارانوف", "بلومستد", "ساریتاس", "مولینارو", "دژاردن"] * 2
    outs = [m.token(w) for w in words]
    assert all(o and o[0].isupper() for o in outs) and outs[:5] == outs[5:]


def test_russian_family_names_end_in_ov_and_ev() -> None:
    """Persian writes a final v as «ف»: -ov, -ev, -yev, not -off or -of."""
    t = Transliterator.default()
    assert t("گریگوری زاخاروف").split()[-1].endswith("ov")
    assert t("دیمیتری کوزنتسوف").split()[-1].endswith("ov")
    assert t("الکساندر کاراوایف").split()[-1].lower().endswith(("yev", "aev"))
    # a Central Asian name with an Iranian given name still follows the foreign pairs
    assert t("سهراب شریپوف").split()[-1].endswith("ov")


def test_persian_syllables_never_begin_with_two_consonants() -> None:
    from rasad.entities.names import cluster_penalty, onset_cluster

    assert onset_cluster("srlk") and onset_cluster("khvajeh") and not onset_cluster("sarlak")
    assert cluster_penalty("anzli") < cluster_penalty("anzali") == 0.0
    t = Transliterator.default()
    for name in ("علیرضا سرمک", "امیررضا چمنی", "علی سوادکوهی", "بهروز کلهر"):
        assert not onset_cluster(t(name).split()[-1].lower()), name


def test_iranian_respellings_and_endings() -> None:
    t = Transliterator.default()
    assert t("حبیب‌اله رضایی").startswith("Habibollah")
    assert plain(t("افشین خواجه‌فرد")) == "afshinkhajehfard"  # the vav of «خوا» is silent
    assert t("حنانه نوراله‌زاده").endswith("ollahzadeh")


def test_arab_names_by_their_marks_and_neighbourhood(model: NameModel) -> None:
    t = Transliterator.default()
    # a glued article the memory's spelling drops is split off; a name that begins with
    # those letters is not an article
    assert model._article("الکساندر") is None
    assert t("یوسف الحمیدی").split()[1].startswith("al-")
    # «بن» marks an Arab name: the Arab spelling of the pairs over the Iranian list
    assert t("عبدالله بن سعود").split()[0] == "Abdullah"
    # next to an Arab country or people the same words take the Arab spelling
    assert t("مصطفی حمدان", "سخنگوی ارتش لبنان گفت").split()[0] == "Mustafa"
    assert t("مصطفی حمدان", "سخنگوی دولت ایران گفت").split()[0] == "Mostafa"
    assert model.arab_context("به گزارش خبرگزاری فلسطینی‌ها") and not model.arab_context("")


def test_arab_names_ending_like_russian_ones_stay_arab() -> None:
    t = Transliterator.default()
    rules = t.model.rules if t.model else None
    assert rules is not None
    assert rules.is_foreign("کاراوایف") and rules.is_foreign("زاخاروف")
    assert not rules.is_foreign("شریف") and not rules.is_foreign("رئوف")
    assert t("نادر لطیف").split()[-1] == "Latif"


def test_given_names_by_origin_class() -> None:
    """Arab given names take their English-news spelling in an Arab name; Iranian given names
    beyond the list (and the stems of -ollah names) the Iranian one."""
    t = Transliterator.default()
    assert t("احمد بن سالم").split()[0] == "Ahmed"
    assert t("محمد بن ناصر").split()[0] == "Mohammed"
    assert t("محمد کریمی").split()[0] == "Mohammad"  # the Iranian list outside an Arab name
    assert t("حجت‌الله کاظمی").split()[0] == "Hojjatollah"
    assert t("قدرت‌الله نوروزی").split()[0] == "Ghodratollah"


def test_an_alef_inside_an_iranian_name_is_a_vowel() -> None:
    latin = Transliterator.default()("علیرضا سیاوشانی")
    assert latin.split()[1].lower().startswith("siav"), latin


def test_given_name_rows_are_attested(shared_dir) -> None:
    """Every ``arab_given`` spelling is one the Wikidata pairs give the word, or a word of
    the gazetteer's English names (no invented spellings)."""
    import re
    from collections import defaultdict

    from rasad.entities.names import RULES_PATH, Rules

    seen: dict[str, set[str]] = defaultdict(set)
    for line in (shared_dir / "corpus" / "names" / "netranslit_wd_arabic_80").open(encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 2:
            seen[fa_token(cols[1].replace(" ", ""))].add(cols[0].lower())
    gaz_dir = RULES_PATH.parent.parent / "gazetteer"
    words = {
        w.lower()
        for f in gaz_dir.glob("*.yaml")
        for m in re.finditer(r"\bname: ([^,}\n]+)", f.read_text(encoding="utf-8"), re.M)
        for w in m.group(1).split()
    }
    rules = Rules.load()
    assert len(rules.arab_given) >= 40 and len(rules.iranian_given) >= 10
    for fa, en in rules.arab_given.items():
        assert en.lower() in seen[fa] or en.lower() in words, (fa, en)


def test_a_russian_ending_written_apart_is_glued_back() -> None:
    t = Transliterator.default()
    assert t("کریم رحمان اف").split()[-1].lower().endswith("rahmanov")
    assert t("الهام علی اف").split()[-1] == "Aliyev"


def test_russian_names_write_kaf_as_k_and_ze_as_z() -> None:
    latin = Transliterator.default()("ایگور کامنتسوف")
    assert latin.split()[-1] == "Kamentsov", latin  # not the Latin-language Camentsov


def test_house_names_before_an_article() -> None:
    t = Transliterator.default()
    assert t("سلمان آل الشیخ").endswith("Al-Sheikh")
    assert t("تمیم آل ثانی").endswith("Al Thani")

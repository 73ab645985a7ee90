"""Names found by the statistical tagger: new entities, deference to the gazetteer, surname coref."""

from __future__ import annotations

from fake_tagger import FakeTagger

from rasad.entities import EntityStage, mention_at
from rasad.entities.translit import Transliterator, slugify
from rasad.model import Article


def stage_with(names: dict[str, str], types: frozenset[str] = frozenset({"PER"})) -> EntityStage:
    st = EntityStage(use_tagger=False, tagger_types=types)
    st.tagger = FakeTagger(names)
    return st


def test_unknown_person_gets_romanized_entity_and_surname_coref() -> None:
    st = stage_with({"بهروز کاویانی‌فر": "PER"})
    text = "بهروز کاویانی‌فر، رئیس یک شرکت، گفت که کاویانی‌فر به تهران می‌رود."
    doc = st(Article(raw=text, text=text, published="2025-01-01"))
    per = [e for e in doc.entities if e.type == "PER"]
    assert len(per) == 1
    ent = per[0]
    assert ent.id.startswith("rasad:") and ent.label_fa == "بهروز کاویانی‌فر"
    assert ent.name.split()[0] == "Behruz" or ent.name[0] == "B"
    assert [(m.text, m.source) for m in ent.mentions] == [("بهروز کاویانی‌فر", "crf"), ("کاویانی‌فر", "coref")]
    assert "Tehran" in [e.name for e in doc.entities]


def test_tagger_span_overlapping_gazetteer_defers() -> None:
    st = stage_with({"ولادیمیر پوتین گفت": "PER", "کاخ سفید": "LOC"})
    text = "ولادیمیر پوتین گفت که کاخ سفید پاسخ نداده است."
    doc = st(Article(raw=text, text=text))
    assert sorted(e.name for e in doc.entities) == ["Vladimir Putin", "White House"]
    assert all(m.source == "gazetteer" for e in doc.entities for m in e.mentions)


def test_tagger_loc_becomes_gpe_and_title_apposition_attaches() -> None:
    text = "آرتیوم بلینوف، وزیر امور خارجه روسیه، در نووگورود سخن گفت."
    tagged = {"نووگورود": "LOC", "آرتیوم بلینوف": "PER"}
    doc = stage_with(tagged)(Article(raw=text, text=text, published="2025-05-05"))
    assert "نووگورود" not in {e.label_fa for e in doc.entities}  # by default only people are added
    doc = stage_with(tagged, frozenset({"PER", "GPE"}))(Article(raw=text, text=text, published="2025-05-05"))
    types = {e.label_fa: e.type for e in doc.entities}
    assert types["نووگورود"] == "GPE"
    found = mention_at(doc, 16, 20)  # inside the title
    assert found is not None and found[0].label_fa == "آرتیوم بلینوف" and found[1].source == "title"


def test_broken_tagger_does_not_crash() -> None:
    class Broken:
        def spans(self, text: str) -> list[tuple[int, int, str]]:
            raise RuntimeError("model missing")

    st = EntityStage(use_tagger=False)
    st.tagger = Broken()
    doc = st(Article(raw="پوتین آمد.", text="پوتین آمد."))
    assert [e.name for e in doc.entities] == ["Vladimir Putin"]
    assert any("tagger" in w for w in doc.warnings)


def test_transliterator_and_slug() -> None:
    t = Transliterator.default()
    assert t("پوتین") == "Putin"
    assert t("تیمور تکاچنکو").startswith("Timur T")
    # known word endings and foreign given names (data: translit_words.tsv)
    assert t("سرگئی لاوروف") == "Sergey Lavrov"
    assert t("ماریا زاخارووا") == "Maria Zakharova"
    # Iranian given names (given_names_fa.tsv) switch to the Iranian spelling of «و»
    assert t("اعظم پورکند") == "Azam Pourkand"
    assert slugify("Élysée Palace") == "elysee-palace"


def test_tagger_confirms_risky_alias_and_links_surname_first() -> None:
    st = stage_with({"کیف": "LOC", "کاویانی‌فر": "PER", "بهروز کاویانی‌فر": "PER"})
    text = "کاویانی‌فر دیروز به کیف رفت. بهروز کاویانی‌فر بازرگان است."
    doc = st(Article(raw=text, text=text))
    assert "Kyiv" in [e.name for e in doc.entities]
    per = [e for e in doc.entities if e.type == "PER"]
    assert len(per) == 1 and per[0].label_fa == "بهروز کاویانی‌فر"
    assert [m.source for m in per[0].mentions] == ["coref", "crf"]


def test_honorific_stripped_and_one_word_unknown_org_dropped() -> None:
    st = stage_with({"آقای بهروز کاویانی‌فر": "PER", "سامانه": "ORG"})
    text = "آقای بهروز کاویانی‌فر گفت سامانه جدید آماده است."
    doc = st(Article(raw=text, text=text))
    assert [(e.label_fa, e.type) for e in doc.entities] == [("بهروز کاویانی‌فر", "PER")]
    assert doc.entities[0].mentions[0].start == text.index("بهروز")


def test_shorter_tagged_name_inside_longer_one_is_coref() -> None:
    st = stage_with({"اتو پرز مولینا": "PER", "پرز مولینا": "PER", "کیم (جونگ اون": "PER"})
    text = "اتو پرز مولینا استعفا داد و پرز مولینا گفت که کیم (جونگ اون) را ندیده است."
    doc = st(Article(raw=text, text=text))
    per = [e for e in doc.entities if e.type == "PER" and e.id.startswith("rasad:")]
    assert [e.label_fa for e in per] == ["اتو پرز مولینا"]
    assert [(m.text, m.source) for m in per[0].mentions] == [
        ("اتو پرز مولینا", "crf"),
        ("پرز مولینا", "coref"),
    ]

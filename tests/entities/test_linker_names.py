"""One identity per person: spelling variants and later surnames of names the gazetteer lacks."""

from __future__ import annotations

from fake_tagger import FakeTagger

from rasad.entities import EntityStage
from rasad.model import Article


def run(names: dict[str, str], text: str) -> Article:
    st = EntityStage(use_tagger=False)
    st.tagger = FakeTagger(names)
    return st(Article(raw=text, text=text, published="2025-01-01"))


def people(doc: Article) -> list:
    return [e for e in doc.entities if e.type == "PER" and e.id.startswith("rasad:")]


def test_spaced_and_glued_spellings_are_one_person() -> None:
    text = "ملا عبدالغنی کاوندی دیروز سخنرانی کرد. به گفته ملا عبد الغنی کاوندی این دیدار مهم بود."
    doc = run({"ملا عبدالغنی کاوندی": "PER", "ملا عبد الغنی کاوندی": "PER"}, text)
    per = people(doc)
    assert len(per) == 1 and len(per[0].mentions) == 2


def test_arabic_letters_do_not_make_a_second_person() -> None:
    text = "فرهاد کیانی‌نژاد به خبرنگاران گفت که فرهاد كيانی‌نژاد فردا می‌آید."
    doc = run({"فرهاد کیانی‌نژاد": "PER", "فرهاد كيانی‌نژاد": "PER"}, text)
    assert len(people(doc)) == 1


def test_later_surname_in_arabic_letters_links_to_the_full_name() -> None:
    text = "رستم تاجیکوف وارد شد. سپس تاجيكوف گفت که مذاکرات ادامه دارد."
    doc = run({"رستم تاجیکوف": "PER"}, text)
    per = people(doc)
    assert len(per) == 1
    assert [m.source for m in per[0].mentions] == ["crf", "coref"]
    assert per[0].mentions[1].text == "تاجيكوف"


def test_same_name_gets_the_same_id_in_two_articles() -> None:
    a = run({"رستم تاجیکوف": "PER"}, "رستم تاجیکوف وارد شد.")
    b = run({"رستم تاجيكوف": "PER"}, "دیروز رستم تاجيكوف گفت.")
    assert people(a)[0].id == people(b)[0].id
    assert people(a)[0].name == people(b)[0].name


def test_shorter_variant_links_to_the_longer_name() -> None:
    text = "اتو پرز مولینا استعفا داد. پرز مولینا پیش‌تر گفته بود."
    doc = run({"اتو پرز مولینا": "PER", "پرز مولینا": "PER"}, text)
    per = people(doc)
    assert len(per) == 1 and [m.source for m in per[0].mentions] == ["crf", "coref"]

"""Matching and linking on sentences written for these tests (not taken from articles)."""

from __future__ import annotations

from datetime import date

import pytest

from rasad.entities import EntityStage, mention_at, mentions_in
from rasad.entities.gazetteer import Gazetteer, parse_entry
from rasad.model import Article


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_tagger=False)


def run(stage: EntityStage, text: str, published: str | None = "2025-09-03") -> Article:
    return stage(Article(raw=text, text=text, published=published))


def names(doc: Article) -> list[str]:
    return [e.name for e in doc.entities]


def test_full_name_and_surname(stage: EntityStage) -> None:
    doc = run(stage, "سرگئی لاوروف روز دوشنبه در مسکو گفت که لاوروف آماده دیدار است.")
    lav = doc.entity_by_id("rasad:sergey-lavrov")
    assert lav is not None and lav.name == "Sergey Lavrov"
    assert [m.text for m in lav.mentions] == ["سرگئی لاوروف", "لاوروف"]
    assert "Moscow" in names(doc)
    assert "Dushanbe" not in names(doc)  # «دوشنبه» is Monday here


def test_zwnj_and_space_variants(stage: EntityStage) -> None:
    for text in (
        "دادگاه کیفری بین‌المللی حکم داد.",
        "دادگاه کیفری بین المللی حکم داد.",
        "دادگاه کیفری بینالمللی حکم داد.",
    ):
        assert names(run(stage, text)) == ["International Criminal Court"], text


def test_arabic_letters_and_hamza_folded(stage: EntityStage) -> None:
    doc = run(stage, "رييس‌جمهور روسيه با نخست‌وزير هند ديدار كرد.")
    assert {"Russia", "India"} <= set(names(doc))


def test_punctuation_and_zwnj_suffix(stage: EntityStage) -> None:
    doc = run(stage, "به گفته پوتین، مذاکرات با آمریکا‌ها ادامه دارد.")
    assert {"Vladimir Putin", "United States"} <= set(names(doc))
    assert doc.entity_by_id("Q7747").mentions[0].text == "پوتین"


def test_no_match_inside_words(stage: EntityStage) -> None:
    doc = run(stage, "چینش میزها و ترکش خمپاره در گزارش آمد.")
    assert names(doc) == []


def test_longest_match_and_nested_country(stage: EntityStage) -> None:
    doc = run(stage, "وزارت امور خارجه روسیه بیانیه‌ای منتشر کرد.")
    assert names(doc) == ["Ministry of Foreign Affairs (Russia)", "Russia"]
    mfa = doc.entities[0]
    assert mfa.mentions[0].text == "وزارت امور خارجه روسیه"


def test_adjective_is_country_mention(stage: EntityStage) -> None:
    doc = run(stage, "یک مقام آمریکایی و دیپلمات‌های اندونزیایی حاضر بودند.")
    us = doc.entity_by_id("Q30")
    assert us is not None and us.mentions[0].source == "adjective"
    assert "Indonesia" in names(doc)


def test_ambiguous_word_needs_context(stage: EntityStage) -> None:
    assert "Kyiv" not in names(run(stage, "او کیف خود را در خانه جا گذاشت."))
    doc = run(stage, "زلنسکی در کیف با خبرنگاران گفت‌وگو کرد.")
    assert {"Kyiv", "Volodymyr Zelenskyy"} <= set(names(doc))


def test_surname_partial_needs_full_name(stage: EntityStage) -> None:
    g = Gazetteer(
        [
            parse_entry(
                {"id": "rasad:test-person", "name": "Test Person", "type": "PER", "fa": "بهرام آزمونیان"}
            )
        ]
    )
    st = EntityStage(g, use_tagger=False)
    assert names(run(st, "آزمونیان گفت که می‌آید.")) == []
    doc = run(st, "بهرام آزمونیان آمد و آزمونیان گفت که می‌ماند.")
    ent = doc.entities[0]
    assert [(m.text, m.source) for m in ent.mentions] == [
        ("بهرام آزمونیان", "gazetteer"),
        ("آزمونیان", "coref"),
    ]


def test_title_to_holder_by_date(stage: EntityStage) -> None:
    g = stage.gazetteer
    assert g.role_holder("رئیس‌جمهور آمریکا", date(2023, 6, 1)).name == "Joe Biden"
    assert g.role_holder("رئیس جمهور ایالات متحده", date(2025, 6, 1)).name == "Donald Trump"
    assert g.role_holder("رئیس‌جمهور آمریکا", date(2019, 6, 1)).name == "Donald Trump"
    assert g.role_holder("وزیر خارجه آمریکا", date(2025, 3, 1)).name == "Marco Rubio"
    assert g.role_holder("وزیر امور خارجه آمریکا", date(2022, 3, 1)).name == "Antony Blinken"
    assert g.role_holder("وزیر خارجه روسیه", date(2010, 1, 1)).name == "Sergey Lavrov"
    assert g.role_holder("رئیس‌جمهور روسیه", date(2010, 1, 1)).name == "Dmitry Medvedev"
    assert g.role_holder("پادشاه مریخ", date(2010, 1, 1)) is None
    assert stage.role_holder("وزیر خارجه آمریکا", "2025-05-01").name == "Marco Rubio"


def test_title_only_person_kept_out_of_contract(stage: EntityStage) -> None:
    text = "رئیس‌جمهور روسیه روز سه‌شنبه گفت که مذاکرات ادامه دارد."
    doc = run(stage, text)
    assert "Vladimir Putin" not in names(doc)
    assert "Russia" in names(doc)
    found = mention_at(doc, 0, 5)
    assert found is not None and found[0].name == "Vladimir Putin" and found[1].source == "title"
    doc2 = run(stage, text, published="2009-06-01")
    assert mention_at(doc2, 0, 5)[0].name == "Dmitry Medvedev"


def test_title_joins_named_person(stage: EntityStage) -> None:
    doc = run(stage, "ماریا زاخارووا، سخنگوی وزارت امور خارجه روسیه، گفت که زاخارووا نگران است.")
    z = doc.entity_by_id("rasad:maria-zakharova")
    assert z is not None
    assert [m.source for m in z.mentions] == ["gazetteer", "title", "gazetteer"]
    assert {"Ministry of Foreign Affairs (Russia)", "Russia"} <= set(names(doc))
    assert "title" not in [s for e in doc.to_dict()["entities"] for s in e["mentions"] if s == "title"]


def test_bare_ministry_uses_country_in_sentence(stage: EntityStage) -> None:
    doc = run(stage, "آمریکا و آمریکا و آمریکا. هیئت روسی شامل نمایندگانی از وزارت امور خارجه بود.")
    assert "Ministry of Foreign Affairs (Russia)" in names(doc)
    assert "United States Department of State" not in names(doc)


def test_metonymy_literal(stage: EntityStage) -> None:
    doc = run(stage, "کرملین و کاخ سفید اعلام کردند که واشنگتن و مسکو گفت‌وگو می‌کنند.")
    got = {(e.name, e.type) for e in doc.entities}
    assert {("Kremlin", "ORG"), ("White House", "ORG"), ("Washington, D.C.", "GPE"), ("Moscow", "GPE")} <= got


def test_acronym_case(stage: EntityStage) -> None:
    assert "Federal Security Service" in names(run(stage, "به گزارش FSB حادثه رخ داد."))
    assert "Associated Press" not in names(run(stage, "the ap was here"))


def test_mentions_in_sorted_and_offsets(stage: EntityStage) -> None:
    text = "دونالد ترامپ و ولادیمیر پوتین در آلاسکا دیدار کردند."
    doc = run(stage, text)
    pairs = mentions_in(doc, 0, len(text))
    assert [e.name for e, _ in pairs] == ["Donald Trump", "Vladimir Putin", "Alaska"]
    for _, m in pairs:
        assert text[m.start : m.end] == m.text
    assert mention_at(doc, 100, 120) is None


def test_empty_text(stage: EntityStage) -> None:
    doc = stage(Article(raw=""))
    assert doc.entities == []


def test_deputy_former_and_plural_titles_name_nobody(stage: EntityStage) -> None:
    for text in (
        "معاون وزیر امور خارجه روسیه گفت که گفت‌وگوها ادامه دارد.",
        "رئیس‌جمهور سابق آمریکا در این مراسم حاضر بود.",
        "دو رئیس‌جمهور در این باره صحبت کردند.",
    ):
        doc = run(stage, text)
        assert all(m.source != "title" for e, m in mentions_in(doc, 0, len(text))), text
    doc = run(stage, "وزیر امور خارجه روسیه گفت که گفت‌وگوها ادامه دارد.")
    assert mention_at(doc, 0, 4)[0].name == "Sergey Lavrov"


def test_person_before_finds_antecedent(stage: EntityStage) -> None:
    from rasad.entities import person_before

    text = "رئیس‌جمهور روسیه در مسکو بود. ماریا زاخارووا در کییف نبود و وی گفت که آمریکا مقصر است."
    doc = run(stage, text)
    ent, m = person_before(doc, text.index("وی"))
    assert ent.name == "Maria Zakharova"
    ent, m = person_before(doc, text.index("در مسکو"))
    assert (ent.name, m.source) == ("Vladimir Putin", "title")
    assert person_before(doc, 3) is None

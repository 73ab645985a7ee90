"""International-politics coverage of the gazetteer: dated offices 2010–2026, outlets, regions.

Sentences are written for these tests in the style of Persian news (not taken from articles).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from rasad.entities import EntityStage
from rasad.entities.gazetteer import Gazetteer
from rasad.entities.translit import Transliterator
from rasad.model import Article


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_tagger=False)


def run(stage: EntityStage, text: str, published: str = "2018-05-03") -> Article:
    return stage(Article(raw=text, text=text, published=published))


def test_category_sizes(gaz: Gazetteer) -> None:
    by_type = Counter(e.type for e in gaz.entries)
    assert by_type["PER"] >= 1500
    assert by_type["ORG"] >= 900
    with_roles = sum(1 for e in gaz.entries if e.type == "PER" and e.roles)
    assert with_roles >= 900


# (title, date, expected holder): foreign and defence ministers of the P5 and the region,
# heads of government, spokespeople and heads of international bodies across 2010–2026.
HOLDERS = [
    ("وزیر امور خارجه آمریکا", date(2011, 6, 1), "Hillary Clinton"),
    ("وزیر دفاع آمریکا", date(2014, 1, 1), "Chuck Hagel"),
    ("وزیر دفاع آمریکا", date(2016, 1, 1), "Ash Carter"),
    ("سخنگوی کاخ سفید", date(2015, 5, 1), "Josh Earnest"),
    ("سخنگوی وزارت خارجه آمریکا", date(2014, 2, 1), "Jen Psaki"),
    ("مشاور امنیت ملی آمریکا", date(2017, 9, 1), "H. R. McMaster"),
    ("نماینده آمریکا در سازمان ملل", date(2018, 3, 1), "Nikki Haley"),
    ("وزیر خارجه انگلیس", date(2017, 1, 1), "Boris Johnson"),
    ("وزیر خارجه انگلیس", date(2012, 1, 1), "William Hague"),
    ("وزیر امور خارجه فرانسه", date(2015, 6, 1), "Laurent Fabius"),
    ("وزیر دفاع فرانسه", date(2019, 6, 1), "Florence Parly"),
    ("وزیر امور خارجه آلمان", date(2019, 1, 1), "Heiko Maas"),
    ("وزیر امور خارجه آلمان", date(2015, 1, 1), "Frank-Walter Steinmeier"),
    ("وزیر امور خارجه چین", date(2023, 5, 1), "Qin Gang"),
    ("وزیر دفاع ترکیه", date(2020, 1, 1), "Hulusi Akar"),
    ("نخست‌وزیر ترکیه", date(2015, 1, 1), "Ahmet Davutoğlu"),
    ("وزیر امور خارجه عربستان", date(2016, 1, 1), "Adel al-Jubeir"),
    ("وزیر دفاع ایران", date(2015, 1, 1), "Hossein Dehghan"),
    ("وزیر امور خارجه ایران", date(2012, 1, 1), "Ali Akbar Salehi"),
    ("وزیر امور خارجه اوکراین", date(2016, 1, 1), "Pavlo Klimkin"),
    ("وزیر دفاع اسرائیل", date(2017, 1, 1), "Avigdor Lieberman"),
    ("نخست‌وزیر عراق", date(2016, 3, 1), "Haider al-Abadi"),
    ("نخست‌وزیر لبنان", date(2018, 1, 1), "Saad Hariri"),
    ("رئیس‌جمهور کره جنوبی", date(2018, 1, 1), "Moon Jae-in"),
    ("نخست‌وزیر ژاپن", date(2015, 1, 1), "Shinzo Abe"),
    ("رئیس‌جمهور آرژانتین", date(2017, 1, 1), "Mauricio Macri"),
    ("دبیرکل ناتو", date(2012, 1, 1), "Anders Fogh Rasmussen"),
    ("رئیس دومای روسیه", date(2010, 6, 1), "Boris Gryzlov"),
    ("سخنگوی وزارت امور خارجه ایران", date(2014, 6, 1), "Marzieh Afkham"),
    ("فرمانده کل ارتش", date(2012, 1, 1), "Ataollah Salehi"),
]


@pytest.mark.parametrize(("title", "on", "expected"), HOLDERS)
def test_dated_office_holders(gaz: Gazetteer, title: str, on: date, expected: str) -> None:
    holder = gaz.role_holder(title, on)
    assert holder is not None and holder.name == expected


def test_new_people_and_bodies_in_a_sentence(stage: EntityStage) -> None:
    text = (
        "ژان‌ایو لودریان وزیر خارجه فرانسه در گفت‌وگو با روزنامه فیگارو گفت پارلمان انگلیس "
        "و مجلس نمایندگان عراق درباره گزارش سازمان منع سلاح‌های شیمیایی بحث کرده‌اند."
    )
    names = {e.name for e in run(stage, text).entities}
    assert {
        "Jean-Yves Le Drian",
        "Le Figaro",
        "Parliament of the United Kingdom",
        "Council of Representatives of Iraq",
        "Organisation for the Prohibition of Chemical Weapons",
    } <= names


def test_outlet_names_hide_their_places(stage: EntityStage) -> None:
    doc = run(stage, "روزنامه نیویورک پست و شبکه اسکای نیوز عربی این خبر را منتشر کردند.")
    names = {e.name for e in doc.entities}
    assert {"New York Post", "Sky News Arabia"} <= names
    assert "New York City" not in names


def test_regions_are_longest_match(stage: EntityStage) -> None:
    names = {e.name for e in run(stage, "کشورهای شرق آسیا و اروپای شرقی نگران هستند.").entities}
    assert {"East Asia", "Eastern Europe"} <= names
    assert "Asia" not in names and "Europe" not in names


def test_common_word_surnames_need_the_full_name(stage: EntityStage) -> None:
    # «ابتکار» (initiative), «متکی» (relying), «دوستم» (my friend) are surnames of entries
    text = "دولت ابتکار تازه‌ای را اعلام کرد که متکی به همکاری منطقه‌ای است و دوستم آن را پسندید."
    names = {e.name for e in run(stage, text).entities}
    assert not names & {"Masoumeh Ebtekar", "Manouchehr Mottaki", "Abdul Rashid Dostum"}
    doc = run(stage, "معصومه ابتکار روز یکشنبه گفت ابتکار در این پرونده با دولت است.")
    ebt = doc.entity_by_id("rasad:masoumeh-ebtekar")
    assert ebt is not None and len(ebt.mentions) >= 1


def test_romanizer_knows_common_foreign_given_names() -> None:
    t = Transliterator.default()
    assert t("جاش ارنست") == "Josh Earnest"
    assert t("فیلیپ گوردون") == "Philip Gordon"
    assert t("کنستانتین کوساچف") == "Konstantin Kosachev"
    assert t("محمد بن سلمان").endswith("bin Salman")
    assert t("مایک").startswith("Mike")

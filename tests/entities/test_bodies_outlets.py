"""Bare bodies, outlets after reporting cues, whole nested names and the name filter,
on sentences written for these tests (not taken from articles)."""

from __future__ import annotations

import pytest

from rasad.entities import EntityStage
from rasad.entities.namefilter import NameFilter
from rasad.model import Article


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_tagger=False)


def names(stage: EntityStage, text: str) -> list[str]:
    doc = stage(Article(raw=text, text=text, published="2025-09-03"))
    return [e.name for e in doc.entities]


# --- bare heads: the country of the sentence, the article, else the publisher's ---------------
@pytest.mark.parametrize(
    ("text", "body"),
    [
        # no country anywhere: the publisher's (Iran)
        ("نمایندگان مجلس امروز لایحه بودجه را بررسی کردند.", "Islamic Consultative Assembly"),
        ("رئیس بانک مرکزی از کاهش نرخ تورم خبر داد.", "Central Bank of Iran"),
        # a country right after the head, even past an adjective
        ("ارتش مقتدر آمریکا در منطقه مستقر است.", "United States Armed Forces"),
        # the country of the sentence, not the publisher's
        ("در ترکیه، وزارت کشور از بازداشت ده نفر خبر داد.", "Ministry of Interior (Turkey)"),
        # the previous sentence names the country
        ("پارلمان عراق جلسه‌ای فوق‌العاده برگزار کرد. وزارت دفاع نیز بیانیه داد.", "Ministry of Defence (Iraq)"),
    ],
)
def test_bare_head_country(stage: EntityStage, text: str, body: str) -> None:
    assert body in names(stage, text)


def test_bare_head_of_a_country_without_that_body_links_nothing(stage: EntityStage) -> None:
    # the article is about Guatemala, whose central bank the gazetteer lacks: not Iran's
    got = names(stage, "در گواتمالا اعتراضات ادامه دارد. رئیس بانک مرکزی استعفا کرد. گواتمالا در بحران است.")
    assert "Central Bank of Iran" not in got


def test_plural_head_is_no_body(stage: EntityStage) -> None:
    assert names(stage, "ارتش‌ها در حال نوسازی تسلیحات خود هستند.") == []


# --- outlets after a reporting cue ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("به گزارش فارس، نشست کمیسیون امروز برگزار شد.", "Fars News Agency"),
        ("به گزارش گروه بین‌الملل مشرق، مذاکرات ادامه دارد.", "Mashregh News"),
        ("به گزارش روز نو؛ دولت طرح تازه‌ای ارائه کرد.", "Roozno"),
    ],
)
def test_outlet_after_cue(stage: EntityStage, text: str, outlet: str) -> None:
    assert outlet in names(stage, text)


def test_short_outlet_name_without_cue_is_a_word(stage: EntityStage) -> None:
    assert "Fars News Agency" not in names(stage, "سفر به استان فارس در تعطیلات رونق گرفت.")
    assert "Roozno" not in names(stage, "هر روز نو شدن طبیعت را می‌بینیم.")


# --- a name inside a longer name ------------------------------------------------------------------
def test_city_inside_a_name_is_no_mention(stage: EntityStage) -> None:
    got = names(stage, "اعضای سازمان همکاری شانگهای در نشست سالانه شرکت کردند.")
    assert "Shanghai Cooperation Organisation" in got and "Shanghai" not in got


def test_country_qualifying_a_body_is_a_mention(stage: EntityStage) -> None:
    got = names(stage, "وزارت امور خارجه روسیه بیانیه‌ای صادر کرد.")
    assert got == ["Ministry of Foreign Affairs (Russia)", "Russia"]


def test_company_names_no_place(stage: EntityStage) -> None:
    got = names(stage, "سهام پالایش نفت تهران و فولاد مبارکه در بورس رشد کرد.")
    assert "Tehran Oil Refining Company" in got and "Mobarakeh Steel Company" in got
    assert "Tehran" not in got


# --- the name filter ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def name_filter() -> NameFilter:
    return NameFilter.default()


@pytest.mark.parametrize(
    "phrase", ["ویروس کرونا", "علی‌رغم", "معترضان شیلیایی", "پتروشیمی مارون", "مهندسی گرسنگی", "بیل آهنین"]
)
def test_common_words_are_no_person(name_filter: NameFilter, phrase: str) -> None:
    assert not name_filter.is_name(phrase)


@pytest.mark.parametrize("name", ["محمد رضایی", "حسن روحانی", "سرگئی لاوروف", "نواز شریف", "لیزا کوک"])
def test_names_pass_the_filter(name_filter: NameFilter, name: str) -> None:
    assert name_filter.is_name(name)


def test_bare_head_takes_the_country_of_a_seat_of_power(stage: EntityStage) -> None:
    # the Pentagon's statement: its «وزارت دفاع» is the US department, not Iran's ministry
    got = names(stage, "پنتاگون در بیانیه‌ای اعلام کرد وزارت دفاع برای هر سناریویی آماده است.")
    assert "United States Department of Defense" in got
    assert "Ministry of Defence and Armed Forces Logistics" not in got


def test_person_inside_a_named_route_is_no_mention(stage: EntityStage) -> None:
    got = names(stage, "مسیر ترامپ قرار است از خاک ارمنستان بگذرد.")
    assert "Trump Route for International Peace and Prosperity" in got and "Donald Trump" not in got


def test_month_after_a_report_is_no_outlet() -> None:
    from rasad.pipeline import default_pipeline

    pipe = default_pipeline().without("quotes", "events")
    text = "بر اساس گزارش مهر ماه مرکز آمار، تورم کاهش یافت."
    doc = pipe(Article(raw=text, published="2025-11-01"))
    assert "Mehr News Agency" not in [e.name for e in doc.entities]

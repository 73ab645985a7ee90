"""Dated office timelines (``offices_*.yaml``): lint, and a title in a dated article naming
that day's holder. Sentences are written for these tests in the style of Persian news."""

from __future__ import annotations

import re
from datetime import date

import pytest

from rasad.entities import EntityStage
from rasad.entities.gazetteer import DATA_DIR, Gazetteer, _as_date, fold, iter_offices
from rasad.model import Article

OFFICES = list(iter_offices(DATA_DIR))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_tagger=False)


def test_offices_files_are_read() -> None:
    files = {name for name, _ in OFFICES}
    assert {"offices_iran.yaml", "offices_world.yaml"} <= files
    assert len(OFFICES) >= 50


def test_office_keys_and_titles() -> None:
    bad: list[tuple[str, str]] = []
    for _, o in OFFICES:
        if set(o) - {"office", "title", "holders"} or not o.get("office") or not o["title"]:
            bad.append((str(o.get("office")), "keys"))
        for t in o["title"]:
            if re.search("[يكى]", t) or "  " in t or t != t.strip() or t.startswith("\u200c"):
                bad.append((o["office"], t))
        for h in o.get("holders") or []:
            if set(h) - {"id", "start", "end"} or "start" not in h:
                bad.append((o["office"], str(h)))
    assert not bad, bad[:10]


def test_holders_exist_and_follow_each_other(gaz: Gazetteer) -> None:
    """Every holder is a person of the gazetteer; one office's terms are in order and do not overlap."""
    bad: list[tuple[str, str]] = []
    for _, o in OFFICES:
        prev_end: date | None = None
        for h in o["holders"]:
            e = gaz.get(str(h["id"]))
            if e is None or e.type != "PER":
                bad.append((o["office"], f"unknown holder {h['id']}"))
            start, end = _as_date(h.get("start")), _as_date(h.get("end"))
            if start is None or (end is not None and end <= start):
                bad.append((o["office"], f"dates of {h['id']}"))
            if prev_end is not None and start is not None and start < prev_end:
                bad.append((o["office"], f"{h['id']} starts before the previous term ends"))
            prev_end = end
    assert not bad, bad[:10]


def test_office_titles_are_not_bare_heads() -> None:
    """A bare head (``وزیر نفت``) is resolved by the article's country: no office may own it."""
    heads = {
        fold(x.strip())
        for x in (DATA_DIR / "bare_heads.tsv").read_text(encoding="utf-8").splitlines()
        if x.strip() and not x.startswith("#")
    }
    owned = [(o["office"], t) for _, o in OFFICES for t in o["title"] if fold(t) in heads]
    assert not owned, owned


# (title, date, holder): Iranian offices 2003–2025 and counterparts of the 2000s.
HOLDERS = [
    ("رئیس‌جمهور ایران", date(2004, 3, 1), "Mohammad Khatami"),
    ("رئیس‌جمهور کشورمان", date(2009, 3, 1), "Mahmoud Ahmadinejad"),
    ("معاون اول رئیس‌جمهور", date(2016, 1, 1), "Eshaq Jahangiri"),
    ("وزیر امور خارجه ایران", date(2004, 6, 1), "Kamal Kharazi"),
    ("وزیر خارجه کشورمان", date(2008, 6, 1), "Manouchehr Mottaki"),
    ("سخنگوی وزارت امور خارجه ایران", date(2007, 3, 1), "Mohammad Ali Hosseini (diplomat)"),
    ("سخنگوی وزارت خارجه ایران", date(2009, 5, 1), "Hassan Qashqavi"),
    ("دبیر شورای عالی امنیت ملی", date(2006, 1, 1), "Ali Larijani"),
    ("دبیر شورای عالی امنیت ملی", date(2011, 1, 1), "Saeed Jalili"),
    ("رئیس سازمان انرژی اتمی ایران", date(2006, 1, 1), "Gholam Reza Aghazadeh"),
    ("رئیس سازمان انرژی اتمی", date(2012, 6, 1), "Fereydoun Abbasi"),
    ("رئیس مجلس شورای اسلامی", date(2006, 1, 1), "Gholam-Ali Haddad-Adel"),
    ("رئیس مجلس کشورمان", date(2015, 1, 1), "Ali Larijani"),
    ("رئیس قوه قضاییه", date(2005, 1, 1), "Mahmoud Hashemi Shahroudi"),
    ("رئیس قوه قضائیه", date(2012, 1, 1), "Sadeq Larijani"),
    ("فرمانده کل سپاه", date(2005, 1, 1), "Yahya Rahim Safavi"),
    ("فرمانده کل سپاه پاسداران", date(2015, 1, 1), "Mohammad Ali Jafari"),
    ("فرمانده نیروی قدس", date(2015, 1, 1), "Qasem Soleimani"),
    ("رئیس ستاد کل نیروهای مسلح", date(2010, 1, 1), "Hassan Firouzabadi"),
    ("وزیر نفت ایران", date(2008, 1, 1), "Gholam-Hossein Nozari"),
    ("وزیر کشور ایران", date(2004, 1, 1), "Abdolvahed Mousavi Lari"),
    ("وزیر اطلاعات ایران", date(2007, 1, 1), "Gholam-Hossein Mohseni-Eje'i"),
    ("وزیر بهداشت، درمان و آموزش پزشکی", date(2011, 1, 1), "Marzieh Vahid-Dastjerdi"),
    ("وزیر نیرو", date(2015, 1, 1), "Hamid Chitchian"),
    ("رئیس کل بانک مرکزی", date(2010, 1, 1), "Mahmoud Bahmani"),
    ("شهردار تهران", date(2004, 6, 1), "Mahmoud Ahmadinejad"),
    ("شهردار تهران", date(2012, 6, 1), "Mohammad Bagher Ghalibaf"),
    ("وزیر امور خارجه آمریکا", date(2006, 1, 1), "Condoleezza Rice"),
    ("وزیر خارجه انگلیس", date(2005, 1, 1), "Jack Straw"),
    ("وزیر امور خارجه آلمان", date(2007, 1, 1), "Frank-Walter Steinmeier"),
    ("وزیر خارجه ترکیه", date(2008, 1, 1), "Ali Babacan"),
    ("رئیس‌جمهور آمریکا", date(2006, 1, 1), "George W. Bush"),
    ("رئیس‌جمهور اوکراین", date(2014, 5, 1), "Oleksandr Turchynov"),
    ("دبیرکل سازمان ملل", date(2005, 1, 1), "Kofi Annan"),
    ("دبیرکل سازمان ملل", date(2012, 1, 1), "Ban Ki-moon"),
]


@pytest.mark.parametrize(("title", "on", "expected"), HOLDERS)
def test_title_names_the_holder_of_the_day(gaz: Gazetteer, title: str, on: date, expected: str) -> None:
    holder = gaz.role_holder(title, on)
    assert holder is not None and holder.name == expected


def _titled(stage: EntityStage, text: str, published: str) -> dict[str, list[str]]:
    doc = stage(Article(raw=text, text=text, published=published))
    out: dict[str, list[str]] = {}
    for e in list(doc.entities) + list(doc.meta.get("title_entities", [])):
        out[e.name] = [m.source for m in e.mentions]
    return out


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "وزیر امور خارجه کشورمان در نشست خبری گفت تهران به تعهدات خود پایبند می‌ماند.",
            "2007-05-10",
            "Manouchehr Mottaki",
        ),
        (
            "وزیر امور خارجه کشورمان در نشست خبری گفت تهران به تعهدات خود پایبند می‌ماند.",
            "2015-05-10",
            "Mohammad Javad Zarif",
        ),
        (
            "رئیس قوه قضاییه در جمع مسئولان قضایی استان فارس گفت پرونده‌های فساد پیگیری می‌شود.",
            "2012-03-01",
            "Sadeq Larijani",
        ),
        (
            "سخنگوی دولت در نشست هفتگی با خبرنگاران گفت لایحه بودجه هفته آینده تقدیم مجلس می‌شود.",
            "2016-10-04",
            "Mohammad Bagher Nobakht",
        ),
        (
            "وزیر نفت در حاشیه جلسه هیئت دولت گفت صادرات نفت خام افزایش یافته است.",
            "2008-02-20",
            "Gholam-Hossein Nozari",
        ),
        (
            "فرمانده کل سپاه در مراسم صبحگاه مشترک یگان‌ها از آمادگی نیروها خبر داد.",
            "2005-09-01",
            "Yahya Rahim Safavi",
        ),
        (
            "دبیرکل سازمان ملل در نیویورک خواستار آتش‌بس فوری در غزه شد.",
            "2009-01-05",
            "Ban Ki-moon",
        ),
    ],
)
def test_title_in_a_dated_article(stage: EntityStage, text: str, published: str, expected: str) -> None:
    found = _titled(stage, text, published)
    assert "title" in found.get(expected, []), found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "وزیر کشور در جمع استانداران گفت انتخابات در موعد مقرر برگزار می‌شود.",
            "2004-01-20",
            "Abdolvahed Mousavi Lari",
        ),
        (
            "وزیر کشور در جمع استانداران گفت انتخابات در موعد مقرر برگزار می‌شود.",
            "2016-01-20",
            "Abdolreza Rahmani Fazli",
        ),
        # only a city named: the article-wide fallback counts countries, not cities
        ("در کرج گفت: رئیس جمهور دو سال است که این موضوع را اعلام کرده است.", "2019-12-11", "Hassan Rouhani"),
        ("رئیس جمهوری لایحه بودجه سال آینده را به مجلس تقدیم کرد.", "2010-12-05", "Mahmoud Ahmadinejad"),
        ("رئیس مجلس در جلسه علنی امروز گفت لایحه بودجه تصویب می‌شود.", "2015-03-01", "Ali Larijani"),
        ("رئیس مجلس لبنان در بیروت گفت انتخابات پارلمانی برگزار می‌شود.", "2015-03-01", "Nabih Berri"),
    ],
)
def test_bare_title_goes_by_country_and_date(
    stage: EntityStage, text: str, published: str, expected: str
) -> None:
    found = _titled(stage, text, published)
    assert "title" in found.get(expected, []), found


def test_a_former_holder_is_not_the_holder(stage: EntityStage) -> None:
    found = _titled(
        stage, "وزیر نفت سابق کشورمان در گفت‌وگو با یک روزنامه از قراردادهای گازی انتقاد کرد.", "2015-01-10"
    )
    assert "Bijan Namdar Zangeneh" not in found


def test_new_office_holders_by_name(stage: EntityStage) -> None:
    text = (
        "سید محمود هاشمی شاهرودی و غلامرضا آقازاده در نشستی با حضور حسن قشقاوی "
        "درباره پرونده هسته‌ای گفت‌وگو کردند."
    )
    names = set(_titled(stage, text, "2008-11-02"))
    assert {"Mahmoud Hashemi Shahroudi", "Gholam Reza Aghazadeh", "Hassan Qashqavi"} <= names

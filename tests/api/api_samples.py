"""Hand-written Persian news articles with hand-made spans, for the API and browser tests.

The texts are written for these tests (news style, not copied from any outlet).  Spans are
located by substring so the offsets always match the text.  The articles are built as
already-analyzed :class:`~rasad.model.Article` objects, so the tests do not depend on how
good the pipeline stages are today.
"""

from __future__ import annotations

from pathlib import Path

from rasad.model import Article, Entity, Event, Mention, Quote, Sentence, Timex
from rasad.store import Store

LOCAL = "http://127.0.0.1"  # the test client's base URL: the server accepts loopback Host names only

XSS = "<script>window.__xss = 1</script>"
XSS_IMG = '<img src=x onerror="window.__xss = 2">'


def _span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(part, i + 1)
    return i, i + len(part)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!؟?\n" and i + 1 > start:
            end = i + 1
            if text[start:end].strip():
                out.append(Sentence(start, end))
            start = end
    if text[start:].strip():
        out.append(Sentence(start, len(text)))
    return out


class Draft:
    """Builds one article: ``d.ent(...)``, ``d.timex(...)``, ``d.quote(...)``, ``d.event(...)``."""

    def __init__(self, doc: str, text: str, published: str, title: str | None = None, source: str | None = None):
        self.a = Article(
            raw=text, text=text, offsets=list(range(len(text) + 1)), doc=doc, published=published,
            published_source="metadata", title=title, source=source,
        )
        self.a.sentences = _sentences(text)
        self._ents: dict[str, Entity] = {}

    def ent(self, eid: str, name: str, etype: str, label_fa: str, *forms: str) -> Draft:
        e = self._ents.get(eid)
        if e is None:
            e = Entity(eid, name, etype, label_fa)
            self._ents[eid] = e
            self.a.entities.append(e)
        for form in forms:
            nth = sum(1 for m in e.mentions if m.text == form)
            s, t = _span(self.a.text, form, nth)
            e.mentions.append(Mention(form, s, t))
        return self

    def timex(self, part: str, value: str, nth: int = 0) -> Draft:
        s, e = _span(self.a.text, part, nth)
        self.a.timexes.append(Timex(part, s, e, "DATE", value, "day", "published", "jalali"))
        return self

    def quote(self, speaker: str, speaker_id: str, speaker_fa: str, part: str, kind: str = "direct") -> Draft:
        s, e = _span(self.a.text, part)
        self.a.quotes.append(
            Quote(speaker, kind, part, s, e, date=self.a.published, speaker_id=speaker_id, speaker_fa=speaker_fa)
        )
        return self

    def event(
        self, etype: str, actors: list[str], ids: list[str], status: str, evidence: str,
        date: str | None = None, location: str | None = None,
    ) -> Draft:
        s, e = _span(self.a.text, evidence)
        self.a.events.append(
            Event(etype, actors, status, evidence, s, e, date=date, location=location, actor_ids=ids,
                  sentence=self.a.sentence_at(s))
        )
        return self

    def done(self) -> Article:
        return self.a


ARAGHCHI = ("rasad:abbas-araghchi", "Abbas Araghchi", "PER", "عباس عراقچی")
BUSAIDI = ("rasad:badr-albusaidi", "Badr Albusaidi", "PER", "بدر البوسعیدی")
IRAN = ("Q794", "Iran", "GPE", "ایران")
OMAN = ("Q842", "Oman", "GPE", "عمان")


def articles() -> list[Article]:
    """Hand-made articles: a meeting, a second report of it plus a denial, a threat, an XSS probe,
    and one with a planned, a proposed, a cancelled and an ongoing event."""
    t1 = (
        "عباس عراقچی، وزیر امور خارجه ایران، روز دوشنبه ۲۸ مهر در مسقط با بدر البوسعیدی، همتای عمانی خود، "
        "دیدار و گفت‌وگو کرد.\n"
        "عراقچی پس از این دیدار به خبرنگاران گفت: «گفت‌وگوها سازنده بود و ادامه پیدا می‌کند.»\n"
        "سخنگوی وزارت خارجه نیز اعلام کرد که دور بعدی رایزنی‌ها به‌زودی برگزار می‌شود."
    )
    a1 = (
        Draft("api-meeting", t1, "2025-10-20", "دیدار وزیران خارجه ایران و عمان در مسقط", "خبرگزاری نمونه")
        .ent(*ARAGHCHI, "عباس عراقچی", "عراقچی")
        .ent(*IRAN, "ایران")
        .ent(*BUSAIDI, "بدر البوسعیدی")
        .ent(*OMAN, "عمانی")
        .timex("روز دوشنبه ۲۸ مهر", "2025-10-20")
        .quote("Abbas Araghchi", ARAGHCHI[0], ARAGHCHI[3], "گفت‌وگوها سازنده بود و ادامه پیدا می‌کند.")
        .event("CONSULT", ["Abbas Araghchi", "Badr Albusaidi"], [ARAGHCHI[0], BUSAIDI[0]], "occurred",
               "در مسقط با بدر البوسعیدی، همتای عمانی خود، دیدار و گفت‌وگو کرد", "2025-10-20", "Muscat")
        .done()
    )
    t2 = (
        "وزارت خارجه عمان روز چهارشنبه ۳۰ مهر اعلام کرد دیدار روز دوشنبه عراقچی و البوسعیدی در مسقط "
        "در فضایی مثبت انجام شد.\n"
        "یک مقام عمانی گزارش‌ها درباره سفر قریب‌الوقوع البوسعیدی به تهران را تکذیب کرد و گفت چنین سفری "
        "در برنامه نیست."
    )
    a2 = (
        Draft("api-followup", t2, "2025-10-22", "عمان: دیدار مسقط مثبت بود", "روزنامه آزمایشی")
        .ent(*OMAN, "عمان", "عمانی")
        .ent(*ARAGHCHI, "عراقچی")
        .ent(*BUSAIDI, "البوسعیدی", "البوسعیدی")
        .timex("روز چهارشنبه ۳۰ مهر", "2025-10-22")
        .timex("روز دوشنبه", "2025-10-20")
        .event("CONSULT", ["Abbas Araghchi", "Badr Albusaidi"], [ARAGHCHI[0], BUSAIDI[0]], "occurred",
               "دیدار روز دوشنبه عراقچی و البوسعیدی در مسقط", "2025-10-20", "Muscat")
        .event("CONSULT", ["Badr Albusaidi", "Iran"], [BUSAIDI[0], IRAN[0]], "denied",
               "گزارش‌ها درباره سفر قریب‌الوقوع البوسعیدی به تهران را تکذیب کرد", None, "Tehran")
        .done()
    )
    t3 = (
        "فرمانده نیروی دریایی روز یکشنبه ۴ آبان هشدار داد که هرگونه تجاوز به آب‌های سرزمینی با پاسخ قاطع "
        "روبه‌رو می‌شود.\nاو افزود: «ما از مرزهای خود با تمام توان دفاع می‌کنیم.»"
    )
    a3 = (
        Draft("api-warning", t3, "2025-10-26", "هشدار فرمانده نیروی دریایی", "خبرگزاری نمونه")
        .timex("روز یکشنبه ۴ آبان", "2025-10-26")
        .quote("anonymous:commander", "", "فرمانده نیروی دریایی", "ما از مرزهای خود با تمام توان دفاع می‌کنیم.")
        .event("THREATEN", ["Islamic Republic of Iran Navy"], [], "occurred",
               "هشدار داد که هرگونه تجاوز به آب‌های سرزمینی با پاسخ قاطع روبه‌رو می‌شود", "2025-10-26")
        .done()
    )
    t4 = f"در این خبر آزمایشی رشته {XSS} و نشانه {XSS_IMG} آمده است و نباید اجرا شود.\nپایان خبر."
    a4 = (
        Draft("api-xss", t4, "2025-10-27", f"عنوان {XSS}", "منبع <b>ناامن</b>")
        .ent("rasad:xss-probe", XSS_IMG, "ORG", XSS, XSS)
        .timex("پایان خبر", "2025-10-27")
        .done()
    )
    a4.url = "javascript:window.__xss = 3"
    t5 = (
        "ایران و عمان قرار است روز ۱۹ آبان سند همکاری دریایی را امضا کنند.\n"
        "قطر پیشنهاد کرده است نشست مشترکی با کویت در آذرماه برگزار شود.\n"
        "سفر وزیر نفت عراق به دمشق که برای هفته جاری برنامه‌ریزی شده بود لغو شد.\n"
        "مذاکرات فنی ایران و آژانس بین‌المللی انرژی اتمی همچنان ادامه دارد."
    )
    a5 = (
        Draft("api-plans", t5, "2025-10-28", "برنامه‌ها، پیشنهادها و یک سفر لغوشده", "خبرگزاری نمونه")
        .ent(*IRAN, "ایران", "ایران")
        .ent(*OMAN, "عمان")
        .timex("روز ۱۹ آبان", "2025-11-10")
        .event("AGREE", ["Iran", "Oman"], [IRAN[0], OMAN[0]], "planned",
               "قرار است روز ۱۹ آبان سند همکاری دریایی را امضا کنند", "2025-11-10")
        .event("CONSULT", ["Qatar", "Kuwait"], [], "proposed",
               "پیشنهاد کرده است نشست مشترکی با کویت در آذرماه برگزار شود", "2025-12")
        .event("CONSULT", ["Iraq", "Syria"], [], "cancelled", "سفر وزیر نفت عراق به دمشق", None, "Damascus")
        .event("CONSULT", ["Iran", "International Atomic Energy Agency"], [IRAN[0], ""], "ongoing",
               "مذاکرات فنی ایران و آژانس بین‌المللی انرژی اتمی همچنان ادامه دارد")
        .done()
    )
    return [a1, a2, a3, a4, a5]


def filler(n: int) -> list[Article]:
    """``n`` small articles on other days (for paging and date filters), no spans."""
    out = []
    for i in range(n):
        day = f"2025-09-{1 + i % 28:02d}"
        text = f"گزارش کوتاه شماره {i} درباره نرخ ارز در بازار تهران که امروز اندکی تغییر کرد."
        out.append(Draft(f"api-filler-{i:02d}", text, day, f"گزارش بازار {i}", "بولتن بازار").done())
    return out


def fill_db(path: Path, n_filler: int = 25) -> dict[str, int]:
    """Create a store at ``path`` with the sample articles; returns ``{doc: article id}``."""
    ids: dict[str, int] = {}
    with Store.open(path) as st:
        for art in [*articles(), *filler(n_filler)]:
            aid, _ = st.add(art)
            ids[art.doc] = aid
    return ids

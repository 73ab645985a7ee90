"""Clause kinds, governing clauses and argument candidates (را objects, با/به/از/میان ...).

Sentences written for these tests in the style of Persian news.
"""

from __future__ import annotations

import pytest

from rasad.syntax import clause_at, governing, governor, tokens_in

# (sentence, [(kind, verb text, parent index)])
KINDS = [
    (
        "عراقچی گفت که ایران با آژانس همکاری خواهد کرد.",
        [("main", "گفت", None), ("complement", "همکاری خواهد کرد", 0)],
    ),
    ("توافقی که دو طرف امضا کردند اجرا نشد.", [("relative", "امضا کردند", 1), ("main", "اجرا نشد", None)]),
    (
        "سفیری که هفته گذشته احضار شده بود امروز به کشورش بازگشت.",
        [("relative", "احضار شده بود", 1), ("main", "بازگشت", None)],
    ),
    (
        "اگر شورای امنیت قطعنامه را تصویب کند، روسیه آن را وتو خواهد کرد.",
        [("conditional", "تصویب کند", 1), ("main", "وتو خواهد کرد", None)],
    ),
    (
        "در صورتی که طرف مقابل به تعهداتش عمل نکند، ایران از توافق خارج می‌شود.",
        [("conditional", "عمل نکند", 1), ("main", "خارج می‌شود", None)],
    ),
    (
        "هیئت اعزامی به ریاض رفت تا درباره آتش‌بس گفت‌وگو کند.",
        [("main", "رفت", None), ("purpose", "گفت‌وگو کند", 0)],
    ),
    (
        "ارتش سوریه شهر را محاصره کرد و شورشیان عقب‌نشینی کردند.",
        [("main", "محاصره کرد", None), ("coordinated", "عقب‌نشینی کردند", 0)],
    ),
    (
        "وزیر خارجه که دیروز به مسکو سفر کرده بود با لاوروف دیدار کرد.",
        [("relative", "سفر کرده بود", 1), ("main", "دیدار کرد", None)],
    ),
    ("وی افزود: این اقدام نقض آشکار حقوق بین‌الملل است.", [("main", "افزود", None), ("complement", "است", 0)]),
    (
        "کارشناسان معتقدند که تورم کاهش خواهد یافت.",
        [("main", "معتقدند", None), ("complement", "کاهش خواهد یافت", 0)],
    ),
    (
        "دو کشور توافق کرده‌اند که همکاری‌های نظامی را گسترش دهند.",
        [("main", "توافق کرده‌اند", None), ("complement", "گسترش دهند", 0)],
    ),
    (
        "چین به این اقدام واکنش نشان داد تا از منافع خود دفاع کند.",
        [("main", "نشان داد", None), ("purpose", "دفاع کند", 0)],
    ),
    ("وزیر کشور تا پایان هفته در استان سیستان و بلوچستان می‌ماند.", [("main", "می‌ماند", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), KINDS)
def test_clause_kinds_and_parents(analyse, sentence: str, expected: list) -> None:
    doc = analyse(sentence)
    got = [(c.kind, c.verb.text if c.verb else None, c.parent) for c in doc.clauses]
    assert got == expected


# (sentence, verb text, subject, objects, preps)
ARGS = [
    (
        "نمایندگان دو کشور در حاشیه اجلاس با یکدیگر دیدار کردند.",
        "دیدار کردند",
        "نمایندگان دو کشور",
        [],
        [("در", "حاشیه اجلاس"), ("با", "یکدیگر")],
    ),
    ("ارتش سوریه شهر را محاصره کرد و شورشیان عقب‌نشینی کردند.", "محاصره کرد", "ارتش سوریه", ["شهر"], []),
    ("رئیس‌جمهور باید این قانون را امضا کند.", "امضا کند", "رئیس‌جمهور", ["این قانون"], []),
    (
        "نخست‌وزیر عراق میان دو گروه میانجیگری کرد.",
        "میانجیگری کرد",
        "نخست‌وزیر عراق",
        [],
        [("میان", "دو گروه")],
    ),
    (
        "سخنگوی وزارت امور خارجه گفت که تهران به مذاکرات غیرمستقیم ادامه می‌دهد.",
        "ادامه می‌دهد",
        "تهران",
        [],
        [("به", "مذاکرات غیرمستقیم")],
    ),
    ("نیروهای ائتلاف از عراق خارج شدند.", "خارج شدند", "نیروهای ائتلاف", [], [("از", "عراق")]),
    (
        "ایران و عربستان روابط دیپلماتیک خود را از سر گرفتند.",
        "سر گرفتند",
        "ایران و عربستان",
        ["روابط دیپلماتیک خود"],
        [],
    ),
    ("قرار است رئیس‌جمهور به نیویورک سفر کند.", "سفر کند", "رئیس‌جمهور", [], [("به", "نیویورک")]),
]


@pytest.mark.parametrize(("sentence", "verb", "subject", "objects", "preps"), ARGS)
def test_arguments(pipeline, sentence: str, verb: str, subject: str, objects: list, preps: list) -> None:
    # the whole pipeline: entity mentions and time expressions bound the noun phrases
    from rasad.pipeline import analyze

    doc = analyze(sentence, published="2025-10-21", pipeline=pipeline)
    (c,) = [c for c in doc.clauses if c.verb is not None and c.verb.text == verb]
    t = doc.text
    assert c.subject is not None and t[c.subject[0] : c.subject[1]] == subject
    assert [t[a:b] for a, b in c.objects] == objects
    assert [(p, t[a:b]) for p, a, b in c.preps] == preps


def test_subject_is_none_when_dropped(analyse) -> None:
    doc = analyse("هیئت اعزامی به ریاض رفت تا درباره آتش‌بس گفت‌وگو کند.")
    assert doc.clauses[1].subject is None


def test_queries(analyse) -> None:
    text = "سخنگوی دولت گفت که مذاکرات ادامه دارد."
    doc = analyse(text)
    c = clause_at(doc, text.index("مذاکرات"))
    assert c is not None and c.kind == "complement"
    g = governing(doc, c)
    assert g is not None and g.verb is not None and g.verb.lemma == "گفت"
    assert governing(doc, g) is None
    assert [t.text for t in tokens_in(doc, c.start, c.end)] == ["که", "مذاکرات", "ادامه", "دارد"]


def test_governor_looks_through_coordination(analyse) -> None:
    text = "سخنگوی ارتش اعلام کرد که پهپادها رهگیری شدند و دو موشک به هدف نرسید."
    doc = analyse(text)
    kinds = [(c.kind, c.verb.text if c.verb else None, c.parent) for c in doc.clauses]
    assert kinds == [
        ("main", "اعلام کرد", None),
        ("complement", "رهگیری شدند", 0),
        ("coordinated", "نرسید", 1),
    ]
    last = doc.clauses[2]
    assert governing(doc, last) is doc.clauses[1]
    g = governor(doc, last)
    assert g is not None and g.verb is not None and g.verb.lvc_noun == "اعلام"


def test_sentence_without_verb_is_one_clause(analyse) -> None:
    doc = analyse("دیدار وزیران خارجه ایران و عمان در مسقط")
    assert [(c.kind, c.verb) for c in doc.clauses] == [("main", None)]

"""Verb groups: tense, mood, aspect, negation, voice, light verbs, auxiliaries and modals.

Sentences written for these tests in the style of Persian news.
"""

from __future__ import annotations

import pytest

# (sentence, verb group text, expected attributes)
CASES = [
    # simple past / present / negation
    (
        "وزیر نفت روز گذشته از پالایشگاه آبادان بازدید کرد.",
        "بازدید کرد",
        {
            "lemma": "کرد",
            "lvc_noun": "بازدید",
            "tense": "past",
            "mood": "indicative",
            "aspect": "perfective",
            "negated": False,
            "voice": "active",
            "person": "3",
            "number": "Sing",
        },
    ),
    (
        "وزیر خارجه چین فردا به مسکو سفر می‌کند.",
        "سفر می‌کند",
        {"tense": "present", "mood": "indicative", "aspect": "imperfective", "lvc_noun": "سفر"},
    ),
    (
        "نیروهای امنیتی معترضان را بازداشت نکردند.",
        "بازداشت نکردند",
        {"tense": "past", "negated": True, "person": "3", "number": "Plur", "lvc_noun": "بازداشت"},
    ),
    (
        "سخنگوی دولت گفت که مذاکرات ادامه دارد.",
        "ادامه دارد",
        {"lemma": "داشت", "lvc_noun": "ادامه", "tense": "present", "mood": "indicative"},
    ),
    (
        "اگر مذاکرات شکست بخورد، تحریم‌ها ادامه می‌یابد.",
        "شکست بخورد",
        {"lemma": "خورد", "lvc_noun": "شکست", "tense": "present", "mood": "subjunctive"},
    ),
    (
        "اگر مذاکرات شکست بخورد، تحریم‌ها ادامه می‌یابد.",
        "ادامه می‌یابد",
        {"lemma": "یافت", "mood": "indicative", "aspect": "imperfective"},
    ),
    # future
    (
        "دولت فردا لایحه بودجه را به مجلس ارائه خواهد کرد.",
        "ارائه خواهد کرد",
        {"tense": "future", "lemma": "کرد", "lvc_noun": "ارائه", "negated": False},
    ),
    (
        "رئیس‌جمهور فرانسه تأکید کرد که پاریس از این طرح حمایت نخواهد کرد.",
        "حمایت نخواهد کرد",
        {"tense": "future", "negated": True, "lvc_noun": "حمایت"},
    ),
    (
        "وزیر دفاع هشدار داد که نیروهای مسلح به هرگونه تجاوز پاسخ خواهند داد.",
        "پاسخ خواهند داد",
        {"tense": "future", "lemma": "داد", "number": "Plur"},
    ),
    # perfect / pluperfect
    (
        "هیئت ایرانی هنوز به وین نرفته است.",
        "نرفته است",
        {"tense": "perfect", "negated": True, "lemma": "رفت", "lvc_noun": None},
    ),
    (
        "دو کشور توافق کرده‌اند که همکاری‌های نظامی را گسترش دهند.",
        "توافق کرده‌اند",
        {"tense": "perfect", "person": "3", "number": "Plur", "lvc_noun": "توافق"},
    ),
    ("شرکت ملی نفت قرارداد را لغو کرده بود.", "لغو کرده بود", {"tense": "pluperfect", "lvc_noun": "لغو"}),
    # passive: participle + شد, and the شد-compound of a کرد-compound
    (
        "ده‌ها نفر در این حمله کشته شدند.",
        "کشته شدند",
        {"voice": "passive", "lemma": "کشت", "tense": "past", "number": "Plur"},
    ),
    (
        "سفیر سوئیس به وزارت خارجه احضار شد.",
        "احضار شد",
        {"voice": "passive", "lvc_noun": "احضار", "tense": "past"},
    ),
    (
        "گفته می‌شود که سه نفر در این انفجار زخمی شده‌اند.",
        "گفته می‌شود",
        {"voice": "passive", "lemma": "گفت", "tense": "present", "aspect": "imperfective"},
    ),
    (
        "سفیری که هفته گذشته احضار شده بود امروز به کشورش بازگشت.",
        "احضار شده بود",
        {"voice": "passive", "tense": "pluperfect"},
    ),
    ("این گزارش توسط خبرگزاری رسمی منتشر شد.", "منتشر شد", {"voice": "passive"}),
    ("نیروهای ائتلاف از عراق خارج شدند.", "خارج شدند", {"voice": "active", "lvc_noun": "خارج"}),
    # progressive
    (
        "پلیس داشت معترضان را متفرق می‌کرد.",
        "متفرق می‌کرد",
        {"aspect": "progressive", "tense": "past", "lvc_noun": "متفرق"},
    ),
    (
        "یک مقام ارشد امنیتی در فرودگاه بازداشت شد.",
        "بازداشت شد",
        {"voice": "passive", "lvc_noun": "بازداشت", "tense": "past"},
    ),
    (
        "او گفت ما داریم با شرکای اروپایی مذاکره می‌کنیم.",
        "مذاکره می‌کنیم",
        {"aspect": "progressive", "tense": "present", "person": "1", "number": "Plur"},
    ),
    # modals
    (
        "رئیس‌جمهور باید این قانون را امضا کند.",
        "امضا کند",
        {"modal": "باید", "mood": "subjunctive", "negated": False},
    ),
    (
        "پوتین نمی‌تواند این تحریم‌ها را نادیده بگیرد.",
        "نادیده بگیرد",
        {"modal": "توانستن", "negated": True, "lemma": "گرفت"},
    ),
    ("قرار است رئیس‌جمهور هفته آینده به نیویورک سفر کند.", "سفر کند", {"modal": "قرار است"}),
    ("قرار بود دو هیئت روز یکشنبه در ژنو دیدار کنند.", "دیدار کنند", {"modal": "قرار بود"}),
    ("رئیس‌جمهور نمی‌خواهد به این نشست برود.", "برود", {"modal": "خواستن", "negated": True}),
    # copula
    (
        "مقامات آمریکایی در حال بررسی این پیشنهاد هستند.",
        "هستند",
        {"lemma": "است", "tense": "present", "number": "Plur"},
    ),
    ("کارشناسان معتقدند که تورم کاهش خواهد یافت.", "معتقدند", {"lemma": "است", "number": "Plur"}),
]


@pytest.mark.parametrize(("sentence", "verb", "expected"), CASES)
def test_verb_group(analyse, sentence: str, verb: str, expected: dict) -> None:
    doc = analyse(sentence)
    groups = {c.verb.text: c.verb for c in doc.clauses if c.verb is not None}
    assert verb in groups, f"no verb group {verb!r} in {list(groups)}"
    vg = groups[verb]
    got = {k: getattr(vg, k) for k in expected}
    assert got == expected


def test_adjacent_progressive_auxiliary_is_in_the_group(analyse) -> None:
    doc = analyse("کاروان امدادی داشت حرکت می‌کرد.")
    (vg,) = [c.verb for c in doc.clauses if c.verb is not None]
    assert (vg.aspect, vg.tense, vg.lvc_noun) == ("progressive", "past", "حرکت")
    assert vg.text == "داشت حرکت می‌کرد"


def test_verb_group_offsets_index_the_text(analyse) -> None:
    text = "دولت فردا لایحه بودجه را به مجلس ارائه خواهد کرد."
    doc = analyse(text)
    (vg,) = [c.verb for c in doc.clauses if c.verb is not None]
    assert text[vg.start : vg.end] == vg.text == "ارائه خواهد کرد"


def test_modal_request_with_other_subject_is_not_a_modal(analyse) -> None:
    doc = analyse("دبیرکل سازمان ملل از همه طرف‌ها خواست خویشتنداری کنند.")
    kinds = [(c.kind, c.verb.text if c.verb else None, c.verb.modal if c.verb else None) for c in doc.clauses]
    assert kinds == [("main", "خواست", None), ("complement", "خویشتنداری کنند", None)]

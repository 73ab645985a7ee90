"""Where an unmarked speech over several lines ends, on the whole pipeline (the clause
layer gives each line's verbs). Own example sentences in the style of Persian news."""

from __future__ import annotations

from rasad.model import Article
from rasad.pipeline import analyze
from rasad.quotes.lines import heading_like


def _texts(doc: Article) -> list[str]:
    return [q.text for q in doc.quotes]


def test_heading_like_needs_no_verb_and_no_stop() -> None:
    t = "افزایش سرمایه‌گذاری در بازار مسکن"
    assert heading_like(t, 0, len(t), 0)
    assert not heading_like(t, 0, len(t), 1)  # a verb: a sentence, not a heading
    assert not heading_like(t + ".", 0, len(t) + 1, 0)  # a closing stop
    long = " ".join(["بازار"] * 20)
    assert not heading_like(long, 0, len(long), 0)


def test_run_stops_at_a_sub_heading() -> None:
    t = (
        " date 2025-03-01\n"
        "عنوان خبر درباره بازار مسکن\n\n"
        "وزیر راه و شهرسازی روز شنبه گفت: قیمت مسکن در ماه‌های آینده کاهش خواهد یافت.\n"
        "ما برنامه‌ای برای ساخت یک میلیون واحد مسکونی داریم.\n"
        "بازگشت سرمایه‌گذاران به بازار مسکن\n"
        "کارشناسان بازار در سال‌های گذشته بارها نسبت به رکود این بخش هشدار داده‌اند.\n"
    )
    texts = _texts(analyze(t))
    assert any(x.startswith("قیمت مسکن") for x in texts)
    assert any(x.startswith("ما برنامه‌ای") for x in texts)
    assert not any("بازگشت سرمایه‌گذاران" in x for x in texts)
    assert not any(x.startswith("کارشناسان بازار در سال") for x in texts)


def test_run_stops_at_a_narrators_transition() -> None:
    t = (
        " date 2025-03-01\n"
        "عنوان خبر درباره نفت\n\n"
        "وزیر نفت روز شنبه در گفت‌وگو با خبرنگاران گفت: صادرات نفت افزایش یافته است.\n"
        "در این میان قیمت نفت خام در بازارهای جهانی دو درصد کاهش یافت.\n"
    )
    texts = _texts(analyze(t))
    assert any(x.startswith("صادرات نفت") for x in texts)
    assert not any("قیمت نفت خام" in x for x in texts)


def test_run_stops_where_another_person_opens_the_line() -> None:
    t = (
        " date 2025-03-01\n"
        "عنوان خبر درباره دیدار\n\n"
        "عباس عراقچی وزیر امور خارجه روز شنبه گفت: گفت‌وگوها در فضایی سازنده برگزار شد.\n"
        "ما آماده ادامه این روند هستیم.\n"
        "سرگئی لاوروف وزیر خارجه روسیه نیز روز یکشنبه با همتای ترکیه‌ای خود دیدار کرد.\n"
    )
    texts = _texts(analyze(t))
    assert any(x.startswith("گفت‌وگوها در فضایی") for x in texts)
    assert any(x.startswith("ما آماده ادامه") for x in texts)
    assert not any("با همتای ترکیه‌ای" in x for x in texts)

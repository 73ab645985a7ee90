"""Unit tests of the constructions the event grammar consults (sentences written for these tests)."""

from __future__ import annotations

import pytest

from rasad.events.actors import Candidate
from rasad.events.constructions import Constructions


@pytest.fixture(scope="module")
def cx() -> Constructions:
    return Constructions()


def _cand(text: str, form: str, actor: str) -> Candidate:
    a = text.index(form)
    return Candidate(a, a + len(form), actor, None, None, None, "GPE", "gazetteer")


def test_object_relative_clause(cx: Constructions) -> None:
    text = "ارمنستان روستاهایی را که نیروهای آذربایجان گرفته‌اند، پس نمی‌دهد"
    assert cx.in_relative(text, 0, text.index("آذربایجان"))
    assert not cx.in_relative(text, 0, text.index("پس نمی‌دهد"))  # the comma closes it


def test_condition_is_embedded(cx: Constructions) -> None:
    text = "اگر عراق پاسخ دهد، کویت ساکت نمی‌ماند"
    assert cx.in_relative(text, 0, text.index("عراق"))
    assert not cx.in_relative(text, 0, text.index("کویت"))


def test_hedge_and_future(cx: Constructions) -> None:
    text = "به احتمال زیاد مسقط این طرح را نخواهد پذیرفت"
    assert cx.hedged(text, 0, text.index("نخواهد"))
    assert not cx.hedged("مسقط این طرح را رد کرد", 0, 10)
    assert cx.future("نخواهند پذیرفت")
    assert cx.future("حمایت خواهد کرد")
    assert not cx.future("رد کرد")


def test_coordinated_subjects(cx: Constructions) -> None:
    text = "پرتغال، ایرلند و مالت با این طرح موافقت نکردند"
    cands = [
        _cand(text, "پرتغال", "Portugal"),
        _cand(text, "ایرلند", "Ireland"),
        _cand(text, "مالت", "Malta"),
    ]
    got = cx.coordinated(text, cands, cands[0], text.index("موافقت"))
    assert [a for a, _ in got] == ["Ireland", "Malta"]


def test_doer_of_the_act_asked(cx: Constructions) -> None:
    text = "وزیر خارجه لبنان خواستار عقب‌نشینی نیروهای اسرائیل از مرز شد"
    cands = [_cand(text, "لبنان", "Lebanon"), _cand(text, "اسرائیل", "Israel")]
    ts = text.index("خواستار")
    assert cx.asked(text, cands, ts, len(text), ("Lebanon", None)) == [("Israel", None)]
    text2 = "وزیر خارجه لبنان خواستار کمک به مردم اسرائیل شد"
    cands2 = [_cand(text2, "لبنان", "Lebanon"), _cand(text2, "اسرائیل", "Israel")]
    assert cx.asked(text2, cands2, text2.index("خواستار"), len(text2), ("Lebanon", None)) == []


def test_all_doers_asked(cx: Constructions) -> None:
    text = "وزیر خارجه فرانسه خواستار بازگشت صربستان و کوزوو به میز مذاکره شد"
    cands = [_cand(text, w, e) for w, e in (("فرانسه", "France"), ("صربستان", "Serbia"), ("کوزوو", "Kosovo"))]
    got = cx.asked(text, cands, text.index("خواستار"), len(text), ("France", None))
    assert got == [("Serbia", None), ("Kosovo", None)]


def test_nested_from_phrase_is_no_target(cx: Constructions) -> None:
    text = "وزیر خارجه آلمان از مواضع روسیه و حمایت‌های این کشور از بلاروس انتقاد کرد"
    cands = [_cand(text, w, e) for w, e in (("آلمان", "Germany"), ("روسیه", "Russia"), ("بلاروس", "Belarus"))]
    for c in cands[1:]:
        c.target_marked = True
    acts = [("Germany", None), ("Russia", None), ("Belarus", None)]
    got = cx.nested_from(text, cands, text.index("از"), text.index("انتقاد"), acts)
    assert got == [("Germany", None), ("Russia", None)]
    text2 = "وزیر خارجه آلمان از روسیه و بلاروس انتقاد کرد"
    cands2 = [
        _cand(text2, w, e) for w, e in (("آلمان", "Germany"), ("روسیه", "Russia"), ("بلاروس", "Belarus"))
    ]
    for c in cands2[1:]:
        c.target_marked = True
    assert cx.nested_from(text2, cands2, text2.index("از"), text2.index("انتقاد"), acts) == acts


def test_speech_anaphor(cx: Constructions) -> None:
    text = "وزیر خارجه در این مصاحبه از سیاست‌های اروپا انتقاد کرد"
    assert cx.speech_anaphor(text, 0, text.index("انتقاد"))
    text2 = "وزیر خارجه در این شهر از سیاست‌های اروپا انتقاد کرد"
    assert not cx.speech_anaphor(text2, 0, text2.index("انتقاد"))


def test_condition_target(cx: Constructions) -> None:
    text = "اگر عراق دوباره حمله کند، کویت پاسخ قاطعی خواهد داد"
    cands = [_cand(text, "عراق", "Iraq"), _cand(text, "کویت", "Kuwait")]
    assert cx.condition_target(text, cands, 0, text.index("پاسخ"), ("Kuwait", None)) == ("Iraq", None)


def test_sports_and_statement_object(cx: Constructions) -> None:
    assert cx.sports("تیم ملی در نیمه نهایی به مصاف قطر می‌رود", 0, 40)
    assert not cx.sports("وزیران دو کشور در تهران دیدار کردند", 0, 30)
    text = "حمله به کاروان امدادی را محکوم کرد"
    assert cx.object_of_statement(text, len("حمله"), len(text))


def test_direct_request_target(cx: Constructions) -> None:
    text = "باید برای سوریه یک دولت فراگیر تشکیل شود"
    assert cx.direct("REQUEST", text, text.index("سوریه"))
    text2 = "باید به تصمیم دولت سوریه احترام گذاشت"
    assert not cx.direct("REQUEST", text2, text2.index("سوریه"))
    assert not cx.direct("ACCUSE", text, text.index("سوریه"))


def test_third_party_with_pair(cx: Constructions) -> None:
    text = "وزیر خارجه قطر با همتایان خود در دو کشور گفت‌وگو کرد"
    assert cx.with_pair(text, 0, text.index("دو کشور"))
    text2 = "دو کشور توافق کردند"
    assert not cx.with_pair(text2, 0, text2.index("دو کشور"))

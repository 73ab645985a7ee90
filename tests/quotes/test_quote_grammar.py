"""The quote grammar on hand-written constructions (``quote_cases.py``), with hand-built entities."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quote_cases import CASES, HEADLINE, PEOPLE

from rasad.model import Article, Entity, Mention, Sentence, Timex
from rasad.quotes import QuoteStage, quote_pairs

ZWNJ = "\u200c"
_SENT = re.compile(r"[^.!?؟\n]+[.!?؟]*")


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    return QuoteStage()


def make_doc(
    text: str,
    people: dict[str, tuple[str, str]] = PEOPLE,
    published: str | None = "2025-10-21",
    timexes: list[Timex] | None = None,
    title_span: tuple[int, int] | None = None,
) -> Article:
    """An article whose entities are every occurrence of a ``people`` surface (longest first)."""
    text = text.replace("+", ZWNJ)
    taken = [False] * len(text)
    ents: dict[str, Entity] = {}
    for surface in sorted(people, key=len, reverse=True):
        name, typ = people[surface]
        for m in re.finditer(r"(?<![\w\u200c])" + re.escape(surface) + r"(?![\w\u200c])", text):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            e = ents.setdefault(name, Entity(id=f"test:{name}", name=name, type=typ))
            e.mentions.append(Mention(surface, m.start(), m.end()))
    sents = [Sentence(m.start(), m.end()) for m in _SENT.finditer(text)]
    return Article(
        raw=text,
        text=text,
        offsets=list(range(len(text) + 1)),
        published=published,
        sentences=sents,
        entities=list(ents.values()),
        timexes=timexes or [],
        title_span=title_span,
    )


def assert_quotes(doc: Article, expected: list[tuple[str, ...]]) -> None:
    """The quotes of ``doc`` are the expected (speaker, kind, text part[, cue]) rows, in order."""
    got = [(q.speaker, q.kind, q.text, q.cue) for q in doc.quotes]
    assert len(got) == len(expected), got
    for (speaker, kind, qtext, cue), exp in zip(got, expected, strict=True):
        assert speaker == exp[0], got
        assert kind == exp[1], got
        assert exp[2].replace("+", ZWNJ) in qtext, got
        if len(exp) > 3:
            assert cue == exp[3].replace("+", ZWNJ), got


@pytest.mark.parametrize("case_id,text,expected", CASES, ids=[c[0] for c in CASES])
def test_construction(stage: QuoteStage, case_id: str, text: str, expected: list[tuple[str, ...]]) -> None:
    assert_quotes(stage(make_doc(text)), expected)


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 100
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case_id,text,expected", CASES[:40], ids=[c[0] for c in CASES[:40]])
def test_offsets_and_fields(
    stage: QuoteStage, case_id: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    doc = stage(make_doc(text))
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
        assert q.cue_start is not None and q.cue_end is not None
        assert q.cue_start < q.cue_end <= len(doc.text)
        assert q.sentence is not None and 0 <= q.sentence < len(doc.sentences)
        assert q.date == "2025-10-21"
        assert q.speaker_fa


def test_headline_is_not_a_quote(stage: QuoteStage) -> None:
    body = "\nپسکوف گفت که برنامه+ای برای دیدار نیست."
    doc = stage(make_doc(HEADLINE + body, title_span=(0, len(HEADLINE))))
    assert [q.speaker for q in doc.quotes] == ["Dmitry Peskov"]
    assert all(q.start > len(HEADLINE) for q in doc.quotes)


def test_cue_in_title_is_skipped(stage: QuoteStage) -> None:
    title = "لاوروف گفت که مذاکرات ادامه دارد"
    doc = stage(make_doc(title + "\nمتن خبر در اینجا آمده است.", title_span=(0, len(title))))
    assert doc.quotes == []


def test_date_from_timex_in_clause(stage: QuoteStage) -> None:
    text = (
        "ترامپ روز دوشنبه گفت که مذاکره ادامه دارد. وی افزود که نتیجه نزدیک است. پسکوف گفت که عجله+ای نیست."
    )
    t = text.replace("+", ZWNJ)
    i = t.index("روز دوشنبه")
    tx = Timex("روز دوشنبه", i, i + len("روز دوشنبه"), "DATE", "2025-10-20", "day")
    doc = stage(make_doc(text, timexes=[tx]))
    assert [(q.speaker, q.date) for q in doc.quotes] == [
        ("Donald Trump", "2025-10-20"),
        ("Donald Trump", "2025-10-20"),  # a pronoun continuation keeps the date
        ("Dmitry Peskov", "2025-10-21"),  # else the publication date
    ]


def test_speaker_ids_and_persian_form(stage: QuoteStage) -> None:
    doc = stage(make_doc("سرگئی لاوروف گفت که مسکو آماده است."))
    (q,) = doc.quotes
    assert q.speaker_id == "test:Sergey Lavrov"
    assert q.speaker_fa == "سرگئی لاوروف"


def test_unlinked_name_spelled_in_english(stage: QuoteStage) -> None:
    """A name the entity stage missed is spelled by the name model; the surface stays in
    ``speaker_fa`` and the bare surname later joins the full name."""
    doc = stage(
        make_doc("تیمور تکاچنکو گفت که پدافند فعال است. تکاچنکو افزود که پناهگاه+ها باز است.", people={})
    )
    assert [q.speaker for q in doc.quotes] == ["Timur Tkachenko", "Timur Tkachenko"]
    assert [q.speaker_fa for q in doc.quotes] == ["تیمور تکاچنکو", "تیمور تکاچنکو"]
    assert all(q.speaker_id is None for q in doc.quotes)


def test_bare_surname_takes_the_full_name_written_before(stage: QuoteStage) -> None:
    """A bare surname as the subject joins ``<given name> <surname>`` written earlier in a
    sentence that did not quote it, though the entity stage linked neither."""
    text = "به گزارش خبرنگار ما، ناهید کرمانشاهی مجری این طرح پژوهشی است. کرمانشاهی گفت که نتایج امیدوارکننده است."
    (q,) = stage(make_doc(text, people={})).quotes
    assert q.speaker_fa == "ناهید کرمانشاهی"
    assert q.speaker.startswith("Nahid ")


def test_unlinked_name_before_an_indefinite_role(stage: QuoteStage) -> None:
    """``<name>، یک <role> ... می‌گوید``: the role is an appositive of the name, which speaks."""
    text = "جان اسمیت، یک کارشناس باسابقه بازار طلا می+گوید: قیمت+ها تا پایان سال بالا می+ماند."
    (q,) = stage(make_doc(text, people={})).quotes
    assert q.speaker == "John Smith"


def test_unlinked_common_words_stay_persian(stage: QuoteStage) -> None:
    """A subject that reads as common words, not a name, is not romanized."""
    doc = stage(make_doc("سایت وطن گفت که مذاکرات ادامه دارد.", people={}))
    assert [q.speaker for q in doc.quotes] == ["سایت وطن"]
    doc = stage(make_doc("همکارش گفت که مذاکرات ادامه دارد.", people={}))
    assert [q.speaker for q in doc.quotes] == ["همکارش"]


def test_title_entity_mention_is_the_holder(stage: QuoteStage) -> None:
    """A title the entity stage linked to its holder (source ``title``) resolves to the person."""
    text = "سخنگوی وزارت امور خارجه روسیه گفت که گفت+وگوها ادامه دارد."
    doc = make_doc(text, people={})
    t = doc.text
    e = Entity(
        id="Q1",
        name="Maria Zakharova",
        type="PER",
        mentions=[Mention("سخنگوی وزارت امور خارجه روسیه", 0, len("سخنگوی وزارت امور خارجه روسیه"), "title")],
    )
    doc.entities = [e]
    assert t.startswith("سخنگوی")
    (q,) = stage(doc).quotes
    assert q.speaker == "Maria Zakharova"


def test_empty_and_odd_documents(stage: QuoteStage) -> None:
    assert stage(Article(raw="")).quotes == []
    assert stage(Article(raw="x", text="گفت:")).quotes == []
    assert stage(Article(raw="x", text="«««» گفت که")).quotes == []
    doc = stage(Article(raw="x", text="لاوروف گفت: «بدون بستن"))
    assert all(doc.text[q.start : q.end] == q.text for q in doc.quotes)


def test_quote_pairs_nesting() -> None:
    t = '«الف «ب» ج» و “د” و "ه"'
    pairs = quote_pairs(t)
    assert pairs[0] == t.index("ج") + 1
    assert pairs[t.index("«ب")] == t.index("»")
    assert pairs[t.index("“")] == t.index("”")
    assert pairs[t.index('"')] == t.rindex('"')


def test_guillemets_pair_across_a_few_lines_only() -> None:
    # GUIDELINES §9: a direct quote runs to its closing mark even across lines
    assert quote_pairs("«الف\nب»") == {0: 6}
    assert quote_pairs("«الف\n" + "ب\n" * 10 + "ج»") == {}
    assert quote_pairs('"الف\nب"') == {}  # straight quotes stay within a line


_PIECES = [
    "لاوروف",
    "گفت",
    "که",
    ":",
    "«",
    "»",
    "،",
    ".",
    " ",
    "\n",
    "وی",
    "افزود",
    "خواستار",
    "شد",
    "به گفته",
    "به نقل از",
    "به گزارش",
    "یک مقام",
    "کرملین",
    "اعلام کرد",
    "از",
    "خبر داد",
    "را",
    "و",
    '"',
    "“",
    "”",
    "مبنی بر اینکه",
    "گزارش‌هایی",
    "این",
    "آمده است",
    "در حالی که",
    "!",
    "؟",
]


_STAGE = QuoteStage()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_never_crashes_and_spans_hold(pieces: list[str]) -> None:
    doc = _STAGE(make_doc(" ".join(pieces)))
    assert not doc.warnings
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text and q.text
        assert q.cue_start is not None and q.cue_end is not None and q.cue_start < q.cue_end

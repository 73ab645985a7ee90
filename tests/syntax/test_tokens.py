"""Tokenizer, morphology rules and tagger output on words written for these tests."""

from __future__ import annotations

import pytest

from rasad.syntax.morph import Morphology
from rasad.syntax.tokenize import tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("آن‌ها می‌روند.", ["آن\u200cها", "می\u200cروند", "."]),
        ("کشور ها و سازمان های بین‌المللی", ["کشور ها", "و", "سازمان های", "بین\u200cالمللی"]),
        ("نامه ای به دبیرکل", ["نامه ای", "به", "دبیرکل"]),
        ("بزرگ ترین رزمایش", ["بزرگ ترین", "رزمایش"]),
        ("نرخ تورم ۴۲.۵ درصد شد.", ["نرخ", "تورم", "۴۲.۵", "درصد", "شد", "."]),
        ("«صلح» (ایرنا)", ["«", "صلح", "»", "(", "ایرنا", ")"]),
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    got = tokenize(text)
    assert [w for _, _, w in got] == tokens
    assert all(text[s:e] == w for s, e, w in got)


@pytest.fixture(scope="module")
def morph() -> Morphology:
    return Morphology()


# word → (stem, kind, neg, imperfective, subj prefix, person, number)
FORMS = [
    ("نمی‌کنند", ("کرد", "present", True, True, False, 3, "Plur")),
    ("کردند", ("کرد", "past", False, False, False, 3, "Plur")),
    ("نکرد", ("کرد", "past", True, False, False, 3, "Sing")),
    ("بکند", ("کرد", "present", False, False, True, 3, "Sing")),
    ("کند", ("کرد", "present", False, False, False, 3, "Sing")),
    ("می‌گوید", ("گفت", "present", False, True, False, 3, "Sing")),
    ("بیاید", ("آمد", "present", False, False, True, 3, "Sing")),
    ("نیامدند", ("آمد", "past", True, False, False, 3, "Plur")),
    ("می‌رفتیم", ("رفت", "past", False, True, False, 1, "Plur")),
    ("باشد", ("بود", "present", False, False, False, 3, "Sing")),
    ("نخواهد", ("خواست", "present", True, False, False, 3, "Sing")),
    ("نشست", ("نشست", "past", False, False, False, 3, "Sing")),
    ("نیست", ("است", "copula", True, False, False, 3, "Sing")),
]


@pytest.mark.parametrize(("word", "expected"), FORMS)
def test_verb_morphology(morph: Morphology, word: str, expected: tuple) -> None:
    a = morph.analyse(word)
    assert a is not None
    assert (a.stem, a.kind, a.neg, a.imperfective, a.subj_prefix, a.person, a.number) == expected


def test_participles(morph: Morphology) -> None:
    a = morph.analyse("کشته‌اند")
    assert a is not None and (a.stem, a.kind, a.clitic, a.person, a.number) == (
        "کشت",
        "participle",
        True,
        3,
        "Plur",
    )
    assert morph.is_participle("رفته")
    assert morph.analyse("ایران") is None


def test_tags_and_features(analyse) -> None:
    doc = analyse("وزیر خارجه به تهران سفر نخواهد کرد.")
    pos = [t.pos for t in doc.tokens]
    assert pos[-1] == "PUNCT" and pos[-2] == "VERB" and pos[-3] == "AUX"
    assert doc.tokens[-3].feats.get("Polarity") == "Neg"
    assert doc.tokens[-2].lemma == "کرد"
    assert all(t.sentence == 0 for t in doc.tokens)

"""Lint of the normalizer's data files: normalized Persian, sane entries."""

from __future__ import annotations

import re

import pytest

from rasad.normalize.resources import load_vocabulary, load_yaml

ARABIC_FORMS = re.compile("[يكىۀ]")


def strings(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in strings(k) + strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in strings(v)]
    return []


def test_zwnj_morphology_is_normalized():
    d = load_yaml("normalize_zwnj.yaml")
    for s in strings(d):
        assert not ARABIC_FORMS.search(s), s
        assert s == s.strip() and "  " not in s, s
    for key in ("verb_prefixes", "preverbs", "compound_heads", "compound_firsts", "numerals"):
        assert len(set(d[key])) == len(d[key]), key
    for chain in d["suffixes"]:
        assert chain.startswith("+"), chain
    assert set(d["vowel_suffixes"]) <= set(d["suffixes"])


def test_normalize_yaml_lists():
    d = load_yaml("normalize.yaml")
    assert all(len(k) == 1 and len(v) == 1 for k, v in d["letters"].items())
    for pat in d["boilerplate"]:
        re.compile(pat)
        assert not ARABIC_FORMS.search(pat), pat
    assert len(set(d["abbreviations"])) == len(d["abbreviations"])


@pytest.mark.parametrize("line", ["/انتهای پیام/", "کد خبر: ۱۲۳۴", "انتهای پیام"])
def test_boilerplate_patterns_match_whole_lines(line):
    pats = load_yaml("normalize.yaml")["boilerplate"]
    assert any(re.fullmatch(p, line) for p in pats)


def test_vocabulary_is_normalized():
    v = load_vocabulary()
    bad = [w for w in list(v.tagged) + list(v.dezwnj.values()) if ARABIC_FORMS.search(w)]
    assert not bad[:10]
    assert all(len(w) >= 2 for w in v.tagged)
    assert all(z.replace("\u200c", "") == k for k, z in list(v.dezwnj.items())[:2000])

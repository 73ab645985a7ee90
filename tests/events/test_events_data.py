"""Lint the event data files (``rasad/data/events/*.yaml``)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from rasad.events.resources import DATA_DIR, anchors, compile_fa, load_triggers, load_yaml, to_regex

TYPES = {"CONSULT", "AGREE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "ASSAULT", "ACCUSE"}
STATUSES = {"occurred", "ongoing", "planned", "proposed", "denied", "cancelled"}
MODES = {"meet", "phone", "visit", "third-party", "multilateral", "aerial", "missile", "drone"}
ARABIC_FORMS = re.compile("[يكىۀة]")  # Arabic yeh/kaf, alef maksura: not normalized Persian
# words that Persian orthography joins with a ZWNJ: a space or nothing there is a typo
NEEDS_ZWNJ = re.compile(r"(?<![\w\u200c])(?:می|نمی) (?=[\u0600-\u06FF])|\b(?:گفتوگو|رئیسجمهور)")


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _strings(k) + _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_DIR.glob("*.yaml")))
def test_normalized_persian(name: str) -> None:
    for s in _strings(load_yaml(name)):
        assert not ARABIC_FORMS.search(s), f"{name}: Arabic letter form in {s!r}"
        assert not NEEDS_ZWNJ.search(s), f"{name}: missing ZWNJ in {s!r}"
        assert "  " not in s, f"{name}: double space in {s!r}"
        assert s == s.strip(" ") or s.endswith(" $") or s.endswith(" "), f"{name}: stray spaces in {s!r}"


def test_triggers_well_formed() -> None:
    data = load_yaml("triggers.yaml")
    seen: set[str] = set()
    for row in data["triggers"]:
        assert row["type"] in TYPES, row
        assert row.get("mode") is None or row["mode"] in MODES, row
        assert row.get("status") is None or row["status"] in STATUSES, row
        assert row.get("source", "subject") in ("subject", "speaker", "genitive"), row
        assert row.get("kind", "verbal") in ("verbal", "nominal"), row
        assert row["pattern"] not in seen, f"duplicate trigger {row['pattern']!r}"
        seen.add(row["pattern"])
        re.compile(to_regex(row["pattern"]))
        assert anchors(row["pattern"]), f"no anchor word in {row['pattern']!r}"
        assert all(len(a) >= 2 for a in anchors(row["pattern"]))
    for key in data["cameo"]:
        etype, _, mode = key.partition("/")
        assert etype in TYPES and (not mode or mode in MODES), key
    assert set(data["defaults"]["kind"]) == TYPES
    triggers, _ = load_triggers()
    assert {t.type for t in triggers} == TYPES


def test_no_zwnj_inside_character_classes() -> None:
    """A ZWNJ in a pattern becomes an optional group: inside ``[...]`` it would break the class."""
    for name in ("triggers.yaml", "factuality.yaml", "grammar.yaml"):
        for s in _strings(load_yaml(name)):
            for cls in re.findall(r"\[[^\]]*\]", s):
                assert "\u200c" not in cls, f"{name}: ZWNJ inside {cls!r} of {s!r}"


def test_factuality_cues_well_formed() -> None:
    data = load_yaml("factuality.yaml")
    for section in ("after", "before", "before_nominal"):
        for status, pats in data[section].items():
            assert status in STATUSES | {"purpose", "after_it"}, (section, status)
            for p in pats:
                compile_fa(p)
                # a bounded cue cannot end in a space: the word boundary after it would never hold
                assert p.endswith("$") or not (p.endswith(" ") or p.endswith(" )?")), p
    for key in ("since", "negated_verb", "future_aux"):
        compile_fa(data[key])
    for status, p in data["adjectives"].items():
        assert status in STATUSES
        compile_fa(p)


def test_grammar_lists() -> None:
    g = load_yaml("grammar.yaml")
    for key in ("roles", "possessive_roles", "adjective_heads"):
        words = g[key]
        assert len(words) == len(set(words)), f"{key}: duplicates"
        assert all(len(w) > 1 for w in words), f"{key}: one-letter entry"
    for key in (
        "reporting",
        "pair_anaphors",
        "determiners",
        "pronouns",
        "clause_break",
        "host",
        "verb_and",
        "visit",
        "light_verb",
        "phone_adverb",
        "preposition_before_anaphor",
        "preposition_before_subject",
        "object_marker",
        "passive_before",
    ):
        compile_fa(g[key])
    for p in g["markers"].values():
        compile_fa(p)
    for plural, singular in g["plural_roles"].items():
        assert plural != singular and len(singular) > 1, plural


def test_actor_tables() -> None:
    a = load_yaml("actors.yaml")
    countries = set(a["countries"])
    assert len(countries) == len(a["countries"]) and len(countries) > 150
    for place, state in a["metonymy"].items():
        assert state in countries, f"metonymy {place} -> {state}: not a country"
        assert place not in countries, f"{place} is a country and a seat of government"
    for org, state in a["org_country"].items():
        assert state in countries, org
    for force, state in a["military"].items():
        assert state in countries, force
        assert force not in countries, force
    assert not set(a["non_actors"]) & countries
    media = [re.compile(p) for p in a["non_actor_patterns"]]
    assert not [c for c in countries if any(rx.search(c) for rx in media)], "a media pattern hits a country"
    assert any(rx.search("Tasnim News Agency") for rx in media)
    for name, qid in a["ids"].items():
        assert name in countries and re.fullmatch(r"Q\d+", qid), (name, qid)
    assert len(set(a["ids"].values())) == len(a["ids"]), "one QID under two names"

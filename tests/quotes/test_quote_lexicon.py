"""Lint of the reporting lexicon (``rasad/data/lexicons/reporting*.yaml``) and its conjugations."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from rasad.quotes.lexicon import DATA, conjugate, cue_forms, load_lexicon, load_roles, variants

FILES = sorted(DATA.glob("reporting*.yaml"))
ARABIC = re.compile("[يكىةۀإ]")  # Arabic letters that normalization replaces (أ stays: تأکید)
ZWNJ = "\u200c"


class _DupLoader(yaml.SafeLoader):
    """A YAML loader that fails on a key written twice in one mapping."""


def _no_dups(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        raise ValueError(f"duplicate keys {dup}")
    return loader.construct_mapping(node, deep=deep)


_DupLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_dups)


def _strings(x: Any) -> list[str]:
    if isinstance(x, str):
        return [x]
    if isinstance(x, dict):
        return [s for k, v in x.items() for s in _strings(k) + _strings(v)]
    if isinstance(x, list):
        return [s for v in x for s in _strings(v)]
    return []


def _persian(s: str) -> bool:
    return bool(re.search("[\u0600-\u06ff]", s))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_yaml_is_normalized_and_has_no_duplicate_keys(path: Path) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_DupLoader)  # noqa: S506 - safe subclass
    for s in _strings(data):
        if not _persian(s):
            continue
        assert not ARABIC.search(s), s
        assert s == s.strip() and "  " not in s, s
        assert ZWNJ + " " not in s and " " + ZWNJ not in s and ZWNJ * 2 not in s, s
        assert not re.search(r"(^|\s)می(\s|$)", s), f"می must be joined by ZWNJ: {s}"
        assert len(s.replace(ZWNJ, "").replace(" ", "")) >= 2, f"one-letter form: {s}"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_duplicates_in_lists(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, val in data.items():
        if isinstance(val, list) and all(isinstance(v, str) for v in val):
            assert len(val) == len(set(val)), key


def test_no_role_under_two_tables() -> None:
    roles = load_roles()
    tables = {"heads": roles.heads, "rank": roles.rank, "origin": roles.origin, "titles": roles.titles}
    seen: dict[str, str] = {}
    for name, table in tables.items():
        for k in table:
            assert k not in seen, f"{k} under {seen.get(k)} and {name}"
            seen[k] = name


def test_every_generated_form_is_unique_and_long_enough() -> None:
    data = yaml.safe_load((DATA / "reporting.yaml").read_text(encoding="utf-8"))
    forms = cue_forms(data)
    assert len(forms) > 500
    for f, cf in forms.items():
        assert len(f.replace(ZWNJ, "").replace(" ", "")) >= 3, f
        assert cf.form == f
        assert not ARABIC.search(f), f


def test_conjugation_covers_tenses_and_negation() -> None:
    forms = {f for f, _, _ in conjugate("گفت", "گوی")}
    for f in (
        "گفت",
        "گفتند",
        "گفته است",
        "گفته" + ZWNJ + "اند",
        "گفته بود",
        "می" + ZWNJ + "گوید",
        "می" + ZWNJ + "گویند",
        "نگفت",
        "نمی" + ZWNJ + "گوید",
    ):
        assert f in forms, f
    neg = {f for f, n, _ in conjugate("گفت", "گوی") if n}
    assert "گفت" not in neg and "نگفت" in neg
    plural = {f for f, _, p in conjugate("گفت", "گوی") if p}
    assert "گفتند" in plural and "گفت" not in plural


def test_variants_accept_space_and_missing_zwnj() -> None:
    v = variants("اعلام کرده" + ZWNJ + "اند")
    assert {"اعلام کرده" + ZWNJ + "اند", "اعلام کرده اند", "اعلام کردهاند"} <= v
    assert "تاکید کرد" in variants("تأکید کرد")


def test_lexicon_finds_light_verbs_and_blocks_impersonal() -> None:
    lex = load_lexicon()
    t = "وزیر خاطرنشان ساخت که ... و گفته می" + ZWNJ + "شود که ... سپس اظهار داشت که"
    assert [h.form.lemma for h in lex.find(t)] == ["خاطرنشان ساخت", "اظهار داشت"]
    assert lex.find("گفت" + ZWNJ + "وگو و گفتگو و گفتار") == []
    hits = lex.find("او نگفته بود")
    assert len(hits) == 1 and hits[0].form.negated


def test_narrator_cues_are_lemmas_of_the_lexicon() -> None:
    lex = load_lexicon()
    lemmas = {cf.lemma for cf in lex.forms.values()}
    assert lex.narrator_cues, "narrator_cues is empty"
    for lemma in lex.narrator_cues:
        assert lemma in lemmas, lemma


def test_source_lists_are_present() -> None:
    lex = load_lexicon()
    for name in ("publishers", "document_nouns", "org_heads", "narrator_openers", "according_to"):
        assert getattr(lex, name), name
    # an attribution phrase is never itself a reporting cue (`به نوشته` is not `نوشته`)
    for phrase in lex.according_to + lex.written_by:
        assert lex.find(phrase) == [], phrase

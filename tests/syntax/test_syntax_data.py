"""The syntax data files are well-formed and consistent with each other."""

from __future__ import annotations

from rasad.syntax.features import fold
from rasad.syntax.morph import Morphology
from rasad.syntax.resources import SYNTAX_DIR, load_lvc, load_model, load_morphology, load_stems

UPOS = {
    "NOUN",
    "VERB",
    "AUX",
    "ADP",
    "PRON",
    "PROPN",
    "ADJ",
    "ADV",
    "CCONJ",
    "SCONJ",
    "NUM",
    "PUNCT",
    "DET",
    "PART",
    "X",
    "INTJ",
    "SYM",
}


def test_morphology_yaml_sections() -> None:
    d = load_morphology()
    for key in (
        "past_endings",
        "present_endings",
        "perfect_clitics",
        "prefixes",
        "copula",
        "light_verbs",
        "modals",
        "modal_frames",
        "clause_markers",
        "complement_heads",
        "prepositions",
    ):
        assert d.get(key), key
    assert set(d["clause_markers"]) == {
        "conditional",
        "purpose",
        "adverbial",
        "complementizer",
        "coordinating",
    }
    for forms in d["clause_markers"].values():
        assert all(isinstance(f, str) and f.strip() == f for f in forms)


def test_light_verbs_and_modal_verbs_are_known_stems() -> None:
    d = load_morphology()
    past = {p for p, _ in load_stems()}
    for v in d["light_verbs"]:
        assert fold(v) in past, v
    m = Morphology()
    for pres in d["modal_verbs"]:
        assert m.stem_overrides.get(fold(pres), fold(pres)) in past


def test_lvc_table() -> None:
    lines = [
        x
        for x in (SYNTAX_DIR / "lvc_nouns.tsv").read_text(encoding="utf-8").splitlines()
        if not x.startswith("#")
    ]
    assert len(lines) > 1000
    for line in lines:
        noun, verb, n = line.split("\t")
        assert noun and verb and int(n) >= 1
    assert ("اعلام", "کرد") in load_lvc()


def test_stems_table() -> None:
    for line in (SYNTAX_DIR / "stems_ud.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            past, pres = line.split("\t")
            assert past and pres and past != pres and "#" not in past + pres


def test_model_tags_are_upos() -> None:
    m = load_model()
    assert set(m["lexicon"].values()) <= UPOS
    assert {t for row in m["weights"].values() for t in row} <= UPOS

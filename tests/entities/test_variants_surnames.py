"""Given-name spelling variants in the gazetteer; Iranian family names in romanization."""

from __future__ import annotations

from rasad.entities.gazetteer import Alias, GazEntry, Gazetteer, add_given_name_variants
from rasad.entities.translit import Transliterator


def test_given_name_variant_becomes_an_alias() -> None:
    e = GazEntry("rasad:x", "George Example", "PER", "جورج نمونه", [Alias("جورج نمونه")])
    place = GazEntry("rasad:y", "Georgetown", "GPE", "جورج تاون", [Alias("جورج تاون")])
    add_given_name_variants([e, place], [("جورج", "جرج")])
    assert [a.text for a in e.aliases] == ["جورج نمونه", "جرج نمونه"]
    assert [a.text for a in place.aliases] == ["جورج تاون"]  # people only


def test_shipped_gazetteer_knows_the_variant() -> None:
    g = Gazetteer.default()
    assert [e.name for e in g.lookup("جرج بوش")] == ["George W. Bush"]


def test_iranian_family_names_keep_their_usual_spelling() -> None:
    t = Transliterator.default()
    assert t("رسول طالبی") == "Rasoul Talebi"
    assert t("ناصر مقدم").endswith("Moghaddam")
